using Governance.GraphQL.Execution;
using Governance.GraphQL.Language;

namespace Governance.GraphQL.Validation.Model;

/// <summary>
/// Builds a <see cref="ValidationSchema"/> from SDL: the built-in scalars, directives and
/// introspection types (#sec-Schema-Introspection) first, then the document's definitions and
/// extensions. The SDL is assumed valid: the schema builder has already checked it.
/// </summary>
internal static class ValidationSchemaBuilder
{
    private const string BuiltInSdl = """
        scalar String
        scalar Int
        scalar Float
        scalar Boolean
        scalar ID
        directive @include(if: Boolean!) on FIELD | FRAGMENT_SPREAD | INLINE_FRAGMENT
        directive @skip(if: Boolean!) on FIELD | FRAGMENT_SPREAD | INLINE_FRAGMENT
        directive @deprecated(reason: String = "No longer supported") on FIELD_DEFINITION | ARGUMENT_DEFINITION | INPUT_FIELD_DEFINITION | ENUM_VALUE
        directive @specifiedBy(url: String!) on SCALAR
        directive @oneOf on INPUT_OBJECT
        type __Schema {
          description: String
          types: [__Type!]!
          queryType: __Type!
          mutationType: __Type
          subscriptionType: __Type
          directives: [__Directive!]!
        }
        type __Type {
          kind: __TypeKind!
          name: String
          description: String
          specifiedByURL: String
          fields(includeDeprecated: Boolean = false): [__Field!]
          interfaces: [__Type!]
          possibleTypes: [__Type!]
          enumValues(includeDeprecated: Boolean = false): [__EnumValue!]
          inputFields(includeDeprecated: Boolean = false): [__InputValue!]
          ofType: __Type
          isOneOf: Boolean
        }
        type __Field {
          name: String!
          description: String
          args(includeDeprecated: Boolean = false): [__InputValue!]!
          type: __Type!
          isDeprecated: Boolean!
          deprecationReason: String
        }
        type __InputValue {
          name: String!
          description: String
          type: __Type!
          defaultValue: String
          isDeprecated: Boolean!
          deprecationReason: String
        }
        type __EnumValue {
          name: String!
          description: String
          isDeprecated: Boolean!
          deprecationReason: String
        }
        type __Directive {
          name: String!
          description: String
          isRepeatable: Boolean!
          locations: [__DirectiveLocation!]!
          args(includeDeprecated: Boolean = false): [__InputValue!]!
        }
        enum __TypeKind { SCALAR OBJECT INTERFACE UNION ENUM INPUT_OBJECT LIST NON_NULL }
        enum __DirectiveLocation {
          QUERY MUTATION SUBSCRIPTION FIELD FRAGMENT_DEFINITION FRAGMENT_SPREAD INLINE_FRAGMENT
          VARIABLE_DEFINITION SCHEMA SCALAR OBJECT FIELD_DEFINITION ARGUMENT_DEFINITION INTERFACE
          UNION ENUM ENUM_VALUE INPUT_OBJECT INPUT_FIELD_DEFINITION
        }
        """;

    private static readonly Lazy<DocumentNode> BuiltIns = new(() => Parser.Parse(BuiltInSdl));

    public static ValidationSchema FromSdl(string sdl) => FromSdl(Parser.Parse(sdl));

    public static ValidationSchema FromSdl(DocumentNode sdl)
    {
        var types = new Dictionary<string, NamedType>(StringComparer.Ordinal);
        var directives = new Dictionary<string, DirectiveDef>(StringComparer.Ordinal);

        // The document's own definitions win over built-ins of the same name, as in graphql-js.
        var userDirectiveNames = sdl.Definitions.OfType<DirectiveDefinitionNode>().Select(d => d.Name).ToHashSet();
        var definitions = BuiltIns.Value.Definitions
            .Where(d => d is not DirectiveDefinitionNode directive || !userDirectiveNames.Contains(directive.Name))
            .Concat(sdl.Definitions)
            .ToList();

        // Pass 1: every named type exists before any reference to it is resolved.
        foreach (var definition in definitions.OfType<TypeDefinitionNode>())
        {
            if (!types.ContainsKey(definition.Name))
            {
                types[definition.Name] = new NamedType(definition.Name, KindOf(definition));
            }
        }

        TypeRef Resolve(TypeNode node) => node switch
        {
            NamedTypeNode named => types.TryGetValue(named.Name, out var type)
                ? type
                : throw new InvalidOperationException($"Unknown type \"{named.Name}\" in the schema."),
            ListTypeNode list => new ListTypeRef(Resolve(list.Type)),
            NonNullTypeNode nonNull => new NonNullTypeRef(Resolve(nonNull.Type)),
            _ => throw new InvalidOperationException("Unknown type reference."),
        };

        void AddInputValues(Dictionary<string, InputValueDef> target, IEnumerable<InputValueDefinitionNode> values)
        {
            foreach (var value in values)
            {
                target[value.Name] = new InputValueDef(value.Name, Resolve(value.Type), value.DefaultValue);
            }
        }

        // Pass 2: fields, members, values, directives; extensions add to what they extend.
        NamedType? query = null, mutation = null, subscription = null;
        var sawSchemaDefinition = false;
        foreach (var definition in definitions)
        {
            switch (definition)
            {
                case FieldsTypeDefinitionNode fields:
                    {
                        var type = types[fields.Name];
                        foreach (var field in fields.Fields)
                        {
                            var def = new FieldDef(field.Name, Resolve(field.Type));
                            AddInputValues(def.Arguments, field.Arguments);
                            type.Fields[field.Name] = def;
                        }

                        foreach (var implemented in fields.Interfaces)
                        {
                            type.Interfaces.Add(types[implemented.Name]);
                        }

                        break;
                    }

                case UnionTypeDefinitionNode union:
                    foreach (var member in union.Types)
                    {
                        types[union.Name].PossibleTypes.Add(types[member.Name]);
                    }

                    break;
                case EnumTypeDefinitionNode enumType:
                    foreach (var value in enumType.Values)
                    {
                        types[enumType.Name].EnumValues[value.Name] =
                            new EnumValueDef(value.Name, value.Directives.Any(d => d.Name == "deprecated"));
                    }

                    break;
                case InputObjectTypeDefinitionNode input:
                    {
                        var type = types[input.Name];
                        AddInputValues(type.InputFields, input.Fields);
                        type.IsOneOf |= input.Directives.Any(d => d.Name == "oneOf");
                        break;
                    }

                case DirectiveDefinitionNode directive:
                    {
                        var def = new DirectiveDef(directive.Name, directive.Repeatable, directive.Locations.ToHashSet(StringComparer.Ordinal));
                        AddInputValues(def.Arguments, directive.Arguments);
                        directives[directive.Name] = def;
                        break;
                    }

                case SchemaDefinitionNode schema:
                    sawSchemaDefinition = true;
                    foreach (var operationType in schema.OperationTypes)
                    {
                        var root = types[operationType.Type.Name];
                        switch (operationType.Operation)
                        {
                            case OperationType.Query: query = root; break;
                            case OperationType.Mutation: mutation = root; break;
                            default: subscription = root; break;
                        }
                    }

                    break;
            }
        }

        // #sec-Root-Operation-Types.Default-Root-Operation-Type-Names
        if (!sawSchemaDefinition)
        {
            query = types.GetValueOrDefault("Query");
            mutation = types.GetValueOrDefault("Mutation");
            subscription = types.GetValueOrDefault("Subscription");
        }

        // Possible types: an object is possible for itself and for every interface it implements.
        foreach (var type in types.Values.Where(t => t.Kind == TypeKind.Object))
        {
            type.PossibleTypes.Add(type);
            foreach (var implemented in type.Interfaces)
            {
                implemented.PossibleTypes.Add(type);
            }
        }

        return new ValidationSchema(types, directives, query, mutation, subscription);
    }

    private static TypeKind KindOf(TypeDefinitionNode definition) => definition switch
    {
        ObjectTypeDefinitionNode => TypeKind.Object,
        InterfaceTypeDefinitionNode => TypeKind.Interface,
        UnionTypeDefinitionNode => TypeKind.Union,
        EnumTypeDefinitionNode => TypeKind.Enum,
        InputObjectTypeDefinitionNode => TypeKind.InputObject,
        _ => TypeKind.Scalar,
    };
}
