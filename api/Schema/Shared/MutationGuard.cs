using Governance.Core.Domain;
using Governance.GraphQL.Errors;
using Governance.Core.Accounts;

namespace Governance.Api.Schema;

/// <summary>
/// Who may run a mutation, answered as a user error rather than a GraphQL error so that a
/// client handles a refusal the same way whatever its cause.
/// </summary>
internal static class MutationGuard
{
    /// <summary>A member acting as themselves; a token needs <paramref name="scope"/>.</summary>
    public static UserErrorValue? RequireScope(Caller caller, string scope)
    {
        if (!caller.IsAuthenticated)
        {
            return UserErrors.NotAuthorized("UNAUTHENTICATED", "Sign in, or send a personal access token, to do this.");
        }

        return caller.Has(scope) ? null : UserErrors.NotAuthorized("MISSING_SCOPE", $"This token lacks the {scope} scope.");
    }

    /// <summary>An admin signed in through the web client (a token never administers).</summary>
    public static UserErrorValue? RequireAdmin(Caller caller)
    {
        if (!caller.IsAuthenticated)
        {
            return UserErrors.NotAuthorized("UNAUTHENTICATED", "Sign in as an admin to do this.");
        }

        if (!caller.Roles.Contains("admin"))
        {
            return UserErrors.NotAuthorized("FORBIDDEN", "Only admins may do this.");
        }

        return caller.IsSession ? null : UserErrors.NotAuthorized("SESSION_REQUIRED", "Admin actions need a signed-in session; tokens cannot administer.");
    }

    /// <summary>Runs a command; a refused one (<see cref="DomainException"/>) becomes the payload's user error, never a 500.</summary>
    public static async Task<Dictionary<string, object?>> RunAsync(string resultField, Func<Task<object?>> command)
    {
        var outcome = await TryAsync(command);
        return outcome.Errors is { } errors
            ? UserErrors.Payload(resultField, [.. errors])
            : UserErrors.Success(resultField, outcome.Value);
    }

    /// <summary>
    /// Runs a command for a typed payload: its result, or the user error of a refused one
    /// (<see cref="DomainException"/>), never a 500.
    /// </summary>
    public static async Task<Outcome<T>> TryAsync<T>(Func<Task<T>> command)
    {
        try
        {
            return new Outcome<T>(await command(), null);
        }
        catch (DomainException refused)
        {
            return new Outcome<T>(default, [UserErrors.From(refused)]);
        }
        catch (Exception e) when (Storage.StorageUnavailable.Reason(e) is { } reason)
        {
            // Not the caller's fault and not a bug: a request error /graphql answers with 503 and Retry-After.
            throw new GraphQLException(new GraphQLError(
                Storage.StorageUnavailable.Message(reason),
                extensions: new Dictionary<string, object?> { ["code"] = Storage.StorageUnavailable.Code }));
        }
    }

    public static string DelegateScope => TokenScopes.Delegate;
}

/// <summary>A command's result, or (Errors not null) why it was refused.</summary>
internal readonly record struct Outcome<T>(T? Value, IReadOnlyList<UserErrorValue>? Errors);
