using System.Text;
using Governance.GraphQL.Language;
using Governance.GraphQL.Types;

namespace Governance.GraphQL.Validation.Rules;

/// <summary>
/// Field Selection Merging (#sec-Field-Selection-Merging): fields that share a response name
/// must merge into one: the same field with the same arguments, unless their parents are
/// different object types (then they only need the same response shape), and recursively so
/// for their sub-selections.
/// <para>
/// The spec's FieldsInSetCanMerge compares every pair, which is quadratic and re-expands
/// fragments at every use. This is graphql-js 16's algorithm: fields are collected once per
/// (parent type, selection set) and cached; fragments are compared as units, each pair of
/// fragments once (per exclusivity), each fragment against a field set once; argument lists
/// are stringified once. A work budget turns a pathological document into one error.
/// </para>
/// </summary>
internal sealed class FieldSelectionMergingRule : ValidationRule
{
    public const string Anchor = "sec-Field-Selection-Merging";

    private const int MaxConflictDetailLength = 1000;
    private const int MaxConflictNodes = 20;

    private readonly PairSet _comparedFragmentPairs = new();
    private readonly Dictionary<(NamedType?, SelectionSetNode), FieldsAndFragments> _collected = [];
    private readonly Dictionary<ValueNode, string> _stringifiedValues = new(ReferenceEqualityComparer.Instance);
    private ValidationContext _context = null!;
    private long _budget;
    private bool _gaveUp;

    public override void EnterDocument(ValidationContext context, DocumentNode node)
    {
        _context = context;
        _budget = context.Options.MaxFieldComparisons;
    }

    public override void EnterSelectionSet(ValidationContext context, SelectionSetNode node, SyntaxNode parent)
    {
        // An inline fragment's fields were collected with the selection set around it; a lone
        // field or spread has nothing to merge with here (its insides are checked on their own).
        if (_gaveUp || parent is InlineFragmentNode || (node.Selections.Count <= 1 && (node.Selections.Count == 0 || node.Selections[0] is not InlineFragmentNode)))
        {
            return;
        }

        List<Conflict> conflicts;
        try
        {
            conflicts = FindConflictsWithinSelectionSet(context.TypeInfo.ParentType, node);
        }
        catch (BudgetExceededException)
        {
            _gaveUp = true;
            context.ReportError(Anchor, "The document's fields are too many or too repetitive to check that they merge; simplify it.", node);
            return;
        }

        foreach (var conflict in conflicts)
        {
            context.ReportError(
                Anchor,
                $"Fields \"{Abbreviate(conflict.ResponseName)}\" conflict because {conflict.Reason}. Use different aliases on the fields to fetch both if this was intentional.",
                conflict.Fields1.Concat(conflict.Fields2).Cast<SyntaxNode>().ToArray());
        }
    }

    private List<Conflict> FindConflictsWithinSelectionSet(NamedType? parentType, SelectionSetNode selectionSet)
    {
        var conflicts = new List<Conflict>();
        var collected = CollectFields(parentType, selectionSet);

        // (A) Conflicts among the fields of this selection set itself.
        CollectConflictsWithin(conflicts, collected);

        // (B) Fragments compared with the fields and (C) with each other, only when there is something to compare.
        if (collected.FragmentNames.Count != 0 && (collected.Fields.Count != 0 || collected.FragmentNames.Count > 1))
        {
            for (var i = 0; i < collected.FragmentNames.Count; i++)
            {
                CollectConflictsBetweenFieldsAndFragment(conflicts, false, collected, collected.FragmentNames[i]);
                for (var j = i + 1; j < collected.FragmentNames.Count; j++)
                {
                    CollectConflictsBetweenFragments(conflicts, false, collected.FragmentNames[i], collected.FragmentNames[j]);
                }
            }
        }

        return conflicts;
    }

    private void CollectConflictsBetweenFieldsAndFragment(List<Conflict> conflicts, bool areMutuallyExclusive, FieldsAndFragments collected, string fragmentName)
    {
        Spend(1);
        if (collected.Fields.Count == 0)
        {
            return;
        }

        // A non-exclusive comparison covers an exclusive one; either is done once per fragment.
        collected.ComparedFragments ??= new Dictionary<string, bool>(StringComparer.Ordinal);
        if (collected.ComparedFragments.TryGetValue(fragmentName, out var comparedExclusive) && (!comparedExclusive || areMutuallyExclusive))
        {
            return;
        }

        collected.ComparedFragments[fragmentName] = areMutuallyExclusive;
        if (_context.GetFragment(fragmentName) is not { } fragment)
        {
            return;
        }

        var collected2 = CollectFragmentFields(fragment);
        if (ReferenceEquals(collected, collected2))
        {
            return;
        }

        // (D) The fields against the fragment's fields, (E) then against the fragments it spreads.
        CollectConflictsBetween(conflicts, areMutuallyExclusive, collected, collected2);
        foreach (var referenced in collected2.FragmentNames)
        {
            CollectConflictsBetweenFieldsAndFragment(conflicts, areMutuallyExclusive, collected, referenced);
        }
    }

    private void CollectConflictsBetweenFragments(List<Conflict> conflicts, bool areMutuallyExclusive, string fragmentName1, string fragmentName2)
    {
        Spend(2);
        if (fragmentName1 == fragmentName2 || _comparedFragmentPairs.Has(fragmentName1, fragmentName2, areMutuallyExclusive))
        {
            return;
        }

        _comparedFragmentPairs.Add(fragmentName1, fragmentName2, areMutuallyExclusive);
        if (_context.GetFragment(fragmentName1) is not { } fragment1 || _context.GetFragment(fragmentName2) is not { } fragment2)
        {
            return;
        }

        var collected1 = CollectFragmentFields(fragment1);
        var collected2 = CollectFragmentFields(fragment2);

        // (F) The two fragments' fields, (G) then each against the fragments the other spreads.
        CollectConflictsBetween(conflicts, areMutuallyExclusive, collected1, collected2);
        foreach (var referenced2 in collected2.FragmentNames)
        {
            CollectConflictsBetweenFragments(conflicts, areMutuallyExclusive, fragmentName1, referenced2);
        }

        foreach (var referenced1 in collected1.FragmentNames)
        {
            CollectConflictsBetweenFragments(conflicts, areMutuallyExclusive, referenced1, fragmentName2);
        }
    }

    private List<Conflict> FindConflictsBetweenSubSelectionSets(
        bool areMutuallyExclusive,
        NamedType? parentType1,
        SelectionSetNode selectionSet1,
        NamedType? parentType2,
        SelectionSetNode selectionSet2)
    {
        var conflicts = new List<Conflict>();
        var collected1 = CollectFields(parentType1, selectionSet1);
        var collected2 = CollectFields(parentType2, selectionSet2);

        // (H) Field against field, (I) fields against the other side's fragments, (J) fragment against fragment.
        CollectConflictsBetween(conflicts, areMutuallyExclusive, collected1, collected2);
        foreach (var fragmentName2 in collected2.FragmentNames)
        {
            CollectConflictsBetweenFieldsAndFragment(conflicts, areMutuallyExclusive, collected1, fragmentName2);
        }

        foreach (var fragmentName1 in collected1.FragmentNames)
        {
            CollectConflictsBetweenFieldsAndFragment(conflicts, areMutuallyExclusive, collected2, fragmentName1);
        }

        foreach (var fragmentName1 in collected1.FragmentNames)
        {
            foreach (var fragmentName2 in collected2.FragmentNames)
            {
                CollectConflictsBetweenFragments(conflicts, areMutuallyExclusive, fragmentName1, fragmentName2);
            }
        }

        return conflicts;
    }

    private void CollectConflictsWithin(List<Conflict> conflicts, FieldsAndFragments collected)
    {
        foreach (var (responseName, fields) in collected.Fields)
        {
            for (var i = 0; i < fields.Count; i++)
            {
                for (var j = i + 1; j < fields.Count; j++)
                {
                    if (FindConflict(false, responseName, fields[i], fields[j]) is { } conflict)
                    {
                        conflicts.Add(conflict);
                    }
                }
            }
        }
    }

    private void CollectConflictsBetween(List<Conflict> conflicts, bool parentFieldsAreMutuallyExclusive, FieldsAndFragments collected1, FieldsAndFragments collected2)
    {
        if (collected1.Fields.Count == 0 || collected2.Fields.Count == 0)
        {
            return;
        }

        foreach (var (responseName, fields1, fields2) in GetOverlappingFields(collected1, collected2))
        {
            foreach (var field1 in fields1)
            {
                foreach (var field2 in fields2)
                {
                    if (FindConflict(parentFieldsAreMutuallyExclusive, responseName, field1, field2) is { } conflict)
                    {
                        conflicts.Add(conflict);
                    }
                }
            }
        }
    }

    private List<(string ResponseName, List<FieldDetails> Fields1, List<FieldDetails> Fields2)> GetOverlappingFields(FieldsAndFragments collected1, FieldsAndFragments collected2)
    {
        collected1.OverlapsWith ??= new Dictionary<FieldsAndFragments, List<(string, List<FieldDetails>, List<FieldDetails>)>>(ReferenceEqualityComparer.Instance);
        if (collected1.OverlapsWith.TryGetValue(collected2, out var cached))
        {
            return cached;
        }

        var overlapping = new List<(string, List<FieldDetails>, List<FieldDetails>)>();
        foreach (var (responseName, fields1) in collected1.Fields)
        {
            Spend(1);
            if (collected2.Fields.TryGetValue(responseName, out var fields2))
            {
                overlapping.Add((responseName, fields1, fields2));
            }
        }

        collected1.OverlapsWith[collected2] = overlapping;
        return overlapping;
    }

    /// <summary>Whether two fields of one response name conflict, their sub-selections included.</summary>
    private Conflict? FindConflict(bool parentFieldsAreMutuallyExclusive, string responseName, FieldDetails field1, FieldDetails field2)
    {
        // Fields on two different object types can never both apply: only their shapes must agree.
        var areMutuallyExclusive = parentFieldsAreMutuallyExclusive
            || (!ReferenceEquals(field1.ParentType, field2.ParentType)
                && field1.ParentType is ObjectType
                && field2.ParentType is ObjectType);
        Spend(2);

        var node1 = field1.Node;
        var node2 = field2.Node;
        var type1 = field1.Definition?.Type;
        var type2 = field2.Definition?.Type;
        if (field1.IsSimpleLeaf && field2.IsSimpleLeaf && SchemaFacts.TypesEqual(type1, type2) && node1.Name == node2.Name)
        {
            return null;
        }

        if (!areMutuallyExclusive)
        {
            var info1 = field1.Info;
            var info2 = field2.Info;
            if (!info1.Comparisons.TryGetValue(info2, out var reason))
            {
                reason = node1.Name != node2.Name
                    ? $"\"{Abbreviate(node1.Name)}\" and \"{Abbreviate(node2.Name)}\" are different fields"
                    : SameArguments(node1.Arguments, node2.Arguments) ? null : "they have differing arguments";
                info1.Comparisons[info2] = reason;
            }

            if (reason is not null)
            {
                return new Conflict(responseName, reason, [node1], [node2]);
            }
        }

        if (type1 is not null && type2 is not null && DoTypesConflict(type1, type2))
        {
            return new Conflict(responseName, $"they return conflicting types \"{type1}\" and \"{type2}\"", [node1], [node2]);
        }

        if (node1.SelectionSet is { } selectionSet1 && node2.SelectionSet is { } selectionSet2)
        {
            var conflicts = FindConflictsBetweenSubSelectionSets(
                areMutuallyExclusive,
                type1?.GetNamedType(),
                selectionSet1,
                type2?.GetNamedType(),
                selectionSet2);
            return SubfieldConflicts(conflicts, responseName, node1, node2);
        }

        return null;
    }

    private bool SameArguments(IReadOnlyList<ArgumentNode> arguments1, IReadOnlyList<ArgumentNode> arguments2)
    {
        if (arguments1.Count != arguments2.Count)
        {
            return false;
        }

        foreach (var argument1 in arguments1)
        {
            Spend(1);
            var argument2 = arguments2.FirstOrDefault(a => a.Name == argument1.Name);
            if (argument2 is null || Stringify(argument1.Value) != Stringify(argument2.Value))
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>A value's canonical text: input object fields sorted by name, so field order does not matter.</summary>
    private string Stringify(ValueNode value)
    {
        if (_stringifiedValues.TryGetValue(value, out var text))
        {
            return text;
        }

        var builder = new StringBuilder();
        Write(builder, value);
        text = builder.ToString();
        _stringifiedValues[value] = text;
        return text;

        static void Write(StringBuilder builder, ValueNode value)
        {
            switch (value)
            {
                case ObjectValueNode obj:
                    builder.Append('{');
                    foreach (var field in obj.Fields.OrderBy(f => f.Name, StringComparer.Ordinal))
                    {
                        builder.Append(field.Name).Append(':');
                        Write(builder, field.Value);
                        builder.Append(',');
                    }

                    builder.Append('}');
                    break;
                case ListValueNode list:
                    builder.Append('[');
                    foreach (var item in list.Values)
                    {
                        Write(builder, item);
                        builder.Append(',');
                    }

                    builder.Append(']');
                    break;
                case StringValueNode s:
                    builder.Append(s.Block ? "\"\"\"" : "\"").Append(s.Value.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("\"", "\\\"", StringComparison.Ordinal)).Append('"');
                    break;
                default:
                    builder.Append(Printer.Print(value));
                    break;
            }
        }
    }

    /// <summary>Two output types conflict if no value could be of both: list vs non-list, nullability, or different leaves.</summary>
    private bool DoTypesConflict(GraphQLType type1, GraphQLType type2)
    {
        if (ReferenceEquals(type1, type2))
        {
            return false;
        }

        Spend(1);
        return (type1, type2) switch
        {
            (ListType list1, ListType list2) => DoTypesConflict(list1.OfType, list2.OfType),
            (ListType, _) or (_, ListType) => true,
            (NonNullType nonNull1, NonNullType nonNull2) => DoTypesConflict(nonNull1.OfType, nonNull2.OfType),
            (NonNullType, _) or (_, NonNullType) => true,
            (NamedType named1, NamedType named2) when named1.IsLeaf || named2.IsLeaf => !ReferenceEquals(named1, named2),
            _ => false,
        };
    }

    private FieldsAndFragments CollectFragmentFields(FragmentDefinitionNode fragment) =>
        CollectFields(_context.Schema.GetType(fragment.TypeCondition.Name), fragment.SelectionSet);

    /// <summary>The fields of a selection set by response name, inline fragments expanded, named fragments listed.</summary>
    private FieldsAndFragments CollectFields(NamedType? parentType, SelectionSetNode selectionSet)
    {
        if (_collected.TryGetValue((parentType, selectionSet), out var cached))
        {
            return cached;
        }

        var result = new FieldsAndFragments();
        var fragmentNames = new HashSet<string>(StringComparer.Ordinal);
        Collect(parentType, selectionSet);
        _collected[(parentType, selectionSet)] = result;
        return result;

        void Collect(NamedType? parent, SelectionSetNode set)
        {
            foreach (var selection in set.Selections)
            {
                switch (selection)
                {
                    case FieldNode field:
                        {
                            var definition = parent is FieldsType
                                ? _context.Schema.GetFieldDefinition(parent, field.Name)
                                : null;
                            if (!result.Fields.TryGetValue(field.ResponseKey, out var list))
                            {
                                result.Fields.Add(field.ResponseKey, list = []);
                            }

                            list.Add(new FieldDetails(parent, field, definition));
                            break;
                        }

                    case FragmentSpreadNode spread:
                        if (fragmentNames.Add(spread.Name))
                        {
                            result.FragmentNames.Add(spread.Name);
                        }

                        break;
                    case InlineFragmentNode inline:
                        Collect(inline.TypeCondition is { } condition ? _context.Schema.GetType(condition.Name) : parent, inline.SelectionSet);
                        break;
                }
            }
        }
    }

    /// <summary>Sub-field conflicts become one conflict of the enclosing fields, with every location involved.</summary>
    private static Conflict? SubfieldConflicts(List<Conflict> conflicts, string responseName, FieldNode node1, FieldNode node2)
    {
        if (conflicts.Count == 0)
        {
            return null;
        }

        var message = new StringBuilder();
        foreach (var conflict in conflicts)
        {
            message.Append(message.Length == 0 ? string.Empty : " and ")
                .Append($"subfields \"{Abbreviate(conflict.ResponseName)}\" conflict because {conflict.Reason}");
            if (message.Length > MaxConflictDetailLength)
            {
                break;
            }
        }

        return new Conflict(
            responseName,
            Abbreviate(message.ToString()),
            CollectConflictNodes(node1, conflicts, c => c.Fields1),
            CollectConflictNodes(node2, conflicts, c => c.Fields2));
    }

    private static List<FieldNode> CollectConflictNodes(FieldNode node, List<Conflict> conflicts, Func<Conflict, List<FieldNode>> side)
    {
        var nodes = new List<FieldNode> { node };
        foreach (var conflict in conflicts)
        {
            var remaining = MaxConflictNodes - nodes.Count;
            var fields = side(conflict);
            nodes.AddRange(fields.Skip(Math.Max(0, fields.Count - remaining)));
            if (nodes.Count == MaxConflictNodes)
            {
                break;
            }
        }

        return nodes;
    }

    private static string Abbreviate(string text) =>
        text.Length > MaxConflictDetailLength ? text[..MaxConflictDetailLength] + "..." : text;

    private void Spend(int cost)
    {
        _budget -= cost;
        if (_budget < 0)
        {
            throw new BudgetExceededException();
        }
    }

    private sealed record Conflict(string ResponseName, string Reason, List<FieldNode> Fields1, List<FieldNode> Fields2);

    private sealed class FieldDetails(NamedType? parentType, FieldNode node, FieldDefinition? definition)
    {
        private FieldInfo? _info;

        public NamedType? ParentType { get; } = parentType;

        public FieldNode Node { get; } = node;

        public FieldDefinition? Definition { get; } = definition;

        public bool IsSimpleLeaf { get; } = node.Arguments.Count == 0 && node.SelectionSet is null;

        public FieldInfo Info => _info ??= new FieldInfo();
    }

    /// <summary>Per field node: the outcome of comparing its name and arguments with others, computed once.</summary>
    private sealed class FieldInfo
    {
        public Dictionary<FieldInfo, string?> Comparisons { get; } = new(ReferenceEqualityComparer.Instance);
    }

    private sealed class FieldsAndFragments
    {
        public OrderedDictionary<string, List<FieldDetails>> Fields { get; } = new(StringComparer.Ordinal);

        public List<string> FragmentNames { get; } = [];

        public Dictionary<string, bool>? ComparedFragments { get; set; }

        public Dictionary<FieldsAndFragments, List<(string, List<FieldDetails>, List<FieldDetails>)>>? OverlapsWith { get; set; }
    }

    /// <summary>Unordered pairs of fragment names, remembering whether they were compared as mutually exclusive.</summary>
    private sealed class PairSet
    {
        private readonly Dictionary<(string, string), bool> _data = [];

        public bool Has(string a, string b, bool areMutuallyExclusive) =>
            HasOrdered(a, b, areMutuallyExclusive) || HasOrdered(b, a, areMutuallyExclusive);

        public void Add(string a, string b, bool areMutuallyExclusive) => _data[(a, b)] = areMutuallyExclusive;

        // A pair compared as non-exclusive covers the exclusive case too, not the reverse.
        private bool HasOrdered(string a, string b, bool areMutuallyExclusive) =>
            _data.TryGetValue((a, b), out var stored) && (areMutuallyExclusive || stored == areMutuallyExclusive);
    }

    private sealed class BudgetExceededException : Exception
    {
    }
}
