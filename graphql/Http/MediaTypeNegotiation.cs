namespace Governance.GraphQL.Http;

/// <summary>Which media type a GraphQL response is written in; <see cref="None"/> means 406.</summary>
public enum GraphQLResponseMediaType
{
    None,
    GraphQLResponseJson,
    Json,
}

/// <summary>Whether a client asks for Server-Sent Events; see <see cref="MediaTypeNegotiation.EventStream"/>.</summary>
public enum EventStreamPreference
{
    None,
    /// <summary>Listed, but no higher than JSON: streamed for a subscription, JSON for anything else.</summary>
    Acceptable,
    /// <summary>Listed above JSON: every answer is streamed.</summary>
    Preferred,
}

/// <summary>
/// Reads Accept and Content-Type the way GraphQL over HTTP asks (#sec-Accept, #sec-Content-Type):
/// only UTF-8 is spoken, a missing Accept means application/json (the pre-watershed default the
/// audits expect), and wildcards resolve to application/json.
/// </summary>
public static class MediaTypeNegotiation
{
    /// <summary>Picks the response media type for an Accept header (RFC 9110 §12.5.1), highest q first.</summary>
    public static GraphQLResponseMediaType SelectResponseMediaType(string? accept)
    {
        if (string.IsNullOrWhiteSpace(accept))
        {
            return GraphQLResponseMediaType.Json;
        }

        var best = GraphQLResponseMediaType.None;
        var bestScore = (Q: 0.0, Explicit: false);
        var graphQLExcluded = false;
        var jsonExcluded = false;
        var wildcardQ = -1.0;

        foreach (var range in MediaRange.ParseList(accept))
        {
            if (range.Charset is { } charset && !IsUtf8(charset))
            {
                continue;
            }

            if (range.Is(GraphQLMediaTypes.GraphQLResponseJson))
            {
                graphQLExcluded |= range.Quality <= 0;
                Consider(GraphQLResponseMediaType.GraphQLResponseJson, range.Quality, isExplicit: true);
            }
            else if (range.Is(GraphQLMediaTypes.Json))
            {
                jsonExcluded |= range.Quality <= 0;
                Consider(GraphQLResponseMediaType.Json, range.Quality, isExplicit: true);
            }
            else if (range.Type == "*" || (range.Type == "application" && range.SubType == "*"))
            {
                wildcardQ = Math.Max(wildcardQ, range.Quality);
            }
        }

        if (wildcardQ > 0)
        {
            if (!jsonExcluded)
            {
                Consider(GraphQLResponseMediaType.Json, wildcardQ, isExplicit: false);
            }
            else if (!graphQLExcluded)
            {
                Consider(GraphQLResponseMediaType.GraphQLResponseJson, wildcardQ, isExplicit: false);
            }
        }

        return best;

        void Consider(GraphQLResponseMediaType candidate, double q, bool isExplicit)
        {
            if (q <= 0)
            {
                return;
            }

            // Equal weights: an explicit type beats a wildcard, and graphql-response+json beats
            // application/json because it is the one that can tell request errors by status.
            var better = q > bestScore.Q
                || (q == bestScore.Q && isExplicit && !bestScore.Explicit)
                || (q == bestScore.Q && isExplicit == bestScore.Explicit
                    && candidate == GraphQLResponseMediaType.GraphQLResponseJson);
            if (better)
            {
                best = candidate;
                bestScore = (q, isExplicit);
            }
        }
    }

    /// <summary>
    /// True for application/json with no charset or a UTF-8 one: the only request body GraphQL
    /// over HTTP requires a server to read (#sec-POST). Anything else is 415.
    /// </summary>
    public static bool IsJsonRequestContentType(string? contentType)
    {
        if (string.IsNullOrWhiteSpace(contentType))
        {
            return false;
        }

        var range = MediaRange.Parse(contentType);
        return range.Is(GraphQLMediaTypes.Json) && (range.Charset is null || IsUtf8(range.Charset));
    }

    /// <summary>
    /// True when a browser navigates here: it lists text/html explicitly and ranks it at least as
    /// high as any JSON type. Used to serve GraphiQL instead of a GraphQL response.
    /// </summary>
    public static bool PrefersHtml(string? accept)
    {
        if (string.IsNullOrWhiteSpace(accept))
        {
            return false;
        }

        double html = 0, json = 0;
        foreach (var range in MediaRange.ParseList(accept))
        {
            if (range.Is("text/html"))
            {
                html = Math.Max(html, range.Quality);
            }
            else if (range.Is(GraphQLMediaTypes.Json) || range.Is(GraphQLMediaTypes.GraphQLResponseJson))
            {
                json = Math.Max(json, range.Quality);
            }
        }

        return html > 0 && html >= json;
    }

    /// <summary>
    /// How much the client wants Server-Sent Events (graphql-sse): <see cref="EventStreamPreference.Preferred"/>
    /// when it lists text/event-stream (q &gt; 0) above every JSON type (or alone),
    /// <see cref="EventStreamPreference.Acceptable"/> when it ranks it equal to the best JSON type,
    /// as urql and other fetch clients do in their default Accept header.
    /// </summary>
    public static EventStreamPreference EventStream(string? accept)
    {
        if (string.IsNullOrWhiteSpace(accept))
        {
            return EventStreamPreference.None;
        }

        double eventStream = 0, json = 0;
        foreach (var range in MediaRange.ParseList(accept))
        {
            if (range.Is(GraphQLEventStream.MediaType))
            {
                eventStream = Math.Max(eventStream, range.Quality);
            }
            else if (range.Is(GraphQLMediaTypes.Json) || range.Is(GraphQLMediaTypes.GraphQLResponseJson))
            {
                json = Math.Max(json, range.Quality);
            }
        }

        return eventStream <= 0 ? EventStreamPreference.None
            : eventStream > json ? EventStreamPreference.Preferred
            : EventStreamPreference.Acceptable;
    }

    private static bool IsUtf8(string charset) =>
        charset.Equals("utf-8", StringComparison.OrdinalIgnoreCase)
        || charset.Equals("utf8", StringComparison.OrdinalIgnoreCase);

    /// <summary>One media range: "type/subtype; charset=…; q=…".</summary>
    private readonly record struct MediaRange(string Type, string SubType, string? Charset, double Quality)
    {
        public bool Is(string mediaType)
        {
            var slash = mediaType.IndexOf('/', StringComparison.Ordinal);
            return Type.Equals(mediaType[..slash], StringComparison.OrdinalIgnoreCase)
                && SubType.Equals(mediaType[(slash + 1)..], StringComparison.OrdinalIgnoreCase);
        }

        public static IEnumerable<MediaRange> ParseList(string header)
        {
            foreach (var part in header.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
            {
                yield return Parse(part);
            }
        }

        public static MediaRange Parse(string text)
        {
            var parts = text.Split(';', StringSplitOptions.TrimEntries);
            var full = parts[0];
            var slash = full.IndexOf('/', StringComparison.Ordinal);
            var type = slash < 0 ? full : full[..slash].Trim();
            var subType = slash < 0 ? string.Empty : full[(slash + 1)..].Trim();
            string? charset = null;
            var quality = 1.0;
            foreach (var parameter in parts.AsSpan(1))
            {
                var eq = parameter.IndexOf('=', StringComparison.Ordinal);
                if (eq < 0)
                {
                    continue;
                }

                var name = parameter[..eq].Trim();
                var value = parameter[(eq + 1)..].Trim().Trim('"');
                if (name.Equals("charset", StringComparison.OrdinalIgnoreCase))
                {
                    charset = value;
                }
                else if (name.Equals("q", StringComparison.OrdinalIgnoreCase))
                {
                    quality = double.TryParse(value, System.Globalization.NumberStyles.AllowDecimalPoint,
                        System.Globalization.CultureInfo.InvariantCulture, out var q) ? Math.Clamp(q, 0, 1) : 0;
                }
            }

            return new MediaRange(type, subType, charset, quality);
        }
    }
}
