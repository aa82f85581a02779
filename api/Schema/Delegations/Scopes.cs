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

    /// <summary>The schema's view of a scope (DelegationScope): kind, and the area or proposal it names.</summary>
    public static ScopeView ToGraph(DelegationScope scope) => new(
        scope.Kind,
        scope.Kind == ScopeKind.Area ? scope.Id : null,
        scope.Kind == ScopeKind.Proposal ? scope.Id : null);

    /// <summary>
    /// Reads a ScopeInput (@oneOf: global, area or proposal). Null with an error when it names
    /// an id of the wrong type or says global: false.
    /// </summary>
    public static DelegationScope? Parse(ScopeInput? input, out UserErrorValue? error)
    {
        error = null;
        if (input?.Global is bool global)
        {
            if (global)
            {
                return DelegationScope.Global;
            }

            error = UserErrors.Validation("INVALID_SCOPE", "Give global: true, an area or a proposal.", "scope");
            return null;
        }

        if (input?.Area is string area)
        {
            if (Ids.TryLocal(area, Ids.Area, out var id))
            {
                return DelegationScope.ForArea(id);
            }

            error = UserErrors.NotFound("UNKNOWN_AREA", $"\"{area}\" is not the id of an area.", "scope");
            return null;
        }

        if (input?.Proposal is string proposal)
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

/// <summary>The ScopeInput of the delegation mutations (@oneOf: exactly one field is given).</summary>
public sealed record ScopeInput(bool? Global, string? Area, string? Proposal);

/// <summary>A DelegationScope as the schema shows it; <c>area</c> and <c>proposal</c> resolve from the ids.</summary>
public sealed record ScopeView(ScopeKind Kind, long? AreaId, long? ProposalId);
