using Governance.GraphQL.Errors;
using Governance.GraphQL.Execution;
using Governance.GraphQL.Types;
using static Governance.GraphQL.Tests.Fixtures.Run;

namespace Governance.GraphQL.Tests.Execution;

public class InputBindingTests
{
    private const string Sdl = """
        scalar DateTime
        enum Urgency { LOW HIGH VERY_HIGH }
        input TagInput { name: String! weight: Int }
        input FileInput {
          title: String!
          urgency: Urgency!
          tags: [TagInput!]
          labels: [String!]!
          note: String
          count: Int = 3
          startsAt: DateTime
        }
        input PatchInput { title: String note: String }
        input FilterInput { text: String limit: Int }
        type Tag { name: String! weight: Int }
        type UserError { message: String! field: String }
        type FilePayload { title: String! urgency: Urgency! tags: [Tag!]! labels: [String!]! count: Int note: String startsAt: DateTime errors: [UserError!]! }
        type Query { ok: Boolean }
        type Mutation {
          file(input: FileInput!): FilePayload!
          patch(input: PatchInput!): String!
          tagNames(tags: [TagInput!]!): String!
          filter(input: FilterInput): String!
          total(value: Int!, ratio: Float!): String!
        }
        """;

    public enum Urgency
    {
        Low,
        High,
        VeryHigh,
    }

    public enum ShortUrgency
    {
        Low,
        High,
    }

    public sealed record TagInput(string Name, int? Weight);

    public sealed record FileInput(string Title, Urgency Urgency, IReadOnlyList<TagInput>? Tags, string[] Labels, string? Note, int? Count, DateTimeOffset? StartsAt);

    public sealed record PatchInput(Optional<string?> Title, Optional<string?> Note);

    public sealed class FilterInput
    {
        public string? Text { get; set; } = "(unset)";

        public long? Limit { get; init; }
    }

    public sealed record Tag(string Name, int? Weight);

    public sealed record UserError(string Message, string? Field);

    public sealed record FilePayload(string Title, Urgency Urgency, IReadOnlyList<Tag> Tags, IReadOnlyList<string> Labels, int? Count, string? Note, DateTimeOffset? StartsAt, IReadOnlyList<UserError> Errors);

    public sealed record BadFile(int Title, ShortUrgency Urgency, string Tags, string[] Labels, string Note, int? Count, DateTimeOffset? StartsAt, string Extra);

    public sealed record TitleOnly(string Title);

    private static SchemaBuilder Builder() => new SchemaBuilder()
        .AddTypeDefinitions(Sdl)
        .AddScalar(new DateTimeScalarType())
        .Resolve("Query.ok", _ => true)
        .Resolve("Mutation.file", c =>
        {
            var input = c.Input<FileInput>();
            return new FilePayload(
                input.Title,
                input.Urgency,
                [.. (input.Tags ?? []).Select(t => new Tag(t.Name, t.Weight))],
                input.Labels,
                input.Count,
                input.Note,
                input.StartsAt,
                input.Labels.Length == 0 ? [new UserError("Give at least one label.", "labels")] : []);
        })
        .Resolve("Mutation.patch", c =>
        {
            var input = c.Input<PatchInput>();
            return $"title={input.Title} note={input.Note}";
        })
        .Resolve("Mutation.tagNames", c => string.Join(",", c.Argument<List<TagInput>>("tags")!.Select(t => $"{t.Name}:{t.Weight}")))
        .Resolve("Mutation.filter", c => c.Argument<FilterInput>("input") is { } f ? $"text={f.Text ?? "null"} limit={f.Limit}" : "none")
        .Resolve("Mutation.total", c => $"{c.Argument<long>("value")} {c.Argument<decimal>("ratio")}")
        .BindType<FilePayload>("FilePayload")
        .BindType<Tag>("Tag")
        .BindType<UserError>("UserError");

    private static List<string> BuildErrors(SchemaBuilder builder) =>
        Assert.Throws<GraphQLException>(() => builder.Build()).Errors.Select(e => e.Message).ToList();

    private static Dictionary<string, object?> Vars(params (string Name, object? Value)[] values) =>
        values.ToDictionary(v => v.Name, v => v.Value);

    [Fact]
    public async Task InputObjectBindsToARecordWithEnumsListsNestedObjectsAndCustomScalars()
    {
        var executor = new GraphQLExecutor(Builder().BindInput<FileInput>("FileInput").Build());
        var json = await Json(executor, """
            mutation {
              file(input: { title: "Budget", urgency: VERY_HIGH, tags: [{ name: "money", weight: 2 }, { name: "city" }], labels: "one", startsAt: "2026-12-06T10:00:00+01:00" }) {
                title urgency tags { name weight } labels count note startsAt errors { message }
              }
            }
            """);
        Assert.Equal(
            Q("{'data':{'file':{'title':'Budget','urgency':'VERY_HIGH','tags':[{'name':'money','weight':2},{'name':'city','weight':null}],'labels':['one'],'count':3,'note':null,'startsAt':'2026-12-06T09:00:00Z','errors':[]}}}"),
            json);
    }

    [Fact]
    public async Task VariablesBindTheSameWayAsLiterals()
    {
        var executor = new GraphQLExecutor(Builder().Build());
        var input = new Dictionary<string, object?>
        {
            ["title"] = "Parks",
            ["urgency"] = "LOW",
            ["labels"] = new List<object?>(),
            ["note"] = "green",
            ["count"] = null,
        };
        var json = await Json(executor, "mutation ($in: FileInput!) { file(input: $in) { title urgency labels count note errors { message field } } }", Vars(("in", input)));
        Assert.Equal(
            Q("{'data':{'file':{'title':'Parks','urgency':'LOW','labels':[],'count':null,'note':'green','errors':[{'message':'Give at least one label.','field':'labels'}]}}}"),
            json);
    }

    [Fact]
    public async Task OptionalKeepsAnOmittedFieldApartFromAnExplicitNull()
    {
        var executor = new GraphQLExecutor(Builder().BindInput<PatchInput>("PatchInput").Build());
        var json = await Json(executor, """mutation { a: patch(input: { title: null }) b: patch(input: { note: "new" }) c: patch(input: {}) }""");
        Assert.Equal(Q("{'data':{'a':'title=null note=(omitted)','b':'title=(omitted) note=new','c':'title=(omitted) note=(omitted)'}}"), json);
    }

    [Fact]
    public async Task SettablePropertiesBindAndAnOmittedFieldKeepsThePropertysInitializer()
    {
        var executor = new GraphQLExecutor(Builder().BindInput<FilterInput>("FilterInput").Build());
        var json = await Json(executor, """mutation { a: filter(input: { limit: 5 }) b: filter(input: { text: null }) c: filter }""");
        Assert.Equal(Q("{'data':{'a':'text=(unset) limit=5','b':'text=null limit=','c':'none'}}"), json);
    }

    [Fact]
    public async Task AListArgumentBindsToAListOfRecordsAndScalarsWidenToTheDeclaredNumericType()
    {
        var executor = new GraphQLExecutor(Builder().Build());
        var json = await Json(executor, """mutation { tagNames(tags: [{ name: "a", weight: 1 }, { name: "b" }]) total(value: 7, ratio: 0.5) }""");
        Assert.Equal(Q("{'data':{'tagNames':'a:1,b:','total':'7 0.5'}}"), json);
    }

    [Fact]
    public void BuildNamesEveryFieldOfABoundRecordThatDoesNotFit()
    {
        var errors = BuildErrors(Builder().BindInput<BadFile>("FileInput"));
        Assert.Equal(
            [
                "Cannot bind FileInput to BadFile: the constructor parameter \"Extra\" matches no field of FileInput.",
                "Cannot bind FileInput.note to BadFile.Note: String may be null, but string cannot hold null; declare it string?.",
                "Cannot bind FileInput.tags to BadFile.Tags: [TagInput!] is a list, but string is not an array or list type.",
                "Cannot bind FileInput.tags to BadFile.Tags: [TagInput!] may be null, but string cannot hold null; declare it string?.",
                "Cannot bind FileInput.title to BadFile.Title: String does not fit int; use string.",
                "Cannot bind FileInput.urgency to BadFile.Urgency: Urgency.VERY_HIGH has no member in ShortUrgency.",
            ],
            errors.Order(StringComparer.Ordinal));
    }

    [Fact]
    public void BuildNamesEveryInputFieldARecordHasNoPlaceFor()
    {
        var errors = BuildErrors(Builder().BindInput<TitleOnly>("FileInput").BindInput<TitleOnly>("FilePayload"));
        Assert.Equal(
            [
                "BindInput names \"FilePayload\", which is not an input object type of the schema.",
                "Cannot bind FileInput.count to TitleOnly: it has no constructor parameter or settable property \"count\".",
                "Cannot bind FileInput.labels to TitleOnly: it has no constructor parameter or settable property \"labels\".",
                "Cannot bind FileInput.note to TitleOnly: it has no constructor parameter or settable property \"note\".",
                "Cannot bind FileInput.startsAt to TitleOnly: it has no constructor parameter or settable property \"startsAt\".",
                "Cannot bind FileInput.tags to TitleOnly: it has no constructor parameter or settable property \"tags\".",
                "Cannot bind FileInput.urgency to TitleOnly: it has no constructor parameter or settable property \"urgency\".",
            ],
            errors.Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task ARecordThatDoesNotFitFailsOnFirstUseNamingTheFieldsWhenItWasNotBound()
    {
        var executor = new GraphQLExecutor(
            new SchemaBuilder()
                .AddTypeDefinitions("type Query { patch(input: PatchInput!): String } input PatchInput { title: String note: String }")
                .Resolve("Query.patch", c => c.Input<TitleOnly>().Title)
                .Build(),
            new ExecutorOptions { IncludeExceptionDetails = true });
        var result = await Result(executor, "{ patch(input: { title: \"x\" }) }");
        var error = Assert.Single(result.Errors);
        Assert.Equal("Unexpected Execution Error", error.Message);
        Assert.Equal(
            "Cannot bind PatchInput.note to TitleOnly: it has no constructor parameter or settable property \"note\".\n"
            + "Cannot bind PatchInput.title to TitleOnly.Title: String may be null, but string cannot hold null; declare it string?.",
            string.Join("\n", ((string)error.Extensions!["message"]!).Split(Environment.NewLine).Order(StringComparer.Ordinal)));
    }

    [Fact]
    public void TheBindingPlanIsMadeOncePerTypeAndReused()
    {
        var schema = Builder().BindInput<FileInput>("FileInput").Build();
        var fileInput = schema.GetType("FileInput")!;
        var first = InputBinder.PlanFor(fileInput, typeof(FileInput), "FileInput");
        Assert.Same(first, InputBinder.PlanFor(fileInput, typeof(FileInput), "FileInput"));
        Assert.Same(InputBinder.PlanFor(schema.GetType("TagInput")!, typeof(TagInput), "TagInput"), InputBinder.PlanFor(schema.GetType("TagInput")!, typeof(TagInput), "TagInput"));
    }

    [Fact]
    public async Task ACustomScalarValueThatTheMemberCannotHoldFailsNamingTheField()
    {
        var executor = new GraphQLExecutor(
            new SchemaBuilder()
                .AddTypeDefinitions("scalar DateTime type Query { at(input: AtInput!): String } input AtInput { when: DateTime! }")
                .AddScalar(new DateTimeScalarType())
                .Resolve("Query.at", c => c.Input<WrongWhen>().When)
                .Build(),
            new ExecutorOptions { IncludeExceptionDetails = true });
        var result = await Result(executor, "{ at(input: { when: \"2026-01-01T00:00:00Z\" }) }");
        Assert.Equal(
            "Cannot bind AtInput.when to WrongWhen.When: the DateTime scalar gave DateTimeOffset, which string cannot hold.",
            Assert.Single(result.Errors).Extensions!["message"]);
    }

    [Fact]
    public async Task RandomInputsBindAsAnObviouslyCorrectReferenceReadsThem()
    {
        var executor = new GraphQLExecutor(Builder().BindInput<FileInput>("FileInput").BindInput<PatchInput>("PatchInput").Build());
        var random = new Random(14);
        string[] urgencies = ["LOW", "HIGH", "VERY_HIGH"];
        for (var n = 0; n < 200; n++)
        {
            var input = new Dictionary<string, object?> { ["title"] = "t" + random.Next(100), ["urgency"] = urgencies[random.Next(3)] };
            var labels = Enumerable.Range(0, random.Next(3)).Select(i => (object?)("l" + i)).ToList();
            input["labels"] = labels;
            object? note = random.Next(3) switch { 0 => "n" + n, 1 => null, _ => Omitted };
            object? count = random.Next(3) switch { 0 => (long)random.Next(-5, 5), 1 => null, _ => Omitted };
            object? tags = random.Next(3) switch
            {
                0 => Enumerable.Range(0, random.Next(3)).Select(i => (object?)new Dictionary<string, object?> { ["name"] = "g" + i, ["weight"] = random.Next(2) == 0 ? null : (long)i }).ToList(),
                1 => null,
                _ => Omitted,
            };
            foreach (var (name, value) in new[] { ("note", note), ("count", count), ("tags", tags) }.Where(f => !ReferenceEquals(f.Item2, Omitted)))
            {
                input[name] = value;
            }

            // The reference: read the variables as the spec says, by hand.
            var expectedTags = tags is List<object?> given
                ? given.Cast<Dictionary<string, object?>>().Select(t => new Dictionary<string, object?> { ["name"] = t["name"], ["weight"] = t["weight"] }).ToList()
                : [];
            var expected = new Dictionary<string, object?>
            {
                ["title"] = input["title"],
                ["urgency"] = input["urgency"],
                ["tags"] = expectedTags,
                ["labels"] = labels,
                ["count"] = ReferenceEquals(count, Omitted) ? 3L : count,
                ["note"] = ReferenceEquals(note, Omitted) ? null : note,
            };
            var json = await Json(executor, "mutation ($in: FileInput!) { file(input: $in) { title urgency tags { name weight } labels count note } }", Vars(("in", input)));
            Assert.Equal(System.Text.Json.JsonSerializer.Serialize(new { data = new { file = expected } }), json);

            var patch = new Dictionary<string, object?>();
            var title = random.Next(3) switch { 0 => "x" + n, 1 => null, _ => Omitted };
            if (!ReferenceEquals(title, Omitted))
            {
                patch["title"] = title;
            }

            var patched = await Json(executor, "mutation ($in: PatchInput!) { patch(input: $in) }", Vars(("in", patch)));
            var expectedTitle = ReferenceEquals(title, Omitted) ? "(omitted)" : title ?? "null";
            Assert.Equal(Q($"{{'data':{{'patch':'title={expectedTitle} note=(omitted)'}}}}"), patched);
        }
    }

    private static readonly object Omitted = new();

    public sealed record WrongWhen(string When);
}
