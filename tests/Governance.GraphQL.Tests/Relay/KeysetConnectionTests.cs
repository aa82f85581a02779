using Governance.GraphQL.Errors;
using Governance.GraphQL.Relay;

namespace Governance.GraphQL.Tests.Relay;

/// <summary>
/// Keyset pages over a list sorted by a unique key: walking forwards or backwards while items
/// are inserted and removed between pages never repeats an item and never skips one that was
/// there throughout (the offset builder does both, which is why lists page by key).
/// </summary>
public class KeysetConnectionTests
{
    private static List<long> Sorted(IEnumerable<long> keys) => keys.Distinct().Order().ToList();

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public void WalkingWhileTheListChangesNeitherRepeatsNorSkips(bool forwards)
    {
        for (var seed = 0; seed < 300; seed++)
        {
            var random = new Random(seed);
            var list = Sorted(Enumerable.Range(0, random.Next(0, 60)).Select(_ => (long)random.Next(0, 1_000)));
            var throughout = list.ToHashSet();
            var seen = new List<long>();
            var pageSize = random.Next(1, 8);
            string? cursor = null;
            for (var pages = 0; pages < 500; pages++)
            {
                var arguments = forwards ? new ConnectionArguments(First: pageSize, After: cursor) : new ConnectionArguments(Last: pageSize, Before: cursor);
                var page = ConnectionBuilder.FromKeyedList(list, k => k, "n", arguments);
                var keys = page.Edges.Select(e => e.Node).ToList();
                Assert.True(keys.Count <= pageSize);
                seen.AddRange(forwards ? keys : Enumerable.Reverse(keys));
                var more = forwards ? page.PageInfo.HasNextPage : page.PageInfo.HasPreviousPage;
                if (!more)
                {
                    break;
                }

                Assert.NotEmpty(keys);
                cursor = forwards ? page.PageInfo.EndCursor : page.PageInfo.StartCursor;
                // Between pages: inserts anywhere, and removals (of the cursor's own item too).
                for (var change = random.Next(0, 4); change > 0; change--)
                {
                    if (random.Next(2) == 0 || list.Count == 0)
                    {
                        list = Sorted(list.Append(random.Next(0, 1_000)));
                    }
                    else
                    {
                        var gone = list[random.Next(list.Count)];
                        list.Remove(gone);
                        throughout.Remove(gone);
                    }
                }
            }

            Assert.Equal(seen.Count, seen.Distinct().Count());
            Assert.Equal(forwards ? seen.Order() : seen.OrderDescending(), seen);
            Assert.Subset(seen.ToHashSet(), throughout);
        }
    }

    [Fact]
    public void PagesAreTheSpecsSlicesOnAnUnchangedList()
    {
        var list = Enumerable.Range(1, 10).Select(i => (long)(i * 10)).ToList();
        string At(long key) => ConnectionBuilder.EncodeKey("n", key);
        List<long> Keys(ConnectionArguments a) => ConnectionBuilder.FromKeyedList(list, k => k, "n", a).Edges.Select(e => e.Node).ToList();

        Assert.Equal([10, 20, 30], Keys(new(First: 3)));
        Assert.Equal([80, 90, 100], Keys(new(Last: 3)));
        Assert.Equal([40, 50], Keys(new(First: 2, After: At(30))));
        Assert.Equal([40, 50], Keys(new(First: 2, After: At(35))));
        Assert.Equal([60, 70], Keys(new(Last: 2, Before: At(80))));
        Assert.Equal([40, 50, 60], Keys(new(After: At(30), Before: At(70))));
        var page = ConnectionBuilder.FromKeyedList(list, k => k, "n", new(First: 2, After: At(80)));
        Assert.Equal([90, 100], page.Edges.Select(e => e.Node));
        Assert.True(page.PageInfo.HasPreviousPage);
        Assert.False(page.PageInfo.HasNextPage);
        Assert.Equal(10, page.TotalCount);
    }

    [Theory]
    [InlineData("bm90IGEgY3Vyc29y")] // "not a cursor"
    [InlineData("YXJyYXljb25uZWN0aW9uOjE=")] // an offset cursor
    [InlineData("bTox")] // "m:1", another list's cursor
    [InlineData("%%%")]
    public void AnyOtherCursorIsAClientError(string cursor)
    {
        var error = Assert.Throws<GraphQLException>(() => ConnectionBuilder.FromKeyedList(new List<long> { 1 }, k => k, "n", new(First: 1, After: cursor)));
        Assert.Contains("Invalid cursor", error.Message);
    }
}
