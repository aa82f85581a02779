using System.Text.Json;
using Dapper;
using Governance.Api.Tests.Schema;
using Governance.Core.Notifications;
using Governance.Core.Storage;
using Microsoft.Extensions.DependencyInjection;

namespace Governance.Api.Tests.Notifications;

/// <summary>
/// The daily digest, sent by MailKit over real SMTP to a receiver on a loopback port and read
/// back from it: grouped by proposal, never empty, at most one a day.
/// </summary>
public sealed class DigestEmailTests
{
    private static GovernanceApiFactory App(SmtpReceiver receiver) => new()
    {
        Settings =
        {
            ["RateLimits:SignInAttemptsPerMinute"] = "1000",
            ["Clock:Enabled"] = "false",
            ["Email:Smtp:Host"] = "127.0.0.1",
            ["Email:Smtp:Port"] = receiver.Port.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["Email:Smtp:Security"] = "none",
            ["Email:Smtp:From"] = "digest@governance.test",
            // The worker looks at digests when it starts and then not for an hour: the test sends them itself.
            ["Notifications:SweepSeconds"] = "3600",
        },
    };

    private static async Task<Actor> MemberAsync(GovernanceApiFactory factory, string handle)
    {
        var client = ApiClient.CreateCookieClient(factory);
        var (id, _) = await ApiClient.RegisterAsync(client, handle);
        return new Actor(handle, client, id);
    }

    private static Task<JsonElement> DelegateAsync(Actor from, long to, object? scope = null) =>
        from.DataAsync("mutation($s: ScopeInput!, $d: [ID!]!) { delegate(input: { scope: $s, delegates: $d }) { errors { __typename ... on UserError { code } } } }",
            new { s = scope ?? new { global = true }, d = new[] { SchemaFixture.Id("Member", to) } });

    private static async Task WaitForNotificationsAsync(GovernanceApiFactory factory, long memberId, int count)
    {
        var database = factory.Services.GetRequiredService<Database>();
        var deadline = DateTime.UtcNow.AddSeconds(20);
        while (true)
        {
            using var c = database.Open();
            if (c.ExecuteScalar<int>("SELECT count(*) FROM notifications WHERE member_id = @memberId", new { memberId }) >= count)
            {
                return;
            }

            Assert.True(DateTime.UtcNow < deadline, $"only some of {count} notifications arrived");
            await Task.Delay(50);
        }
    }

    [Fact]
    public async Task TheDigestGroupsByProposalIsNeverEmptyAndGoesOutAtMostOnceADay()
    {
        await using var receiver = new SmtpReceiver();
        using var factory = App(receiver);
        var bob = await MemberAsync(factory, "digest-bob");
        var ann = await MemberAsync(factory, "digest-ann");
        var dan = await MemberAsync(factory, "digest-dan");
        var cy = await MemberAsync(factory, "digest-cy");
        var digest = factory.Services.GetRequiredService<NotificationDigest>();
        var mail = factory.Services.GetRequiredService<IMailSender>();
        long proposal;
        string title;
        using (var c = factory.Services.GetRequiredService<Database>().Open())
        {
            (proposal, title) = c.QueryFirst<(long, string)>("SELECT id, title FROM proposals WHERE status = 'voting' ORDER BY id");
        }

        foreach (var kind in new[] { "DELEGATION_RECEIVED", "DELEGATE_VOTED" })
        {
            await bob.DataAsync("mutation($k: NotificationKind!) { setNotificationDelivery(input: { kind: $k, delivery: EMAIL }) { errors { __typename } } }", new { k = kind });
        }

        Assert.Equal(0, await digest.SendDueAsync(mail, CancellationToken.None));
        await DelegateAsync(ann, bob.MemberId!.Value);
        await DelegateAsync(bob, dan.MemberId!.Value);
        await dan.DataAsync("mutation($p: ID!) { vote(input: { proposal: $p, choice: YES }) { errors { __typename } } }", new { p = SchemaFixture.Id("Proposal", proposal) });
        await WaitForNotificationsAsync(factory, bob.MemberId!.Value, 2);
        await WaitForNotificationsAsync(factory, dan.MemberId!.Value, 1);

        var sent = await digest.SendDueAsync(mail, CancellationToken.None);

        // Dan wants his in the app only: one digest, Bob's.
        Assert.Equal(1, sent);
        var message = Assert.Single(receiver.Messages);
        Assert.Equal(["digest-bob@example.org"], message.To);
        Assert.Equal("digest@governance.test", message.From);
        Assert.Contains("Subject: Governance: 2 notifications", message.Data);
        var body = message.Data[message.Data.IndexOf("\n\n", StringComparison.Ordinal)..];
        var proposalSection = body.IndexOf($"Proposal \"{title}\"", StringComparison.Ordinal);
        var otherSection = body.IndexOf("Your account and delegations", StringComparison.Ordinal);
        Assert.True(proposalSection > 0 && otherSection > proposalSection, body);
        Assert.Contains("@digest-dan, your delegate, voted on", body[proposalSection..otherSection]);
        Assert.Contains("@digest-ann delegated to you", body[otherSection..]);

        // A new notification the same day waits for tomorrow's digest.
        await DelegateAsync(cy, bob.MemberId!.Value);
        await WaitForNotificationsAsync(factory, bob.MemberId!.Value, 3);
        Assert.Equal(0, await digest.SendDueAsync(mail, CancellationToken.None));
        Assert.Single(receiver.Messages);

        var tomorrow = new NotificationDigest(factory.Services.GetRequiredService<Database>(), new Later(TimeSpan.FromHours(24.5)));
        Assert.Equal(1, await tomorrow.SendDueAsync(mail, CancellationToken.None));
        var second = receiver.Messages.Last();
        Assert.Contains("Subject: Governance: 1 notification", second.Data);
        Assert.Contains("@digest-cy delegated to you", second.Data);
        Assert.DoesNotContain("digest-ann", second.Data);
    }

    /// <summary>The system clock, some time ahead.</summary>
    private sealed class Later(TimeSpan ahead) : TimeProvider
    {
        public override DateTimeOffset GetUtcNow() => System.GetUtcNow() + ahead;
    }
}
