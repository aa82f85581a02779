using Governance.GraphQL.Errors;
using Governance.GraphQL.Execution;
using Governance.GraphQL.Language;
using Governance.GraphQL.Types.Introspection;

namespace Governance.GraphQL.Types;

public sealed partial class SchemaBuilder
{
    /// <summary>
    /// Turns the SDL into type objects (#sec-Type-System): first a shell per named type, so
    /// references can be cyclic, then fields, arguments, members and values, extensions merged in.
    /// </summary>
    private Schema? BuildTypes(List<string> errors)
    {
        var definitions = new List<DefinitionNode>();
        foreach (var source in _sources)
        {
            try
            {
                definitions.AddRange(Parser.Parse(source, new ParserOptions { MaxTokens = int.MaxValue, MaxFields = int.MaxValue, MaxDepth = 256 }).Definitions);
            }
            catch (GraphQLException error)
            {
                errors.AddRange(error.Errors.Select(e => e.Message + At(e.Locations)));
            }
        }

        if (errors.Count > 0 && definitions.Count == 0)
        {
            return null;
        }

        var types = new Dictionary<string, NamedType>(StringComparer.Ordinal);
        var ordered = new List<NamedType>();
        var typeNodes = new Dictionary<string, List<TypeDefinitionNode>>(StringComparer.Ordinal);
        var builtIns = BuiltInScalars.All.ToDictionary(s => s.Name, s => (NamedType)s, StringComparer.Ordinal);

        foreach (var node in definitions.OfType<TypeDefinitionNode>().Where(d => !d.IsExtension))
        {
            if (builtIns.ContainsKey(node.Name) || IntrospectionTypes.All.Any(t => t.Name == node.Name))
            {
                errors.Add($"Type \"{node.Name}\" already exists in the schema. It cannot also be defined in this type definition.");
                continue;
            }

            if (types.ContainsKey(node.Name))
            {
                errors.Add($"There can be only one type named \"{node.Name}\".");
                continue;
            }

            NamedType type = node switch
            {
                ScalarTypeDefinitionNode => _scalars.GetValueOrDefault(node.Name) ?? MissingScalar(node.Name, errors),
                ObjectTypeDefinitionNode => new ObjectType(node.Name),
                InterfaceTypeDefinitionNode => new InterfaceType(node.Name),
                UnionTypeDefinitionNode => new UnionType(node.Name),
                EnumTypeDefinitionNode => new EnumType(node.Name),
                _ => new InputObjectType(node.Name),
            };
            // The SDL is the source of truth for descriptions, a registered scalar's own included.
            type.Description = node.Description?.Value;

            types[node.Name] = type;
            ordered.Add(type);
            typeNodes[node.Name] = [node];
        }

        foreach (var extension in definitions.OfType<TypeDefinitionNode>().Where(d => d.IsExtension))
        {
            if (!typeNodes.TryGetValue(extension.Name, out var nodes))
            {
                errors.Add($"Cannot extend type \"{extension.Name}\" because it is not defined.");
                continue;
            }

            if (nodes[0].GetType() != extension.GetType())
            {
                errors.Add($"Cannot extend non-{KindWord(extension)} type \"{extension.Name}\".");
                continue;
            }

            nodes.Add(extension);
        }

        foreach (var name in _scalars.Keys.Where(n => !types.ContainsKey(n)))
        {
            errors.Add($"Scalar \"{name}\" is registered but the SDL does not declare it.");
        }

        GraphQLType Resolve(TypeNode node)
        {
            switch (node)
            {
                case NonNullTypeNode n:
                    return new NonNullType(Resolve(n.Type));
                case ListTypeNode l:
                    return new ListType(Resolve(l.Type));
                default:
                    var name = ((NamedTypeNode)node).Name;
                    if (types.TryGetValue(name, out var type))
                    {
                        return type;
                    }

                    if (builtIns.TryGetValue(name, out var builtIn))
                    {
                        return builtIn;
                    }

                    errors.Add($"Unknown type \"{name}\"." + At(node));
                    return BuiltInScalars.String;
            }
        }

        InputValueDefinition InputValue(InputValueDefinitionNode node) =>
            new(node.Name, node.Description?.Value, Resolve(node.Type), node.DefaultValue, DeprecationReason(node.Directives), node);

        foreach (var (name, nodes) in typeNodes)
        {
            var type = types[name];
            var directives = nodes.SelectMany(n => n.Directives).ToList();
            switch (type)
            {
                case ScalarType scalar:
                    if (directives.FirstOrDefault(d => d.Name == "specifiedBy")?.Arguments.FirstOrDefault(a => a.Name == "url")?.Value is StringValueNode url)
                    {
                        scalar.SpecifiedByUrl = url.Value;
                    }

                    break;
                case FieldsType fieldsType:
                    {
                        var fields = new List<FieldDefinition>();
                        foreach (var node in nodes.Cast<FieldsTypeDefinitionNode>().SelectMany(n => n.Fields))
                        {
                            if (fields.Any(f => f.Name == node.Name))
                            {
                                errors.Add($"Field \"{name}.{node.Name}\" can only be defined once.");
                                continue;
                            }

                            var arguments = new List<InputValueDefinition>();
                            foreach (var argument in node.Arguments)
                            {
                                if (arguments.Any(a => a.Name == argument.Name))
                                {
                                    errors.Add($"Argument \"{name}.{node.Name}({argument.Name}:)\" can only be defined once.");
                                    continue;
                                }

                                arguments.Add(InputValue(argument));
                            }

                            fields.Add(new FieldDefinition(node.Name, node.Description?.Value, Resolve(node.Type), arguments, DeprecationReason(node.Directives), node));
                        }

                        fieldsType.SetFields(fields);
                        var interfaces = new List<InterfaceType>();
                        foreach (var reference in nodes.Cast<FieldsTypeDefinitionNode>().SelectMany(n => n.Interfaces))
                        {
                            var resolved = Resolve(reference);
                            if (resolved is not InterfaceType iface)
                            {
                                errors.Add($"Type {name} must only implement Interface types, it cannot implement {reference.Name}.");
                            }
                            else if (interfaces.Contains(iface))
                            {
                                errors.Add($"Type {name} can only implement {iface.Name} once.");
                            }
                            else
                            {
                                interfaces.Add(iface);
                            }
                        }

                        fieldsType.Interfaces = interfaces;
                        break;
                    }

                case UnionType union:
                    {
                        var members = new List<ObjectType>();
                        foreach (var reference in nodes.Cast<UnionTypeDefinitionNode>().SelectMany(n => n.Types))
                        {
                            var resolved = Resolve(reference);
                            if (resolved is not ObjectType member)
                            {
                                errors.Add($"Union type {name} can only include Object types, it cannot include {reference.Name}.");
                            }
                            else if (members.Contains(member))
                            {
                                errors.Add($"Union type {name} can only include type {member.Name} once.");
                            }
                            else
                            {
                                members.Add(member);
                            }
                        }

                        union.Types = members;
                        break;
                    }

                case EnumType enumType:
                    {
                        var values = new List<EnumValueDefinition>();
                        foreach (var node in nodes.Cast<EnumTypeDefinitionNode>().SelectMany(n => n.Values))
                        {
                            if (values.Any(v => v.Name == node.Name))
                            {
                                errors.Add($"Enum value \"{name}.{node.Name}\" can only be defined once.");
                                continue;
                            }

                            values.Add(new EnumValueDefinition(node.Name, node.Description?.Value, DeprecationReason(node.Directives), node));
                        }

                        enumType.SetValues(values);
                        break;
                    }

                case InputObjectType inputObject:
                    {
                        var fields = new List<InputValueDefinition>();
                        foreach (var node in nodes.Cast<InputObjectTypeDefinitionNode>().SelectMany(n => n.Fields))
                        {
                            if (fields.Any(f => f.Name == node.Name))
                            {
                                errors.Add($"Field \"{name}.{node.Name}\" can only be defined once.");
                                continue;
                            }

                            fields.Add(InputValue(node));
                        }

                        inputObject.SetFields(fields);
                        inputObject.IsOneOf = directives.Any(d => d.Name == "oneOf");
                        break;
                    }
            }
        }

        // Directives: the SDL's own first, then the specified ones, in the order graphql-js's buildSchema lists them.
        var directiveDefinitions = new List<DirectiveDefinition>();
        var specified = Parser.Parse(DirectiveDefinition.SpecifiedDirectivesSdl).Definitions.Cast<DirectiveDefinitionNode>();
        var own = definitions.OfType<DirectiveDefinitionNode>().ToList();
        foreach (var node in own.Concat(specified.Where(d => own.All(o => o.Name != d.Name))))
        {
            // An SDL may redefine a specified directive (graphql-js allows it); only its own duplicates are errors.
            if (directiveDefinitions.Any(d => d.Name == node.Name))
            {
                errors.Add($"There can be only one directive named \"@{node.Name}\".");
                continue;
            }

            directiveDefinitions.Add(new DirectiveDefinition(node.Name, node.Description?.Value, node.Arguments.Select(InputValue).ToList(), node.Locations, node.Repeatable, node));
        }

        CheckAppliedDirectives(definitions, directiveDefinitions, errors);
        CoerceDefaultValues(ordered, directiveDefinitions, errors);

        // Root operation types: the schema definition's, else the conventional names (#sec-Root-Operation-Types).
        var schemaNodes = definitions.OfType<SchemaDefinitionNode>().ToList();
        if (schemaNodes.Count(s => !s.IsExtension) > 1)
        {
            errors.Add("Must provide only one schema definition.");
        }

        var roots = new Dictionary<OperationType, NamedType?>();
        var operationTypes = schemaNodes.SelectMany(s => s.OperationTypes).ToList();
        if (operationTypes.Count > 0)
        {
            foreach (var operationType in operationTypes)
            {
                if (roots.ContainsKey(operationType.Operation))
                {
                    errors.Add($"Type for {Printer.Keyword(operationType.Operation)} already defined in the schema. It cannot be redefined.");
                    continue;
                }

                roots[operationType.Operation] = types.GetValueOrDefault(operationType.Type.Name);
                if (roots[operationType.Operation] is null)
                {
                    errors.Add($"Unknown type \"{operationType.Type.Name}\"." + At(operationType.Type));
                }
            }
        }
        else
        {
            roots[OperationType.Query] = types.GetValueOrDefault("Query");
            roots[OperationType.Mutation] = types.GetValueOrDefault("Mutation");
            roots[OperationType.Subscription] = types.GetValueOrDefault("Subscription");
        }

        ObjectType? Root(OperationType operation, string word)
        {
            var root = roots.GetValueOrDefault(operation);
            if (root is null or ObjectType)
            {
                return (ObjectType?)root;
            }

            errors.Add($"{word} root type must be Object type{(operation == OperationType.Query ? "" : " if provided")}, it cannot be {root.Name}.");
            return null;
        }

        var query = Root(OperationType.Query, "Query");
        var mutation = Root(OperationType.Mutation, "Mutation");
        var subscription = Root(OperationType.Subscription, "Subscription");
        if (query is null)
        {
            if (roots.GetValueOrDefault(OperationType.Query) is null)
            {
                errors.Add("Query root type must be provided.");
            }

            return null;
        }

        var allTypes = OrderTypes(ordered, query, mutation, subscription, directiveDefinitions);
        var description = schemaNodes.FirstOrDefault(s => !s.IsExtension)?.Description?.Value;
        return new Schema(description, allTypes, directiveDefinitions, query, mutation, subscription);
    }

    /// <summary>
    /// The order graphql-js's GraphQLSchema constructor gives the type map: each SDL type in turn,
    /// followed by the built-in scalars it is first to reference, then the types reached from
    /// the roots, the directives' arguments and __Schema. Introspection lists types in this
    /// order, so clients and the differential suite see the same list from both engines.
    /// </summary>
    private static List<NamedType> OrderTypes(List<NamedType> sdlTypes, ObjectType query, ObjectType? mutation, ObjectType? subscription, List<DirectiveDefinition> directives)
    {
        var order = new List<NamedType>(sdlTypes);
        var present = new HashSet<NamedType>(sdlTypes);

        void Collect(GraphQLType type)
        {
            var named = type.GetNamedType();
            if (!present.Add(named))
            {
                return;
            }

            order.Add(named);
            switch (named)
            {
                case UnionType union:
                    union.Types.ToList().ForEach(Collect);
                    break;
                case FieldsType fields:
                    fields.Interfaces.ToList().ForEach(Collect);
                    foreach (var field in fields.Fields)
                    {
                        Collect(field.Type);
                        field.Arguments.Select(a => a.Type).ToList().ForEach(Collect);
                    }

                    break;
                case InputObjectType input:
                    input.Fields.Select(f => f.Type).ToList().ForEach(Collect);
                    break;
            }
        }

        foreach (var type in sdlTypes)
        {
            // Taken out and put back at the end, followed by what it is first to reference.
            order.Remove(type);
            present.Remove(type);
            Collect(type);
        }

        Collect(query);
        if (mutation is not null)
        {
            Collect(mutation);
        }

        if (subscription is not null)
        {
            Collect(subscription);
        }

        foreach (var directive in directives)
        {
            directive.Arguments.Select(a => a.Type).ToList().ForEach(Collect);
        }

        Collect(IntrospectionTypes.SchemaType);
        return order;
    }

    private static ScalarType MissingScalar(string name, List<string> errors)
    {
        errors.Add($"Scalar \"{name}\" has no implementation: register one with AddScalar.");
        return new DelegateScalarType(name, v => v, v => v, l => l);
    }

    /// <summary>@deprecated(reason:) on a field, argument, input field or enum value (#sec--deprecated).</summary>
    private static string? DeprecationReason(IReadOnlyList<DirectiveNode> directives)
    {
        foreach (var directive in directives)
        {
            if (directive.Name == "deprecated")
            {
                return directive.Arguments.FirstOrDefault(a => a.Name == "reason")?.Value is StringValueNode reason
                    ? reason.Value
                    : "No longer supported";
            }
        }

        return null;
    }

    /// <summary>Directives applied in SDL must be defined and allowed where they stand.</summary>
    private static void CheckAppliedDirectives(List<DefinitionNode> definitions, List<DirectiveDefinition> directives, List<string> errors)
    {
        void Check(IEnumerable<DirectiveNode> applied, string location)
        {
            foreach (var directive in applied)
            {
                var definition = directives.FirstOrDefault(d => d.Name == directive.Name);
                if (definition is null)
                {
                    errors.Add($"Unknown directive \"@{directive.Name}\"." + At(directive));
                }
                else if (!definition.Locations.Contains(location))
                {
                    errors.Add($"Directive \"@{directive.Name}\" may not be used on {location}." + At(directive));
                }
            }
        }

        foreach (var definition in definitions)
        {
            switch (definition)
            {
                case SchemaDefinitionNode s:
                    Check(s.Directives, "SCHEMA");
                    break;
                case ScalarTypeDefinitionNode s:
                    Check(s.Directives, "SCALAR");
                    break;
                case FieldsTypeDefinitionNode f:
                    Check(f.Directives, f is ObjectTypeDefinitionNode ? "OBJECT" : "INTERFACE");
                    foreach (var field in f.Fields)
                    {
                        Check(field.Directives, "FIELD_DEFINITION");
                        foreach (var argument in field.Arguments)
                        {
                            Check(argument.Directives, "ARGUMENT_DEFINITION");
                        }
                    }

                    break;
                case UnionTypeDefinitionNode u:
                    Check(u.Directives, "UNION");
                    break;
                case EnumTypeDefinitionNode e:
                    Check(e.Directives, "ENUM");
                    foreach (var value in e.Values)
                    {
                        Check(value.Directives, "ENUM_VALUE");
                    }

                    break;
                case InputObjectTypeDefinitionNode i:
                    Check(i.Directives, "INPUT_OBJECT");
                    foreach (var field in i.Fields)
                    {
                        Check(field.Directives, "INPUT_FIELD_DEFINITION");
                    }

                    break;
            }
        }
    }

    /// <summary>Default values must coerce to their type; twice, so input objects see their fields' defaults.</summary>
    private static void CoerceDefaultValues(List<NamedType> types, List<DirectiveDefinition> directives, List<string> errors)
    {
        var inputs = new List<(string Coordinate, InputValueDefinition Value)>();
        foreach (var type in types)
        {
            switch (type)
            {
                case FieldsType f:
                    inputs.AddRange(f.Fields.SelectMany(field => field.Arguments.Select(a => ($"{type.Name}.{field.Name}({a.Name}:)", a))));
                    break;
                case InputObjectType i:
                    inputs.AddRange(i.Fields.Select(field => ($"{type.Name}.{field.Name}", field)));
                    break;
            }
        }

        inputs.AddRange(directives.SelectMany(d => d.Arguments.Select(a => ($"@{d.Name}({a.Name}:)", a))));
        for (var pass = 0; pass < 2; pass++)
        {
            foreach (var (coordinate, input) in inputs)
            {
                if (input.DefaultValueLiteral is null)
                {
                    continue;
                }

                if (Values.TryValueFromAst(input.DefaultValueLiteral, input.Type, out var value))
                {
                    input.DefaultValue = value;
                }
                else if (pass == 1)
                {
                    errors.Add($"Default value {Printer.Print(input.DefaultValueLiteral)} of {coordinate} is not a valid {input.Type}.");
                }
            }
        }
    }

    private static string KindWord(TypeDefinitionNode node) => node switch
    {
        ScalarTypeDefinitionNode => "scalar",
        ObjectTypeDefinitionNode => "object",
        InterfaceTypeDefinitionNode => "interface",
        UnionTypeDefinitionNode => "union",
        EnumTypeDefinitionNode => "enum",
        _ => "input object",
    };

    private static string At(SyntaxNode node) => $" (line {node.Location.Line}, column {node.Location.Column})";

    private static string At(IReadOnlyList<SourceLocation>? locations) =>
        locations is { Count: > 0 } ? $" (line {locations[0].Line}, column {locations[0].Column})" : "";
}
