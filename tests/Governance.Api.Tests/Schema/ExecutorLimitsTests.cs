using Governance.GraphQL.Execution;
using Governance.GraphQL.Http;
using Microsoft.Extensions.DependencyInjection;

namespace Governance.Api.Tests.Schema;

public sealed class ExecutorLimitsTests
{
    [Fact]
    public void OverHttpTheTransportsTimeoutAnswersBeforeTheExecutorsOwn()
    {
        using var factory = new GovernanceApiFactory { DemoMembers = 10 };
        factory.Settings["GraphQL:ExecutionTimeout"] = "00:00:07";
        using var client = factory.CreateClient();

        var executor = Assert.IsType<GraphQLExecutor>(factory.Services.GetRequiredService<IGraphQLExecutor>());
        var transport = factory.Services.GetRequiredService<GraphQLHttpOptions>();

        Assert.Equal(TimeSpan.FromSeconds(7), transport.ExecutionTimeout);
        Assert.True(executor.Options.ExecutionTimeout > transport.ExecutionTimeout,
            $"executor {executor.Options.ExecutionTimeout} must outlast the transport's {transport.ExecutionTimeout}, whose 503 is the right answer to a slow query");
    }
}
