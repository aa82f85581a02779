using Governance.GraphQL.Language;

namespace Governance.GraphQL.Validation.Rules;

/// <summary>
/// Input Object Field Uniqueness (#sec-Input-Object-Field-Uniqueness): an input object literal
/// gives each field once; each repeat is reported against the first.
/// </summary>
internal sealed class InputObjectFieldUniquenessRule : ValidationRule
{
    public const string Anchor = "sec-Input-Object-Field-Uniqueness";

    public override bool EnterValue(ValidationContext context, ValueNode node)
    {
        if (node is ObjectValueNode { Fields.Count: > 1 } obj)
        {
            var first = new Dictionary<string, ObjectFieldNode>(StringComparer.Ordinal);
            foreach (var field in obj.Fields)
            {
                if (first.TryGetValue(field.Name, out var known))
                {
                    context.ReportError(Anchor, $"There can be only one input field named \"{field.Name}\".", known, field);
                }
                else
                {
                    first[field.Name] = field;
                }
            }
        }

        return true;
    }
}
