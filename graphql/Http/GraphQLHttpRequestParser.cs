using System.Text;
using System.Text.Json;
using Governance.GraphQL.Execution;

namespace Governance.GraphQL.Http;

/// <summary>
/// Turns the request parameters of GraphQL over HTTP (#sec-Request-Parameters) into a
/// <see cref="GraphQLRequest"/>: from a JSON body (#sec-POST) or from the URL query (#sec-GET).
/// A parameter of the wrong type is a 400 before the engine sees the request.
/// </summary>
public static class GraphQLHttpRequestParser
{
    private static readonly JsonReaderOptions ReaderOptions = new() { MaxDepth = 64 };

    /// <summary>Parses a POST body: a JSON object with query, operationName, variables and extensions.</summary>
    public static RequestParseResult ParseJsonBody(ReadOnlySpan<byte> body)
    {
        // A UTF-8 byte order mark is legal before JSON text (RFC 8259 §8.1 lets a parser ignore it).
        if (body.StartsWith("\uFEFF"u8))
        {
            body = body[3..];
        }

        if (body.IsEmpty)
        {
            return RequestParseResult.Fail("The request body is empty; expected a JSON object with a \"query\".");
        }

        try
        {
            var reader = new Utf8JsonReader(body, ReaderOptions);
            if (!reader.Read())
            {
                return RequestParseResult.Fail("The request body is empty; expected a JSON object with a \"query\".");
            }

            if (reader.TokenType == JsonTokenType.StartArray)
            {
                return RequestParseResult.Fail("Batched requests are not supported; send one JSON object per request.");
            }

            if (reader.TokenType != JsonTokenType.StartObject)
            {
                return RequestParseResult.Fail("The request body must be a JSON object.");
            }

            var parameters = new RawParameters();
            while (reader.Read() && reader.TokenType != JsonTokenType.EndObject)
            {
                var name = reader.GetString();
                reader.Read();
                switch (name)
                {
                    case "query":
                        parameters.Query = ReadStringOrNull(ref reader, "query", out var queryError);
                        parameters.Error ??= queryError;
                        break;
                    case "operationName":
                        parameters.OperationName = ReadStringOrNull(ref reader, "operationName", out var nameError);
                        parameters.Error ??= nameError;
                        break;
                    case "variables":
                        parameters.Variables = ReadMapOrNull(ref reader, "variables", out var variablesError);
                        parameters.Error ??= variablesError;
                        break;
                    case "extensions":
                        parameters.Extensions = ReadMapOrNull(ref reader, "extensions", out var extensionsError);
                        parameters.Error ??= extensionsError;
                        break;
                    default:
                        // Unknown parameters are ignored: the spec leaves room for future ones.
                        reader.Skip();
                        break;
                }
            }

            // Trailing content after the object means this was not one JSON value.
            if (reader.Read())
            {
                return RequestParseResult.Fail("The request body is not valid JSON: unexpected content after the object.");
            }

            return parameters.ToResult();
        }
        catch (Exception e) when (e is JsonException or InvalidOperationException or ArgumentException)
        {
            return RequestParseResult.Fail("The request body is not valid JSON: " + e.Message);
        }
    }

    /// <summary>
    /// Parses GET parameters (#sec-GET): query and operationName as text, variables and
    /// extensions as JSON text. <paramref name="lookup"/> returns every value of a parameter.
    /// </summary>
    public static RequestParseResult ParseQueryString(Func<string, IReadOnlyList<string?>> lookup)
    {
        ArgumentNullException.ThrowIfNull(lookup);
        var parameters = new RawParameters();
        parameters.Query = Single(lookup, "query", ref parameters.Error);
        parameters.OperationName = Single(lookup, "operationName", ref parameters.Error);
        if (parameters.OperationName is { Length: 0 })
        {
            parameters.OperationName = null;
        }

        parameters.Variables = JsonMap(Single(lookup, "variables", ref parameters.Error), "variables", ref parameters.Error);
        parameters.Extensions = JsonMap(Single(lookup, "extensions", ref parameters.Error), "extensions", ref parameters.Error);
        return parameters.ToResult();
    }

    private static string? Single(Func<string, IReadOnlyList<string?>> lookup, string name, ref string? error)
    {
        var values = lookup(name);
        if (values.Count > 1)
        {
            error ??= $"The \"{name}\" parameter is given more than once.";
            return null;
        }

        return values.Count == 1 ? values[0] : null;
    }

    private static Dictionary<string, object?>? JsonMap(string? text, string name, ref string? error)
    {
        if (string.IsNullOrEmpty(text))
        {
            return null;
        }

        try
        {
            var reader = new Utf8JsonReader(Encoding.UTF8.GetBytes(text), ReaderOptions);
            reader.Read();
            var map = ReadMapOrNull(ref reader, name, out var mapError);
            if (reader.Read())
            {
                mapError ??= $"The \"{name}\" parameter is not valid JSON.";
            }

            error ??= mapError;
            return map;
        }
        catch (Exception e) when (e is JsonException or InvalidOperationException)
        {
            // InvalidOperationException: a string escape that is no UTF-16 text (a lone surrogate,
            // "\uD83D"), which the reader only notices when asked for the string.
            error ??= $"The \"{name}\" parameter is not valid JSON.";
            return null;
        }
    }

    private static string? ReadStringOrNull(ref Utf8JsonReader reader, string name, out string? error)
    {
        error = null;
        switch (reader.TokenType)
        {
            case JsonTokenType.String:
                return reader.GetString();
            case JsonTokenType.Null:
                return null;
            default:
                error = $"The \"{name}\" parameter must be a string, not {Describe(reader.TokenType)}.";
                reader.Skip();
                return null;
        }
    }

    private static Dictionary<string, object?>? ReadMapOrNull(ref Utf8JsonReader reader, string name, out string? error)
    {
        error = null;
        switch (reader.TokenType)
        {
            case JsonTokenType.StartObject:
                return JsonValueReader.ReadObject(ref reader);
            case JsonTokenType.Null:
                return null;
            default:
                error = $"The \"{name}\" parameter must be a map (JSON object), not {Describe(reader.TokenType)}.";
                reader.Skip();
                return null;
        }
    }

    private static string Describe(JsonTokenType token) => token switch
    {
        JsonTokenType.StartArray => "an array",
        JsonTokenType.StartObject => "an object",
        JsonTokenType.String => "a string",
        JsonTokenType.Number => "a number",
        JsonTokenType.True or JsonTokenType.False => "a boolean",
        _ => token.ToString(),
    };

    private sealed class RawParameters
    {
        public string? Query;
        public string? OperationName;
        public Dictionary<string, object?>? Variables;
        public Dictionary<string, object?>? Extensions;
        public string? Error;

        public RequestParseResult ToResult()
        {
            if (Error is not null)
            {
                return RequestParseResult.Fail(Error);
            }

            // A persisted document is named by extensions.persistedQuery instead of sent.
            if (Query is null && Extensions?.ContainsKey("persistedQuery") != true)
            {
                return RequestParseResult.Fail("The \"query\" parameter is required.");
            }

            return new RequestParseResult(new GraphQLRequest(Query, OperationName, Variables, Extensions), null);
        }
    }
}

/// <summary>Either a request or why the HTTP request was not a GraphQL request (a 400).</summary>
public readonly record struct RequestParseResult(GraphQLRequest? Request, string? Error)
{
    public static RequestParseResult Fail(string error) => new(null, error);
}
