using Governance.Core.Domain;
using Governance.Core.Policies;

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

    [Fact]
    public void TheRulesInForceNameTheNearestAreaThatOverridesEachValueAndAProposalKeepsTheSourcesOfItsOpening()
    {
        var rent = _org.AddArea("rent", _org.Housing);
        var author = _org.AddMember("author");
        var before = _org.Proposals.Propose(author, rent, "Before", "b").Id;
        _org.Clock.AdvanceDays(1);
        _org.Policies.Set(_org.Admin, null, """{"votingDays": 10}""");
        _org.Policies.Set(_org.Admin, _org.Housing, """{"votingDays": 3, "majority": 0.6}""");
        _org.Policies.Set(_org.Admin, rent, """{"majority": 0.7}""");

        var inForce = _org.Policies.InForce(rent);
        var opened = _org.Policies.OfProposal(before);

        Assert.Equal((3.0, 0.7), (inForce.Values.VotingDays, inForce.Values.Majority));
        Assert.Equal(new PolicySource("votingDays", PolicyOrigin.Area, _org.Housing, Organisation.Start.AddDays(1)), inForce.SourceOf("votingDays"));
        Assert.Equal(new PolicySource("majority", PolicyOrigin.Area, rent, Organisation.Start.AddDays(1)), inForce.SourceOf("majority"));
        Assert.Equal((PolicyOrigin.Organisation, (long?)null), (inForce.SourceOf("viscosity").Origin, inForce.SourceOf("viscosity").AreaId));
        Assert.Equal(PolicyOrigin.Fixed, inForce.SourceOf("maxDelegates").Origin);
        Assert.Equal(3, PolicyInForce.MaxDelegates);
        Assert.Equal(PolicyValues.ValueKeys.Append("maxDelegates").Order(), inForce.Sources.Select(s => s.Key).Order());
        // 43 values and maxDelegates: issue 21 added delegationVisibility; issue 17 commentDaysAfterClose, autoHideReports, supportAfterEdit, reconfirmDays and six metamoderation values; issue 18 alternativeQuorumShare.
        Assert.Equal(44, inForce.Sources.Count);

        // Opened before any of it: the defaults, from the organisation.
        Assert.Equal((7.0, 0.5), (opened.Values.VotingDays, opened.Values.Majority));
        Assert.All(opened.Sources.Where(s => s.Key != "maxDelegates"), s => Assert.Equal(PolicyOrigin.Organisation, s.Origin));
    }
}
