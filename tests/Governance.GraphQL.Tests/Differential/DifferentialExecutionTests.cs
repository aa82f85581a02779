using System.Text.Json.Nodes;
using Governance.GraphQL.Errors;
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
        var reference = DifferentialSuite.Reference[name];
        var request = new GraphQLRequest(
            corpusCase.Query,
            corpusCase.OperationName,
            DifferentialEngine.FromJson(corpusCase.Variables) as IReadOnlyDictionary<string, object?>);

        var prepared = DifferentialEngine.Executor.Prepare(request);
        if (reference.Phase == "subscription")
        {
            Assert.True(prepared.Succeeded, "graphql-js accepts the subscription; we refuse it: " + Describe(prepared.Errors));
            Assert.Equal(OperationType.Subscription, prepared.Operation!.OperationType);
            return;
        }

        var result = prepared.Succeeded
            ? await DifferentialEngine.Executor.ExecuteAsync(prepared.Operation!, request, context: null, CancellationToken.None)
            : ExecutionResult.RequestError(prepared.Errors);

        Assert.True(
            reference.HasData == result.HasData,
            $"graphql-js {(reference.HasData ? "has" : "has no")} data; ours {(result.HasData ? "has" : "has no")}. Our errors: {Describe(result.Errors)}");
        if (reference.HasData)
        {
            Assert.Equal(DifferentialEngine.Canonical(reference.Data), DifferentialEngine.Canonical(result.Data));
        }

        var expected = reference.Errors.Select(e => e.Describe()).Order(StringComparer.Ordinal).ToList();
        var actual = result.Errors.Select(Shape).Order(StringComparer.Ordinal).ToList();
        Assert.True(
            expected.SequenceEqual(actual),
            $"errors differ. graphql-js: [{string.Join(", ", expected)}]; ours: [{Describe(result.Errors)}]");
    }

    private static string Shape(GraphQLError error) =>
        new ErrorShape(error.Path, (error.Locations ?? []).Select(l => (l.Line, l.Column)).ToList()).Describe();

    private static string Describe(IReadOnlyList<GraphQLError> errors) =>
        string.Join(" | ", errors.Select(e => e.Message + " " + Shape(e)));
}
