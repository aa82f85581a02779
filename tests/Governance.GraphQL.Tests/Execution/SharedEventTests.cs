using Governance.GraphQL.Errors;
using Governance.GraphQL.Execution;
using Governance.GraphQL.Http;
using Governance.GraphQL.Tests.Fixtures;
using Governance.GraphQL.Types;

namespace Governance.GraphQL.Tests.Execution;

/// <summary>
/// Events a source hands to every subscriber as one object (<see cref="ISharedEvent"/>): one
/// execution per operation and variables when the selection is the same for every viewer, one
/// per subscriber as soon as anything selected may depend on who asks.
/// </summary>
public class SharedEventTests
{
    public sealed record NoteRow(string Id, string Text, string Author);

    public sealed record PersonRow(string Id, string Name);

    /// <summary>A change its source creates per subscriber: not shared.</summary>
    public record Change(string Kind, NoteRow Note, object Subject);

    /// <summary>A change its source hands to every subscriber as one object.</summary>
    public sealed record SharedChange(string Kind, NoteRow Note, object Subject) : Change(Kind, Note, Subject), ISharedEvent;

    private const string Sdl = """
        type Query { a: Int }
        interface Node { id: ID! }
        type Note implements Node { id: ID! text: String! mine: Boolean! label(prefix: String!): String! }
        type Person implements Node { id: ID! name: String! }
        type Change { kind: String! note: Note! subject: Node! }
        type Subscription { changed: Change! plain: Change! }
        """;

    private int _noteIds;

    private readonly object[] _events =
    [
        new SharedChange("POSTED", new NoteRow("n1", "first", "ann"), new PersonRow("p1", "Ann")),
        new SharedChange("EDITED", new NoteRow("n1", "first, edited", "ann"), new NoteRow("n1", "first, edited", "ann")),
    ];

    private GraphQLExecutor Executor(params string[] sameForEveryViewer) => new(new SchemaBuilder()
        .AddTypeDefinitions(Sdl)
        .Resolve("Query.a", _ => 1)
        .BindType<Change>("Change")
        .BindType<NoteRow>("Note")
        .BindType<PersonRow>("Person")
        .ResolveType("Node", v => v is NoteRow ? "Note" : "Person")
        .Resolve("Note.id", c =>
        {
            Interlocked.Increment(ref _noteIds);
            return c.ParentAs<NoteRow>().Id;
        })
        .Resolve("Note.mine", c => c.ParentAs<NoteRow>().Author == (string?)c.Context)
        .Resolve("Note.label", c => c.Argument<string>("prefix") + c.ParentAs<NoteRow>().Text)
        .Resolve("Person.id", c => (string?)c.Context == "admin" ? c.ParentAs<PersonRow>().Id : "hidden")
        .Subscribe("Subscription.changed", _ => Source(_events))
        .Subscribe("Subscription.plain", _ => Source(_events.Cast<Change>().Select(e => (object)new Change(e.Kind, e.Note, e.Subject)).ToArray()))
        .SameForEveryViewer(sameForEveryViewer)
        .Build());

    private static async IAsyncEnumerable<object> Source(object[] events)
    {
        foreach (var e in events)
        {
            await Task.Yield();
            yield return e;
        }
    }

    /// <summary>Each viewer's stream, the viewers subscribed at the same time; the JSON as a transport writes it.</summary>
    private static async Task<List<string>[]> Watch(GraphQLExecutor executor, string query, params (string Viewer, Dictionary<string, object?>? Variables)[] viewers)
    {
        return await Task.WhenAll(viewers.Select(async v =>
        {
            var request = new GraphQLRequest(query, null, v.Variables);
            var prepared = executor.Prepare(request);
            Assert.True(prepared.Succeeded, string.Join("; ", prepared.Errors.Select(e => e.Message)));
            var results = new List<string>();
            await foreach (var result in executor.SubscribeAsync(prepared.Operation!, request, v.Viewer, CancellationToken.None))
            {
                results.Add(System.Text.Encoding.UTF8.GetString(GraphQLResponseWriter.ToUtf8Bytes(result)));
            }

            return results;
        }));
    }

    [Fact]
    public async Task ViewersOfASharedEventWhoSelectOnlyViewerIndependentFieldsShareOneExecution()
    {
        var executor = Executor("Note.id");
        var streams = await Watch(executor, "subscription { changed { kind note { __typename id text } } }", ("ann", null), ("bob", null), ("cy", null));

        Assert.Equal(2, _noteIds); // once per event, not once per viewer
        Assert.Equal(
            [Run.Q("{'data':{'changed':{'kind':'POSTED','note':{'__typename':'Note','id':'n1','text':'first'}}}}"),
             Run.Q("{'data':{'changed':{'kind':'EDITED','note':{'__typename':'Note','id':'n1','text':'first, edited'}}}}")],
            streams[0]);
        Assert.All(streams, s => Assert.Equal(streams[0], s));
    }

    [Fact]
    public async Task AFieldThatDependsOnTheViewerMakesEachViewerExecuteTheirOwn()
    {
        var executor = Executor("Note.id");
        var streams = await Watch(executor, "subscription { changed { note { id mine } } }", ("ann", null), ("bob", null));

        Assert.Equal(4, _noteIds);
        Assert.Contains("\"mine\":true", streams[0][0], StringComparison.Ordinal);
        Assert.Contains("\"mine\":false", streams[1][0], StringComparison.Ordinal);
    }

    [Fact]
    public async Task AFieldNotDeclaredIsNotShared()
    {
        var executor = Executor(); // Note.id has a resolver of its own and is not declared
        await Watch(executor, "subscription { changed { note { id } } }", ("ann", null), ("bob", null));
        Assert.Equal(4, _noteIds);
    }

    [Fact]
    public async Task AFieldInAFragmentCountsLikeAnyOther()
    {
        var executor = Executor("Note.id");
        var streams = await Watch(executor, "subscription { changed { note { ...N } } } fragment N on Note { id mine }", ("ann", null), ("bob", null));
        Assert.Equal(4, _noteIds);
        Assert.NotEqual(streams[0], streams[1]);
    }

    [Fact]
    public async Task OnAnInterfaceEveryPossibleTypeMustBeViewerIndependent()
    {
        // Node.id on a Person depends on the viewer: a selection through the interface is not shared.
        var executor = Executor("Note.id");
        var streams = await Watch(executor, "subscription { changed { subject { id } } }", ("admin", null), ("bob", null));
        Assert.Equal(Run.Q("{'data':{'changed':{'subject':{'id':'p1'}}}}"), streams[0][0]);
        Assert.Equal(Run.Q("{'data':{'changed':{'subject':{'id':'hidden'}}}}"), streams[1][0]);
        Assert.Equal(2, _noteIds); // the second event's Note, once per viewer

        // Through a fragment on Note alone it is.
        _noteIds = 0;
        await Watch(executor, "subscription { changed { subject { ... on Note { id } } } }", ("admin", null), ("bob", null));
        Assert.Equal(1, _noteIds);
    }

    [Fact]
    public async Task DifferentVariablesAreExecutedApartAndEqualOnesShared()
    {
        var executor = Executor("Note.id", "Note.label");
        const string Query = "subscription ($p: String!) { changed { note { id label(prefix: $p) } } }";
        var streams = await Watch(executor, Query,
            ("ann", new() { ["p"] = "x:" }), ("bob", new() { ["p"] = "y:" }), ("cy", new() { ["p"] = "x:" }));

        Assert.Equal(4, _noteIds); // x: and y:, for two events
        Assert.Contains("\"label\":\"x:first\"", streams[0][0], StringComparison.Ordinal);
        Assert.Contains("\"label\":\"y:first\"", streams[1][0], StringComparison.Ordinal);
        Assert.Equal(streams[0], streams[2]);
    }

    [Fact]
    public async Task EventsTheSourceDoesNotMarkSharedAreExecutedPerViewer()
    {
        var executor = Executor("Note.id");
        var streams = await Watch(executor, "subscription { plain { note { id } } }", ("ann", null), ("bob", null));
        Assert.Equal(4, _noteIds);
        Assert.Equal(streams[0], streams[1]);
    }

    [Fact]
    public void DeclaringAFieldTheSchemaDoesNotHaveIsABuildError()
    {
        var errors = Assert.Throws<GraphQLException>(() => Executor("Note.nope")).Errors.Select(e => e.Message);
        Assert.Contains("SameForEveryViewer names \"Note.nope\", which is not a field of an object type of the schema.", errors);
    }
}
