using Dapper;
using Governance.Core.Accounts;
using Governance.Core.Events;
using Governance.Core.Storage;
using Governance.Core.Tests.Domain;

namespace Governance.Core.Tests.Accounts;

/// <summary>Sign-in back-off: per client and per account, never against a client without failures.</summary>
public sealed class SignInGuardTests : IDisposable
{
    private readonly Organisation org = new();
    private readonly List<DomainEvent> published = [];
    private readonly SignInGuard guard;

    public SignInGuardTests() => guard = new SignInGuard(org.Database, org.Clock, new Recorder(published));

    public void Dispose() => org.Dispose();

    private void Fail(long? member, string client, int times)
    {
        for (var i = 0; i < times; i++)
        {
            guard.RecordFailure(member, client);
        }
    }

    [Fact]
    public void AStrangersFailuresNeverHoldBackTheOwnerOnAClientWithoutFailures()
    {
        Fail(org.Admin, "attacker", 30);

        Assert.Equal(TimeSpan.Zero, guard.WaitFor(org.Admin, "owner's laptop"));
        Assert.Equal(SignInGuard.MaxWait, guard.WaitFor(org.Admin, "attacker"));
    }

    [Fact]
    public void ThreeFailuresAreFreeThenEachDoublesTheWaitWhichEnds()
    {
        Fail(org.Admin, "typist", 3);
        Assert.Equal(TimeSpan.Zero, guard.WaitFor(org.Admin, "typist"));

        Assert.Equal(TimeSpan.FromSeconds(2), guard.RecordFailure(org.Admin, "typist"));
        org.Clock.Advance(TimeSpan.FromSeconds(2));
        Assert.Equal(TimeSpan.Zero, guard.WaitFor(org.Admin, "typist"));
        Assert.Equal(TimeSpan.FromSeconds(4), guard.RecordFailure(org.Admin, "typist"));
    }

    [Fact]
    public void AClientSprayingManyAccountsWaitsByItsOwnFailures()
    {
        for (var i = 0; i < 6; i++)
        {
            guard.RecordFailure(null, "sprayer");
        }

        Assert.Equal(TimeSpan.FromSeconds(8), guard.WaitFor(org.Moderator, "sprayer"));
        Assert.Equal(TimeSpan.Zero, guard.WaitFor(org.Moderator, "someone else"));
    }

    [Fact]
    public void AClientThatFailedOnAnAttackedAccountWaitsByTheAccountsFailures()
    {
        Fail(org.Admin, "attacker", 7);
        guard.RecordFailure(org.Admin, "owner's phone");

        Assert.Equal(SignInGuard.Backoff(8), guard.WaitFor(org.Admin, "owner's phone"));
        Assert.Equal(TimeSpan.Zero, guard.WaitFor(org.Admin, "owner's laptop"));
    }

    [Fact]
    public void TheRightPasswordForgivesThatClientsFailuresOnThatAccountOnly()
    {
        Fail(org.Admin, "shared", 5);
        Fail(org.Moderator, "shared", 5);

        guard.RecordSuccess(org.Admin, "shared");

        Assert.Equal(SignInGuard.Backoff(5), guard.WaitFor(org.Moderator, "shared"));
    }

    [Fact]
    public void FailuresOlderThanTheWindowNoLongerCount()
    {
        Fail(org.Admin, "attacker", 12);
        org.Clock.Advance(SignInGuard.Window + TimeSpan.FromSeconds(1));

        Assert.Equal(TimeSpan.Zero, guard.WaitFor(org.Admin, "attacker"));
    }

    [Fact]
    public void PiledUpFailuresAreLoggedAtFiveTenAndTwentyForTheMemberToHear()
    {
        Fail(org.Admin, "attacker", 12);
        Fail(org.Admin, "another", 8);

        using var connection = org.Database.Open();
        var logged = connection.Query<string>("SELECT payload FROM event_log WHERE type = @type ORDER BY seq", new { type = EventTypes.MemberSignInFailed }).ToList();
        Assert.Equal(3, logged.Count);
        Assert.Contains("\"failures\":20", logged[2], StringComparison.Ordinal);
        Assert.Contains("\"clients\":2", logged[2], StringComparison.Ordinal);
        var heard = published.OfType<SignInFailuresPiledUp>().ToList();
        Assert.Equal([5L, 10L, 20L], heard.Select(e => e.Failures));
        Assert.All(heard, e => Assert.Equal(org.Admin, e.MemberId));
        Assert.True(EventLog.Verify(org.Database).Intact);
    }

    private sealed class Recorder(List<DomainEvent> into) : IDomainEventPublisher
    {
        public void Publish(DomainEvent domainEvent) => into.Add(domainEvent);
    }
}
