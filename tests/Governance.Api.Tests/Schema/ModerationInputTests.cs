using Dapper;
using Governance.Core.Storage;

namespace Governance.Api.Tests.Schema;

/// <summary>
/// The optional fields of the moderators' inputs reach the domain as the client gave them, now
/// that the resolvers read typed records: a discussion start, and a decline as abuse.
/// </summary>
public sealed class ModerationInputTests(SchemaFixture fixture) : IClassFixture<SchemaFixture>
{
    private static string P(long id) => SchemaFixture.Id("Proposal", id);

    private long Queued()
    {
        using var connection = fixture.Database.Open();
        var id = connection.QuerySingle<long>("SELECT id FROM proposals WHERE status = 'open' ORDER BY id DESC LIMIT 1");
        connection.Execute("UPDATE proposals SET status = 'on_agenda', on_agenda_at = @now WHERE id = @id", new { id, now = DateTimeOffset.UtcNow.ToUnixTimeMilliseconds() });
        return id;
    }

    private string? LastReason(long id)
    {
        using var connection = fixture.Database.Open();
        return connection.QuerySingleOrDefault<string>("SELECT reason FROM proposal_status_history WHERE proposal_id = @id ORDER BY at DESC, id DESC LIMIT 1", new { id });
    }

    [Fact]
    public async Task ADiscussionStartInThePastIsRefusedAndOneInTheFutureIsKept()
    {
        var moderator = await fixture.MemberAsync("me-scheduler-input", "moderator");
        var queued = Queued();
        const string Schedule = "mutation($p: ID!, $at: DateTime) { scheduleProposal(input: { proposal: $p, reason: \"Ready\", discussionStartsAt: $at }) { proposal { status } errors { ... on UserError { code field } } } }";

        var past = (await moderator.DataAsync(Schedule, new { p = P(queued), at = "2001-01-01T00:00:00Z" })).GetProperty("scheduleProposal");
        Assert.Equal(["INVALID_INPUT"], past.Codes());

        var start = DateTimeOffset.UtcNow.AddDays(3);
        var kept = (await moderator.DataAsync(Schedule, new { p = P(queued), at = start.ToString("yyyy-MM-ddTHH:mm:ssZ", System.Globalization.CultureInfo.InvariantCulture) })).GetProperty("scheduleProposal");
        Assert.Equal("SCHEDULED", kept.GetProperty("proposal").GetProperty("status").GetString());
        using var connection = fixture.Database.Open();
        var startsAt = connection.QuerySingle<long>("SELECT discussion_starts_at FROM proposals WHERE id = @queued", new { queued });
        Assert.Equal(start.ToUnixTimeSeconds(), startsAt / 1000);
    }

    [Fact]
    public async Task ADeclineAsAbuseIsRecordedAsAbuseAndAnExplicitNullAbuseIsNot()
    {
        var moderator = await fixture.MemberAsync("me-decliner-input", "moderator");
        const string Decline = "mutation($p: ID!, $abuse: Boolean) { declineProposal(input: { proposal: $p, reason: \"Spam\", abuse: $abuse }) { proposal { status } errors { ... on UserError { code } } } }";

        var spam = Queued();
        var declined = (await moderator.DataAsync(Decline, new { p = P(spam), abuse = true })).GetProperty("declineProposal");
        Assert.Equal("DECLINED", declined.GetProperty("proposal").GetProperty("status").GetString());
        Assert.Equal("abuse: Spam", LastReason(spam));

        var plain = Queued();
        await moderator.DataAsync(Decline, new { p = P(plain), abuse = (bool?)null });
        Assert.Equal("Spam", LastReason(plain));
    }
}
