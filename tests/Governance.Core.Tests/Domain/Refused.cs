using Governance.Core.Domain;

namespace Governance.Core.Tests.Domain;

internal static class Refused
{
    /// <summary>Asserts the command is refused with <paramref name="code"/> and that nothing changed.</summary>
    public static DomainException With(Organisation org, string code, Action command)
    {
        var before = org.Fingerprint();
        var error = Assert.Throws<DomainException>(command);
        Assert.Equal(code, error.Code);
        Assert.False(string.IsNullOrWhiteSpace(error.Message));
        Assert.Equal(before, org.Fingerprint());
        return error;
    }
}
