using System.Data.Common;
using Dapper;
using Governance.Core.Delegation;

namespace Governance.Core.Storage;

/// <summary>
/// Builds a <see cref="DelegationEngine"/> from the database: as it stands now (at start-up),
/// or as it stood at a past instant, from the delegation versions (valid_from / valid_to), the
/// voting-right changes and the membership at that instant. Votes are those recorded (the
/// votes table keeps each member's final choice; a closed vote's result and snapshot are
/// stored at its close).
/// </summary>
public static class EngineLoader
{
    public static DelegationEngine Load(Database database, DateTimeOffset? asOf = null)
    {
        ArgumentNullException.ThrowIfNull(database);
        using var connection = database.Open();
        var at = asOf?.ToUnixTimeMilliseconds();
        var memberCount = connection.ExecuteScalar<int>("SELECT count(*) FROM members");
        var engine = new DelegationEngine(memberCount);

        LoadMembers(connection, engine, at);
        LoadAreas(connection, engine);
        foreach (var (id, area) in connection.Query<(long, long)>(
                     "SELECT id, area_id FROM proposals WHERE @at IS NULL OR created_at <= @at ORDER BY id", new { at }))
        {
            engine.AddProposal(id, area);
        }

        LoadDelegations(connection, engine, at);
        LoadVotes(connection, engine, at);
        LoadRankedBallots(connection, engine, at);
        return engine;
    }

    private static void LoadMembers(DbConnection connection, DelegationEngine engine, long? at)
    {
        // The value at t is old_value of the first change after t; without one, the current value.
        using var command = connection.CreateCommand();
        command.CommandText = at is null
            ? "SELECT id, voting_right FROM members ORDER BY id"
            : """
              SELECT m.id,
                     coalesce((SELECT c.old_value FROM voting_right_changes c
                               WHERE c.member_id = m.id AND c.at > @at ORDER BY c.at, c.id LIMIT 1), m.voting_right)
              FROM members m WHERE m.joined_at <= @at ORDER BY m.id
              """;
        AddAt(command, at);
        using var reader = command.ExecuteReader();
        while (reader.Read())
        {
            engine.AddMember(reader.GetInt64(0), reader.GetInt64(1) == 1);
        }
    }

    private static void LoadAreas(DbConnection connection, DelegationEngine engine)
    {
        // The engine's area tree is append-only: parents first, whatever the ids.
        var areas = connection.Query<(long Id, long? Parent)>("SELECT id, parent_id FROM areas").ToList();
        var added = new HashSet<long>();
        while (added.Count < areas.Count)
        {
            var progress = false;
            foreach (var (id, parent) in areas)
            {
                if (!added.Contains(id) && (parent is null || added.Contains(parent.Value)))
                {
                    engine.AddArea(id, parent);
                    added.Add(id);
                    progress = true;
                }
            }

            if (!progress)
            {
                throw new StorageException("The area tree has a cycle; the database is inconsistent.");
            }
        }
    }

    private static void LoadDelegations(DbConnection connection, DelegationEngine engine, long? at)
    {
        using var command = connection.CreateCommand();
        command.CommandText = $"""
            SELECT d.id, d.member_id, d.scope_kind, d.area_id, d.proposal_id, dd.delegate_id
            FROM delegations d LEFT JOIN delegation_delegates dd ON dd.delegation_id = d.id
            WHERE {(at is null ? "d.valid_to IS NULL" : "d.valid_from <= @at AND (d.valid_to IS NULL OR d.valid_to > @at)")}
            ORDER BY d.id, dd.rank
            """;
        AddAt(command, at);
        using var reader = command.ExecuteReader();
        long current = -1;
        long member = 0;
        var scope = DelegationScope.Global;
        Span<long> delegates = stackalloc long[3];
        var count = 0;
        while (reader.Read())
        {
            var id = reader.GetInt64(0);
            if (id != current)
            {
                if (current != -1)
                {
                    engine.SetDelegation(member, scope, delegates[..count]);
                }

                current = id;
                member = reader.GetInt64(1);
                scope = ScopeOf(reader.GetString(2), reader.IsDBNull(3) ? null : reader.GetInt64(3), reader.IsDBNull(4) ? null : reader.GetInt64(4));
                count = 0;
            }

            if (!reader.IsDBNull(5) && count < 3)
            {
                delegates[count++] = reader.GetInt64(5);
            }
        }

        if (current != -1)
        {
            engine.SetDelegation(member, scope, delegates[..count]);
        }
    }

    private static void LoadVotes(DbConnection connection, DelegationEngine engine, long? at)
    {
        using var command = connection.CreateCommand();
        command.CommandText = at is null
            ? "SELECT v.proposal_id, v.member_id, v.choice FROM votes v JOIN proposals p ON p.id = v.proposal_id WHERE p.status = 'voting'"
            : "SELECT v.proposal_id, v.member_id, v.choice FROM votes v JOIN members m ON m.id = v.member_id WHERE v.cast_at <= @at AND m.joined_at <= @at";
        AddAt(command, at);
        using var reader = command.ExecuteReader();
        while (reader.Read())
        {
            engine.CastVote(reader.GetInt64(0), reader.GetInt64(1), ChoiceOf(reader.GetString(2)));
        }
    }

    /// <summary>
    /// Ranked ballots of issues in voting (DESIGN §8), as the live engine holds them: each makes
    /// its member a voter whose whole ballot delegation carries. Rows are read first, then each
    /// issue's choices (PostgreSQL runs one command at a time on a connection).
    /// </summary>
    private static void LoadRankedBallots(DbConnection connection, DelegationEngine engine, long? at)
    {
        var rows = connection.Query<(long IssueId, long MemberId, string Ranking)>(
            at is null
                ? "SELECT b.issue_id, b.member_id, b.ranking FROM ranked_ballots b JOIN proposals p ON p.id = b.issue_id WHERE p.status = 'voting' ORDER BY b.issue_id, b.member_id"
                : "SELECT b.issue_id, b.member_id, b.ranking FROM ranked_ballots b JOIN members m ON m.id = b.member_id WHERE b.cast_at <= @at AND m.joined_at <= @at ORDER BY b.issue_id, b.member_id",
            new { at }).AsList();
        long issue = 0;
        IReadOnlyList<string> keys = [];
        foreach (var (issueId, memberId, ranking) in rows)
        {
            if (!engine.HasProposal(issueId))
            {
                continue;
            }

            if (issueId != issue)
            {
                issue = issueId;
                keys = Proposals.IssueBallots.ChoiceKeys(connection, null, issueId);
            }

            try
            {
                Proposals.IssueBallots.Apply(engine, issueId, memberId, Proposals.IssueBallots.FromJson(keys, ranking));
            }
            catch (ArgumentException ex)
            {
                throw new StorageException($"The ranked ballot of member {memberId} on issue {issueId} does not fit the issue's ballot: {ex.Message}");
            }
        }
    }

    private static void AddAt(DbCommand command, long? at)
    {
        var parameter = command.CreateParameter();
        parameter.ParameterName = "at";
        parameter.DbType = System.Data.DbType.Int64;
        parameter.Value = (object?)at ?? DBNull.Value;
        command.Parameters.Add(parameter);
    }

    internal static DelegationScope ScopeOf(string kind, long? areaId, long? proposalId) => kind switch
    {
        "global" => DelegationScope.Global,
        "area" => DelegationScope.ForArea(areaId!.Value),
        "proposal" => DelegationScope.ForProposal(proposalId!.Value),
        _ => throw new StorageException($"Unknown delegation scope '{kind}' in the database."),
    };

    internal static VoteChoice ChoiceOf(string choice) => choice switch
    {
        "yes" => VoteChoice.Yes,
        "no" => VoteChoice.No,
        "abstain" => VoteChoice.Abstain,
        _ => throw new StorageException($"Unknown vote choice '{choice}' in the database."),
    };
}
