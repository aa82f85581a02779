using System.Text.Json;

namespace Governance.Api.Tests.Schema;

/// <summary>
/// events pages by sequence number in both directions: first/after forwards, last/before
/// backwards, the same entries in the same order, and entries appended during a walk neither
/// repeat nor shift one already walked.
/// </summary>
public sealed class EventPagingTests(SchemaFixture fixture) : IClassFixture<SchemaFixture>
{
    private const string Page = """
        query($first: Int, $after: String, $last: Int, $before: String) {
          events(first: $first, after: $after, last: $last, before: $before) {
            edges { cursor node { seq } } pageInfo { hasPreviousPage hasNextPage startCursor endCursor }
          }
        }
        """;

    private async Task<JsonElement> EventsAsync(object variables) =>
        (await fixture.Anonymous.DataAsync(Page, variables)).GetProperty("events");

    private static List<int> Seqs(JsonElement page) =>
        page.GetProperty("edges").EnumerateArray().Select(e => e.GetProperty("node").GetProperty("seq").GetInt32()).ToList();

    [Fact]
    public async Task BackwardsAndForwardsWalksWhileEntriesAreAppendedAgreeAndNeverRepeat()
    {
        var author = await fixture.MemberAsync("event-walker");
        var area = SchemaFixture.Id("Area", fixture.RootArea());
        var written = 0;
        async Task AppendAsync() =>
            await author.DataAsync("mutation($a: ID!, $t: String!) { propose(input: { area: $a, title: $t, body: \"appended during a walk\" }) { proposal { id } } }",
                new { a = area, t = $"Event walk {written++}" });

        // Backwards from the newest: later entries, appended after the first page, stay out.
        var last = await EventsAsync(new { last = 3 });
        Assert.False(last.GetProperty("pageInfo").GetProperty("hasNextPage").GetBoolean());
        var backward = new List<int>(Seqs(last));
        var cursor = last.GetProperty("pageInfo").GetProperty("startCursor").GetString();
        while (cursor is not null)
        {
            await AppendAsync();
            var page = await EventsAsync(new { last = 3, before = cursor });
            Assert.True(page.GetProperty("pageInfo").GetProperty("hasNextPage").GetBoolean());
            backward.InsertRange(0, Seqs(page));
            cursor = page.GetProperty("pageInfo").GetProperty("hasPreviousPage").GetBoolean()
                ? page.GetProperty("pageInfo").GetProperty("startCursor").GetString()
                : null;
        }

        Assert.True(backward.Count > 6, $"only {backward.Count} public events");

        // Forwards from the oldest, appending between pages: the same entries first, then the new ones.
        var forward = new List<int>();
        cursor = null;
        do
        {
            var page = await EventsAsync(new { first = 3, after = cursor });
            forward.AddRange(Seqs(page));
            await AppendAsync();
            cursor = page.GetProperty("pageInfo").GetProperty("hasNextPage").GetBoolean()
                ? page.GetProperty("pageInfo").GetProperty("endCursor").GetString()
                : null;
        }
        while (cursor is not null && forward.Count < backward.Count + 50);

        Assert.Equal(backward, forward.Take(backward.Count).ToList());
        Assert.True(forward.Count > backward.Count, "the entries appended during the walks were not walked forwards");
        Assert.Equal(forward.Order().ToList(), forward);
        Assert.Equal(forward.Distinct().Count(), forward.Count);
        Assert.Equal(backward.Distinct().Count(), backward.Count);
    }

    [Fact]
    public async Task FirstAndLastTogetherAreRefusedSayingWhich()
    {
        var response = await fixture.Anonymous.PostAsync("{ events(first: 2, last: 2) { edges { cursor } } }");
        Assert.Contains("not both", response.GetProperty("errors")[0].GetProperty("message").GetString(), StringComparison.Ordinal);

        var tooMany = await fixture.Anonymous.PostAsync("{ events(last: 500) { edges { cursor } } }");
        Assert.Contains("\"last\"", tooMany.GetProperty("errors")[0].GetProperty("message").GetString(), StringComparison.Ordinal);
    }
}
