using System.Text;

namespace Governance.Api.Tests.Reliability;

/// <summary>Who a fuzz case claims to be.</summary>
internal enum FuzzAuth
{
    None,

    /// <summary>A personal access token with every scope.</summary>
    Token,

    /// <summary>A bearer header that is not a token of ours.</summary>
    BadToken,

    /// <summary>The session cookie of a signed-in member, with its antiforgery header.</summary>
    Session,

    /// <summary>The session cookie without the antiforgery header (a forged cross-site request).</summary>
    SessionWithoutCsrf,
}

/// <summary>One HTTP request of a fuzz run, as bytes: nothing about it need be valid.</summary>
internal sealed record FuzzRequest(string Kind, string Method, string Target, string? ContentType, byte[]? Body, FuzzAuth Auth, string? Accept)
{
    /// <summary>A short description for a finding: enough to see the shape, the case number reproduces the rest.</summary>
    public string Describe()
    {
        var body = Body is null ? "no body" : $"{Body.Length} B body: {Preview(Body)}";
        return $"[{Kind}] {Method} {Truncate(Target, 160)} content-type={ContentType ?? "(none)"} accept={Accept ?? "(none)"} auth={Auth}; {body}";
    }

    private static string Preview(byte[] body)
    {
        var text = Encoding.UTF8.GetString(body, 0, Math.Min(body.Length, 200));
        return Truncate(text.ReplaceLineEndings(" "), 200);
    }

    private static string Truncate(string text, int length) => text.Length <= length ? text : text[..length] + "…";
}

/// <summary>Real ids from the fuzzed database, so that some mutated inputs reach deep into resolvers.</summary>
internal sealed record FuzzIds(IReadOnlyList<string> Members, IReadOnlyList<string> Areas, IReadOnlyList<string> Proposals, IReadOnlyList<string> Events)
{
    public IEnumerable<string> All => Members.Concat(Areas).Concat(Proposals).Concat(Events);
}
