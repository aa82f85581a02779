using Governance.Core.Domain;
using Governance.GraphQL.Execution;
using Governance.GraphQL.Types;

namespace Governance.Api.Schema;

/// <summary>renameArea, moveArea and archiveArea: admins, through a session, in public (each leaves an event). Rules in <see cref="Governance.Core.Areas.AreaService"/>.</summary>
internal static class AreaMutations
{
    public static SchemaBuilder AddAreaMutations(this SchemaBuilder builder, SchemaServices s) => builder
        .Resolve("Area.archived", c => c.ParentAs<Data.AreaRow>().ArchivedAt is not null)
        .Resolve("Area.archivedAt", c => c.ParentAs<Data.AreaRow>().ArchivedAt is { } at ? DateTimeOffset.FromUnixTimeMilliseconds(at) : (DateTimeOffset?)null)
        .ResolveAsync("Mutation.renameArea", c => RenameAreaAsync(c, s))
        .ResolveAsync("Mutation.moveArea", c => MoveAreaAsync(c, s))
        .ResolveAsync("Mutation.archiveArea", c => ArchiveAreaAsync(c, s))
        .BindInput<RenameAreaInput>("RenameAreaInput")
        .BindInput<ArchiveAreaInput>("ArchiveAreaInput")
        .BindInput<MoveAreaInput>("MoveAreaInput")
        .BindType<AreaPayload>("AreaPayload");

    private static Task<AreaPayload> RenameAreaAsync(ResolveContext c, SchemaServices s)
    {
        var input = c.Input<RenameAreaInput>();
        return RunAsync(c, s, input.Area, (me, id) => Sync(() => s.Areas.Rename(me, id, input.Name, input.Description)));
    }

    private static Task<AreaPayload> MoveAreaAsync(ResolveContext c, SchemaServices s)
    {
        var input = c.Input<MoveAreaInput>();
        if (!Ids.TryLocal(input.Parent, Ids.Area, out var parent))
        {
            return RefusedAsync(c, UserErrors.NotFound("UNKNOWN_AREA", $"\"{input.Parent}\" is not the id of an area.", "parent"));
        }

        return RunAsync(c, s, input.Area, (me, id) => s.Areas.MoveAsync(me, id, parent));
    }

    private static Task<AreaPayload> ArchiveAreaAsync(ResolveContext c, SchemaServices s)
    {
        var input = c.Input<ArchiveAreaInput>();
        return RunAsync(c, s, input.Area, (me, id) => Sync(() => s.Areas.SetArchived(me, id, input.Archived ?? true)));
    }

    private static Task Sync(Action command)
    {
        command();
        return Task.CompletedTask;
    }

    private static async Task<AreaPayload> RunAsync(ResolveContext c, SchemaServices s, string area, Func<long, long, Task> command)
    {
        var caller = Caller.Of(c);
        if (MutationGuard.RequireAdmin(caller) is { } refused)
        {
            return AreaPayload.Refused(refused);
        }

        if (!Ids.TryLocal(area, Ids.Area, out var id))
        {
            return AreaPayload.Refused(UserErrors.NotFound("UNKNOWN_AREA", $"\"{area}\" is not the id of an area.", "area"));
        }

        try
        {
            await command(caller.MemberId!.Value, id);
        }
        catch (DomainException error)
        {
            return AreaPayload.Refused(UserErrors.From(error));
        }

        // Read afresh: the request's area loader may hold the tree as it was before the change.
        return new AreaPayload((await s.Reads.AreasAsync(c.CancellationToken)).Single(a => a.Id == id), null);
    }

    /// <summary>An unauthorised caller hears that first, before any word about the ids it sent.</summary>
    private static Task<AreaPayload> RefusedAsync(ResolveContext c, UserErrorValue error) =>
        Task.FromResult(AreaPayload.Refused(MutationGuard.RequireAdmin(Caller.Of(c)) ?? error));

    internal sealed record MoveAreaInput(string Area, string Parent);

    internal sealed record RenameAreaInput(string Area, string Name, string? Description);

    /// <summary><c>archived</c> defaults to true in the schema, but a client may still send null.</summary>
    internal sealed record ArchiveAreaInput(string Area, bool? Archived);

    internal sealed record AreaPayload(Data.AreaRow? Area, IReadOnlyList<UserErrorValue>? Errors)
    {
        public static AreaPayload Refused(UserErrorValue error) => new(null, [error]);
    }
}
