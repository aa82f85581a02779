using Dapper;
using Governance.Core.Domain;

namespace Governance.Core.Tests.Domain;

/// <summary>The author edits an open proposal; nobody else, and nothing past Open.</summary>
public sealed class ProposalEditTests : IDisposable
{
    private readonly Organisation _org = new();
    private readonly long _author;
    private readonly long _other;
    private readonly IReadOnlyList<long> _backers;

    public ProposalEditTests()
    {
        _author = _org.AddMember("author", 30);
        _other = _org.AddMember("other", 30);
        _backers = _org.AddMembers(3, karma: 45, prefix: "backer");
    }

    public void Dispose() => _org.Dispose();

    private long Open() => _org.Proposals.Propose(_author, _org.Housing, "Build more housing", "We should.").Id;

    [Fact]
    public void TheAuthorRewritesAnOpenProposalKeepingItsSupportAndTheEditIsOnRecord()
    {
        var p = Open();
        _org.Support.Allocate(_backers[0], p, 4);
        _org.Clock.AdvanceDays(1);

        var edited = _org.Proposals.Edit(_author, p, "  Build more social housing ", "We should, **now**.");

        Assert.Equal("Build more social housing", edited.Title);
        Assert.Equal("We should, **now**.", edited.Body);
        Assert.Equal(4, edited.Score);
        Assert.Equal(1, edited.Supporters);
        var history = _org.Proposals.History(p);
        Assert.Equal(2, history.Count);
        Assert.Equal(("open", "edited by the author", _author), (history[1].Status, history[1].Reason, history[1].ActorId));
        var entry = _org.Db.QuerySingle<(string Type, string Payload)>("SELECT type AS Type, payload AS Payload FROM event_log ORDER BY seq DESC LIMIT 1");
        Assert.Equal("proposal.edited", entry.Type);
        Assert.Contains("\"previousTitle\":\"Build more housing\"", entry.Payload, StringComparison.Ordinal);
        Assert.Equal(Organisation.Start.AddDays(1).ToUnixTimeMilliseconds(), _org.Db.ExecuteScalar<long>("SELECT updated_at FROM proposals WHERE id = @p", new { p }));
    }

    [Fact]
    public void AMissingPartStaysAsItWasAndAnUnchangedTextRecordsNothing()
    {
        var p = Open();

        var retitled = _org.Proposals.Edit(_author, p, "Housing first", null);
        var before = _org.Fingerprint();
        var unchanged = _org.Proposals.Edit(_author, p, "Housing first", "We should.");

        Assert.Equal(("Housing first", "We should."), (retitled.Title, retitled.Body));
        Assert.Equal(("Housing first", "We should."), (unchanged.Title, unchanged.Body));
        Assert.Equal(before, _org.Fingerprint());
    }

    [Fact]
    public void OnlyTheAuthorMayEdit()
    {
        var p = Open();
        Refused.With(_org, DomainErrors.NotAllowed, () => _org.Proposals.Edit(_other, p, "Mine now", null));
        Assert.Equal("Build more housing", _org.Proposals.Get(p).Title);
    }

    [Fact]
    public void BadInputIsRefusedAndChangesNothing()
    {
        var p = Open();
        var untitled = Refused.With(_org, DomainErrors.InvalidInput, () => _org.Proposals.Edit(_author, p, "   ", "x"));
        Refused.With(_org, DomainErrors.InvalidInput, () => _org.Proposals.Edit(_author, p, new string('a', 201), null));
        Refused.With(_org, DomainErrors.InvalidInput, () => _org.Proposals.Edit(_author, p, null, null));
        Refused.With(_org, DomainErrors.NotFound, () => _org.Proposals.Edit(_author, 987_654, "x", null));
        Assert.Equal("title", untitled.Field);
    }

    [Fact]
    public void AProposalThatBubbledUpOrWasWithdrawnCanNoLongerBeEdited()
    {
        var bubbled = Open();
        foreach (var b in _backers)
        {
            _org.Support.Allocate(b, bubbled, 4);
        }

        var withdrawn = Open();
        _org.Proposals.Withdraw(_author, withdrawn);

        Assert.Equal("on_agenda", _org.Status(bubbled));
        var onAgenda = Refused.With(_org, DomainErrors.ProposalNotOpen, () => _org.Proposals.Edit(_author, bubbled, "Too late", null));
        Refused.With(_org, DomainErrors.ProposalNotOpen, () => _org.Proposals.Edit(_author, withdrawn, "Too late", null));
        Assert.Contains("on the agenda", onAgenda.Message, StringComparison.Ordinal);
    }
}
