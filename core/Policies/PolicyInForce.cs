namespace Governance.Core.Policies;

/// <summary>Where a policy value in force comes from (DESIGN §6).</summary>
public enum PolicyOrigin
{
    /// <summary>The organisation's policy (its documented default until an admin changes it).</summary>
    Organisation,

    /// <summary>An area's override: the area itself or the nearest ancestor that sets the value.</summary>
    Area,

    /// <summary>A rule of the product, the same everywhere and not a policy value (1–3 delegates, DESIGN §2).</summary>
    Fixed,
}

/// <summary>One value's source: the organisation, or the area whose override sets it, since which version's start.</summary>
public sealed record PolicySource(string Key, PolicyOrigin Origin, long? AreaId, DateTimeOffset? Since);

/// <summary>
/// The rules in force for an area or a proposal: every value, typed, and where each comes
/// from. A proposal's values are the ones it froze when it opened; its sources are the
/// versions that were in force then.
/// </summary>
public sealed record PolicyInForce(long? AreaId, PolicyValues Values, IReadOnlyList<PolicySource> Sources)
{
    /// <summary>The most delegates one delegation names (DESIGN §2): the engine stores up to three per record.</summary>
    public const int MaxDelegates = Governance.Core.Delegation.DelegationService.MaxDelegates;

    /// <summary>The key of <see cref="MaxDelegates"/> among the sources.</summary>
    public const string MaxDelegatesKey = "maxDelegates";

    public PolicySource SourceOf(string key) =>
        Sources.FirstOrDefault(s => s.Key == key) ?? new PolicySource(key, PolicyOrigin.Organisation, null, null);
}
