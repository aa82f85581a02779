using System.Collections;
using Governance.GraphQL.Errors;
using Governance.GraphQL.Types;

namespace Governance.GraphQL.Execution;

/// <summary>The field being completed: what a type resolver's context is rebuilt from, if one is needed.</summary>
internal readonly record struct FieldFrame(ObjectType ParentType, object? Source, CollectedField Field, IReadOnlyDictionary<string, object?> Arguments);

internal sealed partial class ExecutionState
{
    /// <summary>
    /// CompleteValue (#sec-Value-Completion): checks non-null, walks lists, serializes leaves and
    /// executes the sub-selections of objects, writing into the slot (<paramref name="key"/> or
    /// <paramref name="index"/>) of <paramref name="container"/>. The slot's response path is only
    /// built when something needs it: an error, or an object whose fields extend it.
    /// </summary>
    private void CompleteValue(GraphQLType type, in FieldFrame frame, object? result, ResponsePath? parentPath, IResultNode container, string? key, int index)
    {
        var field = frame.Field;
        var nonNull = false;
        if (type is NonNullType wrapper)
        {
            nonNull = true;
            type = wrapper.OfType;
        }

        if (result is null)
        {
            if (nonNull)
            {
                Errors.Add(new GraphQLError(
                    $"Cannot return null for non-nullable field {frame.ParentType.Name}.{field.Definition.Name}.",
                    field.Locations,
                    PathOf(parentPath, key, index).ToList()));
            }

            PropagateNull(container, key, index, nonNull);
            return;
        }

        switch (type)
        {
            case ListType list:
                CompleteList(list, frame, result, parentPath, container, key, index, nonNull);
                return;
            case ScalarType scalar:
                object serialized;
                try
                {
                    serialized = scalar.Serialize(result);
                }
                catch (Exception error)
                {
                    // A scalar's GraphQLException says what did not fit; anything else is a bug in it, masked.
                    HandleFieldError(error, field, parentPath, container, key, index, nonNull);
                    return;
                }

                container.SetChild(key, index, serialized);
                return;
            case EnumType enumType:
                var name = result switch
                {
                    string s => s,
                    Enum e => enumType.GetValue(e.ToString()) is not null ? e.ToString() : EnumNames.ToGraphQLName(e),
                    _ => null,
                };
                if (name is null || enumType.GetValue(name) is null)
                {
                    HandleFieldError(new GraphQLException($"Enum \"{enumType.Name}\" cannot represent value: {ScalarType.Inspect(result)}"), field, parentPath, container, key, index, nonNull);
                    return;
                }

                container.SetChild(key, index, name);
                return;
        }

        ObjectType? objectType;
        if (result is TypedValue typed && type is NamedType { IsAbstract: true })
        {
            // The resolver named the runtime type itself; children see the value inside.
            objectType = Schema.GetType(typed.TypeName) as ObjectType;
            if (objectType is null || !Schema.IsPossibleType((NamedType)type, objectType))
            {
                HandleFieldError(new GraphQLException($"Runtime Object type \"{typed.TypeName}\" is not a possible type for \"{type}\"."), field, parentPath, container, key, index, nonNull);
                return;
            }

            result = typed.Value;
        }
        else
        {
            objectType = type as ObjectType ?? ResolveAbstractType((NamedType)type, result, frame, parentPath, container, key, index, nonNull);
            if (objectType is null)
            {
                return;
            }
        }

        var subfields = CollectSubfields(objectType, field);
        var map = new ResultMap(subfields.Keys, container, key, index, nonNull);
        container.SetChild(key, index, map);
        var path = PathOf(parentPath, key, index);
        // Like graphql-js, a null that reaches this object stops its remaining fields from running:
        // their values would be thrown away. Fields already waiting on async resolvers still finish.
        for (var slot = 0; slot < subfields.Fields.Length && !map.IsNulled; slot++)
        {
            ExecuteField(objectType, result, subfields.Fields[slot], path, map, slot);
        }
    }

    private void CompleteList(ListType list, in FieldFrame frame, object result, ResponsePath? parentPath, IResultNode container, string? key, int index, bool nonNull)
    {
        if (result is string || result is not IEnumerable items)
        {
            HandleFieldError(
                new GraphQLException($"Expected Iterable, but did not find one for field \"{frame.ParentType.Name}.{frame.Field.Definition.Name}\"."),
                frame.Field, parentPath, container, key, index, nonNull);
            return;
        }

        var resultList = new ResultList(items is ICollection collection ? collection.Count : 4, container, key, index, nonNull);
        container.SetChild(key, index, resultList);
        var listPath = PathOf(parentPath, key, index);
        var i = 0;
        foreach (var item in items)
        {
            if (resultList.IsNulled)
            {
                break;
            }

            resultList.Add(null);
            CompleteValue(list.OfType, frame, item, listPath, resultList, null, i);
            i++;
        }
    }

    /// <summary>
    /// ResolveAbstractType: the host's type resolver, else a "__typename" key of a dictionary,
    /// else the possible type bound to the value's CLR type.
    /// </summary>
    private ObjectType? ResolveAbstractType(NamedType abstractType, object result, in FieldFrame frame, ResponsePath? parentPath, IResultNode container, string? key, int index, bool nonNull)
    {
        var field = frame.Field;
        var resolver = abstractType switch
        {
            InterfaceType i => i.ResolveType,
            UnionType u => u.ResolveType,
            _ => null,
        };

        string? typeName = null;
        if (resolver is not null)
        {
            var context = new ResolveContext(this, frame.Source, frame.ParentType, field.Definition, field.Nodes, frame.Arguments, parentPath, field.ResponseKey);
            try
            {
                typeName = resolver(result, context);
            }
            catch (Exception error)
            {
                HandleFieldError(error, field, parentPath, container, key, index, nonNull);
                return null;
            }
        }

        if (typeName is null && result is IReadOnlyDictionary<string, object?> map && map.TryGetValue("__typename", out var named))
        {
            typeName = named as string;
        }

        if (typeName is null)
        {
            var clrType = result.GetType();
            foreach (var candidate in Schema.GetPossibleTypes(abstractType))
            {
                if (candidate.ClrType is not null && candidate.ClrType.IsAssignableFrom(clrType))
                {
                    return candidate;
                }
            }

            HandleFieldError(new GraphQLException(
                $"Abstract type \"{abstractType.Name}\" must resolve to an Object type at runtime for field \"{frame.ParentType.Name}.{field.Definition.Name}\". Either the \"{abstractType.Name}\" type should provide a \"resolveType\" function or each possible type should provide an \"isTypeOf\" function."),
                field, parentPath, container, key, index, nonNull);
            return null;
        }

        if (Schema.GetType(typeName) is not ObjectType objectType || !Schema.IsPossibleType(abstractType, objectType))
        {
            HandleFieldError(
                new GraphQLException(Schema.GetType(typeName) is ObjectType
                    ? $"Runtime Object type \"{typeName}\" is not a possible type for \"{abstractType.Name}\"."
                    : $"Abstract type \"{abstractType.Name}\" was resolved to a type \"{typeName}\" that does not exist inside the schema."),
                field, parentPath, container, key, index, nonNull);
            return null;
        }

        return objectType;
    }
}
