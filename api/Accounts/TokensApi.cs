using System.Security.Claims;
using Governance.Api.Auth;
using Governance.Core.Accounts;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;

namespace Governance.Api.Accounts;

/// <summary>
/// Personal access tokens for third-party clients. Managed only from a signed-in session, so a
/// token can never mint a token with wider scopes than its own.
/// </summary>
public static class TokensApi
{
    public const int MaxTokensPerMember = 50;

    public static RouteGroupBuilder MapTokensApi(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/tokens").WithTags("Tokens").RequireAuthorization(Policies.Session);

        group.MapPost("/", Create);
        group.MapGet("/", List);
        group.MapDelete("/{id:long}", Revoke);

        return group;
    }

    public static async Task<Results<Created<CreatedToken>, ValidationProblem>> Create(
        CreateTokenRequest request, AccountStore accounts, ClaimsPrincipal user, TimeProvider clock)
    {
        var errors = new Dictionary<string, string[]>();
        var name = request.Name?.Trim();
        if (string.IsNullOrEmpty(name) || name.Length > 100)
        {
            errors["name"] = ["A token's name is 1 to 100 characters, e.g. the client it is for."];
        }
        else if (name.Any(char.IsControl))
        {
            // Found by the fuzzer: SQLite's length() stops at a NUL, so the table's check failed with a 500.
            errors["name"] = ["A token's name may not contain control characters."];
        }

        var scopes = request.Scopes ?? [];
        var unknown = scopes.Where(s => !TokenScopes.All.Contains(s)).ToList();
        if (scopes.Count == 0 || unknown.Count > 0)
        {
            errors["scopes"] = [$"Choose one or more of {string.Join(", ", TokenScopes.All)}" + (unknown.Count > 0 ? $"; unknown: {string.Join(", ", unknown)}." : ".")];
        }

        if (request.ExpiresInDays is < 1 or > 366)
        {
            errors["expiresInDays"] = ["A token expires in 1 to 366 days, or never when left out."];
        }

        if ((await accounts.ListTokensAsync(user.MemberId())).Count >= MaxTokensPerMember)
        {
            errors["name"] = [$"You have {MaxTokensPerMember} tokens already; revoke one first."];
        }

        if (errors.Count > 0)
        {
            return TypedResults.ValidationProblem(errors, title: "The token was not created.");
        }

        var expires = request.ExpiresInDays is { } days ? clock.GetUtcNow().AddDays(days) : (DateTimeOffset?)null;
        var (token, info) = await accounts.CreateTokenAsync(user.MemberId(), name!, scopes.Distinct().ToList(), expires);
        return TypedResults.Created($"/api/tokens/{info.Id}", new CreatedToken(info.Id, info.Name, info.Scopes, info.CreatedAt, info.ExpiresAt, token));
    }

    public static async Task<Ok<List<TokenSummary>>> List(AccountStore accounts, ClaimsPrincipal user) =>
        TypedResults.Ok((await accounts.ListTokensAsync(user.MemberId())).Select(TokenSummary.From).ToList());

    public static async Task<Results<NoContent, NotFound<ProblemDetails>>> Revoke(long id, AccountStore accounts, ClaimsPrincipal user) =>
        await accounts.RevokeTokenAsync(user.MemberId(), id)
            ? TypedResults.NoContent()
            : TypedResults.NotFound(new ProblemDetails { Status = 404, Title = "No such token", Detail = $"You have no live token with id {id}." });
}
