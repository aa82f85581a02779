using Governance.Core.Accounts;
using Governance.Core.Delegation;
using Governance.Core.Domain;
using Governance.Core.Storage;
using Governance.Core.Tests.Domain;

namespace Governance.Core.Tests.Accounts;

/// <summary>Names that cannot spoof: bidi controls and invisible characters refused by name, look-alike handles refused.</summary>
public sealed class NameRulesTests
{
    [Theory]
    [InlineData("Ann\u202EhtimS", "U+202E RIGHT-TO-LEFT OVERRIDE")]
    [InlineData("Ann\u2066Smith", "U+2066 LEFT-TO-RIGHT ISOLATE")]
    [InlineData("Ann\u200BSmith", "U+200B ZERO WIDTH SPACE")]
    [InlineData("Ann\u00ADSmith", "U+00AD SOFT HYPHEN")]
    [InlineData("Ann\uFEFFSmith", "U+FEFF ZERO WIDTH NO-BREAK SPACE")]
    public void ADisplayNameWithABidiControlOrAnInvisibleCharacterIsRefusedNamingIt(string name, string named) =>
        Assert.Equal(named, NameRules.ForbiddenInDisplayName(name));

    [Theory]
    [InlineData("Ann Smith")]
    [InlineData("Zoë Ångström")]
    [InlineData("محمد علي")]
    public void OrdinaryNamesInAnyScriptPass(string name) => Assert.Null(NameRules.ForbiddenInDisplayName(name));

    [Theory]
    [InlineData("ann.smith", "annsmith")]
    [InlineData("ann.smith", "ann_smith")]
    [InlineData("ann.smith", "ann-srnith")]
    [InlineData("william", "vvi11iarn")]
    [InlineData("dora", "c1ora")]
    [InlineData("bob0", "bobo")]
    public void HandlesThatDifferOnlyByConfusablesOrPunctuationShareASkeleton(string a, string b) =>
        Assert.Equal(NameRules.Skeleton(a), NameRules.Skeleton(b));

    [Fact]
    public void DifferentHandlesKeepDifferentSkeletons() => Assert.NotEqual(NameRules.Skeleton("ann.smith"), NameRules.Skeleton("ann.smyth"));

    [Fact]
    public async Task RegisteringALookAlikeOfAnExistingHandleIsRefusedNamingTheOriginal()
    {
        using var org = new Organisation();
        using var engine = new EngineHost(EngineLoader.Load(org.Database));
        var membership = new MembershipService(org.Database, org.Clock, engine);
        org.Policies.Set(org.Admin, null, """{"registration":"open"}""");
        await membership.RegisterAsync("ann.smith", "Ann", "ann@example.org", "hash", new RegistrationClaims(null, null));

        var refused = await Assert.ThrowsAsync<DomainException>(() =>
            membership.RegisterAsync("ann-srnith", "Not Ann", "fake@example.org", "hash", new RegistrationClaims(null, null)));
        var bidi = await Assert.ThrowsAsync<DomainException>(() =>
            membership.RegisterAsync("bob", "Bob\u202E", "bob@example.org", "hash", new RegistrationClaims(null, null)));

        Assert.Equal(("handle_confusable", "handle"), (refused.Code, refused.Field));
        Assert.Contains("'ann.smith'", refused.Message, StringComparison.Ordinal);
        Assert.Equal(("forbidden_character", "displayName"), (bidi.Code, bidi.Field));
        Assert.Contains("U+202E RIGHT-TO-LEFT OVERRIDE", bidi.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void TheMigrationsSqlSkeletonIsTheCodes()
    {
        using var temp = new TempDatabase();
        using var connection = temp.Database.Open();
        foreach (var handle in new[] { "ann.smith", "w1lliam_d0e", "c1-rn-vv" })
        {
            var sql = Dapper.SqlMapper.ExecuteScalar<string>(connection,
                "SELECT replace(replace(replace(replace(replace(replace(replace(replace(lower(@handle), '.', ''), '_', ''), '-', ''), '0', 'o'), '1', 'l'), 'm', 'rn'), 'w', 'vv'), 'd', 'cl')", new { handle });
            Assert.Equal(NameRules.Skeleton(handle), sql);
        }
    }
}
