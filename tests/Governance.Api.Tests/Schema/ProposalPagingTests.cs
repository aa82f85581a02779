using System.Text.Json;
using Dapper;
using Governance.Core.Storage;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;

namespace Governance.Api.Tests.Schema;

/// <summary>
/// proposals(orderBy:) ranks the whole filtered set before it cuts a page: walking every page
/// with small pages gives each proposal once, in the order of a full sort computed here from
/// the database (DESIGN §5's hot formula for HOT).
/// </summary>
public sealed class ProposalPagingTests(SchemaFixture fixture) : IClassFixture<SchemaFixture>
{
    private sealed record Row(long Id, long CreatedAt, long Score, string Status);

    [Theory]
    [InlineData("NEW", null, 3)]
    [InlineData("TOP", null, 3)]
    [InlineData("HOT", null, 3)]
    [InlineData("HOT", "OPEN", 2)]
    [InlineData("TOP", "OPEN", 4)]
    public async Task WalkingEveryPageGivesTheFullSortOnce(string order, string? status, int pageSize)
    {
        var now = DateTimeOffset.UtcNow;
        List<Row> rows;
        using (var connection = fixture.Database.Open())
        {
            rows = [.. connection.Query<Row>(
                """
                SELECT p.id AS Id, p.created_at AS CreatedAt,
                       CAST(coalesce((SELECT sum(points) FROM supports s WHERE s.proposal_id = p.id AND s.released_at IS NULL), 0) AS BIGINT) AS Score, p.status AS Status
                FROM proposals p
                """).Where(r => status is null || string.Equals(r.Status, status, StringComparison.OrdinalIgnoreCase))];
        }

        Assert.True(rows.Count > 2 * pageSize, $"only {rows.Count} proposals: too few to page through");
        var expected = (order switch
        {
            "NEW" => rows.OrderByDescending(r => r.CreatedAt).ThenByDescending(r => r.Id),
            "TOP" => rows.OrderByDescending(r => r.Score).ThenByDescending(r => r.CreatedAt).ThenByDescending(r => r.Id),
            _ => rows.OrderByDescending(r => Math.Pow(r.Score, 0.8) / Math.Pow(Math.Max(0, (now - DateTimeOffset.FromUnixTimeMilliseconds(r.CreatedAt)).TotalHours) + 2, 1.8))
                .ThenByDescending(r => r.CreatedAt).ThenByDescending(r => r.Id),
        }).Select(r => SchemaFixture.Id("Proposal", r.Id)).ToList();

        var walked = new List<string>();
        string? after = null;
        var pages = 0;
        while (true)
        {
            var page = (await fixture.Anonymous.DataAsync(
                $"query($after: String, $status: ProposalStatus) {{ proposals(orderBy: {order}, status: $status, first: {pageSize}, after: $after) {{ totalCount edges {{ cursor node {{ id }} }} pageInfo {{ hasNextPage endCursor }} }} }}",
                new { after, status })).GetProperty("proposals");
            Assert.Equal(rows.Count, page.GetProperty("totalCount").GetInt32());
            var edges = page.GetProperty("edges").EnumerateArray().ToList();
            Assert.InRange(edges.Count, 1, pageSize);
            walked.AddRange(edges.Select(e => e.GetProperty("node").GetProperty("id").GetString()!));
            pages++;
            var info = page.GetProperty("pageInfo");
            if (!info.GetProperty("hasNextPage").GetBoolean())
            {
                break;
            }

            after = info.GetProperty("endCursor").GetString();
            Assert.Equal(after, edges[^1].GetProperty("cursor").GetString());
            Assert.True(pages <= rows.Count, "paging does not end");
        }

        Assert.Equal((rows.Count + pageSize - 1) / pageSize, pages);
        Assert.Equal(expected, walked);
    }

    private sealed class ManualClock(DateTimeOffset start) : TimeProvider
    {
        public DateTimeOffset Now { get; set; } = start;

        public override DateTimeOffset GetUtcNow() => Now;
    }

    /// <summary>
    /// Hotness falls with age, so the HOT order moves with time alone. A walk whose pages are
    /// asked for days apart still gives every proposal once, in the order of its first page's
    /// instant: the cursors carry it.
    /// </summary>
    [Fact]
    public async Task AHotWalkKeepsTheOrderOfItsFirstPageWhileTimePasses()
    {
        var clock = new ManualClock(DateTimeOffset.UtcNow);
        using var factory = new GovernanceApiFactory { Settings = { ["Clock:Enabled"] = "false" } }
            .WithWebHostBuilder(b => b.ConfigureTestServices(services => services.AddSingleton<TimeProvider>(clock)));
        var anonymous = new Actor("anonymous", factory.CreateClient(), null);
        var start = clock.Now;
        List<Row> rows;
        using (var connection = factory.Services.GetRequiredService<Database>().Open())
        {
            rows = [.. connection.Query<Row>(
                """
                SELECT p.id AS Id, p.created_at AS CreatedAt,
                       CAST(coalesce((SELECT sum(points) FROM supports s WHERE s.proposal_id = p.id AND s.released_at IS NULL), 0) AS BIGINT) AS Score, p.status AS Status
                FROM proposals p
                """)];
        }

        List<string> HotAt(DateTimeOffset at) => [.. rows
            .OrderByDescending(r => Math.Pow(r.Score, 0.8) / Math.Pow(Math.Max(0, (at - DateTimeOffset.FromUnixTimeMilliseconds(r.CreatedAt)).TotalHours) + 2, 1.8))
            .ThenByDescending(r => r.CreatedAt).ThenByDescending(r => r.Id)
            .Select(r => SchemaFixture.Id("Proposal", r.Id))];
        const int PageSize = 3;
        var pageCount = (rows.Count + PageSize - 1) / PageSize;
        var step = TimeSpan.FromDays(4);

        // Without the pinned instant this walk would mix orders: they differ over its span.
        Assert.NotEqual(HotAt(start), HotAt(start + (step * pageCount)));

        var walked = new List<string>();
        string? after = null;
        while (true)
        {
            var page = (await anonymous.DataAsync(
                $"query($after: String) {{ proposals(orderBy: HOT, first: {PageSize}, after: $after) {{ edges {{ cursor node {{ id }} }} pageInfo {{ hasNextPage endCursor }} }} }}",
                new { after })).GetProperty("proposals");
            walked.AddRange(page.GetProperty("edges").EnumerateArray().Select(e => e.GetProperty("node").GetProperty("id").GetString()!));
            if (!page.GetProperty("pageInfo").GetProperty("hasNextPage").GetBoolean())
            {
                break;
            }

            after = page.GetProperty("pageInfo").GetProperty("endCursor").GetString();
            clock.Now += step;
            Assert.True(walked.Count <= rows.Count, "paging does not end");
        }

        Assert.Equal(HotAt(start), walked);

        // A new walk ranks at its own first page's instant, four days per page later.
        var fresh = (await anonymous.DataAsync($"{{ proposals(orderBy: HOT, first: {rows.Count}) {{ edges {{ node {{ id }} }} }} }}"))
            .GetProperty("proposals").GetProperty("edges").EnumerateArray().Select(e => e.GetProperty("node").GetProperty("id").GetString()!);
        Assert.Equal(HotAt(clock.Now), fresh);
    }

    [Theory]
    [InlineData("aG90OjE3OmFiYw==")] // "hot:17:abc"
    [InlineData("aG90Ojk5OTk5OTk5OTk5OTk5OTk5OjE=")] // "hot:99999999999999999:1", past DateTimeOffset's range
    [InlineData("aG90OjE3")] // "hot:17"
    public async Task AMalformedHotCursorIsAClientError(string cursor)
    {
        var response = await fixture.Anonymous.Client.PostAsync("/graphql", new StringContent(
            JsonSerializer.Serialize(new { query = "query($c: String) { proposals(orderBy: HOT, first: 2, after: $c) { totalCount } }", variables = new { c = cursor } }),
            System.Text.Encoding.UTF8, "application/json"));
        using var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        Assert.Equal($"Invalid cursor \"{cursor}\".", body.RootElement.GetProperty("errors")[0].GetProperty("message").GetString());
    }

    [Theory]
    [InlineData("NEW")]
    [InlineData("TOP")]
    [InlineData("HOT")]
    public async Task AWalkWhileProposalsComeAndGoNeitherRepeatsNorSkipsOne(string order)
    {
        var author = await fixture.MemberAsync("keyset-" + order.ToLowerInvariant());
        var area = SchemaFixture.Id("Area", fixture.RootArea());
        async Task<string> ProposeAsync(int n) =>
            (await author.DataAsync("mutation($a: ID!, $t: String!) { propose(input: { area: $a, title: $t, body: \"keyset\" }) { proposal { id } } }", new { a = area, t = $"{order} walk {n}" }))
                .GetProperty("propose").GetProperty("proposal").GetProperty("id").GetString()!;
        var mine = new List<string> { await ProposeAsync(0), await ProposeAsync(1), await ProposeAsync(2) };
        const string Walk = "query($after: String) { proposals(orderBy: ORDER, status: OPEN, first: 3, after: $after) { edges { node { id } } pageInfo { hasNextPage endCursor } } }";
        var before = new List<string>();
        string? cursor = null;
        do
        {
            var page = (await fixture.Anonymous.DataAsync(Walk.Replace("ORDER", order, StringComparison.Ordinal), new { after = cursor })).GetProperty("proposals");
            before.AddRange(page.GetProperty("edges").EnumerateArray().Select(e => e.GetProperty("node").GetProperty("id").GetString()!));
            cursor = page.GetProperty("pageInfo").GetProperty("hasNextPage").GetBoolean() ? page.GetProperty("pageInfo").GetProperty("endCursor").GetString() : null;
        }
        while (cursor is not null);

        // Walk again; after every page a proposal is added and one of the author's is withdrawn.
        var walked = new List<string>();
        var withdrawn = new List<string>();
        var added = 3;
        do
        {
            var page = (await fixture.Anonymous.DataAsync(Walk.Replace("ORDER", order, StringComparison.Ordinal), new { after = cursor })).GetProperty("proposals");
            walked.AddRange(page.GetProperty("edges").EnumerateArray().Select(e => e.GetProperty("node").GetProperty("id").GetString()!));
            cursor = page.GetProperty("pageInfo").GetProperty("hasNextPage").GetBoolean() ? page.GetProperty("pageInfo").GetProperty("endCursor").GetString() : null;
            mine.Add(await ProposeAsync(added++));
            var gone = mine.FirstOrDefault(id => !withdrawn.Contains(id) && !walked.Contains(id));
            if (gone is not null)
            {
                await author.DataAsync("mutation($p: ID!) { withdrawProposal(input: { proposal: $p }) { proposal { status } } }", new { p = gone });
                withdrawn.Add(gone);
            }
        }
        while (cursor is not null);

        Assert.Equal(walked.Count, walked.Distinct().Count());
        var stayed = before.Where(id => !withdrawn.Contains(id)).ToList();
        Assert.Empty(stayed.Except(walked));
        Assert.Equal(stayed, walked.Where(stayed.Contains).ToList());
    }

    [Fact]
    public async Task LastAndBeforeWalkTheSameOrderBackwards()
    {
        const string Forward = "{ proposals(orderBy: NEW, first: 50) { edges { cursor node { id } } } }";
        var all = (await fixture.Anonymous.DataAsync(Forward)).GetProperty("proposals").GetProperty("edges").EnumerateArray().ToList();
        Assert.True(all.Count > 6, "too few proposals");
        var ids = all.Select(e => e.GetProperty("node").GetProperty("id").GetString()!).ToList();

        var back = (await fixture.Anonymous.DataAsync("query($b: String) { proposals(orderBy: NEW, last: 3, before: $b) { edges { node { id } } pageInfo { hasPreviousPage hasNextPage } } }",
            new { b = all[6].GetProperty("cursor").GetString() })).GetProperty("proposals");

        Assert.Equal(ids[3..6], back.GetProperty("edges").EnumerateArray().Select(e => e.GetProperty("node").GetProperty("id").GetString()!).ToList());
        Assert.True(back.GetProperty("pageInfo").GetProperty("hasPreviousPage").GetBoolean());
        Assert.True(back.GetProperty("pageInfo").GetProperty("hasNextPage").GetBoolean());
    }
}
