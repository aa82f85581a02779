using System.Diagnostics;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using Xunit.Abstractions;

namespace Governance.Api.Tests.Reliability;

/// <summary>
/// Disk full and read-only database (issue 8): a write the database cannot take answers 503 with
/// Retry-After and a message that says why — over REST and GraphQL — never a 500; nothing
/// acknowledged is lost, and the same write succeeds once space (or write access) returns.
/// </summary>
public sealed class StorageFaultTests(ITestOutputHelper output)
{
    [Fact]
    public async Task AReadOnlyDatabaseAnswers503AndKeepsWhatWasAcknowledged()
    {
        var folder = Directory.CreateTempSubdirectory("governance-readonly-").FullName;
        try
        {
            FuzzIdentities me;
            string area;
            string kept;
            using (var writable = HttpFuzzTests.CreateFactory(folder))
            {
                using var client = writable.CreateClient(new() { HandleCookies = false });
                me = await HttpFuzzTests.SignUpAsync(client, "readonly.member");
                area = (await HttpFuzzTests.KnownIdsAsync(client, me.Token)).Areas[1];
                kept = await ProposeAsync(client, me.Token, area, "Acknowledged before the disk turned read-only");
            }

            using (var readOnly = HttpFuzzTests.CreateFactory(folder))
            {
                readOnly.Settings["Storage:ConnectionString"] = $"Data Source={Path.Combine(folder, "governance.db")};Mode=ReadOnly";
                using var client = readOnly.CreateClient(new() { HandleCookies = false });

                var signIn = await client.PostAsJsonAsync("/api/account/sign-in", new { handleOrEmail = "readonly.member", password = ApiClient.Password });
                await AssertUnavailableAsync(signIn, "the database is read-only");

                var propose = await SendProposeAsync(client, me.Token, area, "Refused while read-only");
                await AssertUnavailableAsync(propose, "the database is read-only");

                Assert.Equal("Acknowledged before the disk turned read-only", await TitleAsync(client, me.Token, kept));
            }

            using (var writableAgain = HttpFuzzTests.CreateFactory(folder))
            {
                using var client = writableAgain.CreateClient(new() { HandleCookies = false });
                var again = await ProposeAsync(client, me.Token, area, "Refused while read-only");
                Assert.Equal("Refused while read-only", await TitleAsync(client, me.Token, again));
                Assert.Equal("Acknowledged before the disk turned read-only", await TitleAsync(client, me.Token, kept));
            }
        }
        finally
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            Directory.Delete(folder, recursive: true);
        }
    }

    /// <summary>
    /// A real full disk: the data folder is a 6 MiB tmpfs (mounting needs root, which the CI
    /// machine has), filled to the last byte with a file that is then deleted.
    /// </summary>
    [Fact]
    public async Task AFullDiskAnswers503AndTheWriteSucceedsOnceSpaceReturns()
    {
        var folder = Directory.CreateTempSubdirectory("governance-diskfull-").FullName;
        var mounted = await RunAsync("mount", "-t", "tmpfs", "-o", "size=6m", "tmpfs", folder);
        Assert.True(mounted.ExitCode == 0, $"this test mounts a small tmpfs and needs root: mount said {mounted.Output}");
        try
        {
            var acknowledged = new List<(string Id, string Title)>();
            using (var factory = HttpFuzzTests.CreateFactory(folder))
            {
                factory.Settings["Demo:Members"] = "10";
                using var client = factory.CreateClient(new() { HandleCookies = false });
                var me = await HttpFuzzTests.SignUpAsync(client, "diskfull.member");
                var area = (await HttpFuzzTests.KnownIdsAsync(client, me.Token)).Areas[1];
                acknowledged.Add((await ProposeAsync(client, me.Token, area, "Before the disk filled"), "Before the disk filled"));

                var filler = Path.Combine(folder, "filler");
                Fill(filler);
                var statuses = new Dictionary<int, int>();
                HttpResponseMessage? refused = null;
                for (var i = 0; i < 200 && refused is null; i++)
                {
                    var title = $"Written on a full disk {i}";
                    var response = await SendProposeAsync(client, me.Token, area, title, body: new string('x', 20_000));
                    statuses[(int)response.StatusCode] = statuses.GetValueOrDefault((int)response.StatusCode) + 1;
                    Assert.NotEqual(HttpStatusCode.InternalServerError, response.StatusCode);
                    if (response.StatusCode == HttpStatusCode.ServiceUnavailable)
                    {
                        refused = response;
                    }
                    else if ((await response.JsonAsync()).GetProperty("data").GetProperty("propose").GetProperty("proposal") is { ValueKind: JsonValueKind.Object } made)
                    {
                        // SQLite had free pages left: acknowledged, so it must survive too.
                        acknowledged.Add((made.GetProperty("id").GetString()!, title));
                    }
                }

                output.WriteLine($"statuses on the full disk: {string.Join(", ", statuses.Select(p => $"{p.Key}: {p.Value}"))}");
                Assert.NotNull(refused);
                await AssertUnavailableAsync(refused, "the disk holding the database is full");

                File.Delete(filler);
                var after = await ProposeAsync(client, me.Token, area, "After space returned", body: new string('x', 20_000));
                acknowledged.Add((after, "After space returned"));
                foreach (var (id, title) in acknowledged)
                {
                    Assert.Equal(title, await TitleAsync(client, me.Token, id));
                }
            }

            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            var verify = await CliProcess.RunAsync(null, "verify-log", "--data", folder);
            Assert.True(verify.ExitCode == 0, verify.StdOut + verify.StdErr);
        }
        finally
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            await RunAsync("umount", "-l", folder);
            Directory.Delete(folder, recursive: true);
        }
    }

    private static void Fill(string path)
    {
        using var file = new FileStream(path, FileMode.Create, FileAccess.Write, FileShare.None, 1, FileOptions.None);
        var block = new byte[4096];
        try
        {
            while (true)
            {
                file.Write(block);
                file.Flush();
            }
        }
        catch (IOException)
        {
            // ENOSPC: the disk is full.
        }
    }

    private static async Task AssertUnavailableAsync(HttpResponseMessage response, string reason)
    {
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.ServiceUnavailable, $"expected 503, got {(int)response.StatusCode}: {body}");
        Assert.Equal("30", response.Headers.GetValues("Retry-After").Single());
        var expected = $"The service cannot store changes right now: {reason}. Nothing was changed; try again in 30 seconds.";
        using var json = JsonDocument.Parse(body);
        var message = json.RootElement.TryGetProperty("errors", out var errors) && errors.ValueKind == JsonValueKind.Array
            ? errors[0].GetProperty("message").GetString()
            : json.RootElement.GetProperty("detail").GetString();
        Assert.Equal(expected, message);
    }

    private static async Task<HttpResponseMessage> SendProposeAsync(HttpClient client, string token, string area, string title, string body = "A body.")
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "/graphql")
        {
            Content = JsonContent.Create(new
            {
                query = "mutation($a: ID!, $t: String!, $b: String!) { propose(input: { area: $a, title: $t, body: $b }) { proposal { id } errors { ... on UserError { code message } } } }",
                variables = new { a = area, t = title, b = body },
            }),
        };
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return await client.SendAsync(request);
    }

    private static async Task<string> ProposeAsync(HttpClient client, string token, string area, string title, string body = "A body.")
    {
        var response = await SendProposeAsync(client, token, area, title, body);
        var json = await response.JsonAsync();
        Assert.True(response.StatusCode == HttpStatusCode.OK, json.GetRawText());
        return json.GetProperty("data").GetProperty("propose").GetProperty("proposal").GetProperty("id").GetString()!;
    }

    private static async Task<string?> TitleAsync(HttpClient client, string token, string id) =>
        (await WriteLoad.QueryAsync(client, token, "query($id: ID!) { node(id: $id) { ... on Proposal { title } } }", new() { ["id"] = id }))
            .GetProperty("node").GetProperty("title").GetString();

    private static async Task<(int ExitCode, string Output)> RunAsync(string command, params string[] args)
    {
        var start = new ProcessStartInfo(command) { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var arg in args)
        {
            start.ArgumentList.Add(arg);
        }

        using var process = Process.Start(start)!;
        var text = await process.StandardOutput.ReadToEndAsync() + await process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        return (process.ExitCode, text);
    }
}
