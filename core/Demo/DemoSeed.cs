using Governance.Core.Clock;
using Governance.Core.Storage;

namespace Governance.Core.Demo;

/// <summary>
/// Seeds a generated organisation: the import, then the closes of the votes whose window
/// ended before <c>now</c>, through the real close (snapshot, recount, stored result, event),
/// as the clock would close them after a night offline. The demo's decided proposals then
/// carry their results, and the tally decides which were accepted.
/// </summary>
public static class DemoSeed
{
    /// <returns>How many ended votes were closed.</returns>
    public static int Run(Database database, GeneratedOrganisation organisation, DateTimeOffset now, IProgress<ImportProgress>? progress = null)
    {
        ImportStore.Import(database, organisation, now, progress);
        return new GovernanceClock(database).CloseEndedVotes(now);
    }

    /// <summary>
    /// As <see cref="Run"/>, but null, having written nothing, when the database already holds
    /// an organisation (another instance seeded it first).
    /// </summary>
    public static int? TryRun(Database database, GeneratedOrganisation organisation, DateTimeOffset now)
    {
        return ImportStore.TryImport(database, organisation, now) ? new GovernanceClock(database).CloseEndedVotes(now) : null;
    }
}
