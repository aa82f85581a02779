using System.Runtime.CompilerServices;
using Core = Governance.GraphQL.Types;

namespace Governance.GraphQL.Validation.Model;

/// <summary>
/// Reads a built <see cref="Core.Schema"/> into the <see cref="ValidationSchema"/> the rules
/// use, once per schema instance (cached for the schema's lifetime). Custom scalars keep their
/// own literal parsing, so a literal they refuse is invalid, as in graphql-js.
/// </summary>
internal static class ValidationSchemaAdapter
{
    private static readonly ConditionalWeakTable<Core.Schema, ValidationSchema> Cache = [];

    public static ValidationSchema For(Core.Schema schema) => Cache.GetValue(schema, Build);

    private static ValidationSchema Build(Core.Schema schema)
    {
        var types = new Dictionary<string, NamedType>(StringComparer.Ordinal);
        foreach (var type in schema.Types)
        {
            var named = new NamedType(type.Name, KindOf(type.Kind));
            if (type is Core.ScalarType scalar && !ValidationSchema.StandardScalarNames.Contains(type.Name))
            {
                named.AcceptsLiteral = literal => AcceptsLiteral(scalar, literal);
            }

            types[type.Name] = named;
        }

        TypeRef Map(Core.GraphQLType type) => type switch
        {
            Core.ListType list => new ListTypeRef(Map(list.OfType)),
            Core.NonNullType nonNull => new NonNullTypeRef(Map(nonNull.OfType)),
            _ => types[type.GetNamedType().Name],
        };

        void AddInputValues(Dictionary<string, InputValueDef> target, IEnumerable<Core.InputValueDefinition> values)
        {
            foreach (var value in values)
            {
                target[value.Name] = new InputValueDef(value.Name, Map(value.Type), value.DefaultValueLiteral);
            }
        }

        foreach (var type in schema.Types)
        {
            var named = types[type.Name];
            switch (type)
            {
                case Core.FieldsType fieldsType:
                    foreach (var field in fieldsType.Fields)
                    {
                        var def = new FieldDef(field.Name, Map(field.Type));
                        AddInputValues(def.Arguments, field.Arguments);
                        named.Fields[field.Name] = def;
                    }

                    named.Interfaces.AddRange(fieldsType.Interfaces.Select(i => types[i.Name]));
                    break;
                case Core.UnionType union:
                    foreach (var member in union.Types)
                    {
                        named.PossibleTypes.Add(types[member.Name]);
                    }

                    break;
                case Core.EnumType enumType:
                    foreach (var value in enumType.Values)
                    {
                        named.EnumValues[value.Name] = new EnumValueDef(value.Name, value.IsDeprecated);
                    }

                    break;
                case Core.InputObjectType input:
                    AddInputValues(named.InputFields, input.Fields);
                    named.IsOneOf = input.IsOneOf;
                    break;
            }
        }

        foreach (var type in types.Values.Where(t => t.Kind == TypeKind.Object))
        {
            type.PossibleTypes.Add(type);
            foreach (var implemented in type.Interfaces)
            {
                implemented.PossibleTypes.Add(type);
            }
        }

        var directives = new Dictionary<string, DirectiveDef>(StringComparer.Ordinal);
        foreach (var directive in schema.Directives)
        {
            var def = new DirectiveDef(directive.Name, directive.IsRepeatable, directive.Locations.ToHashSet(StringComparer.Ordinal));
            AddInputValues(def.Arguments, directive.Arguments);
            directives[directive.Name] = def;
        }

        NamedType? Root(Core.ObjectType? root) => root is null ? null : types[root.Name];
        return new ValidationSchema(types, directives, Root(schema.QueryType), Root(schema.MutationType), Root(schema.SubscriptionType));
    }

    private static bool AcceptsLiteral(Core.ScalarType scalar, Language.ValueNode literal)
    {
        try
        {
            scalar.ParseLiteral(literal);
            return true;
        }
#pragma warning disable CA1031 // A custom scalar refuses a literal by throwing whatever it throws.
        catch (Exception)
#pragma warning restore CA1031
        {
            return false;
        }
    }

    private static TypeKind KindOf(Core.TypeKind kind) => kind switch
    {
        Core.TypeKind.Object => TypeKind.Object,
        Core.TypeKind.Interface => TypeKind.Interface,
        Core.TypeKind.Union => TypeKind.Union,
        Core.TypeKind.Enum => TypeKind.Enum,
        Core.TypeKind.InputObject => TypeKind.InputObject,
        _ => TypeKind.Scalar,
    };
}
