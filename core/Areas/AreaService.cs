using System.Text.RegularExpressions;
using Dapper;
using Governance.Core.Delegation;
using Governance.Core.Domain;
using Governance.Core.Events;
using Governance.Core.Storage;

namespace Governance.Core.Areas;

/// <summary>
/// The area tree's commands (DESIGN §2, docs/design.md, docs/accounts.md): admins add, rename,
/// move and archive areas. Areas are never deleted: delegations and proposals refer to them for ever.
/// </summary>
public sealed partial class AreaService(Database database, TimeProvider clock, EngineHost engine, IDomainEventPublisher? events = null)
{
    private readonly IDomainEventPublisher events = events ?? IDomainEventPublisher.None;

    /// <summary>Adds an area under <paramref name="parentId"/> (a root when null); the live engine learns it after commit. Returns its id.</summary>
    public async Task<long> CreateAsync(long actorId, string slug, string name, string description, long? parentId)
    {
        ArgumentNullException.ThrowIfNull(slug);
        ArgumentNullException.ThrowIfNull(name);
        if (!SlugPattern().IsMatch(slug))
        {
            throw new DomainException(DomainErrors.InvalidSlug, "A slug is 1 to 50 lower-case letters, digits and dashes, starting with a letter or digit.", "slug");
        }

        if (string.IsNullOrWhiteSpace(name) || name.Length > 100)
        {
            throw new DomainException(DomainErrors.InvalidName, "An area's name is 1 to 100 characters.", "name");
        }

        if (description?.Length > 2_000)
        {
            throw new DomainException(DomainErrors.InvalidDescription, "An area's description is at most 2,000 characters.", "description");
        }

        var (id, logged) = await engine.SerialiseWriteAsync(() =>
        {
            var now = clock.GetUtcNow();
            // Synchronous under the lock: see DelegationService.
            var written = Transactions.WriteLogged(database, (c, t) =>
            {
                if (parentId is not null && !AreaStore.Exists(c, t, parentId.Value))
                {
                    throw new DomainException(DomainErrors.UnknownArea, "There is no such area to add under.", "parent");
                }

                if (AreaStore.SlugTaken(c, t, slug))
                {
                    throw new DomainException(DomainErrors.SlugTaken, $"An area with the slug \"{slug}\" exists already.", "slug");
                }

                var id = AreaStore.Insert(c, t, slug, name.Trim(), description ?? string.Empty, parentId, Millis.Of(now));
                EventLog.Append(c, t, now, actorId, EventTypes.AreaCreated, new { AreaId = id, Slug = slug, Name = name.Trim(), ParentId = parentId });
                return id;
            });
            engine.Apply(e => e.AddArea(written.Result, parentId));
            return Task.FromResult(written);
        });
        events.Publish(logged);
        return id;
    }

    /// <summary>
    /// Renames an area (and rewrites its description when one is given). Its id and slug stay,
    /// so delegations and proposals keep pointing at it; the event keeps the old name.
    /// </summary>
    public void Rename(long actorId, long areaId, string? name, string? description)
    {
        name = name?.Trim();
        if (string.IsNullOrEmpty(name) || name.Length > 100)
        {
            throw new DomainException(DomainErrors.InvalidName, "An area's name is 1 to 100 characters.", "name");
        }

        if (description?.Length > 2_000)
        {
            throw new DomainException(DomainErrors.InvalidDescription, "An area's description is at most 2,000 characters.", "description");
        }

        Command(actorId, areaId, (c, t, now) =>
        {
            var old = c.QuerySingle<string>("SELECT name FROM areas WHERE id = @areaId", new { areaId }, t);
            AreaStore.Rename(c, t, areaId, name, description);
            EventLog.Append(c, t, now, actorId, EventTypes.AreaRenamed, new { AreaId = areaId, Name = name, OldName = old });
        });
    }

    /// <summary>
    /// Archives an area (or restores it): an archived area and its sub-areas take no new
    /// proposals; what happened in them stays, delegations and all.
    /// </summary>
    public void SetArchived(long actorId, long areaId, bool archived) => Command(actorId, areaId, (c, t, now) =>
    {
        var current = c.QuerySingle<long?>("SELECT archived_at FROM areas WHERE id = @areaId", new { areaId }, t);
        if ((current is not null) == archived)
        {
            throw new DomainException("unchanged", archived ? "The area is archived already." : "The area is not archived.", "area");
        }

        AreaStore.SetArchived(c, t, areaId, archived ? Millis.Of(now) : null);
        EventLog.Append(c, t, now, actorId, archived ? EventTypes.AreaArchived : EventTypes.AreaRestored, new { AreaId = areaId });
    });

    /// <summary>
    /// Puts an area, with everything under it, under another parent. Policies and area
    /// delegations are resolved at the time of use: a proposal opened later takes the policy of
    /// its new chain; an open proposal keeps the policy it froze when it opened, and its
    /// delegations are resolved along the new chain when its vote closes. A vote that is running
    /// would change under its voters' feet (the tally resolves delegations at the close), so an
    /// area with a vote running in it or under it is refused; move it after the close.
    /// </summary>
    public async Task MoveAsync(long actorId, long areaId, long newParentId)
    {
        var logged = await engine.SerialiseWriteAsync(() =>
        {
            var now = clock.GetUtcNow();
            // Synchronous under the lock: see DelegationService.
            var (_, written) = Transactions.WriteLogged(database, (c, t) =>
            {
                if (!MemberStore.HasRole(c, t, actorId, "admin"))
                {
                    throw new DomainException(DomainErrors.NotAllowed, "Only an admin can change an area.");
                }

                if (!AreaStore.Exists(c, t, areaId))
                {
                    throw new DomainException(DomainErrors.UnknownArea, "There is no such area.", "area");
                }

                if (!AreaStore.Exists(c, t, newParentId))
                {
                    throw new DomainException(DomainErrors.UnknownArea, "There is no such area to move under.", "parent");
                }

                var oldParent = AreaStore.ParentOf(c, t, areaId);
                if (oldParent is null)
                {
                    throw new DomainException(DomainErrors.RootArea, "A root area stays where it is: it has no parent to move from.", "area");
                }

                if (oldParent == newParentId)
                {
                    throw new DomainException(DomainErrors.Unchanged, "The area is under that parent already.", "parent");
                }

                if (AreaStore.IsWithin(c, t, newParentId, areaId))
                {
                    throw new DomainException(DomainErrors.AreaCycle, "An area cannot move under itself or one of its own sub-areas.", "parent");
                }

                if (AreaStore.ArchivedInChain(c, t, areaId) is { } archived)
                {
                    throw new DomainException(DomainErrors.AreaArchived, $"\"{archived.Name}\" is archived: restore it before moving the area.", "area");
                }

                if (AreaStore.ArchivedInChain(c, t, newParentId) is { } archivedParent)
                {
                    throw new DomainException(DomainErrors.AreaArchived, $"\"{archivedParent.Name}\" is archived: nothing moves under it.", "parent");
                }

                if (AreaStore.VotingWithin(c, t, areaId, Millis.Of(now)) is { } voting)
                {
                    throw new DomainException(
                        DomainErrors.VoteRunning,
                        $"The vote on \"{voting.Title}\" is running in this area or under it; delegations are resolved along the area tree when it closes, so the area moves after the close.",
                        "area");
                }

                AreaStore.Move(c, t, areaId, newParentId);
                EventLog.Append(c, t, now, actorId, EventTypes.AreaMoved, new { AreaId = areaId, ParentId = newParentId, OldParentId = oldParent });
                return 0;
            });
            engine.Apply(e => e.MoveArea(areaId, newParentId));
            return Task.FromResult(written);
        });
        events.Publish(logged);
    }

    private void Command(long actorId, long areaId, Action<System.Data.Common.DbConnection, System.Data.Common.DbTransaction, DateTimeOffset> command)
    {
        var (_, logged) = Transactions.WriteLogged(database, (c, t) =>
        {
            if (!MemberStore.HasRole(c, t, actorId, "admin"))
            {
                throw new DomainException(DomainErrors.NotAllowed, "Only an admin can change an area.");
            }

            if (!AreaStore.Exists(c, t, areaId))
            {
                throw new DomainException(DomainErrors.UnknownArea, "There is no such area.", "area");
            }

            command(c, t, clock.GetUtcNow());
            return 0;
        });
        events.Publish(logged);
    }

    [GeneratedRegex("^[a-z0-9][a-z0-9-]{0,49}$")]
    private static partial Regex SlugPattern();
}
