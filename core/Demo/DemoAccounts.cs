namespace Governance.Core.Demo;

/// <summary>A member of the demo organisation a newcomer can sign in as (README, start-up log).</summary>
public sealed record DemoAccount(string Handle, string Role, string Shows);

/// <summary>
/// The demo organisation's sign-in accounts: fixed handles, whatever the seed and size, so the
/// README's table is true of every demo. They get <see cref="Password"/> only when the demo is
/// seeded (<see cref="Storage.ImportStore"/> with a password hash); a database that is never
/// demo-seeded has no such credentials.
/// </summary>
public static class DemoAccounts
{
    /// <summary>Public on purpose: it is printed in the README and the start-up log.</summary>
    public const string Password = "demo-password";

    public static readonly DemoAccount Admin = new("demo.admin", "admin, moderator", "the admin pages and the moderators' queue");

    public static readonly DemoAccount Moderator = new("demo.moderator", "moderator", "the moderators' queue and its public log");

    public static readonly DemoAccount Member = new("demo.member", "member", "karma from endorsements, delegations given and received, support points");

    public static readonly DemoAccount NoVote = new("demo.novote", "member without a voting right", "what a member whose voting right is suspended sees");

    public static IReadOnlyList<DemoAccount> All { get; } = [Admin, Moderator, Member, NoVote];
}
