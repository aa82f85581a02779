namespace Governance.Core.Policies;

/// <summary>
/// Who sees who delegates to whom: the "delegationVisibility" policy, organisation-wide. One rule
/// for every read path (delegationGraph, node(id), the events query, the event-log export), so
/// that no path shows what another hides (issue 21). LiquidFeedback shows delegations to members.
/// </summary>
public enum DelegationVisibility
{
    /// <summary>Anyone, signed in or not.</summary>
    Public,

    /// <summary>Every signed-in member (a token needs the read scope): the default.</summary>
    Members,

    /// <summary>Only the member who delegates and the members the delegation names.</summary>
    Involved,
}

/// <summary>The rule of <see cref="DelegationVisibility"/>, for every read path to apply.</summary>
public static class DelegationVisibilityRule
{
    /// <summary>Whether a caller may see that <paramref name="member"/> delegates to <paramref name="delegates"/>.</summary>
    /// <param name="reader">The caller's member id when signed in with the read scope; null for anyone else.</param>
    public static bool MaySee(this DelegationVisibility rule, long? reader, long member, IEnumerable<long> delegates) => rule switch
    {
        DelegationVisibility.Public => true,
        DelegationVisibility.Members => reader is not null,
        _ => reader is { } me && (me == member || delegates.Contains(me)),
    };

    /// <summary>Whether a caller may see every delegation, whoever it involves.</summary>
    public static bool MaySeeAll(this DelegationVisibility rule, long? reader) =>
        rule == DelegationVisibility.Public || (rule == DelegationVisibility.Members && reader is not null);
}
