using Governance.GraphQL.Language;

namespace Governance.GraphQL.Validation.Rules;

/// <summary>
/// Argument Names (#sec-Argument-Names): every argument given to a field or directive must be
/// defined by it. Fields that are themselves unknown are left to Field Selections.
/// </summary>
internal sealed class ArgumentNamesRule : ValidationRule
{
    public const string Anchor = "sec-Argument-Names";

    public override void EnterArgument(ValidationContext context, ArgumentNode node)
    {
        // Directive arguments are checked in EnterDirective, whether the directive is known or not.
        var typeInfo = context.TypeInfo;
        if (typeInfo.InDirective || typeInfo.Argument is not null)
        {
            return;
        }

        if (typeInfo.FieldDef is { } fieldDef && typeInfo.ParentType is { } parentType)
        {
            context.ReportError(
                Anchor,
                $"Unknown argument \"{node.Name}\" on field \"{parentType.Name}.{fieldDef.Name}\"." + context.DidYouMean(node.Name, fieldDef.ArgumentsByName.Keys),
                node);
        }
    }

    public override void EnterDirective(ValidationContext context, DirectiveNode node, string location)
    {
        if (context.Schema.GetDirective(node.Name) is not { } directive)
        {
            return;
        }

        foreach (var argument in node.Arguments)
        {
            if (!directive.ArgumentsByName.ContainsKey(argument.Name))
            {
                context.ReportError(
                    Anchor,
                    $"Unknown argument \"{argument.Name}\" on directive \"@{node.Name}\"." + context.DidYouMean(argument.Name, directive.ArgumentsByName.Keys),
                    argument);
            }
        }
    }
}
