using System.Text.Json;
using Xunit.Abstractions;

namespace Governance.Api.Tests.Reliability;

/// <summary>
/// Backup and restore (issue 8): `backup` taken from the real server's database while members
/// write to it restores — the copy put in place of governance.db — to a service whose event log
/// verifies and which holds every write acknowledged before the backup began.
/// </summary>
public sealed class BackupTests(ITestOutputHelper output)
{
    [Fact]
    public async Task AnOnlineBackupUnderWriteLoadRestoresToAVerifiedDatabase()
    {
        var live = Directory.CreateTempSubdirectory("governance-backup-live-").FullName;
        var restored = Directory.CreateTempSubdirectory("governance-backup-restored-").FullName;
        var server = await ServerProcess.StartAsync(live, CrashRecoveryTests.ServerSettings);
        try
        {
            var load = await WriteLoad.PrepareAsync(server.BaseAddress, 16, "backup");
            using var stop = new CancellationTokenSource();
            var running = load.RunAsync(1, stop.Token);
            await Task.Delay(1_500);

            var before = Interlocked.Read(ref load.Acknowledged);
            var proposalsBefore = load.AcknowledgedProposals();
            var backupFile = Path.Combine(restored, "governance.db");
            var backup = await CliProcess.RunAsync(null, "backup", backupFile, "--data", live);
            var during = Interlocked.Read(ref load.Acknowledged) - before;
            await Task.Delay(500);
            stop.Cancel();
            await running;

            output.WriteLine($"{backup.StdOut.Trim()} {during} writes were acknowledged while it ran.");
            Assert.True(backup.ExitCode == 0, backup.StdOut + backup.StdErr);
            Assert.True(before > 0, "the load wrote nothing before the backup");

            var refused = await CliProcess.RunAsync(null, "backup", backupFile, "--data", live);
            Assert.Equal(1, refused.ExitCode);
            Assert.Contains("exists; refusing to overwrite it", refused.StdErr, StringComparison.Ordinal);

            var verify = await CliProcess.RunAsync(null, "verify-log", "--data", restored);
            Assert.True(verify.ExitCode == 0, verify.StdOut + verify.StdErr);

            await using var restoredServer = await ServerProcess.StartAsync(restored, CrashRecoveryTests.ServerSettings);
            using var http = WriteLoad.CreateClient(restoredServer.BaseAddress);
            foreach (var (token, id, title) in proposalsBefore)
            {
                var node = (await WriteLoad.QueryAsync(http, token, "query($id: ID!) { node(id: $id) { ... on Proposal { title } } }", new() { ["id"] = id })).GetProperty("node");
                Assert.True(node.ValueKind == JsonValueKind.Object, $"proposal {id}, acknowledged before the backup, is not in it");
                Assert.Equal(title, node.GetProperty("title").GetString());
            }

            output.WriteLine($"restored: {verify.StdOut.Trim()}; {proposalsBefore.Count} proposals acknowledged before the backup all present");
        }
        finally
        {
            await server.DisposeAsync();
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            Directory.Delete(live, recursive: true);
            Directory.Delete(restored, recursive: true);
        }
    }
}
