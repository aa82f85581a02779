using System.Collections.Concurrent;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Governance.GraphQL.Errors;
using Governance.GraphQL.Execution;

namespace Governance.GraphQL.Http;

/// <summary>Which requests may name a document by its hash instead of sending it.</summary>
public enum PersistedDocumentMode
{
    /// <summary>Full documents only; a hash alone is answered with PERSISTED_QUERY_NOT_SUPPORTED.</summary>
    Off,

    /// <summary>
    /// Full documents as always, and hashes: the trusted manifest's, and any a client registered
    /// by sending a document with its hash once (Apollo's automatic persisted queries).
    /// </summary>
    Automatic,

    /// <summary>Only the trusted manifest's documents run, named by hash or sent in full.</summary>
    TrustedOnly,
}

/// <summary>
/// Persisted documents (the GraphQL-over-HTTP persisted-documents draft, and the APQ
/// <c>extensions.persistedQuery = { version: 1, sha256Hash }</c> protocol): turns a request that
/// names a document by its SHA-256 into one that carries the document. Lookups are dictionary
/// reads, O(1). The trusted manifest is codegen's <c>persisted-documents.json</c> (hash → text)
/// built with the web client; documents registered at run time are kept up to a bound.
/// </summary>
public sealed class PersistedDocuments
{
    public const string NotFoundCode = "PERSISTED_QUERY_NOT_FOUND";
    public const string NotSupportedCode = "PERSISTED_QUERY_NOT_SUPPORTED";
    public const string UntrustedCode = "TRUSTED_DOCUMENTS_ONLY";
    public const string InvalidCode = "PERSISTED_QUERY_INVALID";

    private readonly IReadOnlyDictionary<string, string> _trusted;
    private readonly ConcurrentDictionary<string, string> _registered = new(StringComparer.Ordinal);
    private readonly int _capacity;

    public PersistedDocuments(PersistedDocumentMode mode, IReadOnlyDictionary<string, string>? trusted = null, int capacity = 10_000)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(capacity);
        Mode = mode;
        _trusted = trusted ?? new Dictionary<string, string>();
        _capacity = capacity;
    }

    public PersistedDocumentMode Mode { get; }

    public int TrustedCount => _trusted.Count;

    /// <summary>
    /// Reads a manifest: a JSON object from lowercase hex SHA-256 to document text (codegen's
    /// persisted-documents output, with or without a "sha256:" prefix on the keys). Every entry is
    /// checked: a key that is not the hash of its text is refused, naming it.
    /// </summary>
    public static IReadOnlyDictionary<string, string> ReadManifest(string json)
    {
        var entries = JsonSerializer.Deserialize<Dictionary<string, string>>(json)
            ?? throw new FormatException("The persisted-documents manifest is not a JSON object.");
        var manifest = new Dictionary<string, string>(entries.Count, StringComparer.Ordinal);
        foreach (var (key, text) in entries)
        {
            var hash = key.StartsWith("sha256:", StringComparison.Ordinal) ? key["sha256:".Length..] : key;
            if (!string.Equals(hash, Hash(text), StringComparison.Ordinal))
            {
                throw new FormatException($"The persisted-documents manifest entry \"{key}\" is not the SHA-256 of its document.");
            }

            manifest[hash] = text;
        }

        return manifest;
    }

    /// <summary>Lowercase hex SHA-256 of the document's UTF-8 text, as APQ clients compute it.</summary>
    public static string Hash(string document) =>
        Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(document)));

    /// <summary>
    /// The request to execute, or the errors to answer with (a request error: no "data").
    /// A request without a persistedQuery extension passes unchanged unless only trusted
    /// documents may run.
    /// </summary>
    public (GraphQLRequest? Request, GraphQLError? Error) Resolve(GraphQLRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (request.Extensions?.GetValueOrDefault("persistedQuery") is not { } extension)
        {
            if (Mode != PersistedDocumentMode.TrustedOnly || request.Query is null)
            {
                return (request, null);
            }

            return _trusted.ContainsKey(Hash(request.Query))
                ? (request, null)
                : (null, Error(UntrustedCode,
                    "This server runs only the documents it trusts (GraphQL:PersistedDocuments is TrustedOnly); this document is not one of them."));
        }

        if (extension is not IReadOnlyDictionary<string, object?> fields
            || !(fields.GetValueOrDefault("version") is long version && version == 1)
            || fields.GetValueOrDefault("sha256Hash") is not string hash
            || hash.Length != 64 || !hash.All(char.IsAsciiHexDigitLower))
        {
            return (null, Error(InvalidCode,
                "extensions.persistedQuery must be { \"version\": 1, \"sha256Hash\": \"<64 lowercase hex digits>\" }."));
        }

        if (Mode == PersistedDocumentMode.Off)
        {
            return (null, Error(NotSupportedCode, "PersistedQueryNotSupported"));
        }

        if (_trusted.TryGetValue(hash, out var trustedText))
        {
            // The manifest's text runs, whatever text came with the hash.
            return (request with { Query = trustedText }, null);
        }

        if (Mode == PersistedDocumentMode.TrustedOnly)
        {
            return (null, request.Query is null
                ? Error(NotFoundCode, "PersistedQueryNotFound")
                : Error(UntrustedCode,
                    "This server runs only the documents it trusts (GraphQL:PersistedDocuments is TrustedOnly); this hash is not one of them."));
        }

        if (request.Query is null)
        {
            return _registered.TryGetValue(hash, out var registered)
                ? (request with { Query = registered }, null)
                : (null, Error(NotFoundCode, "PersistedQueryNotFound"));
        }

        // A document sent with its hash registers it, when the hash is really its hash; when it
        // is not, the document sent still runs (as it would without the extension) but is not kept
        // under a hash that would later name something else.
        if (_registered.Count < _capacity && string.Equals(Hash(request.Query), hash, StringComparison.Ordinal))
        {
            _registered.TryAdd(hash, request.Query);
        }

        return (request, null);
    }

    private static GraphQLError Error(string code, string message) =>
        new(message, extensions: new Dictionary<string, object?> { ["code"] = code });
}
