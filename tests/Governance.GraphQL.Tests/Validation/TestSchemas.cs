using Governance.GraphQL.Language;
using Governance.GraphQL.Types;

namespace Governance.GraphQL.Tests.Validation;

/// <summary>
/// Builds a <see cref="Schema"/> from SDL alone, for tests that only validate: every object
/// type reads dictionaries, each subscription field gets an empty stream, and each custom
/// scalar accepts any literal (as graphql-js's buildSchema does).
/// </summary>
internal static class TestSchemas
{
    public static Schema FromSdl(string sdl)
    {
        var document = Parser.Parse(sdl);
        var builder = new SchemaBuilder().AddTypeDefinitions(sdl);
        foreach (var scalar in document.Definitions.OfType<ScalarTypeDefinitionNode>().Select(s => s.Name).Distinct())
        {
            builder.AddScalar(new DelegateScalarType(scalar, value => value, value => value, literal => literal));
        }

        var subscriptionTypeName = document.Definitions.OfType<SchemaDefinitionNode>()
            .SelectMany(s => s.OperationTypes)
            .FirstOrDefault(o => o.Operation == Governance.GraphQL.Execution.OperationType.Subscription)?.Type.Name ?? "Subscription";
        foreach (var type in document.Definitions.OfType<ObjectTypeDefinitionNode>())
        {
            builder.BindDictionary(type.Name);
            if (type.Name == subscriptionTypeName)
            {
                foreach (var field in type.Fields)
                {
                    builder.Subscribe(type.Name + "." + field.Name, _ => Empty());
                }
            }
        }

        return builder.Build();
    }

    private static async IAsyncEnumerable<object?> Empty()
    {
        await Task.CompletedTask;
        yield break;
    }
}
