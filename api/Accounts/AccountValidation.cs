using System.Text.RegularExpressions;
using Governance.Core.Accounts;

namespace Governance.Api.Accounts;

/// <summary>The rules for what a person may type when registering or changing a password.</summary>
internal static partial class AccountValidation
{
    public const int MinPasswordLength = 10;

    public const int MaxPasswordLength = 200;

    [GeneratedRegex("^[a-z0-9][a-z0-9._-]{2,29}$")]
    private static partial Regex HandlePattern();

    [GeneratedRegex(@"^[^@\s]+@[^@\s]+\.[^@\s]+$")]
    private static partial Regex EmailPattern();

    public static Dictionary<string, string[]> Register(RegisterRequest request)
    {
        var errors = new Dictionary<string, string[]>();
        if (request.Handle is not null && NameRules.ForbiddenInHandle(request.Handle) is { } badInHandle)
        {
            errors["handle"] = [$"A handle may not contain {badInHandle}: only lower-case letters, digits, '.', '_' or '-'."];
        }
        else if (request.Handle is null || !HandlePattern().IsMatch(request.Handle))
        {
            errors["handle"] = ["A handle is 3 to 30 characters: lower-case letters, digits, '.', '_' or '-', starting with a letter or digit."];
        }

        if (string.IsNullOrWhiteSpace(request.DisplayName) || request.DisplayName.Trim().Length > 100)
        {
            errors["displayName"] = ["A display name is 1 to 100 characters."];
        }
        else if (NameRules.ForbiddenInDisplayName(request.DisplayName) is { } badInName)
        {
            errors["displayName"] = [$"The display name contains {badInName}, which can disguise a name; remove it."];
        }

        if (request.Email is null || request.Email.Length > 254 || !EmailPattern().IsMatch(request.Email))
        {
            errors["email"] = ["An email address looks like name@example.org."];
        }

        Password("password", request.Password, errors);
        if (request.InvitationCode is { Length: > 40 })
        {
            errors["invitationCode"] = ["An invitation code looks like ABCD-EFGH-JKLM."];
        }

        if (request.MemberNumber is { Length: > 40 })
        {
            errors["memberNumber"] = ["A member number is at most 40 characters."];
        }

        return errors;
    }

    public static void Password(string field, string? password, Dictionary<string, string[]> errors)
    {
        if (password is null || password.Length < MinPasswordLength || password.Length > MaxPasswordLength)
        {
            errors[field] = [$"A password is {MinPasswordLength} to {MaxPasswordLength} characters."];
        }
    }
}
