using Governance.Api.Schema.Data;
using Microsoft.Extensions.DependencyInjection;

namespace Governance.Api.Tests.Schema;

/// <summary>An organisation large enough for pages of 50 proposals (the demo makes one per 40 members).</summary>
public sealed class LargeOrganisationFixture : IDisposable
{
    public GovernanceApiFactory Factory { get; } = new() { DemoMembers = 2_400, Settings = { ["Clock:Enabled"] = "false", ["Notifications:Enabled"] = "false" } };

    public void Dispose() => Factory.Dispose();
}

/// <summary>DataLoaders: what a page of proposals with authors and supporters costs in SQL statements.</summary>
public sealed class DataLoaderTests(LargeOrganisationFixture fixture) : IClassFixture<LargeOrganisationFixture>
{
    private const string Page = """
        query($first: Int!) {
          proposals(first: $first, orderBy: TOP) {
            nodes { id title score hotness supporterCount author { handle displayName } area { name parent { name } }
                    supporters { points member { handle displayName } } statusHistory { status actor { handle } } }
          }
        }
        """;

    private async Task<(long Statements, int Proposals, int Supporters, string Log)> MeasureAsync(int first)
    {
        var counter = fixture.Factory.Services.GetRequiredService<SqlStatementCounter>();
        var actor = new Actor("anonymous", fixture.Factory.CreateClient(), null);
        counter.Enabled = true;
        counter.Reset();
        try
        {
            var nodes = (await actor.DataAsync(Page, new { first })).GetProperty("proposals").GetProperty("nodes");
            return (counter.Count, nodes.GetArrayLength(), nodes.EnumerateArray().Sum(n => n.GetProperty("supporters").GetArrayLength()),
                string.Join("\n", counter.Statements.Select(q => q.Length > 120 ? q[..120] : q)));
        }
        finally
        {
            counter.Enabled = false;
        }
    }

    [Fact]
    public async Task APageOfFiftyProposalsWithAuthorsAndSupportersCostsAsFewStatementsAsAPageOfFive()
    {
        var small = await MeasureAsync(5);
        var large = await MeasureAsync(50);

        Assert.Equal(50, large.Proposals);
        Assert.True(large.Supporters > 50, $"only {large.Supporters} supporters: the page does not exercise the loaders");
        Assert.True(small.Statements == large.Statements, $"page of 5:\n{small.Log}\n\npage of 50:\n{large.Log}");
        // The proposal ranking, the page, scores, supporters, status history, areas, the
        // policy's gravity, then members twice (authors and actors with the page, supporters a
        // level deeper).
        Assert.InRange(large.Statements, 1, 10);
    }
}
