using Dapper;
using Governance.Core.Storage;

namespace Governance.Core.Tests.Storage;

/// <summary>
/// Migration 0018 (issue 18): the alternatives of 0013, rows of their own, become proposals of
/// their issue with their supporters' points, a status that follows the issue, and ranked ballots
/// rewritten to the new keys.
/// </summary>
public sealed class AlternativesMigrationTests
{
    [Fact]
    public void AlternativeRowsBecomeProposalsOfTheirIssueWithSupportAndRewrittenBallots()
    {
        using var temp = new TempDatabase(migrate: false);
        Migrator.Apply(temp.Database, (temp.Database.IsPostgres ? Migrator.EmbeddedPostgres : Migrator.Embedded).Where(m => m.Number < 18).ToList());
        using (var c = temp.Database.Open())
        {
            c.Execute("INSERT INTO areas (id, slug, name, created_at) VALUES (1, 'party', 'Party', 0)");
            c.Execute("INSERT INTO members (id, handle, display_name, karma_at, joined_at, last_active_at) VALUES (1, 'ann', 'Ann', 0, 0, 0), (2, 'bob', 'Bob', 0, 0, 0), (3, 'cy', 'Cy', 0, 0, 0)");
            // Issue 10 is in its discussion, issue 11 is voting: a1 reached its threshold of 2, a2 did not.
            c.Execute("""
                INSERT INTO proposals (id, author_id, area_id, title, body, status, created_at, updated_at, voting_starts_at, voting_ends_at)
                VALUES (10, 1, 1, 'Lead ten', 'x', 'scheduled', 0, 0, 5000, 9000), (11, 1, 1, 'Lead eleven', 'x', 'voting', 0, 0, 500, 9000)
                """);
            c.Execute("INSERT INTO issues (proposal_id, ballot_threshold, opened_at) VALUES (10, 1, 100), (11, 2, 100)");
            c.Execute("""
                INSERT INTO issue_alternatives (id, issue_id, author_id, title, body, created_at)
                VALUES (1, 11, 2, 'Plan B', 'b', 200), (2, 11, 3, 'Plan C', 'c', 210), (3, 10, 2, 'Plan D', 'd', 220)
                """);
            c.Execute("INSERT INTO alternative_supporters (alternative_id, member_id, supported_at) VALUES (1, 1, 300), (1, 3, 310), (2, 1, 320), (3, 3, 330)");
            c.Execute("""INSERT INTO ranked_ballots (issue_id, member_id, ranking, cast_at, updated_at) VALUES (11, 1, '[["a1"],["p11","statusQuo"]]', 600, 600)""");
        }

        Migrator.Apply(temp.Database);

        using var connection = temp.Database.Open();
        var rows = connection.Query<(long Id, long IssueId, string Title, string Status, long AuthorId)>(
            "SELECT id, issue_id, title, status, author_id FROM proposals WHERE issue_id IS NOT NULL ORDER BY id").ToList();
        Assert.Equal([(12L, 11L, "Plan B", "voting", 2L), (13L, 11L, "Plan C", "expired", 3L), (14L, 10L, "Plan D", "open", 2L)], rows);
        Assert.Equal([(1L, 12L), (2L, 13L), (3L, 14L)], connection.Query<(long, long)>("SELECT alternative_id, proposal_id FROM alternative_proposals ORDER BY 1").ToList());

        // Each former supporter holds one point; on the voting issue they were released when it opened.
        var supports = connection.Query<(long Member, long Proposal, long Points, long? Released)>(
            "SELECT member_id, proposal_id, points, released_at FROM supports ORDER BY proposal_id, member_id").ToList();
        Assert.Equal([(1L, 12L, 1L, (long?)500), (3L, 12L, 1L, 500), (1L, 13L, 1L, 500), (3L, 14L, 1L, null)], supports);

        Assert.Equal("""[["a12"],["p11","statusQuo"]]""", connection.QuerySingle<string>("SELECT ranking FROM ranked_ballots WHERE issue_id = 11").Replace(" ", string.Empty));
        Assert.Equal(["open", "voting"], connection.Query<string>("SELECT status FROM proposal_status_history WHERE proposal_id = 12 ORDER BY id"));
        Assert.Equal(0, connection.ExecuteScalar<long>(
            temp.Database.Provider == StorageProvider.Postgres
                ? "SELECT count(*) FROM information_schema.tables WHERE table_name IN ('issue_alternatives', 'alternative_supporters')"
                : "SELECT count(*) FROM sqlite_schema WHERE name IN ('issue_alternatives', 'alternative_supporters')"));
    }
}
