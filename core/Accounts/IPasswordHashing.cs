namespace Governance.Core.Accounts;

/// <summary>
/// Password hashing as the host does it (ASP.NET Core Identity's PBKDF2 in the api), so that the
/// account rules can live in core without knowing the algorithm.
/// </summary>
public interface IPasswordHashing
{
    string Hash(string password);

    bool Verify(string hash, string password);
}
