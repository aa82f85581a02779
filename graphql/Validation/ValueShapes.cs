using Governance.GraphQL.Language;
using Governance.GraphQL.Types;

namespace Governance.GraphQL.Validation;

/// <summary>What the value rules share: when a literal's shape already fails its position.</summary>
internal static class ValueShapes
{
    /// <summary>
    /// A list where no list is expected, or an object where no input object is expected: Values
    /// of Correct Type reports the whole literal once, and no value rule looks inside it.
    /// </summary>
    public static bool IsMisplacedComposite(TypeInfo typeInfo, ValueNode node) => node switch
    {
        // On entering a list TypeInfo already expects its items; the list's own type is the parent.
        ListValueNode => typeInfo.ParentInputType?.Nullable is not ListType,
        ObjectValueNode => typeInfo.InputType?.GetNamedType() is not InputObjectType,
        _ => false,
    };
}
