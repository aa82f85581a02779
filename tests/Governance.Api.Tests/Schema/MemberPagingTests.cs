using System.Text.Json;

namespace Governance.Api.Tests.Schema;

/// <summary>
/// members pages by (handle, id) keys in both directions: members who join between pages, before
/// or after the cursor, never make the walk repeat or skip a member who was there throughout
/// (offset cursors repeated one when a member joined ahead of the cursor).
/// </summary>
public sealed class MemberPagingTests(SchemaFixture fixture) : IClassFixture<SchemaFixture>
{
    private const string Page = """
        query($search: String, $first: Int, $after: String, $last: Int, $before: String) {
          members(search: $search, first: $first, after: $after, last: $last, before: $before) {
            totalCount edges { cursor node { handle } } pageInfo { hasPreviousPage hasNextPage startCursor endCursor }
          }
        }
        """;

    private static List<string> Handles(JsonElement page) =>
        page.GetProperty("edges").EnumerateArray().Select(e => e.GetProperty("node").GetProperty("handle").GetString()!).ToList();

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task WalksWhileMembersJoinNeitherRepeatNorSkip(bool forwards)
    {
        var prefix = forwards ? "keyf" : "keyb";
        var reader = await fixture.MemberAsync($"{prefix}-reader");
        var throughout = new List<string>();
        for (var i = 0; i < 12; i++)
        {
            var handle = $"{prefix}-m{i * 10:D3}";
            await fixture.MemberAsync(handle);
            throughout.Add(handle);
        }

        var joined = 0;
        var seen = new List<string>();
        string? cursor = null;
        for (var pages = 0; pages < 40; pages++)
        {
            var page = (await reader.DataAsync(Page, forwards
                ? new { search = $"{prefix}-m", first = 3, after = cursor, last = (int?)null, before = (string?)null }
                : new { search = $"{prefix}-m", first = (int?)null, after = (string?)null, last = 3, before = cursor })).GetProperty("members");
            var handles = Handles(page);
            seen.AddRange(forwards ? handles : Enumerable.Reverse(handles));
            var info = page.GetProperty("pageInfo");
            if (!info.GetProperty(forwards ? "hasNextPage" : "hasPreviousPage").GetBoolean())
            {
                break;
            }

            cursor = info.GetProperty(forwards ? "endCursor" : "startCursor").GetString();
            // One joins behind the walk (an offset walk would then repeat a member) and one ahead of it.
            joined++;
            await fixture.MemberAsync(forwards ? $"{prefix}-m000{joined}" : $"{prefix}-m999{joined}");
            await fixture.MemberAsync(forwards ? $"{(handles[^1])}a{joined}" : $"{prefix}-m000{joined}");
        }

        Assert.Equal(seen.Count, seen.Distinct().Count());
        Assert.Subset(seen.ToHashSet(), throughout.ToHashSet());
        Assert.Equal(forwards ? seen.Order(StringComparer.Ordinal) : seen.OrderDescending(StringComparer.Ordinal), seen);
        Assert.True(joined >= 3, $"only {joined} members joined during the walk");
    }

    [Fact]
    public async Task ForeignCursorsAndOversizedPagesAreRefused()
    {
        var reader = await fixture.MemberAsync("keyr-reader");
        var offset = Convert.ToBase64String("arrayconnection:3"u8.ToArray());
        var refused = await reader.PostAsync("query($c: String) { members(after: $c) { totalCount } }", new { c = offset });
        Assert.Contains("Invalid cursor", refused.GetProperty("errors")[0].GetProperty("message").GetString(), StringComparison.Ordinal);

        var tooMany = await reader.PostAsync("{ members(last: 500) { totalCount } }");
        Assert.Contains("\"last\"", tooMany.GetProperty("errors")[0].GetProperty("message").GetString(), StringComparison.Ordinal);
    }
}
