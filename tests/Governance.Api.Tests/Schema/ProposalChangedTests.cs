using Governance.Api.Schema;
using Governance.Core.Delegation;

namespace Governance.Api.Tests.Schema;

/// <summary>What one ProposalChanged event shares among its subscribers.</summary>
public sealed class ProposalChangedTests
{
    private static Tally Sample() => new(1, 10, 3, 3, 0, 2, 1, 0, true, true, [], []);

    [Fact]
    public async Task ManyTallyWatchersOfOneEventWorkTheTallyOutOnce()
    {
        var change = new ProposalChanged(1);
        var computed = 0;
        var release = new TaskCompletionSource();
        async Task<Tally?> Compute()
        {
            Interlocked.Increment(ref computed);
            await release.Task;
            return Sample();
        }

        // 250 watchers ask at once, as at a vote's close, while the first read is still running.
        var asks = Enumerable.Range(0, 250).Select(_ => Task.Factory.StartNew(() => change.TallyAsync(Compute), CancellationToken.None, TaskCreationOptions.None, TaskScheduler.Default)).ToList();
        var waiting = await Task.WhenAll(asks);
        release.SetResult();
        var tallies = await Task.WhenAll(waiting);

        Assert.Equal(1, computed);
        Assert.All(tallies, t => Assert.Same(tallies[0], t));
        Assert.Equal(2, tallies[0]!.Yes);

        // A later event is a later state: it works its own tally out.
        var next = new ProposalChanged(1);
        await next.TallyAsync(Compute);
        Assert.Equal(2, computed);
    }

    [Fact]
    public async Task AFailedTallyFailsEveryWatcherOfThatEventAlike()
    {
        var change = new ProposalChanged(1);
        var computed = 0;
        Task<Tally?> Fail()
        {
            Interlocked.Increment(ref computed);
            return Task.FromException<Tally?>(new InvalidOperationException("the stored result is unreadable"));
        }

        var first = await Assert.ThrowsAsync<InvalidOperationException>(() => change.TallyAsync(Fail));
        var second = await Assert.ThrowsAsync<InvalidOperationException>(() => change.TallyAsync(Fail));
        Assert.Equal("the stored result is unreadable", first.Message);
        Assert.Same(first, second);
        Assert.Equal(1, computed);
    }
}
