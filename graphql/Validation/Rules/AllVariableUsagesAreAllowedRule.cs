using Governance.GraphQL.Language;
using Governance.GraphQL.Types;

namespace Governance.GraphQL.Validation.Rules;

/// <summary>
/// All Variable Usages Are Allowed (#sec-All-Variable-Usages-Are-Allowed): a variable's type
/// must fit every position it is used in (IsVariableUsageAllowed). A nullable variable may fill
/// a non-null position only if the variable or the position has a non-null default; the field
/// of a OneOf input object counts as a non-null position (IsNonNullPosition). graphql-js 16
/// misses that last case when the OneOf argument itself is non-null; we follow the spec.
/// </summary>
internal sealed class AllVariableUsagesAreAllowedRule : ValidationRule
{
    public const string Anchor = "sec-All-Variable-Usages-Are-Allowed";

    public override void LeaveOperation(ValidationContext context, OperationDefinitionNode node)
    {
        var definitions = new Dictionary<string, VariableDefinitionNode>(StringComparer.Ordinal);
        foreach (var definition in node.VariableDefinitions)
        {
            definitions[definition.Variable.Name] = definition;
        }

        foreach (var usage in context.GetRecursiveVariableUsages(node))
        {
            if (usage.Type is not { } locationType
                || !definitions.TryGetValue(usage.Node.Name, out var definition)
                || context.Schema.TypeFromAst(definition.Type) is not { } variableType)
            {
                continue;
            }

            // IsVariableUsageAllowed at the position's own type...
            var hasNonNullVariableDefault = definition.DefaultValue is not null and not NullValueNode;
            if (!IsAllowed(context.Schema, variableType, hasNonNullVariableDefault, locationType, usage.HasLocationDefault))
            {
                context.ReportError(
                    Anchor,
                    $"Variable \"${usage.Node.Name}\" of type \"{variableType}\" used in position expecting type \"{locationType}\".",
                    definition,
                    usage.Node);
            }

            // ...and IsNonNullPosition: a OneOf field takes no null, so a nullable variable needs
            // a non-null default. Reported on its own, as graphql-js does, for a clearer message.
            if (usage.OneOfParent is { } oneOf && !variableType.IsNonNull && !hasNonNullVariableDefault && !usage.HasLocationDefault)
            {
                context.ReportError(
                    Anchor,
                    $"Variable \"${usage.Node.Name}\" is of type \"{variableType}\" but must be non-nullable to be used for OneOf Input Object \"{oneOf.Name}\".",
                    definition,
                    usage.Node);
            }
        }
    }

    private static bool IsAllowed(Schema schema, GraphQLType variableType, bool hasNonNullVariableDefault, GraphQLType locationType, bool hasLocationDefault)
    {
        if (locationType is NonNullType nonNullLocation && !variableType.IsNonNull)
        {
            return (hasNonNullVariableDefault || hasLocationDefault)
                && schema.IsTypeSubTypeOf(variableType, nonNullLocation.OfType);
        }

        return schema.IsTypeSubTypeOf(variableType, locationType);
    }
}
