using System.Text;
using Dapper;
using Governance.Core.Domain;
using Governance.Core.Storage;

namespace Governance.Core.Notifications;

/// <summary>One member's digest, ready to send; <see cref="UpToId"/> is the newest notification in it.</summary>
public sealed record DigestMail(long MemberId, string To, string DisplayName, string Subject, string Body, long UpToId, int Count);

/// <summary>Sends one email; the api implements it over SMTP.</summary>
public interface IMailSender
{
    Task SendAsync(string to, string toName, string subject, string body, CancellationToken cancellationToken);
}

/// <summary>
/// The daily email digest (issue 16): the notifications of the kinds a member set to email,
/// grouped by proposal, never empty, and at most one a day per member.
/// </summary>
public sealed class NotificationDigest(Database database, TimeProvider clock)
{
    public static readonly TimeSpan Interval = TimeSpan.FromDays(1);

    /// <summary>The digests due now: members with notifications waiting whose last digest is a day old or more.</summary>
    public IReadOnlyList<DigestMail> Due()
    {
        var nowMs = Millis.Of(clock.GetUtcNow());
        using var c = database.Open();
        var mails = new List<DigestMail>();
        foreach (var (memberId, email, name) in NotificationStore.DigestsDue(c, nowMs - (long)Interval.TotalMilliseconds))
        {
            var rows = NotificationStore.PendingEmail(c, memberId);
            if (rows.Count == 0)
            {
                continue;
            }

            var handles = c.Query<(long, string)>($"SELECT id, handle FROM members WHERE id {c.InList("@ids")}",
                new { ids = rows.Select(r => r.SubjectId).OfType<long>().Distinct().ToArray() }).ToDictionary(r => r.Item1, r => r.Item2);
            var titles = c.Query<(long, string)>($"SELECT id, title FROM proposals WHERE id {c.InList("@ids")}",
                new { ids = rows.Select(r => r.ProposalId).OfType<long>().Distinct().ToArray() }).ToDictionary(r => r.Item1, r => r.Item2);
            mails.Add(Compose(memberId, email, name, rows, handles, titles));
        }

        return mails;
    }

    /// <summary>Records a digest as sent: its notifications are emailed, and the next is a day away.</summary>
    public void Sent(DigestMail mail)
    {
        ArgumentNullException.ThrowIfNull(mail);
        Transactions.Write(database, (c, t) =>
        {
            NotificationStore.MarkEmailed(c, t, mail.MemberId, mail.UpToId, Millis.Of(clock.GetUtcNow()));
            return 0;
        });
    }

    /// <summary>Sends every digest due through <paramref name="sender"/>; returns how many went out.</summary>
    public async Task<int> SendDueAsync(IMailSender sender, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(sender);
        var sent = 0;
        foreach (var mail in Due())
        {
            await sender.SendAsync(mail.To, mail.DisplayName, mail.Subject, mail.Body, cancellationToken).ConfigureAwait(false);
            Sent(mail);
            sent++;
        }

        return sent;
    }

    /// <summary>The digest's text: one section per proposal (in the order of its first news), then the rest.</summary>
    public static DigestMail Compose(long memberId, string email, string name, IReadOnlyList<NotificationRow> rows,
        IReadOnlyDictionary<long, string> handles, IReadOnlyDictionary<long, string> titles)
    {
        ArgumentNullException.ThrowIfNull(rows);
        var body = new StringBuilder();
        body.Append("Hello ").Append(name).Append(",\n\nhere is what happened since your last digest.\n");
        foreach (var group in rows.GroupBy(r => r.ProposalId).OrderBy(g => g.Key is null ? 1 : 0))
        {
            body.Append('\n').Append(group.Key is long p ? $"Proposal \"{titles.GetValueOrDefault(p, $"#{p}")}\"" : "Your account and delegations").Append('\n');
            foreach (var row in group)
            {
                var at = Millis.At(row.CreatedAt).ToString("yyyy-MM-dd HH:mm 'UTC'", System.Globalization.CultureInfo.InvariantCulture);
                var summary = NotificationText.Summary(row, row.SubjectId is long s ? handles.GetValueOrDefault(s) : null,
                    row.ProposalId is long q ? titles.GetValueOrDefault(q) : null);
                body.Append("  - ").Append(at).Append(": ").Append(summary).Append('\n');
            }
        }

        body.Append("\nYou receive this digest because you chose email for these notifications. Change that on your notification settings page.\n");
        var subject = rows.Count == 1 ? "Governance: 1 notification" : $"Governance: {rows.Count} notifications";
        return new DigestMail(memberId, email, name, subject, body.ToString(), rows.Max(r => r.Id), rows.Count);
    }
}
