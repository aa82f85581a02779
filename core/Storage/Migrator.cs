using System.Data.Common;
using System.Reflection;
using Dapper;

namespace Governance.Core.Storage;

/// <summary>A numbered schema migration: 0001_initial.sql is number 1.</summary>
public sealed record Migration(int Number, string Name, string Sql);

/// <summary>
/// Applies the embedded, numbered SQL migrations in order, all pending ones inside one
/// transaction (SQLite's and PostgreSQL's DDL are both transactional), and records each in
/// schema_migrations. A failure anywhere rolls everything back, so a half-migrated database
/// never exists. Each dialect has its own files (Migrations/sqlite, Migrations/postgres) with
/// the same numbers and the same tables; the write lock keeps two starting instances apart.
/// </summary>
public static class Migrator
{
    public static IReadOnlyList<Migration> Embedded { get; } = LoadEmbedded("sqlite");

    public static IReadOnlyList<Migration> EmbeddedPostgres { get; } = LoadEmbedded("postgres");

    /// <summary>Applies what is pending; returns the numbers applied.</summary>
    public static IReadOnlyList<int> Apply(Database database, IReadOnlyList<Migration>? migrations = null)
    {
        ArgumentNullException.ThrowIfNull(database);
        migrations ??= database.IsPostgres ? EmbeddedPostgres : Embedded;
        database.EnsureUsable();
        using var connection = database.Open();
        using var transaction = connection.BeginWrite();
        connection.Execute(
            $"""
            CREATE TABLE IF NOT EXISTS schema_migrations (
                number     INTEGER PRIMARY KEY,
                name       TEXT    NOT NULL,
                applied_at {(database.IsPostgres ? "BIGINT" : "INTEGER")} NOT NULL
            )
            """,
            transaction: transaction);

        var applied = connection.Query<int>("SELECT number FROM schema_migrations", transaction: transaction).ToHashSet();
        var known = migrations.Select(m => m.Number).ToHashSet();
        var unknown = applied.Where(n => !known.Contains(n)).Order().ToList();
        if (unknown.Count > 0)
        {
            throw new StorageException(
                $"'{database.DataSource}' has schema migration {unknown[0]} that this version does not know; it was written by a newer Governance.");
        }

        var done = new List<int>();
        foreach (var migration in migrations.Where(m => !applied.Contains(m.Number)).OrderBy(m => m.Number))
        {
            try
            {
                connection.Execute(migration.Sql, transaction: transaction);
            }
            catch (DbException ex)
            {
                throw new StorageException(
                    $"Migration {migration.Number:D4}_{migration.Name} failed ({ex.Message.TrimEnd('.')}); nothing was changed.", ex);
            }

            connection.Execute(
                "INSERT INTO schema_migrations (number, name, applied_at) VALUES (@Number, @Name, @At)",
                new { migration.Number, migration.Name, At = DateTimeOffset.UtcNow.ToUnixTimeMilliseconds() },
                transaction);
            done.Add(migration.Number);
        }

        if (done.Count > 0)
        {
            connection.Execute(
                database.IsPostgres
                    ? $"DELETE FROM governance_application; INSERT INTO governance_application (application_id) VALUES ({Database.ApplicationId})"
                    : $"PRAGMA application_id = {Database.ApplicationId}",
                transaction: transaction);
        }

        transaction.Commit();
        if (database.IsPostgres)
        {
            // The data source learnt the server's types when it first connected, which may be
            // before citext existed: by this instance's migration, or by another instance's
            // that was migrating the same empty database while this one waited (then `done`
            // is empty here). Relearn them, in both pools, so citext columns read back as strings.
            database.ReloadTypes();
        }

        return done;
    }

    private static List<Migration> LoadEmbedded(string dialect)
    {
        var assembly = typeof(Migrator).Assembly;
        var prefix = $"Governance.Core.Storage.Migrations.{dialect}.";
        var list = new List<Migration>();
        foreach (var resource in assembly.GetManifestResourceNames().Where(n => n.StartsWith(prefix, StringComparison.Ordinal)))
        {
            // Resource "…Migrations._0001_initial.sql" or "…Migrations.0001_initial.sql".
            var file = resource[prefix.Length..].TrimStart('_');
            var underscore = file.IndexOf('_', StringComparison.Ordinal);
            var number = int.Parse(file[..underscore], System.Globalization.CultureInfo.InvariantCulture);
            var name = Path.GetFileNameWithoutExtension(file[(underscore + 1)..]);
            using var stream = assembly.GetManifestResourceStream(resource)!;
            using var reader = new StreamReader(stream);
            list.Add(new Migration(number, name, reader.ReadToEnd()));
        }

        var duplicate = list.GroupBy(m => m.Number).FirstOrDefault(g => g.Count() > 1);
        if (duplicate is not null)
        {
            throw new InvalidOperationException($"Two {dialect} migrations are numbered {duplicate.Key}.");
        }

        return list.OrderBy(m => m.Number).ToList();
    }
}
