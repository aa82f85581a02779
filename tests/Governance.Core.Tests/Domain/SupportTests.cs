using FsCheck;
using FsCheck.Fluent;
using Governance.Core.Domain;
using Governance.Core.Proposals;

namespace Governance.Core.Tests.Domain;

public sealed class SupportTests : IDisposable
{
    private readonly Organisation _org = new();

    public void Dispose() => _org.Dispose();

    private long Open(long author, string title = "A proposal") => _org.Proposals.Propose(author, _org.Housing, title, "Body").Id;

    [Fact]
    public void ALevelZeroMemberPutsOnePointPerProposalAndFourInAll()
    {
        var ann = _org.AddMember("ann");
        var proposals = Enumerable.Range(0, 5).Select(i => Open(ann, $"P{i}")).ToList();
        Refused.With(_org, DomainErrors.ProposalCapExceeded, () => _org.Support.Allocate(ann, proposals[0], 2));
        foreach (var p in proposals.Take(4))
        {
            _org.Support.Allocate(ann, p, 1);
        }

        var error = Refused.With(_org, DomainErrors.AllowanceExceeded, () => _org.Support.Allocate(ann, proposals[4], 1));
        Assert.Contains("allowance", error.Message, StringComparison.OrdinalIgnoreCase);
        _org.Support.Withdraw(ann, proposals[0]);
        Assert.Equal(4, _org.Support.Allocate(ann, proposals[4], 1).Allocated);
    }

    [Fact]
    public void AllocationsAlreadyMadeStandWhenKarmaFallsButNewOnesMustFit()
    {
        var ann = _org.AddMember("ann", 12);
        var p1 = Open(ann, "P1");
        var p2 = Open(ann, "P2");
        _org.Support.Allocate(ann, p1, 2);
        _org.Support.Allocate(ann, p2, 2);

        // 12 → 6 after 60 days: level 0, allowance 4, cap 1. The 4 points stand.
        _org.Clock.AdvanceDays(20);
        var p3 = Open(ann, "P3");
        _org.Clock.AdvanceDays(40);
        Assert.Equal(4, _org.Karma.Get(ann).Allocated);
        Refused.With(_org, DomainErrors.AllowanceExceeded, () => _org.Support.Allocate(ann, p3, 1));
        Assert.Equal(1, _org.Support.Allocate(ann, p1, 1).Points);
    }

    [Fact]
    public void SupportingAProposalThatIsNotOpenIsRefused()
    {
        var ann = _org.AddMember("ann", 45);
        var p = Open(ann);
        _org.Proposals.Withdraw(ann, p);
        Refused.With(_org, DomainErrors.ProposalNotOpen, () => _org.Support.Allocate(ann, p, 1));
        Refused.With(_org, DomainErrors.NotFound, () => _org.Support.Allocate(ann, 999, 1));
        Refused.With(_org, DomainErrors.InvalidInput, () => _org.Support.Withdraw(ann, p));
    }

    [Fact]
    public void ConcurrentAllocationsByOneMemberNeverExceedTheAllowance()
    {
        // Ten open proposals; a level 1 member (allowance 8, cap 2) fires random allocations
        // and withdrawals from several tasks at once. Whatever the interleaving, the points in
        // use never exceed 8, and every accepted allocation is exactly what the database holds.
        var author = _org.AddMember("author");
        var proposals = Enumerable.Range(0, 10).Select(i => Open(author, $"P{i}")).ToList();
        var member = _org.AddMember("racer", 15);
        var step = Gen.Choose(0, 9).Zip(Gen.Choose(0, 2));
        var property = Prop.ForAll(step.ListOf().Select(l => l.Take(24).ToArray()).ToArbitrary(), steps =>
        {
            var chunks = steps.Chunk(Math.Max(1, (steps.Length + 3) / 4)).ToList();
            var tasks = chunks.Select(chunk => Task.Run(() =>
            {
                foreach (var (proposal, points) in chunk)
                {
                    try
                    {
                        if (points == 0)
                        {
                            _org.Support.Withdraw(member, proposals[proposal]);
                        }
                        else
                        {
                            _org.Support.Allocate(member, proposals[proposal], points);
                        }
                    }
                    catch (DomainException e) when (e.Code is DomainErrors.AllowanceExceeded or DomainErrors.InvalidInput)
                    {
                        // Refused as it should be when it would not fit (or there was nothing to withdraw).
                    }
                }
            })).ToArray();
            Task.WaitAll(tasks);
            var allocated = _org.Karma.Get(member).Allocated;
            var score = proposals.Sum(p => _org.Proposals.Get(p).Score);
            return allocated <= 8 && allocated == score;
        });
        Check.One(Config.QuickThrowOnFailure.WithMaxTest(25), property);
    }

    [Fact]
    public void TwoSimultaneousAllocationsThatFitOnlyAloneNeverBothSucceed()
    {
        var author = _org.AddMember("author");
        var p1 = Open(author, "P1");
        var p2 = Open(author, "P2");
        var member = _org.AddMember("racer");
        _org.Support.Allocate(member, Open(author, "P3"), 1);
        _org.Support.Allocate(member, Open(author, "P4"), 1);
        _org.Support.Allocate(member, Open(author, "P5"), 1);
        var outcomes = new[] { p1, p2 }.AsParallel().Select(p =>
        {
            try
            {
                _org.Support.Allocate(member, p, 1);
                return true;
            }
            catch (DomainException e) when (e.Code == DomainErrors.AllowanceExceeded)
            {
                return false;
            }
        }).ToList();
        Assert.Single(outcomes, o => o);
        Assert.Equal(4, _org.Karma.Get(member).Allocated);
    }
}
