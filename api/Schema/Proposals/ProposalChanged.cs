using ProposalRow = Governance.Api.Schema.Data.ProposalRow;

namespace Governance.Api.Schema;

/// <summary>
/// Published after a command changed a proposal (its support, status, text or votes) committed.
/// Every subscriber reads the proposal afresh on it; the read is shared: the first one to need
/// it (or the mutation, which already read the committed row for its payload) does it for all,
/// so a vote watched by 150 sockets costs one read, not 150. Subscribers behind on the same
/// proposal coalesce to the newest event (<see cref="ICoalescingEvent"/>).
/// </summary>
public sealed record ProposalChanged(long ProposalId) : ICoalescingEvent
{
    private Task<ProposalRow?>? _row;
    private Task<Governance.Core.Delegation.Tally?>? _tally;

    /// <summary>When the change committed (the command's clock, or the event log entry's time from another instance).</summary>
    public DateTimeOffset PublishedAt { get; init; } = DateTimeOffset.UtcNow;

    object ICoalescingEvent.CoalesceKey => (typeof(ProposalChanged), ProposalId);

    /// <summary>The row as read once after the change committed (by the command's resolver, for its payload).</summary>
    internal ProposalChanged WithRow(ProposalRow? row)
    {
        _row = Task.FromResult(row);
        return this;
    }

    /// <summary>
    /// The proposal as committed, read at most once per event whoever asks. The read is not
    /// tied to any one subscriber's cancellation: the others share it.
    /// </summary>
    internal Task<ProposalRow?> RowAsync(Data.GovernanceReads reads)
    {
        if (Volatile.Read(ref _row) is { } row)
        {
            return row;
        }

        var read = ReadAsync(reads, ProposalId);
        return Interlocked.CompareExchange(ref _row, read, null) ?? read;
    }

    /// <summary>
    /// The tally visible after the change (null while it is hidden), worked out at most once
    /// per event for all the proposal's <c>tallyChanged</c> watchers: at a vote's close each
    /// of them would otherwise read and parse the stored result for itself.
    /// </summary>
    internal Task<Governance.Core.Delegation.Tally?> TallyAsync(Func<Task<Governance.Core.Delegation.Tally?>> compute)
    {
        if (Volatile.Read(ref _tally) is { } existing)
        {
            return existing;
        }

        var mine = new TaskCompletionSource<Governance.Core.Delegation.Tally?>(TaskCreationOptions.RunContinuationsAsynchronously);
        if (Interlocked.CompareExchange(ref _tally, mine.Task, null) is { } theirs)
        {
            return theirs;
        }

        _ = Run();
        return mine.Task;

        async Task Run()
        {
            try
            {
                mine.SetResult(await compute().ConfigureAwait(false));
            }
            catch (Exception e)
            {
                mine.SetException(e);
            }
        }
    }

    private static async Task<ProposalRow?> ReadAsync(Data.GovernanceReads reads, long id) =>
        (await reads.ProposalsAsync([id], CancellationToken.None).ConfigureAwait(false)).GetValueOrDefault(id);

    public bool Equals(ProposalChanged? other) => other is not null && other.ProposalId == ProposalId && other.PublishedAt == PublishedAt;

    public override int GetHashCode() => HashCode.Combine(ProposalId, PublishedAt);
}

/// <summary>Published after a command that may have changed the agenda queue committed.</summary>
public sealed record AgendaChanged : ICoalescingEvent
{
    object ICoalescingEvent.CoalesceKey => typeof(AgendaChanged);
}

/// <summary>Published after a clock pass committed transitions (expiries, votes opening or closing, promotions, draws).</summary>
public sealed record ClockAdvanced(Governance.Core.Clock.ClockReport Report);
