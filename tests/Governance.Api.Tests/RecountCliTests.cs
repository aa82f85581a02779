using Governance.Tests.Shared;

namespace Governance.Api.Tests;

public sealed class RecountCliTests
{
    private const string Example = DesignExample.Snapshot;

    [Fact]
    public async Task RecountFromStandardInputPrintsTheDesignsWorkedResult()
    {
        var outcome = await CliProcess.RunAsync(Example, "recount", "-");

        Assert.True(outcome.ExitCode == 0, outcome.StdErr);
        var tally = System.Text.Json.JsonDocument.Parse(outcome.StdOut).RootElement;
        Assert.Equal(4, tally.GetProperty("eligible").GetInt32());
        Assert.Equal(1, tally.GetProperty("voters").GetInt32());
        Assert.Equal(2, tally.GetProperty("represented").GetInt32());
        Assert.Equal(1, tally.GetProperty("unrepresented").GetInt32());
        Assert.Equal(3.0, tally.GetProperty("yes").GetDouble());
        Assert.True(tally.GetProperty("passed").GetBoolean());
        Assert.Equal(3.0, tally.GetProperty("weights").GetProperty("dee").GetDouble());
        Assert.Equal("dee", tally.GetProperty("superDelegates")[0].GetString());
    }

    [Fact]
    public async Task RecountOfAnIssueWithAlternativesPrintsTheMatrixAndTheSchulzeRanking()
    {
        var outcome = await CliProcess.RunAsync(RankedExample.Snapshot, "recount", "-");

        Assert.True(outcome.ExitCode == 0, outcome.StdErr);
        Assert.Equal(RankedExample.Output, outcome.StdOut.ReplaceLineEndings("\n"));
    }

    [Fact]
    public async Task RecountOfAFileGivesTheSameAsStandardInput()
    {
        var file = Path.GetTempFileName();
        await File.WriteAllTextAsync(file, Example);
        try
        {
            var fromFile = await CliProcess.RunAsync(null, "recount", file);
            var fromStdin = await CliProcess.RunAsync(Example, "recount", "-");

            Assert.Equal(0, fromFile.ExitCode);
            Assert.Equal(fromStdin.StdOut, fromFile.StdOut);
        }
        finally
        {
            File.Delete(file);
        }
    }

    [Fact]
    public async Task MalformedSnapshotIsRefusedNamingTheCulpritWithNothingOnStandardOutput()
    {
        var selfDelegation = Example.Replace("\"delegates\": [\"dee\"]", "\"delegates\": [\"cy\"]", StringComparison.Ordinal);

        var outcome = await CliProcess.RunAsync(selfDelegation, "recount", "-");

        Assert.NotEqual(0, outcome.ExitCode);
        Assert.Empty(outcome.StdOut);
        Assert.Contains("cy", outcome.StdErr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task MissingFileIsRefusedClearly()
    {
        var outcome = await CliProcess.RunAsync(null, "recount", "/nonexistent/snapshot.json");

        Assert.Equal(1, outcome.ExitCode);
        Assert.Empty(outcome.StdOut);
        Assert.Contains("no such file", outcome.StdErr, StringComparison.Ordinal);
    }
}
