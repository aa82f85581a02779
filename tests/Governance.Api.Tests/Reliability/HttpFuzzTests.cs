using System.Diagnostics;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using Xunit.Abstractions;

namespace Governance.Api.Tests.Reliability;

/// <summary>
/// Bad input over HTTP (issue 8): seeded random and mutated GraphQL requests and REST calls
/// against the real app on a real database. Never a 5xx, never a hang past the execution
/// timeout, every refusal says what was wrong, memory stays bounded.
/// </summary>
public sealed class HttpFuzzTests(ITestOutputHelper output) : IDisposable
{
    /// <summary>The execution timeout the fuzzed app runs with; a case still unanswered 10 s after it is a hang.</summary>
    private static readonly TimeSpan ExecutionTimeout = TimeSpan.FromSeconds(5);

    private readonly GovernanceApiFactory factory = CreateFactory();

    public void Dispose() => factory.Dispose();

    internal static GovernanceApiFactory CreateFactory(string? folder = null)
    {
        var factory = new GovernanceApiFactory(folder) { DemoMembers = 120 };
        factory.Settings["GraphQL:ExecutionTimeout"] = ExecutionTimeout.ToString();
        factory.Settings["RateLimits:AnonymousRequestsPerSecond"] = "100000";
        factory.Settings["RateLimits:MemberRequestsPerSecond"] = "100000";
        factory.Settings["RateLimits:SignInAttemptsPerMinute"] = "60";
        factory.Settings["Logging:LogLevel:Default"] = "Warning";
        return factory;
    }

    [Fact]
    public async Task RandomAndMutatedRequestsNeverGetA5xxAHangOrAnUnexplainedRefusal()
    {
        using var client = factory.CreateClient(new Microsoft.AspNetCore.Mvc.Testing.WebApplicationFactoryClientOptions { HandleCookies = false });
        var identities = await SignUpAsync(client, "fuzzer");
        var ids = await KnownIdsAsync(client, identities.Token);
        var graphql = new GraphQLFuzzGenerator(ids);
        var report = new FuzzReport();
        var cases = FuzzSettings.Cases * 4 / 5;
        if (FuzzSettings.Cases == 1)
        {
            cases = 1;
        }

        var clock = Stopwatch.StartNew();
        var cpu = Process.GetCurrentProcess().TotalProcessorTime;
        await new HttpFuzzRunner(client, identities, ExecutionTimeout + TimeSpan.FromSeconds(10))
            .RunAsync(FuzzSettings.Seed, FuzzSettings.First, cases, r => r.Chance(70) ? graphql.Next(r) : RestFuzzGenerator.Next(r), report);
        var cpuUsed = Process.GetCurrentProcess().TotalProcessorTime - cpu;

        var summary = $"http fuzz: {report.Cases:N0} cases (seed {FuzzSettings.Seed}, from {FuzzSettings.First}) in {clock.Elapsed.TotalSeconds:0.0} s wall, {cpuUsed.TotalSeconds:0.0} s CPU; "
            + $"statuses {report.StatusSummary()}; slowest {report.SlowestMilliseconds} ms; peak working set {report.PeakWorkingSetBytes / 1048576} MiB; "
            + $"heap after warm-up {report.HeapAfterWarmupBytes / 1048576} MiB, at end {report.HeapAtEndBytes / 1048576} MiB; findings {report.Findings.Count}";
        output.WriteLine(summary);
        output.WriteLine("slowest: " + report.SlowestCase);
        FuzzSettings.Append(summary);
        foreach (var finding in report.Findings.Take(50))
        {
            output.WriteLine(finding);
            FuzzSettings.Append(finding);
        }

        Assert.True(report.Findings.IsEmpty, $"{report.Findings.Count} findings, first: {report.Findings.FirstOrDefault()}");
        Assert.Equal(cases, report.Cases);

        // Bounded memory: what survives a full collection does not grow with the number of cases.
        Assert.True(report.HeapAtEndBytes - report.HeapAfterWarmupBytes < 256L * 1024 * 1024,
            $"the managed heap grew from {report.HeapAfterWarmupBytes / 1048576} MiB to {report.HeapAtEndBytes / 1048576} MiB");
    }

    /// <summary>
    /// The same generator over a real socket against the real `serve` process (Kestrel's own
    /// parsing in front of the app): 300 cases, including the `%00` paths the in-process client
    /// cannot send.
    /// </summary>
    [Fact]
    public async Task AFewHundredCasesOverARealSocketGetNo5xxEither()
    {
        var folder = Directory.CreateTempSubdirectory("governance-socket-fuzz-").FullName;
        var settings = new Dictionary<string, string>(CrashRecoveryTests.ServerSettings) { ["GraphQL:ExecutionTimeout"] = ExecutionTimeout.ToString() };
        var server = await ServerProcess.StartAsync(folder, settings);
        try
        {
            using var client = WriteLoad.CreateClient(server.BaseAddress);
            var identities = await SignUpAsync(client, "socket.fuzzer");
            var graphql = new GraphQLFuzzGenerator(await KnownIdsAsync(client, identities.Token));
            var report = new FuzzReport();

            await new HttpFuzzRunner(client, identities, ExecutionTimeout + TimeSpan.FromSeconds(10)) { AcceptProtocolRefusals = true }
                .RunAsync(FuzzSettings.Seed, 0, 300, r => r.Chance(70) ? graphql.Next(r) : RestFuzzGenerator.Next(r), report);

            output.WriteLine($"socket fuzz: {report.Cases} cases; statuses {report.StatusSummary()} ({report.ProtocolRefusals} of them Kestrel's bodiless protocol refusals); slowest {report.SlowestMilliseconds} ms; findings {report.Findings.Count}");
            Assert.True(report.Findings.IsEmpty, $"{report.Findings.Count} findings, first: {report.Findings.FirstOrDefault()}\n{server.Log[^Math.Min(server.Log.Length, 4000)..]}");
            Assert.False(server.HasExited, "the server died under the fuzz cases");
        }
        finally
        {
            await server.DisposeAsync();
            Directory.Delete(folder, recursive: true);
        }
    }

    /// <summary>Registers a member (and a spare), and gives the member a token with every scope.</summary>
    internal static async Task<FuzzIdentities> SignUpAsync(HttpClient client, string handle)
    {
        var (cookie, csrf) = await RegisterAsync(client, handle);
        var (spareCookie, spareCsrf) = await RegisterAsync(client, handle + ".spare");
        using var create = new HttpRequestMessage(HttpMethod.Post, "/api/tokens")
        {
            Content = JsonContent.Create(new { name = "fuzz", scopes = new[] { "read", "vote", "delegate", "propose", "moderate" } }),
        };
        create.Headers.Add("Cookie", "gov_session=" + cookie);
        create.Headers.Add("X-CSRF-Token", csrf);
        var created = await client.SendAsync(create);
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var token = (await created.JsonAsync()).GetProperty("token").GetString()!;
        return new FuzzIdentities(token, cookie, csrf, spareCookie, spareCsrf);
    }

    private static async Task<(string Cookie, string Csrf)> RegisterAsync(HttpClient client, string handle)
    {
        var response = await client.PostAsJsonAsync("/api/account/register", new { handle, displayName = handle, email = $"{handle}@example.org", password = ApiClient.Password });
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var cookie = response.Headers.GetValues("Set-Cookie").Select(c => c.Split(';')[0]).Single(c => c.StartsWith("gov_session=", StringComparison.Ordinal));
        return (cookie["gov_session=".Length..], (await response.JsonAsync()).GetProperty("csrfToken").GetString()!);
    }

    internal static async Task<FuzzIds> KnownIdsAsync(HttpClient client, string token)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "/graphql")
        {
            Content = JsonContent.Create(new { query = "{ areas { id children { id } } proposals(first: 50) { nodes { id } } members(first: 30) { nodes { id } } events(first: 20) { nodes { id } } }" }),
        };
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        var data = (await (await client.SendAsync(request)).JsonAsync()).GetProperty("data");
        static List<string> Ids(JsonElement connection) => [.. connection.GetProperty("nodes").EnumerateArray().Select(n => n.GetProperty("id").GetString()!)];
        var areas = data.GetProperty("areas").EnumerateArray()
            .SelectMany(a => new[] { a.GetProperty("id").GetString()! }.Concat(a.GetProperty("children").EnumerateArray().Select(c => c.GetProperty("id").GetString()!)))
            .ToList();
        return new FuzzIds(Ids(data.GetProperty("members")), areas, Ids(data.GetProperty("proposals")), Ids(data.GetProperty("events")));
    }
}
