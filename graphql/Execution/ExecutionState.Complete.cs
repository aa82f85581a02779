using System.Collections;
using Governance.GraphQL.Errors;
using Governance.GraphQL.Types;

namespace Governance.GraphQL.Execution;

internal sealed partial class ExecutionState
{
    /// <summary>
    /// CompleteValue (#sec-Value-Completion): checks non-null, walks lists, serializes leaves and
    /// executes the sub-selections of objects, writing into <paramref name="container"/>.
    /// </summary>
    private void CompleteValue(GraphQLType type, CollectedField field, ResolveContext context, object? result, ResponsePath path, IResultNode container, string? key, int index)
    {
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
                    $"Cannot return null for non-nullable field {context.ParentType.Name}.{field.Definition.Name}.",
                    field.Locations,
                    path.ToList()));
            }

            PropagateNull(container, key, index, nonNull);
            return;
        }

        switch (type)
        {
            case ListType list:
                CompleteList(list, field, context, result, path, container, key, index, nonNull);
                return;
            case ScalarType scalar:
                object serialized;
                try
                {
                    serialized = scalar.Serialize(result);
                }
                catch (Exception error)
                {
                    HandleFieldError(error is GraphQLException ? error : new GraphQLException(error.Message), field, path, container, key, index, nonNull);
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
                    HandleFieldError(new GraphQLException($"Enum \"{enumType.Name}\" cannot represent value: {ScalarType.Inspect(result)}"), field, path, container, key, index, nonNull);
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
                HandleFieldError(new GraphQLException($"Runtime Object type \"{typed.TypeName}\" is not a possible type for \"{type}\"."), field, path, container, key, index, nonNull);
                return;
            }

            result = typed.Value;
        }
        else
        {
            objectType = type as ObjectType ?? ResolveAbstractType((NamedType)type, result, context, field, path, container, key, index, nonNull);
        }

        if (objectType is null)
        {
            return;
        }

        var subfields = CollectSubfields(objectType, field);
        var map = new ResultMap(subfields.Length, container, key, index, nonNull);
        foreach (var subfield in subfields)
        {
            map[subfield.ResponseKey] = null;
        }

        container.SetChild(key, index, map);
        foreach (var subfield in subfields)
        {
            ExecuteField(objectType, result, subfield, path, map);
        }
    }

    private void CompleteList(ListType list, CollectedField field, ResolveContext context, object result, ResponsePath path, IResultNode container, string? key, int index, bool nonNull)
    {
        if (result is string || result is not IEnumerable items)
        {
            HandleFieldError(
                new GraphQLException($"Expected Iterable, but did not find one for field \"{context.ParentType.Name}.{field.Definition.Name}\"."),
                field, path, container, key, index, nonNull);
            return;
        }

        var resultList = new ResultList(items is ICollection collection ? collection.Count : 4, container, key, index, nonNull);
        container.SetChild(key, index, resultList);
        var i = 0;
        foreach (var item in items)
        {
            resultList.Add(null);
            CompleteValue(list.OfType, field, context, item, new ResponsePath(path, i), resultList, null, i);
            i++;
        }
    }

    /// <summary>
    /// ResolveAbstractType: the host's type resolver, else a "__typename" key of a dictionary,
    /// else the possible type bound to the value's CLR type.
    /// </summary>
    private ObjectType? ResolveAbstractType(NamedType abstractType, object result, ResolveContext context, CollectedField field, ResponsePath path, IResultNode container, string? key, int index, bool nonNull)
    {
        var resolver = abstractType switch
        {
            InterfaceType i => i.ResolveType,
            UnionType u => u.ResolveType,
            _ => null,
        };

        string? typeName;
        try
        {
            typeName = resolver?.Invoke(result, context);
        }
        catch (Exception error)
        {
            HandleFieldError(error, field, path, container, key, index, nonNull);
            return null;
        }

        var possibleTypes = Schema.GetPossibleTypes(abstractType);
        if (typeName is null && result is IReadOnlyDictionary<string, object?> map && map.TryGetValue("__typename", out var named))
        {
            typeName = named as string;
        }

        if (typeName is null)
        {
            var clrType = result.GetType();
            foreach (var candidate in possibleTypes)
            {
                if (candidate.ClrType is not null && candidate.ClrType.IsAssignableFrom(clrType))
                {
                    return candidate;
                }
            }

            HandleFieldError(new GraphQLException(
                $"Abstract type \"{abstractType.Name}\" must resolve to an Object type at runtime for field \"{context.ParentType.Name}.{field.Definition.Name}\". Either the \"{abstractType.Name}\" type should provide a \"resolveType\" function or each possible type should provide an \"isTypeOf\" function."),
                field, path, container, key, index, nonNull);
            return null;
        }

        if (Schema.GetType(typeName) is not ObjectType objectType || !Schema.IsPossibleType(abstractType, objectType))
        {
            HandleFieldError(
                new GraphQLException(Schema.GetType(typeName) is ObjectType
                    ? $"Runtime Object type \"{typeName}\" is not a possible type for \"{abstractType.Name}\"."
                    : $"Abstract type \"{abstractType.Name}\" was resolved to a type \"{typeName}\" that does not exist inside the schema."),
                field, path, container, key, index, nonNull);
            return null;
        }

        return objectType;
    }
}
