using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net.Http.Headers;

namespace Governance.Api.Tests.Reliability;

/// <summary>The identities fuzz cases act as: a member's token and session, and a second session that sign-out and password cases may spend.</summary>
internal sealed record FuzzIdentities(string Token, string SessionCookie, string Csrf, string SpareSessionCookie, string SpareCsrf);

/// <summary>What a fuzz run saw.</summary>
internal sealed class FuzzReport
{
    public long Cases;
    public readonly ConcurrentDictionary<int, long> ByStatus = new();
    public readonly ConcurrentBag<string> Findings = [];
    public long SlowestMilliseconds;
    public long ProtocolRefusals;
    public string SlowestCase = "";
    public long PeakWorkingSetBytes;
    public long HeapAfterWarmupBytes;
    public long HeapAtEndBytes;

    public void Record(int status) => ByStatus.AddOrUpdate(status, 1, (_, n) => n + 1);

    public string StatusSummary() => string.Join(", ", ByStatus.OrderBy(p => p.Key).Select(p => $"{p.Key}: {p.Value}"));
}

/// <summary>
/// Sends fuzz cases through an <see cref="HttpClient"/> (the in-process test server, or a real
/// socket) from a few concurrent workers and judges each answer with <see cref="FuzzOracle"/>;
/// a case that takes longer than <paramref name="hangAfter"/> is a hang.
/// </summary>
internal sealed class HttpFuzzRunner(HttpClient client, FuzzIdentities identities, TimeSpan hangAfter)
{
    /// <summary>Over a real socket: Kestrel's bodiless protocol refusals are counted, not judged.</summary>
    public bool AcceptProtocolRefusals { get; init; }

    public async Task RunAsync(long seed, long first, long count, Func<FuzzRandom, FuzzRequest> generate, FuzzReport report, int workers = 4)
    {
        var next = first - 1;
        var end = first + count;
        var warmupDone = first + Math.Min(count / 10, 2_000);
        using var process = Process.GetCurrentProcess();

        async Task Worker()
        {
            long index;
            while ((index = Interlocked.Increment(ref next)) < end)
            {
                var generating = Stopwatch.StartNew();
                var request = generate(new FuzzRandom(seed, index));
                var generated = generating.ElapsedMilliseconds;
                if (Trace is { } started)
                {
                    lock (started)
                    {
                        File.AppendAllText(started, $"{index} start gen={generated}ms {request.Describe()[..Math.Min(300, request.Describe().Length)]}\n");
                    }
                }

                await RunOneAsync(index, request, report).ConfigureAwait(false);
                if (Trace is { } trace)
                {
                    lock (trace)
                    {
                        File.AppendAllText(trace, $"{index} gen={generated}ms total={generating.ElapsedMilliseconds}ms {request.Describe()[..Math.Min(200, request.Describe().Length)]}\n");
                    }
                }

                Interlocked.Increment(ref report.Cases);
                if (index % 500 == 0)
                {
                    process.Refresh();
                    InterlockedMax(ref report.PeakWorkingSetBytes, process.WorkingSet64);
                }

                if (index == warmupDone)
                {
                    report.HeapAfterWarmupBytes = GC.GetTotalMemory(forceFullCollection: true);
                }
            }
        }

        await Task.WhenAll(Enumerable.Range(0, workers).Select(_ => Task.Run(Worker))).ConfigureAwait(false);
        report.HeapAtEndBytes = GC.GetTotalMemory(forceFullCollection: true);
    }

    /// <summary>A file to log every case's timing to, when GOVERNANCE_FUZZ_TRACE names one (to find what is slow).</summary>
    private static readonly string? Trace = Environment.GetEnvironmentVariable("GOVERNANCE_FUZZ_TRACE");

    private async Task RunOneAsync(long index, FuzzRequest request, FuzzReport report)
    {
        using var message = ToMessage(request);
        using var deadline = new CancellationTokenSource(hangAfter);
        var clock = Stopwatch.StartNew();
        try
        {
            using var response = await client.SendAsync(message, HttpCompletionOption.ResponseHeadersRead, deadline.Token).ConfigureAwait(false);
            var status = (int)response.StatusCode;
            var contentType = response.Content.Headers.ContentType?.ToString();
            byte[] body;
            if (contentType?.StartsWith("text/event-stream", StringComparison.Ordinal) == true && status < 400)
            {
                // A subscription streams until the client leaves: that is its contract, not a hang.
                body = [];
            }
            else
            {
                body = await response.Content.ReadAsByteArrayAsync(deadline.Token).ConfigureAwait(false);
            }

            report.Record(status);
            if (AcceptProtocolRefusals && status is 400 or 414 or 431 && body.Length == 0 && contentType is null)
            {
                // Kestrel's own refusal of a request line or headers it will not parse (too long,
                // a NUL): the connection is closed before the app — and its ProblemDetails — run.
                Interlocked.Increment(ref report.ProtocolRefusals);
            }
            else if (FuzzOracle.Judge(request, status, contentType, body) is { } problem)
            {
                report.Findings.Add($"case {index}: {problem}\n    request: {request.Describe()}");
            }
        }
        catch (OperationCanceledException) when (deadline.IsCancellationRequested)
        {
            report.Record(0);
            report.Findings.Add($"case {index}: no answer within {hangAfter.TotalSeconds:0} s (a hang)\n    request: {request.Describe()}");
        }
        catch (InvalidOperationException e) when (e.StackTrace?.Contains("Microsoft.AspNetCore.TestHost", StringComparison.Ordinal) == true)
        {
            // The in-process client cannot even put this request together (a %00 in the path):
            // Kestrel refuses such a request with a 400 before the app sees it; the socket run covers it.
            report.Record(-2);
        }
        catch (HttpRequestException e)
        {
            report.Record(-1);
            report.Findings.Add($"case {index}: the connection failed ({e.Message})\n    request: {request.Describe()}");
        }

        var elapsed = clock.ElapsedMilliseconds;
        if (elapsed > Interlocked.Read(ref report.SlowestMilliseconds))
        {
            lock (report)
            {
                if (elapsed > report.SlowestMilliseconds)
                {
                    report.SlowestMilliseconds = elapsed;
                    report.SlowestCase = $"case {index}: {request.Describe()}";
                }
            }
        }
    }

    private HttpRequestMessage ToMessage(FuzzRequest request)
    {
        var target = request.Target;
        var spare = target.StartsWith("/api/account/sign-out", StringComparison.Ordinal) || target.StartsWith("/api/account/password", StringComparison.Ordinal)
            || (request.Method == "DELETE" && target.StartsWith("/api/tokens", StringComparison.Ordinal));
        var message = new HttpRequestMessage(new HttpMethod(request.Method), new Uri(target, UriKind.Relative));
        if (request.Body is { } body)
        {
            message.Content = new ByteArrayContent(body);
            if (request.ContentType is { Length: > 0 } contentType)
            {
                message.Content.Headers.TryAddWithoutValidation("Content-Type", contentType);
            }
        }

        if (request.Accept is { } accept)
        {
            message.Headers.TryAddWithoutValidation("Accept", accept);
        }

        switch (request.Auth)
        {
            case FuzzAuth.Token:
                message.Headers.Authorization = new AuthenticationHeaderValue("Bearer", identities.Token);
                break;
            case FuzzAuth.BadToken:
                message.Headers.Authorization = new AuthenticationHeaderValue("Bearer", "gov_pat_" + new string('0', 40));
                break;
            case FuzzAuth.Session:
            case FuzzAuth.SessionWithoutCsrf:
                message.Headers.Add("Cookie", "gov_session=" + (spare ? identities.SpareSessionCookie : identities.SessionCookie));
                if (request.Auth == FuzzAuth.Session)
                {
                    message.Headers.Add("X-CSRF-Token", spare ? identities.SpareCsrf : identities.Csrf);
                }

                break;
            default:
                break;
        }

        return message;
    }

    private static void InterlockedMax(ref long target, long value)
    {
        long seen;
        while (value > (seen = Interlocked.Read(ref target)) && Interlocked.CompareExchange(ref target, value, seen) != seen)
        {
        }
    }
}
