using Governance.Core.Events;
using ProposalRow = Governance.Api.Schema.Data.ProposalRow;

namespace Governance.Api.Schema;

/// <summary>
/// The api's side of <see cref="IDomainEventPublisher"/>: turns the domain events of committed
/// commands (made here, or followed from another instance) into what subscriptions listen to on
/// the <see cref="GovernanceEventBus"/>. Events no subscription follows are dropped here.
/// </summary>
public sealed class GovernanceEventPublisher(GovernanceEventBus bus) : IDomainEventPublisher
{
    private static readonly AsyncLocal<Holding?> Held = new();

    public void Publish(DomainEvent domainEvent)
    {
        ArgumentNullException.ThrowIfNull(domainEvent);
        foreach (var message in Messages(domainEvent))
        {
            if (Held.Value is { Released: false } holding)
            {
                holding.Messages.Add(message);
            }
            else
            {
                bus.Publish(message);
            }
        }
    }

    /// <summary>
    /// Holds back what the commands run from here on (in this request) publish until
    /// <see cref="Holding.Release"/>: a mutation that reads the committed proposal for its
    /// payload hands that row on with the event, so its watchers need not read it again.
    /// </summary>
    public Holding Hold()
    {
        var holding = new Holding(bus);
        Held.Value = holding;
        return holding;
    }

    private static IEnumerable<object> Messages(DomainEvent domainEvent)
    {
        switch (domainEvent)
        {
            case DelegationChanged delegation:
                yield return delegation;
                break;
            case ProposalOpened opened:
                yield return new ProposalChanged(opened.ProposalId) { PublishedAt = opened.At };
                break;
            case CommentChanged comment:
                yield return comment;
                break;
            case VoteCast vote:
                yield return new ProposalChanged(vote.ProposalId) { PublishedAt = vote.At };
                break;
            case ProposalUpdated updated:
                yield return new ProposalChanged(updated.ProposalId) { PublishedAt = updated.At };
                if (updated.AgendaMayHaveMoved)
                {
                    yield return new AgendaChanged();
                }

                break;
        }
    }

    /// <summary>Events held back for one request; released (or disposed) once, in the order they were published.</summary>
    public sealed class Holding(GovernanceEventBus bus) : IDisposable
    {
        internal List<object> Messages { get; } = [];

        internal bool Released { get; private set; }

        /// <summary>Publishes what was held; a change of <paramref name="row"/>'s proposal carries the row as read after the commit.</summary>
        public void Release(ProposalRow? row = null)
        {
            if (Released)
            {
                return;
            }

            Released = true;
            foreach (var message in Messages)
            {
                bus.Publish(message is ProposalChanged changed && row is not null && changed.ProposalId == row.Id ? changed.WithRow(row) : message);
            }

            Messages.Clear();
        }

        public void Dispose() => Release();
    }
}
