namespace Governance.Api.Schema.Data;

/// <summary>
/// Which audit-log entries everyone may read. Delegations (who trusts whom), sign-ins,
/// lock-outs, password changes and tokens are private to their actor (and admins); the rest —
/// areas, proposals, roles, voting rights with their public reasons — is public.
/// </summary>
public static class EventVisibility
{
    private static IReadOnlyList<string> PrivatePrefixes => Governance.Core.Events.EventTypes.PrivatePrefixes;

    /// <summary>The same rule as <see cref="IsPublic"/>, as SQL over event_log.type (constant text, no input).</summary>
    public static readonly string PublicSql =
        "(" + string.Join(" AND ", PrivatePrefixes.Select(p => $"type NOT LIKE '{p}%'")) + ")";

    public static bool IsPublic(string type) => !PrivatePrefixes.Any(p => type.StartsWith(p, StringComparison.Ordinal));
}
