using Governance.Api.Auth;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;

namespace Governance.Api.OpenApi;

/// <summary>
/// What the generated document cannot see by itself: how a caller authenticates (the session
/// cookie with its CSRF header, or a personal access token), which endpoint takes which, and the
/// error answers every endpoint can give besides its own (401, 403, 429, 503), each a problem
/// document. Request fields the code reads as nullable, to refuse a missing one with a clear
/// message, are still required: the document says so without allowing null.
/// </summary>
internal static class SecurityDocumentation
{
    public const string Session = "session";
    public const string Csrf = "csrf";
    public const string Token = "token";

    public static void Add(OpenApiOptions options)
    {
        options.AddDocumentTransformer((document, _, _) =>
        {
            document.Components ??= new OpenApiComponents();
            document.Components.SecuritySchemes = new Dictionary<string, IOpenApiSecurityScheme>
            {
                [Session] = new OpenApiSecurityScheme
                {
                    Type = SecuritySchemeType.ApiKey,
                    In = ParameterLocation.Cookie,
                    Name = "gov_session",
                    Description = "The web client's session, set by POST /api/account/sign-in or /register. Every POST or DELETE with it also needs the session's X-CSRF-Token.",
                },
                [Csrf] = new OpenApiSecurityScheme
                {
                    Type = SecuritySchemeType.ApiKey,
                    In = ParameterLocation.Header,
                    Name = "X-CSRF-Token",
                    Description = "The csrfToken of the session's answer (SessionResponse.csrfToken).",
                },
                [Token] = new OpenApiSecurityScheme
                {
                    Type = SecuritySchemeType.Http,
                    Scheme = "bearer",
                    BearerFormat = "gov_pat_…",
                    Description = "A personal access token from POST /api/tokens, limited to its scopes (read, delegate, propose, vote, moderate). An unknown, revoked or expired token is answered 401 with WWW-Authenticate: Bearer error=\"invalid_token\".",
                },
            };
            return Task.CompletedTask;
        });

        options.AddOperationTransformer((operation, context, _) =>
        {
            var policies = context.Description.ActionDescriptor.EndpointMetadata.OfType<IAuthorizeData>()
                .Select(a => a.Policy).OfType<string>().ToList();
            var writes = !string.Equals(context.Description.HttpMethod, "GET", StringComparison.OrdinalIgnoreCase);
            var document = context.Document;
            var sessionOnly = policies.Contains(Policies.Session);
            var scope = policies.FirstOrDefault(p => p.StartsWith("scope:", StringComparison.Ordinal))?["scope:".Length..];
            if (sessionOnly || scope is not null)
            {
                var session = new OpenApiSecurityRequirement { [new OpenApiSecuritySchemeReference(Session, document)] = [] };
                if (writes)
                {
                    session[new OpenApiSecuritySchemeReference(Csrf, document)] = [];
                }

                operation.Security = sessionOnly
                    ? [session]
                    : [new OpenApiSecurityRequirement { [new OpenApiSecuritySchemeReference(Token, document)] = [scope!] }, session];
                AddProblem(operation, "401", sessionOnly
                    ? "Not signed in (no session cookie, or it expired)."
                    : "Not signed in, or the bearer token is unknown, revoked or expired (WWW-Authenticate: Bearer error=\"invalid_token\").");
                AddProblem(operation, "403", sessionOnly
                    ? (writes ? "A session is required (a token may not do this), or the X-CSRF-Token header is missing or wrong." : "A session is required; a token may not do this.")
                    : $"The token lacks the {scope} scope{(writes ? ", or the session's X-CSRF-Token header is missing or wrong" : "")}.");
            }

            if (!context.Description.ActionDescriptor.EndpointMetadata.OfType<Microsoft.AspNetCore.RateLimiting.DisableRateLimitingAttribute>().Any())
            {
                AddProblem(operation, "429", "Too many requests from this member or address; Retry-After says when to try again.");
            }

            if (writes)
            {
                AddProblem(operation, "503", "The database cannot take writes now (disk full, read-only); nothing was written. Retry-After says when to try again.");
            }

            return Task.CompletedTask;
        });

        options.AddSchemaTransformer((schema, _, _) =>
        {
            if (schema.Required is { Count: > 0 } required && schema.Properties is { } properties)
            {
                foreach (var name in required)
                {
                    if (properties.TryGetValue(name, out var property) && property is OpenApiSchema { Type: { } type } concrete
                        && type.HasFlag(JsonSchemaType.Null))
                    {
                        concrete.Type = type & ~JsonSchemaType.Null;
                    }
                }
            }

            return Task.CompletedTask;
        });
    }

    private static void AddProblem(OpenApiOperation operation, string status, string description)
    {
        operation.Responses ??= [];
        if (operation.Responses.ContainsKey(status))
        {
            return;
        }

        operation.Responses[status] = new OpenApiResponse
        {
            Description = description,
            Content = new Dictionary<string, OpenApiMediaType>
            {
                ["application/problem+json"] = new OpenApiMediaType { Schema = new OpenApiSchemaReference("ProblemDetails") },
            },
        };
    }
}
