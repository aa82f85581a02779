using System.Globalization;
using System.Text;
using System.Text.Json;

namespace Governance.Api.Tests.Reliability;

/// <summary>
/// Random and mutated GraphQL requests: valid documents of the governance schema taken apart
/// and put back wrongly, and documents built to hit every limit — deep selections, alias and
/// directive floods, fragment cycles and fan-outs, huge strings, numbers out of range — in
/// envelopes that are themselves mutated (malformed JSON, invalid UTF-8, batches, wrong content
/// types, GET and other methods).
/// </summary>
internal sealed class GraphQLFuzzGenerator(FuzzIds ids)
{
    private static readonly string[] ContentTypes =
    [
        "application/json", "application/json", "application/json; charset=utf-8", "application/graphql-response+json",
        "application/graphql", "text/plain", "application/x-www-form-urlencoded", "multipart/form-data; boundary=x",
        "application/json; charset=latin1", "application/json; charset=utf-16", "application/xml", "*/*", "", ";;;",
        "application/json; charset=\"utf-8\"; q=0.1", "APPLICATION/JSON", "application/jsonx", "text/event-stream",
    ];

    private static readonly string?[] Accepts =
    [
        null, null, "application/json", "application/graphql-response+json", "application/graphql-response+json, application/json;q=0.9",
        "text/event-stream", "text/html", "*/*", "application/xml", "application/json;q=0", "garbage/;;", "text/html, application/json",
    ];

    private static readonly string[] Methods = ["POST", "POST", "POST", "POST", "GET", "GET", "PUT", "DELETE", "PATCH", "HEAD", "OPTIONS"];

    /// <summary>Tokens of GraphQL and of nonsense, for insertion into a document.</summary>
    private static readonly string[] Tokens =
    [
        "{", "}", "(", ")", "[", "]", "...", "..", ":", "!", "=", "$", "$v", "@", "@skip(if: true)", "@include(if: $v)", "@deprecated",
        "\"", "\"\"\"", "\\u", "\\uD800", "#", "\n", "\r", "\t", "\0", "\u2028", "\uFEFF", "ø", "🙂", ",", "|", "&",
        "query", "mutation", "subscription", "fragment", "on", "true", "false", "null", "__typename", "__schema", "__type(name: \"Query\")",
        "fragment F on Query { ...F }", "...F", "... on Query { viewer { id } }", "99999999999999999999999", "-1", "1e400", "-0", "0x10",
        "1.5", "NaN", "\"\\u0000\"", "[[[[[", "]]]]]", "{a:{a:{a:", "VOTING", "HOT", "YES", "id", "areas", "node", "viewer",
        "proposals(first: 2147483648)", "lotteryDraws(first: -5)", "nodes(ids: [\"\"])", "events(first: 0)", "extend type Query { x: Int }",
        "directive @d on FIELD", "schema { query: Query }", "scalar S", "input I { a: I! }",
    ];

    private static readonly string[] SafeQueries =
    [
        "{ areas { id slug name children { id name } } }",
        "{ viewer { __typename } }",
        "query Q($first: Int, $after: String) { proposals(first: $first, after: $after) { totalCount nodes { id title status score area { id } author { handle } } pageInfo { hasNextPage endCursor } } }",
        "query($id: ID!) { node(id: $id) { id __typename ... on Proposal { title tally { yes no } myVote } ... on Member { handle roles } } }",
        "query($ids: [ID!]!) { nodes(ids: $ids) { id __typename } }",
        "{ events(first: 20) { edges { cursor node { id type } } } }",
        "{ agenda { id title } policy lotteryDraws { periodId seed drawn { id } } }",
        "query($area: ID) { delegationGraph(area: $area) { __typename } concentration(area: $area) { __typename } }",
        "query($id: ID!) { proposal(id: $id) { id supporters { __typename } statusHistory { __typename } whereDoesMyVoteGo { __typename } } }",
        "{ members(search: \"a\", first: 5) { totalCount nodes { id handle } } }",
        "{ __schema { types { name fields { name args { name type { name ofType { name } } } } } } }",
        "query($name: String!) { __type(name: $name) { name kind fields { name } inputFields { name } enumValues { name } } }",
        "query A { viewer { __typename } } query B { areas { id } }",
        "subscription($id: ID!) { tallyChanged(id: $id) { yes no } }",
        "subscription { agendaChanged { id } }",
    ];

    private static readonly string[] Mutations =
    [
        "mutation($p: ID!, $c: VoteChoice!) { vote(input: { proposal: $p, choice: $c }) { choice errors { __typename code message field } } }",
        "mutation($p: ID!, $n: Int!) { support(input: { proposal: $p, points: $n }) { points allowanceLeft errors { code message } } }",
        "mutation($p: ID!) { withdrawSupport(input: { proposal: $p }) { allowanceLeft errors { code message } } }",
        "mutation($a: ID!, $t: String!, $b: String!) { propose(input: { area: $a, title: $t, body: $b }) { proposal { id } errors { code message field } } }",
        "mutation($d: [ID!]!, $a: ID) { delegate(input: { scope: { area: $a }, delegates: $d }) { delegation { id } errors { code message field } } }",
        "mutation($d: [ID!]!) { delegate(input: { scope: { global: true }, delegates: $d }) { errors { code message } } }",
        "mutation { revokeDelegation(input: { scope: { global: true } }) { revoked errors { code message } } }",
        "mutation($p: ID) { blockDelegation(input: { scope: { proposal: $p } }) { errors { code message } } }",
        "mutation($m: ID!) { endorse(input: { member: $m }) { karmaAwarded errors { code message } } }",
        "mutation($p: ID!) { withdrawProposal(input: { proposal: $p }) { errors { code message } } }",
        "mutation($p: ID!, $r: String!) { scheduleProposal(input: { proposal: $p, reason: $r }) { errors { code message } } }",
        "mutation($p: ID!, $i: ID!) { mergeProposal(input: { proposal: $p, into: $i, reason: \"dup\" }) { errors { code message } } }",
        "mutation($c: String!) { setPolicy(input: { changes: $c }) { errors { code message } } }",
        "mutation($n: String!) { createArea(input: { name: $n }) { errors { code message } } }",
    ];

    public FuzzRequest Next(FuzzRandom random)
    {
        var (kind, document, variables) = random.Next(10) switch
        {
            < 3 => ("graphql-mutated", Mutate(random, RealDocument(random)), Variables(random)),
            < 5 => ("graphql-valid", RealDocument(random), Variables(random)),
            < 8 => ("graphql-limits", LimitDocument(random), Variables(random)),
            _ => ("graphql-tokens", RandomTokens(random), Variables(random)),
        };
        return Envelope(random, kind, document, variables);
    }

    private string RealDocument(FuzzRandom random) =>
        random.Chance(40) ? random.Pick(Mutations) : random.Pick(SafeQueries);

    /// <summary>Variables as JSON text: usually right for the document's names, sometimes the wrong shape.</summary>
    private string? Variables(FuzzRandom random)
    {
        if (random.Chance(15))
        {
            return null;
        }

        var json = new StringBuilder("{");
        var names = new[] { "id", "ids", "p", "c", "n", "a", "t", "b", "d", "m", "r", "i", "first", "after", "area", "name", "v" };
        var count = random.Next(1, 6);
        for (var k = 0; k < count; k++)
        {
            if (k > 0)
            {
                json.Append(',');
            }

            var name = random.Pick(names);
            json.Append('"').Append(name).Append("\":").Append(VariableValue(random, name));
        }

        json.Append('}');
        var text = json.ToString();
        return random.Next(12) switch
        {
            0 => "[" + text + "]",
            1 => "\"" + text.Replace("\"", "\\\"", StringComparison.Ordinal) + "\"",
            2 => MutateText(random, text),
            3 => "null",
            _ => text,
        };
    }

    private string VariableValue(FuzzRandom random, string name)
    {
        if (random.Chance(30))
        {
            return JsonValue(random, depth: 0);
        }

        return name switch
        {
            "id" or "p" or "a" or "m" or "i" or "area" => Quote(Id(random)),
            "ids" or "d" => "[" + string.Join(',', Enumerable.Range(0, random.Size(80)).Select(_ => Quote(Id(random)))) + "]",
            "c" => Quote(random.Pick(new[] { "YES", "NO", "ABSTAIN", "yes", "MAYBE", "" })),
            "n" or "first" => random.Pick(new[] { "1", "2", "0", "-1", "8", "2147483647", "2147483648", "-2147483649", "1e400", "1.5", "99999999999999999999", "-0", "4e-400" }),
            "t" or "b" or "r" or "name" => Quote(Text(random)),
            "after" => Quote(random.Chance(50) ? Convert.ToBase64String(Encoding.UTF8.GetBytes(random.Next(-5, 100000).ToString(CultureInfo.InvariantCulture))) : Text(random)),
            _ => JsonValue(random, depth: 0),
        };
    }

    private string Id(FuzzRandom random)
    {
        var all = ids.All.ToList();
        return random.Next(8) switch
        {
            0 => Text(random),
            1 => Convert.ToBase64String(Encoding.UTF8.GetBytes(random.Pick(new[] { "Proposal", "Member", "Area", "Event", "Delegation", "Vote", "" }) + ":" + random.Pick(new[] { "1", "-1", "0", "99999999999999999999", "x", "1e3", "" }))),
            2 => all.Count == 0 ? "" : MutateText(random, random.Pick(all)),
            _ => all.Count == 0 ? "" : random.Pick(all),
        };
    }

    /// <summary>Strings to provoke validation: empty, long, control characters, scripts, lone surrogates.</summary>
    internal static string Text(FuzzRandom random) => random.Next(12) switch
    {
        0 => "",
        1 => new string('A', random.Size(300_000)),
        2 => "<script>alert(1)</script>",
        3 => "\u0000\u0001\u001f\u007f",
        4 => "\uD800",
        5 => "   ",
        6 => string.Concat(Enumerable.Repeat("🙂", random.Size(2_000))),
        7 => "'; DROP TABLE members; --",
        8 => "../../etc/passwd",
        9 => "%00%ff%c0%80",
        _ => "fuzz " + random.Next(1_000_000).ToString(CultureInfo.InvariantCulture),
    };

    private static string Quote(string text) => JsonSerializer.Serialize(text);

    /// <summary>Any JSON value, sometimes nested very deep or very wide (at most ~20,000 values in all).</summary>
    internal static string JsonValue(FuzzRandom random, int depth)
    {
        if (depth == 0 && random.Chance(5))
        {
            var nesting = random.Size(200_000);
            return random.Chance(50)
                ? new string('[', nesting) + new string(']', nesting)
                : string.Concat(Enumerable.Repeat("{\"a\":", nesting)) + "1" + new string('}', nesting);
        }

        var budget = 20_000;
        var json = new StringBuilder();
        JsonValue(random, depth, ref budget, json);
        return json.ToString();
    }

    private static void JsonValue(FuzzRandom random, int depth, ref int budget, StringBuilder json)
    {
        budget--;
        if (json.Length > 1_500_000)
        {
            budget = 0;
        }

        switch (budget <= 0 ? random.Next(6) : random.Next(depth > 3 ? 6 : 9))
        {
            case 0: json.Append("null"); return;
            case 1: json.Append(random.Chance(50) ? "true" : "false"); return;
            case 2: json.Append(random.Pick(new[] { "0", "-1", "1.5", "1e400", "-1e400", "2147483648", "9223372036854775808", "1E-400", "123456789012345678901234567890" })); return;
            case 3:
            case 4:
            case 5: json.Append(Quote(Text(random))); return;
            case 6:
            case 7:
                {
                    json.Append('[');
                    var count = random.Size(depth == 0 ? 20_000 : 20);
                    for (var i = 0; i < count && budget > 0; i++)
                    {
                        if (i > 0)
                        {
                            json.Append(',');
                        }

                        JsonValue(random, depth + 1, ref budget, json);
                    }

                    json.Append(']');
                    return;
                }

            default:
                {
                    json.Append('{');
                    var count = random.Size(depth == 0 ? 5_000 : 10);
                    for (var k = 0; k < count && budget > 0; k++)
                    {
                        if (k > 0)
                        {
                            json.Append(',');
                        }

                        json.Append("\"k").Append(k.ToString(CultureInfo.InvariantCulture)).Append("\":");
                        JsonValue(random, depth + 1, ref budget, json);
                    }

                    json.Append('}');
                    return;
                }
        }
    }

    /// <summary>Documents built to meet the engine's limits head on.</summary>
    private static string LimitDocument(FuzzRandom random)
    {
        var n = random.Size(20_000);
        switch (random.Next(11))
        {
            case 0: // A deep, valid selection: areas › children › children › …
                return "{ areas " + string.Concat(Enumerable.Repeat("{ children ", n)) + "{ id }" + new string('}', n) + " }";
            case 1: // Deep nesting of braces that do not even name fields.
                return new string('{', n) + new string('}', random.Chance(50) ? n : random.Next(n + 1));
            case 2: // An alias flood.
                return "{ " + string.Concat(Enumerable.Range(0, n).Select(i => $"a{i}: areas {{ id children {{ id }} }} ")) + "}";
            case 3: // A directive flood.
                return "{ areas " + string.Concat(Enumerable.Repeat("@skip(if: false) ", n)) + "{ id } }";
            case 4: // A fragment cycle, of length 1 to many.
                {
                    var length = Math.Max(1, Math.Min(n, 500));
                    var fragments = Enumerable.Range(0, length).Select(i => $"fragment F{i} on Query {{ areas {{ id }} ...F{(i + 1) % length} }} ");
                    return "{ ...F0 } " + string.Concat(fragments);
                }

            case 5: // A fragment fan-out: each level spreads the one below twice (2^levels fields).
                {
                    var levels = random.Next(1, 64);
                    var fragments = Enumerable.Range(1, levels).Select(i => $"fragment F{i} on Query {{ ...F{i - 1} ...F{i - 1} }} ");
                    return "{ ...F" + levels.ToString(CultureInfo.InvariantCulture) + " } fragment F0 on Query { areas { id children { id } } } " + string.Concat(fragments);
                }

            case 6: // Deep list and object literals in arguments.
                {
                    var depth = Math.Max(1, n);
                    return random.Chance(50)
                        ? "{ nodes(ids: " + new string('[', depth) + "\"x\"" + new string(']', depth) + ") { id } }"
                        : "mutation { propose(input: " + string.Concat(Enumerable.Repeat("{ area: ", depth)) + "\"x\"" + new string('}', depth) + ") { errors { code } } }";
                }

            case 7: // A huge string argument.
                return "{ members(search: \"" + new string('x', random.Size(1_200_000)) + "\") { totalCount } }";
            case 8: // Numbers out of range in literals.
                return "{ proposals(first: " + random.Pick(new[] { "2147483648", "-2147483649", "99999999999999999999999999", "1e400", "1.0", "-0", "0", "-1", "2147483647" }) + ") { totalCount } lotteryDraws(first: " + random.Pick(new[] { "0", "-1", "100000000", "1e3" }) + ") { periodId } }";
            case 9: // Many operations, one chosen (or none).
                return string.Concat(Enumerable.Range(0, Math.Max(1, n / 10)).Select(i => $"query Q{i} {{ areas {{ id }} }} "));
            default: // Many variables, most unused.
                return "query(" + string.Concat(Enumerable.Range(0, Math.Max(1, n / 4)).Select(i => $"$v{i}: [[Int!]!]! = [[{i}]] ")) + ") { areas { id } }";
        }
    }

    private static string RandomTokens(FuzzRandom random) =>
        string.Join(random.Chance(50) ? " " : "", Enumerable.Range(0, random.Size(3_000)).Select(_ => random.Pick(Tokens)));

    /// <summary>1 to 8 edits to a document: deletions, insertions, duplications, truncation.</summary>
    internal static string Mutate(FuzzRandom random, string text) => MutateText(random, text);

    internal static string MutateText(FuzzRandom random, string text)
    {
        var builder = new StringBuilder(text);
        var edits = random.Next(1, 9);
        for (var e = 0; e < edits; e++)
        {
            var at = random.Next(builder.Length + 1);
            switch (random.Next(6))
            {
                case 0 when builder.Length > 0:
                    builder.Remove(Math.Min(at, builder.Length - 1), Math.Min(random.Next(1, 20), builder.Length - Math.Min(at, builder.Length - 1)));
                    break;
                case 1:
                    builder.Insert(at, random.Pick(Tokens));
                    break;
                case 2 when builder.Length > 0:
                    {
                        var start = random.Next(builder.Length);
                        var length = Math.Min(random.Next(1, 60), builder.Length - start);
                        var piece = builder.ToString(start, length);
                        builder.Insert(at, string.Concat(Enumerable.Repeat(piece, random.Size(500) + 1)));
                        break;
                    }

                case 3:
                    builder.Length = Math.Min(builder.Length, at);
                    break;
                case 4 when builder.Length > 0:
                    builder[Math.Min(at, builder.Length - 1)] = (char)random.Next(0, 0x3000);
                    break;
                default:
                    builder.Insert(at, (char)random.Next(0, 128));
                    break;
            }
        }

        return builder.ToString();
    }

    /// <summary>Wraps a document in a request: a JSON body, a GET query string, or something broken.</summary>
    private static FuzzRequest Envelope(FuzzRandom random, string kind, string document, string? variables)
    {
        var auth = random.Next(10) switch
        {
            < 4 => FuzzAuth.Token,
            < 6 => FuzzAuth.None,
            6 => FuzzAuth.BadToken,
            < 9 => FuzzAuth.Session,
            _ => FuzzAuth.SessionWithoutCsrf,
        };
        var accept = random.Pick(Accepts);
        var method = random.Pick(Methods);
        var operationName = random.Next(6) switch
        {
            0 => "\"Q\"",
            1 => "\"A\"",
            2 => "42",
            3 => "\"" + new string('n', random.Size(10_000)) + "\"",
            _ => "null",
        };

        if (method is "GET" or "HEAD" || (method != "POST" && random.Chance(50)))
        {
            var query = new StringBuilder("/graphql?");
            if (!random.Chance(5))
            {
                query.Append("query=").Append(Uri.EscapeDataString(Clip(document, 6_000)));
            }

            if (variables is not null && random.Chance(60))
            {
                query.Append("&variables=").Append(Uri.EscapeDataString(Clip(variables, 2_000)));
            }

            if (random.Chance(20))
            {
                query.Append("&operationName=").Append(Uri.EscapeDataString(operationName.Trim('"')));
            }

            if (random.Chance(5))
            {
                query.Append(random.Pick(new[] { "&query=x", "&%ZZ", "&query", "&variables=%7B", "&extensions=[]", "&sdl" }));
            }

            return new FuzzRequest(kind + "/get", method, query.ToString(), null, null, auth, accept);
        }

        var contentType = random.Chance(75) ? "application/json" : random.Pick(ContentTypes);
        string body;
        switch (random.Next(14))
        {
            case 0:
                // A batch (at most ~2 MB in all: past the body limit, not past the test's memory).
                body = "[" + string.Join(',', Enumerable.Range(0, random.Size(Math.Max(1, Math.Min(200, 2_000_000 / Math.Max(1, document.Length + (variables?.Length ?? 0)))))).Select(_ => RequestObject(random, document, variables, operationName))) + "]";
                break;
            case 1: // The document as the raw body (application/graphql style).
                body = document;
                break;
            case 2: // Malformed JSON.
                body = MutateText(random, RequestObject(random, document, variables, operationName));
                break;
            case 3: // Wrong types in the envelope.
                body = random.Pick(new[]
                {
                    "{\"query\": 5}", "{\"query\": [\"{ areas { id } }\"]}", "{\"query\": null}", "{}", "null", "\"{ areas { id } }\"", "[]", "42",
                    "{\"query\": \"{ areas { id } }\", \"variables\": \"x\"}", "{\"query\": \"{ areas { id } }\", \"extensions\": 7}",
                    "{\"query\": \"{ areas { id } }\", \"query\": \"{ viewer { id } }\"}", "{\"query\": \"{ areas { id } }\"} trailing",
                    "{'query': '{ areas { id } }'}", "{\"query\": \"{ areas { id } }\" /* c */}", "{\"query\": \"{ areas { id } }\",}", "",
                    "\uFEFF{\"query\": \"{ areas { id } }\"}",
                });
                break;
            case 4: // Deep JSON instead of a request.
                body = JsonValue(random, depth: 0);
                break;
            default:
                body = RequestObject(random, document, variables, operationName);
                break;
        }

        var bytes = Encoding.UTF8.GetBytes(body);
        if (random.Chance(10))
        {
            bytes = CorruptUtf8(random, bytes);
        }

        return new FuzzRequest(kind, method, random.Chance(3) ? random.Pick(new[] { "/graphql/", "/graphql?x=1", "/GRAPHQL", "/graphql/schema.graphql" }) : "/graphql", contentType, bytes, auth, accept);
    }

    private static string RequestObject(FuzzRandom random, string document, string? variables, string operationName)
    {
        var json = new StringBuilder("{\"query\":").Append(Quote(document));
        if (variables is not null)
        {
            json.Append(",\"variables\":").Append(variables);
        }

        if (random.Chance(30))
        {
            json.Append(",\"operationName\":").Append(operationName);
        }

        if (random.Chance(10))
        {
            json.Append(",\"extensions\":").Append(JsonValue(random, depth: 1));
        }

        return json.Append('}').ToString();
    }

    /// <summary>Bytes that are not UTF-8: stray continuation bytes, overlong forms, encoded surrogates, truncated sequences.</summary>
    internal static byte[] CorruptUtf8(FuzzRandom random, byte[] bytes)
    {
        byte[][] bad = [[0xFF], [0xC0, 0x80], [0xED, 0xA0, 0x80], [0xE2, 0x82], [0x80], [0xF8, 0x88, 0x80, 0x80, 0x80], [0xFE, 0xFF], [0xF4, 0x90, 0x80, 0x80]];
        var list = new List<byte>(bytes);
        var count = random.Next(1, 5);
        for (var i = 0; i < count; i++)
        {
            list.InsertRange(random.Next(list.Count + 1), random.Pick(bad));
        }

        if (random.Chance(20) && list.Count > 0)
        {
            list[random.Next(list.Count)] ^= (byte)(1 << random.Next(8));
        }

        return [.. list];
    }

    private static string Clip(string text, int length) => text.Length <= length ? text : text[..length];
}
