using System.Data.Common;
using System.Text.Json;
using Governance.Core.Comments;
using Governance.Core.Events;
using Governance.Core.Notifications;
using Governance.Core.Storage;

namespace Governance.Core.Metamoderation;

/// <summary>
/// Which moderator actions a juror may judge, the one rule the service, the tasks and the
/// verifier share (docs/moderation.md): not their own action, and not one about a proposal or
/// comment they wrote or reported. A juror judging their own case is no check on a moderator.
/// The sample freezes reports at the period's end (what the head entry covers), so that anyone
/// recomputes the same sample later; a report filed after that still bars the judgement.
/// </summary>
internal static class MetamoderationSample
{
    /// <summary>A juror's sample: the draw over the period's actions they may judge, reports counted up to the period's end.</summary>
    public static List<ModeratorActionRow> Of(DbConnection c, DbTransaction? t, MetaDrawRow draw, long jurorId, IReadOnlyList<ModeratorActionRow> actions)
    {
        var own = OwnSubjects(c, t, jurorId, actions, draw.PeriodEnd);
        var candidates = actions.Where(a => a.ModeratorId != jurorId && !Subjects(a).Any(own.Contains)).ToList();
        var sample = MetamoderationDraw.Sample(draw.Seed, jurorId, candidates.Select(a => a.Seq), (int)draw.SampleSize).ToHashSet();
        return candidates.Where(a => sample.Contains(a.Seq)).ToList();
    }

    /// <summary>
    /// "You were drawn" (docs/notifications.md): each juror of the period whose sample holds an
    /// action, grouped by how many; a juror with nothing to judge is not told. The sample is
    /// fixed at the draw, so reading it when the feed gets to the entry gives the same answer.
    /// </summary>
    public static IReadOnlyList<PlannedNotification> DrawnNotices(DbConnection c, string periodId)
    {
        if (MetamoderationStore.Find(c, null, periodId) is not { } draw)
        {
            return [];
        }

        var actions = MetamoderationStore.Actions(c, null, draw.PeriodStart, draw.PeriodEnd, draw.HeadSeq, MetamoderationService.ActionTypes);
        return MetamoderationStore.Entries(c, null, periodId).Where(e => e.Drawn)
            .Select(e => (Juror: e.MemberId, Count: Of(c, null, draw, e.MemberId, actions).Count))
            .Where(j => j.Count > 0)
            .GroupBy(j => j.Count)
            .OrderBy(g => g.Key)
            .Select(g => new PlannedNotification(NotificationKinds.MetamoderationDrawn, null, null,
                NotificationRecipients.Detail(new { period = periodId, actions = g.Key, judgingEndsAt = draw.JudgingEnds }), g.Select(j => j.Juror).ToList()))
            .ToList();
    }

    /// <summary>Whether the juror wrote or reported (at any time up to now) what <paramref name="action"/> is about.</summary>
    public static bool IsOwnCase(DbConnection c, DbTransaction? t, long jurorId, ModeratorActionRow action)
    {
        var own = OwnSubjects(c, t, jurorId, [action], long.MaxValue);
        return action.ModeratorId == jurorId || Subjects(action).Any(own.Contains);
    }

    /// <summary>
    /// What an action is about: the proposal of an agenda decision (both proposals of a merge),
    /// or the proposal or comment a hide, restore or upheld hide names.
    /// </summary>
    public static IEnumerable<(string Kind, long Id)> Subjects(ModeratorActionRow action)
    {
        using var document = JsonDocument.Parse(action.Payload);
        var root = document.RootElement;
        var subjects = new List<(string, long)>();
        if (action.Type is EventTypes.ContentHidden or EventTypes.ContentRestored or EventTypes.ContentHideUpheld)
        {
            if (root.TryGetProperty("kind", out var kind) && kind.ValueKind == JsonValueKind.String
                && root.TryGetProperty("target", out var target) && target.ValueKind == JsonValueKind.Number)
            {
                subjects.Add((kind.GetString()!, target.GetInt64()));
            }

            return subjects;
        }

        foreach (var name in (string[])["proposal", "into"])
        {
            if (root.TryGetProperty(name, out var p) && p.ValueKind == JsonValueKind.Number)
            {
                subjects.Add((ReportService.Proposal, p.GetInt64()));
            }
        }

        return subjects;
    }

    private static HashSet<(string Kind, long Id)> OwnSubjects(DbConnection c, DbTransaction? t, long jurorId, IReadOnlyList<ModeratorActionRow> actions, long reportedByMs)
    {
        var subjects = actions.SelectMany(Subjects).ToList();
        var proposals = subjects.Where(s => s.Kind == ReportService.Proposal).Select(s => s.Id).Distinct().ToArray();
        var comments = subjects.Where(s => s.Kind == ReportService.Comment).Select(s => s.Id).Distinct().ToArray();
        return MetamoderationStore.WrittenOrReported(c, t, jurorId, proposals, comments, reportedByMs).ToHashSet();
    }
}
