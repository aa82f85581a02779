using Dapper;
using Governance.Core.Storage;

namespace Governance.Api.Tests.Schema;

/// <summary>
/// The refusals the other mutation tests leave out, each with its code and nothing changed:
/// every moderator action's (not in the queue, no reason, unknown proposal, an appealed proposal
/// that must be scheduled), merge's own, the weekly endorsement limit, an over-long area description.
/// </summary>
public sealed class MutationErrorTests(SchemaFixture fixture) : IClassFixture<SchemaFixture>
{
    private static string P(long id) => SchemaFixture.Id("Proposal", id);

    private static string Moderate(string mutation) =>
        mutation == "mergeProposal"
            ? "mutation($p: ID!, $r: String!, $i: ID!) { mergeProposal(input: { proposal: $p, reason: $r, into: $i }) { proposal { status } errors { ... on UserError { code field } } } }"
            : $"mutation($p: ID!, $r: String!) {{ {mutation}(input: {{ proposal: $p, reason: $r }}) {{ proposal {{ status }} errors {{ ... on UserError {{ code field }} }} }} }}";

    /// <summary>Puts open proposals in <paramref name="status"/> for a test, which gives them back with <see cref="Reopen"/>.</summary>
    private long[] Proposals(string status, int count, bool mustSchedule = false)
    {
        using var connection = fixture.Database.Open();
        var ids = connection.Query<long>("SELECT id FROM proposals WHERE status = 'open' ORDER BY id DESC LIMIT @count", new { count }).ToArray();
        connection.Execute($"UPDATE proposals SET status = @status, on_agenda_at = @now, must_schedule = @mustSchedule WHERE id {connection.InList("@ids")}",
            new { status, ids, now = DateTimeOffset.UtcNow.ToUnixTimeMilliseconds(), mustSchedule = mustSchedule ? 1 : 0 });
        return ids;
    }

    private void Reopen(params long[] ids)
    {
        using var connection = fixture.Database.Open();
        connection.Execute($"UPDATE proposals SET status = 'open', must_schedule = 0 WHERE id {connection.InList("@ids")}", new { ids });
    }

    [Theory]
    [InlineData("scheduleProposal")]
    [InlineData("returnProposal")]
    [InlineData("declineProposal")]
    [InlineData("mergeProposal")]
    public async Task EveryModeratorActionRefusesWhatIsNotItsToDoAndChangesNothing(string mutation)
    {
        var moderator = await fixture.MemberAsync($"me-{mutation.ToLowerInvariant()}", "moderator");
        var queued = Proposals("on_agenda", 1)[0];
        var appealed = Proposals("on_agenda", 1, mustSchedule: true)[0];
        var (open, target) = Proposals("open", 2) is [var a, var b] ? (a, b) : throw new InvalidOperationException("the demo has fewer than two open proposals");
        var events = fixture.EventCount();

        async Task<string[]> Refusal(string proposal, string reason)
        {
            var payload = (await moderator.DataAsync(Moderate(mutation), new { p = proposal, r = reason, i = P(target) })).GetProperty(mutation);
            Assert.Equal(System.Text.Json.JsonValueKind.Null, payload.GetProperty("proposal").ValueKind);
            return payload.Codes();
        }

        Assert.Equal(["REASON_REQUIRED"], await Refusal(P(queued), "  "));
        Assert.Equal(["NOT_IN_QUEUE"], await Refusal(P(open), "Why not"));
        Assert.Equal(["NOT_FOUND"], await Refusal(P(987_654), "Why not"));
        Assert.Equal(["UNKNOWN_PROPOSAL"], await Refusal("no-such-id", "Why not"));
        if (mutation != "scheduleProposal")
        {
            // DESIGN §5: a proposal back on the agenda by appeal must be scheduled.
            Assert.Equal(["MUST_BE_SCHEDULED"], await Refusal(P(appealed), "Still no"));
        }

        Assert.Equal(events, fixture.EventCount());
        using var connection = fixture.Database.Open();
        Assert.Equal(["on_agenda", "on_agenda", "open"], connection.Query<string>($"SELECT status FROM proposals WHERE id {connection.InList("@ids")} ORDER BY id", new { ids = new[] { queued, appealed, open } }).Order());
        Reopen(queued, appealed);
    }

    [Fact]
    public async Task MergeRefusesItselfAClosedTargetAndAnUnknownOne()
    {
        var moderator = await fixture.MemberAsync("me-merger", "moderator");
        var queued = Proposals("on_agenda", 1)[0];
        var scheduled = Proposals("scheduled", 1)[0];
        var events = fixture.EventCount();
        const string Merge = "mutation($p: ID!, $i: ID!) { mergeProposal(input: { proposal: $p, into: $i, reason: \"Duplicate\" }) { proposal { id } errors { ... on UserError { code field } } } }";

        var itself = (await moderator.DataAsync(Merge, new { p = P(queued), i = P(queued) })).GetProperty("mergeProposal");
        var closed = (await moderator.DataAsync(Merge, new { p = P(queued), i = P(scheduled) })).GetProperty("mergeProposal");
        var unknown = (await moderator.DataAsync(Merge, new { p = P(queued), i = "nothing" })).GetProperty("mergeProposal");

        Assert.Equal(["INVALID_INPUT"], itself.Codes());
        Assert.Equal(["INVALID_TRANSITION"], closed.Codes());
        Assert.Equal(["UNKNOWN_PROPOSAL"], unknown.Codes());
        Assert.Equal("into", unknown.GetProperty("errors")[0].GetProperty("field").GetString());
        Assert.Equal(events, fixture.EventCount());
        Reopen(queued, scheduled);
    }

    [Fact]
    public async Task ASixthEndorsementInAWeekIsRefused()
    {
        var endorser = await fixture.MemberAsync("me-endorser");
        const string Endorse = "mutation($m: ID!) { endorse(input: { member: $m }) { karmaAwarded errors { ... on UserError { code } } } }";
        for (var i = 0; i < 5; i++)
        {
            var given = (await endorser.DataAsync(Endorse, new { m = SchemaFixture.Id("Member", fixture.DemoMember(20 + i)) })).GetProperty("endorse");
            Assert.Empty(given.Codes());
        }

        var events = fixture.EventCount();
        var sixth = (await endorser.DataAsync(Endorse, new { m = SchemaFixture.Id("Member", fixture.DemoMember(25)) })).GetProperty("endorse");

        Assert.Equal(["ENDORSEMENT_LIMIT"], sixth.Codes());
        Assert.Equal(System.Text.Json.JsonValueKind.Null, sixth.GetProperty("karmaAwarded").ValueKind);
        Assert.Equal(events, fixture.EventCount());
    }

    [Fact]
    public async Task AnAreaDescriptionOverTwoThousandCharactersIsRefused()
    {
        var admin = await fixture.MemberAsync("me-admin", "admin");
        var areas = fixture.EventCount();

        var payload = (await admin.DataAsync(
            "mutation($d: String) { createArea(input: { slug: \"long-words\", name: \"Long words\", description: $d }) { area { id } errors { ... on UserError { code field } } } }",
            new { d = new string('x', 2_001) })).GetProperty("createArea");

        Assert.Equal(["INVALID_DESCRIPTION"], payload.Codes());
        Assert.Equal("description", payload.GetProperty("errors")[0].GetProperty("field").GetString());
        Assert.Equal(areas, fixture.EventCount());
    }

    [Fact]
    public async Task RefusalsNameNoInternalNumber()
    {
        var admin = await fixture.MemberAsync("me-numbers", "admin", "moderator");
        var closed = Proposals("accepted", 1)[0];
        var nobody = SchemaFixture.Id("Member", 987_654);
        var nothing = P(987_654);
        (string Query, object Variables)[] refusals =
        [
            ("mutation($p: ID!) { vote(input: { proposal: $p, choice: YES }) { errors { ... on UserError { message } } } }", new { p = nothing }),
            ("mutation($p: ID!) { vote(input: { proposal: $p, choice: YES }) { errors { ... on UserError { message } } } }", new { p = P(closed) }),
            ("mutation($p: ID!) { support(input: { proposal: $p, points: 1 }) { errors { ... on UserError { message } } } }", new { p = nothing }),
            ("mutation($p: ID!) { support(input: { proposal: $p, points: 1 }) { errors { ... on UserError { message } } } }", new { p = P(closed) }),
            ("mutation($p: ID!) { withdrawSupport(input: { proposal: $p }) { errors { ... on UserError { message } } } }", new { p = P(closed) }),
            ("mutation($p: ID!) { withdrawProposal(input: { proposal: $p }) { errors { ... on UserError { message } } } }", new { p = nothing }),
            ("mutation($p: ID!) { scheduleProposal(input: { proposal: $p, reason: \"why\" }) { errors { ... on UserError { message } } } }", new { p = P(closed) }),
            ("mutation($m: ID!) { delegate(input: { scope: { global: true }, delegates: [$m] }) { errors { ... on UserError { message } } } }", new { m = nobody }),
            ("mutation($p: ID!, $m: ID!) { delegate(input: { scope: { proposal: $p }, delegates: [$m] }) { errors { ... on UserError { message } } } }", new { p = P(closed), m = SchemaFixture.Id("Member", fixture.DemoMember()) }),
            ("mutation($p: ID!) { blockDelegation(input: { scope: { proposal: $p } }) { errors { ... on UserError { message } } } }", new { p = nothing }),
            ("mutation($m: ID!) { endorse(input: { member: $m }) { errors { ... on UserError { message } } } }", new { m = nobody }),
            ("mutation($m: ID!) { setVotingRight(input: { member: $m, votingRight: false, reason: \"why\" }) { errors { ... on UserError { message } } } }", new { m = nobody }),
            ("mutation($m: ID!) { setMemberRoles(input: { member: $m, roles: [MEMBER] }) { errors { ... on UserError { message } } } }", new { m = nobody }),
            ("mutation($a: ID!) { createArea(input: { slug: \"numbers\", name: \"Numbers\", parent: $a }) { errors { ... on UserError { message } } } }", new { a = SchemaFixture.Id("Area", 987_654) }),
        ];

        try
        {
            foreach (var (query, variables) in refusals)
            {
                var result = await admin.PostAsync(query, variables);
                var text = result.ToString();
                Assert.Contains("\"message\"", text, StringComparison.Ordinal);
                Assert.DoesNotMatch($@"\b(987654|{closed})\b", text);
            }
        }
        finally
        {
            Reopen(closed);
        }
    }
}
