using Governance.GraphQL.Language;
using Governance.GraphQL.Types;

namespace Governance.GraphQL.Validation.Rules;

/// <summary>
/// Input Object Required Fields (#sec-Input-Object-Required-Fields): an input object literal
/// gives every field of non-null type that has no default.
/// </summary>
internal sealed class InputObjectRequiredFieldsRule : ValidationRule
{
    public const string Anchor = "sec-Input-Object-Required-Fields";

    public override bool EnterValue(ValidationContext context, ValueNode node)
    {
        if (ValueShapes.IsMisplacedComposite(context.TypeInfo, node))
        {
            return false;
        }

        if (node is ObjectValueNode obj && context.TypeInfo.InputType?.GetNamedType() is InputObjectType type)
        {
            foreach (var field in type.Fields)
            {
                if (field.IsRequired() && !obj.Fields.Any(f => f.Name == field.Name))
                {
                    context.ReportError(
                        Anchor,
                        $"Field \"{type.Name}.{field.Name}\" of required type \"{field.Type}\" was not provided.",
                        node);
                }
            }
        }

        return true;
    }
}
