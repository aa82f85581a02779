using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using Dapper;
using Governance.Api.Tests.Schema;
using Governance.Core.Storage;
using Microsoft.Extensions.DependencyInjection;
using Xunit.Abstractions;

namespace Governance.Api.Tests.Reliability;

/// <summary>
/// Issue 17's speed target: a proposal with 2,000 comments and 300 suggestions answers the
/// queries its page sends on opening (ProposalPage and the discussion's first page) within
/// 300 ms of server time, and the Suggestions tab's list (all 300) within 300 ms as well. The documents are the web client's
/// own, read from the manifest its build writes (persisted-documents.json), sent in process
/// (the test server: the api's whole pipeline without sockets). Rounds and figures print to the
/// output; docs/benchmarks.md records them. A long run: a timing on a shared machine is a
/// measurement, not a unit test.
/// </summary>
public sealed class ProposalPageSpeedTests(ITestOutputHelper output)
{
    private const int Comments = 2_000;
    private const int Suggestions = 300;

    [Fact]
    [Trait("Category", LongRun.Category)]
    public async Task AProposalWithTwoThousandCommentsAndThreeHundredSuggestionsAnswersItsPageWithin300Ms()
    {
        var rounds = LongRun.Setting("GOVERNANCE_PAGE_ROUNDS", 21);
        using var factory = new GovernanceApiFactory { DemoMembers = 300 };
        factory.Settings["Clock:Enabled"] = "false";
        factory.Settings["Notifications:Enabled"] = "false";
        // One reader sends the page dozens of times a minute here; the per-caller cost budget would refuse it.
        factory.Settings["GraphQL:CostBudgetPerMinute"] = "0";
        var client = ApiClient.CreateCookieClient(factory);
        var (me, _) = await ApiClient.RegisterAsync(client, "speed-reader");
        var reader = new Actor("speed-reader", client, me);
        var area = (await reader.DataAsync("{ areas { id } }")).GetProperty("areas")[0].GetProperty("id").GetString();
        var proposal = (await reader.DataAsync("mutation($a: ID!) { propose(input: { area: $a, title: \"Busy\", body: \"A proposal everyone talks about.\" }) { proposal { id } } }", new { a = area }))
            .GetProperty("propose").GetProperty("proposal").GetProperty("id").GetString()!;
        Seed(factory, long.Parse(Governance.GraphQL.Relay.GlobalId.TryDecode(proposal, out _, out var local) ? local : "0", CultureInfo.InvariantCulture));

        var documents = JsonSerializer.Deserialize<Dictionary<string, string>>(File.ReadAllText(Path.Combine(Repository.Root, "web-client", "dist", "persisted-documents.json")))!.Values;
        string Document(string name) => documents.Single(d => d.Contains($"query {name}(", StringComparison.Ordinal));
        var page = new (string Name, object Variables)[]
        {
            ("ProposalPage", new { id = proposal }),
            ("Discussion", new { id = proposal, order = "NEWEST", first = 20, after = (string?)null }),
            ("ProposalSuggestions", new { id = proposal }),
        };

        var first = await reader.DataAsync(Document("Discussion"), page[1].Variables);
        Assert.Equal(Comments / 4, first.GetProperty("proposal").GetProperty("comments").GetProperty("totalCount").GetInt32());
        Assert.Equal(Suggestions, (await reader.DataAsync(Document("ProposalSuggestions"), page[2].Variables)).GetProperty("proposal").GetProperty("suggestions").GetArrayLength());

        var times = page.ToDictionary(p => p.Name, _ => new List<double>());
        var totals = new List<double>();
        for (var round = -3; round < rounds; round++)
        {
            double total = 0;
            foreach (var (name, variables) in page)
            {
                var clock = Stopwatch.StartNew();
                await reader.DataAsync(Document(name), variables);
                var ms = clock.Elapsed.TotalMilliseconds;
                // The page as opened sends ProposalPage and the discussion's first page; the
                // Suggestions tab's query leaves only when that tab is chosen, so it is timed apart.
                total += name == "ProposalSuggestions" ? 0 : ms;
                if (round >= 0)
                {
                    times[name].Add(ms);
                }
            }

            if (round >= 0)
            {
                totals.Add(total);
            }
        }

        foreach (var (name, list) in times.Append(new("the page as opened (ProposalPage + Discussion, in sequence)", totals)))
        {
            list.Sort();
            output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{name}: median {list[list.Count / 2]:F1} ms, min {list[0]:F1}, max {list[^1]:F1} ({list.Count} rounds)"));
        }

        output.WriteLine($"load average: {File.ReadAllText("/proc/loadavg").Trim()}");
        Assert.True(totals[totals.Count / 2] <= 300, $"the page as opened: median {totals[totals.Count / 2]:F1} ms over 300 ms");
        Assert.True(times["ProposalSuggestions"][rounds / 2] <= 300, $"the Suggestions tab: median {times["ProposalSuggestions"][rounds / 2]:F1} ms over 300 ms");
    }

    /// <summary>500 threads of four (a top comment, a reply, and two at the third level), 300 suggestions with opinions from supporters and others.</summary>
    private static void Seed(GovernanceApiFactory factory, long proposalId)
    {
        using var connection = factory.Services.GetRequiredService<Database>().Open();
        using var t = connection.BeginTransaction();
        var members = connection.Query<long>("SELECT id FROM members ORDER BY id LIMIT 300", transaction: t).ToList();
        var at = DateTimeOffset.UtcNow.ToUnixTimeMilliseconds() - 86_400_000;
        long Insert(long? thread, long? parent, long? replyTo, int depth, int i) => connection.ExecuteScalar<long>(
            """
            INSERT INTO comments (proposal_id, thread_id, parent_id, reply_to_id, depth, author_id, body, created_at, endorsements)
            VALUES (@proposalId, @thread, @parent, @replyTo, @depth, @author, @body, @at, @endorsements) RETURNING id
            """,
            new { proposalId, thread, parent, replyTo, depth, author = members[i % members.Count], body = $"Comment {i}: **markdown** with a [link](https://example.org) and some words to read.", at = at + i, endorsements = i % 7 }, t);
        for (var i = 0; i < Comments; i += 4)
        {
            var top = Insert(null, null, null, 1, i);
            var reply = Insert(top, top, top, 2, i + 1);
            var third = Insert(top, reply, reply, 3, i + 2);
            Insert(top, reply, third, 3, i + 3);
        }

        // A third of the members support the proposal, with 1 to 4 points.
        for (var m = 0; m < members.Count; m += 3)
        {
            connection.Execute("INSERT INTO supports (member_id, proposal_id, points, allocated_at, version) VALUES (@m, @proposalId, @points, @at, 1)",
                new { m = members[m], proposalId, points = 1 + (m % 4), at }, t);
        }

        for (var s = 0; s < Suggestions; s++)
        {
            var id = connection.ExecuteScalar<long>(
                "INSERT INTO suggestions (proposal_id, author_id, body, created_at, created_version) VALUES (@proposalId, @author, @body, @at, 1) RETURNING id",
                new { proposalId, author = members[s % members.Count], body = $"Suggestion {s}: change the second paragraph.", at = at + s }, t);
            for (var o = 0; o < 10; o++)
            {
                connection.Execute("INSERT INTO suggestion_opinions (suggestion_id, member_id, degree, at) VALUES (@id, @m, @degree, @at)",
                    new { id, m = members[(s + (o * 29)) % members.Count], degree = new[] { 2, 1, -1, -2 }[(s + o) % 4], at }, t);
            }
        }

        t.Commit();
    }
}
