using Governance.Core.Delegation;
using Governance.Core.Proposals;
using Governance.GraphQL.Execution;
using Governance.GraphQL.Relay;
using Governance.GraphQL.Types;
using ProposalRow = Governance.Api.Schema.Data.ProposalRow;

namespace Governance.Api.Schema;

/// <summary>
/// What a member needs to act on a proposal in time: its ballots, its voting window, its
/// expiry and agenda target. Proposal.ballots: the votes a reader may see, decided by <see cref="VoteService.VisibleBallots"/>
/// (DESIGN §3 transparency, §5 privacy); this file only finds the reader's path and pages.
/// </summary>
internal static class ProposalInSight
{
    public static SchemaBuilder AddBallots(this SchemaBuilder builder, SchemaServices s, DomainServices d) => builder
        .Resolve("Proposal.ballots", c => ProposalBallots(c, s, d))
        .BindType<VisibleBallot>("Ballot")
        .ResolveAsync("Ballot.voter", c => c.Member(s.Reads, c.ParentAs<VisibleBallot>().MemberId))
        .Resolve("Ballot.choice", c => c.ParentAs<VisibleBallot>().Choice.ToUpperInvariant())
        .Resolve("Ballot.weight", c => c.ParentAs<VisibleBallot>().CarriedWeight)
        .Resolve("Ballot.carriesMyVote", c => c.ParentAs<VisibleBallot>().CarriesReader)
        .Resolve("Proposal.votingStartsAt", c => At(c.ParentAs<ProposalRow>().VotingStartsAt))
        .Resolve("Proposal.votingEndsAt", c => At(c.ParentAs<ProposalRow>().VotingEndsAt))
        .Resolve("Proposal.expiresAt", c => c.ParentAs<ProposalRow>() is { Status: ProposalStatus.Open, IssueId: null } open
            ? At(Governance.Core.Clock.GovernanceClock.ExpiryOf(open.ExpiresAt, open.CreatedAt))
            : null)
        .Resolve("Proposal.agendaTarget", c => c.ParentAs<ProposalRow>() is { Status: ProposalStatus.Open, IssueId: null } ? d.Proposals.AgendaTarget(c.ParentAs<ProposalRow>().Id) : null)
        .BindType<AgendaTarget>("AgendaTarget")
        .BindType<Connection<VisibleBallot>>("BallotConnection")
        .BindType<Edge<VisibleBallot>>("BallotEdge");

    private static Connection<VisibleBallot>? ProposalBallots(ResolveContext c, SchemaServices s, DomainServices d)
    {
        var proposal = c.ParentAs<ProposalRow>();
        var path = ReaderPath(c, s, proposal.Id);
        var ballots = d.Votes.VisibleBallots(proposal.Id, path);
        // Sorted by member id: keyset cursors, so ballots cast between pages neither repeat nor skip one.
        return ConnectionBuilder.FromKeyedList(ballots, b => b.MemberId, "ballots", ConnectionArguments.From(c));
    }

    private static DateTimeOffset? At(long? ms) => ms is { } value ? DateTimeOffset.FromUnixTimeMilliseconds(value) : null;

    /// <summary>The signed-in reader's path on the proposal, or null (anonymous, or joined after the engine loaded).</summary>
    private static VotePath? ReaderPath(ResolveContext c, SchemaServices s, long proposalId)
    {
        var caller = Caller.Of(c);
        if (!caller.CanRead)
        {
            return null;
        }

        var reader = caller.MemberId!.Value;
        return s.Engine.Read(e => e.HasProposal(proposalId) && e.Members.TryGetIndex(reader, out _) ? e.WhereDoesMyVoteGo(proposalId, reader) : null);
    }
}
