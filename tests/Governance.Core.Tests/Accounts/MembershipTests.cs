using System.Globalization;
using System.Text;
using Dapper;
using FsCheck;
using FsCheck.Fluent;
using Governance.Core.Accounts;
using Governance.Core.Delegation;
using Governance.Core.Domain;
using Governance.Core.Storage;
using Governance.Core.Tests.Domain;

namespace Governance.Core.Tests.Accounts;

/// <summary>Who may vote: the registration policy, invitation codes and the membership register.</summary>
public sealed class MembershipTests : IDisposable
{
    private readonly Organisation org = new();
    private readonly EngineHost engine;
    private readonly MembershipService membership;

    public MembershipTests()
    {
        engine = new EngineHost(EngineLoader.Load(org.Database));
        membership = new MembershipService(org.Database, org.Clock, engine);
    }

    public void Dispose()
    {
        engine.Dispose();
        org.Dispose();
    }

    private void SetRegistration(string value) => org.Policies.Set(org.Admin, null, $$"""{"registration":"{{value}}"}""");

    private Task<MemberIdentity> Register(string handle, string? code = null, string? number = null, string? email = null) =>
        membership.RegisterAsync(handle, handle, email ?? $"{handle}@example.org", "hash", new RegistrationClaims(code, number));

    private static async Task<DomainException> Refused(Func<Task> command) => await Assert.ThrowsAsync<DomainException>(command);

    [Fact]
    public async Task ANewOrganisationRegistersByInvitationAndACodeGivesTheVotingRightOnce()
    {
        var without = await Refused(() => Register("ann"));
        Assert.Equal(("invitation_required", "invitationCode"), (without.Code, without.Field));

        var (code, invitation) = membership.CreateInvitation(org.Admin, "for the housing group", 7);
        var ann = await Register("ann", code.ToLowerInvariant().Replace("-", " ", StringComparison.Ordinal));
        var again = await Refused(() => Register("bob", code));

        Assert.True(ann.VotingRight);
        Assert.True(engine.Read(e => e.Members.TryGetIndex(ann.Id, out _)));
        Assert.Equal(("invalid_invitation", "invitationCode"), (again.Code, again.Field));
        Assert.Equal($"Invited by an admin (invitation {invitation.Id}).", membership.VotingRightReason(ann.Id));
        Assert.Equal(ann.Id, membership.Invitations().Single(i => i.Id == invitation.Id).UsedBy);
        var payload = org.Db.ExecuteScalar<string>("SELECT payload FROM event_log WHERE type = 'member.registered'")!;
        Assert.Contains("\"votingRight\":true", payload, StringComparison.Ordinal);
        Assert.Contains("Invited by an admin", payload, StringComparison.Ordinal);
        Assert.DoesNotContain("housing group", payload, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AnExpiredOrRevokedCodeIsRefusedAndOnlyAdminsIssueCodes()
    {
        var (expiring, _) = membership.CreateInvitation(org.Admin, null, 1);
        var (revoked, invitation) = membership.CreateInvitation(org.Admin, null, 14);
        membership.RevokeInvitation(org.Admin, invitation.Id);
        org.Clock.Advance(TimeSpan.FromDays(2));

        Assert.Equal("invitation_expired", (await Refused(() => Register("ann", expiring))).Code);
        Assert.Equal("invalid_invitation", (await Refused(() => Register("ann", revoked))).Code);
        Assert.Equal(DomainErrors.NotAllowed, Assert.Throws<DomainException>(() => membership.CreateInvitation(org.Moderator, null, 14)).Code);
        Assert.Equal("expiresInDays", Assert.Throws<DomainException>(() => membership.CreateInvitation(org.Admin, null, 91)).Field);
        Assert.Equal(0, org.Db.ExecuteScalar<int>("SELECT count(*) FROM members WHERE handle = 'ann'"));
    }

    [Fact]
    public async Task UnderOpenRegistrationEveryoneVotesAndUnderTheRegistryOnlyAMatchedMember()
    {
        SetRegistration("open");
        Assert.True((await Register("open.ann")).VotingRight);

        SetRegistration("registry");
        await membership.ImportRegistryAsync(org.Admin, "member_number,email,name,status\n1001,bob@example.org,Bob,active\n", dryRun: false);
        var bob = await Register("bob", number: "1001");
        var cy = await Register("cy");
        var mallory = await Register("mallory", number: "1001.x");

        Assert.True(bob.VotingRight);
        Assert.False(cy.VotingRight);
        Assert.False(mallory.VotingRight);
        Assert.Contains("Not yet matched", membership.VotingRightReason(cy.Id), StringComparison.Ordinal);
        Assert.False(engine.Read(e => e.HasVotingRight(cy.Id)));
    }

    [Fact]
    public async Task AMemberNumberWithAnotherEmailIsNoMatchAndAClaimedNumberIsRefused()
    {
        SetRegistration("registry");
        await membership.ImportRegistryAsync(org.Admin, "member_number,email,name,status\n7,real@example.org,Real,active\n", dryRun: false);

        var impostor = await Register("impostor", number: "7", email: "impostor@example.org");
        var real = await Refused(() => Register("real", number: "7", email: "real@example.org"));

        Assert.False(impostor.VotingRight);
        Assert.Equal(("member_number_taken", "memberNumber"), (real.Code, real.Field));
    }

    [Fact]
    public async Task TheImportGrantsAndSuspendsMatchedMembersWithTheReasonInTheLog()
    {
        SetRegistration("registry");
        var ann = await Register("ann", number: "A-1");
        Assert.False(ann.VotingRight);

        var granted = await membership.ImportRegistryAsync(org.Admin, "member_number,email,name,status\nA-1,ann@example.org,Ann,active\n", dryRun: false);
        var suspended = await membership.ImportRegistryAsync(org.Admin, "member_number,email,name,status\nA-1,ann@example.org,Ann,suspended\n", dryRun: false);

        Assert.Equal([ann.Id], granted.Granted.Select(g => g.MemberId));
        Assert.Equal([ann.Id], suspended.Suspended.Select(g => g.MemberId));
        Assert.False(engine.Read(e => e.HasVotingRight(ann.Id)));
        var events = org.Db.Query<(string Type, string Payload)>(
            "SELECT type, payload FROM event_log WHERE type LIKE 'member.voting-right-%' ORDER BY seq").ToList();
        Assert.Equal(["member.voting-right-granted", "member.voting-right-suspended"], events.Select(e => e.Type));
        Assert.All(events, e => Assert.Contains("membership register", e.Payload, StringComparison.Ordinal));
        Assert.Equal(2, org.Db.ExecuteScalar<int>("SELECT count(*) FROM voting_right_changes WHERE member_id = @Id", new { ann.Id }));
    }

    [Fact]
    public async Task AMalformedLineRefusesTheWholeFileNamingTheLineAndChangesNothing()
    {
        await membership.ImportRegistryAsync(org.Admin, "member_number,email,name,status\n1,a@example.org,A,active\n", dryRun: false);
        var before = org.Fingerprint() + RegistryState();

        var refused = await Assert.ThrowsAsync<DomainException>(() => membership.ImportRegistryAsync(
            org.Admin, "member_number,email,name,status\n1,a@example.org,A,suspended\n2,b@example.org,B,active\n3,not-an-email,C,active\n", dryRun: false));

        Assert.Equal(("malformed_csv", "csv"), (refused.Code, refused.Field));
        Assert.StartsWith("line 4:", refused.Message, StringComparison.Ordinal);
        Assert.Equal(before, org.Fingerprint() + RegistryState());
        Assert.StartsWith("line 3: expected 4 fields", Assert.Throws<DomainException>(() => RegistryCsv.Parse("member_number,email,name,status\n1,a@example.org,A,active\n2,b@example.org\n")).Message, StringComparison.Ordinal);
        Assert.StartsWith("line 3: member number 1 appears again (first on line 2)", Assert.Throws<DomainException>(() => RegistryCsv.Parse("member_number,email,name,status\n1,a@example.org,A,active\n1,b@example.org,B,active\n")).Message, StringComparison.Ordinal);
        Assert.Equal("Smith, Jo \"JJ\"", RegistryCsv.Parse("name,status,email,member_number\r\n\"Smith, Jo \"\"JJ\"\"\",active,j@example.org,9\r\n").Single().Name);
    }

    [Fact]
    public async Task OnlyAnAdminImportsTheRegister()
    {
        var refused = await Assert.ThrowsAsync<DomainException>(() => membership.ImportRegistryAsync(org.Moderator, "member_number,email,name,status\n", dryRun: true));
        Assert.Equal(DomainErrors.NotAllowed, refused.Code);
    }

    /// <summary>
    /// On random registers and random accounts (some claiming member numbers): importing a file
    /// twice leaves exactly the state importing it once leaves, the second import reports no
    /// change, and a dry run reports what the real import then does while changing nothing.
    /// </summary>
    [Fact]
    public void ImportingTwiceIsImportingOnceAndADryRunForetellsTheImport() =>
        Check.One(Config.QuickThrowOnFailure.WithMaxTest(25), Prop.ForAll(Arb.From(Gen.Choose(0, 1_000_000_000)), seed =>
        {
            using var run = new Organisation();
            using var host = new EngineHost(EngineLoader.Load(run.Database));
            var service = new MembershipService(run.Database, run.Clock, host);
            run.Policies.Set(run.Admin, null, """{"registration":"registry"}""");
            var random = new Random(seed);
            for (var i = 0; i < random.Next(0, 8); i++)
            {
                var n = random.Next(1, 12);
                try
                {
                    service.RegisterAsync($"m{i}", $"M {i}", $"p{n}@example.org", "hash", new RegistrationClaims(null, random.Next(2) == 0 ? $"N{n}" : null)).GetAwaiter().GetResult();
                }
                catch (DomainException)
                {
                    // A taken email or number: fine, the next one.
                }
            }

            service.ImportRegistryAsync(run.Admin, RandomRegister(random), dryRun: false).GetAwaiter().GetResult();
            var csv = RandomRegister(random);

            var before = State(run);
            var dry = service.ImportRegistryAsync(run.Admin, csv, dryRun: true).GetAwaiter().GetResult();
            Assert.Equal(before, State(run));
            var once = service.ImportRegistryAsync(run.Admin, csv, dryRun: false).GetAwaiter().GetResult();
            var afterOnce = State(run);
            var twice = service.ImportRegistryAsync(run.Admin, csv, dryRun: false).GetAwaiter().GetResult();

            Assert.Equal(afterOnce, State(run));
            Assert.Equal(Describe(dry with { DryRun = false }), Describe(once));
            Assert.Equal((0, 0, 0, 0), (twice.Added, twice.Updated, twice.Granted.Count, twice.Suspended.Count));
            Assert.Equal(once.Lines, twice.Unchanged);
            Assert.True(EventLog.Verify(run.Database).Intact);
        }));

    /// <summary>
    /// On random registers with one bad line put at a random place (too few fields, a bad
    /// member number, email or status, a number given twice): the import is refused naming
    /// exactly that line, and neither the register, the voting rights nor the log change; a
    /// dry run is refused the same way.
    /// </summary>
    [Fact]
    public void AMalformedLineAnywhereRefusesTheWholeImportNamingThatLine() =>
        Check.One(Config.QuickThrowOnFailure.WithMaxTest(25), Prop.ForAll(Arb.From(Gen.Choose(0, 1_000_000_000)), seed =>
        {
            using var run = new Organisation();
            using var host = new EngineHost(EngineLoader.Load(run.Database));
            var service = new MembershipService(run.Database, run.Clock, host);
            var random = new Random(seed);
            service.ImportRegistryAsync(run.Admin, RandomRegister(random), dryRun: false).GetAwaiter().GetResult();
            var rows = RandomRegister(random).Split('\n', StringSplitOptions.RemoveEmptyEntries).Skip(1).ToList();
            var at = random.Next(0, rows.Count + 1);
            var bad = random.Next(5) switch
            {
                0 => "X1,x1@example.org,X",
                1 => "no number!,x2@example.org,X,active",
                2 => "X3,not-an-email,X,active",
                3 => "X4,x4@example.org,X,maybe",
                _ => rows.Count > 0 && at > 0 ? rows[random.Next(at)] : "X5,x5@example.org,X,active\nX5,x6@example.org,Y,active",
            };
            var badLine = bad.StartsWith("X5,", StringComparison.Ordinal) ? at + 3 : at + 2;
            rows.Insert(at, bad);
            var csv = "member_number,email,name,status\n" + string.Join('\n', rows) + "\n";
            var before = State(run) + "|" + run.Db.ExecuteScalar<long>("SELECT count(*) FROM event_log");

            foreach (var dryRun in new[] { true, false })
            {
                var refused = Assert.Throws<DomainException>(() => service.ImportRegistryAsync(run.Admin, csv, dryRun).GetAwaiter().GetResult());
                Assert.Equal(("malformed_csv", "csv"), (refused.Code, refused.Field));
                Assert.StartsWith($"line {badLine}:", refused.Message, StringComparison.Ordinal);
            }

            Assert.Equal(before, State(run) + "|" + run.Db.ExecuteScalar<long>("SELECT count(*) FROM event_log"));
        }));

    private static string RandomRegister(Random random)
    {
        var csv = new StringBuilder("member_number,email,name,status\n");
        foreach (var n in Enumerable.Range(1, 12).Where(_ => random.Next(3) > 0))
        {
            csv.Append(CultureInfo.InvariantCulture, $"N{n},p{(random.Next(4) == 0 ? random.Next(1, 12) : n)}@example.org,\"Person, {n}\",{(random.Next(3) == 0 ? "suspended" : "active")}\n");
        }

        return csv.ToString();
    }

    private static string Describe(RegistryImportReport r) =>
        $"{r.Lines}|{r.Added}|{r.Updated}|{r.Unchanged}|{string.Join(';', r.Changes.Select(c => $"{c.MemberNumber}:{c.Added}:{string.Join(',', c.ChangedFields)}"))}" +
        $"|{string.Join(';', r.Granted.Select(g => g.MemberId))}|{string.Join(';', r.Suspended.Select(g => g.MemberId))}";

    private static string State(Organisation run) => run.Db.ExecuteScalar<string>(
        """
        SELECT coalesce((SELECT string_agg(member_number || ':' || email || ':' || name || ':' || in_good_standing || ':' || coalesce(member_id, 0), ',') FROM (SELECT * FROM registry_entries ORDER BY member_number) AS r), '')
            || '|' || (SELECT string_agg(id || ':' || voting_right, ',') FROM (SELECT id, voting_right FROM members ORDER BY id) AS m)
            || '|' || (SELECT count(*) FROM voting_right_changes)
        """)!;

    private string RegistryState() => State(org);
}
