using Governance.Core.Domain;

namespace Governance.Api.Schema;

/// <summary>A user error of a mutation payload (the UserError interface); its CLR type names its GraphQL type.</summary>
public abstract record UserErrorValue(string Code, string Message, string? Field);

public sealed record ValidationError(string Code, string Message, string? Field) : UserErrorValue(Code, Message, Field);

public sealed record NotAuthorizedError(string Code, string Message, string? Field) : UserErrorValue(Code, Message, Field);

public sealed record NotFoundError(string Code, string Message, string? Field) : UserErrorValue(Code, Message, Field);

public static class UserErrors
{
    public static ValidationError Validation(string code, string message, string? field = null) => new(code, message, field);

    public static NotFoundError NotFound(string code, string message, string? field = null) => new(code, message, field);

    public static NotAuthorizedError NotAuthorized(string code, string message) => new(code, message, null);

    /// <summary>
    /// A refused domain command: an unknown id is "not found", a rule about who may act "not
    /// authorized", any other broken rule "validation". Codes are upper-case whichever store
    /// raised them (the delegation store says UNKNOWN_AREA, the proposal services not_found).
    /// </summary>
    public static UserErrorValue From(DomainException error)
    {
        ArgumentNullException.ThrowIfNull(error);
        var code = error.Code.ToUpperInvariant();
        return code switch
        {
            "NOT_FOUND" => new NotFoundError(code, error.Message, error.Field),
            "NOT_ALLOWED" => new NotAuthorizedError(code, error.Message, error.Field),
            _ when code.StartsWith("UNKNOWN_", StringComparison.Ordinal) => new NotFoundError(code, error.Message, error.Field),
            _ => new ValidationError(code, error.Message, error.Field),
        };
    }

    /// <summary>The mutation payload of a failure: the result field null, the errors listed.</summary>
    public static Dictionary<string, object?> Payload(string resultField, params UserErrorValue[] errors) =>
        new() { [resultField] = null, ["errors"] = errors };

    public static Dictionary<string, object?> Success(string resultField, object? result) =>
        new() { [resultField] = result, ["errors"] = null };
}
