using System.Text.Json;
using Dapper;
using Governance.Core.Clock;
using Governance.Core.Proposals;
using Governance.Core.Storage;

namespace Governance.Core.Demo;

/// <summary>
/// The demo's issues with alternatives (issue 18): two proposals in voting become issues with
/// three alternatives each, every alternative a proposal of its issue with the support points
/// that put it on the ballot. Their voters' yes/no votes become ranked ballots (a yes puts the
/// proposal first, a no the status quo; the alternatives fall around them). The second issue stays
/// in voting, for a member to rank; the first's window is closed and it is counted by the real
/// close (snapshot, recount, Schulze), so the demo shows a result with its matrix. Written with
/// the import, without an event each, as the rest of the demo's history is; seeded, so the same
/// demo has the same issues.
/// </summary>
public static class DemoIssues
{
    private static readonly (string Suffix, string Change)[] Variants =
    [
        (" — in stages", "\n\nIt is introduced in three stages over two years, so that each stage can be checked before the next."),
        (" — as a pilot first", "\n\nIt starts as a pilot in one district for one year; the members decide on the rest after the pilot's report."),
        (" — with a review after a year", "\n\nAfter twelve months an independent review reports to the members, and the measure ends unless they confirm it."),
    ];

    /// <returns>How many issues were seeded (0 when the demo has fewer than two votes under way).</returns>
    public static int Seed(Database database, DateTimeOffset now)
    {
        var random = new Random(18);
        var nowMs = now.ToUnixTimeMilliseconds();
        var leads = Transactions.Read(database, c => c.Query<long>(
            // The two with the most ballots: the first is closed (its result should reach the quorum), the second stays in voting.
            """
            SELECT p.id FROM proposals p WHERE p.status = 'voting' AND p.issue_id IS NULL AND p.voting_ends_at > @nowMs
            ORDER BY (SELECT count(*) FROM votes v WHERE v.proposal_id = p.id) DESC, p.id LIMIT 2
            """,
            new { nowMs }).AsList());
        if (leads.Count < 2)
        {
            return 0;
        }

        var demoMember = Transactions.Read(database, c => c.QuerySingleOrDefault<long?>("SELECT id FROM members WHERE handle = @h", new { h = DemoAccounts.Member.Handle }));
        Transactions.Write(database, (c, t) =>
        {
            foreach (var lead in leads)
            {
                Alternatives(c, t, ProposalStore.Find(c, t, lead)!, demoMember, random, nowMs);
            }

            // The first issue's window ends now: the close below counts it.
            c.Execute("UPDATE proposals SET voting_ends_at = @end WHERE id = @id", new { id = leads[0], end = nowMs - 60_000 }, t);
            return 0;
        });
        new GovernanceClock(database).CloseEndedVotes(now);
        return leads.Count;
    }

    private static void Alternatives(System.Data.Common.DbConnection c, System.Data.Common.DbTransaction t, ProposalRow lead, long? demoMember, Random random, long nowMs)
    {
        var opened = lead.DiscussionStartsAt ?? lead.VotingStartsAt!.Value - 86_400_000;
        var votingStarts = lead.VotingStartsAt!.Value;
        var policy = ProposalService.PolicyOf(c, t, lead);
        var threshold = IssueService.BallotThreshold(policy, Agenda.Thresholds(c, t, opened, policy).Quorum);
        IssueStore.Open(c, t, lead.Id, threshold, opened + 3_600_000);
        var members = c.Query<long>("SELECT id FROM members WHERE id <> @demo ORDER BY id LIMIT 400", new { demo = demoMember ?? -1 }, t).AsList();
        var keys = new List<string>();
        for (var i = 0; i < Variants.Length; i++)
        {
            var (suffix, change) = Variants[i];
            var author = members[random.Next(members.Count)];
            var at = opened + ((i + 1) * 7_200_000L);
            var title = lead.Title.Length + suffix.Length <= ProposalService.MaxTitleLength ? lead.Title + suffix : lead.Title[..(ProposalService.MaxTitleLength - suffix.Length)] + suffix;
            var id = IssueStore.InsertAlternative(c, t, lead.Id, author, title, lead.Body + change, at);
            ProposalStore.RecordOpened(c, t, id, at, author);
            keys.Add("a" + id);

            // Support that reaches the threshold, released when voting opened and the alternative went onto the ballot.
            var score = 0;
            foreach (var supporter in members.OrderBy(_ => random.Next()))
            {
                var points = 1 + random.Next(4);
                c.Execute(
                    "INSERT INTO supports (member_id, proposal_id, points, allocated_at, released_at, early, version) VALUES (@supporter, @id, @points, @at, @votingStarts, 0, 1)",
                    new { supporter, id, points, at = at + random.Next(1, 3_600_000), votingStarts }, t);
                if ((score += points) >= threshold + random.Next(5))
                {
                    break;
                }
            }

            ProposalStore.Transition(c, t, id, ProposalStatus.Open, ProposalStatus.Voting, votingStarts, null,
                $"on the ballot of issue {lead.Id}: support {score} reached {threshold}");
        }

        // The yes/no votes cast so far become ranked ballots.
        var leadKey = IssueService.ProposalKey(lead.Id);
        foreach (var (member, choice, castAt) in c.Query<(long, string, long)>("SELECT member_id, choice, cast_at FROM votes WHERE proposal_id = @id", new { id = lead.Id }, t).AsList())
        {
            var order = keys.OrderBy(_ => random.Next()).ToList();
            var first = choice == "no" ? IssueService.StatusQuo : leadKey;
            var second = choice == "no" ? leadKey : IssueService.StatusQuo;
            order.Insert(0, first);
            order.Insert(Math.Min(order.Count, 1 + random.Next(order.Count)), second);
            if (choice == "abstain")
            {
                order = [.. order.OrderBy(_ => random.Next())];
            }

            // Some rank only their first few and leave the rest unranked; some tie their last two.
            var kept = order.Take(2 + random.Next(order.Count - 1)).ToList();
            var groups = kept.Select(k => new List<string> { k }).ToList();
            if (groups.Count > 2 && random.Next(4) == 0)
            {
                groups[^2].AddRange(groups[^1]);
                groups.RemoveAt(groups.Count - 1);
            }

            IssueStore.UpsertBallot(c, t, lead.Id, member, JsonSerializer.Serialize(groups), castAt);
        }

        c.Execute("DELETE FROM votes WHERE proposal_id = @id", new { id = lead.Id }, t);
    }
}
