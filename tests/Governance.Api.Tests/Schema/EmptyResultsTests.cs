using System.Text;
using System.Text.Json;

namespace Governance.Api.Tests.Schema;

/// <summary>
/// Every root query field, asked for what matches no row, over an empty and a seeded database
/// (issue 21). members(search: "zzzz") once answered "Unexpected Execution Error": Dapper built
/// its row reader from the column types of an empty result, and SQLite types a computed column
/// of no rows as a blob. Dapper's cache is purged before each query so that each one is the
/// first of its kind, as in a fresh process. The selection is generated from introspection
/// (every field without required arguments, three levels deep), so a new field is covered too.
/// </summary>
public sealed class EmptyResultsTests(EmptyResultsTests.EmptyDatabase empty, EmptyResultsTests.SeededDatabase seeded)
    : IClassFixture<EmptyResultsTests.EmptyDatabase>, IClassFixture<EmptyResultsTests.SeededDatabase>
{
    private static readonly string NoMember = SchemaFixture.Id("Member", 987_654_321);
    private static readonly string NoArea = SchemaFixture.Id("Area", 987_654_321);
    private static readonly string NoProposal = SchemaFixture.Id("Proposal", 987_654_321);

    /// <summary>Each root field with arguments that match nothing.</summary>
    private static readonly Dictionary<string, string> Arguments = new()
    {
        ["node"] = $"(id: \"{NoMember}\")",
        ["nodes"] = $"(ids: [\"{NoMember}\", \"{NoArea}\", \"{NoProposal}\", \"{SchemaFixture.Id("Delegation", 987_654_321)}\", \"{SchemaFixture.Id("Event", 987_654_321)}\"])",
        ["viewer"] = "",
        ["members"] = "(search: \"zzzz\", first: 10)",
        ["areas"] = "",
        ["area"] = $"(id: \"{NoArea}\")",
        ["proposals"] = $"(area: \"{NoArea}\", status: MERGED, first: 10)",
        ["proposal"] = $"(id: \"{NoProposal}\")",
        ["delegationGraph"] = "",
        ["concentration"] = "",
        ["events"] = "(types: [\"NoSuchEvent\"], first: 10)",
        ["agenda"] = "",
        ["policy"] = "",
        ["policyInForce"] = "",
        ["lotteryDraws"] = "(first: 10)",
        ["invitations"] = "",
        ["reportQueue"] = "",
        ["metamoderationDraws"] = "(first: 10)",
        ["metamoderationResults"] = "",
        ["metamoderationTasks"] = "",
        ["moderatorReviews"] = "",
    };

    public static TheoryData<string, bool> Cases()
    {
        var cases = new TheoryData<string, bool>();
        foreach (var field in Arguments.Keys)
        {
            cases.Add(field, false);
            cases.Add(field, true);
        }

        return cases;
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public async Task AQueryMatchingNoRowAnswersWithoutAnInternalError(string field, bool seededDatabase)
    {
        var database = seededDatabase ? (Database)seeded : empty;
        var admin = await database.AdminAsync();
        var schema = await database.SchemaAsync();
        var root = schema.Types["Query"].Single(f => f.Name == field);
        var query = $"{{ {field}{Arguments[field]}{Selection(schema, root.Type, 3)} }}";

        Dapper.SqlMapper.PurgeQueryCache();
        var result = await admin.PostAsync(query);

        Assert.False(result.TryGetProperty("errors", out var errors), $"{query}\n{errors}");
        Assert.True(result.GetProperty("data").TryGetProperty(field, out _), query);
    }

    [Fact]
    public async Task EveryRootQueryFieldIsExercised()
    {
        var schema = await empty.SchemaAsync();
        Assert.Equal(Arguments.Keys.Order(), schema.Types["Query"].Select(f => f.Name).Order());
    }

    /// <summary>" { a b { c } }" for a type: its fields without required arguments, <paramref name="depth"/> levels deep.</summary>
    private static string Selection(IntrospectedSchema schema, TypeRef type, int depth)
    {
        var named = type.Named;
        if (!schema.Types.TryGetValue(named, out var fields))
        {
            return ""; // a scalar or an enum
        }

        if (schema.Abstract.Contains(named))
        {
            return " { __typename }";
        }

        var selection = new StringBuilder(" {");
        foreach (var field in fields.Where(f => !f.RequiresArguments))
        {
            var leaf = !schema.Types.ContainsKey(field.Type.Named);
            if (leaf)
            {
                selection.Append(' ').Append(field.Name);
            }
            else if (depth > 1)
            {
                selection.Append(' ').Append(field.Name).Append(Selection(schema, field.Type, depth - 1));
            }
        }

        selection.Append(" __typename }");
        return selection.ToString();
    }

    public sealed record TypeRef(string Named);

    public sealed record FieldInfo(string Name, TypeRef Type, bool RequiresArguments);

    /// <summary>The object and abstract types of the schema, read through introspection.</summary>
    public sealed record IntrospectedSchema(Dictionary<string, List<FieldInfo>> Types, HashSet<string> Abstract);

    /// <summary>An app on its own database, with an admin signed in.</summary>
    public abstract class Database : IAsyncLifetime
    {
        private Actor? admin;
        private IntrospectedSchema? schema;

        protected Database(bool seed)
        {
            Factory = new GovernanceApiFactory
            {
                DemoMembers = 30,
                Settings =
                {
                    ["Demo:SeedOnEmptyDatabase"] = seed ? "true" : "false",
                    ["Clock:Enabled"] = "false",
                    ["GraphQL:MaxCost"] = "100000000",
                    ["GraphQL:CostBudgetPerMinute"] = "0",
                    ["GraphQL:Introspection"] = "on",
                    ["RateLimits:SignInAttemptsPerMinute"] = "1000",
                },
            };
        }

        public GovernanceApiFactory Factory { get; }

        public Task InitializeAsync() => Task.CompletedTask;

        public Task DisposeAsync()
        {
            Factory.Dispose();
            return Task.CompletedTask;
        }

        /// <summary>
        /// An admin: on the empty database the first account becomes its admin; on the seeded one
        /// a registered member is given the roles directly.
        /// </summary>
        public async Task<Actor> AdminAsync()
        {
            if (admin is null)
            {
                var client = ApiClient.CreateCookieClient(Factory);
                var (id, _) = await ApiClient.RegisterAsync(client, "empty.admin");
                var database = Factory.Services.GetService(typeof(Governance.Core.Storage.Database)) as Governance.Core.Storage.Database;
                using var connection = database!.Open();
                Dapper.SqlMapper.Execute(connection, "INSERT INTO member_roles (member_id, role) VALUES (@id, 'admin'), (@id, 'moderator') ON CONFLICT DO NOTHING", new { id });
                admin = new Actor("admin", client, id);
            }

            return admin;
        }

        public async Task<IntrospectedSchema> SchemaAsync()
        {
            if (schema is null)
            {
                var data = await (await AdminAsync()).DataAsync(
                    "{ __schema { types { kind name fields(includeDeprecated: true) { name args { type { kind } defaultValue } type { ...T } } } } } fragment T on __Type { kind name ofType { kind name ofType { kind name ofType { kind name ofType { kind name ofType { kind name ofType { kind name } } } } } } }");
                var types = new Dictionary<string, List<FieldInfo>>();
                var abstracts = new HashSet<string>();
                foreach (var type in data.GetProperty("__schema").GetProperty("types").EnumerateArray())
                {
                    var name = type.GetProperty("name").GetString()!;
                    var kind = type.GetProperty("kind").GetString();
                    if (name.StartsWith("__", StringComparison.Ordinal) || kind is not ("OBJECT" or "INTERFACE" or "UNION"))
                    {
                        continue;
                    }

                    if (kind is "INTERFACE" or "UNION")
                    {
                        abstracts.Add(name);
                    }

                    types[name] = type.GetProperty("fields").ValueKind == JsonValueKind.Array
                        ? [.. type.GetProperty("fields").EnumerateArray().Select(f => new FieldInfo(
                            f.GetProperty("name").GetString()!,
                            new TypeRef(Named(f.GetProperty("type"))),
                            f.GetProperty("args").EnumerateArray().Any(a => a.GetProperty("type").GetProperty("kind").GetString() == "NON_NULL" && a.GetProperty("defaultValue").ValueKind == JsonValueKind.Null)))]
                        : [];
                }

                schema = new IntrospectedSchema(types, abstracts);
            }

            return schema;
        }

        private static string Named(JsonElement type) =>
            type.TryGetProperty("ofType", out var inner) && inner.ValueKind == JsonValueKind.Object ? Named(inner) : type.GetProperty("name").GetString()!;
    }

    public sealed class EmptyDatabase() : Database(seed: false);

    public sealed class SeededDatabase() : Database(seed: true);
}
