using System.Globalization;
using System.Text.Json;

namespace Governance.Core.Notifications;

/// <summary>
/// A notification in one English sentence, for the email digest and for clients that show the
/// text as is (the web client words each kind itself, in the member's language).
/// </summary>
public static class NotificationText
{
    public static string Summary(NotificationRow row, string? subjectHandle, string? proposalTitle)
    {
        ArgumentNullException.ThrowIfNull(row);
        using var document = JsonDocument.Parse(row.Detail);
        var detail = document.RootElement;
        var who = subjectHandle is null ? "A member" : "@" + subjectHandle;
        var title = proposalTitle is null ? "a proposal" : $"\"{proposalTitle}\"";
        return row.Kind switch
        {
            NotificationKinds.DelegationReceived => Text(detail, "change") switch
            {
                "revoked" => $"{who} no longer delegates to you ({Scope(detail)}). You now carry {Weight(detail)}.",
                "changed" => $"{who} changed their delegation to you ({Scope(detail)}). You now carry {Weight(detail)}.",
                _ => $"{who} delegated to you ({Scope(detail)}). You now carry {Weight(detail)}.",
            },
            NotificationKinds.DelegateVoted => $"{who}, your delegate, voted on {title}.",
            NotificationKinds.DelegateNotVoted => $"{who}, your delegate, has not voted on {title}, which closes within 48 hours. Vote yourself to be sure.",
            NotificationKinds.DelegateLostRight => $"{who}, your delegate, lost their voting right: your vote passes them over.",
            NotificationKinds.DelegateBlocked => $"{who}, your delegate, blocked delegation {Scope(detail)}: there your vote stops with them unless they vote. Vote yourself or choose another delegate.",
            NotificationKinds.ProposalOnAgenda => $"{title} reached the agenda.",
            NotificationKinds.ProposalScheduled => $"{title} was scheduled for a vote.",
            NotificationKinds.ProposalReturned => $"{title} was returned for more work.",
            NotificationKinds.ProposalDeclined => $"{title} was declined.",
            NotificationKinds.ProposalMerged => $"{title} was merged into another proposal.",
            NotificationKinds.ProposalEdited => $"{title}, which you support, was edited.",
            NotificationKinds.VoteOpened => $"The vote on {title} opened.",
            NotificationKinds.VoteClosing => $"The vote on {title} closes within 24 hours and you have not voted.",
            NotificationKinds.LotteryDrawn => "You were drawn in the counterweight lottery: your karma went back to 0.",
            NotificationKinds.MetamoderationDrawn => "You were drawn to judge a sample of moderators' actions: was each fair? Judge them on the Metamoderation page.",
            NotificationKinds.SignInFailed => "Someone failed to sign in to your account. If it was not you, change your password.",
            _ => row.Kind,
        };
    }

    private static string Scope(JsonElement detail) => Text(detail, "scope") switch
    {
        "global" => "everywhere",
        { } s when s.StartsWith("area:", StringComparison.Ordinal) => "in one area",
        { } s when s.StartsWith("proposal:", StringComparison.Ordinal) => "on one proposal",
        _ => "somewhere",
    };

    private static string Weight(JsonElement detail) =>
        detail.TryGetProperty("weight", out var w) && w.ValueKind == JsonValueKind.Number
            ? (w.GetInt64() == 1 ? "only your own vote" : string.Create(CultureInfo.InvariantCulture, $"{w.GetInt64()} votes (your own included)"))
            : "your own vote";

    private static string? Text(JsonElement detail, string property) =>
        detail.ValueKind == JsonValueKind.Object && detail.TryGetProperty(property, out var v) && v.ValueKind == JsonValueKind.String ? v.GetString() : null;
}
