using Governance.Core.Accounts;
using Microsoft.AspNetCore.Identity;

namespace Governance.Api.Auth;

/// <summary>ASP.NET Core Identity's PBKDF2 hasher, for the account rules in core.</summary>
public sealed class IdentityPasswordHashing(IPasswordHasher<MemberIdentity> hasher) : IPasswordHashing
{
    public string Hash(string password) => hasher.HashPassword(null!, password);

    public bool Verify(string hash, string password) =>
        hasher.VerifyHashedPassword(null!, hash, password) != PasswordVerificationResult.Failed;
}
