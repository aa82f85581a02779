using Governance.GraphQL.Language;

namespace Governance.GraphQL.Validation.Rules;

/// <summary>
/// Variable Uniqueness (#sec-Variable-Uniqueness): an operation defines each variable once.
/// </summary>
internal sealed class VariableUniquenessRule : ValidationRule
{
    public const string Anchor = "sec-Variable-Uniqueness";

    public override void EnterOperation(ValidationContext context, OperationDefinitionNode node)
    {
        if (node.VariableDefinitions.Count < 2)
        {
            return;
        }

        foreach (var group in node.VariableDefinitions.GroupBy(v => v.Variable.Name, StringComparer.Ordinal))
        {
            var locations = group.Select(v => v.Variable.NameLocation.ToSourceLocation()).ToArray();
            if (locations.Length > 1)
            {
                context.ReportError(Anchor, $"There can be only one variable named \"${group.Key}\".", locations);
            }
        }
    }
}
