using System.Data.Common;
using Dapper;
using Governance.Core.Storage;

namespace Governance.Core.Notifications;

/// <summary>One notification as stored: for whom, what kind, about which proposal and member, when, read or not.</summary>
public sealed record NotificationRow(long Id, long MemberId, string Kind, long? ProposalId, long? SubjectId, string Detail, long CreatedAt, long? ReadAt);

/// <summary>A notification to write: the kind, what it is about and its detail (JSON), for each recipient.</summary>
public sealed record PlannedNotification(string Kind, long? ProposalId, long? SubjectId, string Detail, IReadOnlyCollection<long> Recipients);

/// <summary>The SQL of notifications, their settings, the feed's progress, reminders and digests.</summary>
public static class NotificationStore
{
    private const string Columns = "id AS Id, member_id AS MemberId, kind AS Kind, proposal_id AS ProposalId, subject_id AS SubjectId, detail AS Detail, created_at AS CreatedAt, read_at AS ReadAt";

    public static long Progress(DbConnection c, DbTransaction? t) =>
        c.ExecuteScalar<long>("SELECT seq FROM notification_progress WHERE id = 1", transaction: t);

    public static void SetProgress(DbConnection c, DbTransaction t, long seq) =>
        c.Execute("UPDATE notification_progress SET seq = @seq WHERE id = 1", new { seq }, t);

    public static long MaxId(DbConnection c, DbTransaction? t) =>
        c.ExecuteScalar<long?>("SELECT max(id) FROM notifications", transaction: t) ?? 0;

    /// <summary>The members who set <paramref name="kind"/> to something other than the default, with their setting.</summary>
    public static Dictionary<long, string> Modes(DbConnection c, DbTransaction? t, string kind) =>
        c.Query<(long MemberId, string Mode)>(
            "SELECT member_id AS MemberId, mode AS Mode FROM notification_settings WHERE kind = @kind", new { kind }, t)
            .ToDictionary(r => r.MemberId, r => r.Mode);

    /// <summary>Rows per INSERT statement of a fan-out: two parameters each, within every engine's limit.</summary>
    public const int RowsPerStatement = 100;

    /// <summary>
    /// Inserts one row per recipient who has not turned the kind off, in ascending member order
    /// (the member indexes then fill page by page), <see cref="RowsPerStatement"/> rows per
    /// execution of one prepared multi-row <c>INSERT … VALUES</c>: what the rows share (kind,
    /// proposal, subject, detail, entry, time) is bound once, each row adds only its member and
    /// email flag. A fan-out to 100,000 members is 1,000 executions, not 100,000, and reads nothing.
    /// </summary>
    public static int Insert(DbConnection c, DbTransaction t, PlannedNotification planned, IEnumerable<long> recipients, IReadOnlyDictionary<long, string> modes, long? seq, long atMs)
    {
        ArgumentNullException.ThrowIfNull(planned);
        var rows = new List<(long Member, long Email)>();
        foreach (var recipient in recipients)
        {
            var mode = modes.GetValueOrDefault(recipient, NotificationDelivery.Default);
            if (mode != NotificationDelivery.Off)
            {
                rows.Add((recipient, mode == NotificationDelivery.Email ? 1L : 0L));
            }
        }

        rows.Sort();
        var written = 0;
        DbCommand? full = null;
        try
        {
            for (var from = 0; from < rows.Count; from += RowsPerStatement)
            {
                var count = Math.Min(RowsPerStatement, rows.Count - from);
                var command = count == RowsPerStatement
                    ? full ??= InsertCommand(c, t, planned, seq, atMs, RowsPerStatement)
                    : InsertCommand(c, t, planned, seq, atMs, count);
                for (var i = 0; i < count; i++)
                {
                    command.Parameters[(2 * i) + 6].Value = rows[from + i].Member;
                    command.Parameters[(2 * i) + 7].Value = rows[from + i].Email;
                }

                written += command.ExecuteNonQuery();
                if (command != full)
                {
                    command.Dispose();
                }
            }
        }
        finally
        {
            full?.Dispose();
        }

        return written;
    }

    private static DbCommand InsertCommand(DbConnection c, DbTransaction t, PlannedNotification planned, long? seq, long atMs, int rows)
    {
        var command = c.CreateCommand();
        command.Transaction = t;
        var sql = new System.Text.StringBuilder("INSERT INTO notifications (member_id, kind, proposal_id, subject_id, detail, seq, created_at, email) VALUES ");
        for (var i = 0; i < rows; i++)
        {
            sql.Append(i == 0 ? "" : ", ").Append("(@m").Append(i).Append(", @kind, @proposal, @subject, @detail, @seq, @at, @e").Append(i).Append(')');
        }

        command.CommandText = sql.ToString();
        Parameter(command, "@kind", planned.Kind);
        Parameter(command, "@proposal", planned.ProposalId);
        Parameter(command, "@subject", planned.SubjectId);
        Parameter(command, "@detail", planned.Detail);
        Parameter(command, "@seq", seq);
        Parameter(command, "@at", atMs);
        for (var i = 0; i < rows; i++)
        {
            Parameter(command, $"@m{i}", 0L);
            Parameter(command, $"@e{i}", 0L);
        }

        command.Prepare();
        return command;
    }

    private static DbParameter Parameter(DbCommand command, string name, object? value)
    {
        var parameter = command.CreateParameter();
        parameter.ParameterName = name;
        parameter.Value = value ?? DBNull.Value;
        command.Parameters.Add(parameter);
        return parameter;
    }

    /// <summary>
    /// A keyset window of a member's notifications, newest first: ids below <paramref name="belowId"/>
    /// and above <paramref name="aboveId"/> (0 = no bound), at most <paramref name="limit"/> from the
    /// newest end of the window, or from its oldest end when <paramref name="fromOldest"/> (then
    /// still returned newest first).
    /// </summary>
    public static IReadOnlyList<NotificationRow> Window(DbConnection c, DbTransaction? t, long memberId, long belowId, long aboveId, int limit, bool fromOldest)
    {
        var rows = c.Query<NotificationRow>(
            $"SELECT {Columns} FROM notifications WHERE member_id = @memberId AND (@belowId = 0 OR id < @belowId) AND id > @aboveId ORDER BY id {(fromOldest ? "ASC" : "DESC")} LIMIT @limit",
            new { memberId, belowId, aboveId, limit }, t).AsList();
        if (fromOldest)
        {
            rows.Reverse();
        }

        return rows;
    }

    /// <summary>A member's notifications written after <paramref name="afterId"/> up to <paramref name="upToId"/>, oldest first.</summary>
    public static IReadOnlyList<NotificationRow> Between(DbConnection c, long memberId, long afterId, long upToId) =>
        c.Query<NotificationRow>(
            $"SELECT {Columns} FROM notifications WHERE member_id = @memberId AND id > @afterId AND id <= @upToId ORDER BY id",
            new { memberId, afterId, upToId }).AsList();

    public static IReadOnlyList<NotificationRow> ByIds(DbConnection c, DbTransaction? t, long memberId, IReadOnlyCollection<long> ids) =>
        c.Query<NotificationRow>($"SELECT {Columns} FROM notifications WHERE member_id = @memberId AND id {c.InList("@ids")} ORDER BY id DESC", new { memberId, ids = ids.ToArray() }, t).AsList();

    public static (long Total, long Unread) Counts(DbConnection c, DbTransaction? t, long memberId) =>
        c.QuerySingle<(long, long)>(
            "SELECT count(*), coalesce(sum(CASE WHEN read_at IS NULL THEN 1 ELSE 0 END), 0) FROM notifications WHERE member_id = @memberId",
            new { memberId }, t);

    public static int MarkRead(DbConnection c, DbTransaction t, long memberId, IReadOnlyCollection<long>? ids, long atMs) =>
        ids is null
            ? c.Execute("UPDATE notifications SET read_at = @atMs WHERE member_id = @memberId AND read_at IS NULL", new { memberId, atMs }, t)
            : c.Execute($"UPDATE notifications SET read_at = @atMs WHERE member_id = @memberId AND read_at IS NULL AND id {c.InList("@ids")}", new { memberId, atMs, ids = ids.ToArray() }, t);

    public static Dictionary<string, string> Settings(DbConnection c, DbTransaction? t, long memberId) =>
        c.Query<(string Kind, string Mode)>("SELECT kind AS Kind, mode AS Mode FROM notification_settings WHERE member_id = @memberId", new { memberId }, t)
            .ToDictionary(r => r.Kind, r => r.Mode, StringComparer.Ordinal);

    public static void SetSetting(DbConnection c, DbTransaction t, long memberId, string kind, string mode) =>
        c.Execute("""
            INSERT INTO notification_settings (member_id, kind, mode) VALUES (@memberId, @kind, @mode)
            ON CONFLICT (member_id, kind) DO UPDATE SET mode = excluded.mode
            """, new { memberId, kind, mode }, t);

    /// <summary>Marks a reminder sent; false when it had been already (another pass, another instance).</summary>
    public static bool TryRemind(DbConnection c, DbTransaction t, long proposalId, string kind, long atMs) =>
        c.Execute("INSERT INTO notification_reminders (proposal_id, kind, sent_at) VALUES (@proposalId, @kind, @atMs) ON CONFLICT DO NOTHING",
            new { proposalId, kind, atMs }, t) == 1;

    /// <summary>Members with notifications waiting for the digest whose last digest is at least a day old (or who never had one).</summary>
    public static IReadOnlyList<(long MemberId, string Email, string DisplayName)> DigestsDue(DbConnection c, long dueBeforeMs) =>
        c.Query<(long, string, string)>("""
            SELECT m.id, m.email, m.display_name FROM members m
            WHERE m.email IS NOT NULL
              AND EXISTS (SELECT 1 FROM notifications n WHERE n.member_id = m.id AND n.email = 1 AND n.emailed_at IS NULL)
              AND NOT EXISTS (SELECT 1 FROM notification_digests d WHERE d.member_id = m.id AND d.sent_at > @dueBeforeMs)
            ORDER BY m.id
            """, new { dueBeforeMs }).AsList();

    public static IReadOnlyList<NotificationRow> PendingEmail(DbConnection c, long memberId) =>
        c.Query<NotificationRow>($"SELECT {Columns} FROM notifications WHERE member_id = @memberId AND email = 1 AND emailed_at IS NULL ORDER BY id", new { memberId }).AsList();

    public static void MarkEmailed(DbConnection c, DbTransaction t, long memberId, long upToId, long atMs)
    {
        c.Execute("UPDATE notifications SET emailed_at = @atMs WHERE member_id = @memberId AND email = 1 AND emailed_at IS NULL AND id <= @upToId", new { memberId, upToId, atMs }, t);
        c.Execute("""
            INSERT INTO notification_digests (member_id, sent_at) VALUES (@memberId, @atMs)
            ON CONFLICT (member_id) DO UPDATE SET sent_at = excluded.sent_at
            """, new { memberId, atMs }, t);
    }
}
