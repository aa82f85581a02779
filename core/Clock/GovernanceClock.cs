using System.Data.Common;
using Governance.Core.Domain;
using Governance.Core.Events;
using Governance.Core.Lottery;
using Governance.Core.Policies;
using Governance.Core.Proposals;
using Governance.Core.Storage;

namespace Governance.Core.Clock;

/// <summary>What one <see cref="GovernanceClock.RunDue"/> pass did.</summary>
public sealed record ClockReport(int Expired, int AppealsClosed, int VotingOpened, int VotingClosed, int Draws, int Promoted = 0)
{
    public int Total => Expired + AppealsClosed + VotingOpened + VotingClosed + Draws + Promoted;

    /// <summary>Transitions that failed this pass (rolled back, retried next pass), one line each.</summary>
    public IReadOnlyList<string> Failures { get; init; } = [];

    /// <summary>The proposals whose status this pass changed (each once), for their subscribers.</summary>
    public IReadOnlyList<long> ChangedProposals { get; init; } = [];
}

/// <summary>
/// Every time-based transition (DESIGN §4–§5): open proposals expire, appeal windows close,
/// votes open and close, lottery periods are drawn, and open proposals that now meet a
/// quorum that fell (members becoming inactive) move to the agenda. Each transition runs in its own
/// transaction and is guarded by the state it leaves (a status, or the draw's primary key)
/// re-read inside that transaction, so a pass that is re-run, run twice at once, or killed
/// half-way and restarted performs each transition exactly once.
/// </summary>
public sealed class GovernanceClock(Database database)
{
    /// <summary>
    /// Rows written before 0002 (the demo generator's among them) have no expires_at; they
    /// expire 30 days (the default) after they were created.
    /// </summary>
    private const string ExpiresAt = "coalesce(expires_at, created_at + 2592000000)";

    /// <summary>When an open proposal expires, by the same rule as the clock's SQL (<see cref="ExpiresAt"/>).</summary>
    public static long ExpiryOf(long? expiresAt, long createdAt) => expiresAt ?? createdAt + 2_592_000_000;

    public ClockReport RunDue(DateTimeOffset now)
    {
        var failures = new List<string>();
        var changed = new List<long>();
        var nowMs = Millis.Of(now);
        var expired = Each(ProposalStatus.Open, ExpiresAt, nowMs, failures, changed, (c, t, id) => Expire(c, t, id, now));
        var appeals = Each(ProposalStatus.Declined, "appeal_until", nowMs, failures, changed, (c, t, id) => CloseAppeal(c, t, id, now));
        var opened = Each(ProposalStatus.Scheduled, "voting_starts_at", nowMs, failures, changed, (c, t, id) => OpenVoting(c, t, id, now));
        var closed = CloseVotes(now, failures, changed);
        var promoted = Promote(now, failures, changed);
        _ = Attempt(failures, "reconfirmation", () =>
        {
            changed.AddRange(Reconfirmation.ReleaseDue(database, now));
            return true;
        }, out _);
        var draws = 0;
        foreach (var period in Transactions.Read(database, c => LotteryService.Due(c, nowMs)))
        {
            // Periods are drawn in order: a failed one stops the later ones until it succeeds.
            if (!Attempt(failures, $"lottery period {period.Id}", () => Transactions.Write(database, (c, t) => LotteryService.Draw(c, t, period, now)), out var drawn))
            {
                break;
            }

            draws += drawn ? 1 : 0;
        }

        return new ClockReport(expired, appeals, opened, closed, draws, promoted) { Failures = failures, ChangedProposals = [.. changed.Distinct()] };
    }

    /// <summary>
    /// Only the closes of votes whose window has ended, each through <see cref="VoteService.Close"/>
    /// exactly as in <see cref="RunDue"/>: the demo seed uses it for the votes that ended while
    /// the generated organisation was "offline", and draws nothing else.
    /// </summary>
    public int CloseEndedVotes(DateTimeOffset now)
    {
        var failures = new List<string>();
        var closed = CloseVotes(now, failures, []);
        return failures.Count == 0 ? closed : throw new InvalidOperationException("Closing the demo's ended votes failed: " + string.Join("; ", failures));
    }

    private int CloseVotes(DateTimeOffset now, List<string> failures, List<long> changed) =>
        Each(ProposalStatus.Voting, "voting_ends_at", Millis.Of(now), failures, changed, (c, t, id) => VoteService.Close(c, t, id, now));

    private int Each(string status, string column, long nowMs, List<string> failures, List<long> changed, Func<DbConnection, DbTransaction, long, bool> transition)
    {
        var done = 0;
        foreach (var id in Transactions.Read(database, c => ProposalStore.Due(c, status, column, nowMs)))
        {
            if (Attempt(failures, $"proposal {id} ({status})", () => Transactions.Write(database, (c, t) => transition(c, t, id)), out var did) && did)
            {
                done++;
                changed.Add(id);
            }
        }

        return done;
    }

    /// <summary>
    /// One transition, isolated: if it fails its transaction has rolled back, and the others
    /// still run; a broken proposal must not hold up every vote and draw behind it.
    /// </summary>
    private static bool Attempt(List<string> failures, string what, Func<bool> transition, out bool done)
    {
        try
        {
            done = transition();
            return true;
        }
        catch (Exception e) when (e is InvalidOperationException or System.Text.Json.JsonException or System.Data.Common.DbException or Domain.DomainException)
        {
            failures.Add($"{what}: {e.Message}");
            done = false;
            return false;
        }
    }

    /// <summary>
    /// Support changes trigger bubbling up at once; this catches the rest (thresholds move as
    /// members become active or karma decays). Thresholds are computed once per pass and
    /// policy (an O(members) sum), and the check runs outside the write lock: only a proposal
    /// that reaches its target gets a write transaction, which checks again before it moves.
    /// A quiet pass therefore keeps no writer waiting (a vote on the night of a vote).
    /// </summary>
    private int Promote(DateTimeOffset now, List<string> failures, List<long> changed)
    {
        var nowMs = Millis.Of(now);
        var thresholds = new Dictionary<string, AgendaThresholds>(StringComparer.Ordinal);
        var byPolicy = new Dictionary<PolicyValues, AgendaThresholds>(ReferenceEqualityComparer.Instance);
        AgendaThresholds ThresholdsFor(DbConnection c, DbTransaction? t, PolicyValues policy)
        {
            if (byPolicy.TryGetValue(policy, out var known))
            {
                return known;
            }

            var key = policy.ToJson();
            if (!thresholds.TryGetValue(key, out var threshold))
            {
                threshold = Agenda.Thresholds(c, t, nowMs, policy);
                thresholds[key] = threshold;
            }

            byPolicy[policy] = threshold;
            return threshold;
        }

        var candidates = Transactions.Read(database, c =>
        {
            // One grouped read of every open proposal's support, streamed: a pass costs a few
            // dozen bytes per open proposal, not its row and one query each (100,000 open
            // proposals once took a 256 MiB heap past its limit here). Stored policies are
            // parsed once per distinct text.
            var policyTexts = new Dictionary<string, int>(StringComparer.Ordinal);
            var open = new List<(long Id, long AreaId, long CreatedAt, int Policy, long Score, long Supporters)>();
            foreach (var row in ProposalStore.OpenSupport(c))
            {
                var policy = -1;
                if (row.PolicyJson is { } text && !policyTexts.TryGetValue(text, out policy))
                {
                    policy = policyTexts.Count;
                    policyTexts[text] = policy;
                }

                open.Add((row.Id, row.AreaId, row.CreatedAt, policy, row.Score, row.Supporters));
            }

            var parsed = new PolicyValues?[policyTexts.Count];
            var texts = policyTexts.OrderBy(p => p.Value).Select(p => p.Key).ToArray();
            var reaching = new List<long>();
            foreach (var proposal in open)
            {
                // A proposal whose check fails (say, a broken policy) is skipped, not every one after it.
                if (Attempt(failures, $"proposal {proposal.Id} (agenda check)", () =>
                {
                    var policy = proposal.Policy >= 0
                        ? parsed[proposal.Policy] ??= PolicyValues.FromJson(texts[proposal.Policy])
                        : PolicyService.Resolve(c, null, proposal.AreaId, proposal.CreatedAt);
                    var threshold = ThresholdsFor(c, null, policy);
                    return proposal.Score >= threshold.Quorum && proposal.Supporters >= threshold.MinimumSupporters;
                }, out var reaches) && reaches)
                {
                    reaching.Add(proposal.Id);
                }
            }

            return reaching;
        });
        var promoted = 0;
        foreach (var candidate in candidates)
        {
            Attempt(failures, $"proposal {candidate} (agenda check)", () => Transactions.Write(database, (c, t) =>
            {
                var proposal = ProposalStore.Find(c, t, candidate);
                if (proposal is not { Status: ProposalStatus.Open })
                {
                    return false;
                }

                var policy = ProposalService.PolicyOf(c, t, proposal);
                return Agenda.TryBubble(c, t, proposal, ThresholdsFor(c, t, policy), policy, now);
            }), out var moved);
            if (moved)
            {
                promoted++;
                changed.Add(candidate);
            }
        }

        return promoted;
    }

    private static bool Expire(DbConnection c, DbTransaction t, long id, DateTimeOffset now)
    {
        var nowMs = Millis.Of(now);
        var proposal = ProposalStore.Find(c, t, id);
        var expiresAt = proposal?.ExpiresAt ?? (proposal?.CreatedAt + Millis.Days(PolicyValues.Default.ExpiryDays));
        if (proposal is not { Status: ProposalStatus.Open } || expiresAt > nowMs
            || !ProposalStore.Transition(c, t, id, ProposalStatus.Open, ProposalStatus.Expired, nowMs, null, "open for its whole expiry period without reaching the agenda"))
        {
            return false;
        }

        ProposalStore.ReleaseAll(c, t, id, nowMs);
        EventLog.Append(c, t, now, null, EventTypes.ProposalExpired, new { proposal = id });
        return true;
    }

    private static bool CloseAppeal(DbConnection c, DbTransaction t, long id, DateTimeOffset now)
    {
        var nowMs = Millis.Of(now);
        var proposal = ProposalStore.Find(c, t, id);
        if (proposal is not { Status: ProposalStatus.Declined, AppealClosed: false } || proposal.AppealUntil > nowMs)
        {
            return false;
        }

        ProposalStore.Set(c, t, id, "appeal_closed = 1", new { });
        var (score, supporters) = ProposalStore.Support(c, t, id);
        ProposalStore.RecordAppealLapsed(c, t, id, nowMs,
            $"the window closed with {score} point{(score == 1 ? "" : "s")} from {supporters} member{(supporters == 1 ? "" : "s")}, short of the appeal's target");
        var released = ProposalStore.ReleaseAll(c, t, id, nowMs);
        EventLog.Append(c, t, now, null, EventTypes.ProposalAppealClosed, new { proposal = id, supportsReleased = released });
        return true;
    }

    private static bool OpenVoting(DbConnection c, DbTransaction t, long id, DateTimeOffset now)
    {
        var nowMs = Millis.Of(now);
        var proposal = ProposalStore.Find(c, t, id);
        if (proposal is not { Status: ProposalStatus.Scheduled } || proposal.VotingStartsAt > nowMs
            || !ProposalStore.Transition(c, t, id, ProposalStatus.Scheduled, ProposalStatus.Voting, nowMs, null, "the discussion window ended"))
        {
            return false;
        }

        IssueService.OpenBallot(c, t, id, now);
        EventLog.Append(c, t, now, null, EventTypes.VoteOpened, new { proposal = id, votingEndsAt = proposal.VotingEndsAt });
        return true;
    }
}
