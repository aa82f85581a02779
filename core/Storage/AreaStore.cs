using System.Text.RegularExpressions;
using Dapper;
using Governance.Core.Domain;
using Governance.Core.Delegation;

namespace Governance.Core.Storage;

/// <summary>
/// The area tree (DESIGN §2). Areas are only added: delegations and proposals refer to them
/// for ever, so renaming or moving one would rewrite history.
/// </summary>
public sealed partial class AreaStore(Database database, TimeProvider clock, EngineHost engine)
{
    /// <summary>Adds an area under <paramref name="parentId"/> (a root when null); the live engine learns it after commit.</summary>
    public async Task<long> CreateAsync(long actorId, string slug, string name, string description, long? parentId)
    {
        ArgumentNullException.ThrowIfNull(slug);
        ArgumentNullException.ThrowIfNull(name);
        if (!SlugPattern().IsMatch(slug))
        {
            throw new DomainException("invalid_slug", "A slug is 1 to 50 lower-case letters, digits and dashes, starting with a letter or digit.", "slug");
        }

        if (string.IsNullOrWhiteSpace(name) || name.Length > 100)
        {
            throw new DomainException("invalid_name", "An area's name is 1 to 100 characters.", "name");
        }

        if (description?.Length > 2_000)
        {
            throw new DomainException("invalid_description", "An area's description is at most 2,000 characters.", "description");
        }

        return await engine.SerialiseWriteAsync(async () =>
        {
            var now = clock.GetUtcNow();
            await using var connection = await database.OpenAsync();
            using var transaction = connection.BeginWrite(); // synchronous under the lock: see DelegationStore.SetAsync
            if (parentId is not null && connection.ExecuteScalar<long>("SELECT count(*) FROM areas WHERE id = @parentId", new { parentId }, transaction) == 0)
            {
                throw new DomainException("unknown_area", "There is no such area to add under.", "parent");
            }

            if (connection.ExecuteScalar<long>("SELECT count(*) FROM areas WHERE slug = @slug", new { slug }, transaction) > 0)
            {
                throw new DomainException("slug_taken", $"An area with the slug \"{slug}\" exists already.", "slug");
            }

            var id = connection.ExecuteScalar<long>(
                "INSERT INTO areas (slug, name, description, parent_id, created_at) VALUES (@slug, @name, @description, @parentId, @at) RETURNING id",
                new { slug, name = name.Trim(), description = description ?? string.Empty, parentId, at = now.ToUnixTimeMilliseconds() },
                transaction);
            EventLog.Append(connection, transaction, now, actorId, "area.created", new { AreaId = id, Slug = slug, Name = name.Trim(), ParentId = parentId });
            transaction.Commit();
            engine.Apply(e => e.AddArea(id, parentId));
            return id;
        });
    }

    [GeneratedRegex("^[a-z0-9][a-z0-9-]{0,49}$")]
    private static partial Regex SlugPattern();
}
