using Governance.Core.Delegation;

namespace Governance.Api.Schema;

/// <summary>Delegation scopes between the database, the engine and the schema.</summary>
public static class Scopes
{
    public static DelegationScope FromRow(string kind, long? areaId, long? proposalId) => kind switch
    {
        "global" => DelegationScope.Global,
        "area" => DelegationScope.ForArea(areaId!.Value),
        _ => DelegationScope.ForProposal(proposalId!.Value),
    };

    /// <summary>The schema's view of a scope: kind, and the area or proposal it names.</summary>
    public static IReadOnlyDictionary<string, object?> ToGraph(DelegationScope scope) => new Dictionary<string, object?>
    {
        ["kind"] = scope.Kind,
        ["areaId"] = scope.Kind == ScopeKind.Area ? scope.Id : null,
        ["proposalId"] = scope.Kind == ScopeKind.Proposal ? scope.Id : null,
    };

    /// <summary>
    /// Reads a ScopeInput (@oneOf: global, area or proposal). Null with an error when it names
    /// an id of the wrong type or says global: false.
    /// </summary>
    public static DelegationScope? Parse(object? input, out UserErrorValue? error)
    {
        error = null;
        var fields = input as IReadOnlyDictionary<string, object?>;
        if (fields?.GetValueOrDefault("global") is bool global)
        {
            if (global)
            {
                return DelegationScope.Global;
            }

            error = UserErrors.Validation("INVALID_SCOPE", "Give global: true, an area or a proposal.", "scope");
            return null;
        }

        if (fields?.GetValueOrDefault("area") is string area)
        {
            if (Ids.TryLocal(area, Ids.Area, out var id))
            {
                return DelegationScope.ForArea(id);
            }

            error = UserErrors.NotFound("UNKNOWN_AREA", $"\"{area}\" is not the id of an area.", "scope");
            return null;
        }

        if (fields?.GetValueOrDefault("proposal") is string proposal)
        {
            if (Ids.TryLocal(proposal, Ids.Proposal, out var id))
            {
                return DelegationScope.ForProposal(id);
            }

            error = UserErrors.NotFound("UNKNOWN_PROPOSAL", $"\"{proposal}\" is not the id of a proposal.", "scope");
            return null;
        }

        error = UserErrors.Validation("INVALID_SCOPE", "Give global: true, an area or a proposal.", "scope");
        return null;
    }
}
