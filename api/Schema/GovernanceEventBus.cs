using System.Runtime.CompilerServices;
using System.Threading.Channels;

namespace Governance.Api.Schema;

/// <summary>
/// The in-process event bus behind subscriptions: commands publish after their transaction
/// committed, each subscriber gets its own bounded queue (a slow client loses its oldest
/// events, never slows a writer), and a subscription ends when its client goes away.
/// </summary>
public sealed class GovernanceEventBus
{
    private const int QueueLength = 256;
    private readonly Lock _lock = new();
    private readonly List<Subscriber> _subscribers = [];

    public void Publish(object message)
    {
        Subscriber[] subscribers;
        lock (_lock)
        {
            subscribers = [.. _subscribers];
        }

        foreach (var subscriber in subscribers)
        {
            subscriber.Offer(message);
        }
    }

    /// <summary>The events of type <typeparamref name="T"/> that <paramref name="filter"/> accepts, from now on.</summary>
    public async IAsyncEnumerable<T> SubscribeAsync<T>(Func<T, bool> filter, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(filter);
        var subscriber = new Subscriber(m => m is T t && filter(t));
        lock (_lock)
        {
            _subscribers.Add(subscriber);
        }

        try
        {
            await foreach (var message in subscriber.Queue.Reader.ReadAllAsync(cancellationToken).ConfigureAwait(false))
            {
                yield return (T)message;
            }
        }
        finally
        {
            lock (_lock)
            {
                _subscribers.Remove(subscriber);
            }
        }
    }

    /// <summary>How many subscriptions are listening; tests wait for theirs to start.</summary>
    public int SubscriberCount
    {
        get
        {
            lock (_lock)
            {
                return _subscribers.Count;
            }
        }
    }

    private sealed class Subscriber(Func<object, bool> accepts)
    {
        public Channel<object> Queue { get; } = Channel.CreateBounded<object>(new BoundedChannelOptions(QueueLength) { FullMode = BoundedChannelFullMode.DropOldest });

        public void Offer(object message)
        {
            if (accepts(message))
            {
                Queue.Writer.TryWrite(message);
            }
        }
    }
}
