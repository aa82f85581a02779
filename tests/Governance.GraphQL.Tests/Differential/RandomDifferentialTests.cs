using System.Globalization;
using System.Text.Json;
using Governance.GraphQL.Execution;
using Xunit.Abstractions;

namespace Governance.GraphQL.Tests.Differential;

/// <summary>
/// Property: for random documents over the suite's schema, our engine and graphql-js 16 agree
/// on validity and error locations, and on data and errors when both accept the document.
/// graphql-js is the slow, trusted reference; one node run checks the whole batch. The seed is
/// fixed so a failure reproduces; DIFFERENTIAL_SEED explores others.
/// </summary>
public sealed class RandomDifferentialTests(ITestOutputHelper output)
{
    private const int Documents = 500;

    [Fact]
    public async Task RandomDocumentsValidateAndExecuteAsInGraphQLJs()
    {
        var seed = int.TryParse(Environment.GetEnvironmentVariable("DIFFERENTIAL_SEED"), CultureInfo.InvariantCulture, out var s) ? s : 20_261_121;
        var generator = new RandomDocuments(Comparison.Schema.Value, seed);
        var cases = Enumerable.Range(0, Documents).Select(i => new { name = $"random/{i}", query = generator.Next() }).ToList();

        var path = Path.Combine(Path.GetTempPath(), $"differential-random-{seed}-{Environment.ProcessId}.json");
        await File.WriteAllTextAsync(path, JsonSerializer.Serialize(cases));
        Dictionary<string, ReferenceOutcome> reference;
        try
        {
            reference = DifferentialSuite.RunReference(path);
        }
        finally
        {
            File.Delete(path);
        }

        var mismatches = new List<string>();
        var executed = 0;
        foreach (var c in cases)
        {
            var outcome = reference[c.name];
            if (outcome.Phase == "crash")
            {
                continue;
            }

            var mismatch = Comparison.Validation(c.query, outcome);
            if (mismatch is null && outcome.Valid)
            {
                executed++;
                mismatch = await Comparison.Execution(new GraphQLRequest(c.query), outcome);
            }

            if (mismatch is not null)
            {
                mismatches.Add($"{c.name}:\n{c.query}\n{mismatch}");
            }
        }

        var crashed = reference.Values.Count(o => o.Phase == "crash");
        output.WriteLine(
            $"seed {seed}: {Documents} documents, {Documents - crashed - mismatches.Count} agree, {mismatches.Count} disagree, " +
            $"{crashed} not comparable (graphql-js threw); {executed} executed.");
        Assert.True(
            mismatches.Count == 0,
            $"seed {seed}: {mismatches.Count} of {Documents} random documents disagree ({executed} executed):\n\n" + string.Join("\n\n", mismatches.Take(8)));

        // The generator must keep reaching both outcomes, or the property says little.
        Assert.InRange(reference.Values.Count(o => o.Valid), Documents / 10, Documents * 9 / 10);
        Assert.True(reference.Values.Count(o => o.Phase == "crash") < Documents / 20, "graphql-js threw on too many documents to compare");
    }
}
