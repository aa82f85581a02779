using Governance.Api.Schema.Data;
using Governance.Core.Delegation;
using Governance.Core.Karma;
using Governance.Core.Lottery;
using Governance.Core.Policies;
using Governance.Core.Proposals;
using Governance.Core.Storage;
using Governance.GraphQL.Execution;
using Governance.GraphQL.Http.WebSockets;

namespace Governance.Api.Schema;

public static class SchemaExtensions
{
    /// <summary>
    /// The governance schema as the /graphql executor, its reads, the event bus behind
    /// subscriptions, and the WebSocket authentication of connection_init.
    /// </summary>
    public static WebApplicationBuilder AddGovernanceSchema(this WebApplicationBuilder builder)
    {
        var services = builder.Services;
        services.AddSingleton<SqlStatementCounter>();
        services.AddSingleton<GovernanceReads>();
        var stateInterval = builder.Configuration.GetValue("Subscriptions:StateIntervalMilliseconds", 100);
        if (stateInterval is < 0 or > 60_000)
        {
            throw new InvalidOperationException($"Subscriptions:StateIntervalMilliseconds must be between 0 and 60000; it is {stateInterval}.");
        }

        services.AddSingleton(new GovernanceEventBus { StateInterval = TimeSpan.FromMilliseconds(stateInterval) });
        services.AddSingleton<AreaStore>();
        services.AddSingleton<MemberRoleStore>();
        services.AddSingleton<ProposalService>();
        services.AddSingleton<SupportService>();
        services.AddSingleton(sp => new VoteService(
            sp.GetRequiredService<Database>(),
            sp.GetRequiredService<TimeProvider>(),
            sp.GetRequiredService<Microsoft.Extensions.Options.IOptions<StorageOptions>>().Value.GroupCommit ? sp.GetRequiredService<GroupCommitter>() : null));
        services.AddSingleton<ModerationService>();
        services.AddSingleton<KarmaService>();
        services.AddSingleton<LotteryService>();
        services.AddSingleton<PolicyService>();
        services.AddSingleton(sp => new DomainServices(
            sp.GetRequiredService<ProposalService>(),
            sp.GetRequiredService<SupportService>(),
            sp.GetRequiredService<VoteService>(),
            sp.GetRequiredService<ModerationService>(),
            sp.GetRequiredService<KarmaService>(),
            sp.GetRequiredService<LotteryService>(),
            sp.GetRequiredService<PolicyService>())
        {
            Membership = sp.GetRequiredService<Governance.Core.Accounts.MembershipService>(),
        });
        services.AddSingleton(sp => new SchemaServices(
            sp.GetRequiredService<GovernanceReads>(),
            sp.GetRequiredService<EngineHost>(),
            sp.GetRequiredService<DelegationStore>(),
            sp.GetRequiredService<AreaStore>(),
            sp.GetRequiredService<MemberRoleStore>(),
            sp.GetRequiredService<Database>(),
            sp.GetRequiredService<TimeProvider>(),
            sp.GetRequiredService<GovernanceEventBus>()));
        // Tests see what went wrong too; production never shows exception details.
        var development = builder.Environment.IsDevelopment() || builder.Environment.IsEnvironment("Testing");
        services.AddSingleton<IGraphQLExecutor>(sp => new GraphQLExecutor(GovernanceSchema.Build(sp.GetRequiredService<SchemaServices>(), sp.GetRequiredService<DomainServices>()), GovernanceSchema.Options(development, sp.GetRequiredService<Governance.GraphQL.Http.GraphQLHttpOptions>().ExecutionTimeout)));
        services.AddSingleton<IGraphQLWebSocketInitHandler, WebSocketAuthentication>();
        return builder;
    }
}
