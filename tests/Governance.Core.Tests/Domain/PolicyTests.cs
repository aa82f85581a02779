using Governance.Core.Domain;

namespace Governance.Core.Tests.Domain;

public sealed class PolicyTests : IDisposable
{
    private readonly Organisation _org = new();

    public void Dispose() => _org.Dispose();

    [Theory]
    [InlineData("""{"karmaHalfLifeDays": 0}""", "karmaHalfLifeDays")]
    [InlineData("""{"voteQuorumShare": 1.5}""", "voteQuorumShare")]
    [InlineData("""{"agendaQuorumShare": 2}""", "agendaQuorumShare")]
    [InlineData("""{"votingDays": 0}""", "votingDays")]
    [InlineData("""{"discussionDays": -1}""", "discussionDays")]
    [InlineData("""{"quorum": 3}""", "quorum")]
    [InlineData("""{"majority": "most"}""", "wrong type")]
    [InlineData("""[1, 2]""", "JSON object")]
    public void AnOutOfRangeOrUnknownPolicyValueIsRefusedByName(string change, string named)
    {
        var error = Refused.With(_org, DomainErrors.InvalidPolicy, () => _org.Policies.Set(_org.Admin, null, change));
        Assert.Contains(named, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void APolicyCannotTakeEffectInThePastNorBeSetByANonAdmin()
    {
        Refused.With(_org, DomainErrors.InvalidPolicy, () => _org.Policies.Set(_org.Admin, null, "{}", Organisation.Start.AddDays(-1)));
        Refused.With(_org, DomainErrors.NotAllowed, () => _org.Policies.Set(_org.Moderator, null, """{"votingDays": 3}"""));
    }

    [Fact]
    public void AnAreaOverrideAppliesToItsSubAreasAndEveryChangeIsANewVersion()
    {
        var rent = _org.AddArea("rent", _org.Housing);
        _org.Policies.Set(_org.Admin, null, """{"votingDays": 10}""");
        _org.Policies.Set(_org.Admin, _org.Housing, """{"votingDays": 3, "majority": 0.6}""");
        _org.Policies.Set(_org.Admin, _org.Housing, """{"majority": null}""");

        Assert.Equal(10, _org.Policies.Effective().VotingDays);
        Assert.Equal(10, _org.Policies.Effective(_org.Party).VotingDays);
        Assert.Equal(3, _org.Policies.Effective(rent).VotingDays);
        Assert.Equal(0.5, _org.Policies.Effective(rent).Majority);
        Assert.Equal([1, 2], _org.Policies.History(_org.Housing).Select(v => v.Version));
    }

    [Fact]
    public void APolicyChangeAppliesOnlyToProposalsOpenedAfterIt()
    {
        var author = _org.AddMember("author");
        var before = _org.Proposals.Propose(author, _org.Housing, "Before", "b").Id;
        _org.Policies.Set(_org.Admin, null, """{"expiryDays": 10}""");
        var after = _org.Proposals.Propose(author, _org.Housing, "After", "a").Id;

        Assert.Equal(Organisation.Start.AddDays(30), _org.Proposals.Get(before).ExpiresAt);
        Assert.Equal(Organisation.Start.AddDays(10), _org.Proposals.Get(after).ExpiresAt);
    }

    [Fact]
    public void AFutureVersionTakesEffectOnlyWhenItsTimeComes()
    {
        _org.Policies.Set(_org.Admin, null, """{"votingDays": 2}""", Organisation.Start.AddDays(5));
        Assert.Equal(7, _org.Policies.Effective().VotingDays);
        _org.Clock.AdvanceDays(5);
        Assert.Equal(2, _org.Policies.Effective().VotingDays);
    }
}
