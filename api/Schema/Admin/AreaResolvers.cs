using Governance.Api.Schema.Data;
using Governance.GraphQL.Errors;
using Governance.GraphQL.Execution;
using Governance.GraphQL.Types;

namespace Governance.Api.Schema;

/// <summary>Area, Query.areas (the tree from its roots) and Query.area. Areas are public.</summary>
internal static class AreaResolvers
{
    public static SchemaBuilder AddAreas(this SchemaBuilder builder, SchemaServices s) => builder
        .BindType<AreaRow>("Area")
        .Resolve("Area.id", c => Ids.Of(Ids.Area, c.ParentAs<AreaRow>().Id))
        .ResolveAsync("Area.parent", async c => c.ParentAs<AreaRow>().ParentId is { } parent ? await c.Area(s.Reads, parent) : null)
        .ResolveAsync("Area.children", c => AreaChildrenAsync(c, s))
        .ResolveAsync("Query.areas", async c => (await c.AllAreas(s.Reads)).Where(a => a.ParentId is null).ToList())
        .ResolveAsync("Query.area", async c =>
            Ids.TryLocal(c.Argument<string>("id"), Ids.Area, out var id) ? await c.Area(s.Reads, id) : null);

    private static async Task<List<Data.AreaRow>> AreaChildrenAsync(ResolveContext c, SchemaServices s)
    {
        var id = c.ParentAs<AreaRow>().Id;
        return (await c.AllAreas(s.Reads)).Where(a => a.ParentId == id).ToList();
    }

    /// <summary>The area an argument names, or null when the argument is absent; throws for an id that names no area.</summary>
    public static async Task<long?> AreaArgumentOrNullAsync(ResolveContext c, SchemaServices s, string argument) =>
        c.Argument<string>(argument) is null ? null : await AreaArgumentOrRootAsync(c, s, argument);

    /// <summary>
    /// The area an argument names, or the first root area when the argument is absent (the
    /// organisation-wide view). Throws for an id that names no area.
    /// </summary>
    public static async Task<long?> AreaArgumentOrRootAsync(ResolveContext c, SchemaServices s, string argument)
    {
        var areas = await c.AllAreas(s.Reads);
        var given = c.Argument<string>(argument);
        if (given is null)
        {
            return areas.FirstOrDefault(a => a.ParentId is null)?.Id;
        }

        return Ids.TryLocal(given, Ids.Area, out var id) && areas.Any(a => a.Id == id)
            ? id
            : throw new GraphQLException($"\"{given}\" is not the id of an area.");
    }
}
