using System.Text.Json;
using Dapper;
using Governance.Core.Demo;
using Governance.Core.Karma;
using Governance.Core.Lottery;
using Governance.Core.Policies;
using Governance.Core.Storage;

namespace Governance.Core.Tests.Demo;

/// <summary>The demo's past: sign-in accounts, karma from endorsements, the moderators' public actions, past draws.</summary>
public sealed class DemoHistoryTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 21, 12, 0, 0, TimeSpan.Zero);

    [Theory]
    [InlineData(10, 7)]
    [InlineData(2_000, 20_261_121)]
    public void TheDemoAccountsHaveFixedHandlesTheirRolesAndTheMemberHasDelegationsAndKarma(int size, int seed)
    {
        var organisation = OrganisationGenerator.Generate(size, seed, Now);
        var byHandle = organisation.Members.ToDictionary(m => m.Handle);

        Assert.Equal(DemoAccounts.All.Select(a => a.Handle), organisation.DemoAccounts.Select(a => a.Account.Handle));
        Assert.True(byHandle["demo.admin"].IsAdmin);
        Assert.True(byHandle["demo.moderator"].IsModerator && !byHandle["demo.moderator"].IsAdmin);
        var member = byHandle["demo.member"];
        Assert.False(member.IsModerator || member.IsAdmin);
        Assert.True(member.VotingRight);
        Assert.Contains(organisation.Delegations, d => d.MemberId == member.Id && d.Scope == GeneratedScope.Global);
        Assert.Contains(organisation.Delegations, d => d.Delegates.Contains(member.Id));
        var policy = new PolicyValues();
        Assert.True(KarmaRules.Level(KarmaRules.Decay(member.Karma, member.KarmaAt!.Value.ToUnixTimeMilliseconds(), Now.ToUnixTimeMilliseconds(), policy.KarmaHalfLifeDays), policy) >= 1);
        Assert.False(byHandle["demo.novote"].VotingRight);
        Assert.False(byHandle["demo.novote"].IsModerator);
    }

    [Fact]
    public void EveryMembersKarmaIsTheirEndorsementsAddedUpWithDecayUnderTheEndorsementRules()
    {
        var organisation = OrganisationGenerator.Generate(1_000, seed: 5, Now);
        var policy = new PolicyValues();

        Assert.NotEmpty(organisation.Endorsements);
        foreach (var member in organisation.Members)
        {
            double karma = 0;
            long at = 0;
            foreach (var e in organisation.Endorsements.Where(e => e.EndorsedId == member.Id))
            {
                var t = e.At.ToUnixTimeMilliseconds();
                var before = KarmaRules.Decay(karma, at, t, policy.KarmaHalfLifeDays);
                Assert.InRange(e.Karma, 0, 2 + 1e-9);
                karma = before + e.Karma;
                at = t;
            }

            Assert.Equal(karma, member.Karma, 9);
        }

        Assert.All(organisation.Endorsements, e => Assert.NotEqual(e.EndorserId, e.EndorsedId));
        foreach (var given in organisation.Endorsements.GroupBy(e => e.EndorserId))
        {
            var times = given.Select(e => e.At).Order().ToList();
            for (var i = policy.EndorsementsPerWeek; i < times.Count; i++)
            {
                Assert.True(times[i] - times[i - policy.EndorsementsPerWeek] >= TimeSpan.FromDays(7), $"member {given.Key} endorsed more than {policy.EndorsementsPerWeek} times in a week");
            }

            foreach (var pair in given.GroupBy(e => e.EndorsedId))
            {
                var pairTimes = pair.Select(e => e.At).Order().ToList();
                Assert.All(pairTimes.Zip(pairTimes.Skip(1)), p => Assert.True(p.Second - p.First >= TimeSpan.FromDays(policy.EndorsementPairDays)));
            }
        }
    }

    [Fact]
    public void TheModeratorsPublicActionsMatchEachProposalsHistory()
    {
        using var temp = new TempDatabase();
        var organisation = OrganisationGenerator.Generate(2_000, seed: 20_261_121, Now);

        DemoSeed.Run(temp.Database, organisation, Now);

        using var connection = temp.Database.Open();
        var events = connection.Query<(long Seq, long At, long? Actor, string Type, string Payload)>(
            "SELECT seq, at, actor_id, type, payload FROM event_log WHERE type IN ('proposal.scheduled', 'proposal.declined') ORDER BY seq").ToList();
        Assert.Contains(events, e => e.Type == "proposal.scheduled");
        Assert.Contains(events, e => e.Type == "proposal.declined");
        Assert.Equal(events.Select(e => e.At).Order(), events.Select(e => e.At));
        foreach (var e in events)
        {
            using var payload = JsonDocument.Parse(e.Payload);
            var proposal = payload.RootElement.GetProperty("proposal").GetInt64();
            var reason = payload.RootElement.GetProperty("reason").GetString();
            var status = e.Type["proposal.".Length..];
            var history = connection.QuerySingle<(long? Actor, string Reason)>(
                "SELECT actor_id, reason FROM proposal_status_history WHERE proposal_id = @proposal AND status = @status AND at = @At", new { proposal, status, e.At });
            Assert.Equal(e.Actor, history.Actor);
            Assert.Equal(reason, history.Reason);
            Assert.Equal(1, connection.ExecuteScalar<int>("SELECT count(*) FROM member_roles WHERE member_id = @Actor AND role = 'moderator'", new { e.Actor }));
        }

        // Every proposal that went past the agenda has its moderator's action on record (alternatives follow their issue's).
        Assert.Equal(
            connection.ExecuteScalar<int>("SELECT count(*) FROM proposals WHERE status IN ('scheduled', 'voting', 'accepted', 'rejected', 'declined') AND issue_id IS NULL"),
            events.Count);
        Assert.True(EventLog.Verify(temp.Database).Intact);
    }

    [Fact]
    public void TheSeedDrawsThePastLotteryPeriodsAndEachDrawVerifies()
    {
        using var temp = new TempDatabase();
        var organisation = OrganisationGenerator.Generate(2_000, seed: 20_261_121, Now);

        DemoSeed.Run(temp.Database, organisation, Now);

        var lottery = new LotteryService(temp.Database, TimeProvider.System);
        var current = LotteryPeriod.Containing(Now.ToUnixTimeMilliseconds(), 7);
        var last = LotteryPeriod.Containing(current.StartMs - 1, 7);
        var draw = lottery.Get(last.Id);
        Assert.NotNull(draw);
        Assert.True(draw.Eligible > 0);
        Assert.True(draw.HeadSeq > 1, "the draw's head is a moderator's action before the period's end");
        Assert.True(lottery.Verify(last.Id).Matches, string.Join("; ", lottery.Verify(last.Id).Problems));
        Assert.True(lottery.Verify(LotteryPeriod.Containing(last.StartMs - 1, 7).Id).Matches);
        Assert.Null(lottery.Get(current.Id));
        Assert.True(EventLog.Verify(temp.Database).Intact);
    }

    [Fact]
    public void WithoutAPasswordHashTheImportGivesNoCredentials()
    {
        using var temp = new TempDatabase();
        var organisation = OrganisationGenerator.Generate(100, seed: 1, Now);

        ImportStore.Import(temp.Database, organisation, Now);
        using (var connection = temp.Database.Open())
        {
            Assert.Equal(0, connection.ExecuteScalar<int>("SELECT count(*) FROM member_credentials"));
        }

        using var demo = new TempDatabase();
        ImportStore.Import(demo.Database, organisation with { DemoPasswordHash = "hash" }, Now);
        using var demoConnection = demo.Database.Open();
        Assert.Equal(
            DemoAccounts.All.Select(a => a.Handle).Order(),
            demoConnection.Query<string>("SELECT m.handle FROM member_credentials c JOIN members m ON m.id = c.member_id").Order());
    }
}
