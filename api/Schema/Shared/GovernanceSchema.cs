using Governance.GraphQL.Execution;
using Governance.GraphQL.Types;

namespace Governance.Api.Schema;

/// <summary>The governance schema: api/schema.graphql (embedded) bound to the resolvers of this folder.</summary>
public static class GovernanceSchema
{
    /// <summary>api/schema.graphql as embedded in the assembly.</summary>
    public static string Sdl { get; } = ReadSdl();

    public static Governance.GraphQL.Types.Schema Build(SchemaServices services, DomainServices domain) => new SchemaBuilder()
        .AddTypeDefinitions(Sdl)
        .AddScalar(new DateTimeScalarType())
        .AddNodes(services, domain)
        .AddMembers(services, domain)
        .AddAreas(services)
        .AddProposals(services, domain)
        .AddProposalDomain(services, domain)
        .AddBallots(services, domain)
        .AddDelegationRoutes(services)
        .AddPolicies(services, domain)
        .AddDelegations(services, domain)
        .AddEvents(services, domain)
        .AddDelegationMutations(services)
        .AddAdminMutations(services, domain)
        .AddMembership(services, domain)
        .AddAccounts(domain)
        .AddAreaMutations(services)
        .AddProposalMutations(services, domain)
        .AddModerationMutations(services, domain)
        .AddComments(services, domain)
        .AddVersions(services)
        .AddReports(services, domain)
        .AddMetamoderation(services, domain)
        .AddSuggestions(services, domain)
        .AddIssues(services, domain)
        .AddSubscriptions(services, domain)
        .AddNotifications(services, domain)
        .BindType<ValidationError>("ValidationError")
        .BindType<NotAuthorizedError>("NotAuthorizedError")
        .BindType<NotFoundError>("NotFoundError")
        .BindType<Governance.GraphQL.Relay.PageInfo>("PageInfo")
        .Build();

    /// <summary>
    /// The executor's limits: the defaults, except a cost budget that lets one page of 50
    /// proposals carry their authors and supporters (about 1,200) — the web client's main list —
    /// and a timeout just past the transport's, so that over HTTP the transport's timeout (503,
    /// the server's fault) always answers first, while the executor's still bounds any other caller.
    /// </summary>
    public static ExecutorOptions Options(bool development, TimeSpan transportTimeout) => new()
    {
        MaxCost = 5_000,
        IncludeExceptionDetails = development,
        ExecutionTimeout = transportTimeout + TimeSpan.FromSeconds(5),
    };

    private static string ReadSdl()
    {
        using var stream = typeof(GovernanceSchema).Assembly.GetManifestResourceStream("governance-schema.graphql")
            ?? throw new InvalidOperationException("api/schema.graphql is not embedded in the assembly.");
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }
}
