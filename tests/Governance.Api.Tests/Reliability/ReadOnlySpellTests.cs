using System.Diagnostics;
using System.Net.Http.Json;
using Xunit.Abstractions;

namespace Governance.Api.Tests.Reliability;

/// <summary>
/// A read-only spell (issue 21): the server runs as an unprivileged user (root ignores file
/// modes, so under root the test makes one), its data folder turns read-only under 12 writers
/// and a burst of readers, then writable again. Connections SQLite opened during the spell are read-only for life; pooled,
/// they kept writes failing with 503 for minutes. Now writes succeed within 1 s of the folder
/// being writable, and after a SIGKILL every acknowledged write is there and the log verifies.
/// </summary>
public sealed class ReadOnlySpellTests(ITestOutputHelper output)
{
    private const string User = "governance-test";

    // In the default run: the spell bites every time. The server drops its idle pooled
    // connections when the spell starts (a hook of the Testing environment), so the next ones
    // open while the folder is read-only, and the spell lasts until a write has failed (at most
    // 15 s). Before, whether it bit depended on the pool happening to open a connection during
    // it: in a CI run on 2026-12-07 none did.
    [Fact]
    public async Task WritesSucceedWithinASecondOfTheFolderBeingWritableAgain()
    {
        var folder = Directory.CreateTempSubdirectory("governance-spell-").FullName;
        var runAs = UnprivilegedUser(folder);
        var server = await ServerProcess.StartAsync(folder, CrashRecoveryTests.ServerSettings, runAs: runAs);
        try
        {
            var load = await WriteLoad.PrepareAsync(server.BaseAddress, 12, "spell");
            using var stop = new CancellationTokenSource();
            var running = load.RunAsync(1, stop.Token);
            await Task.Delay(1_000);

            Run("chmod", "-R", "a-w", folder);
            await ClearPoolsAsync(server.BaseAddress);
            // Readers make the pool open connections while the folder is read-only, as a busy
            // site does; those are the connections that stayed read-only.
            var spell = Stopwatch.StartNew();
            while (spell.Elapsed < TimeSpan.FromSeconds(2) || (load.Outcomes.GetValueOrDefault("503") == 0 && spell.Elapsed < TimeSpan.FromSeconds(15)))
            {
                await BurstOfReadersAsync(server.BaseAddress, 48);
            }

            output.WriteLine($"the spell lasted {spell.Elapsed.TotalMilliseconds:0} ms");
            var unavailableDuringSpell = load.Outcomes.GetValueOrDefault("503");
            Run("chmod", "-R", "u+w", folder);
            var writableAt = Stopwatch.GetTimestamp();
            var acknowledgedAtWritable = Interlocked.Read(ref load.Acknowledged);
            await Task.Delay(3_000);
            await stop.CancelAsync();
            await running;

            var lastUnavailable = Interlocked.Read(ref load.LastUnavailableAt);
            var failingFor = lastUnavailable > writableAt ? Stopwatch.GetElapsedTime(writableAt, lastUnavailable) : TimeSpan.Zero;
            var acknowledgedAfter = Interlocked.Read(ref load.Acknowledged) - acknowledgedAtWritable;
            output.WriteLine($"503s during the spell: {unavailableDuringSpell}; writes still refused {failingFor.TotalMilliseconds:0} ms after the folder was writable; {acknowledgedAfter} writes acknowledged in the 3 s after");
            output.WriteLine("outcomes: " + string.Join(", ", load.Outcomes.OrderBy(p => p.Key, StringComparer.Ordinal).Select(p => $"{p.Key}: {p.Value}")));
            Assert.True(unavailableDuringSpell > 0, "no write failed while the folder was read-only: the spell tested nothing");
            Assert.True(failingFor < TimeSpan.FromSeconds(1), $"writes still failed {failingFor.TotalMilliseconds:0} ms after the folder was writable");
            Assert.True(acknowledgedAfter > 0, "no write succeeded after the folder was writable again");
            Assert.DoesNotContain(load.Outcomes, p => WriteLoad.IsFailure(p.Key) && p.Key != "503");

            await server.KillAsync();
            server = await ServerProcess.StartAsync(folder, CrashRecoveryTests.ServerSettings, runAs: runAs);
            var problems = await load.On(server.BaseAddress).CheckAsync();
            Assert.True(problems.Count == 0, string.Join('\n', problems.Take(20)));
            await server.KillAsync();

            var verify = await CliProcess.RunAsync(null, "verify-log", "--data", folder);
            Assert.True(verify.ExitCode == 0, $"verify-log after the spell and SIGKILL: {verify.StdOut}{verify.StdErr}");
        }
        finally
        {
            await server.DisposeAsync();
            Run("chmod", "-R", "u+w", folder);
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            Directory.Delete(folder, recursive: true);
        }
    }

    private static async Task ClearPoolsAsync(Uri server)
    {
        using var http = WriteLoad.CreateClient(server);
        using var response = await http.PostAsync("/testing/storage/clear-pools", null);
        Assert.Equal(System.Net.HttpStatusCode.NoContent, response.StatusCode);
    }

    private static async Task BurstOfReadersAsync(Uri server, int readers)
    {
        using var http = WriteLoad.CreateClient(server);
        await Task.WhenAll(Enumerable.Range(0, readers).Select(async _ =>
        {
            using var response = await http.PostAsJsonAsync("/graphql", new { query = "{ proposals(first: 20) { nodes { id title score } } areas { id name } }" });
            await response.Content.ReadAsStringAsync();
        }));
    }

    /// <summary>
    /// Who the server runs as: this user when not root (file modes already bind it); as root, which
    /// ignores them, a system user made for the test that owns the folder (setpriv).
    /// </summary>
    private static string? UnprivilegedUser(string folder)
    {
        if (!Environment.IsPrivilegedProcess)
        {
            return null;
        }

        if (Run("id", "-u", User) != 0)
        {
            Assert.Equal(0, Run("useradd", "--system", "--no-create-home", "--shell", "/usr/sbin/nologin", User));
        }

        Assert.Equal(0, Run("chown", "-R", $"{User}:{User}", folder));
        return User;
    }

    private static int Run(string program, params string[] arguments)
    {
        var start = new ProcessStartInfo(program) { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        using var process = Process.Start(start)!;
        process.WaitForExit();
        return process.ExitCode;
    }
}
