using Dapper;
using Governance.Core.Accounts;
using Governance.Core.Delegation;
using Governance.Core.Demo;
using Governance.Core.Domain;
using Governance.Core.Members;
using Governance.Core.Storage;

namespace Governance.Core.Tests.Storage;

public sealed class DelegationStoreTests : IDisposable
{
    private static readonly DateTimeOffset T0 = new(2026, 11, 1, 9, 0, 0, TimeSpan.Zero);
    private readonly TempDatabase temp = new();
    private readonly ManualClock clock = new(T0);
    private readonly EngineHost host;
    private readonly DelegationService store;
    private readonly MemberService members;

    public DelegationStoreTests()
    {
        // Four members, the party with one sub-area, one proposal in voting where only 4 votes.
        using (var connection = temp.Database.Open())
        {
            connection.Execute(
                """
                INSERT INTO areas (id, slug, name, parent_id, created_at) VALUES (1, 'party', 'Party', NULL, 0), (2, 'housing', 'Housing', 1, 0);
                INSERT INTO members (id, handle, display_name, karma_at, joined_at, last_active_at) VALUES
                    (1, 'ann', 'Ann', 0, 0, 0), (2, 'bob', 'Bob', 0, 0, 0), (3, 'cy', 'Cy', 0, 0, 0), (4, 'dee', 'Dee', 0, 0, 0);
                INSERT INTO proposals (id, author_id, area_id, title, body, status, created_at, updated_at) VALUES
                    (1, 1, 2, 'Rent cap', 'body', 'voting', 0, 0), (2, 1, 2, 'Old idea', 'body', 'rejected', 0, 0);
                INSERT INTO votes (member_id, proposal_id, choice, cast_at, updated_at) VALUES (4, 1, 'yes', 0, 0);
                """);
        }

        host = new EngineHost(EngineLoader.Load(temp.Database));
        store = new DelegationService(temp.Database, clock, host);
        members = new MemberService(temp.Database, clock, host, new AccountStore(temp.Database, clock));
    }

    public void Dispose()
    {
        host.Dispose();
        temp.Dispose();
    }

    private double WeightOf(long voter) =>
        host.Read(e => e.Count(1, TallyPolicy.Default)).Weights.SingleOrDefault(w => w.MemberId == voter).Weight;

    [Fact]
    public async Task ChangingADelegationClosesTheOldVersionAtTheSameInstantAndKeepsIt()
    {
        var first = await store.SetAsync(1, DelegationScope.Global, [2, 3]);
        clock.Advance(TimeSpan.FromHours(1));
        var second = await store.SetAsync(1, DelegationScope.Global, [4]);

        var history = await store.HistoryForMemberAsync(1);

        Assert.Equal([second.Id, first.Id], history.Select(v => v.Id));
        Assert.Equal(second.ValidFrom, history[1].ValidTo);
        Assert.Null(history[0].ValidTo);
        Assert.Equal([2L, 3L], history[1].Delegates);
        Assert.Equal([4L], Assert.Single(await store.CurrentForMemberAsync(1)).Delegates);
    }

    [Fact]
    public async Task RevokedDelegationStopsCarryingWeightAtOnce()
    {
        await store.SetAsync(1, DelegationScope.Global, [4]);
        Assert.Equal(2.0, WeightOf(4));

        Assert.True(await store.RevokeAsync(1, DelegationScope.Global));

        Assert.Equal(1.0, WeightOf(4));
        Assert.Empty(await store.CurrentForMemberAsync(1));
        Assert.Single(await store.HistoryForMemberAsync(1));
        Assert.False(await store.RevokeAsync(1, DelegationScope.Global));
    }

    [Fact]
    public async Task AnAreaBlockStopsTheGlobalDelegationFromReachingProposalsThere()
    {
        await store.SetAsync(1, DelegationScope.Global, [4]);
        var block = await store.SetAsync(1, DelegationScope.ForArea(1), []);

        Assert.True(block.IsBlock);
        Assert.Equal(1.0, WeightOf(4));
        using var connection = temp.Database.Open();
        Assert.Equal("delegation.blocked", connection.ExecuteScalar<string>("SELECT type FROM event_log ORDER BY seq DESC LIMIT 1"));
    }

    [Fact]
    public async Task SettingTheSameDelegationAgainChangesNothing()
    {
        var first = await store.SetAsync(1, DelegationScope.ForArea(2), [2, 3]);
        var again = await store.SetAsync(1, DelegationScope.ForArea(2), [2, 3]);

        Assert.Equal(first.Id, again.Id);
        Assert.Single(await store.HistoryForMemberAsync(1));
    }

    public static TheoryData<string, long, DelegationScope, long[]> Refusals => new()
    {
        { "self_delegation", 1, DelegationScope.Global, [2, 1] },
        { "duplicate_delegate", 1, DelegationScope.Global, [2, 2] },
        { "too_many_delegates", 1, DelegationScope.Global, [2, 3, 4, 5] },
        { "unknown_delegate", 1, DelegationScope.Global, [2, 99] },
        { "unknown_member", 99, DelegationScope.Global, [2] },
        { "unknown_area", 1, DelegationScope.ForArea(77), [2] },
        { "unknown_proposal", 1, DelegationScope.ForProposal(77), [2] },
        { "proposal_closed", 1, DelegationScope.ForProposal(2), [2] },
    };

    [Theory]
    [MemberData(nameof(Refusals))]
    public async Task InvalidDelegationIsRefusedWithItsReasonAndChangesNothing(string code, long member, DelegationScope scope, long[] delegates)
    {
        await store.SetAsync(1, DelegationScope.Global, [3]);
        var eventsBefore = EventCount();

        var error = await Assert.ThrowsAsync<DomainException>(() => store.SetAsync(member, scope, delegates));

        Assert.Equal(code, error.Code);
        Assert.False(string.IsNullOrWhiteSpace(error.Message));
        Assert.Equal(eventsBefore, EventCount());
        Assert.Equal([3L], Assert.Single(await store.CurrentForMemberAsync(1)).Delegates);
        Assert.Equal([3L], host.Read(e => e.GetDelegation(1, DelegationScope.Global))!);
    }

    [Fact]
    public async Task TheEngineCanBeRebuiltAsOfAnyPastInstant()
    {
        await store.SetAsync(1, DelegationScope.Global, [2]);
        clock.Advance(TimeSpan.FromDays(1));
        await store.SetAsync(1, DelegationScope.Global, [3]);
        clock.Advance(TimeSpan.FromDays(1));
        await store.RevokeAsync(1, DelegationScope.Global);
        clock.Advance(TimeSpan.FromDays(1));
        await members.SetVotingRightAsync(1, 4, false, "Membership fee unpaid");

        long[]? At(double days) => EngineLoader.Load(temp.Database, T0.AddDays(days)).GetDelegation(1, DelegationScope.Global);
        bool VotingRightAt(double days) => EngineLoader.Load(temp.Database, T0.AddDays(days)).HasVotingRight(4);

        Assert.Equal([2L], At(0.5)!);
        Assert.Equal([3L], At(1.5)!);
        Assert.Null(At(2.5));
        Assert.True(VotingRightAt(2.5));
        Assert.False(VotingRightAt(3.5));
        Assert.False(host.Read(e => e.HasVotingRight(4)));
    }

    [Fact]
    public async Task VotingRightChangeNeedsAPublicReasonAndIsLogged()
    {
        var error = await Assert.ThrowsAsync<DomainException>(() => members.SetVotingRightAsync(1, 2, false, " "));
        Assert.Equal("reason_required", error.Code);
        Assert.True(host.Read(e => e.HasVotingRight(2)));

        await members.SetVotingRightAsync(1, 2, false, "Left the party");

        using var connection = temp.Database.Open();
        Assert.Equal("member.voting-right-suspended", connection.ExecuteScalar<string>("SELECT type FROM event_log ORDER BY seq DESC LIMIT 1"));
        Assert.False(host.Read(e => e.HasVotingRight(2)));
    }

    private int EventCount()
    {
        using var connection = temp.Database.Open();
        return connection.ExecuteScalar<int>("SELECT count(*) FROM event_log");
    }
}

/// <summary>The live engine must always equal a fresh load of what the database committed.</summary>
public sealed class EngineStaysInStepTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 21, 12, 0, 0, TimeSpan.Zero);

    /// <summary>Makes proposals 1–3 votes in progress with about 10 % turnout, whatever the seed drew.</summary>
    private static List<long> OpenThreeVotes(Database database, int members)
    {
        using var connection = database.Open();
        connection.Execute("DELETE FROM votes; UPDATE proposals SET status = 'voting' WHERE id IN (1, 2, 3)");
        var random = new Random(1);
        for (var member = 1; member <= members; member++)
        {
            if (random.NextDouble() < 0.1)
            {
                connection.Execute(
                    "INSERT INTO votes (member_id, proposal_id, choice, cast_at, updated_at) VALUES (@member, @proposal, @choice, 0, 0)",
                    new { member, proposal = random.Next(1, 4), choice = random.Next(3) switch { 0 => "yes", 1 => "no", _ => "abstain" } });
            }
        }

        return [1, 2, 3];
    }

    private static void AssertSameTallies(DelegationEngine live, DelegationEngine fresh, IEnumerable<long> proposals)
    {
        foreach (var proposal in proposals)
        {
            var a = live.Count(proposal, TallyPolicy.Default);
            var b = fresh.Count(proposal, TallyPolicy.Default);
            Assert.Equal((b.Yes, b.No, b.Abstain, b.Represented, b.Unrepresented), (a.Yes, a.No, a.Abstain, a.Represented, a.Unrepresented));
            Assert.Equal(b.Weights, a.Weights);
        }
    }

    [Fact]
    public async Task RandomChangesThroughTheStoreLeaveTheEngineEqualToAFreshLoad()
    {
        using var temp = new TempDatabase();
        var organisation = OrganisationGenerator.Generate(300, seed: 21, Now);
        ImportStore.Import(temp.Database, organisation, Now);
        var voting = OpenThreeVotes(temp.Database, 300);
        using var host = new EngineHost(EngineLoader.Load(temp.Database));
        var clock = new ManualClock(Now);
        var store = new DelegationService(temp.Database, clock, host);
        var random = new Random(5);

        for (var i = 0; i < 300; i++)
        {
            clock.Advance(TimeSpan.FromMinutes(random.Next(1, 60)));
            var member = random.Next(1, 301);
            var scope = random.Next(3) switch
            {
                0 => DelegationScope.Global,
                1 => DelegationScope.ForArea(random.Next(1, organisation.Areas.Count + 1)),
                _ => DelegationScope.ForProposal(voting[random.Next(voting.Count)]),
            };
            if (random.NextDouble() < 0.25)
            {
                await store.RevokeAsync(member, scope);
                continue;
            }

            var delegates = Enumerable.Range(0, random.Next(0, 4)).Select(_ => (long)random.Next(1, 301)).Distinct().Where(d => d != member).ToList();
            await store.SetAsync(member, scope, delegates);
        }

        var fresh = EngineLoader.Load(temp.Database);
        host.Read(live =>
        {
            AssertSameTallies(live, fresh, voting);
            return 0;
        });
        Assert.True(EventLog.Verify(temp.Database).Intact);
    }

    [Fact]
    public async Task ConcurrentChangesByManyMembersLeaveTheEngineEqualToAFreshLoad()
    {
        using var temp = new TempDatabase();
        var organisation = OrganisationGenerator.Generate(200, seed: 8, Now);
        ImportStore.Import(temp.Database, organisation, Now);
        var voting = OpenThreeVotes(temp.Database, 200);
        using var host = new EngineHost(EngineLoader.Load(temp.Database));
        var store = new DelegationService(temp.Database, TimeProvider.System, host);

        await Parallel.ForEachAsync(Enumerable.Range(1, 200), new ParallelOptions { MaxDegreeOfParallelism = 8 }, async (member, _) =>
        {
            var target = member % 200 + 1;
            await store.SetAsync(member, DelegationScope.Global, [target]);
            if (member % 3 == 0)
            {
                await store.RevokeAsync(member, DelegationScope.Global);
            }
        });

        var fresh = EngineLoader.Load(temp.Database);
        host.Read(live =>
        {
            AssertSameTallies(live, fresh, voting);
            return 0;
        });
    }

    [Fact]
    public void LoadingTheSeededOrganisationGivesTheGeneratorsDelegations()
    {
        using var temp = new TempDatabase();
        var organisation = OrganisationGenerator.Generate(500, seed: 4, Now);
        ImportStore.Import(temp.Database, organisation, Now);

        var engine = EngineLoader.Load(temp.Database);

        Assert.Equal(500, engine.MemberCount);
        foreach (var d in organisation.Delegations.Take(200))
        {
            var scope = d.Scope switch
            {
                GeneratedScope.Global => DelegationScope.Global,
                GeneratedScope.Area => DelegationScope.ForArea(d.AreaId!.Value),
                _ => DelegationScope.ForProposal(d.ProposalId!.Value),
            };
            Assert.Equal(d.Delegates.Select(x => (long)x), engine.GetDelegation(d.MemberId, scope));
        }
    }
}
