using System.Linq.Expressions;
using System.Reflection;
using Governance.GraphQL.Execution;
using Governance.GraphQL.Types.Introspection;

namespace Governance.GraphQL.Types;

public sealed partial class SchemaBuilder
{
    /// <summary>
    /// Binds resolvers by name and reports both directions of mismatch: schema fields nothing
    /// resolves, and registrations that name no field or type.
    /// </summary>
    private void Bind(Schema schema, List<string> errors)
    {
        var used = new HashSet<string>(StringComparer.Ordinal);
        foreach (var (typeName, clrType) in _clrTypes)
        {
            if (schema.GetType(typeName) is ObjectType objectType)
            {
                objectType.ClrType = clrType;
            }
            else
            {
                errors.Add($"BindType names \"{typeName}\", which is not an object type of the schema.");
            }
        }

        foreach (var (typeName, clrType) in _inputTypes)
        {
            if (schema.GetType(typeName) is InputObjectType inputType)
            {
                InputBinder.Check(inputType, clrType, errors);
            }
            else
            {
                errors.Add($"BindInput names \"{typeName}\", which is not an input object type of the schema.");
            }
        }

        foreach (var typeName in _dictionaryTypes)
        {
            if (schema.GetType(typeName) is ObjectType objectType)
            {
                objectType.IsDictionaryBound = true;
            }
            else
            {
                errors.Add($"BindDictionary names \"{typeName}\", which is not an object type of the schema.");
            }
        }

        foreach (var type in schema.Types.OfType<FieldsType>().Where(t => !IntrospectionTypes.IsIntrospectionType(t)))
        {
            foreach (var field in type.Fields)
            {
                var coordinate = type.Name + "." + field.Name;
                if (_resolvers.TryGetValue(coordinate, out var resolver))
                {
                    used.Add(coordinate);
                    field.Resolver = resolver;
                }

                if (_subscribers.TryGetValue(coordinate, out var subscriber))
                {
                    used.Add(coordinate);
                    if (!ReferenceEquals(type, schema.SubscriptionType))
                    {
                        errors.Add($"Subscribe names \"{coordinate}\", which is not a field of the subscription root type.");
                    }

                    field.Subscriber = subscriber;

                    // MapSourceToResponseEvent: without a resolver, the field's value is the event itself.
                    if (field.Resolver is null)
                    {
                        field.Resolver = context => new ValueTask<object?>(context.Parent);
                        field.SameForEveryViewer = true;
                    }
                }
            }
        }

        foreach (var type in schema.Types.OfType<ObjectType>().Where(t => !IntrospectionTypes.IsIntrospectionType(t)))
        {
            foreach (var field in type.Fields.Where(f => f.Resolver is null))
            {
                // A resolver on an interface field serves every implementation without its own.
                var inherited = type.Interfaces.Select(i => i.GetField(field.Name)?.Resolver).FirstOrDefault(r => r is not null);
                field.Resolver = inherited ?? DefaultResolver(type, field, errors);
                field.HasPureResolver = inherited is null && field.Resolver is not null;
                field.SameForEveryViewer |= field.HasPureResolver;
                if (ReferenceEquals(type, schema.SubscriptionType) && field.Subscriber is null)
                {
                    errors.Add($"Subscription field {type.Name}.{field.Name} has no source stream: register one with Subscribe.");
                }
            }
        }

        foreach (var coordinate in _sameForEveryViewer)
        {
            var dot = coordinate.IndexOf('.', StringComparison.Ordinal);
            if (dot > 0 && schema.GetType(coordinate[..dot]) is ObjectType owner && owner.GetField(coordinate[(dot + 1)..]) is { } declared)
            {
                declared.SameForEveryViewer = true;
            }
            else
            {
                errors.Add($"SameForEveryViewer names \"{coordinate}\", which is not a field of an object type of the schema.");
            }
        }

        foreach (var coordinate in _resolvers.Keys.Concat(_subscribers.Keys).Where(c => !used.Contains(c)))
        {
            errors.Add($"Resolver \"{coordinate}\" has no field in the schema.");
        }

        foreach (var (typeName, typeResolver) in _typeResolvers)
        {
            switch (schema.GetType(typeName))
            {
                case InterfaceType iface:
                    iface.ResolveType = typeResolver;
                    break;
                case UnionType union:
                    union.ResolveType = typeResolver;
                    break;
                default:
                    errors.Add($"ResolveType names \"{typeName}\", which is not an interface or union of the schema.");
                    break;
            }
        }

        foreach (var type in schema.Types.Where(t => t.IsAbstract && !IntrospectionTypes.IsIntrospectionType(t)))
        {
            var hasResolver = type is InterfaceType { ResolveType: not null } or UnionType { ResolveType: not null };
            var allBound = schema.GetPossibleTypes(type).All(o => o.ClrType is not null || o.IsDictionaryBound);
            if (!hasResolver && !allBound)
            {
                errors.Add($"Abstract type \"{type.Name}\" has no type resolver: register one with ResolveType, or bind each of its object types with BindType or BindDictionary.");
            }
        }
    }

    private static FieldResolver? DefaultResolver(ObjectType type, FieldDefinition field, List<string> errors)
    {
        if (type.IsDictionaryBound)
        {
            var key = field.Name;
            return context => new ValueTask<object?>(
                context.Parent is IReadOnlyDictionary<string, object?> map && map.TryGetValue(key, out var value) ? value : null);
        }

        if (type.ClrType is not null)
        {
            var property = type.ClrType.GetProperty(field.Name, BindingFlags.Public | BindingFlags.Instance | BindingFlags.IgnoreCase);
            if (property?.GetMethod is not null)
            {
                return PropertyResolver(type.ClrType, property);
            }

            errors.Add($"Field {type.Name}.{field.Name} has no resolver, and {type.ClrType.Name} has no public property \"{field.Name}\".");
            return null;
        }

        errors.Add($"Field {type.Name}.{field.Name} has no resolver.");
        return null;
    }

    /// <summary>A compiled getter: reading a property costs what a direct call costs.</summary>
    private static FieldResolver PropertyResolver(Type clrType, PropertyInfo property)
    {
        var parent = Expression.Parameter(typeof(object), "parent");
        var body = Expression.Convert(Expression.Property(Expression.Convert(parent, clrType), property), typeof(object));
        var getter = Expression.Lambda<Func<object, object?>>(body, parent).Compile();
        return context => new ValueTask<object?>(context.Parent is null ? null : getter(context.Parent));
    }
}
