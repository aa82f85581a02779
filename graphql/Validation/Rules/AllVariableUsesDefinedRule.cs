using Governance.GraphQL.Language;

namespace Governance.GraphQL.Validation.Rules;

/// <summary>
/// All Variable Uses Defined (#sec-All-Variable-Uses-Defined): every variable an operation
/// uses, in its own selections or in the fragments it reaches, is defined by that operation.
/// </summary>
internal sealed class AllVariableUsesDefinedRule : ValidationRule
{
    public const string Anchor = "sec-All-Variable-Uses-Defined";

    public override void LeaveOperation(ValidationContext context, OperationDefinitionNode node)
    {
        var defined = node.VariableDefinitions.Select(v => v.Variable.Name).ToHashSet(StringComparer.Ordinal);
        foreach (var usage in context.GetRecursiveVariableUsages(node))
        {
            if (!defined.Contains(usage.Node.Name))
            {
                context.ReportError(
                    Anchor,
                    node.Name is { } name
                        ? $"Variable \"${usage.Node.Name}\" is not defined by operation \"{name}\"."
                        : $"Variable \"${usage.Node.Name}\" is not defined.",
                    usage.Node,
                    node);
            }
        }
    }
}
