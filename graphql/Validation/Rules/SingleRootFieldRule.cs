using Governance.GraphQL.Execution;
using Governance.GraphQL.Language;
using Governance.GraphQL.Types;

namespace Governance.GraphQL.Validation.Rules;

/// <summary>
/// Single Root Field (#sec-Single-Root-Field): a subscription selects exactly one root field,
/// after fragments are expanded (CollectFields), and that field is not an introspection field;
/// the one field is the event stream.
/// </summary>
internal sealed class SingleRootFieldRule : ValidationRule
{
    public const string Anchor = "sec-Single-Root-Field";

    public override void EnterOperation(ValidationContext context, OperationDefinitionNode node)
    {
        if (node.Operation != OperationType.Subscription || context.Schema.SubscriptionType is not { } rootType)
        {
            return;
        }

        var fields = new Dictionary<string, List<FieldNode>>(StringComparer.Ordinal);
        CollectFields(context, rootType, node.SelectionSet, fields, new HashSet<string>(StringComparer.Ordinal));
        var subject = node.Name is { } name ? $"Subscription \"{name}\"" : "Anonymous Subscription";
        if (fields.Count > 1)
        {
            var extra = fields.Values.Skip(1).SelectMany(f => f).Cast<SyntaxNode>().ToArray();
            context.ReportError(Anchor, $"{subject} must select only one top level field.", extra);
        }

        foreach (var fieldNodes in fields.Values)
        {
            if (fieldNodes[0].Name.StartsWith("__", StringComparison.Ordinal))
            {
                context.ReportError(
                    Anchor,
                    $"{subject} must not select an introspection top level field.",
                    fieldNodes.Cast<SyntaxNode>().ToArray());
            }
        }
    }

    /// <summary>
    /// CollectFields with no variable values: a literal @skip(if: true) or @include(if: false)
    /// drops a selection; one that depends on a variable is kept, since it may be included.
    /// </summary>
    private static void CollectFields(
        ValidationContext context,
        ObjectType rootType,
        SelectionSetNode selectionSet,
        Dictionary<string, List<FieldNode>> fields,
        HashSet<string> visitedFragments)
    {
        foreach (var selection in selectionSet.Selections)
        {
            if (IsExcluded(selection.Directives))
            {
                continue;
            }

            switch (selection)
            {
                case FieldNode field:
                    if (!fields.TryGetValue(field.ResponseKey, out var list))
                    {
                        fields[field.ResponseKey] = list = [];
                    }

                    list.Add(field);
                    break;
                case InlineFragmentNode inline:
                    if (Applies(context, inline.TypeCondition, rootType))
                    {
                        CollectFields(context, rootType, inline.SelectionSet, fields, visitedFragments);
                    }

                    break;
                case FragmentSpreadNode spread:
                    if (visitedFragments.Add(spread.Name)
                        && context.GetFragment(spread.Name) is { } fragment
                        && Applies(context, fragment.TypeCondition, rootType))
                    {
                        CollectFields(context, rootType, fragment.SelectionSet, fields, visitedFragments);
                    }

                    break;
            }
        }
    }

    private static bool Applies(ValidationContext context, NamedTypeNode? typeCondition, ObjectType objectType)
    {
        if (typeCondition is null)
        {
            return true;
        }

        var conditionType = context.Schema.GetType(typeCondition.Name);
        return conditionType is not null
            && context.Schema.IsPossibleType(conditionType, objectType);
    }

    private static bool IsExcluded(IReadOnlyList<DirectiveNode> directives)
    {
        foreach (var directive in directives)
        {
            var condition = directive.Arguments.FirstOrDefault(a => a.Name == "if")?.Value as BooleanValueNode;
            if ((directive.Name == "skip" && condition?.Value == true) || (directive.Name == "include" && condition?.Value == false))
            {
                return true;
            }
        }

        return false;
    }
}
