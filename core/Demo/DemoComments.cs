using Dapper;
using Governance.Core.Storage;

namespace Governance.Core.Demo;

/// <summary>
/// The demo's discussions (issue 17): a few threads with replies, some edited and some found
/// useful, on the proposals still under way, written with the import (as its other history is,
/// without an event each), and one earlier version of the first of them. Seeded: the same demo
/// has the same discussions.
/// </summary>
public static class DemoComments
{
    private static readonly string[] Openers =
    [
        "I support the aim, but how would this be **paid for**? The text does not say.",
        "Has anyone asked the people most affected? A short survey before the vote would help.",
        "Good idea. Two questions:\n\n1. Who checks it works after a year?\n2. What happens if it does not?",
        "This overlaps with an earlier proposal in the same area. Could the two be merged?",
        "The goal is right; the timeline looks too short to me.",
        "Thanks for writing this up so clearly. I will give it my points.",
    ];

    private static readonly string[] Replies =
    [
        "Good point: I will add a paragraph on costs.",
        "Agreed, and the survey could be done in a week.",
        "I disagree: waiting longer only helps those who want nothing to change.",
        "See the last section: a review after twelve months is planned.",
        "Could you say which proposal you mean? I could not find it.",
        "+1, a clear review date would win my support.",
    ];

    /// <summary>Comments on up to <paramref name="proposals"/> proposals still under way.</summary>
    public static void Seed(Database database, DateTimeOffset now, int proposals = 12)
    {
        var random = new Random(17);
        var nowMs = now.ToUnixTimeMilliseconds();
        Transactions.Write(database, (c, t) =>
        {
            var targets = c.Query<(long Id, long CreatedAt)>(
                "SELECT id, created_at FROM proposals WHERE status IN ('open', 'on_agenda', 'scheduled', 'voting') ORDER BY id LIMIT @proposals",
                new { proposals }, t).AsList();
            var members = c.Query<long>("SELECT id FROM members ORDER BY id LIMIT 200", transaction: t).AsList();
            if (members.Count < 3)
            {
                return 0;
            }

            long Someone() => members[random.Next(members.Count)];
            foreach (var (proposal, createdAt) in targets)
            {
                var at = Math.Max(createdAt, nowMs - (3 * 86_400_000L)) + 60_000;
                long Later() => at = Math.Min(nowMs - 1_000, at + random.Next(10, 600) * 60_000L);
                for (var thread = 0; thread < 1 + random.Next(3); thread++)
                {
                    var top = CommentStore.Insert(c, t, proposal, null, null, null, 1, Someone(), Openers[random.Next(Openers.Length)], Later());
                    long? parent = top;
                    for (var depth = 2; depth <= 3 && random.Next(3) > 0; depth++)
                    {
                        parent = CommentStore.Insert(c, t, proposal, top, parent, parent, depth, Someone(), Replies[random.Next(Replies.Length)], Later());
                    }

                    foreach (var endorser in Enumerable.Range(0, random.Next(4)).Select(_ => Someone()).Distinct())
                    {
                        c.Execute("INSERT INTO comment_endorsements (comment_id, member_id, at) SELECT @top, @endorser, @at WHERE NOT EXISTS (SELECT 1 FROM comments WHERE id = @top AND author_id = @endorser)",
                            new { top, endorser, at = Later() }, t);
                    }

                    c.Execute("UPDATE comments SET endorsements = (SELECT count(*) FROM comment_endorsements WHERE comment_id = @top) WHERE id = @top", new { top }, t);
                }
            }

            // The first of them was edited once: its opening text is version 1, so the Versions tab has a diff to show.
            if (targets.Count > 0)
            {
                var (first, createdAt) = targets[0];
                c.Execute(
                    """
                    INSERT INTO proposal_versions (proposal_id, version, title, body, written_at, replaced_at)
                    SELECT id, 1, title, replace(body, '.', ' (first draft).'), @createdAt, @editedAt FROM proposals
                    WHERE id = @first AND NOT EXISTS (SELECT 1 FROM proposal_versions WHERE proposal_id = @first)
                    """,
                    new { first, createdAt, editedAt = Math.Min(nowMs - 60_000, createdAt + 86_400_000L) }, t);
            }

            return targets.Count;
        });
    }
}
