using Governance.Core.Delegation;
using Governance.GraphQL.Execution;
using Governance.GraphQL.Types;

namespace Governance.Api.Schema;

/// <summary>
/// delegate, revokeDelegation and blockDelegation: the caller's own delegations, with the delegate
/// scope. The rules (1–3 delegates among them), the engine and the subscribers are the
/// <see cref="Governance.Core.Delegation.DelegationService"/>'s.
/// </summary>
internal static class DelegationMutations
{
    public static SchemaBuilder AddDelegationMutations(this SchemaBuilder builder, SchemaServices s) => builder
        .ResolveAsync("Mutation.delegate", async c =>
        {
            var input = Input(c);
            if (Prepare(c, input, out var memberId, out var scope) is { } refused)
            {
                return UserErrors.Payload("delegation", refused);
            }

            var given = input.GetValueOrDefault("delegates") as IReadOnlyList<object?> ?? [];
            var delegates = new List<long>();
            foreach (var id in given.Cast<string>())
            {
                if (!Ids.TryLocal(id, Ids.Member, out var local))
                {
                    return UserErrors.Payload("delegation", UserErrors.NotFound("UNKNOWN_DELEGATE", $"\"{id}\" is not the id of a member.", "delegates"));
                }

                delegates.Add(local);
            }

            return await MutationGuard.RunAsync("delegation", async () => (await s.Delegations.DelegateAsync(memberId, scope, delegates)).Delegation);
        })
        .ResolveAsync("Mutation.blockDelegation", async c =>
        {
            if (Prepare(c, Input(c), out var memberId, out var scope) is { } refused)
            {
                return UserErrors.Payload("delegation", refused);
            }

            return await MutationGuard.RunAsync("delegation", async () => (await s.Delegations.BlockAsync(memberId, scope)).Delegation);
        })
        .ResolveAsync("Mutation.revokeDelegation", async c =>
        {
            if (Prepare(c, Input(c), out var memberId, out var scope) is { } refused)
            {
                return UserErrors.Payload("revoked", refused);
            }

            return await MutationGuard.RunAsync("revoked", async () => await s.Delegations.RevokeAsync(memberId, scope));
        })
        .BindDictionary("DelegatePayload")
        .BindDictionary("BlockDelegationPayload")
        .BindDictionary("RevokeDelegationPayload");

    private static IReadOnlyDictionary<string, object?> Input(ResolveContext c) => (IReadOnlyDictionary<string, object?>)c.Arguments["input"]!;

    private static UserErrorValue? Prepare(ResolveContext c, IReadOnlyDictionary<string, object?> input, out long memberId, out DelegationScope scope)
    {
        memberId = 0;
        scope = default;
        var caller = Caller.Of(c);
        if (MutationGuard.RequireScope(caller, MutationGuard.DelegateScope) is { } refused)
        {
            return refused;
        }

        memberId = caller.MemberId!.Value;
        var parsed = Scopes.Parse(input.GetValueOrDefault("scope"), out var error);
        if (parsed is null)
        {
            return error;
        }

        scope = parsed.Value;
        return null;
    }
}
