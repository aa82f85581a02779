using System.Globalization;
using Governance.GraphQL.Language;
using Governance.GraphQL.Types;

namespace Governance.GraphQL.Execution;

/// <summary>
/// What a field costs, as its SDL declares with the cost directives of IBM's GraphQL Cost
/// Directives specification (HotChocolate's model):
/// <c>@cost(weight: "N")</c> the work of its resolver, counted once per field,
/// and <c>@listSize(assumedSize: N, slicingArguments: ["first", "last"], sizedFields: ["edges", "nodes"])</c>
/// how many items a list holds: the largest slicing argument given (or its default), else the
/// assumed size. With sizedFields, the size belongs to those fields of the returned object (a
/// connection's edges and nodes), not to the field itself. A field without @listSize keeps the
/// engine's older rule: its first or last argument sizes it and the lists under it.
/// </summary>
internal sealed class FieldCost
{
    private static readonly string[] LegacySlicing = ["first", "last"];

    private FieldCost(int weight, int? assumedSize, IReadOnlyList<string> slicingArguments, IReadOnlyList<string>? sizedFields, bool declared)
    {
        Weight = weight;
        AssumedSize = assumedSize;
        SlicingArguments = slicingArguments;
        SizedFields = sizedFields;
        Declared = declared;
    }

    /// <summary>The resolver's own work (@cost), counted once however many items it returns.</summary>
    public int Weight { get; }

    public int? AssumedSize { get; }

    public IReadOnlyList<string> SlicingArguments { get; }

    /// <summary>The fields of the result the slicing size applies to; null: the field itself (or, without @listSize, every list under it).</summary>
    public IReadOnlyList<string>? SizedFields { get; }

    /// <summary>True when the field carries @listSize.</summary>
    public bool Declared { get; }

    public static FieldCost Of(FieldDefinition definition)
    {
        var directives = definition.Syntax?.Directives ?? [];
        var weight = 0;
        int? assumedSize = null;
        IReadOnlyList<string> slicing = LegacySlicing;
        IReadOnlyList<string>? sized = null;
        var declared = false;
        foreach (var directive in directives)
        {
            if (directive.Name == "cost" && Argument(directive, "weight") is StringValueNode { Value: var text }
                && double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var w))
            {
                weight = (int)Math.Clamp(Math.Ceiling(w), 0, int.MaxValue);
            }
            else if (directive.Name == "listSize")
            {
                declared = true;
                slicing = [];
                if (Argument(directive, "assumedSize") is IntValueNode size && int.TryParse(size.Value, CultureInfo.InvariantCulture, out var n))
                {
                    assumedSize = n;
                }

                if (Argument(directive, "slicingArguments") is ListValueNode names)
                {
                    slicing = [.. names.Values.OfType<StringValueNode>().Select(s => s.Value)];
                }

                if (Argument(directive, "sizedFields") is ListValueNode fields)
                {
                    sized = [.. fields.Values.OfType<StringValueNode>().Select(s => s.Value)];
                }
            }
        }

        return new FieldCost(weight, assumedSize, slicing, sized, declared);
    }

    private static ValueNode? Argument(DirectiveNode directive, string name) =>
        directive.Arguments.FirstOrDefault(a => a.Name == name)?.Value;
}
