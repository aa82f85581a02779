using Governance.Api.Schema.Data;
using Governance.Core.Delegation;
using Governance.Core.Storage;

namespace Governance.Api.Schema;

/// <summary>The singletons the resolvers close over; the schema is built once, with them.</summary>
public sealed record SchemaServices(
    GovernanceReads Reads,
    EngineHost Engine,
    DelegationStore Delegations,
    AreaStore Areas,
    MemberRoleStore Roles,
    Database Database,
    TimeProvider Clock,
    GovernanceEventBus Events);
