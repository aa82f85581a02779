using System.Globalization;
using System.Text;
using System.Text.Json;

namespace Governance.Api.Tests.Reliability;

/// <summary>
/// Random and mutated requests to the REST surface (accounts, tokens, exports, health, the
/// OpenAPI document, static files): right fields with wrong values, wrong shapes, broken JSON
/// and encodings, wrong methods and content types, odd paths.
/// </summary>
internal static class RestFuzzGenerator
{
    private sealed record Endpoint(string Method, string Path, string[] Fields);

    private static readonly Endpoint[] Endpoints =
    [
        new("POST", "/api/account/register", ["handle", "displayName", "email", "password"]),
        new("POST", "/api/account/sign-in", ["handleOrEmail", "password"]),
        new("POST", "/api/account/sign-out", []),
        new("POST", "/api/account/password", ["currentPassword", "newPassword"]),
        new("GET", "/api/account/session", []),
        new("POST", "/api/tokens", ["name", "scopes", "expiresInDays"]),
        new("POST", "/api/tokens/", ["name", "scopes", "expiresInDays"]),
        new("GET", "/api/tokens", []),
        new("DELETE", "/api/tokens/{id}", []),
        new("GET", "/api/exports/events.ndjson", []),
        new("GET", "/api/exports/events.ndjson?after={n}", []),
        new("GET", "/health", []),
        new("GET", "/openapi/v1.yaml", []),
        new("GET", "/graphql/schema.graphql", []),
        new("GET", "/{junk}", []),
        new("GET", "/assets/{junk}", []),
    ];

    private static readonly string[] Methods = ["GET", "POST", "PUT", "DELETE", "PATCH", "HEAD", "OPTIONS", "TRACE"];

    private static readonly string[] ContentTypes =
    [
        "application/json", "application/json; charset=utf-8", "text/plain", "application/x-www-form-urlencoded",
        "multipart/form-data; boundary=zz", "application/xml", "application/json; charset=utf-16", "", "application/problem+json", "x/y;z",
    ];

    public static FuzzRequest Next(FuzzRandom random)
    {
        var endpoint = random.Pick(Endpoints);
        var method = random.Chance(85) ? endpoint.Method : random.Pick(Methods);
        var path = endpoint.Path
            .Replace("{id}", random.Pick(new[] { "1", "0", "-1", "99999999999999999999", "abc", "1e3", "%00", "1;2", "" }), StringComparison.Ordinal)
            .Replace("{n}", random.Pick(new[] { "0", "-1", "9223372036854775807", "9223372036854775808", "x", "", "1.5", "%ff" }), StringComparison.Ordinal)
            .Replace("{junk}", Junk(random), StringComparison.Ordinal);
        var auth = random.Next(10) switch
        {
            < 3 => FuzzAuth.Session,
            < 5 => FuzzAuth.Token,
            < 8 => FuzzAuth.None,
            8 => FuzzAuth.BadToken,
            _ => FuzzAuth.SessionWithoutCsrf,
        };
        var accept = random.Pick(new[] { null, "application/json", "text/html", "*/*", "application/x-ndjson", "application/xml", "q=;;" });

        if (method is "GET" or "HEAD" or "OPTIONS" or "TRACE" && !random.Chance(10))
        {
            return new FuzzRequest("rest", method, path, null, null, auth, accept);
        }

        var body = random.Next(10) switch
        {
            0 => GraphQLFuzzGenerator.MutateText(random, Object(random, endpoint.Fields)),
            1 => GraphQLFuzzGenerator.JsonValue(random, depth: 0),
            2 => random.Pick(new[] { "", "null", "[]", "{}", "\"x\"", "42", "{\"handle\":", "{'handle':'x'}", "{\"a\":1}{\"a\":2}", "\uFEFF{}" }),
            _ => Object(random, endpoint.Fields),
        };
        var bytes = Encoding.UTF8.GetBytes(body);
        if (random.Chance(8))
        {
            bytes = GraphQLFuzzGenerator.CorruptUtf8(random, bytes);
        }

        var contentType = random.Chance(80) ? "application/json" : random.Pick(ContentTypes);
        return new FuzzRequest("rest", method, path, contentType, bytes, auth, accept);
    }

    private static string Object(FuzzRandom random, string[] fields)
    {
        var json = new StringBuilder("{");
        var first = true;
        foreach (var field in fields)
        {
            if (random.Chance(10))
            {
                continue;
            }

            if (!first)
            {
                json.Append(',');
            }

            first = false;
            json.Append(JsonSerializer.Serialize(random.Chance(5) ? field.ToUpperInvariant() : field)).Append(':').Append(Value(random, field));
        }

        if (random.Chance(10))
        {
            json.Append(first ? "" : ",").Append("\"extra\":").Append(GraphQLFuzzGenerator.JsonValue(random, depth: 1));
        }

        return json.Append('}').ToString();
    }

    private static string Value(FuzzRandom random, string field)
    {
        if (random.Chance(25))
        {
            return GraphQLFuzzGenerator.JsonValue(random, depth: 2);
        }

        var n = random.Next(1_000_000).ToString(CultureInfo.InvariantCulture);
        return field switch
        {
            "handle" => JsonSerializer.Serialize(random.Chance(50) ? "fz" + n : GraphQLFuzzGenerator.Text(random)),
            "email" => JsonSerializer.Serialize(random.Chance(50) ? $"fz{n}@example.org" : GraphQLFuzzGenerator.Text(random)),
            "password" or "newPassword" or "currentPassword" => JsonSerializer.Serialize(random.Chance(50) ? "correct horse battery" : GraphQLFuzzGenerator.Text(random)),
            "handleOrEmail" => JsonSerializer.Serialize(random.Chance(30) ? "fuzzer" : GraphQLFuzzGenerator.Text(random)),
            "scopes" => "[" + string.Join(',', Enumerable.Range(0, random.Size(60)).Select(_ => JsonSerializer.Serialize(random.Pick(new[] { "read", "vote", "delegate", "propose", "moderate", "admin", "", "READ", "*" })))) + "]",
            "expiresInDays" => random.Pick(new[] { "1", "0", "366", "367", "-1", "2147483648", "1e400", "1.5", "null", "\"30\"" }),
            _ => JsonSerializer.Serialize(GraphQLFuzzGenerator.Text(random)),
        };
    }

    private static string Junk(FuzzRandom random) => random.Next(8) switch
    {
        0 => "../../etc/passwd",
        1 => "%2e%2e/%2e%2e/appsettings.json",
        2 => "index.html",
        3 => "nope",
        4 => Uri.EscapeDataString(Clip(GraphQLFuzzGenerator.Text(random), 500)),
        5 => "favicon.ico",
        6 => new string('a', random.Size(5_000)),
        _ => "api/" + random.Next(100).ToString(CultureInfo.InvariantCulture),
    };

    private static string Clip(string text, int length) => text.Length <= length ? text : text[..length];
}
