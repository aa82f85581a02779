using Dapper;
using Governance.Core.Delegation;
using Governance.Core.Domain;
using Governance.Core.Proposals;

namespace Governance.Core.Tests.Domain;

/// <summary>Every path of DESIGN §5's diagram, driven by a manual clock.</summary>
public sealed class ProposalLifeCycleTests : IDisposable
{
    private readonly Organisation _org = new();
    private readonly long _author;
    private readonly IReadOnlyList<long> _backers;

    public ProposalLifeCycleTests()
    {
        _author = _org.AddMember("author", 30);

        // Level 3 members (cap 8, allowance 32): three at 4 points reach the quorum of 10.
        _backers = _org.AddMembers(6, karma: 45, prefix: "backer");
    }

    public void Dispose() => _org.Dispose();

    private long Open(string title = "Build more housing") => _org.Proposals.Propose(_author, _org.Housing, title, "We should.").Id;

    private void BubbleUp(long proposal)
    {
        foreach (var b in _backers.Take(3))
        {
            _org.Support.Allocate(b, proposal, 4);
        }
    }

    [Fact]
    public void SupportReachingQuorumBubblesUpReleasesThePointsAndRewardsEarlySupporters()
    {
        var p = Open();
        var before = _backers.Select(_org.StoredKarma).ToList();
        _org.Support.Allocate(_backers[0], p, 4);
        _org.Support.Allocate(_backers[1], p, 4);
        Assert.Equal(ProposalStatus.Open, _org.Status(p));
        var third = _org.Support.Allocate(_backers[2], p, 4);

        Assert.Equal(ProposalStatus.OnAgenda, third.ProposalStatus);
        Assert.Equal(0, _org.Karma.Get(_backers[0]).Allocated);
        Assert.Single(_org.Moderation.Queue(), q => q.Id == p);

        // The first two came while the score was below half the quorum (5); the third did not.
        Assert.Equal(before[0] + 1, _org.StoredKarma(_backers[0]), 6);
        Assert.Equal(before[1] + 1, _org.StoredKarma(_backers[1]), 6);
        Assert.Equal(before[2], _org.StoredKarma(_backers[2]), 6);
    }

    [Fact]
    public void TooFewSupportersKeepAProposalOpenWhateverItsScore()
    {
        var p = Open();
        _org.Support.Allocate(_backers[0], p, 8);
        _org.Support.Allocate(_backers[1], p, 8);
        Assert.Equal(16, _org.Proposals.Get(p).Score);
        Assert.Equal(ProposalStatus.Open, _org.Status(p));
    }

    [Fact]
    public void AScheduledProposalIsDiscussedThenVotedThenAcceptedWithARecountableResult()
    {
        var p = Open();
        BubbleUp(p);
        var scheduled = _org.Moderation.Schedule(_org.Moderator, p, "Ready for a vote");
        Assert.Equal(ProposalStatus.Scheduled, scheduled.Status);
        Assert.Equal(Organisation.Start.AddDays(7), scheduled.VotingStartsAt);

        Refused.With(_org, DomainErrors.OutsideVotingWindow, () => _org.Votes.Cast(_backers[0], p, VoteChoice.Yes));
        _org.Clock.AdvanceDays(7);
        Assert.Equal(1, _org.Ticker.RunDue(_org.Clock.GetUtcNow()).VotingOpened);
        Assert.Equal(ProposalStatus.Voting, _org.Status(p));

        // backer4 and backer5 delegate to backer0: backer0 carries 3.
        _org.Delegate(_backers[4], _backers[0]);
        _org.Delegate(_backers[5], _backers[0]);
        _org.Votes.Cast(_backers[0], p, VoteChoice.No);
        _org.Votes.Cast(_backers[0], p, VoteChoice.Yes);
        _org.Votes.Cast(_backers[1], p, VoteChoice.No);
        Assert.Equal(VoteChoice.Yes, _org.Votes.MyVote(_backers[0], p));
        Assert.Null(_org.Votes.Result(p));
        Assert.Null(_org.Votes.StoredTally(p));
        Assert.Empty(_org.Votes.PublicBallots(p));

        _org.Clock.AdvanceDays(7);
        Assert.Equal(1, _org.Ticker.RunDue(_org.Clock.GetUtcNow()).VotingClosed);
        Assert.Equal(ProposalStatus.Accepted, _org.Status(p));
        var result = _org.Votes.Result(p)!;
        Assert.True(result.Passed);
        Assert.Equal(3.0, result.Yes);
        Assert.Equal(1.0, result.No);

        // The stored snapshot recounts to the stored tally, byte for byte.
        using var output = new StringWriter();
        Assert.Equal(0, Governance.Core.Delegation.Recount.Recount.Run(new StringReader(result.SnapshotJson), output, TextWriter.Null));
        Assert.Equal(result.TallyJson, output.ToString());
        Assert.Equal(result.TallyJson, _org.Votes.StoredTally(p)); // the tally alone, as the API reads it

        // delegates-public: backer0 carries others' weight, backer1 only their own.
        var ballot = Assert.Single(_org.Votes.PublicBallots(p));
        Assert.Equal(_backers[0], ballot.MemberId);

        // Results are immutable, and voting after the close is refused.
        Assert.ThrowsAny<System.Data.Common.DbException>(() => _org.Db.Execute("UPDATE proposal_results SET passed = 0"));
        Refused.With(_org, DomainErrors.OutsideVotingWindow, () => _org.Votes.Cast(_backers[2], p, VoteChoice.No));
    }

    [Fact]
    public void AVoteThatMissesItsQuorumIsRejected()
    {
        // Forty members who have not acted for 100 days: they count towards the vote's
        // eligible weight but not towards the agenda's quorum (only active members do).
        _org.AddMembers(40, prefix: "quiet");
        _org.Db.Execute("UPDATE members SET last_active_at = @at WHERE handle LIKE 'quiet%'",
            new { at = Organisation.Start.AddDays(-100).ToUnixTimeMilliseconds() });
        var p = Open();
        BubbleUp(p);
        _org.Moderation.Schedule(_org.Moderator, p, "Ready");
        _org.Clock.AdvanceDays(7);
        _org.Ticker.RunDue(_org.Clock.GetUtcNow());
        _org.Votes.Cast(_backers[0], p, VoteChoice.Yes);
        _org.Clock.AdvanceDays(7);
        _org.Ticker.RunDue(_org.Clock.GetUtcNow());

        var result = _org.Votes.Result(p)!;
        Assert.False(result.QuorumReached);
        Assert.False(result.Passed);
        Assert.Equal(ProposalStatus.Rejected, _org.Status(p));
    }

    [Fact]
    public void ASupermajorityPolicyRejectsASimpleMajority()
    {
        _org.Policies.Set(_org.Admin, _org.Housing, """{"majority": 0.7}""");
        var p = Open();
        BubbleUp(p);
        _org.Moderation.Schedule(_org.Moderator, p, "Ready");
        _org.Clock.AdvanceDays(7);
        _org.Ticker.RunDue(_org.Clock.GetUtcNow());
        _org.Votes.Cast(_backers[0], p, VoteChoice.Yes);
        _org.Votes.Cast(_backers[1], p, VoteChoice.Yes);
        _org.Votes.Cast(_backers[2], p, VoteChoice.No);
        _org.Clock.AdvanceDays(7);
        _org.Ticker.RunDue(_org.Clock.GetUtcNow());

        Assert.True(_org.Votes.Result(p)!.QuorumReached);
        Assert.Equal(ProposalStatus.Rejected, _org.Status(p));
    }

    [Fact]
    public void AnOpenProposalExpiresAfterThirtyDaysAndReleasesItsPoints()
    {
        var p = Open();
        _org.Support.Allocate(_backers[0], p, 4);
        _org.Clock.AdvanceDays(29.9);
        Assert.Equal(0, _org.Ticker.RunDue(_org.Clock.GetUtcNow()).Expired);
        _org.Clock.AdvanceDays(0.1);
        Assert.Equal(1, _org.Ticker.RunDue(_org.Clock.GetUtcNow()).Expired);

        Assert.Equal(ProposalStatus.Expired, _org.Status(p));
        Assert.Equal(0, _org.Karma.Get(_backers[0]).Allocated);
        Refused.With(_org, DomainErrors.ProposalNotOpen, () => _org.Support.Allocate(_backers[1], p, 1));
    }

    [Fact]
    public void OnlyTheAuthorWithdrawsAnOpenProposalAndItsPointsAreReleased()
    {
        var p = Open();
        _org.Support.Allocate(_backers[0], p, 4);
        Refused.With(_org, DomainErrors.NotAllowed, () => _org.Proposals.Withdraw(_backers[0], p));

        Assert.Equal(ProposalStatus.Withdrawn, _org.Proposals.Withdraw(_author, p).Status);
        Assert.Equal(0, _org.Karma.Get(_backers[0]).Allocated);
        Refused.With(_org, DomainErrors.ProposalNotOpen, () => _org.Proposals.Withdraw(_author, p));
    }

    [Fact]
    public void AReturnedProposalIsOpenAgainWithItsSupportKept()
    {
        var p = Open();
        BubbleUp(p);
        var returned = _org.Moderation.Return(_org.Moderator, p, "Needs costings");

        Assert.Equal(ProposalStatus.Open, returned.Status);
        Assert.Equal(12, returned.Score);
        Assert.Equal(4, _org.Karma.Get(_backers[0]).Allocated);
        var history = _org.Proposals.History(p);
        Assert.Contains(history, h => h.Status == ProposalStatus.Open && h.Reason == "Needs costings" && h.ActorId == _org.Moderator);
    }

    [Fact]
    public void AReturnedProposalStaysOffTheAgendaUntilItsAuthorEditsIt()
    {
        var p = Open();
        BubbleUp(p);
        _org.Moderation.Return(_org.Moderator, p, "Needs costings");
        Assert.NotNull(_org.Proposals.ReworkUntil(p));

        // Its kept support still reaches the quorum, and more arrives: neither the clock's
        // agenda check nor new support carries it back before an edit.
        _org.Clock.Advance(TimeSpan.FromMinutes(1));
        _org.Ticker.RunDue(_org.Clock.GetUtcNow());
        _org.Support.Allocate(_backers[3], p, 4);
        Assert.Equal(ProposalStatus.Open, _org.Status(p));
        Assert.DoesNotContain(_org.Moderation.Queue(), q => q.Id == p);

        _org.Proposals.Edit(_author, p, null, "We should, and here is what it costs.");
        Assert.Null(_org.Proposals.ReworkUntil(p));
        _org.Support.Allocate(_backers[4], p, 4);
        Assert.Equal(ProposalStatus.OnAgenda, _org.Status(p));
    }

    [Fact]
    public void AReturnedProposalMayReachTheAgendaAgainAfterThePolicysCoolDown()
    {
        var p = Open();
        BubbleUp(p);
        _org.Moderation.Return(_org.Moderator, p, "Needs costings");
        Assert.Equal(Organisation.Start.AddDays(14), _org.Proposals.ReworkUntil(p));

        _org.Clock.AdvanceDays(14);
        Assert.Null(_org.Proposals.ReworkUntil(p));
        _org.Ticker.RunDue(_org.Clock.GetUtcNow());
        Assert.Equal(ProposalStatus.OnAgenda, _org.Status(p));
    }

    [Fact]
    public void AModeratorsReasonLongerThanAThousandCharactersIsRefusedNamingTheField()
    {
        var p = Open();
        BubbleUp(p);
        var error = Refused.With(_org, DomainErrors.InvalidInput, () => _org.Moderation.Return(_org.Moderator, p, new string('x', 1_001)));
        Assert.Equal("reason", error.Field);
        Assert.Contains("1000", error.Message, StringComparison.Ordinal);
        Assert.Equal(ProposalStatus.Open, _org.Moderation.Return(_org.Moderator, p, new string('x', 1_000)).Status);
    }

    [Fact]
    public void AProposalTextLongerThanAHundredThousandCharactersIsRefusedNamingTheField()
    {
        var error = Assert.Throws<DomainException>(() => _org.Proposals.Propose(_author, _org.Housing, "Long", new string('x', 100_001)));
        Assert.Equal("body", error.Field);
        var p = Open();
        var before = _org.Fingerprint();
        error = Assert.Throws<DomainException>(() => _org.Proposals.Edit(_author, p, null, new string('x', 100_001)));
        Assert.Equal("body", error.Field);
        Assert.Equal(before, _org.Fingerprint());
        Assert.Equal(100_000, _org.Proposals.Edit(_author, p, null, new string('x', 100_000)).Body.Length);
    }

    [Fact]
    public void AMergedProposalsSupportMovesToTheProposalItWasMergedInto()
    {
        var target = Open("Social housing");
        _org.Support.Allocate(_backers[0], target, 2);
        var p = Open("More social housing");
        BubbleUp(p);

        var merged = _org.Moderation.Merge(_org.Moderator, p, target, "Same idea as the social housing proposal");
        Assert.Equal(ProposalStatus.Merged, merged.Status);
        Assert.Equal(target, merged.MergedIntoId);

        // backer0 had 2 there already and brings 4 more (6, within the level 3 cap of 8), the
        // others 4 each: 14 points from 3 supporters carry the target onto the agenda.
        var payload = _org.Db.ExecuteScalar<string>("SELECT payload FROM event_log WHERE type = 'proposal.merged'")!;
        var moved = System.Text.Json.JsonDocument.Parse(payload).RootElement.GetProperty("supportMoved").GetInt64();
        Assert.Equal(12, moved);
        Assert.Equal(ProposalStatus.OnAgenda, _org.Status(target));
        Refused.With(_org, DomainErrors.NotInQueue, () => _org.Moderation.Merge(_org.Moderator, p, target, "again"));
    }

    [Fact]
    public void DecliningAsAbuseCostsTheAuthorTenKarmaAndAnAppealPutsItBackOnTheAgendaToBeScheduled()
    {
        var p = Open();
        BubbleUp(p);
        var authorBefore = _org.StoredKarma(_author);
        var declined = _org.Moderation.Decline(_org.Moderator, p, "Advertising", abuse: true);
        Assert.Equal(ProposalStatus.Declined, declined.Status);
        Assert.Equal(authorBefore - 10, _org.StoredKarma(_author), 6);
        Assert.Contains(_org.Proposals.History(p), h => h.Status == ProposalStatus.Declined && h.Reason!.Contains("Advertising", StringComparison.Ordinal));

        // The appeal needs twice the quorum: 2 × 10.4 (5 % of 208 allowance points) = 20.8.
        foreach (var b in _backers.Take(5))
        {
            _org.Support.Allocate(b, p, 4);
        }

        Assert.Equal(ProposalStatus.Declined, _org.Status(p));
        _org.Support.Allocate(_backers[5], p, 4);
        Assert.Equal(ProposalStatus.OnAgenda, _org.Status(p));
        Assert.True(_org.Proposals.Get(p).MustSchedule);

        Refused.With(_org, DomainErrors.MustBeScheduled, () => _org.Moderation.Return(_org.Moderator, p, "Still advertising"));
        Refused.With(_org, DomainErrors.MustBeScheduled, () => _org.Moderation.Decline(_org.Moderator, p, "Still advertising"));
        Assert.Equal(ProposalStatus.Scheduled, _org.Moderation.Schedule(_org.Moderator, p, "Appeal upheld").Status);
    }

    [Fact]
    public void AnAppealWindowClosesAfterFourteenDaysAndReleasesItsSupport()
    {
        var p = Open();
        BubbleUp(p);
        _org.Moderation.Decline(_org.Moderator, p, "Out of scope");
        _org.Support.Allocate(_backers[0], p, 4);
        _org.Clock.AdvanceDays(14);

        Assert.Equal(1, _org.Ticker.RunDue(_org.Clock.GetUtcNow()).AppealsClosed);
        Assert.Equal(0, _org.Karma.Get(_backers[0]).Allocated);
        Refused.With(_org, DomainErrors.ProposalNotOpen, () => _org.Support.Allocate(_backers[1], p, 4));
        Assert.Equal(ProposalStatus.Declined, _org.Status(p));
    }

    [Fact]
    public void ModeratorCommandsAreRefusedWithoutAReasonOffTheQueueOrFromANonModerator()
    {
        var p = Open();
        Refused.With(_org, DomainErrors.NotInQueue, () => _org.Moderation.Schedule(_org.Moderator, p, "Ready"));
        BubbleUp(p);
        Refused.With(_org, DomainErrors.ReasonRequired, () => _org.Moderation.Decline(_org.Moderator, p, "  "));
        Refused.With(_org, DomainErrors.NotAllowed, () => _org.Moderation.Schedule(_author, p, "Ready"));
        Refused.With(_org, DomainErrors.InvalidInput, () => _org.Moderation.Schedule(_org.Moderator, p, "Ready", Organisation.Start.AddDays(-1)));
        Refused.With(_org, DomainErrors.InvalidInput, () => _org.Moderation.Merge(_org.Moderator, p, p, "Itself"));
    }

    [Fact]
    public void TheOpenListIsRankedHotSoFreshSupportBeatsOldSupport()
    {
        var old = Open("Old");
        _org.Support.Allocate(_backers[0], old, 2);
        _org.Clock.AdvanceDays(2);
        var fresh = Open("Fresh");
        _org.Support.Allocate(_backers[1], fresh, 2);

        var ranked = _org.Proposals.Hot();
        Assert.Equal([fresh, old], ranked.Select(r => r.Proposal.Id));
        Assert.True(ranked[0].Hot > ranked[1].Hot);
    }
}
