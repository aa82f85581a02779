using System.Text.Json;
using Dapper;

namespace Governance.Api.Tests.Schema;

/// <summary>
/// Issue 17: a hidden proposal (by five reports from level 1 or more until a moderator decides,
/// or by a moderator as abuse) leaves every list read path for everyone but moderators and its
/// author: Query.proposals in each order, with and without an area or a status, its totalCount,
/// and the agenda. The author sees it marked hidden with the public reason; a restored one
/// comes back.
/// </summary>
public sealed class HiddenProposalListTests(SchemaFixture fixture) : IClassFixture<SchemaFixture>
{
    private const string List = """
        query($area: ID, $status: ProposalStatus, $order: ProposalOrder!, $after: String) {
          proposals(area: $area, status: $status, orderBy: $order, first: 50, after: $after) {
            totalCount pageInfo { hasNextPage endCursor } nodes { id hidden { reason automatic } }
          }
        }
        """;

    private static readonly string[] Orders = ["HOT", "NEW", "TOP"];

    private async Task<string> ProposeAsync(Actor author, string area, string title) =>
        (await author.DataAsync("mutation($a: ID!, $t: String!) { propose(input: { area: $a, title: $t, body: \"b\" }) { proposal { id } } }", new { a = area, t = title }))
            .GetProperty("propose").GetProperty("proposal").GetProperty("id").GetString()!;

    private async Task HideByReportsAsync(string proposal, string prefix)
    {
        for (var i = 0; i < 5; i++)
        {
            var reporter = await fixture.MemberAsync($"{prefix}-{i}");
            using (var connection = fixture.Database.Open())
            {
                connection.Execute("UPDATE members SET karma = 12, karma_at = @now WHERE id = @id", new { id = reporter.MemberId, now = DateTimeOffset.UtcNow.ToUnixTimeMilliseconds() });
            }

            await reporter.DataAsync("mutation($t: ID!) { report(input: { target: $t, reason: \"Spam\" }) { hidden } }", new { t = proposal });
        }
    }

    /// <summary>Every proposal id a caller's list shows, walking all its pages, and the totalCount.</summary>
    private static async Task<(List<string> Ids, int Total, Dictionary<string, JsonElement> Hidden)> WalkAsync(Actor actor, string? area, string? status, string order)
    {
        var ids = new List<string>();
        var hidden = new Dictionary<string, JsonElement>();
        string? after = null;
        int total;
        do
        {
            var page = (await actor.DataAsync(List, new { area, status, order, after })).GetProperty("proposals");
            total = page.GetProperty("totalCount").GetInt32();
            foreach (var node in page.GetProperty("nodes").EnumerateArray())
            {
                var id = node.GetProperty("id").GetString()!;
                ids.Add(id);
                if (node.GetProperty("hidden").ValueKind != JsonValueKind.Null)
                {
                    hidden[id] = node.GetProperty("hidden");
                }
            }

            after = page.GetProperty("pageInfo").GetProperty("hasNextPage").GetBoolean() ? page.GetProperty("pageInfo").GetProperty("endCursor").GetString() : null;
        }
        while (after is not null);
        return (ids, total, hidden);
    }

    [Fact]
    public async Task HiddenProposalsLeaveEveryListButTheirAuthorsAndTheModerators()
    {
        var admin = await fixture.MemberAsync("hl-admin", "admin");
        var area = (await admin.DataAsync("mutation { createArea(input: { slug: \"hl-area\", name: \"Hidden lists\" }) { area { id } } }"))
            .GetProperty("createArea").GetProperty("area").GetProperty("id").GetString()!;
        var author = await fixture.MemberAsync("hl-author");
        var reported = await ProposeAsync(author, area, "Reported until a moderator decides");
        var abuse = await ProposeAsync(author, area, "Hidden as abuse");
        var visible = await ProposeAsync(author, area, "Nothing wrong with it");
        await HideByReportsAsync(reported, "hl-reporter");
        var moderator = await fixture.MemberAsync("hl-moderator", "moderator");
        await moderator.DataAsync("mutation($t: ID!) { hideContent(input: { target: $t, reason: \"Advertising\" }) { hidden { reason } } }", new { t = abuse });
        var member = await fixture.MemberAsync("hl-member");

        foreach (var order in Orders)
        {
            foreach (var (inArea, status) in new (string?, string?)[] { (area, null), (area, "OPEN"), (area, "DECLINED"), (null, null), (null, "OPEN") })
            {
                foreach (var stranger in new[] { fixture.Anonymous, member })
                {
                    var seen = await WalkAsync(stranger, inArea, status, order);
                    Assert.DoesNotContain(reported, seen.Ids);
                    Assert.DoesNotContain(abuse, seen.Ids);
                    Assert.Equal(seen.Ids.Count, seen.Total);
                    Assert.Empty(seen.Hidden);
                    if (status is null or "OPEN")
                    {
                        Assert.Contains(visible, seen.Ids);
                    }
                }

                foreach (var insider in new[] { author, moderator })
                {
                    var seen = await WalkAsync(insider, inArea, status, order);
                    Assert.Equal(seen.Ids.Count, seen.Total);
                    Assert.Equal(status is null or "OPEN", seen.Ids.Contains(reported));
                    Assert.Equal(status is null or "DECLINED", seen.Ids.Contains(abuse));
                    if (seen.Ids.Contains(reported))
                    {
                        Assert.True(seen.Hidden[reported].GetProperty("automatic").GetBoolean());
                    }

                    if (seen.Ids.Contains(abuse))
                    {
                        Assert.Equal("Advertising", seen.Hidden[abuse].GetProperty("reason").GetString());
                    }
                }
            }
        }

        // Restored by a moderator, it is listed again for everyone.
        await moderator.DataAsync("mutation($t: ID!) { decideReport(input: { target: $t, restore: true, reason: \"Not spam\" }) { hidden { reason } } }", new { t = reported });
        Assert.Contains(reported, (await WalkAsync(member, area, null, "NEW")).Ids);
    }

    [Fact]
    public async Task AHiddenProposalLeavesTheAgendaButForItsAuthorAndTheModerators()
    {
        var author = await fixture.MemberAsync("hl-agenda-author");
        var root = SchemaFixture.Id("Area", fixture.RootArea());
        var hidden = await ProposeAsync(author, root, "On the agenda, then reported");
        var shown = await ProposeAsync(author, root, "On the agenda, not reported");
        using (var connection = fixture.Database.Open())
        {
            var now = DateTimeOffset.UtcNow.ToUnixTimeMilliseconds();
            foreach (var id in new[] { hidden, shown })
            {
                connection.Execute("UPDATE proposals SET status = 'on_agenda', on_agenda_at = @now WHERE id = @id", new { id = Local(id), now });
            }
        }

        await HideByReportsAsync(hidden, "hl-agenda-reporter");
        var moderator = await fixture.MemberAsync("hl-agenda-moderator", "moderator");
        var member = await fixture.MemberAsync("hl-agenda-member");
        static async Task<List<string>> AgendaAsync(Actor actor) =>
            [.. (await actor.DataAsync("{ agenda { id } }")).GetProperty("agenda").EnumerateArray().Select(p => p.GetProperty("id").GetString()!)];

        foreach (var stranger in new[] { fixture.Anonymous, member })
        {
            var agenda = await AgendaAsync(stranger);
            Assert.Contains(shown, agenda);
            Assert.DoesNotContain(hidden, agenda);
        }

        Assert.Contains(hidden, await AgendaAsync(author));
        Assert.Contains(hidden, await AgendaAsync(moderator));
    }

    private static long Local(string globalId) =>
        Governance.GraphQL.Relay.GlobalId.TryDecode(globalId, out _, out var id) ? long.Parse(id, System.Globalization.CultureInfo.InvariantCulture) : throw new ArgumentException(globalId);
}
