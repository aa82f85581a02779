using Governance.Core.Delegation;
using Governance.Core.Storage;
using Governance.GraphQL.Execution;
using Governance.GraphQL.Types;

namespace Governance.Api.Schema;

/// <summary>delegate, revokeDelegation and blockDelegation: the caller's own delegations, with the delegate scope.</summary>
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
            if (given.Count == 0)
            {
                return UserErrors.Payload("delegation", UserErrors.Validation("NO_DELEGATES", "Name 1 to 3 delegates in order of preference; to delegate to nobody, use blockDelegation.", "delegates"));
            }

            var delegates = new List<long>();
            foreach (var id in given.Cast<string>())
            {
                if (!Ids.TryLocal(id, Ids.Member, out var local))
                {
                    return UserErrors.Payload("delegation", UserErrors.NotFound("UNKNOWN_DELEGATE", $"\"{id}\" is not the id of a member.", "delegates"));
                }

                delegates.Add(local);
            }

            return await ChangeAsync(s, "delegation", memberId, scope, async () => await s.Delegations.SetAsync(memberId, scope, delegates));
        })
        .ResolveAsync("Mutation.blockDelegation", async c =>
        {
            if (Prepare(c, Input(c), out var memberId, out var scope) is { } refused)
            {
                return UserErrors.Payload("delegation", refused);
            }

            return await ChangeAsync(s, "delegation", memberId, scope, async () => await s.Delegations.SetAsync(memberId, scope, []));
        })
        .ResolveAsync("Mutation.revokeDelegation", async c =>
        {
            if (Prepare(c, Input(c), out var memberId, out var scope) is { } refused)
            {
                return UserErrors.Payload("revoked", refused);
            }

            return await ChangeAsync(s, "revoked", memberId, scope, async () => await s.Delegations.RevokeAsync(memberId, scope));
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

    /// <summary>Runs the change, then (after its commit) tells subscribers who is concerned.</summary>
    private static async Task<Dictionary<string, object?>> ChangeAsync(SchemaServices s, string resultField, long memberId, DelegationScope scope, Func<Task<object?>> change)
    {
        var before = (await s.Delegations.CurrentForMemberAsync(memberId)).FirstOrDefault(d => d.Scope == scope);
        var payload = await MutationGuard.RunAsync(resultField, change);
        if (payload["errors"] is null)
        {
            var after = payload[resultField] as DelegationVersion;
            var unchanged = after is not null && before is not null && after.Id == before.Id;
            var revokedNothing = payload[resultField] is false;
            if (!unchanged && !revokedNothing)
            {
                var kind = after is null ? DelegationChangeKind.Revoked : after.IsBlock ? DelegationChangeKind.Blocked : DelegationChangeKind.Set;
                var concerned = new HashSet<long> { memberId };
                concerned.UnionWith(before?.Delegates ?? []);
                concerned.UnionWith(after?.Delegates ?? []);
                s.Events.Publish(new DelegationChanged(kind, memberId, scope, after, concerned, s.Clock.GetUtcNow()));
            }
        }

        return payload;
    }
}
