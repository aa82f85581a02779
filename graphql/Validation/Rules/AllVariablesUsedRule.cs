using Governance.GraphQL.Language;

namespace Governance.GraphQL.Validation.Rules;

/// <summary>
/// All Variables Used (#sec-All-Variables-Used): every variable an operation defines is used by
/// it or by a fragment it reaches; an unused one is likely a mistake.
/// </summary>
internal sealed class AllVariablesUsedRule : ValidationRule
{
    public const string Anchor = "sec-All-Variables-Used";

    public override void LeaveOperation(ValidationContext context, OperationDefinitionNode node)
    {
        if (node.VariableDefinitions.Count == 0)
        {
            return;
        }

        var used = context.GetRecursiveVariableUsages(node).Select(u => u.Node.Name).ToHashSet(StringComparer.Ordinal);
        foreach (var definition in node.VariableDefinitions)
        {
            if (!used.Contains(definition.Variable.Name))
            {
                context.ReportError(
                    Anchor,
                    node.Name is { } name
                        ? $"Variable \"${definition.Variable.Name}\" is never used in operation \"{name}\"."
                        : $"Variable \"${definition.Variable.Name}\" is never used.",
                    definition);
            }
        }
    }
}
