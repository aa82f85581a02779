using Governance.Core.Delegation.Recount;
using Governance.Tests.Shared;

namespace Governance.Core.Tests.Delegation.Ranked;

public sealed class RankedRecountTests
{
    private static (int Code, string Out, string Err) Run(string snapshot)
    {
        using var stdout = new StringWriter();
        using var stderr = new StringWriter();
        int code = Recount.Run(new StringReader(snapshot), stdout, stderr);
        return (code, stdout.ToString(), stderr.ToString());
    }

    [Fact]
    public void TheWorkedExamplePrintsTheMatrixTheStrongestPathsAndTheRanking()
    {
        var (code, output, error) = Run(RankedExample.Snapshot);
        Assert.Equal("", error);
        Assert.Equal(0, code);
        Assert.Equal(RankedExample.Output, output);
    }

    [Fact]
    public void TheDocumentationShowsTheWorkedExampleVerbatim()
    {
        string root = AppContext.BaseDirectory;
        while (!File.Exists(Path.Combine(root, "Governance.sln"))) root = Path.GetDirectoryName(root)!;
        string doc = File.ReadAllText(Path.Combine(root, "docs", "ranked-voting.md")).ReplaceLineEndings("\n");
        Assert.Contains(RankedExample.Snapshot.ReplaceLineEndings("\n"), doc, StringComparison.Ordinal);
        Assert.Contains(RankedExample.Output.ReplaceLineEndings("\n").TrimEnd(), doc, StringComparison.Ordinal);
    }

    [Fact]
    public void AlternativesListedAfterTheVotesGiveTheSameResult()
    {
        string moved = RankedExample.Snapshot.Replace("  \"alternatives\": [\"a1\", \"a2\", \"a3\"],\n", "", StringComparison.Ordinal)
            .Replace("  \"policy\":", "  \"alternatives\": [\"a1\", \"a2\", \"a3\"],\n  \"policy\":", StringComparison.Ordinal);
        Assert.NotEqual(RankedExample.Snapshot, moved);
        Assert.Equal((0, RankedExample.Output, ""), Run(moved));
    }

    [Theory]
    [InlineData("[[\"a2\"], [\"a9\"]]", "votes[1].ranking[1][0]: unknown alternative \"a9\"")]
    [InlineData("[[\"a2\", \"a3\"], [\"a1\", \"a3\"]]", "votes[1].ranking[1][1]: \"a3\" is ranked twice (also in votes[1].ranking[0])")]
    [InlineData("[[\"a2\"], []]", "votes[1].ranking[1] is empty")]
    [InlineData("[\"a2\"]", "votes[1].ranking[0] must be an array")]
    public void AMalformedRankingIsRefusedNamingTheCulprit(string ranking, string reason)
    {
        string snapshot = RankedExample.Snapshot.Replace("[[\"a2\"], [\"a3\"], [\"a1\"], [\"statusQuo\"]]", ranking, StringComparison.Ordinal);
        Assert.Equal((1, "", $"recount: refused: {reason}\n"), Run(snapshot).ReplaceNewLines());
    }

    [Fact]
    public void ARankingOnAYesNoVoteIsRefused()
    {
        string snapshot = DesignExample.Snapshot.Replace("\"choice\": \"yes\"", "\"ranking\": [[\"statusQuo\"]]", StringComparison.Ordinal);
        Assert.Equal(
            (1, "", "recount: refused: votes[0].ranking: a ranking on a yes/no vote (the snapshot lists no \"alternatives\")\n"),
            Run(snapshot).ReplaceNewLines());
    }

    [Fact]
    public void AYesNoChoiceOnAnIssueWithAlternativesIsRefused()
    {
        string snapshot = RankedExample.Snapshot.Replace("\"ranking\": [[\"statusQuo\"], [\"a2\"]]", "\"choice\": \"yes\"", StringComparison.Ordinal);
        Assert.Equal(
            (1, "", "recount: refused: votes[3].choice: a yes/no choice on an issue with alternatives (rank them with \"ranking\")\n"),
            Run(snapshot).ReplaceNewLines());
    }

    [Theory]
    [InlineData("[\"a1\", \"a2\", \"a1\"]", "alternatives[2]: alternative \"a1\" is listed twice (also alternatives[0])")]
    [InlineData("[\"a1\", \"statusQuo\"]", "alternatives[1]: \"statusQuo\" is the status quo, not an alternative")]
    [InlineData("[]", "\"alternatives\" is empty: an issue has at least one alternative")]
    public void BadAlternativesAreRefused(string alternatives, string reason)
    {
        string snapshot = RankedExample.Snapshot.Replace("[\"a1\", \"a2\", \"a3\"]", alternatives, StringComparison.Ordinal);
        Assert.Equal((1, "", $"recount: refused: {reason}\n"), Run(snapshot).ReplaceNewLines());
    }

    [Fact]
    public void AYesNoSnapshotPrintsExactlyAsBefore() =>
        Assert.Equal((0, DesignExample.Output, ""), Run(DesignExample.Snapshot));
}

internal static class RecountOutput
{
    public static (int, string, string) ReplaceNewLines(this (int Code, string Out, string Err) result) =>
        (result.Code, result.Out, result.Err.ReplaceLineEndings("\n"));
}
