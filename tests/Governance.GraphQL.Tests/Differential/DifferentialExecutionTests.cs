using Governance.GraphQL.Execution;

namespace Governance.GraphQL.Tests.Differential;

/// <summary>
/// The execution half of the differential suite: every corpus document graphql-js 16 accepts
/// runs through our executor (Prepare, then ExecuteAsync) on the same SDL and data, and the two
/// must agree on whether there is "data", on the data itself (keys in response order), and on
/// each error's path and locations (as a multiset). Subscriptions are only validated.
/// </summary>
public sealed class DifferentialExecutionTests
{
    public static TheoryData<string> ValidCaseNames()
    {
        var data = new TheoryData<string>();
        foreach (var c in DifferentialSuite.Corpus.Where(c => c.Expect == "valid"))
        {
            data.Add(c.Name);
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(ValidCaseNames))]
    public async Task ExecutesAsGraphQLJsDoes(string name)
    {
        var corpusCase = DifferentialSuite.Case(name);
        var request = new GraphQLRequest(
            corpusCase.Query,
            corpusCase.OperationName,
            DifferentialEngine.FromJson(corpusCase.Variables) as IReadOnlyDictionary<string, object?>);
        var mismatch = await Comparison.Execution(request, DifferentialSuite.Reference[name]);
        Assert.True(mismatch is null, mismatch);
    }
}
