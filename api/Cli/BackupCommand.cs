using System.CommandLine;
using Stopwatch = System.Diagnostics.Stopwatch;
using Governance.Core.Storage;
using Microsoft.Data.Sqlite;

namespace Governance.Api.Cli;

/// <summary>
/// `backup &lt;destination&gt;`: an online backup through SQLite's backup API, safe while the service
/// runs and writes (WAL: the copy is one consistent moment, and writers are not blocked), then
/// the copy's event log is verified. Restore = stop the service, put the copy in place as
/// governance.db (removing any -wal/-shm beside it), start (docs/reliability.md).
/// </summary>
internal static class BackupCommand
{
    public static Command Create()
    {
        var storage = new StorageArguments();
        var destination = new Argument<string>("destination") { Description = "The file to write the backup to; must not exist yet." };
        var command = new Command("backup", "Copy the live database to a file (SQLite's online backup) and verify the copy's event log.") { destination };
        storage.AddTo(command);
        command.SetAction(result =>
        {
            var target = Path.GetFullPath(result.GetValue(destination)!);
            if (File.Exists(target))
            {
                Console.Error.WriteLine($"governance backup: '{target}' exists; refusing to overwrite it.");
                return 1;
            }

            if (Path.GetDirectoryName(target) is { } folder && !Directory.Exists(folder))
            {
                Console.Error.WriteLine($"governance backup: the folder '{folder}' does not exist.");
                return 1;
            }

            try
            {
                var clock = Stopwatch.StartNew();
                var database = storage.OpenExisting(result);
                if (database.IsPostgres)
                {
                    Console.Error.WriteLine("governance backup: the database is PostgreSQL; back it up with pg_basebackup and WAL archiving (docs/operations.md), not with this command.");
                    return 1;
                }

                var copy = new Database(new SqliteConnectionStringBuilder { DataSource = target, Pooling = false }.ToString());
                using (var source = (SqliteConnection)database.Open())
                using (var destinationConnection = new SqliteConnection(copy.ConnectionString))
                {
                    destinationConnection.Open();
                    source.BackupDatabase(destinationConnection);
                }

                var verification = EventLog.Verify(copy);
                if (!verification.Intact)
                {
                    Console.Error.WriteLine($"governance backup: the copy's event log is broken at entry {verification.FirstBrokenSeq}: {verification.Problem}.");
                    return 1;
                }

                Console.Out.WriteLine($"Backed up to {target} in {clock.ElapsedMilliseconds} ms: {new FileInfo(target).Length:N0} bytes, event log intact ({verification.Entries} entries).");
                return 0;
            }
            catch (StorageException ex)
            {
                Console.Error.WriteLine($"governance backup: {ex.Message}");
                return 2;
            }
            catch (SqliteException ex)
            {
                Console.Error.WriteLine($"governance backup: {ex.Message.TrimEnd('.')}; '{target}' may be incomplete — delete it and try again.");
                return 2;
            }
        });
        return command;
    }
}
