using System.Text;
using Governance.GraphQL.Types;

namespace Governance.Api.Tests.Schema;

/// <summary>
/// Random query selections from a schema: a root field with arguments it can do without (or a
/// page size), and below it a random subset of fields to a random depth, lists included.
/// </summary>
internal sealed class SchemaDocuments(Governance.GraphQL.Types.Schema schema, Random random)
{
    private static readonly int[] PageSizes = [1, 10, 50];

    public string QuerySelection()
    {
        var query = schema.QueryType;
        var candidates = query.Fields.Where(f => !f.Name.StartsWith("__", StringComparison.Ordinal) && Usable(f)).ToList();
        var field = candidates[random.Next(candidates.Count)];
        var text = new StringBuilder();
        Field(text, field, depth: 0);
        return text.ToString();
    }

    private static bool Usable(FieldDefinition field) =>
        field.Arguments.All(a => a.Type is not NonNullType || a.HasDefaultValue);

    private void Field(StringBuilder text, FieldDefinition field, int depth)
    {
        text.Append(field.Name);
        var page = field.Arguments.FirstOrDefault(a => a.Name == "first");
        if (page is not null && random.Next(3) > 0)
        {
            text.Append("(first: ").Append(PageSizes[random.Next(PageSizes.Length)]).Append(')');
        }

        if (field.Type.GetNamedType() is not (ObjectType or InterfaceType))
        {
            return;
        }

        var type = field.Type.GetNamedType();
        var fields = type is FieldsType composite ? composite.Fields : [];
        var usable = fields.Where(f => !f.Name.StartsWith("__", StringComparison.Ordinal) && Usable(f)).ToList();
        var leaves = usable.Where(f => f.Type.GetNamedType() is ScalarType or EnumType).ToList();
        var branches = usable.Except(leaves).ToList();
        text.Append(" { __typename");
        foreach (var leaf in leaves.Where(_ => random.Next(2) == 0))
        {
            text.Append(' ').Append(leaf.Name);
        }

        if (depth < 4)
        {
            foreach (var branch in branches.Where(_ => random.Next(3) == 0))
            {
                text.Append(' ');
                Field(text, branch, depth + 1);
            }
        }

        text.Append(" }");
    }
}
