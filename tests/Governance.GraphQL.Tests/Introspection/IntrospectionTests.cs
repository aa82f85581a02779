using System.Text.Json;
using Governance.GraphQL.Execution;
using Governance.GraphQL.Tests.Fixtures;
using static Governance.GraphQL.Tests.Fixtures.Run;

namespace Governance.GraphQL.Tests.Introspection;

public class IntrospectionTests
{
    private readonly GraphQLExecutor _executor = new(TestSchema.Build());

    [Fact]
    public async Task FullIntrospectionQueryAnswersEveryOptionGraphqlJsAsksFor()
    {
        var result = await Result(_executor, IntrospectionQuery.Full);
        Assert.Empty(result.Errors);
        using var json = JsonDocument.Parse(ToJson(result));
        var schema = json.RootElement.GetProperty("data").GetProperty("__schema");
        Assert.Equal("Query", schema.GetProperty("queryType").GetProperty("name").GetString());
        Assert.Equal("Subscription", schema.GetProperty("subscriptionType").GetProperty("name").GetString());
        Assert.Equal(JsonValueKind.Null, schema.GetProperty("description").ValueKind);

        var types = schema.GetProperty("types").EnumerateArray().ToDictionary(t => t.GetProperty("name").GetString()!);
        Assert.Contains("__Schema", types.Keys);
        Assert.Equal("https://scalars.graphql.org/andimarek/date-time", types["DateTime"].GetProperty("specifiedByURL").GetString());
        Assert.True(types["ProposalKey"].GetProperty("isOneOf").GetBoolean());
        Assert.False(types["VoteInput"].GetProperty("isOneOf").GetBoolean());
        Assert.Equal(JsonValueKind.Null, types["Member"].GetProperty("isOneOf").ValueKind);
        Assert.Equal(["Node"], types["Named"].GetProperty("interfaces").EnumerateArray().Select(i => i.GetProperty("name").GetString()));
        Assert.Equal(["Member", "Proposal"], types["SearchResult"].GetProperty("possibleTypes").EnumerateArray().Select(i => i.GetProperty("name").GetString()));

        var oldField = types["Query"].GetProperty("fields").EnumerateArray().Single(f => f.GetProperty("name").GetString() == "oldField");
        Assert.True(oldField.GetProperty("isDeprecated").GetBoolean());
        Assert.Equal("Use `now`.", oldField.GetProperty("deprecationReason").GetString());
        var withdrawn = types["ProposalStatus"].GetProperty("enumValues").EnumerateArray().Single(v => v.GetProperty("name").GetString() == "WITHDRAWN");
        Assert.True(withdrawn.GetProperty("isDeprecated").GetBoolean());
        var authorId = types["ProposalFilter"].GetProperty("inputFields").EnumerateArray().Single(v => v.GetProperty("name").GetString() == "authorId");
        Assert.True(authorId.GetProperty("isDeprecated").GetBoolean());
        var comment = types["VoteInput"].GetProperty("inputFields").EnumerateArray().Single(v => v.GetProperty("name").GetString() == "comment");
        Assert.Equal("\"none\"", comment.GetProperty("defaultValue").GetString());

        var members = types["Query"].GetProperty("fields").EnumerateArray().Single(f => f.GetProperty("name").GetString() == "members");
        var membersType = members.GetProperty("type");
        Assert.Equal("NON_NULL", membersType.GetProperty("kind").GetString());
        Assert.Equal("LIST", membersType.GetProperty("ofType").GetProperty("kind").GetString());
        Assert.Equal("Member", membersType.GetProperty("ofType").GetProperty("ofType").GetProperty("ofType").GetProperty("name").GetString());

        var directives = schema.GetProperty("directives").EnumerateArray().ToDictionary(d => d.GetProperty("name").GetString()!);
        Assert.False(directives["deprecated"].GetProperty("isRepeatable").GetBoolean());
        Assert.Equal(["INPUT_OBJECT"], directives["oneOf"].GetProperty("locations").EnumerateArray().Select(l => l.GetString()));
        Assert.Equal("\"No longer supported\"", directives["deprecated"].GetProperty("args")[0].GetProperty("defaultValue").GetString());
    }

    [Fact]
    public async Task DeprecatedItemsAreHiddenUnlessAskedFor()
    {
        var json = await Json(_executor, "{ __type(name: \"ProposalStatus\") { a: enumValues { name } b: enumValues(includeDeprecated: true) { name } } }");
        Assert.Equal(Q("{'data':{'__type':{'a':[{'name':'DRAFT'},{'name':'OPEN'},{'name':'CLOSED'}],'b':[{'name':'DRAFT'},{'name':'OPEN'},{'name':'CLOSED'},{'name':'WITHDRAWN'}]}}}"), json);
    }

    [Fact]
    public async Task TypeLookupAnswersNullForUnknownNames()
    {
        Assert.Equal(Q("{'data':{'__type':null}}"), await Json(_executor, "{ __type(name: \"Nope\") { name } }"));
        Assert.Equal(Q("{'data':{'__type':{'kind':'INTERFACE','name':'Named','description':'Something with a name.'}}}"), await Json(_executor, "{ __type(name: \"Named\") { kind name description } }"));
    }

    [Fact]
    public async Task TypenameWorksOnEveryCompositeType()
    {
        Assert.Equal(
            Q("{'data':{'__typename':'Query','node':{'__typename':'Proposal'},'search':[{'__typename':'Member'}]}}"),
            await Json(_executor, "{ __typename node(id: \"p1\") { __typename } search(text: \"Lin\") { __typename } }"));
    }

    [Fact]
    public async Task IntrospectionCanBeSwitchedOffButTypenameStays()
    {
        var executor = new GraphQLExecutor(TestSchema.Build(), new ExecutorOptions { EnableIntrospection = false });
        var refused = await Result(executor, "{ __schema { queryType { name } } }");
        Assert.False(refused.HasData);
        Assert.Equal("Introspection is not allowed for the current request.", Assert.Single(refused.Errors).Message);
        Assert.Equal(Q("{'data':{'__typename':'Query'}}"), await Json(executor, "{ __typename }"));
    }

    [Fact]
    public async Task IntrospectionDepthIsLimited()
    {
        var recursive = await Result(_executor, "{ __type(name: \"Query\") { fields { type { fields { name } } } } }");
        Assert.Equal("Maximum allowed introspection depth exceeded: fields.", Assert.Single(recursive.Errors).Message);
        var ofTypes = "{ __type(name: \"Query\") { " + string.Concat(Enumerable.Repeat("ofType { ", 17)) + "name" + new string('}', 17) + " } }";
        Assert.Equal("Maximum allowed introspection depth exceeded: ofType.", Assert.Single((await Result(_executor, ofTypes)).Errors).Message);
    }
}
