using Governance.Core.Delegation;
using Governance.Core.Storage;
using Governance.GraphQL.Execution;
using Governance.GraphQL.Types;

namespace Governance.Api.Schema;

/// <summary>
/// delegate, revokeDelegation and blockDelegation: the caller's own delegations, with the delegate
/// scope. The rules (1–3 delegates among them), the engine and the subscribers are the
/// <see cref="Governance.Core.Delegation.DelegationService"/>'s. Inputs and payloads are typed
/// records (docs/graphql-engine.md, "Typed inputs and payloads").
/// </summary>
internal static class DelegationMutations
{
    public static SchemaBuilder AddDelegationMutations(this SchemaBuilder builder, SchemaServices s) => builder
        .ResolveAsync("Mutation.delegate", c => DelegateAsync(c, s))
        .ResolveAsync("Mutation.blockDelegation", c => BlockDelegationAsync(c, s))
        .ResolveAsync("Mutation.revokeDelegation", c => RevokeDelegationAsync(c, s))
        .BindInput<ScopeInput>("ScopeInput")
        .BindInput<DelegateInput>("DelegateInput")
        .BindInput<ScopedInput>("BlockDelegationInput")
        .BindInput<ScopedInput>("RevokeDelegationInput")
        .BindType<DelegatePayload>("DelegatePayload")
        .BindType<DelegatePayload>("BlockDelegationPayload")
        .BindType<RevokeDelegationPayload>("RevokeDelegationPayload");

    private static async Task<DelegatePayload> DelegateAsync(ResolveContext c, SchemaServices s)
    {
        var input = c.Input<DelegateInput>();
        if (Prepare(c, input.Scope, out var memberId, out var scope) is { } refused)
        {
            return DelegatePayload.Refused(refused);
        }

        var delegates = new List<long>();
        foreach (var id in input.Delegates)
        {
            if (!Ids.TryLocal(id, Ids.Member, out var local))
            {
                return DelegatePayload.Refused(UserErrors.NotFound("UNKNOWN_DELEGATE", $"\"{id}\" is not the id of a member.", "delegates"));
            }

            delegates.Add(local);
        }

        var outcome = await MutationGuard.TryAsync(async () => (await s.Delegations.DelegateAsync(memberId, scope, delegates)).Delegation);
        return new DelegatePayload(outcome.Value, outcome.Errors);
    }

    private static async Task<DelegatePayload> BlockDelegationAsync(ResolveContext c, SchemaServices s)
    {
        if (Prepare(c, c.Input<ScopedInput>().Scope, out var memberId, out var scope) is { } refused)
        {
            return DelegatePayload.Refused(refused);
        }

        var outcome = await MutationGuard.TryAsync(async () => (await s.Delegations.BlockAsync(memberId, scope)).Delegation);
        return new DelegatePayload(outcome.Value, outcome.Errors);
    }

    private static async Task<RevokeDelegationPayload> RevokeDelegationAsync(ResolveContext c, SchemaServices s)
    {
        if (Prepare(c, c.Input<ScopedInput>().Scope, out var memberId, out var scope) is { } refused)
        {
            return new RevokeDelegationPayload(null, [refused]);
        }

        var outcome = await MutationGuard.TryAsync<bool?>(async () => await s.Delegations.RevokeAsync(memberId, scope));
        return new RevokeDelegationPayload(outcome.Value, outcome.Errors);
    }

    private static UserErrorValue? Prepare(ResolveContext c, ScopeInput scopeInput, out long memberId, out DelegationScope scope)
    {
        memberId = 0;
        scope = default;
        var caller = Caller.Of(c);
        if (MutationGuard.RequireScope(caller, MutationGuard.DelegateScope) is { } refused)
        {
            return refused;
        }

        memberId = caller.MemberId!.Value;
        var parsed = Scopes.Parse(scopeInput, out var error);
        if (parsed is null)
        {
            return error;
        }

        scope = parsed.Value;
        return null;
    }

    internal sealed record DelegateInput(ScopeInput Scope, IReadOnlyList<string> Delegates);

    /// <summary>BlockDelegationInput and RevokeDelegationInput: a scope only.</summary>
    internal sealed record ScopedInput(ScopeInput Scope);

    /// <summary>DelegatePayload and BlockDelegationPayload: the delegation now in force.</summary>
    internal sealed record DelegatePayload(DelegationVersion? Delegation, IReadOnlyList<UserErrorValue>? Errors)
    {
        public static DelegatePayload Refused(UserErrorValue error) => new(null, [error]);
    }

    internal sealed record RevokeDelegationPayload(bool? Revoked, IReadOnlyList<UserErrorValue>? Errors);
}
