namespace Governance.Core.Events;

/// <summary>
/// Where command services hand their domain events after the commit (and after the live
/// engine applied the change). The api implements it over its subscription bus; core's own
/// tests and tools run with <see cref="None"/>.
/// </summary>
public interface IDomainEventPublisher
{
    public static readonly IDomainEventPublisher None = new Nobody();

    void Publish(DomainEvent domainEvent);

    private sealed class Nobody : IDomainEventPublisher
    {
        public void Publish(DomainEvent domainEvent)
        {
        }
    }
}

public static class DomainEventPublisherExtensions
{
    /// <summary>Publishes what a command logged, translated, one event per thing changed (a support that bubbled a proposal up is one change of it).</summary>
    public static void Publish(this IDomainEventPublisher publisher, IReadOnlyList<LoggedEvent> logged)
    {
        ArgumentNullException.ThrowIfNull(publisher);
        ArgumentNullException.ThrowIfNull(logged);
        foreach (var domainEvent in EventTranslator.Merge(logged.SelectMany(e => EventTranslator.Translate(e))))
        {
            publisher.Publish(domainEvent);
        }
    }
}
