using Governance.GraphQL.Language;

namespace Governance.GraphQL.Validation.Rules;

/// <summary>
/// Fragment Spreads Must Not Form Cycles (#sec-Fragment-Spreads-Must-Not-Form-Cycles): a
/// fragment that spreads itself, directly or through others, would expand forever. A depth-first
/// search from each fragment, visiting each once, reports each cycle once with its path.
/// </summary>
internal sealed class FragmentSpreadsMustNotFormCyclesRule : ValidationRule
{
    public const string Anchor = "sec-Fragment-Spreads-Must-Not-Form-Cycles";

    private readonly HashSet<string> _visited = new(StringComparer.Ordinal);
    private readonly List<FragmentSpreadNode> _spreadPath = [];
    private readonly Dictionary<string, int> _spreadPathIndexByName = new(StringComparer.Ordinal);

    public override void EnterFragmentDefinition(ValidationContext context, FragmentDefinitionNode node) =>
        DetectCycles(context, node);

    private void DetectCycles(ValidationContext context, FragmentDefinitionNode fragment)
    {
        if (!_visited.Add(fragment.Name))
        {
            return;
        }

        var spreads = context.GetFragmentSpreads(fragment.SelectionSet);
        if (spreads.Count == 0)
        {
            return;
        }

        _spreadPathIndexByName[fragment.Name] = _spreadPath.Count;
        foreach (var spread in spreads)
        {
            _spreadPath.Add(spread);
            if (!_spreadPathIndexByName.TryGetValue(spread.Name, out var cycleIndex))
            {
                if (context.GetFragment(spread.Name) is { } target)
                {
                    DetectCycles(context, target);
                }
            }
            else
            {
                var cycle = _spreadPath.GetRange(cycleIndex, _spreadPath.Count - cycleIndex);
                var via = string.Join(", ", cycle.Take(cycle.Count - 1).Select(s => $"\"{s.Name}\""));
                context.ReportError(
                    Anchor,
                    $"Cannot spread fragment \"{spread.Name}\" within itself" + (via.Length > 0 ? $" via {via}." : "."),
                    cycle.Cast<SyntaxNode>().ToArray());
            }

            _spreadPath.RemoveAt(_spreadPath.Count - 1);
        }

        _spreadPathIndexByName.Remove(fragment.Name);
    }
}
