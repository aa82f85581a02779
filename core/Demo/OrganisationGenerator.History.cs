using Governance.Core.Karma;
using Governance.Core.Policies;

namespace Governance.Core.Demo;

/// <summary>
/// The demo's past: the sign-in accounts, karma earned through endorsements under the rules of
/// DESIGN §4 (so a member's karma is what the endorsements shown add up to, decayed), and the
/// moderators' public actions that brought the scheduled, voted and declined proposals where
/// they are. A second random stream, so the rest of the organisation is the same as before.
/// </summary>
public static partial class OrganisationGenerator
{
    /// <summary>Above this size karma stays a drawn long tail: an endorsement history would be millions of rows.</summary>
    public const int MaxMembersWithKarmaHistory = 50_000;

    private const int KarmaHistoryDays = 180;

    // Endorsements a day per member: with a 60-day half-life an average karma of about 8,
    // a long tail up to 50.
    private const double EndorsementsPerMemberDay = 0.08;

    private static readonly string[] ScheduleReasons =
    [
        "Broad support and a costed plan: scheduled for the next vote.",
        "Reached the quorum with supporters from several areas; ready for a vote.",
        "The discussion so far answered the open questions; scheduled.",
        "Clear, within the party's remit, and well supported: to the vote.",
    ];

    private static readonly string[] DeclineReasons =
    [
        "Duplicates a proposal that was accepted this year.",
        "Outside what the party decides; please take it to the local chapter.",
        "Asks for a legal change the party cannot make; rework it as a position.",
    ];

    /// <summary>Gives the demo accounts their fixed handles: admin = 1, moderator = 2, member = 6, no voting right = the last.</summary>
    private static List<GeneratedDemoAccount> AssignDemoAccounts(List<GeneratedMember> members, DateTimeOffset now)
    {
        var accounts = new List<GeneratedDemoAccount>
        {
            new(1, DemoAccounts.Admin),
            new(2, DemoAccounts.Moderator),
            new(6, DemoAccounts.Member),
            new(members.Count, DemoAccounts.NoVote),
        };
        foreach (var (id, account) in accounts)
        {
            var m = members[id - 1];
            members[id - 1] = m with
            {
                Handle = account.Handle,
                Email = $"{account.Handle}@example.org",
                VotingRight = account != DemoAccounts.NoVote,
                LastActiveAt = account == DemoAccounts.Member ? now.AddHours(-1) : m.LastActiveAt,
            };
        }

        return accounts;
    }

    /// <summary>
    /// Replays <see cref="KarmaHistoryDays"/> days of endorsements in time order: the endorser is
    /// anyone, the endorsed follows a power law over a "merit" order (the demo member first),
    /// the weekly and 30-day pair limits hold, a level-2 endorser gives 2, karma decays between
    /// changes. Each member's karma is the last value of their history.
    /// </summary>
    private static (List<GeneratedEndorsement>, List<GeneratedKarmaChange>) GenerateKarmaHistory(
        List<GeneratedMember> members, Random random, int demoMember, DateTimeOffset now)
    {
        var policy = new PolicyValues();
        var n = members.Count;
        var merit = Enumerable.Range(1, n).ToArray();
        random.Shuffle(merit);
        var demoAt = Array.IndexOf(merit, demoMember);
        (merit[0], merit[demoAt]) = (merit[demoAt], merit[0]);

        var karma = new double[n + 1];
        var karmaAt = new long[n + 1];
        var given = new Queue<long>[n + 1];
        var lastPair = new Dictionary<long, long>();
        var endorsements = new List<GeneratedEndorsement>();
        var changes = new List<GeneratedKarmaChange>();
        var week = 7 * 86_400_000L;
        var pairWindow = (long)(policy.EndorsementPairDays * 86_400_000);
        var start = now.AddDays(-KarmaHistoryDays).ToUnixTimeMilliseconds();
        for (var day = 0; day < KarmaHistoryDays; day++)
        {
            var expected = n * EndorsementsPerMemberDay;
            var count = (int)expected + (random.NextDouble() < expected - Math.Floor(expected) ? 1 : 0);
            var times = Enumerable.Range(0, count).Select(_ => start + (day * 86_400_000L) + random.NextInt64(86_400_000)).Order().ToList();
            foreach (var at in times)
            {
                var endorser = random.Next(1, n + 1);
                var endorsed = merit[(int)(n * Math.Pow(random.NextDouble(), 3))];
                var pair = ((long)endorser << 32) | (uint)endorsed;
                var queue = given[endorser] ??= new Queue<long>();
                while (queue.Count > 0 && queue.Peek() <= at - week)
                {
                    queue.Dequeue();
                }

                if (endorser == endorsed || queue.Count >= policy.EndorsementsPerWeek
                    || (lastPair.TryGetValue(pair, out var last) && last > at - pairWindow))
                {
                    continue;
                }

                var endorserLevel = KarmaRules.Level(KarmaRules.Decay(karma[endorser], karmaAt[endorser], at, policy.KarmaHalfLifeDays), policy);
                var before = KarmaRules.Decay(karma[endorsed], karmaAt[endorsed], at, policy.KarmaHalfLifeDays);
                var after = KarmaRules.Clamp(before + KarmaRules.EndorsementKarma(endorserLevel, policy), policy);
                karma[endorsed] = after;
                karmaAt[endorsed] = at;
                queue.Enqueue(at);
                lastPair[pair] = at;
                var instant = DateTimeOffset.FromUnixTimeMilliseconds(at);
                endorsements.Add(new GeneratedEndorsement(endorser, endorsed, instant, after - before));
                changes.Add(new GeneratedKarmaChange(endorsed, instant, after - before, after, "endorsement"));
            }
        }

        for (var id = 1; id <= n; id++)
        {
            members[id - 1] = members[id - 1] with
            {
                Karma = karma[id],
                KarmaAt = karmaAt[id] == 0 ? null : DateTimeOffset.FromUnixTimeMilliseconds(karmaAt[id]),
            };
        }

        return (endorsements, changes);
    }

    /// <summary>
    /// The moderator's action behind every proposal past the agenda: scheduled (when its
    /// discussion began) for those in or after a vote, declined for the declined; by one of
    /// the moderators, with a public reason. Time order, as the event log takes them.
    /// </summary>
    private static List<GeneratedModeration> GenerateModerations(List<GeneratedMember> members, List<GeneratedProposal> proposals, Random random, DateTimeOffset now)
    {
        var moderators = members.Where(m => m.IsModerator).Select(m => m.Id).ToArray();
        var list = new List<GeneratedModeration>();
        foreach (var p in proposals)
        {
            var moderator = moderators[random.Next(moderators.Length)];
            if (p.Status is "scheduled" or "voting" or "accepted" or "rejected")
            {
                var at = p.DiscussionStartsAt ?? p.CreatedAt.AddDays(random.Next(2, 10));
                list.Add(new GeneratedModeration(p.Id, moderator, "scheduled", Min(at, now.AddHours(-1)), ScheduleReasons[random.Next(ScheduleReasons.Length)]));
            }
            else if (p.Status == "declined")
            {
                var at = p.CreatedAt.AddDays(random.Next(1, 10));
                list.Add(new GeneratedModeration(p.Id, moderator, "declined", Min(at, now.AddHours(-1)), DeclineReasons[random.Next(DeclineReasons.Length)]));
            }
        }

        return [.. list.OrderBy(m => m.At).ThenBy(m => m.ProposalId)];
    }

    private static DateTimeOffset Min(DateTimeOffset a, DateTimeOffset b) => a < b ? a : b;
}
