using Dapper;
using Governance.Core.Delegation;
using Governance.Core.Domain;
using Governance.Core.Events;
using Governance.Core.Storage;

namespace Governance.Core.Tests.Events;

/// <summary>What the delegation commands tell the rest of the system, and that another instance reads their log entries the same way.</summary>
public sealed class DelegationEventTests : IDisposable
{
    private static readonly DateTimeOffset T0 = new(2026, 11, 1, 9, 0, 0, TimeSpan.Zero);
    private readonly TempDatabase temp = new();
    private readonly ManualClock clock = new(T0);
    private readonly EngineHost host;
    private readonly Heard heard = new();
    private readonly DelegationService delegations;

    public DelegationEventTests()
    {
        using (var connection = temp.Database.Open())
        {
            connection.Execute(
                """
                INSERT INTO areas (id, slug, name, parent_id, created_at) VALUES (1, 'party', 'Party', NULL, 0);
                INSERT INTO members (id, handle, display_name, karma_at, joined_at, last_active_at) VALUES
                    (1, 'ann', 'Ann', 0, 0, 0), (2, 'bob', 'Bob', 0, 0, 0), (3, 'cy', 'Cy', 0, 0, 0), (4, 'dee', 'Dee', 0, 0, 0);
                """);
        }

        host = new EngineHost(EngineLoader.Load(temp.Database));
        delegations = new DelegationService(temp.Database, clock, host, heard);
    }

    public void Dispose()
    {
        host.Dispose();
        temp.Dispose();
    }

    [Fact]
    public async Task AChangedDelegationConcernsTheMemberAndEveryDelegateNamedBeforeOrAfter()
    {
        await delegations.DelegateAsync(1, DelegationScope.Global, [2, 3]);
        var outcome = await delegations.DelegateAsync(1, DelegationScope.Global, [4]);

        var change = Assert.IsType<DelegationChanged>(heard.Events[^1]);
        Assert.Same(change, outcome.Change);
        Assert.Equal(DelegationChangeKind.Set, change.Kind);
        Assert.Equal([1L, 2, 3, 4], change.Concerned.Order());
        Assert.Equal([4L], change.Delegation!.Delegates);
        Assert.Equal(T0, change.At);

        await delegations.RevokeAsync(1, DelegationScope.Global);
        var revoked = Assert.IsType<DelegationChanged>(heard.Events[^1]);
        Assert.Equal(DelegationChangeKind.Revoked, revoked.Kind);
        Assert.Equal([1L, 4], revoked.Concerned.Order());
        Assert.Null(revoked.Delegation);
    }

    [Fact]
    public async Task SettingTheSameDelegationAgainOrRevokingNoneTellsNobody()
    {
        await delegations.DelegateAsync(1, DelegationScope.Global, [2]);
        var again = await delegations.DelegateAsync(1, DelegationScope.Global, [2]);
        var nothing = await delegations.RevokeChangeAsync(1, DelegationScope.ForArea(1));

        Assert.Single(heard.Events);
        Assert.Null(again.Change);
        Assert.Null(nothing.Change);
    }

    [Fact]
    public async Task DelegatingToNobodyIsRefusedInFavourOfABlockAndChangesNothing()
    {
        var refused = await Assert.ThrowsAsync<DomainException>(() => delegations.DelegateAsync(1, DelegationScope.Global, []));

        Assert.Equal(DomainErrors.NoDelegates, refused.Code);
        Assert.Equal("delegates", refused.Field);
        Assert.Contains($"1 to {DelegationService.MaxDelegates}", refused.Message, StringComparison.Ordinal);
        Assert.Empty(heard.Events);
        using var connection = temp.Database.Open();
        Assert.Equal(0, connection.ExecuteScalar<long>("SELECT count(*) FROM event_log"));
    }

    [Fact]
    public async Task AnotherInstanceReadsEachDelegationEntryAsTheWriterPublishedIt()
    {
        await delegations.DelegateAsync(1, DelegationScope.Global, [2, 3]);
        await delegations.DelegateAsync(1, DelegationScope.Global, [4]);
        await delegations.BlockAsync(2, DelegationScope.ForArea(1));

        using var connection = temp.Database.Open();
        var entries = connection.Query<(long Seq, long At, long? ActorId, string Type, string Payload)>(
            "SELECT seq, at, actor_id, type, payload FROM event_log ORDER BY seq").ToList();
        var last = entries[^1];
        var lastButOne = entries[^2];

        // The follower reads the log after the fact, with the member's delegations as they are then.
        var followed = EventTranslator.Translate(new LoggedEvent(last.Seq, last.At, last.ActorId, last.Type, last.Payload), DelegationStore.History(connection, 2));
        var followedChange = EventTranslator.Translate(new LoggedEvent(lastButOne.Seq, lastButOne.At, lastButOne.ActorId, lastButOne.Type, lastButOne.Payload), DelegationStore.History(connection, 1));

        AssertSame((DelegationChanged)heard.Events[^1], Assert.IsType<DelegationChanged>(Assert.Single(followed)));
        AssertSame((DelegationChanged)heard.Events[^2], Assert.IsType<DelegationChanged>(Assert.Single(followedChange)));
        Assert.Equal(DelegationChangeKind.Blocked, ((DelegationChanged)heard.Events[^1]).Kind);
    }

    private static void AssertSame(DelegationChanged published, DelegationChanged followed)
    {
        Assert.Equal(published.Kind, followed.Kind);
        Assert.Equal(published.MemberId, followed.MemberId);
        Assert.Equal(published.Scope, followed.Scope);
        Assert.Equal(published.Concerned.Order(), followed.Concerned.Order());
        Assert.Equal(published.Delegation?.Id, followed.Delegation?.Id);
        Assert.Equal(published.At, followed.At);
    }

    private sealed class Heard : IDomainEventPublisher
    {
        public List<DomainEvent> Events { get; } = [];

        public void Publish(DomainEvent domainEvent) => Events.Add(domainEvent);
    }
}
