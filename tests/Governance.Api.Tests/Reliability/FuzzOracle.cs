using System.Text;
using System.Text.Json;

namespace Governance.Api.Tests.Reliability;

/// <summary>
/// What every answer to a fuzz case must be: never a 5xx; a refusal (4xx) that says what was
/// wrong; a GraphQL answer that is a well-formed result whose every error has a message.
/// Returns the broken rule, or null.
/// </summary>
internal static class FuzzOracle
{
    public static string? Judge(FuzzRequest request, int status, string? contentType, ReadOnlySpan<byte> body)
    {
        if (status >= 500)
        {
            return $"answered {status}: {Preview(body)}";
        }

        if (request.Method == "HEAD" || status is 204 or 304 || (status < 400 && contentType?.StartsWith("text/event-stream", StringComparison.Ordinal) == true))
        {
            return null;
        }

        var isJson = contentType is not null && (contentType.Contains("json", StringComparison.OrdinalIgnoreCase));
        if (status >= 400)
        {
            if (body.IsEmpty)
            {
                return $"answered {status} with an empty body: no message says what was wrong";
            }

            if (!isJson)
            {
                return Encoding.UTF8.GetString(body).Trim().Length == 0 ? $"answered {status} with a blank body" : null;
            }

            return JsonMessageProblem(status, body, requireResult: false);
        }

        if (isJson && request.Target.StartsWith("/graphql", StringComparison.OrdinalIgnoreCase) && !request.Target.StartsWith("/graphql/schema", StringComparison.OrdinalIgnoreCase))
        {
            return JsonMessageProblem(status, body, requireResult: true);
        }

        return null;
    }

    private static string? JsonMessageProblem(int status, ReadOnlySpan<byte> body, bool requireResult)
    {
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(body.ToArray(), new JsonDocumentOptions { MaxDepth = 4096 });
        }
        catch (JsonException e)
        {
            return $"answered {status} with JSON that does not parse ({e.Message}): {Preview(body)}";
        }

        using (document)
        {
            var root = document.RootElement;
            if (root.ValueKind == JsonValueKind.Array)
            {
                foreach (var item in root.EnumerateArray())
                {
                    if (ResultProblem(status, item, requireResult) is { } problem)
                    {
                        return problem;
                    }
                }

                return null;
            }

            return ResultProblem(status, root, requireResult);
        }
    }

    private static string? ResultProblem(int status, JsonElement root, bool requireResult)
    {
        if (root.ValueKind != JsonValueKind.Object)
        {
            return $"answered {status} with a JSON {root.ValueKind}, not an object";
        }

        if (root.TryGetProperty("errors", out var errors) && errors.ValueKind == JsonValueKind.Array)
        {
            if (!requireResult && errors.GetArrayLength() == 0 && !HasProblemText(root))
            {
                return $"answered {status} with an empty error list";
            }

            foreach (var error in errors.EnumerateArray())
            {
                if (error.ValueKind != JsonValueKind.Object || !error.TryGetProperty("message", out var message)
                    || message.ValueKind != JsonValueKind.String || string.IsNullOrWhiteSpace(message.GetString()))
                {
                    return $"answered {status} with an error that has no message: {error.GetRawText()}";
                }
            }

            return null;
        }

        if (requireResult)
        {
            return root.TryGetProperty("data", out _) ? null : $"answered {status} with a GraphQL result that has neither data nor errors";
        }

        return HasProblemText(root) ? null : $"answered {status} with a JSON body that names no problem: {root.GetRawText()[..Math.Min(300, root.GetRawText().Length)]}";
    }

    private static bool HasProblemText(JsonElement root) =>
        (root.TryGetProperty("title", out var title) && title.ValueKind == JsonValueKind.String && !string.IsNullOrWhiteSpace(title.GetString()))
        || (root.TryGetProperty("detail", out var detail) && detail.ValueKind == JsonValueKind.String && !string.IsNullOrWhiteSpace(detail.GetString()));

    private static string Preview(ReadOnlySpan<byte> body)
    {
        var text = Encoding.UTF8.GetString(body[..Math.Min(body.Length, 400)]);
        return text.ReplaceLineEndings(" ");
    }
}
