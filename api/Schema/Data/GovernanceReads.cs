using System.Data.Common;
using Dapper;
using Governance.Core.Storage;

namespace Governance.Api.Schema.Data;

/// <summary>
/// The schema's reads: batch queries shaped for its DataLoaders (every method takes many ids
/// and costs one statement). They live with the schema rather than in core/Storage because
/// their shape follows the GraphQL fields, not a domain command; writes stay in core's stores.
/// </summary>
public sealed class GovernanceReads(Database database, SqlStatementCounter counter)
{
    public async Task<DbConnection> OpenAsync(CancellationToken cancellationToken)
    {
        var connection = await database.OpenAsync(cancellationToken);
        counter.Attach(connection);
        return connection;
    }

    private async Task<List<T>> QueryAsync<T>(string sql, object? parameters, CancellationToken cancellationToken)
    {
        await using var connection = await OpenAsync(cancellationToken);
        return await ReadAllAsync<T>(connection, new CommandDefinition(sql, parameters, cancellationToken: cancellationToken));
    }

    /// <summary>
    /// Dapper's QueryAsync, except that no rows means no deserializer. Dapper builds one from the
    /// reader's column types before the first row, and SQLite types a computed column of an empty
    /// result as a blob, so a record with a string there could not be matched: node(id) of a
    /// member that does not exist answered "Unexpected Execution Error" (issue 20).
    /// </summary>
    private static async Task<List<T>> ReadAllAsync<T>(DbConnection connection, CommandDefinition command)
    {
        await using var reader = await connection.ExecuteReaderAsync(command);
        var rows = new List<T>();
        if (!reader.HasRows)
        {
            return rows;
        }

        // The untyped parser: Dapper's typed one cannot be cast for a scalar row (string, long).
        var parse = reader.GetRowParser(typeof(T));
        while (await reader.ReadAsync(command.CancellationToken))
        {
            rows.Add((T)parse(reader));
        }

        return rows;
    }

    public async Task<IReadOnlyDictionary<long, MemberRow>> MembersAsync(IReadOnlyList<long> ids, CancellationToken cancellationToken) =>
        (await QueryAsync<MemberRow>(
            $"""
            SELECT m.id, m.handle, m.display_name AS DisplayName, m.voting_right AS VotingRight,
                   (SELECT string_agg(role, ',') FROM member_roles r WHERE r.member_id = m.id) AS Roles, m.joined_at AS JoinedAt
            FROM members m WHERE m.id {database.InList("@ids")}
            """, new { ids }, cancellationToken)).ToDictionary(m => m.Id);

    /// <summary>
    /// A keyset page of members in (handle, id) order, filtered by a case-insensitive substring
    /// of handle or display name, and how many match: the directory is paged in SQL, never read
    /// whole. <paramref name="after"/> and <paramref name="before"/> are the keys of the cursors
    /// (a page starts right after its cursor's key, whoever joined or left meanwhile); a page
    /// of the first <paramref name="first"/> keys, then the last <paramref name="last"/> of those.
    /// </summary>
    public async Task<MemberPage> SearchMembersAsync(
        string? search, MemberKey? after, MemberKey? before, int? first, int? last, CancellationToken cancellationToken)
    {
        var pattern = string.IsNullOrWhiteSpace(search) ? null : "%" + Escape(search.Trim()) + "%";
        // lower() on both sides: SQLite's LIKE ignores ASCII case and PostgreSQL's does not; lower()
        // folds ASCII alone on both (SQLite's built-in, PostgreSQL's in a "C" ctype database).
        var filter = pattern is null ? "1 = 1" : "(lower(m.handle) LIKE lower(@pattern) ESCAPE '\\' OR lower(m.display_name) LIKE lower(@pattern) ESCAPE '\\')";
        const string Above = "(m.handle > @afterHandle OR (m.handle = @afterHandle AND m.id > @afterId))";
        const string Below = "(m.handle < @beforeHandle OR (m.handle = @beforeHandle AND m.id < @beforeId))";
        var window = filter + (after is null ? "" : " AND " + Above) + (before is null ? "" : " AND " + Below);
        var parameters = new
        {
            pattern,
            afterHandle = after?.Handle,
            afterId = after?.Id ?? 0,
            beforeHandle = before?.Handle,
            beforeId = before?.Id ?? 0,
            limit = (first ?? last ?? 0) + 1,
        };
        const string Columns = """
            SELECT m.id, m.handle, m.display_name AS DisplayName, m.voting_right AS VotingRight,
                   (SELECT string_agg(role, ',') FROM member_roles r WHERE r.member_id = m.id) AS Roles, m.joined_at AS JoinedAt
            FROM members m
            """;
        await using var connection = await OpenAsync(cancellationToken);
        // first reads the head of the window (one more row tells whether more follow); last
        // alone reads its tail backwards. Either way a page is one indexed range scan.
        var fromHead = first is not null;
        var rows = await ReadAllAsync<MemberRow>(connection, new CommandDefinition(
            $"{Columns} WHERE {window} ORDER BY m.handle {(fromHead ? "ASC" : "DESC")}, m.id {(fromHead ? "ASC" : "DESC")} LIMIT @limit",
            parameters, cancellationToken: cancellationToken));
        var moreInWindow = rows.Count == parameters.limit;
        rows = rows.Take(parameters.limit - 1).ToList();
        if (!fromHead)
        {
            rows.Reverse();
        }

        var cutFromHead = false;
        if (fromHead && last is { } tail && rows.Count > tail)
        {
            rows = rows.Skip(rows.Count - tail).ToList();
            cutFromHead = true;
        }

        var total = await connection.ExecuteScalarAsync<long>(new CommandDefinition(
            $"SELECT count(*) FROM members m WHERE {filter}", new { pattern }, cancellationToken: cancellationToken));
        // Anything outside the page on either side, in the whole filtered directory.
        async Task<bool> AnyAsync(string condition, MemberRow edge) => await connection.ExecuteScalarAsync<long>(new CommandDefinition(
            $"SELECT count(*) FROM (SELECT 1 FROM members m WHERE {filter} AND {condition} LIMIT 1) x",
            new { pattern, afterHandle = edge.Handle, afterId = edge.Id, beforeHandle = edge.Handle, beforeId = edge.Id },
            cancellationToken: cancellationToken)) > 0;
        bool hasPrevious, hasNext;
        if (rows.Count == 0)
        {
            hasPrevious = false;
            hasNext = false;
        }
        else
        {
            hasPrevious = cutFromHead || (!fromHead && moreInWindow) || await AnyAsync(Below, rows[0]);
            hasNext = (fromHead && moreInWindow) || await AnyAsync(Above, rows[^1]);
        }

        return new MemberPage(rows, total, hasPrevious, hasNext);
    }

    /// <summary>The newest lottery periods that were drawn.</summary>
    public Task<List<string>> LotteryPeriodsAsync(int take, CancellationToken cancellationToken) =>
        QueryAsync<string>("SELECT period_id FROM lottery_draws ORDER BY period_end DESC LIMIT @take", new { take }, cancellationToken);

    /// <summary>Member ids by handle (snapshots and recounts name members by handle).</summary>
    public Task<List<long>> MemberIdsByHandleAsync(IReadOnlyList<string> handles, CancellationToken cancellationToken) =>
        QueryAsync<long>($"SELECT id FROM members WHERE handle {database.InList("@handles")} ORDER BY handle", new { handles }, cancellationToken);

    public async Task<ViewerRow?> ViewerAsync(long memberId, CancellationToken cancellationToken) =>
        (await QueryAsync<ViewerRow>(
            """
            SELECT m.id, m.handle, m.display_name AS DisplayName, m.email, m.karma, m.karma_at AS KarmaAt,
                   (SELECT CAST(coalesce(sum(points), 0) AS BIGINT) FROM supports s WHERE s.member_id = m.id AND s.released_at IS NULL) AS allocated
            FROM members m WHERE m.id = @memberId
            """, new { memberId }, cancellationToken)).SingleOrDefault();

    public Task<List<AreaRow>> AreasAsync(CancellationToken cancellationToken) =>
        QueryAsync<AreaRow>("SELECT id, slug, name, description, parent_id AS ParentId, archived_at AS ArchivedAt FROM areas ORDER BY name, id", null, cancellationToken);

    /// <summary>
    /// Every proposal matching the filter with its score (unreleased support points): ordering
    /// by hotness needs them all, and an id, an instant and a sum per proposal are small.
    /// A hidden proposal (by a moderator, or by reports until one decides) is left out unless
    /// <paramref name="seesHidden"/> (a moderator) or <paramref name="viewerId"/> wrote it (issue 17).
    /// </summary>
    public Task<List<ProposalRank>> RankProposalsAsync(long? areaId, string? status, long? viewerId, bool seesHidden, CancellationToken cancellationToken) =>
        QueryAsync<ProposalRank>(
            """
            WITH RECURSIVE subtree(id) AS (
                SELECT @areaId WHERE @areaId IS NOT NULL
                UNION SELECT a.id FROM areas a JOIN subtree s ON a.parent_id = s.id)
            SELECT p.id, p.created_at AS CreatedAt,
                   CAST(coalesce((SELECT sum(points) FROM supports s WHERE s.proposal_id = p.id AND s.released_at IS NULL), 0) AS BIGINT) AS score
            FROM proposals p
            WHERE p.issue_id IS NULL AND (@areaId IS NULL OR p.area_id IN (SELECT id FROM subtree)) AND (@status IS NULL OR p.status = @status)
              AND (@seesHidden OR p.author_id = @viewerId
                   OR NOT EXISTS (SELECT 1 FROM hidden_content h WHERE h.target_kind = 'proposal' AND h.target_id = p.id AND h.restored_at IS NULL))
            """, new { areaId, status, viewerId, seesHidden }, cancellationToken);

    public async Task<IReadOnlyDictionary<long, ProposalRow>> ProposalsAsync(IReadOnlyList<long> ids, CancellationToken cancellationToken) =>
        (await QueryAsync<ProposalRow>(
            $"SELECT id, author_id AS AuthorId, area_id AS AreaId, title, body, status, created_at AS CreatedAt, updated_at AS UpdatedAt, voting_ends_at AS VotingEndsAt, merged_into_id AS MergedIntoId, voting_starts_at AS VotingStartsAt, expires_at AS ExpiresAt, issue_id AS IssueId FROM proposals WHERE id {database.InList("@ids")}",
            new { ids }, cancellationToken)).ToDictionary(p => p.Id);

    public async Task<IReadOnlyDictionary<long, ProposalScore>> ScoresAsync(IReadOnlyList<long> ids, CancellationToken cancellationToken) =>
        // A row for every proposal asked for, supported or not. Grouping the supports alone returned
        // no row for a proposal nobody supports, and when a fresh process's first call returned no
        // rows at all, Dapper typed the aggregate columns from an empty reader (byte[]) and failed
        // ("Unexpected Execution Error" on score); three helpers' tests found it (docs/reliability.md).
        (await QueryAsync<ProposalScore>(
            $"""
            SELECT p.id AS ProposalId, CAST(coalesce(sum(s.points), 0) AS BIGINT) AS score, count(s.member_id) AS supporters
            FROM proposals p LEFT JOIN supports s ON s.proposal_id = p.id AND s.released_at IS NULL
            WHERE p.id {database.InList("@ids")} GROUP BY p.id
            """, new { ids }, cancellationToken)).ToDictionary(s => s.ProposalId);

    /// <summary>
    /// For proposals that reached the agenda (and were not returned to Open since): the points
    /// and supporters they held then, which are the supports released at that instant.
    /// </summary>
    public async Task<IReadOnlyDictionary<long, AgendaSupportRow>> AgendaSupportAsync(IReadOnlyList<long> ids, CancellationToken cancellationToken) =>
        (await QueryAsync<AgendaSupportRow>(
            $"""
            SELECT p.id AS ProposalId, p.on_agenda_at AS ReachedAt, CAST(coalesce(sum(s.points), 0) AS BIGINT) AS Score, count(s.member_id) AS Supporters
            FROM proposals p LEFT JOIN supports s ON s.proposal_id = p.id AND s.released_at = p.on_agenda_at
            WHERE p.id {database.InList("@ids")} AND p.on_agenda_at IS NOT NULL GROUP BY p.id, p.on_agenda_at
            """, new { ids }, cancellationToken)).ToDictionary(s => s.ProposalId);

    public async Task<IReadOnlyDictionary<long, SupportRow[]>> SupportersAsync(IReadOnlyList<long> ids, CancellationToken cancellationToken) =>
        (await QueryAsync<SupportRow>(
            $"""
            SELECT member_id AS MemberId, proposal_id AS ProposalId, points, allocated_at AS AllocatedAt FROM supports
            WHERE proposal_id {database.InList("@ids")} AND released_at IS NULL ORDER BY proposal_id, points DESC, allocated_at
            """, new { ids }, cancellationToken)).GroupBy(s => s.ProposalId).ToDictionary(g => g.Key, g => g.ToArray());

    public async Task<IReadOnlyDictionary<long, long>> MySupportAsync(long memberId, IReadOnlyList<long> ids, CancellationToken cancellationToken) =>
        (await QueryAsync<SupportRow>(
            $"SELECT member_id AS MemberId, proposal_id AS ProposalId, points, allocated_at AS AllocatedAt FROM supports WHERE member_id = @memberId AND proposal_id {database.InList("@ids")} AND released_at IS NULL",
            new { memberId, ids }, cancellationToken)).ToDictionary(s => s.ProposalId, s => s.Points);

    public async Task<IReadOnlyDictionary<long, StatusRow[]>> StatusHistoryAsync(IReadOnlyList<long> ids, CancellationToken cancellationToken) =>
        (await QueryAsync<StatusRow>(
            $"SELECT proposal_id AS ProposalId, status, at, actor_id AS ActorId, reason FROM proposal_status_history WHERE proposal_id {database.InList("@ids")} ORDER BY proposal_id, at, id",
            new { ids }, cancellationToken)).GroupBy(s => s.ProposalId).ToDictionary(g => g.Key, g => g.ToArray());

    /// <summary>Current delegations that name the member, with the rank at which they do.</summary>
    public Task<List<DelegatorRow>> DelegatorsAsync(long memberId, CancellationToken cancellationToken) =>
        QueryAsync<DelegatorRow>(
            """
            SELECT d.member_id AS MemberId, d.scope_kind AS ScopeKind, d.area_id AS AreaId, d.proposal_id AS ProposalId, dd.rank
            FROM delegation_delegates dd JOIN delegations d ON d.id = dd.delegation_id
            WHERE dd.delegate_id = @memberId AND d.valid_to IS NULL ORDER BY d.member_id, d.id
            """, new { memberId }, cancellationToken);

    /// <summary>One delegation version by id, with its ranked delegates.</summary>
    public async Task<DelegationVersion?> DelegationAsync(long id, CancellationToken cancellationToken)
    {
        var rows = await QueryAsync<(long Id, long MemberId, string Kind, long? AreaId, long? ProposalId, long ValidFrom, long? ValidTo, long? Delegate)>(
            """
            SELECT d.id, d.member_id, d.scope_kind, d.area_id, d.proposal_id, d.valid_from, d.valid_to, dd.delegate_id
            FROM delegations d LEFT JOIN delegation_delegates dd ON dd.delegation_id = d.id
            WHERE d.id = @id ORDER BY dd.rank
            """, new { id }, cancellationToken);
        if (rows.Count == 0)
        {
            return null;
        }

        var first = rows[0];
        return new DelegationVersion(
            first.Id, first.MemberId, Scopes.FromRow(first.Kind, first.AreaId, first.ProposalId),
            rows.Where(r => r.Delegate is not null).Select(r => r.Delegate!.Value).ToArray(),
            DateTimeOffset.FromUnixTimeMilliseconds(first.ValidFrom),
            first.ValidTo is { } to ? DateTimeOffset.FromUnixTimeMilliseconds(to) : null);
    }

    /// <summary>
    /// A page of the events the caller may see, oldest first, after sequence number
    /// <paramref name="afterSeq"/>; one more than asked for tells whether a next page exists.
    /// </summary>
    /// <param name="types">Only entries of these types; every type when null.</param>
    /// <param name="delegations">Delegation entries beyond the viewer's own: all, or those naming this member as a delegate (see <see cref="EventVisibility.DelegationSql"/>).</param>
    /// <param name="beforeSeq">Only entries before this sequence number (a <c>before</c> cursor).</param>
    /// <param name="fromTheEnd">The last <paramref name="take"/> of the range (a <c>last</c> page), still returned oldest first.</param>
    public async Task<List<EventRow>> EventsAsync(long afterSeq, int take, long? viewerId, bool everything, (bool All, long? Of) delegations, IReadOnlyList<string>? types, CancellationToken cancellationToken,
        long beforeSeq = long.MaxValue, bool fromTheEnd = false)
    {
        var rows = await QueryAsync<EventRow>(
            $"""
            SELECT seq, at, actor_id AS ActorId, type, payload, hash FROM event_log
            WHERE seq > @afterSeq AND seq < @beforeSeq AND (@everything = 1 OR {EventVisibility.PublicSql} OR (@viewerId IS NOT NULL AND actor_id = @viewerId) OR {EventVisibility.DelegationSql(database.IsPostgres)})
              AND (@filtered = 0 OR type {database.InList("@types")})
            ORDER BY seq {(fromTheEnd ? "DESC" : "ASC")} LIMIT @take
            """, new { afterSeq, beforeSeq, take, viewerId, everything = everything ? 1 : 0, delegationsAll = delegations.All ? 1 : 0, delegationsOf = delegations.Of, filtered = types is null ? 0 : 1, types = types?.ToArray() ?? [] }, cancellationToken);
        if (fromTheEnd)
        {
            rows.Reverse();
        }

        return rows;
    }

    public async Task<long> CountEventsAsync(long? viewerId, bool everything, (bool All, long? Of) delegations, IReadOnlyList<string>? types, CancellationToken cancellationToken) =>
        (await QueryAsync<long>(
            $"""
            SELECT count(*) FROM event_log
            WHERE (@everything = 1 OR {EventVisibility.PublicSql} OR (@viewerId IS NOT NULL AND actor_id = @viewerId) OR {EventVisibility.DelegationSql(database.IsPostgres)})
              AND (@filtered = 0 OR type {database.InList("@types")})
            """,
            new { viewerId, everything = everything ? 1 : 0, delegationsAll = delegations.All ? 1 : 0, delegationsOf = delegations.Of, filtered = types is null ? 0 : 1, types = types?.ToArray() ?? [] }, cancellationToken)).Single();

    /// <summary>The latest 50 endorsements a member gave (<paramref name="given"/>) or received, newest first.</summary>
    public Task<List<EndorsementRow>> EndorsementsAsync(long memberId, bool given, CancellationToken cancellationToken) =>
        QueryAsync<EndorsementRow>(
            given
                ? "SELECT endorser_id AS FromId, endorsed_id AS ToId, at, karma_awarded AS KarmaAwarded FROM endorsements WHERE endorser_id = @memberId ORDER BY at DESC, id DESC LIMIT 50"
                : "SELECT endorser_id AS FromId, endorsed_id AS ToId, at, karma_awarded AS KarmaAwarded FROM endorsements WHERE endorsed_id = @memberId ORDER BY at DESC, id DESC LIMIT 50",
            new { memberId }, cancellationToken);

    public async Task<EventRow?> EventAsync(long seq, CancellationToken cancellationToken) =>
        (await QueryAsync<EventRow>("SELECT seq, at, actor_id AS ActorId, type, payload, hash FROM event_log WHERE seq = @seq", new { seq }, cancellationToken)).SingleOrDefault();

    private static string Escape(string text) =>
        text.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("%", "\\%", StringComparison.Ordinal).Replace("_", "\\_", StringComparison.Ordinal);
}
