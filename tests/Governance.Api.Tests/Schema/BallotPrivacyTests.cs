using System.Text.Json;
using Dapper;
using Governance.Core.Clock;
using Governance.Core.Policies;
using Microsoft.Extensions.DependencyInjection;

namespace Governance.Api.Tests.Schema;

/// <summary>
/// Proposal.ballots under each privacy policy (DESIGN §5) × reader × phase: while voting, only
/// the voter a reader's own weight reaches; after close, everyone (public) or the delegates
/// (delegates-public); under aggregate nothing, on any read path.
/// </summary>
public sealed class BallotPrivacyTests(SchemaFixture fixture) : IClassFixture<SchemaFixture>
{
    private const string Ballots = "query($p: ID!) { proposal(id: $p) { ballots(first: 50) { totalCount nodes { voter { handle } choice weight carriesMyVote } } } }";
    private const string Vote = "mutation($p: ID!, $c: VoteChoice!) { vote(input: { proposal: $p, choice: $c }) { errors { __typename } } }";

    private sealed record Cast(Actor Delegate, Actor Delegator, Actor Solo, Actor Outsider, string Proposal, long Id);

    /// <summary>
    /// A voting proposal under <paramref name="privacy"/>: the delegate votes yes carrying the
    /// delegator, the solo voter votes no for themselves, the outsider neither votes nor delegates.
    /// </summary>
    private async Task<Cast> VotingAsync(VotePrivacy privacy, string test)
    {
        var tag = $"{test}-{privacy.ToString().ToLowerInvariant()[..4]}";
        var carrier = await fixture.MemberAsync($"bp-{tag}-delegate");
        var delegator = await fixture.MemberAsync($"bp-{tag}-delegator");
        var solo = await fixture.MemberAsync($"bp-{tag}-solo");
        var outsider = await fixture.MemberAsync($"bp-{tag}-outsider");
        var proposal = (await carrier.DataAsync("mutation($a: ID!) { propose(input: { area: $a, title: \"Ballots\", body: \"b\" }) { proposal { id } } }",
            new { a = SchemaFixture.Id("Area", fixture.RootArea()) })).GetProperty("propose").GetProperty("proposal").GetProperty("id").GetString()!;
        Assert.True(Governance.GraphQL.Relay.GlobalId.TryDecode(proposal, out _, out var local));
        var id = long.Parse(local, System.Globalization.CultureInfo.InvariantCulture);
        using (var connection = fixture.Database.Open())
        {
            connection.Execute("UPDATE proposals SET status = 'voting', voting_starts_at = @start, voting_ends_at = @end, policy_json = @policy WHERE id = @id", new
            {
                id,
                start = DateTimeOffset.UtcNow.AddDays(-1).ToUnixTimeMilliseconds(),
                end = DateTimeOffset.UtcNow.AddDays(1).ToUnixTimeMilliseconds(),
                policy = (new PolicyValues { Privacy = privacy }).ToJson(),
            });
        }

        var delegated = await delegator.DataAsync("mutation($p: ID!, $d: [ID!]!) { delegate(input: { scope: { proposal: $p }, delegates: $d }) { errors { __typename } } }",
            new { p = proposal, d = new[] { SchemaFixture.Id("Member", carrier.MemberId!.Value) } });
        Assert.Equal(JsonValueKind.Null, delegated.GetProperty("delegate").GetProperty("errors").ValueKind);
        await carrier.DataAsync(Vote, new { p = proposal, c = "YES" });
        await solo.DataAsync(Vote, new { p = proposal, c = "NO" });
        return new Cast(carrier, delegator, solo, outsider, proposal, id);
    }

    private void Close(Cast cast)
    {
        using (var connection = fixture.Database.Open())
        {
            connection.Execute("UPDATE proposals SET voting_ends_at = @end WHERE id = @id", new { id = cast.Id, end = fixture.Factory.Services.GetRequiredService<TimeProvider>().GetUtcNow().ToUnixTimeMilliseconds() });
        }

        Assert.Equal(1, fixture.Factory.Services.GetRequiredService<GovernanceClock>().RunDue(fixture.Factory.Services.GetRequiredService<TimeProvider>().GetUtcNow().AddSeconds(1)).VotingClosed);
    }

    private static async Task<List<(string Handle, string Choice, double? Weight, bool CarriesMe)>> SeenByAsync(Actor reader, string proposal)
    {
        var ballots = (await reader.DataAsync(Ballots, new { p = proposal })).GetProperty("proposal").GetProperty("ballots");
        var nodes = ballots.GetProperty("nodes").EnumerateArray().Select(b => (
            b.GetProperty("voter").GetProperty("handle").GetString()!,
            b.GetProperty("choice").GetString()!,
            b.GetProperty("weight").ValueKind == JsonValueKind.Null ? (double?)null : b.GetProperty("weight").GetDouble(),
            b.GetProperty("carriesMyVote").GetBoolean())).ToList();
        Assert.Equal(nodes.Count, ballots.GetProperty("totalCount").GetInt32());
        return nodes;
    }

    [Theory]
    [InlineData(VotePrivacy.Public)]
    [InlineData(VotePrivacy.DelegatesPublic)]
    public async Task WhileVotingOnlyTheMemberWhoseWeightReachesAVoterSeesThatBallot(VotePrivacy privacy)
    {
        var cast = await VotingAsync(privacy, "during");

        var delegator = await SeenByAsync(cast.Delegator, cast.Proposal);
        Assert.Equal([(cast.Delegate.Name, "YES", (double?)null, true)], delegator);
        foreach (var reader in new[] { cast.Delegate, cast.Solo, cast.Outsider, fixture.Anonymous })
        {
            Assert.Empty(await SeenByAsync(reader, cast.Proposal));
        }
    }

    [Fact]
    public async Task AfterClosePublicShowsEveryBallotToEveryone()
    {
        var cast = await VotingAsync(VotePrivacy.Public, "after");
        Close(cast);

        foreach (var reader in new[] { cast.Delegator, cast.Outsider, fixture.Anonymous })
        {
            var seen = await SeenByAsync(reader, cast.Proposal);
            Assert.Equal(
                [(cast.Delegate.Name, "YES", 2.0, reader == cast.Delegator), (cast.Solo.Name, "NO", 1.0, false)],
                seen.OrderBy(b => b.Handle == cast.Solo.Name).Select(b => (b.Handle, b.Choice, b.Weight, b.CarriesMe)));
        }
    }

    [Fact]
    public async Task AfterCloseDelegatesPublicShowsOnlyTheBallotsOfVotersWhoCarriedOthers()
    {
        var cast = await VotingAsync(VotePrivacy.DelegatesPublic, "after");
        Close(cast);

        foreach (var reader in new[] { cast.Delegator, cast.Solo, cast.Outsider, fixture.Anonymous })
        {
            Assert.Equal([(cast.Delegate.Name, "YES", (double?)2.0, reader == cast.Delegator)], await SeenByAsync(reader, cast.Proposal));
        }
    }

    [Fact]
    public async Task AggregateRevealsNoBallotOnAnyReadPathBeforeOrAfterClose()
    {
        var cast = await VotingAsync(VotePrivacy.Aggregate, "any");
        var readers = new[] { cast.Delegate, cast.Delegator, cast.Solo, cast.Outsider, fixture.Anonymous };
        foreach (var reader in readers)
        {
            Assert.Empty(await SeenByAsync(reader, cast.Proposal));
        }

        Close(cast);
        foreach (var reader in readers)
        {
            Assert.Empty(await SeenByAsync(reader, cast.Proposal));
        }

        // The audit trail says that they voted, never how: neither the events query nor the export.
        var events = (await cast.Outsider.DataAsync("{ events(first: 50, types: [\"vote.cast\"]) { nodes { payload proposal { id } } } }"))
            .GetProperty("events").GetProperty("nodes").EnumerateArray()
            .Where(e => e.GetProperty("proposal").ValueKind != JsonValueKind.Null && e.GetProperty("proposal").GetProperty("id").GetString() == cast.Proposal)
            .Select(e => e.GetProperty("payload").GetString()!).ToList();
        Assert.Equal(2, events.Count);
        Assert.All(events, payload => Assert.Equal(JsonValueKind.Null, JsonDocument.Parse(payload).RootElement.GetProperty("choice").ValueKind));
        var export = await cast.Outsider.Client.GetStringAsync("/api/exports/events.ndjson");
        var exported = export.Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(line => JsonDocument.Parse(line).RootElement)
            .Where(e => !e.TryGetProperty("hidden", out _) && e.GetProperty("type").GetString() == "vote.cast" && e.GetProperty("payload").TryGetProperty("proposal", out var p) && p.GetInt64() == cast.Id).ToList();
        Assert.Equal(2, exported.Count);
        Assert.All(exported, e => Assert.Equal(JsonValueKind.Null, e.GetProperty("payload").GetProperty("choice").ValueKind));
        Assert.DoesNotContain("\"yes\"", string.Join('\n', exported.Select(e => e.GetRawText())), StringComparison.Ordinal);
    }
}
