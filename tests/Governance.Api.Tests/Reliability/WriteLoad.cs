using System.Collections.Concurrent;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;

namespace Governance.Api.Tests.Reliability;

/// <summary>
/// A mixed write load — votes, delegations, support, proposals — from many members, each a
/// client with its own personal access token sending one request at a time. Every client keeps
/// the state the server acknowledged (a 200 whose payload has no errors) and the one write it
/// has in flight, which may or may not have committed when the server died; after a restart
/// <see cref="CheckAsync"/> reads each member's state back and accepts exactly those values.
/// </summary>
internal sealed class WriteLoad
{
    private readonly HttpClient http;
    private readonly List<LoadClient> clients;
    private readonly IReadOnlyList<string> voting;
    private readonly IReadOnlyList<string> open;
    private readonly IReadOnlyList<string> areas;

    public ConcurrentDictionary<string, long> Outcomes { get; } = new();

    public long Acknowledged;

    /// <summary>Every answered request's round trip in milliseconds, for the long runs' percentiles.</summary>
    public ConcurrentQueue<double> LatenciesMs { get; } = new();

    /// <summary>The given percentile (0–100) of <see cref="LatenciesMs"/>; 0 when nothing was answered.</summary>
    public double Percentile(double percent)
    {
        var sorted = LatenciesMs.ToArray();
        if (sorted.Length == 0)
        {
            return 0;
        }

        Array.Sort(sorted);
        return sorted[Math.Min(sorted.Length - 1, (int)Math.Ceiling(percent / 100 * sorted.Length) - 1)];
    }

    private WriteLoad(HttpClient http, List<LoadClient> clients, IReadOnlyList<string> voting, IReadOnlyList<string> open, IReadOnlyList<string> areas)
    {
        this.http = http;
        this.clients = clients;
        this.voting = voting;
        this.open = open;
        this.areas = areas;
    }

    public int Clients => clients.Count;

    public IReadOnlyList<string> VotingProposals => voting;

    /// <summary>Every proposal acknowledged so far, with the token of its author: safe to call while the load runs.</summary>
    public List<(string Token, string Id, string Title)> AcknowledgedProposals()
    {
        var all = new List<(string, string, string)>();
        foreach (var client in clients)
        {
            lock (client.Proposals)
            {
                all.AddRange(client.Proposals.Select(p => (client.Token, p.Id, p.Title)));
            }
        }

        return all;
    }

    public sealed class LoadClient(string memberId, string token)
    {
        public string MemberId { get; } = memberId;

        public string Token { get; } = token;

        /// <summary>Key → the acknowledged value ("none" for nothing) and a value that may have committed unacknowledged.</summary>
        public Dictionary<string, (string Acked, string? Maybe)> State { get; } = [];

        public List<(string Id, string Title)> Proposals { get; } = [];

        public List<string> MaybeProposals { get; } = [];
    }

    /// <summary>Registers <paramref name="count"/> members through the REST API, each with a token of every scope.</summary>
    public static async Task<WriteLoad> PrepareAsync(Uri server, int count, string prefix)
    {
        var http = CreateClient(server);
        var clients = new ConcurrentBag<LoadClient>();
        using var gate = new SemaphoreSlim(8);
        await Task.WhenAll(Enumerable.Range(0, count).Select(async i =>
        {
            await gate.WaitAsync();
            try
            {
                clients.Add(await RegisterAsync(http, $"{prefix}{i}"));
            }
            finally
            {
                gate.Release();
            }
        }));

        var anyone = clients.First();
        var data = await QueryAsync(http, anyone.Token, "{ voting: proposals(status: VOTING, first: 50) { nodes { id } } open: proposals(status: OPEN, first: 50) { nodes { id } } areas { id children { id } } }");
        static List<string> Ids(JsonElement c) => [.. c.GetProperty("nodes").EnumerateArray().Select(n => n.GetProperty("id").GetString()!)];
        var areaIds = data.GetProperty("areas").EnumerateArray()
            .SelectMany(a => a.GetProperty("children").EnumerateArray().Select(c => c.GetProperty("id").GetString()!)).ToList();
        return new WriteLoad(http, [.. clients.OrderBy(c => c.MemberId, StringComparer.Ordinal)], Ids(data.GetProperty("voting")), Ids(data.GetProperty("open")), areaIds);
    }

    public static HttpClient CreateClient(Uri server) => new(new SocketsHttpHandler { UseCookies = false, MaxConnectionsPerServer = 1024, PooledConnectionLifetime = TimeSpan.FromMinutes(10) })
    {
        BaseAddress = server,
        Timeout = TimeSpan.FromSeconds(60),
    };

    /// <summary>Points the clients at a restarted server (a new port).</summary>
    public WriteLoad On(Uri server)
    {
        var moved = new WriteLoad(CreateClient(server), clients, voting, open, areas) { Acknowledged = Interlocked.Read(ref Acknowledged), ProposePercent = ProposePercent };
        foreach (var (outcome, count) in Outcomes)
        {
            moved.Outcomes[outcome] = count;
        }

        return moved;
    }

    private static async Task<LoadClient> RegisterAsync(HttpClient http, string handle)
    {
        using var register = await http.PostAsJsonAsync("/api/account/register", new { handle, displayName = handle, email = $"{handle}@example.org", password = ApiClient.Password });
        if (register.StatusCode != HttpStatusCode.Created)
        {
            throw new InvalidOperationException($"registering {handle}: {(int)register.StatusCode} {await register.Content.ReadAsStringAsync()}");
        }

        var cookie = register.Headers.GetValues("Set-Cookie").Select(c => c.Split(';')[0]).Single(c => c.StartsWith("gov_session=", StringComparison.Ordinal));
        var body = await register.JsonAsync();
        using var create = new HttpRequestMessage(HttpMethod.Post, "/api/tokens")
        {
            Content = JsonContent.Create(new { name = "load", scopes = new[] { "read", "vote", "delegate", "propose" } }),
        };
        create.Headers.Add("Cookie", cookie);
        create.Headers.Add("X-CSRF-Token", body.GetProperty("csrfToken").GetString());
        using var created = await http.SendAsync(create);
        created.EnsureSuccessStatusCode();
        var memberId = body.GetProperty("member").GetProperty("id").GetInt64();
        return new LoadClient(Governance.Api.Schema.Ids.Of(Governance.Api.Schema.Ids.Member, memberId), (await created.JsonAsync()).GetProperty("token").GetString()!);
    }

    /// <summary>Every client writes until <paramref name="stop"/>; a failed connection (the server died) ends that client's run.</summary>
    public async Task RunAsync(int seed, CancellationToken stop)
    {
        await Task.WhenAll(clients.Select((client, i) => Task.Run(() => ClientLoopAsync(client, new Random(seed * 7919 + i), stop))));
    }

    private async Task ClientLoopAsync(LoadClient client, Random random, CancellationToken stop)
    {
        while (!stop.IsCancellationRequested)
        {
            var (key, value, query, variables, field) = NextWrite(client, random);
            if (key is not null)
            {
                var (acked, _) = client.State.GetValueOrDefault(key, ("none", null));
                client.State[key] = (acked, value);
            }
            else
            {
                client.MaybeProposals.Add((string)variables["t"]!);
            }

            JsonElement payload;
            try
            {
                using var request = new HttpRequestMessage(HttpMethod.Post, "/graphql") { Content = JsonContent.Create(new { query, variables }) };
                request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", client.Token);
                var sent = System.Diagnostics.Stopwatch.GetTimestamp();
                using var response = await http.SendAsync(request, CancellationToken.None);
                LatenciesMs.Enqueue(System.Diagnostics.Stopwatch.GetElapsedTime(sent).TotalMilliseconds);
                Count(((int)response.StatusCode).ToString(System.Globalization.CultureInfo.InvariantCulture));
                if (response.StatusCode != HttpStatusCode.OK)
                {
                    // Refused (a 4xx) or failing (a 5xx): nothing to remember; an unacknowledged write keeps its "maybe".
                    continue;
                }

                var body = await response.JsonAsync();
                if (body.TryGetProperty("errors", out var errors))
                {
                    Count("graphql-error:" + errors[0].GetProperty("message").GetString());
                    continue;
                }

                payload = body.GetProperty("data").EnumerateObject().First().Value;
            }
            catch (Exception e) when (e is HttpRequestException or TaskCanceledException or IOException)
            {
                Count("connection-failed");
                return;
            }
            catch (Exception e)
            {
                Count($"harness-exception:{e.GetType().Name}: {e.Message}");
                throw;
            }

            if (payload.GetProperty("errors").ValueKind == JsonValueKind.Array)
            {
                // A refusal the client is meant to handle (over allowance, already voting…): nothing changed.
                Count("user-error:" + payload.GetProperty("errors")[0].GetProperty("code").GetString());
                if (key is not null)
                {
                    client.State[key] = (client.State[key].Acked, null);
                }
                else
                {
                    client.MaybeProposals.Remove((string)variables["t"]!);
                }

                continue;
            }

            Interlocked.Increment(ref Acknowledged);
            Count("acknowledged:" + field);
            if (key is not null)
            {
                client.State[key] = (value!, null);
            }
            else
            {
                client.MaybeProposals.Remove((string)variables["t"]!);
                lock (client.Proposals)
                {
                    client.Proposals.Add((payload.GetProperty("proposal").GetProperty("id").GetString()!, (string)variables["t"]!));
                }
            }
        }
    }

    /// <summary>
    /// The share of writes that are new proposals, in percent (10 by default; the rest are 4
    /// votes : 2 delegations : 3 supports). New proposals are the one write that grows the
    /// state without bound, so a run about memory keeps them rare.
    /// </summary>
    public int ProposePercent { get; set; } = 10;

    private (string? Key, string? Value, string Query, Dictionary<string, object?> Variables, string Field) NextWrite(LoadClient client, Random random)
    {
        var roll = random.Next(100) < ProposePercent ? 90 : random.Next(90);
        if (roll < 40 && voting.Count > 0)
        {
            var proposal = voting[random.Next(voting.Count)];
            var choice = new[] { "YES", "NO", "ABSTAIN" }[random.Next(3)];
            return ($"vote:{proposal}", choice, "mutation($p: ID!, $c: VoteChoice!) { vote(input: { proposal: $p, choice: $c }) { choice errors { ... on UserError { code message } } } }",
                new() { ["p"] = proposal, ["c"] = choice }, "vote");
        }

        if (roll < 60)
        {
            var others = clients.Where(c => c != client).Select(c => c.MemberId).ToList();
            if (random.Next(4) == 0)
            {
                return ("delegation:global", "none", "mutation { revokeDelegation(input: { scope: { global: true } }) { revoked errors { ... on UserError { code message } } } }", [], "revokeDelegation");
            }

            var delegates = others.OrderBy(_ => random.Next()).Take(random.Next(1, 4)).ToList();
            return ("delegation:global", string.Join(',', delegates),
                "mutation($d: [ID!]!) { delegate(input: { scope: { global: true }, delegates: $d }) { delegation { id } errors { ... on UserError { code message } } } }",
                new() { ["d"] = delegates }, "delegate");
        }

        if (roll < 90 && open.Count > 0)
        {
            var proposal = open[random.Next(open.Count)];
            if (random.Next(3) == 0)
            {
                return ($"support:{proposal}", "none", "mutation($p: ID!) { withdrawSupport(input: { proposal: $p }) { allowanceLeft errors { ... on UserError { code message } } } }",
                    new() { ["p"] = proposal }, "withdrawSupport");
            }

            return ($"support:{proposal}", "1", "mutation($p: ID!) { support(input: { proposal: $p, points: 1 }) { points errors { ... on UserError { code message } } } }",
                new() { ["p"] = proposal }, "support");
        }

        var title = $"Load proposal {Guid.NewGuid():N}";
        return (null, null, "mutation($a: ID!, $t: String!, $b: String!) { propose(input: { area: $a, title: $t, body: $b }) { proposal { id } errors { ... on UserError { code message } } } }",
            new() { ["a"] = areas[random.Next(areas.Count)], ["t"] = title, ["b"] = "Written by the load test." }, "propose");
    }

    /// <summary>When the last 503 (storage unavailable) was answered, as a <see cref="System.Diagnostics.Stopwatch"/> timestamp; 0 if none.</summary>
    public long LastUnavailableAt;

    private void Count(string outcome)
    {
        if (outcome == "503")
        {
            Interlocked.Exchange(ref LastUnavailableAt, System.Diagnostics.Stopwatch.GetTimestamp());
        }

        Outcomes.AddOrUpdate(outcome, 1, (_, n) => n + 1);
    }

    /// <summary>
    /// Reads every client's state back and returns each difference from what was acknowledged
    /// (or possibly committed); plus, for every open proposal, whether its score is the sum of its supporters' points.
    /// </summary>
    /// <summary>An outcome the load must never see: a 5xx, a GraphQL error, a failed connection, a harness fault.</summary>
    public static bool IsFailure(string outcome) =>
        outcome.StartsWith('5') || outcome.StartsWith("graphql-error", StringComparison.Ordinal)
        || outcome.StartsWith("connection-failed", StringComparison.Ordinal) || outcome.StartsWith("harness-exception", StringComparison.Ordinal);

    public async Task<List<string>> CheckAsync()
    {
        var problems = new ConcurrentBag<string>();
        using var gate = new SemaphoreSlim(16);
        await Task.WhenAll(clients.Select(async client =>
        {
            await gate.WaitAsync();
            try
            {
                await CheckClientAsync(client, problems);
            }
            finally
            {
                gate.Release();
            }
        }));

        var token = clients[0].Token;
        foreach (var proposal in open)
        {
            var p = (await QueryAsync(http, token, "query($id: ID!) { proposal(id: $id) { score supporters { points } } }", new() { ["id"] = proposal })).GetProperty("proposal");
            var sum = p.GetProperty("supporters").EnumerateArray().Sum(s => s.GetProperty("points").GetInt32());
            if (sum != p.GetProperty("score").GetInt32())
            {
                problems.Add($"proposal {proposal}: score {p.GetProperty("score").GetInt32()} but its supporters' points add up to {sum} (a half-done support)");
            }
        }

        return [.. problems];
    }

    private async Task CheckClientAsync(LoadClient client, ConcurrentBag<string> problems)
    {
        var state = await QueryAsync(http, client.Token,
            "query($v: [ID!]!, $o: [ID!]!) { viewer { allowance allowanceLeft delegations { scope { kind } delegates { id } isBlock } } v: nodes(ids: $v) { id ... on Proposal { myVote } } o: nodes(ids: $o) { id ... on Proposal { status mySupport } } }",
            new() { ["v"] = voting, ["o"] = open });
        var actual = new Dictionary<string, string>();
        foreach (var node in state.GetProperty("v").EnumerateArray())
        {
            actual[$"vote:{node.GetProperty("id").GetString()}"] = node.GetProperty("myVote").ValueKind == JsonValueKind.Null ? "none" : node.GetProperty("myVote").GetString()!;
        }

        var supportSum = 0;
        var released = new HashSet<string>(StringComparer.Ordinal);
        foreach (var node in state.GetProperty("o").EnumerateArray())
        {
            var support = node.GetProperty("mySupport");
            var points = support.ValueKind == JsonValueKind.Null ? 0 : support.GetInt32();
            if (node.GetProperty("status").GetString() != "OPEN")
            {
                // Leaving Open (reaching the agenda, expiring) releases every point (DESIGN §5): whatever
                // was acknowledged, none is right now.
                released.Add($"support:{node.GetProperty("id").GetString()}");
            }

            actual[$"support:{node.GetProperty("id").GetString()}"] = points == 0 ? "none" : points.ToString(System.Globalization.CultureInfo.InvariantCulture);
            supportSum += points;
        }

        var viewer = state.GetProperty("viewer");
        var global = viewer.GetProperty("delegations").EnumerateArray().Where(d => d.GetProperty("scope").GetProperty("kind").GetString() == "GLOBAL").ToList();
        actual["delegation:global"] = global.Count == 0 ? "none" : string.Join(',', global[0].GetProperty("delegates").EnumerateArray().Select(d => d.GetProperty("id").GetString()));
        if (global.Count > 1)
        {
            problems.Add($"{client.MemberId}: {global.Count} global delegations in force at once");
        }

        if (supportSum > viewer.GetProperty("allowance").GetInt32())
        {
            problems.Add($"{client.MemberId}: {supportSum} support points given, over an allowance of {viewer.GetProperty("allowance").GetInt32()}");
        }

        foreach (var (key, (acked, maybe)) in client.State)
        {
            var seen = actual.GetValueOrDefault(key, "none");
            if (seen != acked && seen != maybe && !(released.Contains(key) && seen == "none"))
            {
                problems.Add($"{client.MemberId} {key}: the server says {seen}, but it acknowledged {acked}" + (maybe is null ? "" : $" (or, unacknowledged, {maybe})"));
            }

            // What is seen now is what was committed: the next round starts from it.
            client.State[key] = (seen, null);
        }

        foreach (var (id, title) in client.Proposals)
        {
            var node = (await QueryAsync(http, client.Token, "query($id: ID!) { node(id: $id) { ... on Proposal { title } } }", new() { ["id"] = id })).GetProperty("node");
            if (node.ValueKind == JsonValueKind.Null || node.GetProperty("title").GetString() != title)
            {
                problems.Add($"{client.MemberId}: acknowledged proposal {id} ('{title}') is missing");
            }
        }

        client.MaybeProposals.Clear();
    }

    public static async Task<JsonElement> QueryAsync(HttpClient http, string token, string query, Dictionary<string, object?>? variables = null)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "/graphql") { Content = JsonContent.Create(new { query, variables }) };
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        using var response = await http.SendAsync(request);
        var body = await response.JsonAsync();
        if (body.TryGetProperty("errors", out _) || !body.TryGetProperty("data", out var data))
        {
            throw new InvalidOperationException($"query failed with {(int)response.StatusCode}: {body.GetRawText()}");
        }

        return data;
    }
}
