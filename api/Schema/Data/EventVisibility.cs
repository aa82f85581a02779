namespace Governance.Api.Schema.Data;

/// <summary>
/// Which audit-log entries everyone may read. Sign-ins, lock-outs, password changes, tokens,
/// invitations and registry imports are private to their actor (and admins); delegations (who
/// trusts whom) are their actor's and admins', and beyond that follow the policy
/// delegationVisibility; the rest — areas, proposals, roles, voting rights with their public
/// reasons — is public.
/// </summary>
public static class EventVisibility
{
    private static IReadOnlyList<string> PrivatePrefixes => Governance.Core.Events.EventTypes.PrivatePrefixes;

    /// <summary>The same rule as <see cref="IsPublic"/>, as SQL over event_log.type (constant text, no input).</summary>
    public static readonly string PublicSql =
        "(" + string.Join(" AND ", PrivatePrefixes.Select(p => $"type NOT LIKE '{p}%'")) + ")";

    public static bool IsPublic(string type) => !PrivatePrefixes.Any(p => type.StartsWith(p, StringComparison.Ordinal));

    /// <summary>An entry about a delegation: who may read it follows the policy delegationVisibility.</summary>
    public static bool IsDelegation(string type) => type.StartsWith(DelegationPrefix, StringComparison.Ordinal);

    private const string DelegationPrefix = "delegation.";

    /// <summary>
    /// Delegation entries the caller may read beyond their own, as SQL: every one when
    /// @delegationsAll = 1, else those whose payload names @delegationsOf among the delegates.
    /// </summary>
    public static string DelegationSql(bool postgres) =>
        $"(type LIKE '{DelegationPrefix}%' AND (@delegationsAll = 1 OR (@delegationsOf IS NOT NULL AND "
        + (postgres
            ? "(payload::jsonb -> 'delegates') @> to_jsonb(CAST(@delegationsOf AS bigint))"
            : "EXISTS (SELECT 1 FROM json_each(payload, '$.delegates') d WHERE d.value = @delegationsOf)")
        + ")))";

    /// <summary>The members a delegation entry's payload names as delegates (none for a revocation or a block).</summary>
    public static IReadOnlyList<long> Delegates(string payload)
    {
        using var json = System.Text.Json.JsonDocument.Parse(payload);
        return json.RootElement.ValueKind == System.Text.Json.JsonValueKind.Object
            && json.RootElement.TryGetProperty("delegates", out var delegates)
            && delegates.ValueKind == System.Text.Json.JsonValueKind.Array
                ? [.. delegates.EnumerateArray().Where(d => d.ValueKind == System.Text.Json.JsonValueKind.Number).Select(d => d.GetInt64())]
                : [];
    }

    /// <summary>Whether a caller may read an entry: public ones, their own, admins all, delegations by the policy.</summary>
    public static bool MaySee(string type, long? actorId, string payload, long? reader, bool admin, Governance.Core.Policies.DelegationVisibility rule) =>
        IsPublic(type) || admin || (reader is not null && actorId == reader)
        || (IsDelegation(type) && Governance.Core.Policies.DelegationVisibilityRule.MaySee(rule, reader, actorId ?? 0, Delegates(payload)));
}
