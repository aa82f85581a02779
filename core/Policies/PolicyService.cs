using System.Data.Common;
using System.Text.Json;
using System.Text.Json.Nodes;
using Governance.Core.Domain;
using Governance.Core.Events;
using Governance.Core.Storage;

namespace Governance.Core.Policies;

/// <summary>A stored policy version as the API shows it.</summary>
public sealed record PolicyVersion(long Id, long? AreaId, int Version, DateTimeOffset EffectiveFrom, string ValuesJson);

/// <summary>
/// Policies (DESIGN §6): the organisation's values, overridable per area, every change a new
/// version. The effective policy of an area is the organisation's version in force merged
/// with the overrides of the area's ancestors, root first, then its own. Proposals freeze
/// the effective policy when they open, so a change applies only to proposals opened after it.
/// </summary>
public sealed class PolicyService(Database database, TimeProvider clock, IDomainEventPublisher? events = null)
{
    private readonly IDomainEventPublisher events = events ?? IDomainEventPublisher.None;

    private static readonly HashSet<string> Keys =
        JsonNode.Parse(PolicyValues.Default.ToJson())!.AsObject().Select(p => p.Key).ToHashSet(StringComparer.Ordinal);

    /// <summary>The policy in force now for an area (null: the organisation's).</summary>
    public PolicyValues Effective(long? areaId = null) =>
        Transactions.Read(database, c => Resolve(c, null, areaId, Millis.Of(clock.GetUtcNow())));

    /// <summary>The rules in force now for an area (null: the organisation's), with where each value comes from.</summary>
    public PolicyInForce InForce(long? areaId = null, DateTimeOffset? at = null) => Transactions.Read(database, c =>
    {
        var atMs = Millis.Of(at ?? clock.GetUtcNow());
        return new PolicyInForce(areaId, Resolve(c, null, areaId, atMs), Sources(c, null, areaId, atMs));
    });

    /// <summary>
    /// The rules a proposal follows: the values it froze when it opened (DESIGN §6), with the
    /// sources of the versions in force for its area at that instant.
    /// </summary>
    public PolicyInForce OfProposal(long proposalId) => Transactions.Read(database, c =>
    {
        var proposal = ProposalStore.Find(c, null, proposalId) ?? throw new DomainException(DomainErrors.NotFound, "There is no such proposal.");
        var values = proposal.PolicyJson is { } json ? PolicyValues.FromJson(json) : Resolve(c, null, proposal.AreaId, proposal.CreatedAt);
        return new PolicyInForce(proposal.AreaId, values, Sources(c, null, proposal.AreaId, proposal.CreatedAt));
    });

    public IReadOnlyList<PolicyVersion> History(long? areaId = null) =>
        Transactions.Read(database, c => PolicyStore.History(c, areaId).Select(ToVersion).ToList());

    /// <summary>
    /// Records a new version for the organisation (<paramref name="areaId"/> null) or an area:
    /// the previous version of that scope with <paramref name="changesJson"/>'s keys changed (an
    /// area's key set to null drops its override). Admins only; refused with every problem
    /// named when a value is out of range, a key unknown, or the start in the past.
    /// </summary>
    public PolicyVersion Set(long actorId, long? areaId, string changesJson, DateTimeOffset? effectiveFrom = null)
    {
        ArgumentNullException.ThrowIfNull(changesJson);
        var (recorded, logged) = Transactions.WriteLogged(database, (c, t) =>
        {
            var now = Millis.Of(clock.GetUtcNow());
            if (!MemberStore.HasRole(c, t, actorId, "admin"))
            {
                throw new DomainException(DomainErrors.NotAllowed, "Only an admin can change a policy.");
            }

            var from = effectiveFrom is { } f ? Millis.Of(f) : now;
            if (from < now)
            {
                throw new DomainException(DomainErrors.InvalidPolicy, $"A policy cannot take effect in the past ({Millis.At(from):u} is before now, {Millis.At(now):u}).");
            }

            if (areaId is { } area && c.ExecuteScalarLong(t, "SELECT count(*) FROM areas WHERE id = @area", new { area }) == 0)
            {
                throw new DomainException(DomainErrors.NotFound, "There is no such area.");
            }

            JsonObject changes;
            try
            {
                changes = JsonNode.Parse(changesJson) as JsonObject
                    ?? throw new DomainException(DomainErrors.InvalidPolicy, "A policy change must be a JSON object of values.");
            }
            catch (JsonException e)
            {
                throw new DomainException(DomainErrors.InvalidPolicy, $"The policy change is not JSON: {e.Message}");
            }

            var unknown = changes.Select(p => p.Key).Where(k => !Keys.Contains(k)).ToList();
            if (unknown.Count > 0)
            {
                throw new DomainException(DomainErrors.InvalidPolicy, $"Unknown policy value(s): {string.Join(", ", unknown)}.");
            }

            if (areaId is not null && changes.ContainsKey("registration"))
            {
                throw new DomainException(DomainErrors.InvalidPolicy, "registration is organisation-wide: who may vote cannot differ by area.", "changes");
            }

            if (areaId is not null && changes.ContainsKey("delegationVisibility"))
            {
                throw new DomainException(DomainErrors.InvalidPolicy, "delegationVisibility is organisation-wide: a delegation spans areas (a global one covers them all).", "changes");
            }

            var previous = PolicyStore.Latest(c, t, areaId);
            var values = JsonNode.Parse(previous?.ValuesJson ?? (areaId is null ? PolicyValues.Default.ToJson() : "{}"))!.AsObject();
            foreach (var (key, value) in changes)
            {
                if (value is null && areaId is not null)
                {
                    values.Remove(key);
                }
                else
                {
                    values[key] = value?.DeepClone();
                }
            }

            var valuesJson = values.ToJsonString();
            var version = (previous?.Version ?? 0) + 1;

            // Check what the change would make effective in its own scope; an area's overrides
            // are checked merged with the organisation's values they complete.
            Validate(Merge(c, t, areaId, from, areaId is null ? valuesJson : null, areaId is null ? null : valuesJson));
            var id = PolicyStore.Insert(c, t, areaId, version, valuesJson, from, actorId);
            EventLog.Append(c, t, clock.GetUtcNow(), actorId, EventTypes.PolicyChanged,
                new { policy = id, area = areaId, version, effectiveFrom = from, changes = JsonNode.Parse(changes.ToJsonString()) });
            return new PolicyVersion(id, areaId, version, Millis.At(from), valuesJson);
        });
        events.Publish(logged);
        return recorded;
    }

    /// <summary>The effective policy of an area at an instant, inside a command's transaction.</summary>
    internal static PolicyValues Resolve(DbConnection connection, DbTransaction? transaction, long? areaId, long atMs) =>
        Parse(Merge(connection, transaction, areaId, atMs, null, null));

    private static JsonObject Merge(DbConnection c, DbTransaction? t, long? areaId, long atMs, string? orgOverride, string? ownOverride)
    {
        var org = orgOverride ?? PolicyStore.InForce(c, t, null, atMs)?.ValuesJson ?? PolicyValues.Default.ToJson();
        var merged = JsonNode.Parse(PolicyValues.Default.ToJson())!.AsObject();
        Apply(merged, org);
        if (areaId is { } area)
        {
            foreach (var id in PolicyStore.AreaChain(c, t, area))
            {
                var json = id == area && ownOverride is not null ? ownOverride : PolicyStore.InForce(c, t, id, atMs)?.ValuesJson;
                if (json is not null)
                {
                    Apply(merged, json);
                }
            }
        }

        return merged;
    }

    /// <summary>
    /// Where each value in force comes from: the organisation, unless an area on the chain
    /// (root first, the area itself last) overrides it; the last override wins, as in <see cref="Merge"/>.
    /// </summary>
    private static List<PolicySource> Sources(DbConnection c, DbTransaction? t, long? areaId, long atMs)
    {
        var org = PolicyStore.InForce(c, t, null, atMs);
        var sources = PolicyValues.ValueKeys.ToDictionary(k => k, k => new PolicySource(k, PolicyOrigin.Organisation, null, org is null ? null : Millis.At(org.EffectiveFrom)), StringComparer.Ordinal);
        if (areaId is { } area)
        {
            foreach (var id in PolicyStore.AreaChain(c, t, area))
            {
                if (PolicyStore.InForce(c, t, id, atMs) is not { } version)
                {
                    continue;
                }

                foreach (var (key, value) in JsonNode.Parse(version.ValuesJson)!.AsObject())
                {
                    if (value is not null && sources.ContainsKey(key))
                    {
                        sources[key] = new PolicySource(key, PolicyOrigin.Area, id, Millis.At(version.EffectiveFrom));
                    }
                }
            }
        }

        return [.. sources.Values.OrderBy(s => s.Key, StringComparer.Ordinal),
            new PolicySource(PolicyInForce.MaxDelegatesKey, PolicyOrigin.Fixed, null, null)];
    }

    private static void Apply(JsonObject target, string json)
    {
        foreach (var (key, value) in JsonNode.Parse(json)!.AsObject())
        {
            target[key] = value?.DeepClone();
        }
    }

    private static PolicyValues Parse(JsonObject values)
    {
        try
        {
            return JsonSerializer.Deserialize<PolicyValues>(values, PolicyValues.Json) ?? PolicyValues.Default;
        }
        catch (JsonException e)
        {
            throw new DomainException(DomainErrors.InvalidPolicy, $"A policy value has the wrong type: {e.Message}");
        }
    }

    private static void Validate(JsonObject values)
    {
        var problems = Parse(values).Problems();
        if (problems.Count > 0)
        {
            throw new DomainException(DomainErrors.InvalidPolicy, $"The policy is refused: {string.Join("; ", problems)}.");
        }
    }

    private static PolicyVersion ToVersion(PolicyRow row) =>
        new(row.Id, row.AreaId, row.Version, Millis.At(row.EffectiveFrom), row.ValuesJson);
}
