using System.Text.Json;
using Governance.Core.Notifications;

namespace Governance.Api.Tests.Schema;

/// <summary>
/// viewer.notifications pages by id in both directions (newest first): notifications written
/// between pages neither repeat nor shift one already walked, and last/before walk back.
/// </summary>
public sealed class NotificationPagingTests(SchemaFixture fixture) : IClassFixture<SchemaFixture>
{
    private const string Page = """
        query($first: Int, $after: String, $last: Int, $before: String) {
          viewer { notifications(first: $first, after: $after, last: $last, before: $before) {
            totalCount edges { cursor node { id } } pageInfo { hasPreviousPage hasNextPage startCursor endCursor } } }
        }
        """;

    private void Write(long memberId)
    {
        using var connection = fixture.Database.Open();
        using var transaction = connection.BeginTransaction();
        NotificationStore.Insert(connection, transaction,
            new PlannedNotification(NotificationKinds.DelegationReceived, null, null, "{}", [memberId]), [memberId],
            new Dictionary<long, string>(), null, DateTimeOffset.UtcNow.ToUnixTimeMilliseconds());
        transaction.Commit();
    }

    private static List<string> Ids(JsonElement page) =>
        page.GetProperty("edges").EnumerateArray().Select(e => e.GetProperty("node").GetProperty("id").GetString()!).ToList();

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task WalksWhileNotificationsArriveNeitherRepeatNorSkip(bool forwards)
    {
        var reader = await fixture.MemberAsync(forwards ? "np-forwards" : "np-backwards");
        var me = reader.MemberId!.Value;
        for (var i = 0; i < 9; i++)
        {
            Write(me);
        }

        var throughout = Ids((await reader.DataAsync(Page, new { first = 50 })).GetProperty("viewer").GetProperty("notifications"));
        Assert.True(throughout.Count >= 9);
        var seen = new List<string>();
        string? cursor = null;
        for (var pages = 0; pages < 30; pages++)
        {
            var page = (await reader.DataAsync(Page, forwards
                ? new { first = (int?)2, after = cursor, last = (int?)null, before = (string?)null }
                : new { first = (int?)null, after = (string?)null, last = (int?)2, before = cursor })).GetProperty("viewer").GetProperty("notifications");
            var ids = Ids(page);
            seen.AddRange(forwards ? ids : Enumerable.Reverse(ids));
            var info = page.GetProperty("pageInfo");
            if (!info.GetProperty(forwards ? "hasNextPage" : "hasPreviousPage").GetBoolean())
            {
                break;
            }

            cursor = info.GetProperty(forwards ? "endCursor" : "startCursor").GetString();
            Write(me); // a newer notification arrives between pages
        }

        Assert.Equal(seen.Count, seen.Distinct().Count());
        if (forwards)
        {
            // Newest first: the walk starts at the newest and sees every notice that was there.
            Assert.Equal(throughout, seen);
        }
        else
        {
            // Oldest first going back up: everything there at the start, then the newer arrivals.
            Assert.Equal(throughout.AsEnumerable().Reverse().ToList(), seen.Take(throughout.Count).ToList());
            Assert.True(seen.Count > throughout.Count, "the notifications written during the walk back were not reached");
        }
    }
}
