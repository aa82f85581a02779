using System.Diagnostics;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;

namespace Governance.Api.Tests;

/// <summary>
/// docs/api.md's "Getting started", run exactly as written (the fenced blocks marked
/// <c>getting-started</c>): curl in bash and the JavaScript in Node, against a real server on a
/// loopback port. Each must print the first query's answer and then, when another member
/// delegates to the new member, the subscription's event.
/// </summary>
public sealed class GettingStartedTests : IDisposable
{
    private readonly GovernanceApiFactory _factory = new() { DemoMembers = 10 };
    private readonly string _base;
    private readonly string _folder = Directory.CreateTempSubdirectory("getting-started-").FullName;

    public GettingStartedTests()
    {
        _factory.Settings["RateLimits:SignInAttemptsPerMinute"] = "1000";
        _factory.UseKestrel(0);
        _factory.StartServer();
        _base = _factory.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First()
            .Replace("[::]", "127.0.0.1", StringComparison.Ordinal).Replace("localhost", "127.0.0.1", StringComparison.Ordinal).TrimEnd('/');
    }

    public void Dispose()
    {
        _factory.Dispose();
        Directory.Delete(_folder, recursive: true);
    }

    [Fact]
    public Task TheCurlVersionRunsAsWritten() =>
        RunAsync("bash", "bash", "start.sh", "ada");

    [Fact]
    public Task TheJavaScriptVersionRunsAsWritten() =>
        RunAsync("js", "node", "start.mjs", "grace");

    private async Task RunAsync(string language, string program, string file, string handle)
    {
        var code = Block(language);
        await File.WriteAllTextAsync(Path.Combine(_folder, file), code);
        var start = new ProcessStartInfo(program)
        {
            WorkingDirectory = _folder,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.ArgumentList.Add(file);
        start.Environment["BASE"] = _base;
        using var process = Process.Start(start)!;
        var output = new StringBuilder();
        var errors = new StringBuilder();
        process.OutputDataReceived += (_, e) => { lock (output) { output.AppendLine(e.Data); } };
        process.ErrorDataReceived += (_, e) => { lock (errors) { errors.AppendLine(e.Data); } };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();

        try
        {
            // Step 4's answer, then step 5 listening: another member delegates to the newcomer
            // (again every second, alternating with a revocation, until the event arrives).
            await WaitForAsync(() => Text(output).Contains($"\"handle\":\"{handle}\"", StringComparison.Ordinal), process, output, errors);
            using var other = new HttpClient(new HttpClientHandler { CookieContainer = new System.Net.CookieContainer() }) { BaseAddress = new Uri(_base) };
            await ApiClient.RegisterAsync(other, $"{handle}-fan");
            var target = await MemberIdAsync(other, handle);
            var deadline = DateTime.UtcNow.AddSeconds(30);
            var delegated = false;
            var lastAnswer = default(JsonElement);
            while (!Text(output).Contains("myDelegationsChanged", StringComparison.Ordinal) && DateTime.UtcNow < deadline && !process.HasExited)
            {
                lastAnswer = await GraphQLAsync(other, delegated
                    ? "mutation { revokeDelegation(input: { scope: { global: true } }) { errors { __typename } } }"
                    : $"mutation {{ delegate(input: {{ scope: {{ global: true }}, delegates: [\"{target}\"] }}) {{ errors {{ __typename }} }} }}");
                delegated = !delegated;
                await Task.Delay(1000);
            }

            var text = Text(output);
            Assert.Contains("\"allowance\":4", text, StringComparison.Ordinal);
            Assert.True(text.Contains("\"myDelegationsChanged\":{\"kind\":", StringComparison.Ordinal), $"{text}\n{Text(errors)}\n{lastAnswer}");
            Assert.Contains($"\"handle\":\"{handle}-fan\"", text, StringComparison.Ordinal);
        }
        finally
        {
            if (!process.HasExited)
            {
                process.Kill(entireProcessTree: true);
            }

            await process.WaitForExitAsync();
        }

        if (language == "js")
        {
            // The JavaScript version ends by itself after the first event.
            Assert.True(process.ExitCode == 0, Text(errors));
        }
    }

    private static string Text(StringBuilder builder)
    {
        lock (builder)
        {
            return builder.ToString();
        }
    }

    private static async Task WaitForAsync(Func<bool> condition, Process process, StringBuilder output, StringBuilder errors)
    {
        var deadline = DateTime.UtcNow.AddSeconds(60);
        while (!condition())
        {
            Assert.True(DateTime.UtcNow < deadline && !process.HasExited,
                $"the script stopped or stalled.\nstdout:\n{Text(output)}\nstderr:\n{Text(errors)}");
            await Task.Delay(100);
        }
    }

    private static async Task<JsonElement> GraphQLAsync(HttpClient client, string query)
    {
        using var response = await client.PostAsJsonAsync("/graphql", new { query });
        return (await response.JsonAsync()).Clone();
    }

    private static async Task<string> MemberIdAsync(HttpClient client, string handle)
    {
        var found = await GraphQLAsync(client, $"{{ members(search: \"{handle}\", first: 5) {{ nodes {{ id handle }} }} }}");
        Assert.True(found.TryGetProperty("data", out _), found.ToString());
        return found.GetProperty("data").GetProperty("members").GetProperty("nodes").EnumerateArray()
            .First(n => n.GetProperty("handle").GetString() == handle).GetProperty("id").GetString()!;
    }

    /// <summary>The fenced block of docs/api.md whose info string is "<paramref name="language"/> getting-started".</summary>
    private static string Block(string language)
    {
        var lines = File.ReadAllLines(Path.Combine(Repository.Root, "docs", "api.md"));
        var open = Array.FindIndex(lines, l => l.Trim() == $"```{language} getting-started");
        Assert.True(open >= 0, $"docs/api.md has no ```{language} getting-started block");
        var close = Array.FindIndex(lines, open + 1, l => l.Trim() == "```");
        return string.Join('\n', lines[(open + 1)..close]) + "\n";
    }
}
