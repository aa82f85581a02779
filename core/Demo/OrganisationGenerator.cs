using System.Globalization;
using System.Text;
using Bogus;

namespace Governance.Core.Demo;

/// <summary>
/// Generates a realistic organisation from a seed: the same seed and reference instant give
/// the same organisation, bit for bit. Names come from Bogus's English data; delegation
/// popularity follows a power law (a few members attract many, as in the Pirate Parties'
/// practice): 60 % delegate globally, 30 % per area (a few of them as explicit blocks), 5 % on
/// one proposal, ranked lists of 1–3; about 10 % of members vote.
/// </summary>
public static class OrganisationGenerator
{
    public static GeneratedOrganisation Generate(int members, int seed, DateTimeOffset now, IProgress<int>? memberProgress = null)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(members, 10);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(members, 5_000_000);
        var random = new Random(seed);
        var faker = new Faker("en") { Random = new Randomizer(seed) };

        var areas = GenerateAreas();
        var memberList = GenerateMembers(members, random, faker, now, memberProgress);
        var proposals = GenerateProposals(members, random, faker, areas, now);
        var votingProposals = proposals.Where(p => p.Status == "voting" && p.VotingEndsAt > now).Select(p => p.Id).ToArray();
        var delegations = GenerateDelegations(members, random, areas, votingProposals, now);
        var supports = GenerateSupports(memberList, random, proposals, now);
        var votes = GenerateVotes(memberList, random, proposals, now);
        return new GeneratedOrganisation("Demo Pirate Party", seed, areas, memberList, delegations, proposals, supports, votes);
    }

    private static List<GeneratedArea> GenerateAreas()
    {
        var areas = new List<GeneratedArea> { new(1, "party", "Party", "Everything the party decides.", null) };
        foreach (var (name, subTopics, _) in Topics.Tree)
        {
            var topic = new GeneratedArea(areas.Count + 1, Topics.Slug(name), name, $"Policy on {name.ToLowerInvariant()}.", 1);
            areas.Add(topic);
            foreach (var sub in subTopics)
            {
                areas.Add(new GeneratedArea(areas.Count + 1, Topics.Slug(sub), sub, $"{sub}, within {name.ToLowerInvariant()}.", topic.Id));
            }
        }

        return areas;
    }

    private static List<GeneratedMember> GenerateMembers(int count, Random random, Faker faker, DateTimeOffset now, IProgress<int>? progress)
    {
        // A pool of Bogus names combined by the seeded Random: Bogus per member is the slow
        // part of a million-member organisation, and the pool keeps the names just as real.
        var firstNames = Enumerable.Range(0, 600).Select(_ => faker.Name.FirstName()).Distinct().ToArray();
        var lastNames = Enumerable.Range(0, 600).Select(_ => faker.Name.LastName()).Distinct().ToArray();
        var used = new HashSet<string>(count, StringComparer.OrdinalIgnoreCase);
        var names = new (string First, string Last, string Handle)[count];
        for (var i = 0; i < count; i++)
        {
            var first = firstNames[random.Next(firstNames.Length)];
            var last = lastNames[random.Next(lastNames.Length)];
            var baseHandle = Handle(first, last);
            var handle = baseHandle;
            for (var n = 2; !used.Add(handle); n++)
            {
                handle = baseHandle + n.ToString(CultureInfo.InvariantCulture);
            }

            names[i] = (first, last, handle);
        }

        // Ids in handle order: the import then appends to the member table and to its handle and
        // email indexes instead of inserting at random places (a third of a million-member load).
        Array.Sort(names, (a, b) => string.CompareOrdinal(a.Handle, b.Handle));
        var list = new List<GeneratedMember>(count);
        for (var id = 1; id <= count; id++)
        {
            var (first, last, handle) = names[id - 1];

            // Karma follows a long tail: most members have little, a few have a lot.
            var karma = Math.Round(Math.Min(50, 50 * Math.Pow(random.NextDouble(), 3)), 2);
            var joined = now.AddDays(-random.Next(30, 2000));
            var lastActive = random.NextDouble() < 0.7 ? now.AddHours(-random.Next(1, 90 * 24)) : now.AddDays(-random.Next(91, 400));
            if (lastActive < joined)
            {
                lastActive = joined;
            }

            list.Add(new GeneratedMember(
                id,
                handle,
                $"{first} {last}",
                $"{handle}@example.org",
                VotingRight: random.NextDouble() >= 0.02,
                karma,
                joined,
                lastActive,
                IsModerator: id <= 5,
                IsAdmin: id == 1));
            if (progress is not null && id % 10_000 == 0)
            {
                progress.Report(id);
            }
        }

        progress?.Report(count);
        return list;
    }

    private static string Handle(string first, string last)
    {
        var builder = new StringBuilder(first.Length + last.Length + 1);
        foreach (var c in $"{first}.{last}".ToLowerInvariant())
        {
            if (c is (>= 'a' and <= 'z') or (>= '0' and <= '9') or '.')
            {
                builder.Append(c);
            }
        }

        return builder.ToString();
    }

    private static List<GeneratedProposal> GenerateProposals(int members, Random random, Faker faker, List<GeneratedArea> areas, DateTimeOffset now)
    {
        var count = Math.Clamp(members / 40, 20, 25_000);
        var statuses = new (string Status, double Share)[]
        {
            ("open", 0.55), ("on_agenda", 0.05), ("scheduled", 0.05), ("voting", 0.10), ("accepted", 0.08),
            ("rejected", 0.06), ("withdrawn", 0.04), ("expired", 0.05), ("declined", 0.02),
        };
        var list = new List<GeneratedProposal>(count);

        // Closing a vote reads the whole organisation (its snapshot): about 0.9 s at 100,000
        // members, 12 s at a million. A large organisation gets fewer ended votes, and above
        // 250,000 members none, so seeding a million stays under its minute; the other decided
        // proposals are imported as decided, without a result on record.
        var endedVotes = members > 250_000 ? 0 : Math.Clamp(1_000_000 / members, 4, 40);
        for (var id = 1; id <= count; id++)
        {
            var area = areas[random.Next(1, areas.Count)];
            var topic = Topics.Tree[TopicOrdinal(areas, area)];
            var subject = topic.Subjects[random.Next(topic.Subjects.Length)];
            var verb = Topics.Verbs[random.Next(Topics.Verbs.Length)];
            var title = $"{verb} {subject}";
            // The first two are always live votes: however small the organisation, its demo
            // (and the crash and load harnesses' voters) have a vote to cast.
            var status = Pick(random, statuses);
            if (id <= 2)
            {
                status = "voting";
            }

            var body = new StringBuilder()
                .Append("## Summary\n\n")
                .Append(CultureInfo.InvariantCulture, $"We propose to {verb.ToLowerInvariant()} {subject} in {area.Name.ToLowerInvariant()}. ")
                .Append(faker.Company.CatchPhrase()).Append(".\n\n## Why\n\n")
                .Append(CultureInfo.InvariantCulture, $"- {faker.Company.Bs()}\n- {faker.Company.Bs()}\n- {faker.Company.Bs()}\n\n")
                .Append("## Cost\n\n")
                .Append(CultureInfo.InvariantCulture, $"About **{random.Next(1, 90) * 100_000:N0} €** a year, paid from the {faker.Commerce.Department().ToLowerInvariant()} budget.\n")
                .ToString();
            // Open proposals are younger than the 30 days after which they expire; scheduled and
            // voting ones carry their windows (7 days of discussion, then 7 of voting), so the
            // clock opens and closes the demo's votes like any others.
            var created = status == "open" ? now.AddHours(-random.Next(1, 24 * 29)) : now.AddHours(-random.Next(24 * 15, 24 * 60));
            var proposal = new GeneratedProposal(id, random.Next(1, members + 1), area.Id, title, body, status, created);
            if (status is "scheduled" or "voting")
            {
                var votingStarts = status == "scheduled" ? now.AddHours(random.Next(1, 24 * 7)) : now.AddHours(-random.Next(1, 24 * 6));
                proposal = proposal with { DiscussionStartsAt = votingStarts.AddDays(-7), VotingStartsAt = votingStarts, VotingEndsAt = votingStarts.AddDays(7) };
            }
            else if (status == "on_agenda")
            {
                // Waiting in the moderators' queue for up to ten days; its supports were released
                // when it arrived there (GenerateSupports).
                proposal = proposal with { OnAgendaAt = now.AddHours(-random.Next(1, 24 * 10)) };
            }
            else if (Proposals.ProposalStatus.ClosedByVote.Contains(status) && endedVotes > 0)
            {
                // A decided proposal is generated as a vote whose window has ended, with its
                // ballots; the seed then closes it through the real close (snapshot, recount,
                // stored result), so the tally, not the generator, decides Accepted or Rejected
                // and the proposal page shows its result.
                endedVotes--;
                var votingEnds = now.AddHours(-random.Next(1, 24 * 20));
                var discussion = votingEnds.AddDays(-14);
                proposal = proposal with
                {
                    Status = "voting",
                    CreatedAt = discussion.AddHours(-random.Next(24, 24 * 20)),
                    DiscussionStartsAt = discussion,
                    VotingStartsAt = votingEnds.AddDays(-7),
                    VotingEndsAt = votingEnds,
                };
            }

            list.Add(proposal);
        }

        return list;
    }

    private static int TopicOrdinal(List<GeneratedArea> areas, GeneratedArea area)
    {
        var topic = area.ParentId == 1 ? area : areas[area.ParentId!.Value - 1];
        return areas.Where(a => a.ParentId == 1).ToList().IndexOf(topic);
    }

    private static string Pick(Random random, (string Status, double Share)[] table)
    {
        var u = random.NextDouble();
        foreach (var (status, share) in table)
        {
            if ((u -= share) < 0)
            {
                return status;
            }
        }

        return table[^1].Status;
    }

    /// <summary>
    /// Power law: a random order of "popularity", and u^4 over it, so the top 1 % of members
    /// attract about a third of all delegation edges.
    /// </summary>
    private static List<GeneratedDelegation> GenerateDelegations(int members, Random random, List<GeneratedArea> areas, int[] votingProposals, DateTimeOffset now)
    {
        var popularity = Enumerable.Range(1, members).ToArray();
        random.Shuffle(popularity);
        int Popular() => popularity[(int)(members * Math.Pow(random.NextDouble(), 4))];
        int[] Delegates(int member)
        {
            var n = random.Next(1, 4);
            var list = new List<int>(n);
            for (var tries = 0; list.Count < n && tries < 10; tries++)
            {
                var d = Popular();
                if (d != member && !list.Contains(d))
                {
                    list.Add(d);
                }
            }

            return [.. list];
        }

        var delegations = new List<GeneratedDelegation>(members);
        for (var member = 1; member <= members; member++)
        {
            var since = now.AddDays(-random.Next(0, 365));
            if (random.NextDouble() < 0.60)
            {
                delegations.Add(new GeneratedDelegation(member, GeneratedScope.Global, null, null, Delegates(member), since));
            }

            if (random.NextDouble() < 0.30)
            {
                var area = areas[random.Next(1, areas.Count)];
                var block = random.NextDouble() < 0.05;
                delegations.Add(new GeneratedDelegation(member, GeneratedScope.Area, area.Id, null, block ? [] : Delegates(member), since));
            }

            if (votingProposals.Length > 0 && random.NextDouble() < 0.05)
            {
                var proposal = votingProposals[random.Next(votingProposals.Length)];
                delegations.Add(new GeneratedDelegation(member, GeneratedScope.Proposal, null, proposal, Delegates(member), since));
            }
        }

        return delegations;
    }

    private static List<GeneratedSupport> GenerateSupports(List<GeneratedMember> members, Random random, List<GeneratedProposal> proposals, DateTimeOffset now)
    {
        var open = proposals.Where(p => p.Status == "open").ToArray();
        var supports = new List<GeneratedSupport>();

        // What carried each agenda item there: 2–6 % of members with 1–2 points each, given
        // between its creation and its arrival, and released at that arrival (DESIGN §5), so
        // the moderators' queue shows the support each item had.
        foreach (var item in proposals.Where(p => p.Status == "on_agenda"))
        {
            var wanted = Math.Clamp((int)(members.Count * (0.02 + (0.04 * random.NextDouble()))), 3, 2_000);
            var chosen = new HashSet<int>(wanted);
            var span = item.OnAgendaAt!.Value - item.CreatedAt;
            for (var tries = 0; chosen.Count < wanted && tries < wanted * 3; tries++)
            {
                var member = members[random.Next(members.Count)];
                if (chosen.Add(member.Id))
                {
                    supports.Add(new GeneratedSupport(member.Id, item.Id, random.Next(1, 3), item.CreatedAt + (span * random.NextDouble()), item.OnAgendaAt));
                }
            }
        }

        if (open.Length == 0)
        {
            return supports;
        }

        foreach (var member in members)
        {
            if (random.NextDouble() >= 0.3)
            {
                continue;
            }

            // One point on each of up to three proposals fits every level's allowance and cap.
            var chosen = new HashSet<int>();
            var n = random.Next(1, 4);
            for (var i = 0; i < n; i++)
            {
                var proposal = open[(int)(open.Length * Math.Pow(random.NextDouble(), 2))];
                if (chosen.Add(proposal.Id))
                {
                    var at = proposal.CreatedAt + ((now - proposal.CreatedAt) * random.NextDouble());
                    supports.Add(new GeneratedSupport(member.Id, proposal.Id, 1, at));
                }
            }
        }

        return supports;
    }

    private static List<GeneratedVote> GenerateVotes(List<GeneratedMember> members, Random random, List<GeneratedProposal> proposals, DateTimeOffset now)
    {
        string[] choices = ["yes", "yes", "no", "abstain"];
        var votes = new List<GeneratedVote>();
        var voting = proposals.Where(p => p.Status == "voting" && p.VotingEndsAt > now).ToArray();
        for (var i = 0; i < voting.Length; i++)
        {
            // About 10 % turnout on the three most prominent votes and at most a couple of
            // hundred early votes elsewhere, so a million-member organisation stays under a
            // million votes. Voters are sampled rather than every member asked, which would be
            // members × proposals draws.
            var wanted = i < 3 ? members.Count / 10 : Math.Min(members.Count / 200, 200);
            var chosen = new HashSet<int>(wanted);
            for (var tries = 0; chosen.Count < wanted && tries < wanted * 3; tries++)
            {
                var member = members[random.Next(members.Count)];
                if (member.VotingRight && chosen.Add(member.Id))
                {
                    votes.Add(new GeneratedVote(member.Id, voting[i].Id, choices[random.Next(choices.Length)], now.AddMinutes(-random.Next(1, 7 * 24 * 60))));
                }
            }
        }

        // Votes that have ended: 3–15 % of members voted directly (delegation carries the rest),
        // each vote with its own lean, so some pass, some fail, and a thin one misses the quorum.
        foreach (var ended in proposals.Where(p => p.Status == "voting" && p.VotingEndsAt <= now))
        {
            var wanted = Math.Min((int)(members.Count * (0.03 + (0.12 * random.NextDouble()))), 5_000);
            var yes = 0.25 + (0.5 * random.NextDouble());
            var window = (ended.VotingEndsAt!.Value - ended.VotingStartsAt!.Value).TotalMinutes;
            var chosen = new HashSet<int>(wanted);
            for (var tries = 0; chosen.Count < wanted && tries < wanted * 3; tries++)
            {
                var member = members[random.Next(members.Count)];
                if (member.VotingRight && chosen.Add(member.Id))
                {
                    var u = random.NextDouble();
                    var choice = u < 0.1 ? "abstain" : u < 0.1 + (0.9 * yes) ? "yes" : "no";
                    votes.Add(new GeneratedVote(member.Id, ended.Id, choice, ended.VotingStartsAt.Value.AddMinutes(window * random.NextDouble())));
                }
            }
        }

        return votes;
    }
}
