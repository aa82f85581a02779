using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using Governance.GraphQL.Execution;
using Governance.GraphQL.Language;
using Governance.GraphQL.Types;

namespace Governance.GraphQL.Tests.Differential;

/// <summary>
/// Our engine set up as graphql-js is in run-reference.js: the suite's SDL, every object type
/// read from dictionaries by field name (graphql-js's default field resolver), abstract types
/// resolved by the "__typename" key (its default type resolver), DateTime passed through as
/// graphql-js's buildSchema does for a custom scalar, and data.json as the root value.
/// Execution limits that graphql-js does not have (cost, depth, introspection depth) are lifted for the comparison.
/// </summary>
internal static class DifferentialEngine
{
    private static readonly Lazy<GraphQLExecutor> LazyExecutor = new(Build);

    public static GraphQLExecutor Executor => LazyExecutor.Value;

    private static GraphQLExecutor Build()
    {
        var sdl = DifferentialSuite.SchemaSdl;
        var objectTypes = Parser.Parse(sdl).Definitions.OfType<ObjectTypeDefinitionNode>().Select(t => t.Name).ToList();
        var builder = new SchemaBuilder()
            .AddTypeDefinitions(sdl)
            .AddScalar(new DelegateScalarType("DateTime", value => value, value => value, literal => literal));
        foreach (var name in objectTypes)
        {
            builder.BindDictionary(name);
        }

        // Subscriptions are only validated in the suite, but the schema needs a source stream per field.
        foreach (var field in new[] { "personCreated", "roleChanged", "tick" })
        {
            builder.Subscribe("Subscription." + field, _ => EmptyStream());
        }

        var options = new ExecutorOptions
        {
            MaxCost = int.MaxValue,
            MaxExecutionDepth = 1_000,
            MaxIntrospectionListDepth = 1_000,
            MaxIntrospectionOfTypeDepth = 1_000,
            MaxValidationErrors = 100,
        };
        return new GraphQLExecutor(builder.Build(), options) { RootValue = FromJson(JsonNode.Parse(DifferentialSuite.DataJson)) };
    }

    private static async IAsyncEnumerable<object?> EmptyStream()
    {
        await Task.CompletedTask;
        yield break;
    }

    /// <summary>JSON as the engine's resolvers see values: dictionaries, lists, long, double, string, bool, null.</summary>
    public static object? FromJson(JsonNode? node) => node switch
    {
        null => null,
        JsonObject obj => obj.ToDictionary(p => p.Key, p => FromJson(p.Value)) as IReadOnlyDictionary<string, object?>,
        JsonArray array => array.Select(FromJson).ToList(),
        JsonValue value => FromElement(value.GetValue<JsonElement>()),
        _ => null,
    };

    private static object? FromElement(JsonElement element) => element.ValueKind switch
    {
        JsonValueKind.String => element.GetString(),
        JsonValueKind.True => true,
        JsonValueKind.False => false,
        JsonValueKind.Number => element.TryGetInt64(out var l) ? (object)l : element.GetDouble(),
        _ => null,
    };

    /// <summary>A response value (or the reference's JSON) as canonical text: keys in order, numbers by value.</summary>
    public static string Canonical(object? value)
    {
        var builder = new System.Text.StringBuilder();
        Write(value);
        return builder.ToString();

        void Write(object? v)
        {
            switch (v)
            {
                case null:
                    builder.Append("null");
                    break;
                case JsonNode node:
                    Write(FromJson(node));
                    break;
                case string s:
                    builder.Append(JsonSerializer.Serialize(s));
                    break;
                case bool b:
                    builder.Append(b ? "true" : "false");
                    break;
                case IReadOnlyDictionary<string, object?> map:
                    builder.Append('{');
                    foreach (var (key, item) in map)
                    {
                        builder.Append(JsonSerializer.Serialize(key)).Append(':');
                        Write(item);
                        builder.Append(',');
                    }

                    builder.Append('}');
                    break;
                case System.Collections.IEnumerable list:
                    builder.Append('[');
                    foreach (var item in list)
                    {
                        Write(item);
                        builder.Append(',');
                    }

                    builder.Append(']');
                    break;
                default:
                    builder.Append(Convert.ToDouble(v, CultureInfo.InvariantCulture).ToString("R", CultureInfo.InvariantCulture));
                    break;
            }
        }
    }
}
