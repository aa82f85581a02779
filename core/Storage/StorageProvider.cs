namespace Governance.Core.Storage;

/// <summary>Which database holds the organisation: embedded SQLite (the default) or a PostgreSQL server.</summary>
public enum StorageProvider
{
    Sqlite,
    Postgres,
}

internal static class StorageProviders
{
    /// <summary>Storage:Provider as configured; null (infer from the connection string) when unset.</summary>
    public static StorageProvider? Parse(string? value) => value?.Trim().ToLowerInvariant() switch
    {
        null or "" => null,
        "sqlite" => StorageProvider.Sqlite,
        "postgres" or "postgresql" or "npgsql" => StorageProvider.Postgres,
        _ => throw new StorageException($"Storage:Provider '{value}' is not known; use sqlite or postgres."),
    };
}
