using System.Data.Common;
using System.Globalization;
using System.Text.RegularExpressions;
using Dapper;
using Governance.Core.Demo;
using Governance.Core.Events;
using Npgsql;
using NpgsqlTypes;

namespace Governance.Core.Storage;

/// <summary>How far an import has come, for a progress bar.</summary>
public readonly record struct ImportProgress(string Stage, long Done, long Total);

/// <summary>
/// Writes a generated organisation into an empty database in one transaction: it lands whole
/// or not at all. Rows go through reused prepared commands rather than Dapper's per-row
/// execution, because a million-member organisation is several million rows and must load
/// in well under a minute. One event records the import: the generator is deterministic, so
/// its seed and sizes identify every row.
/// </summary>
public static partial class ImportStore
{
    public static void Import(Database database, GeneratedOrganisation organisation, DateTimeOffset now, IProgress<ImportProgress>? progress = null)
    {
        if (!TryImport(database, organisation, now, progress))
        {
            throw new StorageException("The database already holds an organisation; seed into an empty database.");
        }
    }

    /// <summary>
    /// As <see cref="Import"/>, but false, having written nothing, when the database already
    /// holds an organisation: checked under the write lock, so of two instances seeding one
    /// empty PostgreSQL database together, the second waits and then finds the first's.
    /// </summary>
    public static bool TryImport(Database database, GeneratedOrganisation organisation, DateTimeOffset now, IProgress<ImportProgress>? progress = null)
    {
        ArgumentNullException.ThrowIfNull(database);
        ArgumentNullException.ThrowIfNull(organisation);
        using var connection = database.Open();

        // One big transaction: give it a page cache large enough (up to 2 GiB, used only as
        // needed) that SQLite does not spill dirty pages to the WAL again and again before the
        // commit writes them once. The connection is not pooled back with this setting.
        if (!database.IsPostgres)
        {
            connection.Execute("PRAGMA cache_size = -2000000; PRAGMA temp_store = MEMORY;");
        }

        using var transaction = connection.BeginWrite();
        if (connection.ExecuteScalar<long>("SELECT count(*) FROM members", transaction: transaction) > 0)
        {
            return false;
        }

        var nowMs = now.ToUnixTimeMilliseconds();
        connection.Execute(
            "INSERT INTO organisation (id, name, created_at) VALUES (1, @Name, @nowMs)",
            new { organisation.Name, nowMs },
            transaction);
        Bulk(connection, transaction, progress, "areas", organisation.Areas,
            "INSERT INTO areas (id, slug, name, description, parent_id, created_at) VALUES ($1, $2, $3, $4, $5, $6)",
            (a, p) => Set(p, a.Id, a.Slug, a.Name, a.Description, a.ParentId, nowMs));
        Bulk(connection, transaction, progress, "members", organisation.Members,
            "INSERT INTO members (id, handle, display_name, email, voting_right, karma, karma_at, joined_at, last_active_at) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)",
            (m, p) => Set(p, m.Id, m.Handle, m.DisplayName, m.Email, m.VotingRight ? 1 : 0, m.Karma, nowMs, m.JoinedAt.ToUnixTimeMilliseconds(), m.LastActiveAt.ToUnixTimeMilliseconds()));
        var roles = organisation.Members.SelectMany(m => Roles(m).Select(r => (m.Id, Role: r))).ToList();
        Bulk(connection, transaction, progress, "roles", roles,
            "INSERT INTO member_roles (member_id, role) VALUES ($1, $2)",
            (r, p) => Set(p, r.Id, r.Role));
        connection.Execute(
            "INSERT INTO policies (area_id, version, values_json, effective_from) VALUES (NULL, 1, '{}', @nowMs)",
            new { nowMs },
            transaction);
        Bulk(connection, transaction, progress, "proposals", organisation.Proposals,
            "INSERT INTO proposals (id, author_id, area_id, title, body, status, policy_id, created_at, updated_at, discussion_starts_at, voting_starts_at, voting_ends_at, on_agenda_at) VALUES ($1, $2, $3, $4, $5, $6, 1, $7, $7, $8, $9, $10, $11)",
            (x, p) => Set(p, x.Id, x.AuthorId, x.AreaId, x.Title, x.Body, x.Status, x.CreatedAt.ToUnixTimeMilliseconds(),
                x.DiscussionStartsAt?.ToUnixTimeMilliseconds(), x.VotingStartsAt?.ToUnixTimeMilliseconds(), x.VotingEndsAt?.ToUnixTimeMilliseconds(), x.OnAgendaAt?.ToUnixTimeMilliseconds()));
        Bulk(connection, transaction, progress, "status history", organisation.Proposals,
            "INSERT INTO proposal_status_history (proposal_id, status, at, actor_id, reason) VALUES ($1, $2, $3, $4, 'imported')",
            // Dated when the proposal entered its status, where the generator knows it; the
            // author is the actor only of what an author does (the clock and moderators act
            // unnamed here, as the generator names no moderator).
            (x, p) => Set(p, x.Id, x.Status, (x.OnAgendaAt ?? (x.Status == "voting" ? x.VotingStartsAt : null) ?? x.CreatedAt).ToUnixTimeMilliseconds(),
                x.Status is "open" or "withdrawn" ? x.AuthorId : null));
        ImportDelegations(connection, transaction, organisation.Delegations, progress);
        Bulk(connection, transaction, progress, "supports", organisation.Supports,
            "INSERT INTO supports (member_id, proposal_id, points, allocated_at, released_at) VALUES ($1, $2, $3, $4, $5)",
            (s, p) => Set(p, s.MemberId, s.ProposalId, s.Points, s.At.ToUnixTimeMilliseconds(), s.ReleasedAt?.ToUnixTimeMilliseconds()));
        Bulk(connection, transaction, progress, "votes", organisation.Votes,
            "INSERT INTO votes (member_id, proposal_id, choice, cast_at, updated_at) VALUES ($1, $2, $3, $4, $4)",
            (v, p) => Set(p, v.MemberId, v.ProposalId, v.Choice, v.At.ToUnixTimeMilliseconds()));

        EventLog.Append(connection, transaction, now, null, EventTypes.OrganisationSeeded, new
        {
            organisation.Name,
            organisation.Seed,
            Areas = organisation.Areas.Count,
            Members = organisation.Members.Count,
            Delegations = organisation.Delegations.Count,
            Proposals = organisation.Proposals.Count,
            Supports = organisation.Supports.Count,
            Votes = organisation.Votes.Count,
        });
        if (database.IsPostgres)
        {
            // The rows came with their ids; identity columns must continue after them, as
            // SQLite's rowid does (max + 1).
            foreach (var table in new[] { "areas", "members", "policies", "proposals", "proposal_status_history", "delegations" })
            {
                connection.Execute($"SELECT setval(pg_get_serial_sequence('{table}', 'id'), coalesce((SELECT max(id) FROM {table}), 0) + 1, false)", transaction: transaction);
            }
        }

        progress?.Report(new ImportProgress("commit", 0, 1));
        transaction.Commit();
        progress?.Report(new ImportProgress("commit", 1, 1));
        database.ClearPool();
        return true;
    }

    private static IEnumerable<string> Roles(GeneratedMember member)
    {
        yield return "member";
        if (member.IsModerator)
        {
            yield return "moderator";
        }

        if (member.IsAdmin)
        {
            yield return "admin";
        }
    }

    private static void ImportDelegations(DbConnection connection, DbTransaction transaction, IReadOnlyList<GeneratedDelegation> delegations, IProgress<ImportProgress>? progress)
    {
        if (connection is NpgsqlConnection)
        {
            // COPY streams one table at a time: the versions first, then their delegates.
            var versions = delegations.Select((d, i) => (Id: i + 1, d)).ToList();
            Bulk(connection, transaction, progress, "delegations", versions,
                "INSERT INTO delegations (id, member_id, scope_kind, area_id, proposal_id, valid_from) VALUES ($1, $2, $3, $4, $5, $6)",
                (x, p) => Set(p, x.Id, x.d.MemberId, ScopeName(x.d.Scope), x.d.AreaId, x.d.ProposalId, x.d.ValidFrom.ToUnixTimeMilliseconds()));
            var ranked = versions.SelectMany(x => x.d.Delegates.Select((delegateId, rank) => (x.Id, Rank: rank + 1, Delegate: delegateId))).ToList();
            Bulk(connection, transaction, progress, "delegates", ranked,
                "INSERT INTO delegation_delegates (delegation_id, rank, delegate_id) VALUES ($1, $2, $3)",
                (x, p) => Set(p, x.Id, x.Rank, x.Delegate));
            return;
        }

        using var delegation = Prepare(connection, transaction,
            "INSERT INTO delegations (id, member_id, scope_kind, area_id, proposal_id, valid_from) VALUES ($1, $2, $3, $4, $5, $6)", 6);
        using var delegate_ = Prepare(connection, transaction,
            "INSERT INTO delegation_delegates (delegation_id, rank, delegate_id) VALUES ($1, $2, $3)", 3);
        for (var i = 0; i < delegations.Count; i++)
        {
            var d = delegations[i];
            var id = i + 1;
            var scope = ScopeName(d.Scope);
            Set(delegation.Parameters, id, d.MemberId, scope, d.AreaId, d.ProposalId, d.ValidFrom.ToUnixTimeMilliseconds());
            delegation.ExecuteNonQuery();
            for (var rank = 0; rank < d.Delegates.Length; rank++)
            {
                Set(delegate_.Parameters, id, rank + 1, d.Delegates[rank]);
                delegate_.ExecuteNonQuery();
            }

            if (progress is not null && (i % 20_000 == 0 || i == delegations.Count - 1))
            {
                progress.Report(new ImportProgress("delegations", i + 1, delegations.Count));
            }
        }
    }

    private static void Bulk<T>(
        DbConnection connection,
        DbTransaction transaction,
        IProgress<ImportProgress>? progress,
        string stage,
        IReadOnlyList<T> rows,
        string sql,
        Action<T, DbParameterCollection> bind)
    {
        if (connection is NpgsqlConnection postgres)
        {
            Copy(postgres, progress, stage, rows, sql, bind);
            return;
        }

        using var command = Prepare(connection, transaction, sql, sql.Count(c => c == '$'));
        for (var i = 0; i < rows.Count; i++)
        {
            bind(rows[i], command.Parameters);
            command.ExecuteNonQuery();
            if (progress is not null && (i % 20_000 == 0 || i == rows.Count - 1))
            {
                progress.Report(new ImportProgress(stage, i + 1, rows.Count));
            }
        }
    }

    /// <summary>
    /// A prepared INSERT with parameters $1…$n: named "$1"… for SQLite, positional for
    /// PostgreSQL (where $n is native syntax).
    /// </summary>
    private static string ScopeName(GeneratedScope scope) =>
        scope switch { GeneratedScope.Global => "global", GeneratedScope.Area => "area", _ => "proposal" };

    /// <summary>
    /// PostgreSQL's bulk path: binary COPY into the INSERT's table and columns, each column
    /// taking the INSERT's value for it ($n from the row, or the literal written there). An
    /// INSERT per row would cost a round trip per row; COPY streams them.
    /// </summary>
    private static void Copy<T>(
        NpgsqlConnection connection,
        IProgress<ImportProgress>? progress,
        string stage,
        IReadOnlyList<T> rows,
        string sql,
        Action<T, DbParameterCollection> bind)
    {
        var match = InsertShape().Match(sql);
        if (!match.Success)
        {
            throw new InvalidOperationException($"Cannot COPY for '{sql}'.");
        }

        var columns = match.Groups["columns"].Value;
        var values = match.Groups["values"].Value.Split(',', StringSplitOptions.TrimEntries);
        var parameterCount = values.Where(v => v.StartsWith('$')).Select(v => int.Parse(v[1..], CultureInfo.InvariantCulture)).DefaultIfEmpty(0).Max();
        using var scratch = new NpgsqlCommand();
        for (var n = 0; n < parameterCount; n++)
        {
            scratch.Parameters.Add(new NpgsqlParameter());
        }

        using var writer = connection.BeginBinaryImport($"COPY {match.Groups["table"].Value} ({columns}) FROM STDIN (FORMAT BINARY)");

        // Completing a COPY of millions of rows checks their foreign keys and builds their
        // indexes: minutes on a busy server, not the 30 s a command may take.
        writer.Timeout = TimeSpan.FromMinutes(30);
        for (var i = 0; i < rows.Count; i++)
        {
            bind(rows[i], scratch.Parameters);
            writer.StartRow();
            foreach (var value in values)
            {
                object? cell = value.StartsWith('$')
                    ? scratch.Parameters[int.Parse(value[1..], CultureInfo.InvariantCulture) - 1].Value
                    : value.StartsWith('\'') ? value.Trim('\'') : value == "NULL" ? null : long.Parse(value, CultureInfo.InvariantCulture);
                switch (cell)
                {
                    case null or DBNull: writer.WriteNull(); break;
                    case long n: writer.Write(n, NpgsqlDbType.Bigint); break;
                    case int n: writer.Write((long)n, NpgsqlDbType.Bigint); break;
                    case double d: writer.Write(d, NpgsqlDbType.Double); break;
                    case string text: writer.Write(text, NpgsqlDbType.Text); break;
                    default: throw new InvalidOperationException($"No COPY mapping for {cell.GetType().Name}.");
                }
            }

            if (progress is not null && (i % 20_000 == 0 || i == rows.Count - 1))
            {
                progress.Report(new ImportProgress(stage, i + 1, rows.Count));
            }
        }

        writer.Complete();
    }

    [GeneratedRegex(@"^INSERT INTO (?<table>\w+) \((?<columns>[^)]*)\) VALUES \((?<values>[^)]*)\)$")]
    private static partial Regex InsertShape();

    private static DbCommand Prepare(DbConnection connection, DbTransaction transaction, string sql, int parameters)
    {
        var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = sql;
        var distinct = Enumerable.Range(1, parameters).Where(n => sql.Contains($"${n}", StringComparison.Ordinal));
        foreach (var n in distinct)
        {
            var parameter = command.CreateParameter();
            if (connection is not Npgsql.NpgsqlConnection)
            {
                parameter.ParameterName = $"${n}";
            }

            command.Parameters.Add(parameter);
        }

        command.Prepare();
        return command;
    }

    private static void Set(DbParameterCollection parameters, params object?[] values)
    {
        for (var i = 0; i < values.Length && i < parameters.Count; i++)
        {
            parameters[i].Value = values[i] ?? DBNull.Value;
        }
    }
}
