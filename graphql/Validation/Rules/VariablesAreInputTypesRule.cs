using Governance.GraphQL.Language;

namespace Governance.GraphQL.Validation.Rules;

/// <summary>
/// Variables Are Input Types (#sec-Variables-Are-Input-Types): a variable's type is a scalar,
/// enum or input object type (possibly wrapped) that the schema defines; an unknown type is
/// reported at its name, as graphql-js's Known Type Names does.
/// </summary>
internal sealed class VariablesAreInputTypesRule : ValidationRule
{
    public const string Anchor = "sec-Variables-Are-Input-Types";

    public override bool EnterVariableDefinition(ValidationContext context, VariableDefinitionNode node)
    {
        var named = node.Type.NamedType;
        if (context.Schema.GetType(named.Name) is not { } type)
        {
            context.ReportError(
                Anchor,
                $"Unknown type \"{named.Name}\"." + context.DidYouMean(named.Name, context.Schema.Types.Where(t => t.IsInputType && !t.Name.StartsWith("__", StringComparison.Ordinal)).Select(t => t.Name)),
                named);
        }
        else if (!type.IsInputType)
        {
            context.ReportError(
                Anchor,
                $"Variable \"${node.Variable.Name}\" cannot be non-input type \"{Printer.Print(node.Type)}\".",
                node.Type);
        }

        return true;
    }
}
