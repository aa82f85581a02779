namespace Governance.Tests.Shared;

/// <summary>A test that needs PostgreSQL's server binaries: skipped, saying why, only when they are not installed.</summary>
public sealed class PostgresFactAttribute : FactAttribute
{
    public PostgresFactAttribute()
    {
        if (PostgresServer.BinDirectory is null)
        {
            Skip = PostgresServer.MissingMessage;
        }
    }
}
