using Governance.GraphQL.Language;

namespace Governance.GraphQL.Validation.Rules;

/// <summary>
/// Not a rule of §5 but a limit built in, as graphql-js 16 has it (MaxIntrospectionDepthRule):
/// under <c>__schema</c> or <c>__type</c>, the lists <c>fields</c>, <c>interfaces</c>,
/// <c>possibleTypes</c> and <c>inputFields</c> may nest at most twice, fragments followed, so a
/// small document cannot ask for an introspection answer of exponential size. The executor's
/// own, stricter introspection limits (ExecutorOptions) apply after validation.
/// </summary>
internal sealed class IntrospectionDepthRule : ValidationRule
{
    public const string Anchor = "sec-Schema-Introspection";

    private const int MaxListDepth = 3;

    private readonly Dictionary<string, int> _checkedFragments = new(StringComparer.Ordinal);
    private readonly Dictionary<string, int> _exceededFragments = new(StringComparer.Ordinal);
    private FieldNode? _reported;

    public override void EnterField(ValidationContext context, FieldNode node)
    {
        // Inside a reported field, nested introspection is not reported again.
        if (_reported is not null || node.Name is not ("__schema" or "__type"))
        {
            return;
        }

        if (Exceeds(context, node, new Dictionary<string, int>(StringComparer.Ordinal), 0))
        {
            _reported = node;
            context.ReportError(Anchor, "Maximum introspection depth exceeded.", node);
        }
    }

    public override void LeaveField(ValidationContext context, FieldNode node)
    {
        if (ReferenceEquals(node, _reported))
        {
            _reported = null;
        }
    }

    private bool Exceeds(ValidationContext context, SelectionNode node, Dictionary<string, int> visitedFragments, int depth)
    {
        switch (node)
        {
            case FragmentSpreadNode spread:
                {
                    // A fragment that exceeded, or was checked, from this depth or shallower gives the same answer again.
                    if (_exceededFragments.TryGetValue(spread.Name, out var exceededAt) && exceededAt <= depth)
                    {
                        return true;
                    }

                    if ((visitedFragments.TryGetValue(spread.Name, out var visitedAt) && visitedAt >= depth)
                        || (_checkedFragments.TryGetValue(spread.Name, out var checkedAt) && checkedAt >= depth)
                        || context.GetFragment(spread.Name) is not { } fragment)
                    {
                        return false;
                    }

                    visitedFragments[spread.Name] = depth;
                    if (ExceedsIn(context, fragment.SelectionSet, visitedFragments, depth))
                    {
                        _exceededFragments[spread.Name] = depth;
                        return true;
                    }

                    _checkedFragments[spread.Name] = depth;
                    return false;
                }

            case FieldNode field:
                if (field.Name is "fields" or "interfaces" or "possibleTypes" or "inputFields" && ++depth >= MaxListDepth)
                {
                    return true;
                }

                return field.SelectionSet is { } selectionSet && ExceedsIn(context, selectionSet, visitedFragments, depth);
            case InlineFragmentNode inline:
                return ExceedsIn(context, inline.SelectionSet, visitedFragments, depth);
            default:
                return false;
        }
    }

    private bool ExceedsIn(ValidationContext context, SelectionSetNode selectionSet, Dictionary<string, int> visitedFragments, int depth)
    {
        foreach (var selection in selectionSet.Selections)
        {
            if (Exceeds(context, selection, visitedFragments, depth))
            {
                return true;
            }
        }

        return false;
    }
}
