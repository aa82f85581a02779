using System.Text.Json;
using Governance.GraphQL.Errors;
using Governance.GraphQL.Language;
using Governance.GraphQL.Types;

namespace Governance.GraphQL.Execution;

/// <summary>
/// Input coercion (#sec-Input-Values, #sec-Coercing-Variable-Values, #sec-Coercing-Field-Arguments).
/// Coerced values are: int (Int), double (Float), string (String, ID, enum names), bool,
/// List&lt;object?&gt;, Dictionary&lt;string, object?&gt; (input objects), or what a custom scalar returns.
/// </summary>
public static class Values
{
    /// <summary>A literal that failed to coerce (graphql-js returns undefined).</summary>
    private static readonly object Invalid = new();

    /// <summary>CoerceVariableValues(schema, operation, variableValues), #sec-Coercing-Variable-Values.</summary>
    public static IReadOnlyDictionary<string, object?> CoerceVariableValues(
        Schema schema,
        OperationDefinitionNode operation,
        IReadOnlyDictionary<string, object?>? inputs,
        List<GraphQLError> errors,
        bool suggest = true)
    {
        var coerced = new Dictionary<string, object?>(StringComparer.Ordinal);
        foreach (var definition in operation.VariableDefinitions)
        {
            var name = definition.Variable.Name;
            var type = TypeFromAst(schema, definition.Type);
            if (type is null || !type.IsInputType)
            {
                errors.Add(new GraphQLError(
                    $"Variable \"${name}\" expected value of type \"{Printer.Print(definition.Type)}\" which cannot be used as an input type.",
                    [definition.Type.Location.ToSourceLocation()]));
                continue;
            }

            object? value = null;
            var hasValue = inputs is not null && inputs.TryGetValue(name, out value);
            if (!hasValue && definition.DefaultValue is not null)
            {
                var fromDefault = ValueFromAst(definition.DefaultValue, type, null);
                if (!ReferenceEquals(fromDefault, Invalid))
                {
                    coerced[name] = fromDefault;
                }

                continue;
            }

            if (type is NonNullType && (!hasValue || IsNull(value)))
            {
                errors.Add(new GraphQLError(
                    hasValue
                        ? $"Variable \"${name}\" of non-null type \"{type}\" must not be null."
                        : $"Variable \"${name}\" of required type \"{type}\" was not provided.",
                    [definition.Location.ToSourceLocation()]));
                continue;
            }

            if (!hasValue)
            {
                continue;
            }

            var failures = new List<(string Path, object? Value, string Message)>();
            var result = CoerceInputValue(Normalize(value), type, "", failures, suggest);
            if (failures.Count == 0)
            {
                coerced[name] = result;
                continue;
            }

            foreach (var (path, invalid, message) in failures)
            {
                var at = path.Length == 0 ? "" : $" at \"{name}{path}\"";
                errors.Add(new GraphQLError(
                    $"Variable \"${name}\" got invalid value {ScalarTypeInspect(invalid)}{at}; {message}",
                    [definition.Location.ToSourceLocation()]));
            }
        }

        return coerced;
    }

    /// <summary>
    /// CoerceArgumentValues(objectType, field, variableValues), #sec-Coercing-Field-Arguments;
    /// also used for directive arguments. Throws <see cref="GraphQLException"/> naming the argument.
    /// </summary>
    public static IReadOnlyDictionary<string, object?> CoerceArgumentValues(
        IReadOnlyList<InputValueDefinition> definitions,
        IReadOnlyList<ArgumentNode> arguments,
        IReadOnlyDictionary<string, object?> variables,
        SyntaxNode node)
    {
        if (definitions.Count == 0)
        {
            return EmptyArguments;
        }

        var coerced = new Dictionary<string, object?>(definitions.Count, StringComparer.Ordinal);
        foreach (var definition in definitions)
        {
            ArgumentNode? argument = null;
            foreach (var candidate in arguments)
            {
                if (candidate.Name == definition.Name)
                {
                    argument = candidate;
                    break;
                }
            }

            var hasValue = argument is not null;
            object? value = null;
            if (argument?.Value is VariableNode variable)
            {
                hasValue = variables.TryGetValue(variable.Name, out value);
            }

            if (!hasValue && definition.HasDefaultValue)
            {
                coerced[definition.Name] = definition.DefaultValue;
                continue;
            }

            if (definition.Type is NonNullType && (!hasValue || argument!.Value is NullValueNode || (argument.Value is VariableNode && value is null)))
            {
                throw new GraphQLException(new GraphQLError(
                    hasValue
                        ? $"Argument \"{definition.Name}\" of non-null type \"{definition.Type}\" must not be null."
                        : $"Argument \"{definition.Name}\" of required type \"{definition.Type}\" was not provided.",
                    [(argument ?? node).Location.ToSourceLocation()]));
            }

            if (!hasValue)
            {
                continue;
            }

            if (argument!.Value is VariableNode)
            {
                coerced[definition.Name] = value;
                continue;
            }

            var literal = ValueFromAst(argument.Value, definition.Type, variables);
            if (ReferenceEquals(literal, Invalid))
            {
                throw new GraphQLException(new GraphQLError(
                    $"Argument \"{definition.Name}\" has invalid value {Printer.Print(argument.Value)}.",
                    [argument.Value.Location.ToSourceLocation()]));
            }

            coerced[definition.Name] = literal;
        }

        return coerced;
    }

    internal static IReadOnlyDictionary<string, object?> EmptyArguments { get; } = new Dictionary<string, object?>();

    /// <summary>
    /// valueFromAST: coerces a literal to <paramref name="type"/>, or returns the Invalid marker.
    /// Variables absent from <paramref name="variables"/> count as not provided.
    /// </summary>
    private static object? ValueFromAst(ValueNode node, GraphQLType type, IReadOnlyDictionary<string, object?>? variables)
    {
        if (node is VariableNode variable)
        {
            if (variables is null || !variables.TryGetValue(variable.Name, out var value))
            {
                return Invalid;
            }

            return value is null && type is NonNullType ? Invalid : value;
        }

        if (type is NonNullType nonNull)
        {
            return node is NullValueNode ? Invalid : ValueFromAst(node, nonNull.OfType, variables);
        }

        if (node is NullValueNode)
        {
            return null;
        }

        switch (type)
        {
            case ListType list:
                if (node is ListValueNode items)
                {
                    var result = new List<object?>(items.Values.Count);
                    foreach (var item in items.Values)
                    {
                        if (IsMissingVariable(item, variables))
                        {
                            // A missing variable inside a list becomes null, if the item may be null.
                            if (list.OfType is NonNullType)
                            {
                                return Invalid;
                            }

                            result.Add(null);
                            continue;
                        }

                        var coercedItem = ValueFromAst(item, list.OfType, variables);
                        if (ReferenceEquals(coercedItem, Invalid))
                        {
                            return Invalid;
                        }

                        result.Add(coercedItem);
                    }

                    return result;
                }

                // Input coercion wraps a single value in a list (#sec-List.Input-Coercion).
                var single = ValueFromAst(node, list.OfType, variables);
                return ReferenceEquals(single, Invalid) ? Invalid : new List<object?> { single };

            case InputObjectType inputObject:
                {
                    if (node is not ObjectValueNode obj)
                    {
                        return Invalid;
                    }

                    var result = new Dictionary<string, object?>(StringComparer.Ordinal);
                    foreach (var field in obj.Fields)
                    {
                        if (inputObject.GetField(field.Name) is null)
                        {
                            return Invalid;
                        }
                    }

                    foreach (var definition in inputObject.Fields)
                    {
                        var field = obj.Fields.FirstOrDefault(f => f.Name == definition.Name);
                        if (field is null || IsMissingVariable(field.Value, variables))
                        {
                            if (definition.HasDefaultValue)
                            {
                                result[definition.Name] = definition.DefaultValue;
                            }
                            else if (definition.Type is NonNullType)
                            {
                                return Invalid;
                            }

                            continue;
                        }

                        var value = ValueFromAst(field.Value, definition.Type, variables);
                        if (ReferenceEquals(value, Invalid))
                        {
                            return Invalid;
                        }

                        result[definition.Name] = value;
                    }

                    if (inputObject.IsOneOf && (result.Count != 1 || result.Values.Single() is null))
                    {
                        return Invalid;
                    }

                    return result;
                }

            case EnumType enumType:
                return node is EnumValueNode e && enumType.GetValue(e.Value) is not null ? e.Value : Invalid;
            case ScalarType scalar:
                try
                {
                    return scalar.ParseLiteral(node);
                }
                catch (GraphQLException)
                {
                    return Invalid;
                }
                catch (FormatException)
                {
                    return Invalid;
                }
                catch (OverflowException)
                {
                    return Invalid;
                }

            default:
                return Invalid;
        }
    }

    /// <summary>Coerces a literal known to be valid, such as a default value in SDL.</summary>
    internal static bool TryValueFromAst(ValueNode node, GraphQLType type, out object? value)
    {
        value = ValueFromAst(node, type, null);
        return !ReferenceEquals(value, Invalid);
    }

    private static bool IsMissingVariable(ValueNode node, IReadOnlyDictionary<string, object?>? variables) =>
        node is VariableNode v && (variables is null || !variables.ContainsKey(v.Name));

    /// <summary>
    /// CoerceInputValue for JSON-shaped values (#sec-Input-Values): each failure is recorded with
    /// its path inside the variable, as graphql-js reports them.
    /// </summary>
    private static object? CoerceInputValue(object? value, GraphQLType type, string path, List<(string, object?, string)> failures, bool suggest)
    {
        if (type is NonNullType nonNull)
        {
            if (value is null)
            {
                failures.Add((path, value, $"Expected non-nullable type \"{type}\" not to be null."));
                return null;
            }

            return CoerceInputValue(value, nonNull.OfType, path, failures, suggest);
        }

        if (value is null)
        {
            return null;
        }

        switch (type)
        {
            case ListType list:
                if (value is IReadOnlyList<object?> items)
                {
                    var result = new List<object?>(items.Count);
                    for (var i = 0; i < items.Count; i++)
                    {
                        result.Add(CoerceInputValue(items[i], list.OfType, $"{path}[{i}]", failures, suggest));
                    }

                    return result;
                }

                return new List<object?> { CoerceInputValue(value, list.OfType, path, failures, suggest) };

            case InputObjectType inputObject:
                {
                    if (value is not IReadOnlyDictionary<string, object?> map)
                    {
                        failures.Add((path, value, $"Expected type \"{inputObject.Name}\" to be an object."));
                        return null;
                    }

                    var result = new Dictionary<string, object?>(StringComparer.Ordinal);
                    foreach (var definition in inputObject.Fields)
                    {
                        if (!map.TryGetValue(definition.Name, out var fieldValue))
                        {
                            if (definition.HasDefaultValue)
                            {
                                result[definition.Name] = definition.DefaultValue;
                            }
                            else if (definition.Type is NonNullType)
                            {
                                failures.Add((path, value, $"Field \"{definition.Name}\" of required type \"{definition.Type}\" was not provided."));
                            }

                            continue;
                        }

                        result[definition.Name] = CoerceInputValue(fieldValue, definition.Type, $"{path}.{definition.Name}", failures, suggest);
                    }

                    foreach (var key in map.Keys)
                    {
                        if (inputObject.GetField(key) is null)
                        {
                            var hint = suggest ? Suggestions.DidYouMean(Suggestions.List(key, inputObject.Fields.Select(f => f.Name))) : "";
                            failures.Add((path, value, $"Field \"{key}\" is not defined by type \"{inputObject.Name}\".{hint}"));
                        }
                    }

                    // #sec-OneOf-Input-Objects, reported as graphql-js does: on the coerced fields, the
                    // null check on the first of them even when there are several.
                    if (inputObject.IsOneOf)
                    {
                        if (result.Count != 1)
                        {
                            failures.Add((path, value, $"Exactly one key must be specified for OneOf type \"{inputObject.Name}\"."));
                        }

                        if (result.Count > 0 && result.First() is { Value: null } first)
                        {
                            failures.Add(($"{path}.{first.Key}", null, $"Field \"{first.Key}\" must be non-null."));
                        }
                    }

                    return result;
                }

            case EnumType enumType:
                if (value is string name && enumType.GetValue(name) is not null)
                {
                    return name;
                }

                failures.Add((path, value, value is string other
                    ? $"Value \"{other}\" does not exist in \"{enumType.Name}\" enum." + (suggest ? Suggestions.DidYouMean(Suggestions.List(other, enumType.Values.Select(v => v.Name)), "the enum value") : "")
                    : $"Enum \"{enumType.Name}\" cannot represent non-string value: {ScalarTypeInspect(value)}."));
                return null;

            case ScalarType scalar:
                try
                {
                    return scalar.ParseValue(value);
                }
                catch (GraphQLException error)
                {
                    failures.Add((path, value, error.Message));
                    return null;
                }
                catch (Exception error) when (error is FormatException or InvalidCastException or OverflowException)
                {
                    failures.Add((path, value, $"Expected type \"{scalar.Name}\". {error.Message}"));
                    return null;
                }

            default:
                failures.Add((path, value, $"Expected an input type, got \"{type}\"."));
                return null;
        }
    }

    /// <summary>Resolves a type reference against the schema; null when the name is unknown.</summary>
    public static GraphQLType? TypeFromAst(Schema schema, TypeNode node) => node switch
    {
        NonNullTypeNode n => TypeFromAst(schema, n.Type) is { } inner ? new NonNullType(inner) : null,
        ListTypeNode l => TypeFromAst(schema, l.Type) is { } inner ? new ListType(inner) : null,
        NamedTypeNode n => schema.GetType(n.Name),
        _ => null,
    };

    /// <summary>
    /// Accepts the value shapes transports produce: besides the documented JSON shapes,
    /// JsonElement and other numeric or collection types are normalised first.
    /// </summary>
    internal static object? Normalize(object? value) => value switch
    {
        null or string or bool or long or double => value,
        JsonElement element => FromJson(element),
        int i => (long)i,
        float f => (double)f,
        decimal m => (double)m,
        IReadOnlyDictionary<string, object?> map => map.Values.All(v => v is null or string or bool or long or double)
            ? map
            : map.ToDictionary(kv => kv.Key, kv => Normalize(kv.Value), StringComparer.Ordinal),
        IDictionary<string, object?> map => map.ToDictionary(kv => kv.Key, kv => Normalize(kv.Value), StringComparer.Ordinal),
        IEnumerable<object?> list => list.Select(Normalize).ToList(),
        _ => value,
    };

    private static object? FromJson(JsonElement element) => element.ValueKind switch
    {
        JsonValueKind.Null or JsonValueKind.Undefined => null,
        JsonValueKind.True => true,
        JsonValueKind.False => false,
        JsonValueKind.String => element.GetString(),
        JsonValueKind.Number => element.TryGetInt64(out var l) ? (object)l : element.GetDouble(),
        JsonValueKind.Array => element.EnumerateArray().Select(FromJson).ToList(),
        _ => element.EnumerateObject().ToDictionary(p => p.Name, p => FromJson(p.Value), StringComparer.Ordinal),
    };

    private static bool IsNull(object? value) => value is null || (value is JsonElement { ValueKind: JsonValueKind.Null });

    /// <summary>Shows a JSON value the way graphql-js's inspect does in error messages.</summary>
    private static string ScalarTypeInspect(object? value) => value switch
    {
        null => "null",
        string s => Printer.PrintString(s),
        bool b => b ? "true" : "false",
        double d => d.ToString("R", System.Globalization.CultureInfo.InvariantCulture),
        IReadOnlyDictionary<string, object?> { Count: 0 } => "{}",
        IReadOnlyDictionary<string, object?> map => "{ " + string.Join(", ", map.Select(kv => kv.Key + ": " + ScalarTypeInspect(kv.Value))) + " }",
        IReadOnlyList<object?> list => "[" + string.Join(", ", list.Select(ScalarTypeInspect)) + "]",
        _ => Convert.ToString(value, System.Globalization.CultureInfo.InvariantCulture) ?? "",
    };
}
