using System.Data.Common;
using System.Text.Json;
using Governance.Core.Delegation;
using Governance.Core.Domain;
using Governance.Core.Events;
using Governance.Core.Policies;
using Governance.Core.Storage;

namespace Governance.Core.Proposals;

/// <summary>
/// Voting (DESIGN §5): Yes / No / Abstain during the voting window, changeable until close.
/// The provisional tally stays hidden until close; afterwards the result, with its snapshot,
/// is public, and individual votes as the proposal's privacy policy says.
/// </summary>
public sealed class VoteService(Database database, TimeProvider clock, GroupCommitter? committer = null, EngineHost? engine = null, IDomainEventPublisher? events = null)
{
    private readonly IDomainEventPublisher events = events ?? IDomainEventPublisher.None;

    /// <summary>Whether votes go through the group committer (<see cref="CastGroupedAsync"/>).</summary>
    public bool Grouped => committer is not null;

    /// <summary>
    /// Casts or changes a vote: through the group committer when there is one, else in a
    /// transaction of its own; the live engine (and its live tallies) applies it in commit
    /// order, and subscribers hear of it once it is durable. The api's way in.
    /// </summary>
    public async Task CastAsync(long actorId, long proposalId, VoteChoice choice)
    {
        if (Grouped)
        {
            // Acknowledged once the vote's group is durable; the engine applies the group's votes in commit order, inside its write gate.
            var logged = await CastGroupedAsync(actorId, proposalId, choice, () => engine?.Apply(e => e.CastVote(proposalId, actorId, choice))).ConfigureAwait(false);
            events.Publish([logged]);
            return;
        }

        var written = engine is null
            ? CastLogged(actorId, proposalId, choice)
            : await engine.SerialiseWriteAsync(() =>
            {
                var cast = CastLogged(actorId, proposalId, choice);
                engine.Apply(e => e.CastVote(proposalId, actorId, choice));
                return Task.FromResult(cast);
            }).ConfigureAwait(false);
        events.Publish(written);
    }

    /// <summary>
    /// Casts or changes a vote in a transaction of its own (one fsync per vote), for tools and
    /// tests: neither the live engine nor subscribers hear of it (<see cref="CastAsync"/> does both).
    /// </summary>
    public void Cast(long actorId, long proposalId, VoteChoice choice) => CastLogged(actorId, proposalId, choice);

    private IReadOnlyList<LoggedEvent> CastLogged(long actorId, long proposalId, VoteChoice choice) =>
        Transactions.WriteLogged(database, (c, t) => CastIn(c, t, actorId, proposalId, choice)).Logged;

    /// <summary>
    /// Casts or changes a vote through the group committer, acknowledged (the task completes)
    /// only after the COMMIT of the vote's group is durable. The single writer is the
    /// bottleneck, so it does as little as it can: the vote is first validated with a read of
    /// its own, in parallel with other requests (a refused vote never reaches the writer);
    /// inside its savepoint the writer then writes it with one statement that checks again,
    /// atomically, that the proposal is in its voting window and the member has a voting
    /// right. Should either have changed in between, the full validation runs in the savepoint
    /// and the vote fails alone with its <see cref="DomainException"/>.
    /// <paramref name="afterCommit"/> runs after the commit, in commit order, only for a vote
    /// that was written.
    /// </summary>
    public async Task<LoggedEvent> CastGroupedAsync(long actorId, long proposalId, VoteChoice choice, Action afterCommit)
    {
        ArgumentNullException.ThrowIfNull(afterCommit);
        if (committer is null)
        {
            throw new InvalidOperationException("This VoteService has no group committer; use Cast.");
        }

        // A proposal's policy is fixed when it opens (DESIGN §6), so its privacy read here
        // still holds when the writer logs the vote.
        var privacy = Transactions.Read(database, c =>
        {
            var proposal = Validate(c, null, actorId, proposalId, choice, Millis.Of(clock.GetUtcNow()));
            return ProposalService.PolicyOf(c, null, proposal).Privacy;
        });
        return await committer.RunAsync(
            (c, t) =>
            {
                var now = clock.GetUtcNow();
                var nowMs = Millis.Of(now);
                if (!VoteStore.UpsertIfOpen(c, t, actorId, proposalId, Text(choice), nowMs))
                {
                    Validate(c, t, actorId, proposalId, choice, nowMs);
                    throw new InvalidOperationException($"Vote of {actorId} on {proposalId} was neither written nor refused.");
                }

                return Record(c, t, actorId, proposalId, choice, privacy, now);
            },
            _ => afterCommit()).ConfigureAwait(false);
    }

    private int CastIn(DbConnection c, DbTransaction t, long actorId, long proposalId, VoteChoice choice)
    {
        var now = clock.GetUtcNow();
        var proposal = Validate(c, t, actorId, proposalId, choice, Millis.Of(now));
        VoteStore.Upsert(c, t, actorId, proposalId, Text(choice), Millis.Of(now));
        Record(c, t, actorId, proposalId, choice, ProposalService.PolicyOf(c, t, proposal).Privacy, now);
        return 0;
    }

    /// <summary>Refuses a vote that may not be cast now, naming why; else the proposal.</summary>
    private static ProposalRow Validate(DbConnection c, DbTransaction? t, long actorId, long proposalId, VoteChoice choice, long nowMs)
    {
        var member = MemberStore.Find(c, t, actorId) ?? throw new DomainException(DomainErrors.NotFound, "There is no such member.");
        var proposal = ProposalService.Load(c, t, proposalId);
        if (proposal.Status != ProposalStatus.Voting || nowMs < proposal.VotingStartsAt || nowMs >= proposal.VotingEndsAt)
        {
            var when = proposal.VotingStartsAt is { } s && proposal.VotingEndsAt is { } e
                ? $"; its voting window is {Millis.At(s):u} to {Millis.At(e):u}"
                : string.Empty;
            throw new DomainException(DomainErrors.OutsideVotingWindow, $"The proposal is {ProposalService.Describe(proposal.Status)}, not open for voting now{when}.");
        }

        if (!member.VotingRight)
        {
            throw new DomainException(DomainErrors.NoVotingRight, "Your voting right is suspended; you cannot vote.");
        }

        if (!Enum.IsDefined(choice))
        {
            throw new DomainException(DomainErrors.InvalidInput, "A vote is yes, no or abstain.");
        }

        if (IssueService.IsRanked(c, t, proposal))
        {
            throw new DomainException(DomainErrors.InvalidInput, "This issue has alternatives on its ballot: rank them (castRankedBallot) instead of voting yes or no.", "choice");
        }

        return proposal;
    }

    /// <summary>
    /// What follows a written vote: the member was active, and the audit trail records that
    /// they voted; the choice itself only where the proposal's privacy makes every vote public.
    /// </summary>
    private static LoggedEvent Record(DbConnection c, DbTransaction t, long actorId, long proposalId, VoteChoice choice, VotePrivacy privacy, DateTimeOffset now)
    {
        MemberStore.Touch(c, t, actorId, Millis.Of(now));
        return EventLog.Append(c, t, now, actorId, EventTypes.VoteCast,
            new { proposal = proposalId, choice = privacy == VotePrivacy.Public ? Text(choice) : null });
    }

    /// <summary>A member always sees their own vote.</summary>
    public VoteChoice? MyVote(long actorId, long proposalId) =>
        Transactions.Read(database, c => VoteStore.Choice(c, null, actorId, proposalId) is { } s ? Parse(s) : (VoteChoice?)null);

    /// <summary>The stored result, or null while the vote has not closed.</summary>
    /// <summary>The stored tally JSON of a closed vote, without its snapshot; null before the close.</summary>
    public string? StoredTally(long proposalId) => Transactions.Read(database, c => VoteStore.TallyJson(c, proposalId));

    public VoteResult? Result(long proposalId) => Transactions.Read(database, c =>
        VoteStore.Result(c, proposalId) is { } r
            ? new VoteResult(r.ProposalId, Millis.At(r.ClosedAt), r.Passed, r.QuorumReached, r.Yes, r.No, r.Abstain, r.Snapshot, r.Tally)
            : null);

    /// <summary>
    /// The votes the public may see after close: all (public), those of voters carrying
    /// others' weight (delegates-public), or none (aggregate). Nothing before close.
    /// </summary>
    public IReadOnlyList<PublicBallot> PublicBallots(long proposalId) =>
        [.. VisibleBallots(proposalId, null).Select(b => new PublicBallot(b.MemberId, b.Handle, b.Choice, b.CarriedWeight ?? 0))];

    /// <summary>
    /// The ballots one reader may see (DESIGN §3 transparency, §5 privacy), the single rule
    /// every read path asks. Under <c>aggregate</c>: none, ever. While the vote runs: only the
    /// ballot of the voter the reader's own weight reaches (<paramref name="readerPath"/>
    /// carried to someone else), without its weight, since the tally stays hidden until close.
    /// After close: every ballot (<c>public</c>) or those of voters who carried others'
    /// weight (<c>delegates-public</c>), with the weight the stored tally gave them.
    /// </summary>
    public IReadOnlyList<VisibleBallot> VisibleBallots(long proposalId, VotePath? readerPath) => Transactions.Read(database, c =>
    {
        var proposal = ProposalService.Load(c, null, proposalId);
        var privacy = ProposalService.PolicyOf(c, null, proposal).Privacy;
        if (privacy == VotePrivacy.Aggregate)
        {
            return (IReadOnlyList<VisibleBallot>)[];
        }

        long? carrier = readerPath is { Outcome: VotePathOutcome.Carried, CarrierId: { } id } && id != readerPath.MemberId ? id : null;
        var result = VoteStore.Result(c, proposalId);
        if (result is null)
        {
            if (proposal.Status != ProposalStatus.Voting || carrier is not { } carrierId)
            {
                return [];
            }

            return VoteStore.Ballot(c, null, carrierId, proposalId) is { } ballot
                ? [new VisibleBallot(carrierId, ballot.Handle, ballot.Choice, null, CarriesReader: true)]
                : [];
        }

        using var tally = JsonDocument.Parse(result.Tally);
        var weights = tally.RootElement.GetProperty("weights");
        var ballots = new List<VisibleBallot>();
        foreach (var (memberId, handle, choice) in VoteStore.Votes(c, null, proposalId))
        {
            var weight = weights.TryGetProperty(handle, out var w) ? w.GetDouble() : 0;
            if (privacy == VotePrivacy.Public || (privacy == VotePrivacy.DelegatesPublic && weight > 1))
            {
                ballots.Add(new VisibleBallot(memberId, handle, choice, weight, memberId == carrier));
            }
        }

        return ballots;
    });

    /// <summary>
    /// Closes a vote inside the caller's transaction: snapshots the organisation as of the
    /// window's end, tallies the snapshot with the recount (the same engine and the same text
    /// anyone can re-check), stores the result and moves the proposal to Accepted or Rejected.
    /// False when the proposal was no longer in Voting (already closed).
    /// </summary>
    internal static bool Close(DbConnection c, DbTransaction t, long proposalId, DateTimeOffset now)
    {
        var proposal = ProposalService.Load(c, t, proposalId);
        if (proposal.Status != ProposalStatus.Voting)
        {
            return false;
        }

        var policy = ProposalService.PolicyOf(c, t, proposal);
        var choices = IssueService.Choices(c, t, proposal);
        if (choices.Count > 2)
        {
            return CloseRanked(c, t, proposal, policy, choices, now);
        }

        var snapshot = VoteSnapshot.Build(c, t, proposal, policy, proposal.VotingEndsAt ?? Millis.Of(now));
        using var output = new StringWriter();
        using var errors = new StringWriter();
        if (Delegation.Recount.Recount.Run(new StringReader(snapshot), output, errors) != 0)
        {
            throw new InvalidOperationException($"The snapshot of proposal {proposalId} was refused by the recount: {errors.ToString().Trim()}");
        }

        var tallyJson = output.ToString();
        using var tally = JsonDocument.Parse(tallyJson);
        var root = tally.RootElement;
        var passed = root.GetProperty("passed").GetBoolean();
        var status = passed ? ProposalStatus.Accepted : ProposalStatus.Rejected;
        var nowMs = Millis.Of(now);
        var reason = $"yes {root.GetProperty("yes").GetDouble():0.###}, no {root.GetProperty("no").GetDouble():0.###}, abstain {root.GetProperty("abstain").GetDouble():0.###}"
            + (root.GetProperty("quorumReached").GetBoolean() ? string.Empty : "; quorum not reached");
        if (!ProposalStore.Transition(c, t, proposalId, ProposalStatus.Voting, status, nowMs, null, reason))
        {
            return false;
        }

        VoteStore.InsertResult(c, t, new ResultRow(proposalId, nowMs, passed, root.GetProperty("quorumReached").GetBoolean(),
            root.GetProperty("yes").GetDouble(), root.GetProperty("no").GetDouble(), root.GetProperty("abstain").GetDouble(), snapshot, tallyJson));
        EventLog.Append(c, t, now, null, EventTypes.VoteClosed, new
        {
            proposal = proposalId,
            status,
            yes = root.GetProperty("yes").GetDouble(),
            no = root.GetProperty("no").GetDouble(),
            abstain = root.GetProperty("abstain").GetDouble(),
            snapshotSha256 = Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(snapshot))),
        });
        return true;
    }

    /// <summary>
    /// Closes an issue with alternatives on its ballot (DESIGN §8): the ranked snapshot, the same
    /// recount anyone can re-run, Schulze against the status quo. The issue's proposal is Accepted
    /// when it wins, else Rejected (the status quo stays, or an alternative won: the tally names it).
    /// </summary>
    private static bool CloseRanked(DbConnection c, DbTransaction t, ProposalRow proposal, PolicyValues policy, IReadOnlyList<IssueChoiceView> choices, DateTimeOffset now)
    {
        var snapshot = VoteSnapshot.Build(c, t, proposal, policy, proposal.VotingEndsAt ?? Millis.Of(now), [.. choices.Skip(1).Select(x => x.Key)]);
        using var output = new StringWriter();
        using var errors = new StringWriter();
        if (Delegation.Recount.Recount.Run(new StringReader(snapshot), output, errors) != 0)
        {
            throw new InvalidOperationException($"The ranked snapshot of issue {proposal.Id} was refused by the recount: {errors.ToString().Trim()}");
        }

        var tallyJson = output.ToString();
        using var tally = JsonDocument.Parse(tallyJson);
        var root = tally.RootElement;
        var winner = root.GetProperty("winner") is { ValueKind: JsonValueKind.String } w ? w.GetString() : null;
        var quorum = root.GetProperty("quorumReached").GetBoolean();
        var passed = winner == IssueService.ProposalKey(proposal.Id);
        var status = passed ? ProposalStatus.Accepted : ProposalStatus.Rejected;
        var winnerTitle = choices.FirstOrDefault(x => x.Key == winner)?.Title;
        var reason = winner is null
            ? "ranked vote: the status quo stays" + (quorum ? string.Empty : "; quorum not reached")
            : $"ranked vote: \"{winnerTitle}\" ({winner}) wins by Schulze";
        var nowMs = Millis.Of(now);
        if (!ProposalStore.Transition(c, t, proposal.Id, ProposalStatus.Voting, status, nowMs, null, reason))
        {
            return false;
        }

        IssueService.CloseAlternatives(c, t, proposal.Id, winner, nowMs);
        VoteStore.InsertResult(c, t, new ResultRow(proposal.Id, nowMs, passed, quorum, 0, 0, 0, snapshot, tallyJson));
        EventLog.Append(c, t, now, null, EventTypes.VoteClosed, new
        {
            proposal = proposal.Id,
            status,
            winner,
            ranking = root.GetProperty("ranking").EnumerateArray().Select(e => e.GetString()).ToArray(),
            snapshotSha256 = Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(snapshot))),
        });
        return true;
    }

    internal static string Text(VoteChoice choice) => choice switch
    {
        VoteChoice.Yes => "yes",
        VoteChoice.No => "no",
        _ => "abstain",
    };

    private static VoteChoice Parse(string choice) => choice switch
    {
        "yes" => VoteChoice.Yes,
        "no" => VoteChoice.No,
        _ => VoteChoice.Abstain,
    };
}
