using System.Text.Json;
using Dapper;

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
}
