using System.Runtime.CompilerServices;

namespace Governance.Api.Schema;

/// <summary>
/// An event that says "this thing changed, read it again" rather than carrying a change of its
/// own: a subscriber that has one waiting for the same <see cref="CoalesceKey"/> keeps a single
/// one, the newest, in the place of the first. A watcher that falls behind during a burst (the
/// night of a vote: one <see cref="ProposalChanged"/> per vote) then catches up on the latest
/// state in one step instead of working through, or losing, the intermediate ones.
/// </summary>
public interface ICoalescingEvent
{
    object CoalesceKey { get; }
}

/// <summary>
/// The in-process event bus behind subscriptions: commands publish after their transaction
/// committed, each subscriber gets its own bounded queue (a slow client loses its oldest
/// events, never slows a writer; <see cref="ICoalescingEvent"/>s for the same thing merge
/// instead), state subscriptions are paced (<see cref="StateInterval"/>), and a subscription
/// ends when its client goes away.
/// </summary>
public sealed class GovernanceEventBus
{
    internal const int QueueLength = 256;
    private readonly Lock _lock = new();
    private Subscriber[] _subscribers = [];
    private long _dropped;
    private long _coalesced;

    public void Publish(object message)
    {
        ArgumentNullException.ThrowIfNull(message);
        foreach (var subscriber in Volatile.Read(ref _subscribers))
        {
            switch (subscriber.Offer(message))
            {
                case Offered.DroppedOldest:
                    Interlocked.Increment(ref _dropped);
                    break;
                case Offered.Coalesced:
                    Interlocked.Increment(ref _coalesced);
                    break;
            }
        }
    }

    /// <summary>The events of type <typeparamref name="T"/> that <paramref name="filter"/> accepts, from now on.</summary>
    public IAsyncEnumerable<T> SubscribeAsync<T>(Func<T, bool> filter, CancellationToken cancellationToken) =>
        ListenAsync(filter, TimeSpan.Zero, cancellationToken);

    /// <summary>
    /// <see cref="SubscribeAsync{T}"/> that yields <paramref name="first"/> as soon as the
    /// subscription is registered, before any event: a subscriber that reads the current state
    /// on <paramref name="first"/> misses no change between that read and its first event.
    /// </summary>
    public IAsyncEnumerable<T> SubscribeAsync<T>(Func<T, bool> filter, T first, CancellationToken cancellationToken) =>
        ListenAsync(filter, TimeSpan.Zero, cancellationToken, first);

    /// <summary>
    /// The shortest time between two deliveries of a state subscription (proposal, tally,
    /// agenda): changes that come faster coalesce into the newest, so a burst of votes costs
    /// each watcher at most one read-and-send per interval instead of one per vote.
    /// Configuration: Subscriptions:StateIntervalMilliseconds (default 100; 0 turns it off).
    /// </summary>
    public TimeSpan StateInterval { get; init; } = TimeSpan.FromMilliseconds(100);

    /// <summary>
    /// The clock that paces state subscriptions: real time by default, not the domain clock
    /// (this paces CPU and sockets, not governance, and a frozen domain clock must not stop
    /// subscriptions); a test moves it by hand.
    /// </summary>
    public TimeProvider PacingClock { get; init; } = TimeProvider.System;

    /// <summary>
    /// <see cref="SubscribeAsync{T}"/> paced by <see cref="StateInterval"/>: an event goes out
    /// at once when the subscriber has been quiet that long; otherwise the next is taken only
    /// once the interval has passed, while coalescing events (<see cref="ICoalescingEvent"/>)
    /// merge in the queue meanwhile.
    /// </summary>
    public IAsyncEnumerable<T> SubscribeToStateAsync<T>(Func<T, bool> filter, CancellationToken cancellationToken) =>
        ListenAsync(filter, StateInterval, cancellationToken);

    private async IAsyncEnumerable<T> ListenAsync<T>(Func<T, bool> filter, TimeSpan interval, [EnumeratorCancellation] CancellationToken cancellationToken, T? first = default)
    {
        ArgumentNullException.ThrowIfNull(filter);
        var subscriber = new Subscriber(m => m is T t && filter(t));
        lock (_lock)
        {
            _subscribers = [.. _subscribers, subscriber];
        }

        try
        {
            if (first is not null)
            {
                yield return first;
            }

            long? delivered = null;
            while (true)
            {
                if (delivered is { } at && interval - PacingClock.GetElapsedTime(at) is { Ticks: > 0 } wait)
                {
                    await Task.Delay(wait, PacingClock, cancellationToken).ConfigureAwait(false);
                }

                var message = (T)await subscriber.TakeAsync(cancellationToken).ConfigureAwait(false);
                yield return message;
                delivered = PacingClock.GetTimestamp();
            }
        }
        finally
        {
            lock (_lock)
            {
                _subscribers = [.. _subscribers.Where(s => s != subscriber)];
            }
        }
    }

    /// <summary>How many subscriptions are listening; tests wait for theirs to start.</summary>
    public int SubscriberCount => Volatile.Read(ref _subscribers).Length;

    /// <summary>Events a full queue pushed out since start (a subscriber 256 events behind).</summary>
    public long Dropped => Interlocked.Read(ref _dropped);

    /// <summary>Events merged into a waiting one for the same thing since start.</summary>
    public long Coalesced => Interlocked.Read(ref _coalesced);

    internal enum Offered
    {
        Ignored,
        Queued,
        Coalesced,
        DroppedOldest,
    }

    /// <summary>One subscription's queue: FIFO, bounded, merging coalescing events in place.</summary>
    internal sealed class Subscriber(Func<object, bool> accepts)
    {
        private readonly Lock _lock = new();
        private readonly LinkedList<object> _queue = new();
        private readonly Dictionary<object, LinkedListNode<object>> _waiting = [];
        private TaskCompletionSource? _reader;

        public Offered Offer(object message)
        {
            if (!accepts(message))
            {
                return Offered.Ignored;
            }

            TaskCompletionSource? wake;
            var outcome = Offered.Queued;
            lock (_lock)
            {
                if (message is ICoalescingEvent coalescing && _waiting.TryGetValue(coalescing.CoalesceKey, out var node))
                {
                    node.Value = message;
                    return Offered.Coalesced;
                }

                if (_queue.Count >= QueueLength)
                {
                    Forget(_queue.First!);
                    outcome = Offered.DroppedOldest;
                }

                var added = _queue.AddLast(message);
                if (message is ICoalescingEvent c)
                {
                    _waiting[c.CoalesceKey] = added;
                }

                wake = _reader;
                _reader = null;
            }

            wake?.TrySetResult();
            return outcome;
        }

        public async ValueTask<object> TakeAsync(CancellationToken cancellationToken)
        {
            while (true)
            {
                Task waiting;
                lock (_lock)
                {
                    if (_queue.First is { } first)
                    {
                        Forget(first);
                        return first.Value;
                    }

                    _reader ??= new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
                    waiting = _reader.Task;
                }

                await waiting.WaitAsync(cancellationToken).ConfigureAwait(false);
            }
        }

        private void Forget(LinkedListNode<object> node)
        {
            _queue.Remove(node);
            if (node.Value is ICoalescingEvent c && _waiting.TryGetValue(c.CoalesceKey, out var held) && held == node)
            {
                _waiting.Remove(c.CoalesceKey);
            }
        }
    }
}
