using Governance.GraphQL.Errors;
using Governance.GraphQL.Execution;
using Governance.GraphQL.Tests.Fixtures;
using Governance.GraphQL.Types;
using static Governance.GraphQL.Tests.Fixtures.Run;

namespace Governance.GraphQL.Tests.Execution;

public class ErrorHandlingTests
{
    private const string Sdl = """
        type Query { a: A b: A! list: [A] strictList: [A!] items: [Int!] }
        type A { x: Int y: Int! z: A }
        """;

    /// <summary>A schema whose values are dictionaries; a key "boom" makes a resolver throw.</summary>
    private static GraphQLExecutor Executor(object? root, ExecutorOptions? options = null) =>
        new(new SchemaBuilder()
            .AddTypeDefinitions(Sdl)
            .Resolve("Query.a", _ => root)
            .Resolve("Query.b", _ => root)
            .Resolve("Query.list", _ => new[] { root, root })
            .Resolve("Query.strictList", _ => new[] { root, null })
            .Resolve("Query.items", _ => new object?[] { 1, null, 3 })
            .Resolve("A.x", c => ((IDictionary<string, object?>)c.Parent!)["x"] is "boom" ? throw new GraphQLException(new GraphQLError("x failed", extensions: new Dictionary<string, object?> { ["code"] = "X" })) : ((IDictionary<string, object?>)c.Parent!)["x"])
            .Resolve("A.y", c => ((IDictionary<string, object?>)c.Parent!)["y"])
            .Resolve("A.z", c => ((IDictionary<string, object?>)c.Parent!)["z"])
            .Build(), options);

    private static Dictionary<string, object?> A(object? x, object? y, object? z = null) => new() { ["x"] = x, ["y"] = y, ["z"] = z };

    [Fact]
    public async Task NullInNonNullFieldNullsTheNearestNullableParent()
    {
        var json = await Json(Executor(A(1, null)), "{ a { x y } }");
        Assert.Equal(Q("{'data':{'a':null},'errors':[{'message':'Cannot return null for non-nullable field A.y.','locations':[{'line':1,'column':9}],'path':['a','y']}]}"), json);
    }

    [Fact]
    public async Task NullPropagatesThroughNonNullParentsUpToData()
    {
        var json = await Json(Executor(A(1, null)), "{ b { y } }");
        Assert.Equal(Q("{'data':null,'errors':[{'message':'Cannot return null for non-nullable field A.y.','locations':[{'line':1,'column':7}],'path':['b','y']}]}"), json);
    }

    [Fact]
    public async Task NullPropagationStopsAtANullableListItem()
    {
        var json = await Json(Executor(A(1, 2, A(3, null))), "{ list { x z { y } } }");
        Assert.Equal(
            Q("{'data':{'list':[{'x':1,'z':null},{'x':1,'z':null}]},'errors':[{'message':'Cannot return null for non-nullable field A.y.','locations':[{'line':1,'column':16}],'path':['list',0,'z','y']},{'message':'Cannot return null for non-nullable field A.y.','locations':[{'line':1,'column':16}],'path':['list',1,'z','y']}]}"),
            json);
    }

    [Fact]
    public async Task NullItemInNonNullListNullsTheList()
    {
        Assert.Equal(
            Q("{'data':{'strictList':null},'errors':[{'message':'Cannot return null for non-nullable field Query.strictList.','locations':[{'line':1,'column':3}],'path':['strictList',1]}]}"),
            await Json(Executor(A(1, 2)), "{ strictList { x } }"));
        Assert.Equal(
            Q("{'data':{'items':null},'errors':[{'message':'Cannot return null for non-nullable field Query.items.','locations':[{'line':1,'column':3}],'path':['items',1]}]}"),
            await Json(Executor(null), "{ items }"));
    }

    [Fact]
    public async Task GraphQLErrorsFromResolversKeepTheirMessageAndExtensions()
    {
        var json = await Json(Executor(A("boom", 1)), "{ a { y x } }");
        Assert.Equal(Q("{'data':{'a':{'y':1,'x':null}},'errors':[{'message':'x failed','locations':[{'line':1,'column':9}],'path':['a','x'],'extensions':{'code':'X'}}]}"), json);
    }

    [Fact]
    public async Task UnexpectedExceptionsAreMaskedUnlessInDevelopment()
    {
        var executor = new GraphQLExecutor(TestSchema.Build());
        var masked = await Result(executor, "{ failing now }");
        var error = Assert.Single(masked.Errors);
        Assert.Equal("Unexpected Execution Error", error.Message);
        Assert.Null(error.Extensions);
        Assert.DoesNotContain("hunter2", ToJson(masked), StringComparison.Ordinal);
        Assert.Equal(Q("{'failing':null,'now':'2026-11-21T23:20:00Z'}"), System.Text.Json.JsonSerializer.Serialize(masked.Data));

        var development = new GraphQLExecutor(TestSchema.Build(), new ExecutorOptions { IncludeExceptionDetails = true });
        var detailed = Assert.Single((await Result(development, "{ failing }")).Errors);
        Assert.Equal("database password is hunter2", detailed.Extensions!["message"]);
        Assert.Equal("System.InvalidOperationException", detailed.Extensions["exception"]);
    }

    [Fact]
    public async Task AHostThatLogsUnexpectedErrorsGivesTheClientTheLogEntrysCorrelationId()
    {
        var logged = new List<(Exception Error, string CorrelationId)>();
        var executor = new GraphQLExecutor(TestSchema.Build(), new ExecutorOptions { OnUnexpectedError = (e, id) => logged.Add((e, id)) });

        var result = await Result(executor, "{ failing now }");

        var error = Assert.Single(result.Errors);
        var (exception, correlationId) = Assert.Single(logged);
        Assert.Equal("database password is hunter2", exception.Message);
        Assert.Equal(correlationId, error.Extensions!["correlationId"]);
        Assert.Equal("INTERNAL_SERVER_ERROR", error.Extensions["code"]);
        Assert.DoesNotContain("hunter2", ToJson(result), StringComparison.Ordinal);
    }

    [Fact]
    public async Task AHostNamesAnExceptionItKnowsAndTheRestStayMasked()
    {
        var logged = new List<Exception>();
        var executor = new GraphQLExecutor(TestSchema.Build(), new ExecutorOptions
        {
            OnUnexpectedError = (e, _) => logged.Add(e),
            MapException = e => e.Message.Contains("hunter2", StringComparison.Ordinal)
                ? new GraphQLError("The store is down.", extensions: new Dictionary<string, object?> { ["code"] = "STORE_DOWN" })
                : null,
        });

        var result = await Result(executor, "{ failing now }");

        var error = Assert.Single(result.Errors);
        Assert.Equal("The store is down.", error.Message);
        Assert.Equal("STORE_DOWN", error.Extensions!["code"]);
        Assert.Equal(["failing"], error.Path!);
        Assert.NotNull(error.Locations);
        Assert.Empty(logged);
        Assert.DoesNotContain("hunter2", ToJson(result), StringComparison.Ordinal);

        var other = new GraphQLExecutor(TestSchema.Build(), new ExecutorOptions { MapException = _ => null });
        Assert.Equal("Unexpected Execution Error", Assert.Single((await Result(other, "{ failing }")).Errors).Message);
    }

    [Fact]
    public async Task ResultCoercionFailuresAreFieldErrors()
    {
        var json = await Json(Executor(A(2_147_483_648L, 1)), "{ a { x } }");
        Assert.Equal(Q("{'data':{'a':{'x':null}},'errors':[{'message':'Int cannot represent non 32-bit signed integer value: 2147483648','locations':[{'line':1,'column':7}],'path':['a','x']}]}"), json);
    }

    [Fact]
    public async Task NonIterableForAListIsAFieldError()
    {
        var executor = new GraphQLExecutor(new SchemaBuilder().AddTypeDefinitions("type Query { l: [Int] }").Resolve("Query.l", _ => 5).Build());
        Assert.Equal(
            Q("{'data':{'l':null},'errors':[{'message':'Expected Iterable, but did not find one for field \\u0022Query.l\\u0022.','locations':[{'line':1,'column':3}],'path':['l']}]}"),
            await Json(executor, "{ l }"));
    }
}
