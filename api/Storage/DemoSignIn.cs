using Dapper;
using Governance.Core.Accounts;
using Governance.Core.Demo;
using Governance.Core.Storage;
using Microsoft.AspNetCore.Identity;

namespace Governance.Api.Storage;

/// <summary>
/// The demo accounts' password: hashed into a demo organisation when it is seeded, and named in
/// the start-up log while an account still has it (README, "Sign in to the demo"). A database
/// that was never demo-seeded has none of these credentials, so the log says nothing there.
/// </summary>
internal static class DemoSignIn
{
    public static GeneratedOrganisation WithPasswords(GeneratedOrganisation organisation) =>
        organisation with { DemoPasswordHash = new PasswordHasher<MemberIdentity>().HashPassword(null!, DemoAccounts.Password) };

    /// <summary>The demo accounts that sign in with the demo password in this database.</summary>
    public static IReadOnlyList<DemoAccount> Usable(Database database)
    {
        using var connection = database.Open();
        var handles = DemoAccounts.All.Select(a => a.Handle).ToArray();
        var rows = connection.Query<(string Handle, string Hash)>(
            $"SELECT m.handle, c.password_hash FROM members m JOIN member_credentials c ON c.member_id = m.id WHERE m.handle {connection.InList("@handles")}",
            new { handles }).ToDictionary(r => r.Handle, r => r.Hash, StringComparer.OrdinalIgnoreCase);
        var hasher = new PasswordHasher<MemberIdentity>();
        return DemoAccounts.All
            .Where(a => rows.TryGetValue(a.Handle, out var hash) && hasher.VerifyHashedPassword(null!, hash, DemoAccounts.Password) != PasswordVerificationResult.Failed)
            .ToList();
    }

    public static void Log(ILogger logger, Database database)
    {
        if (!logger.IsEnabled(LogLevel.Information))
        {
            // Finding the usable accounts verifies up to four password hashes (PBKDF2, a tenth of
            // a second of CPU each): not worth a start-up's time when the line would not be written.
            return;
        }

        var usable = Usable(database);
        if (usable.Count == 0)
        {
            return;
        }

        var table = string.Join(Environment.NewLine, usable.Select(a => $"  {a.Handle,-16} {a.Role,-32} {DemoAccounts.Password}"));
        logger.LogInformation(
            "Demo organisation: sign in as one of these (handle, role, password):{NewLine}{Accounts}",
            Environment.NewLine,
            table);
    }
}
