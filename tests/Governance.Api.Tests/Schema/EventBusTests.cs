using Governance.Api.Schema;

namespace Governance.Api.Tests.Schema;

/// <summary>The subscription event bus's queues: order, bounds and coalescing.</summary>
public sealed class EventBusTests
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(10);

    private sealed record Note(int N);

    private static async Task<List<object>> TakeAsync(IAsyncEnumerator<object> events, int count)
    {
        var taken = new List<object>();
        using var timeout = new CancellationTokenSource(Patience);
        for (var i = 0; i < count; i++)
        {
            Assert.True(await events.MoveNextAsync().AsTask().WaitAsync(timeout.Token), "the stream ended");
            taken.Add(events.Current);
        }

        return taken;
    }

    /// <summary>
    /// A subscription that has taken a first event and is not reading: what is published next
    /// waits in its queue until the test takes it.
    /// </summary>
    private static async Task<IAsyncEnumerator<object>> SubscribedAsync(GovernanceEventBus bus, CancellationToken stop)
    {
        var events = bus.SubscribeAsync<object>(_ => true, stop).GetAsyncEnumerator(stop);
        var first = events.MoveNextAsync(); // registers the subscriber, then waits for an event
        var deadline = DateTime.UtcNow + Patience;
        while (bus.SubscriberCount == 0)
        {
            Assert.True(DateTime.UtcNow < deadline);
            await Task.Delay(5, stop);
        }

        bus.Publish("start");
        Assert.True(await first.AsTask().WaitAsync(Patience, stop));
        Assert.Equal("start", events.Current);
        return events;
    }

    [Fact]
    public async Task ChangesToTheSameProposalMergeIntoTheNewestInThePlaceOfTheFirst()
    {
        var bus = new GovernanceEventBus();
        using var stop = new CancellationTokenSource();
        await using var events = await SubscribedAsync(bus, stop.Token);
        var at = DateTimeOffset.Parse("2026-11-22T04:00:00Z", System.Globalization.CultureInfo.InvariantCulture);

        bus.Publish(new Note(0));
        bus.Publish(new ProposalChanged(1) { PublishedAt = at });
        bus.Publish(new Note(1));
        bus.Publish(new ProposalChanged(2) { PublishedAt = at });
        bus.Publish(new ProposalChanged(1) { PublishedAt = at.AddSeconds(1) });
        bus.Publish(new ProposalChanged(1) { PublishedAt = at.AddSeconds(2) });
        bus.Publish(new AgendaChanged());
        bus.Publish(new AgendaChanged());

        var taken = await TakeAsync(events, 5);
        Assert.Equal(new Note(0), taken[0]);
        Assert.Equal(new ProposalChanged(1) { PublishedAt = at.AddSeconds(2) }, taken[1]);
        Assert.Equal(new Note(1), taken[2]);
        Assert.Equal(new ProposalChanged(2) { PublishedAt = at }, taken[3]);
        Assert.IsType<AgendaChanged>(taken[4]);
        Assert.Equal(3, bus.Coalesced);
        Assert.Equal(0, bus.Dropped);

        // Once taken, a change to proposal 1 queues again rather than merging into the past.
        bus.Publish(new ProposalChanged(1) { PublishedAt = at.AddSeconds(3) });
        Assert.Equal(new ProposalChanged(1) { PublishedAt = at.AddSeconds(3) }, (await TakeAsync(events, 1))[0]);
    }

    [Fact]
    public async Task AFullQueueLosesItsOldestEventsNeverTheNewest()
    {
        var bus = new GovernanceEventBus();
        using var stop = new CancellationTokenSource();
        await using var events = await SubscribedAsync(bus, stop.Token);
        var extra = 10;
        for (var i = 0; i < GovernanceEventBus.QueueLength + extra; i++)
        {
            bus.Publish(new Note(i));
        }

        var taken = (await TakeAsync(events, GovernanceEventBus.QueueLength)).Cast<Note>().Select(n => n.N);
        Assert.Equal(Enumerable.Range(extra, GovernanceEventBus.QueueLength), taken);
        Assert.Equal(extra, bus.Dropped);
    }

    [Fact]
    public async Task ADroppedProposalChangeDoesNotSwallowTheNextOne()
    {
        var bus = new GovernanceEventBus();
        using var stop = new CancellationTokenSource();
        await using var events = await SubscribedAsync(bus, stop.Token);
        bus.Publish(new ProposalChanged(7));
        for (var i = 0; i < GovernanceEventBus.QueueLength; i++)
        {
            bus.Publish(new Note(i)); // pushes the change to proposal 7 out
        }

        bus.Publish(new ProposalChanged(7) { PublishedAt = DateTimeOffset.UnixEpoch });
        var taken = await TakeAsync(events, GovernanceEventBus.QueueLength);
        Assert.Equal(new ProposalChanged(7) { PublishedAt = DateTimeOffset.UnixEpoch }, taken[^1]);
    }

    [Fact]
    public async Task AStateSubscriptionHearsAtMostOnceAnIntervalAndThenTheNewest()
    {
        // On a clock moved by hand: "at once" and "after the interval" are exact, whatever the machine's load.
        var time = new ManualPacingClock();
        var bus = new GovernanceEventBus { StateInterval = TimeSpan.FromSeconds(3), PacingClock = time };
        using var stop = new CancellationTokenSource();
        await using var events = bus.SubscribeToStateAsync<ProposalChanged>(_ => true, stop.Token).GetAsyncEnumerator(stop.Token);
        var first = events.MoveNextAsync();
        while (bus.SubscriberCount == 0)
        {
            await Task.Delay(5, stop.Token);
        }

        // Quiet until now: the first change goes out at once, without the clock moving.
        bus.Publish(new ProposalChanged(1) { PublishedAt = DateTimeOffset.UnixEpoch });
        Assert.True(await first.AsTask().WaitAsync(Patience, stop.Token));

        // A burst right after it: one delivery, the newest, once the interval has passed.
        var next = events.MoveNextAsync().AsTask();
        for (var i = 1; i <= 50; i++)
        {
            bus.Publish(new ProposalChanged(1) { PublishedAt = DateTimeOffset.UnixEpoch.AddSeconds(i) });
        }

        while (time.Waiting == 0)
        {
            await Task.Delay(5, stop.Token);
        }

        time.Advance(TimeSpan.FromSeconds(3) - TimeSpan.FromTicks(1));
        await Task.Delay(50, stop.Token);
        Assert.False(next.IsCompleted, "the burst was delivered before the interval had passed");

        time.Advance(TimeSpan.FromTicks(1));
        Assert.True(await next.WaitAsync(Patience, stop.Token));
        Assert.Equal(DateTimeOffset.UnixEpoch.AddSeconds(50), events.Current.PublishedAt);
        Assert.Equal(49, bus.Coalesced);
    }

    [Fact]
    public async Task EndingASubscriptionRemovesItsQueue()
    {
        var bus = new GovernanceEventBus();
        using var stop = new CancellationTokenSource();
        var events = await SubscribedAsync(bus, stop.Token);
        Assert.Equal(1, bus.SubscriberCount);
        await stop.CancelAsync();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(async () => await TakeAsync(events, 1));
        await events.DisposeAsync();
        Assert.Equal(0, bus.SubscriberCount);
    }
}
