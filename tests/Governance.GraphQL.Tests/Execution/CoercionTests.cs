using Governance.GraphQL.Execution;
using Governance.GraphQL.Tests.Fixtures;
using static Governance.GraphQL.Tests.Fixtures.Run;

namespace Governance.GraphQL.Tests.Execution;

public class CoercionTests
{
    private readonly GraphQLExecutor _executor = new(TestSchema.Build());

    private static Dictionary<string, object?> Vars(params (string Name, object? Value)[] values) =>
        values.ToDictionary(v => v.Name, v => v.Value);

    [Fact]
    public async Task VariablesCoerceToTheirDeclaredTypes()
    {
        const string query = "query ($v: String, $n: Int, $f: Float, $b: Boolean, $i: ID, $l: [Int!], $s: ProposalStatus) { echo(value: $v, number: $n, float: $f, flag: $b, id: $i, list: $l, status: $s) }";
        var json = await Json(_executor, query, Vars(("v", "x"), ("n", 5L), ("f", 2L), ("b", true), ("i", 7L), ("l", 3L), ("s", "OPEN")));
        Assert.Equal(Q("{'data':{'echo':'{\\u0022value\\u0022:\\u0022x\\u0022,\\u0022number\\u0022:5,\\u0022float\\u0022:2,\\u0022flag\\u0022:true,\\u0022id\\u0022:\\u00227\\u0022,\\u0022list\\u0022:[3],\\u0022status\\u0022:\\u0022OPEN\\u0022}'}}"), json);
    }

    [Fact]
    public async Task AbsentArgumentsStayAbsentWhileExplicitNullIsNull()
    {
        var json = await Json(_executor, "query ($n: Int) { a: echo(value: null) b: echo(number: $n) }");
        Assert.Equal(Q("{'data':{'a':'{\\u0022value\\u0022:null}','b':'{}'}}"), json);
    }

    [Theory]
    [InlineData("query ($n: Int!) { echo(number: $n) }", null, "Variable \"$n\" of required type \"Int!\" was not provided.")]
    [InlineData("query ($n: Int!) { echo(number: $n) }", "null", "Variable \"$n\" of non-null type \"Int!\" must not be null.")]
    [InlineData("query ($n: Int) { echo(number: $n) }", "big", "Variable \"$n\" got invalid value 4294967296; Int cannot represent non 32-bit signed integer value: 4294967296")]
    [InlineData("query ($n: Int) { echo(number: $n) }", "frac", "Variable \"$n\" got invalid value 1.5; Int cannot represent non-integer value: 1.5")]
    [InlineData("query ($s: ProposalStatus) { echo(status: $s) }", "enum", "Variable \"$s\" got invalid value \"NOPE\"; Value \"NOPE\" does not exist in \"ProposalStatus\" enum. Did you mean the enum value \"OPEN\"?")]
    public async Task InvalidVariablesAreRequestErrorsNamingTheVariable(string query, string? kind, string message)
    {
        var variables = kind switch
        {
            null => Vars(),
            "null" => Vars(("n", null)),
            "big" => Vars(("n", 4_294_967_296L)),
            "frac" => Vars(("n", 1.5)),
            _ => Vars(("s", "NOPE")),
        };
        var result = await Result(_executor, query, variables);
        Assert.False(result.HasData);
        Assert.Equal(message, Assert.Single(result.Errors).Message);
        Assert.Equal(1, Assert.Single(Assert.Single(result.Errors).Locations!).Line);
    }

    [Fact]
    public async Task SuggestionsAreLeftOutWhenIntrospectionIsOff()
    {
        var hidden = new GraphQLExecutor(TestSchema.Build(), new ExecutorOptions { EnableIntrospection = false });
        var result = await Result(hidden, "query ($s: ProposalStatus) { echo(status: $s) }", Vars(("s", "OPNE")));
        Assert.Equal("Variable \"$s\" got invalid value \"OPNE\"; Value \"OPNE\" does not exist in \"ProposalStatus\" enum.", Assert.Single(result.Errors).Message);
        var open = await Result(_executor, "query ($s: ProposalStatus) { echo(status: $s) }", Vars(("s", "OPNE")));
        Assert.EndsWith("Did you mean the enum value \"OPEN\"?", Assert.Single(open.Errors).Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task InputObjectVariablesReportThePathOfTheBadField()
    {
        var result = await Result(
            _executor,
            "mutation ($in: VoteInput!) { castVote(input: $in) { choice } }",
            Vars(("in", new Dictionary<string, object?> { ["proposalId"] = "p1", ["choice"] = "MAYBE", ["extra"] = 1L })));
        Assert.Equal(
            [
                "Variable \"$in\" got invalid value \"MAYBE\" at \"in.choice\"; Value \"MAYBE\" does not exist in \"Choice\" enum.",
                "Variable \"$in\" got invalid value { proposalId: \"p1\", choice: \"MAYBE\", extra: 1 }; Field \"extra\" is not defined by type \"VoteInput\".",
            ],
            result.Errors.Select(e => e.Message));
    }

    [Fact]
    public async Task InputObjectDefaultsFillMissingFields()
    {
        var json = await Json(_executor, "mutation { castVote(input: {proposalId: \"p2\", choice: YES}) { choice proposal { id } } }");
        Assert.Equal(Q("{'data':{'castVote':{'choice':'YES','proposal':{'id':'p2'}}}}"), json);
    }

    [Fact]
    public async Task OneOfInputTakesExactlyOneNonNullField()
    {
        Assert.Equal(Q("{'data':{'proposal':{'id':'p2'}}}"), await Json(_executor, "{ proposal(by: {title: \"Close the pool\"}) { id } }"));
        var both = await Json(_executor, "query ($k: ProposalKey!) { proposal(by: $k) { id } }", Vars(("k", new Dictionary<string, object?> { ["id"] = "p1", ["title"] = "x" })));
        Assert.Contains("Exactly one key must be specified for OneOf type \\u0022ProposalKey\\u0022.", both, StringComparison.Ordinal);
        var nullField = await Json(_executor, "query ($k: ProposalKey!) { proposal(by: $k) { id } }", Vars(("k", new Dictionary<string, object?> { ["id"] = null })));
        Assert.Contains("Field \\u0022id\\u0022 must be non-null.", nullField, StringComparison.Ordinal);
        // A literal with two keys no longer reaches execution: Values of Correct Type refuses it.
        var literal = await Result(_executor, "{ proposal(by: {id: \"p1\", title: \"x\"}) { id } }");
        Assert.Equal("OneOf Input Object \"ProposalKey\" must specify exactly one key.", Assert.Single(literal.Errors).Message);
        Assert.False(literal.HasData);
    }

    [Fact]
    public async Task SingleValuesCoerceToListsAndIntLiteralsAreRangeChecked()
    {
        Assert.Equal(Q("{'data':{'echo':'{\\u0022list\\u0022:[4]}'}}"), await Json(_executor, "{ echo(list: 4) }"));
        // An out-of-range literal is a validation error now (Values of Correct Type), not a field error.
        var result = await Result(_executor, "{ echo(number: 2147483648) }");
        Assert.Equal("Expected value of type \"Int\", found 2147483648.", Assert.Single(result.Errors).Message);
        Assert.False(result.HasData);
    }

    [Fact]
    public async Task JsonElementVariablesFromATransportAreAccepted()
    {
        using var document = System.Text.Json.JsonDocument.Parse("{\"n\": 3, \"l\": [1, 2]}");
        var variables = document.RootElement.EnumerateObject().ToDictionary(p => p.Name, p => (object?)p.Value.Clone());
        var json = await Json(_executor, "query ($n: Int, $l: [Int!]) { echo(number: $n, list: $l) }", variables);
        Assert.Equal(Q("{'data':{'echo':'{\\u0022number\\u0022:3,\\u0022list\\u0022:[1,2]}'}}"), json);
    }
}
