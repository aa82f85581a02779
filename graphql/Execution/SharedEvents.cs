using System.Collections.Concurrent;
using System.Runtime.CompilerServices;
using System.Text.Json;
using Governance.GraphQL.Language;
using Governance.GraphQL.Types;

namespace Governance.GraphQL.Execution;

/// <summary>
/// A subscription event that its source hands, as the same object, to every subscriber of one
/// change (the bus delivers one event object to each queue). For such an event, subscribers whose
/// operations are the same document and variables and select only fields that are the same for
/// every viewer (<see cref="SchemaBuilder.SameForEveryViewer"/>) get one execution and one
/// serialised payload between them instead of one each: a comment to 1,000 watchers of a
/// proposal is executed once, not 1,000 times. Only a source that creates a new object per
/// change may mark its events so: a result is kept for as long as its event object lives.
/// </summary>
public interface ISharedEvent;

/// <summary>The results computed for one shared event, per (operation plan, variables).</summary>
internal sealed class SharedEventResults
{
    private static readonly ConditionalWeakTable<object, SharedEventResults> ByEvent = new();

    private readonly ConcurrentDictionary<(OperationPlan Plan, string Variables), Lazy<Task<ExecutionResult>>> _results = new();

    public static Task<ExecutionResult> GetOrExecute(object sharedEvent, OperationPlan plan, string variables, Func<Task<ExecutionResult>> execute) =>
        ByEvent.GetValue(sharedEvent, _ => new SharedEventResults())
            ._results.GetOrAdd((plan, variables), _ => new Lazy<Task<ExecutionResult>>(execute, LazyThreadSafetyMode.ExecutionAndPublication))
            .Value;

    /// <summary>A key for coerced variables: equal when they serialise to the same JSON.</summary>
    public static string VariablesKey(IReadOnlyDictionary<string, object?> variables)
    {
        if (variables.Count == 0)
        {
            return string.Empty;
        }

        var buffer = new System.Buffers.ArrayBufferWriter<byte>(128);
        using (var writer = new Utf8JsonWriter(buffer))
        {
            writer.WriteStartObject();
            foreach (var (name, value) in variables.OrderBy(v => v.Key, StringComparer.Ordinal))
            {
                writer.WritePropertyName(name);
                Http.GraphQLResponseWriter.WriteValue(writer, value);
            }

            writer.WriteEndObject();
        }

        return System.Text.Encoding.UTF8.GetString(buffer.WrittenSpan);
    }

    /// <summary>
    /// Whether every field the operation can select, under any variables (@skip and @include
    /// are ignored: both branches count), is the same for every viewer. A field on an interface
    /// or union counts only if it is so on every possible type. Unknown names answer false.
    /// </summary>
    public static bool SelectsOnlySameForEveryViewer(Schema schema, PreparedOperation operation)
    {
        var visited = new HashSet<string>(StringComparer.Ordinal);
        return schema.SubscriptionType is { } root && Walk(root, operation.Definition.SelectionSet);

        bool Walk(NamedType parent, SelectionSetNode selectionSet)
        {
            foreach (var selection in selectionSet.Selections)
            {
                switch (selection)
                {
                    case FieldNode { Name: "__typename" }:
                        break;
                    case FieldNode field:
                        var types = schema.GetPossibleTypes(parent);
                        if (types.Count == 0)
                        {
                            return false;
                        }

                        foreach (var type in types)
                        {
                            if (type.GetField(field.Name) is not { SameForEveryViewer: true } definition
                                || (field.SelectionSet is { } below && !Walk(definition.Type.GetNamedType(), below)))
                            {
                                return false;
                            }
                        }

                        break;
                    case InlineFragmentNode inline:
                        var condition = inline.TypeCondition is { } named ? schema.GetType(named.Name) : parent;
                        if (condition is null || !Walk(condition, inline.SelectionSet))
                        {
                            return false;
                        }

                        break;
                    case FragmentSpreadNode spread:
                        if (!operation.Fragments.TryGetValue(spread.Name, out var fragment) || schema.GetType(fragment.TypeCondition.Name) is not { } on)
                        {
                            return false;
                        }

                        if (visited.Add(spread.Name + "\u001f" + parent.Name) && !Walk(on, fragment.SelectionSet))
                        {
                            return false;
                        }

                        break;
                    default:
                        return false;
                }
            }

            return true;
        }
    }
}
