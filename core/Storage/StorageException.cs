namespace Governance.Core.Storage;

/// <summary>
/// The database cannot be used as it is (not a SQLite file, another application's file, a
/// newer schema, a failed migration). The message is one line a person can act on.
/// </summary>
public sealed class StorageException : Exception
{
    public StorageException(string message)
        : base(message)
    {
    }

    public StorageException(string message, Exception inner)
        : base(message, inner)
    {
    }
}
