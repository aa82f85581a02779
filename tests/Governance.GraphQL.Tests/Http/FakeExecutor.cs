using System.Runtime.CompilerServices;
using Governance.GraphQL.Errors;
using Governance.GraphQL.Execution;

namespace Governance.GraphQL.Tests.Http;

/// <summary>
/// A test double of the engine for transport tests: it recognises a handful of documents by
/// their text. The conformance suite in Governance.Api.Tests runs against the real engine.
/// </summary>
internal sealed class FakeExecutor : IGraphQLExecutor
{
    public const string Typename = "{ __typename }";
    public const string Broken = "{";
    public const string UnknownField = "{ nope }";
    public const string Mutation = "mutation { __typename }";
    public const string CountTo3 = "subscription { count(to: 3) }";
    public const string Forever = "subscription { forever }";
    public const string Slow = "{ slow }";
    public const string Nulled = "{ nulled }";
    public const string NeedsId = "query ($id: ID!) { __typename }";

    public TimeSpan SlowDelay { get; set; } = TimeSpan.FromSeconds(10);

    public PrepareResult Prepare(GraphQLRequest request) => request.Query switch
    {
        Broken => Fail("Syntax Error: Expected Name, found <EOF>.", new SourceLocation(1, 2)),
        UnknownField => Fail("Cannot query field \"nope\" on type \"Query\".", new SourceLocation(1, 3)),
        Mutation => Ok(OperationType.Mutation),
        CountTo3 or Forever => Ok(OperationType.Subscription),
        _ => Ok(OperationType.Query),
    };

    public async Task<ExecutionResult> ExecuteAsync(IPreparedOperation operation, GraphQLRequest request, object? context, CancellationToken cancellationToken)
    {
        switch (request.Query)
        {
            case Slow:
                await Task.Delay(SlowDelay, cancellationToken);
                return Data("slow", "done");
            case Nulled:
                return new ExecutionResult
                {
                    HasData = true,
                    Data = null,
                    Errors = [new GraphQLError("boom", [new SourceLocation(1, 3)], ["nulled"])],
                };
            case NeedsId when request.Variables?.GetValueOrDefault("id") is null:
                return ExecutionResult.RequestError([new GraphQLError("Variable \"$id\" of non-null type \"ID!\" must not be null.", [new SourceLocation(1, 8)])]);
            default:
                return Data("__typename", operation.OperationType == OperationType.Mutation ? "Mutation" : "Query");
        }
    }

    public async IAsyncEnumerable<ExecutionResult> SubscribeAsync(IPreparedOperation operation, GraphQLRequest request, object? context, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        for (var i = 1; request.Query == Forever || i <= 3; i++)
        {
            cancellationToken.ThrowIfCancellationRequested();
            yield return Data("count", i);
            await Task.Delay(request.Query == Forever ? 50 : 1, cancellationToken);
        }
    }

    private static ExecutionResult Data(string key, object value) =>
        new() { HasData = true, Data = new Dictionary<string, object?> { [key] = value } };

    private static PrepareResult Ok(OperationType type) => new() { Operation = new Prepared(type) };

    private static PrepareResult Fail(string message, SourceLocation location) =>
        new() { Errors = [new GraphQLError(message, [location])] };

    private sealed record Prepared(OperationType OperationType) : IPreparedOperation
    {
        public string? OperationName => null;
    }
}
