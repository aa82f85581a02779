using Governance.Api.Schema.Data;
using Governance.Core.Areas;
using Governance.Core.Delegation;
using Governance.Core.Members;
using Governance.Core.Storage;

namespace Governance.Api.Schema;

/// <summary>
/// The singletons the resolvers close over; the schema is built once, with them. Resolvers read
/// the engine (<see cref="EngineHost.Read{T}"/>) and listen on the bus; every write goes through
/// a command service, which applies it to the engine and publishes it.
/// </summary>
public sealed record SchemaServices(
    GovernanceReads Reads,
    EngineHost Engine,
    DelegationService Delegations,
    AreaService Areas,
    MemberService Members,
    Database Database,
    TimeProvider Clock,
    GovernanceEventBus Events,
    GovernanceEventPublisher Publisher);
