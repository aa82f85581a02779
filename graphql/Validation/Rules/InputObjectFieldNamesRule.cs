using Governance.GraphQL.Language;
using Governance.GraphQL.Types;

namespace Governance.GraphQL.Validation.Rules;

/// <summary>
/// Input Object Field Names (#sec-Input-Object-Field-Names): every field of an input object
/// literal is defined by the input object type.
/// </summary>
internal sealed class InputObjectFieldNamesRule : ValidationRule
{
    public const string Anchor = "sec-Input-Object-Field-Names";

    public override bool EnterValue(ValidationContext context, ValueNode node) =>
        !ValueShapes.IsMisplacedComposite(context.TypeInfo, node);

    public override void EnterObjectField(ValidationContext context, ObjectFieldNode node)
    {
        if (context.TypeInfo.InputType is null
            && context.TypeInfo.ParentInputType?.GetNamedType() is InputObjectType parentType)
        {
            context.ReportError(
                Anchor,
                $"Field \"{node.Name}\" is not defined by type \"{parentType.Name}\"." + context.DidYouMean(node.Name, parentType.Fields.Select(f => f.Name)),
                node);
        }
    }
}
