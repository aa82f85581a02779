namespace Governance.Api.Tests.Schema;

/// <summary>
/// The account mutations × every caller of the matrix: a session manages its own account, a
/// token never does (it could otherwise mint wider tokens), anonymous callers are refused.
/// The inputs are chosen so that an allowed caller meets a domain refusal or a harmless change.
/// </summary>
public sealed class AccountAuthorizationMatrixTests(MatrixFixture fixture) : IClassFixture<MatrixFixture>
{
    public static TheoryData<string, string, string?> AccountMatrix()
    {
        var data = new TheoryData<string, string, string?>();
        var allowed = new Dictionary<string, string?>
        {
            ["changePassword"] = "WRONG_PASSWORD",
            ["revokeSession"] = "UNKNOWN_SESSION",
            ["signOutOtherSessions"] = null,
            ["createAccessToken"] = null,
            ["revokeAccessToken"] = "UNKNOWN_TOKEN",
        };
        foreach (var (mutation, outcome) in allowed)
        {
            data.Add(mutation, "anonymous", "UNAUTHENTICATED");
            foreach (var session in new[] { "member", "other member", "moderator", "admin" })
            {
                data.Add(mutation, session, outcome);
            }

            foreach (var token in new[] { "token with scope", "token without scope", "admin's token" })
            {
                data.Add(mutation, token, "SESSION_REQUIRED");
            }
        }

        data.Add("setLanguage", "anonymous", "UNAUTHENTICATED");
        foreach (var caller in new[] { "member", "other member", "moderator", "admin", "token with scope", "token without scope", "admin's token" })
        {
            data.Add("setLanguage", caller, null);
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(AccountMatrix))]
    public async Task AccountMutationsNeedTheMembersOwnSession(string mutation, string actorName, string? expected)
    {
        var actor = fixture.Actors[actorName];
        const string errors = "errors { __typename ... on UserError { code message field } }";
        var query = mutation switch
        {
            "changePassword" => $"mutation {{ changePassword(input: {{ currentPassword: \"certainly wrong\", newPassword: \"long enough password\" }}) {{ sessionsEnded {errors} }} }}",
            "revokeSession" => $"mutation {{ revokeSession(input: {{ session: \"AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA\" }}) {{ sessions {{ id }} {errors} }} }}",
            "signOutOtherSessions" => $"mutation {{ signOutOtherSessions {{ sessionsEnded {errors} }} }}",
            "createAccessToken" => $"mutation {{ createAccessToken(input: {{ name: \"matrix\", scopes: [READ] }}) {{ token {errors} }} }}",
            "revokeAccessToken" => $"mutation {{ revokeAccessToken(input: {{ accessToken: \"{SchemaFixture.Id("AccessToken", 999_999)}\" }}) {{ revokedId {errors} }} }}",
            _ => $"mutation {{ setLanguage(input: {{ language: \"en\" }}) {{ language {errors} }} }}",
        };

        var payload = (await actor.DataAsync(query)).GetProperty(mutation);

        Assert.Equal(expected is null ? [] : [expected], payload.Codes());
    }
}
