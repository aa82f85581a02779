using Governance.GraphQL.Execution;
using Governance.GraphQL.Tests.Fixtures;
using static Governance.GraphQL.Tests.Fixtures.Run;

namespace Governance.GraphQL.Tests.Execution;

public class SimpleQueryTests
{
    private readonly GraphQLExecutor _executor = new(TestSchema.Build());

    [Fact]
    public async Task SimpleQueryReturnsDataInSelectionOrder()
    {
        var json = await Json(_executor, "{ member(id: \"m1\") { name id karma joinedAt } }");
        Assert.Equal(Q("{'data':{'member':{'name':'Ada','id':'m1','karma':10,'joinedAt':'2026-01-02T03:04:05Z'}}}"), json);
    }
}
