using Dapper;
using Governance.Core.Accounts;
using Governance.Core.Delegation;
using Governance.Core.Domain;
using Governance.Core.Events;
using Governance.Core.Storage;
using Governance.Core.Tests.Domain;

namespace Governance.Core.Tests.Accounts;

/// <summary>Export and erasure: everything about a member downloads; erasure pseudonymises and keeps the log's chain intact.</summary>
public sealed class ErasureTests : IDisposable
{
    private readonly Organisation org = new();
    private readonly EngineHost engine;
    private readonly DelegationService delegations;
    private readonly MemberDataService data;
    private readonly long ann;
    private readonly long bob;

    public ErasureTests()
    {
        ann = org.AddMember("ann", 12);
        bob = org.AddMember("bob", 12);
        org.Db.Execute("INSERT INTO member_credentials (member_id, password_hash, password_changed_at) VALUES (@ann, 'ann-password', 0)", new { ann });
        org.Db.Execute("UPDATE members SET email = 'ann@example.org' WHERE id = @ann", new { ann });
        engine = new EngineHost(EngineLoader.Load(org.Database));
        delegations = new DelegationService(org.Database, org.Clock, engine);
        data = new MemberDataService(org.Database, org.Clock, new PlainPasswords(), delegations, org.Support);
    }

    public void Dispose()
    {
        engine.Dispose();
        org.Dispose();
    }

    [Fact]
    public async Task ErasureRevokesDelegationsReleasesSupportPseudonymisesAndVerifyLogStillPasses()
    {
        await delegations.SetAsync(ann, DelegationScope.Global, [bob]);
        var proposal = org.Proposals.Propose(bob, org.Housing, "Benches by the pond", "Two benches.").Id;
        org.Support.Allocate(ann, proposal, 1);
        var own = org.Proposals.Propose(ann, org.Housing, "A fountain", "One fountain.").Id;

        var pseudonym = await data.EraseAsync(ann, "ann-password");

        var member = org.Db.QuerySingle<(string Handle, string DisplayName, string? Email)>("SELECT handle, display_name, email FROM members WHERE id = @ann", new { ann });
        Assert.Equal(("erased-" + ann, "Erased member " + ann, (string?)null), member);
        Assert.Equal(pseudonym, member.Handle);
        Assert.Empty(await delegations.CurrentForMemberAsync(ann));
        Assert.Equal(0, org.Db.ExecuteScalar<long>("SELECT count(*) FROM supports WHERE member_id = @ann AND released_at IS NULL", new { ann }));
        Assert.Equal(0, org.Db.ExecuteScalar<long>("SELECT count(*) FROM member_credentials WHERE member_id = @ann", new { ann }));
        Assert.Equal(ann, org.Db.ExecuteScalar<long>("SELECT author_id FROM proposals WHERE id = @own", new { own }));
        Assert.Equal(1, org.Db.ExecuteScalar<long>("SELECT count(*) FROM event_log WHERE type = @type AND actor_id = @ann", new { type = EventTypes.MemberErased, ann }));
        var verification = EventLog.Verify(org.Database);
        Assert.True(verification.Intact, verification.Problem);
    }

    [Fact]
    public async Task AWrongPasswordErasesNothing()
    {
        var events = org.Db.ExecuteScalar<long>("SELECT count(*) FROM event_log");

        var refused = await Assert.ThrowsAsync<DomainException>(() => data.EraseAsync(ann, "not it"));

        Assert.Equal("password", refused.Field);
        Assert.Equal("ann", org.Db.ExecuteScalar<string>("SELECT handle FROM members WHERE id = @ann", new { ann }));
        Assert.Equal(events, org.Db.ExecuteScalar<long>("SELECT count(*) FROM event_log"));
    }

    [Fact]
    public void TheExportHoldsTheMembersRowsAndNoSecrets()
    {
        var export = data.Export(ann);

        Assert.Contains("ann@example.org", export, StringComparison.Ordinal);
        Assert.Contains("\"delegations\"", export, StringComparison.Ordinal);
        Assert.DoesNotContain("ann-password", export, StringComparison.Ordinal);
    }

    private sealed class PlainPasswords : IPasswordHashing
    {
        public string Hash(string password) => password;

        public bool Verify(string hash, string password) => hash == password;
    }
}
