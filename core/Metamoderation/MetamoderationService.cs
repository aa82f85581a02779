using System.Data.Common;
using System.Text.Json;
using Governance.Core.Comments;
using Governance.Core.Domain;
using Governance.Core.Events;
using Governance.Core.Karma;
using Governance.Core.Lottery;
using Governance.Core.Policies;
using Governance.Core.Storage;

namespace Governance.Core.Metamoderation;

/// <summary>A metamoderation draw as the public sees it.</summary>
public sealed record MetaDrawView(string PeriodId, DateTimeOffset PeriodStart, DateTimeOffset PeriodEnd, long HeadSeq, string HeadHashHex, string SeedHex,
    int Eligible, IReadOnlyList<long> Jurors, int Actions, int SampleSize, DateTimeOffset JudgingEndsAt, long Judgements);

/// <summary>One action in a juror's sample, with the juror's judgement once given.</summary>
public sealed record MetaTask(string PeriodId, DateTimeOffset JudgingEndsAt, long Seq, DateTimeOffset At, string Type, long ModeratorId, long? ProposalId, string? Reason, bool? Fair, string? Comment);

/// <summary>A moderator's public figures: every judgement, and those in the policy's window.</summary>
public sealed record ModeratorFairness(long ModeratorId, long Judgements, long Fair, long WindowJudgements, long WindowFair, bool UnderReview)
{
    public double? FairShare => Judgements == 0 ? null : (double)Fair / Judgements;

    public double? WindowFairShare => WindowJudgements == 0 ? null : (double)WindowFair / WindowJudgements;
}

/// <summary>The outcome of recomputing a metamoderation draw.</summary>
/// <remarks><paramref name="Samples"/>: each juror's sample, by juror id, as event-log sequence numbers.</remarks>
public sealed record MetaDrawVerification(string PeriodId, bool Matches, int Eligible, int Jurors, int Actions, IReadOnlyList<string> Problems,
    IReadOnlyDictionary<long, IReadOnlyList<long>> Samples);

/// <summary>
/// Metamoderation (issue 17 point 5; docs/moderation.md): at each lottery period's end, members
/// of level ≥ 1 who are not moderators are drawn as jurors (<see cref="MetamoderationDraw"/>);
/// each judges a sample of the period's moderator actions as fair or unfair, once, with an
/// optional comment. Per-moderator figures are public. A moderator whose share judged fair over
/// the policy's window falls under its threshold, with enough judgements, loses the role until
/// an admin reviews it; both steps are logged with the figures.
/// </summary>
public sealed class MetamoderationService(Database database, TimeProvider clock, IDomainEventPublisher? events = null)
{
    public const int MaxCommentLength = 1_000;

    /// <summary>The event-log types that are moderators' actions (an actor is required: automatic hides are not).</summary>
    public static readonly IReadOnlyList<string> ActionTypes =
    [
        EventTypes.ProposalScheduled, EventTypes.ProposalReturned, EventTypes.ProposalMerged, EventTypes.ProposalDeclined,
        EventTypes.ContentHidden, EventTypes.ContentRestored, EventTypes.ContentHideUpheld,
    ];

    private readonly IDomainEventPublisher events = events ?? IDomainEventPublisher.None;

    public MetaDrawView? Get(string periodId) => Transactions.Read(database, c => MetamoderationStore.Find(c, null, periodId) is { } d ? View(c, d) : null);

    /// <summary>The latest draws, newest first.</summary>
    public IReadOnlyList<MetaDrawView> Draws(int first) => Transactions.Read(database, c =>
        MetamoderationStore.Latest(c, Math.Clamp(first, 0, 100)).Select(d => View(c, d)).ToList());

    /// <summary>The caller's samples in draws whose judging is open, with the judgements given.</summary>
    public IReadOnlyList<MetaTask> Tasks(long jurorId) => Transactions.Read(database, c =>
    {
        var tasks = new List<MetaTask>();
        foreach (var draw in MetamoderationStore.OpenFor(c, jurorId, Millis.Of(clock.GetUtcNow())))
        {
            var judged = MetamoderationStore.JudgementsOf(c, null, draw.PeriodId, jurorId).ToDictionary(j => j.EventSeq);
            // A report filed since the period's end keeps the action in the (frozen) sample but bars judging it: not shown.
            foreach (var action in SampleOf(c, null, draw, jurorId).Where(a => !MetamoderationSample.IsOwnCase(c, null, jurorId, a)))
            {
                var (proposal, reason) = Describe(action.Payload);
                var j = judged.GetValueOrDefault(action.Seq);
                tasks.Add(new MetaTask(draw.PeriodId, Millis.At(draw.JudgingEnds), action.Seq, Millis.At(action.At), action.Type, action.ModeratorId, proposal, reason, j?.Fair, j?.Comment));
            }
        }

        return tasks;
    });

    /// <summary>Every judged moderator's figures, by moderator id.</summary>
    public IReadOnlyList<ModeratorFairness> Results() => Transactions.Read(database, c =>
    {
        var nowMs = Millis.Of(clock.GetUtcNow());
        var policy = PolicyService.Resolve(c, null, null, nowMs);
        var pending = MetamoderationStore.Reviews(c, null).Where(r => r.DecidedAt is null).Select(r => r.MemberId).ToHashSet();
        return MetamoderationStore.Figures(c, null, nowMs - Millis.Days(policy.MetamoderationWindowDays))
            .Select(f => new ModeratorFairness(f.ModeratorId, f.Judgements, f.Fair, f.WindowJudgements, f.WindowFair, pending.Contains(f.ModeratorId))).ToList();
    });

    /// <summary>Moderator reviews, newest first (for admins: the API decides who sees them).</summary>
    public IReadOnlyList<ModeratorReviewRow> Reviews() => Transactions.Read(database, c => MetamoderationStore.Reviews(c, null));

    /// <summary>A juror judges one action of their sample, once; returns the task as judged.</summary>
    public MetaTask Judge(long jurorId, string periodId, long actionSeq, bool fair, string? comment)
    {
        comment = string.IsNullOrWhiteSpace(comment) ? null : DeliberationText.Check(comment, "comment", MaxCommentLength, "A judgement's comment");
        return Published(Transactions.WriteLogged(database, (c, t) =>
        {
            var now = clock.GetUtcNow();
            var nowMs = Millis.Of(now);
            var draw = MetamoderationStore.Find(c, t, periodId)
                ?? throw new DomainException(DomainErrors.NotFound, $"There is no metamoderation draw for period \"{periodId}\".", "period");
            if (!MetamoderationStore.IsDrawn(c, t, periodId, jurorId))
            {
                throw new DomainException(DomainErrors.NotAllowed, $"You were not drawn to judge moderators' actions of period {periodId}.", "period");
            }

            if (nowMs > draw.JudgingEnds)
            {
                throw new DomainException(DomainErrors.JudgingClosed, $"Judging for period {periodId} ended at {Millis.At(draw.JudgingEnds):u}.", "period");
            }

            var actions = MetamoderationStore.Actions(c, t, draw.PeriodStart, draw.PeriodEnd, draw.HeadSeq, ActionTypes);
            if (actions.FirstOrDefault(a => a.Seq == actionSeq) is { } asked && MetamoderationSample.IsOwnCase(c, t, jurorId, asked))
            {
                throw new DomainException(DomainErrors.ConflictOfInterest,
                    "This action is about a proposal or comment you wrote or reported (or is your own); a juror does not judge their own case.", "action");
            }

            var action = MetamoderationSample.Of(c, t, draw, jurorId, actions).FirstOrDefault(a => a.Seq == actionSeq)
                ?? throw new DomainException(DomainErrors.NotInSample, "That action is not in the sample you were drawn to judge.", "action");
            if (MetamoderationStore.JudgementsOf(c, t, periodId, jurorId).Any(j => j.EventSeq == actionSeq))
            {
                throw new DomainException(DomainErrors.AlreadyJudged, "You judged this action already; a judgement is given once.", "action");
            }

            MetamoderationStore.InsertJudgement(c, t, new JudgementRow
            {
                PeriodId = periodId, JurorId = jurorId, EventSeq = actionSeq, ModeratorId = action.ModeratorId, Fair = fair, Comment = comment, JudgedAt = nowMs,
            });
            EventLog.Append(c, t, now, jurorId, EventTypes.MetamoderationJudged, new { period = periodId, action = actionSeq, moderator = action.ModeratorId, fair, comment });
            ApplyThreshold(c, t, action.ModeratorId, now);
            var (proposal, reason) = Describe(action.Payload);
            return new MetaTask(periodId, Millis.At(draw.JudgingEnds), action.Seq, Millis.At(action.At), action.Type, action.ModeratorId, proposal, reason, fair, comment);
        }));
    }

    /// <summary>An admin decides a review: restore the moderator role, or confirm its loss; with a public reason.</summary>
    public ModeratorReviewRow DecideReview(long adminId, long reviewId, bool restore, string reason)
    {
        reason = DeliberationText.Check(reason, "reason", MaxCommentLength, "An admin's reason");
        return Published(Transactions.WriteLogged(database, (c, t) =>
        {
            var now = clock.GetUtcNow();
            var nowMs = Millis.Of(now);
            if (!MemberStore.HasRole(c, t, adminId, "admin"))
            {
                throw new DomainException(DomainErrors.NotAllowed, "Only an admin reviews a moderator who fell under the metamoderation threshold.");
            }

            var review = MetamoderationStore.Review(c, t, reviewId)
                ?? throw new DomainException(DomainErrors.NotFound, "There is no such moderator review.", "review");
            if (review.DecidedAt is not null)
            {
                throw new DomainException(DomainErrors.AlreadyDecided, "This review was decided already.", "review");
            }

            MetamoderationStore.DecideReview(c, t, reviewId, adminId, restore, reason, nowMs);
            if (restore)
            {
                var roles = MemberRoleStore.Roles(c, t, review.MemberId);
                if (!roles.Contains("moderator"))
                {
                    MemberRoleStore.Replace(c, t, review.MemberId, [.. roles, "moderator"]);
                }
            }

            EventLog.Append(c, t, now, adminId, EventTypes.ModeratorReviewed, new { memberId = review.MemberId, review = reviewId, restored = restore, reason });
            return MetamoderationStore.Review(c, t, reviewId)!;
        }));
    }

    /// <summary>Recomputes a draw from public data: head entry, seed, every eligible member's outcome, each juror's sample and that every judgement lies in it.</summary>
    public MetaDrawVerification Verify(string periodId) => Transactions.Read(database, c =>
    {
        var draw = MetamoderationStore.Find(c, null, periodId)
            ?? throw new DomainException(DomainErrors.NotFound, $"There is no metamoderation draw for period {periodId}.");
        var problems = new List<string>();
        var hash = LotteryStore.HashOf(c, draw.HeadSeq);
        if (draw.HeadSeq > 0 && (hash is null || !hash.AsSpan().SequenceEqual(draw.HeadHash)))
        {
            problems.Add($"the stored head hash is not the event log's hash of entry {draw.HeadSeq}");
        }

        if (LotteryStore.NextAt(c, draw.HeadSeq) is { } nextAt && nextAt <= draw.PeriodEnd)
        {
            problems.Add($"entry {draw.HeadSeq} is not the last event-log entry at the period's end");
        }

        var seed = MetamoderationDraw.Seed(draw.PeriodId, draw.HeadHash);
        if (!seed.AsSpan().SequenceEqual(draw.Seed))
        {
            problems.Add("the stored seed is not SHA-256(\"metamoderation \" + period id ‖ head hash)");
        }

        var entries = MetamoderationStore.Entries(c, null, periodId);
        var expected = MetamoderationDraw.Jurors(seed, entries.Select(e => e.MemberId), (int)draw.Jurors);
        foreach (var e in entries.Where(e => e.Drawn != expected.Contains(e.MemberId)))
        {
            problems.Add($"member {e.MemberId} is stored as {(e.Drawn ? "drawn" : "not drawn")} but the seed says {(e.Drawn ? "not drawn" : "drawn")}");
        }

        // Each juror's sample by the same rule as their tasks; every judgement given must lie in it.
        var actions = MetamoderationStore.Actions(c, null, draw.PeriodStart, draw.PeriodEnd, draw.HeadSeq, ActionTypes);
        var samples = new SortedDictionary<long, IReadOnlyList<long>>();
        foreach (var juror in entries.Where(e => e.Drawn).Select(e => e.MemberId))
        {
            var sample = MetamoderationSample.Of(c, null, draw, juror, actions).Select(a => a.Seq).ToList();
            samples[juror] = sample;
            foreach (var judged in MetamoderationStore.JudgementsOf(c, null, periodId, juror).Where(j => !sample.Contains(j.EventSeq)))
            {
                problems.Add($"member {juror} judged entry {judged.EventSeq}, which is not in their sample");
            }
        }

        return new MetaDrawVerification(periodId, problems.Count == 0, entries.Count, entries.Count(e => e.Drawn), actions.Count, problems, samples);
    });

    /// <summary>
    /// Draws the period's jurors inside the caller's transaction (the lottery's draw calls it
    /// before resetting karma, with the same head entry); false when drawn already or switched off.
    /// </summary>
    internal static bool Draw(DbConnection c, DbTransaction t, LotteryPeriod period, PolicyValues policy, long headSeq, byte[] headHash, DateTimeOffset now)
    {
        if (policy.MetamoderationJurors <= 0 || MetamoderationStore.Find(c, t, period.Id) is not null)
        {
            return false;
        }

        var seed = MetamoderationDraw.Seed(period.Id, headHash);
        var eligible = new List<(long Id, int Level)>();
        foreach (var m in MemberStore.LotteryCandidates(c, t, policy.LevelThresholds[0], period.EndMs))
        {
            var level = KarmaRules.Level(KarmaRules.Decay(m.Karma, m.KarmaAt, period.EndMs, policy.KarmaHalfLifeDays), policy);
            if (level >= 1 && !MemberStore.HasRole(c, t, m.MemberId, "moderator"))
            {
                eligible.Add((m.MemberId, level));
            }
        }

        var jurors = MetamoderationDraw.Jurors(seed, eligible.Select(e => e.Id), policy.MetamoderationJurors);
        var row = new MetaDrawRow
        {
            PeriodId = period.Id, PeriodStart = period.StartMs, PeriodEnd = period.EndMs, HeadSeq = headSeq, HeadHash = headHash, Seed = seed,
            Jurors = policy.MetamoderationJurors, SampleSize = policy.MetamoderationSampleSize,
            JudgingEnds = period.EndMs + Millis.Days(policy.MetamoderationJudgingDays), DrawnAt = Millis.Of(now),
        };
        MetamoderationStore.Insert(c, t, row, eligible.Select(e => new MetaEntryRow { PeriodId = period.Id, MemberId = e.Id, Level = e.Level, Drawn = jurors.Contains(e.Id) }));
        var actions = MetamoderationStore.Actions(c, t, period.StartMs, period.EndMs, headSeq, ActionTypes).Count;
        EventLog.Append(c, t, now, null, EventTypes.MetamoderationDrawn, new
        {
            period = period.Id,
            headSeq,
            headHash = Convert.ToHexStringLower(headHash),
            seed = Convert.ToHexStringLower(seed),
            eligible = eligible.Count,
            jurors = jurors.Order().ToArray(),
            actions,
            sampleSize = policy.MetamoderationSampleSize,
        });
        return true;
    }

    /// <summary>
    /// After a judgement: a moderator with at least minJudgements in the window (since the last
    /// restoring review, if later) and a fair share under minFairShare loses the role.
    /// </summary>
    private static void ApplyThreshold(DbConnection c, DbTransaction t, long moderatorId, DateTimeOffset now)
    {
        var nowMs = Millis.Of(now);
        var policy = PolicyService.Resolve(c, t, null, nowMs);
        var reviews = MetamoderationStore.Reviews(c, t, moderatorId);
        if (!MemberStore.HasRole(c, t, moderatorId, "moderator") || reviews.Any(r => r.DecidedAt is null))
        {
            return;
        }

        var since = nowMs - Millis.Days(policy.MetamoderationWindowDays);
        if (reviews.FirstOrDefault(r => r.Restored == true) is { DecidedAt: { } restoredAt } && restoredAt > since)
        {
            since = restoredAt;
        }

        var figures = MetamoderationStore.Figures(c, t, since, moderatorId).SingleOrDefault();
        if (figures is null || figures.WindowJudgements < policy.MetamoderationMinJudgements)
        {
            return;
        }

        var share = (double)figures.WindowFair / figures.WindowJudgements;
        if (share >= policy.MetamoderationMinFairShare)
        {
            return;
        }

        var roles = MemberRoleStore.Roles(c, t, moderatorId);
        MemberRoleStore.Replace(c, t, moderatorId, roles.Where(r => r != "moderator"));
        var review = MetamoderationStore.InsertReview(c, t, moderatorId, nowMs, share, figures.WindowJudgements);
        EventLog.Append(c, t, now, null, EventTypes.ModeratorSuspended, new
        {
            memberId = moderatorId,
            review,
            fair = figures.WindowFair,
            judgements = figures.WindowJudgements,
            fairShare = Math.Round(share, 4),
            minFairShare = policy.MetamoderationMinFairShare,
            minJudgements = policy.MetamoderationMinJudgements,
            windowDays = policy.MetamoderationWindowDays,
        });
    }

    private static List<ModeratorActionRow> SampleOf(DbConnection c, DbTransaction? t, MetaDrawRow draw, long jurorId) =>
        MetamoderationSample.Of(c, t, draw, jurorId, MetamoderationStore.Actions(c, t, draw.PeriodStart, draw.PeriodEnd, draw.HeadSeq, ActionTypes));

    private static MetaDrawView View(DbConnection c, MetaDrawRow d)
    {
        // Counts and the drawn ids in SQL: a page of draws must not read every entry and action (issue 20's cost).
        var (eligible, drawn) = MetamoderationStore.EntrySummary(c, null, d.PeriodId);
        var actions = MetamoderationStore.ActionCount(c, null, d.PeriodStart, d.PeriodEnd, d.HeadSeq, ActionTypes);
        return new MetaDrawView(d.PeriodId, Millis.At(d.PeriodStart), Millis.At(d.PeriodEnd), d.HeadSeq, Convert.ToHexStringLower(d.HeadHash), Convert.ToHexStringLower(d.Seed),
            eligible, drawn, actions, (int)d.SampleSize, Millis.At(d.JudgingEnds), MetamoderationStore.JudgementCount(c, d.PeriodId));
    }

    /// <summary>The proposal an action is about and the moderator's public reason, from its payload.</summary>
    private static (long? Proposal, string? Reason) Describe(string payload)
    {
        using var document = JsonDocument.Parse(payload);
        var root = document.RootElement;
        long? proposal = root.TryGetProperty("proposal", out var p) && p.ValueKind == JsonValueKind.Number ? p.GetInt64() : null;
        var reason = root.TryGetProperty("reason", out var r) && r.ValueKind == JsonValueKind.String ? r.GetString() : null;
        return (proposal, reason);
    }

    private T Published<T>((T Result, IReadOnlyList<LoggedEvent> Logged) written)
    {
        events.Publish(written.Logged);
        return written.Result;
    }
}
