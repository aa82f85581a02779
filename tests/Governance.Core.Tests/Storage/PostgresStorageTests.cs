using Dapper;
using Governance.Core.Demo;
using Governance.Core.Storage;
using Governance.Tests.Shared;

namespace Governance.Core.Tests.Storage;

/// <summary>What only PostgreSQL has to prove: the same hashes as SQLite, and its own refusals.</summary>
public sealed class PostgresStorageTests
{
    private static readonly DateTimeOffset T0 = new(2026, 11, 1, 12, 0, 0, TimeSpan.Zero);

    private static List<(long Seq, byte[] Hash, string Payload)> AppendAndRead(Database database)
    {
        using var connection = database.Open();
        for (var i = 0; i < 12; i++)
        {
            using var transaction = connection.BeginWrite();
            EventLog.Append(connection, transaction, T0.AddSeconds(i * 7), i % 4 == 0 ? null : 1000 + i, "test.happened", new
            {
                Index = i,
                Text = $"Zoë's \"entry\" {i} \u2028 ünïcödé",
                Share = i / 3.0,
                Nested = new { Z = new[] { 1, 2, 3 }, A = (string?)null },
            });
            transaction.Commit();
        }

        return connection.Query<(long, byte[], string)>("SELECT seq, hash, payload FROM event_log ORDER BY seq").ToList();
    }

    [PostgresFact]
    public void TheSameEntriesHashTheSameOnSqliteAndPostgres()
    {
        using var sqlite = new TempDatabase(provider: StorageProvider.Sqlite);
        using var postgres = new TempDatabase(provider: StorageProvider.Postgres);

        var onSqlite = AppendAndRead(sqlite.Database);
        var onPostgres = AppendAndRead(postgres.Database);

        Assert.Equal(onSqlite.Select(r => (r.Seq, Convert.ToHexString(r.Hash), r.Payload)), onPostgres.Select(r => (r.Seq, Convert.ToHexString(r.Hash), r.Payload)));
        Assert.True(EventLog.Verify(postgres.Database).Intact);
    }

    [PostgresFact]
    public void AnotherApplicationsSchemaIsRefusedAndLeftUntouched()
    {
        using var temp = new TempDatabase(migrate: false, provider: StorageProvider.Postgres);
        using (var connection = temp.Database.Open())
        {
            connection.Execute("CREATE TABLE invoices (id BIGINT PRIMARY KEY)");
        }

        var refusal = Assert.Throws<StorageException>(() => Migrator.Apply(temp.Database));

        Assert.Contains("another application", refusal.Message, StringComparison.Ordinal);
        using var check = temp.Database.Open();
        Assert.Equal(1, check.ExecuteScalar<long>("SELECT count(*) FROM information_schema.tables WHERE table_schema = current_schema()"));
    }

    [PostgresFact]
    public void HandlesAreUniqueAndFoundWhateverTheirCaseAsOnSqlite()
    {
        foreach (var provider in new[] { StorageProvider.Sqlite, StorageProvider.Postgres })
        {
            using var temp = new TempDatabase(provider: provider);
            using var connection = temp.Database.Open();
            connection.Execute("INSERT INTO members (handle, display_name, email, karma_at, joined_at, last_active_at) VALUES ('Ada', 'Ada', 'ADA@example.org', 0, 0, 0)");

            Assert.Equal(1, connection.ExecuteScalar<long>("SELECT count(*) FROM members WHERE handle = @h AND email = @e", new { h = "aDA", e = "ada@EXAMPLE.org" }));
            var duplicate = Assert.ThrowsAny<System.Data.Common.DbException>(() =>
                connection.Execute("INSERT INTO members (handle, display_name, karma_at, joined_at, last_active_at) VALUES ('ADA', 'x', 0, 0, 0)"));
            Assert.True(Database.IsConstraintViolation(duplicate), provider.ToString());
        }
    }

    [PostgresFact]
    public void AnImportedOrganisationLoadsAsOnSqliteAndNewRowsNumberOnFromIt()
    {
        var organisation = OrganisationGenerator.Generate(300, 11, T0);
        using var sqlite = new TempDatabase(provider: StorageProvider.Sqlite);
        using var postgres = new TempDatabase(provider: StorageProvider.Postgres);
        ImportStore.Import(sqlite.Database, organisation, T0);
        ImportStore.Import(postgres.Database, organisation, T0);

        var fromSqlite = EngineLoader.Load(sqlite.Database);
        var fromPostgres = EngineLoader.Load(postgres.Database);
        Assert.Equal(fromSqlite.MemberCount, fromPostgres.MemberCount);
        foreach (var proposal in organisation.Proposals.Where(p => p.Status == "voting"))
        {
            var a = fromSqlite.Count(proposal.Id, Governance.Core.Delegation.TallyPolicy.Default);
            var b = fromPostgres.Count(proposal.Id, Governance.Core.Delegation.TallyPolicy.Default);
            Assert.Equal((a.Voters, a.Represented, a.Unrepresented, a.Yes, a.No, a.Abstain), (b.Voters, b.Represented, b.Unrepresented, b.Yes, b.No, b.Abstain));
        }

        Assert.Equal(
            Convert.ToHexString(Transactions.Read(sqlite.Database, c => EventLog.Head(c).Hash)),
            Convert.ToHexString(Transactions.Read(postgres.Database, c => EventLog.Head(c).Hash)));
        using var connection = postgres.Database.Open();
        var next = connection.ExecuteScalar<long>("INSERT INTO areas (slug, name, created_at) VALUES ('new', 'New', 0) RETURNING id");
        Assert.Equal(organisation.Areas.Max(a => a.Id) + 1, next);
    }
}

/// <summary>One instance's engine follows another's writes from the event log alone (no notifications involved).</summary>
public sealed class EngineFollowerTests
{
    [PostgresFact]
    public async Task AnotherInstancesDelegationsReachThisEngineFromTheLogAlone()
    {
        var now = new DateTimeOffset(2026, 11, 1, 12, 0, 0, TimeSpan.Zero);
        var organisation = OrganisationGenerator.Generate(400, 5, now);
        using var temp = new TempDatabase(provider: StorageProvider.Postgres);
        var a = temp.Database;
        ImportStore.Import(a, organisation, now);
        var b = new Database(a.ConnectionString, StorageProvider.Postgres);
        Assert.NotEqual(a.InstanceName, b.InstanceName);
        var hostA = new Governance.Core.Delegation.EngineHost(EngineLoader.Load(a));
        var hostB = new Governance.Core.Delegation.EngineHost(EngineLoader.Load(b));
        var follower = new EngineFollower(b, hostB, Transactions.Read(b, c => EventLog.Head(c).Seq));
        var storeA = new Governance.Core.Delegation.DelegationService(a, TimeProvider.System, hostA);
        var members = organisation.Members.Select(m => m.Id).Where(id => organisation.Members.First(m => m.Id == id).VotingRight).Take(60).ToList();
        var random = new Random(3);

        for (var i = 0; i < 80; i++)
        {
            var member = members[random.Next(members.Count)];
            var target = members[random.Next(members.Count)];
            if (random.Next(4) == 0)
            {
                await storeA.RevokeAsync(member, Governance.Core.Delegation.DelegationScope.Global);
            }
            else if (target != member)
            {
                await storeA.SetAsync(member, Governance.Core.Delegation.DelegationScope.Global, [target]);
            }
        }

        var fresh = EngineLoader.Load(b);
        string Delegations(Governance.Core.Delegation.DelegationEngine e) =>
            string.Join(";", members.Select(m => string.Join(",", e.GetDelegation(m, Governance.Core.Delegation.DelegationScope.Global) ?? [])));
        Assert.NotEqual(Delegations(fresh), hostB.Read(Delegations));

        var followed = await follower.CatchUpAsync();

        Assert.NotEmpty(followed);
        Assert.Equal(Delegations(fresh), hostB.Read(Delegations));
        Assert.Equal(Transactions.Read(b, c => EventLog.Head(c).Seq), follower.Position);

        // The writing instance passes over its own entries: it applied them as it made them.
        Assert.Empty(await new EngineFollower(a, hostA, 0).CatchUpAsync());
    }
}
