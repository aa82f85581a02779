using Dapper;
using Governance.Core.Clock;
using Governance.Core.Karma;
using Governance.Core.Lottery;
using Governance.Core.Policies;
using Governance.Core.Proposals;
using Governance.Core.Storage;

namespace Governance.Core.Tests.Domain;

/// <summary>
/// A small organisation in a fresh database with a manual clock: areas, members with given
/// karma and roles, and every service wired to that clock.
/// </summary>
internal sealed class Organisation : IDisposable
{
    public static readonly DateTimeOffset Start = new(2026, 3, 4, 10, 0, 0, TimeSpan.Zero);

    private readonly TempDatabase _temp = new();

    public Organisation()
    {
        Clock = new ManualTimeProvider(Start);
        Db.Execute("INSERT INTO organisation (id, name, created_at) VALUES (1, 'Test party', @at)", new { at = Start.ToUnixTimeMilliseconds() });
        Party = AddArea("party", null);
        Housing = AddArea("housing", Party);
        Admin = AddMember("admin", 0, "admin");
        Moderator = AddMember("mod", 0, "moderator");
        Proposals = new ProposalService(Database, Clock);
        Support = new SupportService(Database, Clock);
        Moderation = new ModerationService(Database, Clock);
        Votes = new VoteService(Database, Clock);
        Karma = new KarmaService(Database, Clock);
        Policies = new PolicyService(Database, Clock);
        Lottery = new LotteryService(Database, Clock);
        Ticker = new GovernanceClock(Database);
    }

    public Database Database => _temp.Database;

    public ManualTimeProvider Clock { get; }

    public long Party { get; }

    public long Housing { get; }

    public long Admin { get; }

    public long Moderator { get; }

    public ProposalService Proposals { get; }

    public SupportService Support { get; }

    public ModerationService Moderation { get; }

    public VoteService Votes { get; }

    public KarmaService Karma { get; }

    public PolicyService Policies { get; }

    public LotteryService Lottery { get; }

    public GovernanceClock Ticker { get; }

    /// <summary>A short-lived connection for assertions and set-up.</summary>
    public System.Data.Common.DbConnection Db
    {
        get
        {
            _db ??= Database.Open();
            return _db;
        }
    }

    private System.Data.Common.DbConnection? _db;

    public long AddArea(string slug, long? parent) =>
        Db.ExecuteScalar<long>(
            "INSERT INTO areas (slug, name, parent_id, created_at) VALUES (@slug, @slug, @parent, @at) RETURNING id",
            new { slug, parent, at = Clock.GetUtcNow().ToUnixTimeMilliseconds() });

    public long AddMember(string handle, double karma = 0, params string[] roles)
    {
        var at = Clock.GetUtcNow().ToUnixTimeMilliseconds();
        var id = Db.ExecuteScalar<long>(
            """
            INSERT INTO members (handle, display_name, karma, karma_at, joined_at, last_active_at)
            VALUES (@handle, @handle, @karma, @at, @at, @at) RETURNING id
            """,
            new { handle, karma, at });
        foreach (var role in roles.Append("member"))
        {
            Db.Execute("INSERT INTO member_roles (member_id, role) VALUES (@id, @role)", new { id, role });
        }

        return id;
    }

    public IReadOnlyList<long> AddMembers(int count, double karma = 0, string prefix = "m") =>
        Enumerable.Range(0, count).Select(i => AddMember($"{prefix}{i}", karma)).ToList();

    public void Delegate(long member, long delegateId)
    {
        var at = Clock.GetUtcNow().ToUnixTimeMilliseconds();
        var id = Db.ExecuteScalar<long>("INSERT INTO delegations (member_id, scope_kind, valid_from) VALUES (@member, 'global', @at) RETURNING id", new { member, at });
        Db.Execute("INSERT INTO delegation_delegates (delegation_id, rank, delegate_id) VALUES (@id, 1, @delegateId)", new { id, delegateId });
    }

    /// <summary>Drops a trigger as a forger with database access would (PostgreSQL names its table).</summary>
    public void DropTrigger(string trigger, string table) =>
        Db.Execute(Db is Npgsql.NpgsqlConnection ? $"DROP TRIGGER {trigger} ON {table}" : $"DROP TRIGGER {trigger}");

    public double StoredKarma(long member) => Db.ExecuteScalar<double>("SELECT karma FROM members WHERE id = @member", new { member });

    public string Status(long proposal) => Db.ExecuteScalar<string>("SELECT status FROM proposals WHERE id = @proposal", new { proposal })!;

    /// <summary>A fingerprint of everything a command may change: row counts and the event-log head.</summary>
    public string Fingerprint() => Db.ExecuteScalar<string>(
        """
        SELECT (SELECT count(*) FROM event_log) || '|' || (SELECT coalesce(sum(points), 0) || ':' || count(*) FROM supports WHERE released_at IS NULL)
            || '|' || (SELECT string_agg(status, ',') FROM (SELECT status FROM proposals ORDER BY id) AS s)
            || '|' || (SELECT coalesce(sum(karma), 0.0) FROM members) || '|' || (SELECT count(*) FROM endorsements)
            || '|' || (SELECT count(*) FROM votes) || '|' || (SELECT count(*) FROM policies)
            || '|' || (SELECT count(*) FROM proposal_status_history)
        """)!;

    public void Dispose()
    {
        _db?.Dispose();
        _temp.Dispose();
    }
}
