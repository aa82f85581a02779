using Governance.GraphQL.Language;
using Governance.GraphQL.Types;

namespace Governance.GraphQL.Validation.Rules;

/// <summary>
/// Required Arguments (#sec-Required-Arguments): an argument of non-null type without a
/// default must be given. (A given null is Values of Correct Type's to report.)
/// </summary>
internal sealed class RequiredArgumentsRule : ValidationRule
{
    public const string Anchor = "sec-Required-Arguments";

    public override void EnterField(ValidationContext context, FieldNode node)
    {
        if (context.TypeInfo.FieldDef is not { } fieldDef)
        {
            return;
        }

        foreach (var missing in Missing(fieldDef.Arguments, node.Arguments))
        {
            context.ReportError(
                Anchor,
                $"Field \"{fieldDef.Name}\" argument \"{missing.Name}\" of type \"{missing.Type}\" is required, but it was not provided.",
                node);
        }
    }

    public override void EnterDirective(ValidationContext context, DirectiveNode node, string location)
    {
        if (context.Schema.GetDirective(node.Name) is not { } directive)
        {
            return;
        }

        foreach (var missing in Missing(directive.Arguments, node.Arguments))
        {
            context.ReportError(
                Anchor,
                $"Directive \"@{node.Name}\" argument \"{missing.Name}\" of type \"{missing.Type}\" is required, but it was not provided.",
                node);
        }
    }

    private static IEnumerable<InputValueDefinition> Missing(IReadOnlyList<InputValueDefinition> definitions, IReadOnlyList<ArgumentNode> given) =>
        definitions.Where(d => d.IsRequired() && !given.Any(a => a.Name == d.Name));
}
