using Dapper;
using Governance.Core.Delegation;
using Governance.Core.Domain;
using Governance.Core.Proposals;

namespace Governance.Core.Tests.Domain;

/// <summary>Refused commands that the other suites do not already cover; each leaves the database as it was.</summary>
public sealed class BadInputTests : IDisposable
{
    private readonly Organisation _org = new();

    public void Dispose() => _org.Dispose();

    [Fact]
    public void AProposalNeedsATitleOfOneToTwoHundredCharactersAKnownAreaAndAKnownAuthor()
    {
        var ann = _org.AddMember("ann");
        Refused.With(_org, DomainErrors.InvalidInput, () => _org.Proposals.Propose(ann, _org.Housing, "   ", "body"));
        Refused.With(_org, DomainErrors.InvalidInput, () => _org.Proposals.Propose(ann, _org.Housing, new string('x', 201), "body"));
        Refused.With(_org, DomainErrors.NotFound, () => _org.Proposals.Propose(ann, 999, "Title", "body"));
        Refused.With(_org, DomainErrors.NotFound, () => _org.Proposals.Propose(999, _org.Housing, "Title", "body"));
    }

    [Fact]
    public void AMemberWhoseVotingRightIsSuspendedCannotVote()
    {
        var backers = _org.AddMembers(3, karma: 45, prefix: "b");
        var p = _org.Proposals.Propose(backers[0], _org.Housing, "Title", "body").Id;
        foreach (var b in backers)
        {
            _org.Support.Allocate(b, p, 4);
        }

        _org.Moderation.Schedule(_org.Moderator, p, "Ready");
        _org.Clock.AdvanceDays(7);
        _org.Ticker.RunDue(_org.Clock.GetUtcNow());
        _org.Db.Execute("UPDATE members SET voting_right = 0 WHERE id = @id", new { id = backers[1] });

        Refused.With(_org, DomainErrors.NoVotingRight, () => _org.Votes.Cast(backers[1], p, VoteChoice.Yes));
        Refused.With(_org, DomainErrors.InvalidInput, () => _org.Votes.Cast(backers[0], p, (VoteChoice)9));
        _org.Votes.Cast(backers[0], p, VoteChoice.Abstain);
        Assert.Equal(VoteChoice.Abstain, _org.Votes.MyVote(backers[0], p));
    }

    [Fact]
    public void EndorsingAnUnknownMemberOrSupportingWithZeroPointsIsRefused()
    {
        var ann = _org.AddMember("ann", 20);
        var p = _org.Proposals.Propose(ann, _org.Housing, "Title", "body").Id;
        Refused.With(_org, DomainErrors.NotFound, () => _org.Karma.Endorse(ann, 999));
        Refused.With(_org, DomainErrors.NotFound, () => _org.Karma.Get(999));
        Refused.With(_org, DomainErrors.InvalidInput, () => _org.Support.Allocate(ann, p, 0));
    }

    [Fact]
    public void AnOpenProposalReachesTheAgendaOnTheClockWhenTheQuorumFallsBeneathItsScore()
    {
        // Thirty active level 3 members raise the quorum to 0.05 × 32 × 33 ≈ 53; three
        // supporters at 8 points (24) do not reach it until the others fall inactive.
        var backers = _org.AddMembers(3, karma: 45, prefix: "b");
        _org.AddMembers(30, karma: 45, prefix: "crowd");
        var p = _org.Proposals.Propose(backers[0], _org.Housing, "Title", "body").Id;
        foreach (var b in backers)
        {
            _org.Support.Allocate(b, p, 8);
        }

        Assert.Equal(ProposalStatus.Open, _org.Status(p));
        _org.Db.Execute("UPDATE members SET last_active_at = @at WHERE handle LIKE 'crowd%'",
            new { at = Organisation.Start.AddDays(-100).ToUnixTimeMilliseconds() });
        Assert.Equal(1, _org.Ticker.RunDue(_org.Clock.GetUtcNow()).Promoted);
        Assert.Equal(ProposalStatus.OnAgenda, _org.Status(p));
    }
}
