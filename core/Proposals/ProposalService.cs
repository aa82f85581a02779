using System.Data.Common;
using Governance.Core.Delegation;
using Governance.Core.Domain;
using Governance.Core.Events;
using Governance.Core.Policies;
using Governance.Core.Storage;

namespace Governance.Core.Proposals;

/// <summary>
/// Proposals from anyone (DESIGN §5): open one, withdraw it, read it, rank the Open list. A
/// proposal freezes the policy in force for its area when it opens (DESIGN §6).
/// </summary>
public sealed class ProposalService(Database database, TimeProvider clock, EngineHost? engine = null, IDomainEventPublisher? events = null)
{
    private readonly IDomainEventPublisher events = events ?? IDomainEventPublisher.None;

    public const int MaxTitleLength = 200;

    /// <summary>
    /// The longest text, in characters: a long position paper fits, and even in three-byte
    /// UTF-8 it stays well inside the API's 1 MiB request limit, so a too-long text gets this
    /// rule's message rather than a bare 413.
    /// </summary>
    public const int MaxBodyLength = 100_000;

    private static void CheckBody(string body)
    {
        if (body.Length > MaxBodyLength)
        {
            throw new DomainException(DomainErrors.InvalidInput, $"A text may have at most {MaxBodyLength} characters (this one has {body.Length}).", "body");
        }
    }

    /// <summary>
    /// Opens a proposal, tells the live engine (when there is one) and publishes it. With a
    /// live engine that others write to, go through <see cref="ProposeAsync"/>, which keeps the
    /// engine in commit order; this form is for tools and tests that own their engine.
    /// </summary>
    public ProposalView Propose(long actorId, long areaId, string title, string body)
    {
        title = (title ?? string.Empty).Trim();
        if (title.Length is 0 or > MaxTitleLength)
        {
            throw new DomainException(DomainErrors.InvalidInput, $"A title must have 1 to {MaxTitleLength} characters (this one has {title.Length}).", "title");
        }

        if (title.Any(char.IsControl))
        {
            // A NUL would also end the title for SQLite's length() check, failing it as a storage error.
            throw new DomainException(DomainErrors.InvalidInput, "A title may not contain control characters (line breaks, tabs, NUL).", "title");
        }

        ArgumentNullException.ThrowIfNull(body);
        CheckBody(body);
        var (view, logged) = Transactions.WriteLogged(database, (c, t) =>
        {
            var now = clock.GetUtcNow();
            var nowMs = Millis.Of(now);
            _ = MemberStore.Find(c, t, actorId) ?? throw new DomainException(DomainErrors.NotFound, "There is no such member.");
            if (c.ExecuteScalarLong(t, "SELECT count(*) FROM areas WHERE id = @areaId", new { areaId }) == 0)
            {
                throw new DomainException(DomainErrors.NotFound, "There is no such area.");
            }

            if (AreaStore.ArchivedInChain(c, t, areaId) is { } archived)
            {
                throw new DomainException("area_archived", $"The area “{archived.Name}” is archived: it takes no new proposals.", "area");
            }

            var policy = PolicyService.Resolve(c, t, areaId, nowMs);
            var policyId = PolicyStore.AreaChain(c, t, areaId).Reverse()
                .Select(a => PolicyStore.InForce(c, t, a, nowMs)?.Id).FirstOrDefault(id => id is not null)
                ?? PolicyStore.InForce(c, t, null, nowMs)?.Id;
            var id = ProposalStore.Insert(c, t, actorId, areaId, title, body, policyId, policy.ToJson(), nowMs, nowMs + Millis.Days(policy.ExpiryDays));
            ProposalStore.RecordOpened(c, t, id, nowMs, actorId);
            MemberStore.Touch(c, t, actorId, nowMs);
            EventLog.Append(c, t, now, actorId, EventTypes.ProposalOpened, new { proposal = id, area = areaId, title });
            return View(c, t, id)!;
        });

        // Delegations and votes on the new proposal need the engine to know it.
        engine?.Apply(e => e.AddProposal(view.Id, view.AreaId));
        events.Publish(logged);
        return view;
    }

    /// <summary>
    /// <see cref="Propose"/> in the engine's write order: the live engine learns the proposal
    /// in commit order with every other write. The api's way in.
    /// </summary>
    public Task<ProposalView> ProposeAsync(long actorId, long areaId, string title, string body) =>
        engine is null
            ? Task.FromResult(Propose(actorId, areaId, title, body))
            : engine.SerialiseWriteAsync(() => Task.FromResult(Propose(actorId, areaId, title, body)));

    /// <summary>The author takes an open proposal back; its points are released.</summary>
    public ProposalView Withdraw(long actorId, long proposalId) => Published(Transactions.WriteLogged(database, (c, t) =>
    {
        var now = clock.GetUtcNow();
        var nowMs = Millis.Of(now);
        var proposal = Load(c, t, proposalId);
        if (proposal.AuthorId != actorId)
        {
            throw new DomainException(DomainErrors.NotAllowed, "Only the author can withdraw a proposal.");
        }

        if (proposal.Status != ProposalStatus.Open || !ProposalStore.Transition(c, t, proposalId, ProposalStatus.Open, ProposalStatus.Withdrawn, nowMs, actorId, "withdrawn by the author"))
        {
            throw new DomainException(DomainErrors.ProposalNotOpen, $"The proposal is {Describe(proposal.Status)}; only an open proposal can be withdrawn.");
        }

        ProposalStore.ReleaseAll(c, t, proposalId, nowMs);
        EventLog.Append(c, t, now, actorId, EventTypes.ProposalWithdrawn, new { proposal = proposalId });
        return View(c, t, proposalId)!;
    }));

    /// <summary>
    /// The author rewrites an open proposal's title, body or both (null keeps a part as it is).
    /// Only while it is Open: once it is on the agenda, moderators and voters must judge the
    /// text that bubbled up. Support stays, as it does when a moderator returns a proposal to
    /// Open for more work (DESIGN §5); the edit is public in the status history and the event
    /// log, so supporters can see the text changed and take their points back.
    /// </summary>
    public ProposalView Edit(long actorId, long proposalId, string? title, string? body)
    {
        if (title is null && body is null)
        {
            throw new DomainException(DomainErrors.InvalidInput, "Give a new title, a new body or both.");
        }

        title = title?.Trim();
        if (title is { Length: 0 or > MaxTitleLength })
        {
            throw new DomainException(DomainErrors.InvalidInput, $"A title must have 1 to {MaxTitleLength} characters (this one has {title.Length}).", "title");
        }

        if (body is not null)
        {
            CheckBody(body);
        }

        return Published(Transactions.WriteLogged(database, (c, t) =>
        {
            var now = clock.GetUtcNow();
            var nowMs = Millis.Of(now);
            var proposal = Load(c, t, proposalId);
            if (proposal.AuthorId != actorId)
            {
                throw new DomainException(DomainErrors.NotAllowed, "Only the author can edit a proposal.");
            }

            if (proposal.Status != ProposalStatus.Open)
            {
                throw new DomainException(DomainErrors.ProposalNotOpen, $"The proposal is {Describe(proposal.Status)}; only an open proposal can be edited.");
            }

            var newTitle = title ?? proposal.Title;
            var newBody = body ?? proposal.Body;
            if (newTitle == proposal.Title && newBody == proposal.Body)
            {
                // Saving an unchanged text is not an edit: nothing to record.
                return View(c, t, proposal);
            }

            // The text it replaces stays readable (Proposal.versions), and supports name the version they were given to.
            ProposalVersionStore.Keep(c, t, proposal, nowMs);
            ProposalStore.Edit(c, t, proposalId, newTitle, newBody, nowMs);
            ProposalStore.RecordEdited(c, t, proposalId, nowMs, actorId);
            MemberStore.Touch(c, t, actorId, nowMs);
            EventLog.Append(c, t, now, actorId, EventTypes.ProposalEdited, new
            {
                proposal = proposalId,
                title = newTitle,
                previousTitle = proposal.Title,
                bodySha256 = Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(newBody))),
            });
            return View(c, t, proposalId)!;
        }));
    }

    public ProposalView Get(long proposalId) =>
        Transactions.Read(database, c => View(c, null, proposalId) ?? throw new DomainException(DomainErrors.NotFound, "There is no such proposal."));

    public IReadOnlyList<StatusChange> History(long proposalId) => Transactions.Read(database, c =>
        ProposalStore.History(c, proposalId).Select(h => new StatusChange(h.Status, Millis.At(h.At), h.ActorId, h.Reason)).ToList());

    /// <summary>
    /// A proposal a moderator returned and its author has not edited since stays off the
    /// agenda until this instant (its policy's cool-down); null when nothing holds it back.
    /// </summary>
    public DateTimeOffset? ReworkUntil(long proposalId) => Transactions.Read(database, c =>
    {
        var proposal = Load(c, null, proposalId);
        if (proposal.Status != ProposalStatus.Open)
        {
            return (DateTimeOffset?)null;
        }

        var nowMs = Millis.Of(clock.GetUtcNow());
        return Agenda.ReworkUntil(c, null, proposal, PolicyOf(c, null, proposal), nowMs) is { } until ? Millis.At(until) : null;
    });

    /// <summary>The Open list ranked "hot" (DESIGN §5), optionally for one area.</summary>
    public IReadOnlyList<RankedProposal> Hot(long? areaId = null, int limit = 50) => Transactions.Read(database, c =>
    {
        var nowMs = Millis.Of(clock.GetUtcNow());
        return ProposalStore.WithStatus(c, null, ProposalStatus.Open, areaId)
            .Select(p =>
            {
                var view = View(c, null, p)!;
                var gravity = p.PolicyJson is null ? PolicyValues.Default.HotGravity : PolicyValues.FromJson(p.PolicyJson).HotGravity;
                return new RankedProposal(view, AgendaRules.Hot(view.Score, (nowMs - p.CreatedAt) / 3_600_000d, gravity));
            })
            .OrderByDescending(r => r.Hot).ThenBy(r => r.Proposal.Id)
            .Take(limit)
            .ToList();
    });

    /// <summary>
    /// The appeal of a proposal that was declined (null for one never declined): pending while
    /// its window is open, upheld once its support carried it back onto the agenda, lapsed when
    /// the window closed first. The target is read at the rules of the moment, as support is.
    /// </summary>
    public AppealView? Appeal(long proposalId) => Transactions.Read(database, c =>
    {
        var proposal = Load(c, null, proposalId);
        if (proposal.AppealUntil is not { } until)
        {
            return null;
        }

        var nowMs = Millis.Of(clock.GetUtcNow());
        var outcome = proposal.Status != ProposalStatus.Declined ? AppealOutcome.Upheld
            : proposal.AppealClosed || until <= nowMs ? AppealOutcome.Lapsed
            : AppealOutcome.Pending;
        var policy = PolicyOf(c, null, proposal);
        var thresholds = Agenda.Thresholds(c, null, nowMs, policy);
        var (score, supporters) = outcome == AppealOutcome.Pending ? ProposalStore.Support(c, null, proposalId) : (0, 0);
        return new AppealView(proposalId, Millis.At(until), outcome, score, supporters,
            policy.AppealQuorumFactor * thresholds.Quorum, (int)Math.Ceiling(thresholds.MinimumSupporters));
    });

    /// <summary>
    /// What an open proposal needs to reach the agenda right now (DESIGN §5): its quorum and
    /// minimum supporters, under the policy it opened with; null once it is no longer open.
    /// </summary>
    public AgendaTarget? AgendaTarget(long proposalId) => Transactions.Read(database, c =>
    {
        var proposal = Load(c, null, proposalId);
        if (proposal.Status != ProposalStatus.Open)
        {
            return null;
        }

        var thresholds = Agenda.Thresholds(c, null, Millis.Of(clock.GetUtcNow()), PolicyOf(c, null, proposal));
        return new AgendaTarget(thresholds.Quorum, (int)Math.Ceiling(thresholds.MinimumSupporters));
    });

    /// <summary>Quorum and minimum supporters an open proposal of this area needs right now.</summary>
    public AgendaThresholds Thresholds(long areaId) => Transactions.Read(database, c =>
    {
        var nowMs = Millis.Of(clock.GetUtcNow());
        return Agenda.Thresholds(c, null, nowMs, PolicyService.Resolve(c, null, areaId, nowMs));
    });

    /// <summary>Publishes what the committed command logged; returns its outcome.</summary>
    private T Published<T>((T Result, IReadOnlyList<LoggedEvent> Logged) written)
    {
        events.Publish(written.Logged);
        return written.Result;
    }

    internal static ProposalRow Load(DbConnection c, DbTransaction? t, long proposalId) =>
        ProposalStore.Find(c, t, proposalId) ?? throw new DomainException(DomainErrors.NotFound, "There is no such proposal.");

    internal static PolicyValues PolicyOf(DbConnection c, DbTransaction? t, ProposalRow proposal) =>
        proposal.PolicyJson is { } json ? PolicyValues.FromJson(json) : PolicyService.Resolve(c, t, proposal.AreaId, proposal.CreatedAt);

    internal static string Describe(string status) => status switch
    {
        ProposalStatus.OnAgenda => "on the agenda",
        ProposalStatus.Open => "open",
        _ => status,
    };

    internal static ProposalView? View(DbConnection c, DbTransaction? t, long proposalId) =>
        ProposalStore.Find(c, t, proposalId) is { } p ? View(c, t, p) : null;

    internal static ProposalView View(DbConnection c, DbTransaction? t, ProposalRow p)
    {
        var (score, supporters) = ProposalStore.Support(c, t, p.Id);
        static DateTimeOffset? At(long? ms) => ms is { } v ? Millis.At(v) : null;
        return new ProposalView(p.Id, p.AuthorId, p.AreaId, p.Title, p.Body, p.Status, score, supporters, Millis.At(p.CreatedAt),
            p.Status == ProposalStatus.Open ? At(p.ExpiresAt) : null, At(p.OnAgendaAt), At(p.DiscussionStartsAt), At(p.VotingStartsAt),
            At(p.VotingEndsAt), At(p.AppealUntil), p.MustSchedule, p.MergedIntoId);
    }
}
