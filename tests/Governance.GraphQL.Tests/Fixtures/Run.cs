using System.Text.Json;
using Governance.GraphQL.Execution;

namespace Governance.GraphQL.Tests.Fixtures;

/// <summary>Runs a request the way a transport does and shows the result as JSON.</summary>
public static class Run
{
    public static async Task<ExecutionResult> Result(IGraphQLExecutor executor, string query, IReadOnlyDictionary<string, object?>? variables = null, string? operationName = null, CancellationToken cancellationToken = default)
    {
        var request = new GraphQLRequest(query, operationName, variables);
        var prepared = executor.Prepare(request);
        if (!prepared.Succeeded)
        {
            return ExecutionResult.RequestError(prepared.Errors);
        }

        return await executor.ExecuteAsync(prepared.Operation!, request, context: null, cancellationToken);
    }

    public static async Task<string> Json(IGraphQLExecutor executor, string query, IReadOnlyDictionary<string, object?>? variables = null, string? operationName = null) =>
        ToJson(await Result(executor, query, variables, operationName));

    /// <summary>The response as GraphQL over HTTP would write it: data first, then errors, in selection order.</summary>
    public static string ToJson(ExecutionResult result)
    {
        var response = new Dictionary<string, object?>();
        if (result.HasData)
        {
            response["data"] = result.Data;
        }

        if (result.Errors.Count > 0)
        {
            response["errors"] = result.Errors.Select(e =>
            {
                var error = new Dictionary<string, object?> { ["message"] = e.Message };
                if (e.Locations is not null)
                {
                    error["locations"] = e.Locations.Select(l => new { line = l.Line, column = l.Column });
                }

                if (e.Path is not null)
                {
                    error["path"] = e.Path;
                }

                if (e.Extensions is not null)
                {
                    error["extensions"] = e.Extensions;
                }

                return error;
            });
        }

        return JsonSerializer.Serialize(response);
    }

    /// <summary>Single quotes instead of escaped double quotes keep expected JSON readable in tests.</summary>
    public static string Q(string json) => json.Replace('\'', '"');
}
