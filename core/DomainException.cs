namespace Governance.Core;

/// <summary>
/// A command was refused: the input breaks a rule. <see cref="Code"/> is stable for clients
/// (e.g. "SELF_DELEGATION"); the message says what was wrong in words a member understands;
/// <see cref="Field"/> names the input at fault when there is one. Nothing was changed.
/// </summary>
public sealed class DomainException : Exception
{
    public DomainException(string code, string message, string? field = null)
        : base(message)
    {
        Code = code;
        Field = field;
    }

    public string Code { get; }

    public string? Field { get; }
}
