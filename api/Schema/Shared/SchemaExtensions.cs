using Governance.Api.Schema.Data;
using Governance.Core.Areas;
using Governance.Core.Delegation;
using Governance.Core.Events;
using Governance.Core.Karma;
using Governance.Core.Lottery;
using Governance.Core.Members;
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
        services.AddOptions<SubscriptionOptions>().BindConfiguration("Subscriptions")
            .Validate(o => o.StateIntervalMilliseconds is >= 0 and <= 60_000, "Subscriptions:StateIntervalMilliseconds must be between 0 and 60000.")
            .ValidateOnStart();
        services.AddSingleton(sp => new GovernanceEventBus
        {
            StateInterval = TimeSpan.FromMilliseconds(sp.GetRequiredService<Microsoft.Extensions.Options.IOptions<SubscriptionOptions>>().Value.StateIntervalMilliseconds),
        });

        // The command services publish what they committed through this, onto the bus.
        services.AddSingleton<GovernanceEventPublisher>();
        services.AddSingleton<IDomainEventPublisher>(sp => sp.GetRequiredService<GovernanceEventPublisher>());
        services.AddSingleton<DelegationService>();
        services.AddSingleton<AreaService>();
        services.AddSingleton<MemberService>();
        services.AddSingleton<ProposalService>();
        services.AddSingleton<SupportService>();
        services.AddSingleton(sp => new VoteService(
            sp.GetRequiredService<Database>(),
            sp.GetRequiredService<TimeProvider>(),
            sp.GetRequiredService<Microsoft.Extensions.Options.IOptions<StorageOptions>>().Value.GroupCommit ? sp.GetRequiredService<GroupCommitter>() : null,
            sp.GetRequiredService<EngineHost>(),
            sp.GetRequiredService<IDomainEventPublisher>()));
        services.AddSingleton<ModerationService>();
        services.AddSingleton<Governance.Core.Comments.CommentService>();
        services.AddSingleton<Governance.Core.Comments.ReportService>();
        services.AddSingleton<Governance.Core.Metamoderation.MetamoderationService>();
        services.AddSingleton<Governance.Core.Comments.SuggestionService>();
        services.AddSingleton<IssueService>();
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
            Accounts = sp.GetRequiredService<Governance.Core.Accounts.AccountService>(),
            MemberData = sp.GetRequiredService<Governance.Core.Accounts.MemberDataService>(),
            Notifications = sp.GetRequiredService<Governance.Core.Notifications.NotificationService>(),
            Comments = sp.GetRequiredService<Governance.Core.Comments.CommentService>(),
            Reports = sp.GetRequiredService<Governance.Core.Comments.ReportService>(),
            Metamoderation = sp.GetRequiredService<Governance.Core.Metamoderation.MetamoderationService>(),
            Suggestions = sp.GetRequiredService<Governance.Core.Comments.SuggestionService>(),
            Issues = sp.GetRequiredService<IssueService>(),
        });
        services.AddSingleton(sp => new SchemaServices(
            sp.GetRequiredService<GovernanceReads>(),
            sp.GetRequiredService<EngineHost>(),
            sp.GetRequiredService<DelegationService>(),
            sp.GetRequiredService<AreaService>(),
            sp.GetRequiredService<MemberService>(),
            sp.GetRequiredService<Database>(),
            sp.GetRequiredService<TimeProvider>(),
            sp.GetRequiredService<GovernanceEventBus>(),
            sp.GetRequiredService<GovernanceEventPublisher>()));
        // Tests see what went wrong too; production never shows exception details.
        var development = builder.Environment.IsDevelopment() || builder.Environment.IsEnvironment("Testing");
        services.AddOptions<Governance.Api.GraphQL.GraphQLApiOptions>()
            .BindConfiguration("GraphQL")
            .Validate(o => o.Introspection is null or "on" or "signed-in" or "off", "GraphQL:Introspection must be on, signed-in or off.")
            .Validate(o => o.MaxCost > 0, "GraphQL:MaxCost must be positive.")
            .Validate(o => o.CostBudgetPerMinute >= 0, "GraphQL:CostBudgetPerMinute must be 0 (off) or positive.")
            .ValidateOnStart();
        services.AddSingleton(sp => new Governance.Api.GraphQL.CostBudget(
            sp.GetRequiredService<Microsoft.Extensions.Options.IOptions<Governance.Api.GraphQL.GraphQLApiOptions>>().Value.CostBudgetPerMinute,
            sp.GetRequiredService<TimeProvider>()));
        services.AddSingleton<IGraphQLExecutor>(sp => new GraphQLExecutor(
            GovernanceSchema.Build(sp.GetRequiredService<SchemaServices>(), sp.GetRequiredService<DomainServices>()),
            Governance.Api.GraphQL.GraphQLApiSwitches.Apply(
                GovernanceSchema.Options(development, sp.GetRequiredService<Governance.GraphQL.Http.GraphQLHttpOptions>().ExecutionTimeout),
                sp.GetRequiredService<Microsoft.Extensions.Options.IOptions<Governance.Api.GraphQL.GraphQLApiOptions>>().Value,
                Governance.Api.GraphQL.GraphQLApiSwitches.IntrospectionOf(
                    sp.GetRequiredService<Microsoft.Extensions.Options.IOptions<Governance.Api.GraphQL.GraphQLApiOptions>>().Value,
                    sp.GetRequiredService<Microsoft.Extensions.Options.IOptions<Governance.Api.Storage.DemoOptions>>().Value),
                sp.GetRequiredService<Governance.Api.GraphQL.CostBudget>(),
                sp.GetRequiredService<ILoggerFactory>().CreateLogger("Governance.GraphQL"))));
        services.AddSingleton<IGraphQLWebSocketInitHandler, WebSocketAuthentication>();
        return builder;
    }
}
