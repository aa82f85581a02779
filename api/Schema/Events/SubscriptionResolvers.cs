using System.Runtime.CompilerServices;
using Governance.Core.Delegation;
using Governance.Core.Events;
using Governance.Core.Policies;
using Governance.GraphQL.Errors;
using Governance.GraphQL.Types;

namespace Governance.Api.Schema;

/// <summary>Subscription root fields over the event bus, and the DelegationChange event type.</summary>
internal static class SubscriptionResolvers
{
    public static SchemaBuilder AddSubscriptions(this SchemaBuilder builder, SchemaServices s, DomainServices d) => builder
        .Subscribe("Subscription.myDelegationsChanged", c =>
        {
            var caller = Caller.Of(c);
            MemberResolvers.RequireRead(caller);
            var me = caller.MemberId!.Value;
            return s.Events.SubscribeAsync<DelegationChanged>(e => e.Concerned.Contains(me), c.CancellationToken);
        })
        .Subscribe("Subscription.delegationsChanged", c =>
        {
            // The policy delegationVisibility, as delegationGraph applies it: under "involved" a
            // member follows only the changes that concern them.
            var (rule, reader) = DelegationResolvers.Visibility(c, d);
            var given = c.Argument<string>("area");
            if (!Ids.TryLocal(given, Ids.Area, out var areaId))
            {
                throw new GraphQLException($"\"{given}\" is not the id of an area.");
            }

            return InAreaAsync(s, areaId, rule.MaySeeAll(reader) ? null : reader, c.CancellationToken);
        })
        .BindType<DelegationChanged>("DelegationChange")
        .ResolveAsync("DelegationChange.member", c => c.Member(s.Reads, c.ParentAs<DelegationChanged>().MemberId))
        .Resolve("DelegationChange.scope", c => Scopes.ToGraph(c.ParentAs<DelegationChanged>().Scope));

    /// <summary>
    /// Changes that apply in the area: global ones and those on the area or one of its
    /// ancestors — exactly the delegations the area's graph inherits.
    /// </summary>
    /// <param name="concerning">Only the changes that concern this member; every change when null.</param>
    private static async IAsyncEnumerable<DelegationChanged> InAreaAsync(SchemaServices s, long areaId, long? concerning, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var parents = (await s.Reads.AreasAsync(cancellationToken)).ToDictionary(a => a.Id, a => a.ParentId);
        if (!parents.ContainsKey(areaId))
        {
            throw new GraphQLException("There is no such area.");
        }

        var chain = new HashSet<long>();
        for (long? a = areaId; a is { } id && chain.Add(id); a = parents.GetValueOrDefault(id))
        {
        }

        await foreach (var change in s.Events.SubscribeAsync<DelegationChanged>(
            e => (e.Scope.Kind == ScopeKind.Global || (e.Scope.Kind == ScopeKind.Area && chain.Contains(e.Scope.Id)))
                && (concerning is null || e.Concerned.Contains(concerning.Value)),
            cancellationToken))
        {
            yield return change;
        }
    }
}
