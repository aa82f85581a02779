using System.Text.RegularExpressions;
using Governance.Core.Events;

namespace Governance.Core.Tests.Events;

public sealed partial class EventCatalogueTests
{
    [Fact]
    public void EveryEventTypeIsNamedOnlyInTheCatalogue()
    {
        var root = Path.GetFullPath(Path.Combine(AppContext.BaseDirectory, "../../../../.."));
        var types = typeof(EventTypes).GetFields()
            .Where(f => f.IsLiteral)
            .Select(f => (string)f.GetRawConstantValue()!)
            .ToHashSet(StringComparer.Ordinal);
        var catalogue = Path.Combine(root, "core", "Events", "EventTypes.cs");

        var elsewhere = new[] { "core", "api" }
            .SelectMany(folder => Directory.EnumerateFiles(Path.Combine(root, folder), "*.cs", SearchOption.AllDirectories))
            .Where(file => !file.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}", StringComparison.Ordinal) && file != catalogue)
            .SelectMany(file => Literal().Matches(File.ReadAllText(file)).Select(m => (File: Path.GetRelativePath(root, file), Type: m.Groups[1].Value)))
            .Where(hit => types.Contains(hit.Type))
            .ToList();

        Assert.True(elsewhere.Count == 0, "Event types spelled outside core/Events/EventTypes.cs: " + string.Join(", ", elsewhere));
        Assert.Contains(EventTypes.DelegationSet, types);
    }

    [Theory]
    [InlineData(EventTypes.SupportAllocated, true)]
    [InlineData(EventTypes.ProposalScheduled, true)]
    [InlineData(EventTypes.ProposalOnAgenda, true)]
    [InlineData(EventTypes.ProposalEdited, false)]
    [InlineData(EventTypes.ProposalWithdrawn, false)]
    public void AProposalEntryMovesTheAgendaOnlyWhenItCanChangeTheQueue(string type, bool moves)
    {
        var events = EventTranslator.Translate(new LoggedEvent(1, 0, 7, type, """{"proposal":5}"""));

        var updated = Assert.IsType<ProposalUpdated>(Assert.Single(events));
        Assert.Equal(5, updated.ProposalId);
        Assert.Equal(moves, updated.AgendaMayHaveMoved);
    }

    [Fact]
    public void ASupportThatBubblesItsProposalUpIsOneChangeOfIt()
    {
        var merged = EventTranslator.Merge(
        [
            new ProposalUpdated(5, false, DateTimeOffset.UnixEpoch),
            new ProposalUpdated(5, true, DateTimeOffset.UnixEpoch),
            new ProposalUpdated(6, false, DateTimeOffset.UnixEpoch),
        ]);

        Assert.Equal([new ProposalUpdated(5, true, DateTimeOffset.UnixEpoch), new ProposalUpdated(6, false, DateTimeOffset.UnixEpoch)], merged);
    }

    [GeneratedRegex("\"([a-z]+\\.[a-z_-]+)\"")]
    private static partial Regex Literal();
}
