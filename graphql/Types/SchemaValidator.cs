using Governance.GraphQL.Types.Introspection;

namespace Governance.GraphQL.Types;

/// <summary>
/// The type system's own validation (#sec-Type-System, each kind's "Type Validation"
/// subsection), with graphql-js's validateSchema messages. Every problem is collected; none stops
/// the others from being found.
/// </summary>
internal static class SchemaValidator
{
    public static void Validate(Schema schema, List<string> errors)
    {
        foreach (var directive in schema.Directives.Where(d => !DirectiveDefinition.IsSpecified(d.Name)))
        {
            CheckName(directive.Name, errors);
            foreach (var argument in directive.Arguments)
            {
                CheckName(argument.Name, errors);
                if (!argument.Type.IsInputType)
                {
                    errors.Add($"The type of @{directive.Name}({argument.Name}:) must be Input Type but got: {argument.Type}.");
                }

                if (argument.Type.IsNonNull && !argument.HasDefaultValue && argument.IsDeprecated)
                {
                    errors.Add($"Required argument @{directive.Name}({argument.Name}:) cannot be deprecated.");
                }
            }
        }

        foreach (var type in schema.Types.Where(t => !IntrospectionTypes.IsIntrospectionType(t) && !BuiltInScalars.IsBuiltIn(t)))
        {
            CheckName(type.Name, errors);
            switch (type)
            {
                case FieldsType fieldsType:
                    ValidateFields(fieldsType, errors);
                    ValidateInterfaces(schema, fieldsType, errors);
                    break;
                case UnionType union when union.Types.Count == 0:
                    errors.Add($"Union type {union.Name} must define one or more member types.");
                    break;
                case EnumType enumType:
                    if (enumType.Values.Count == 0)
                    {
                        errors.Add($"Enum type {enumType.Name} must define one or more values.");
                    }

                    foreach (var value in enumType.Values)
                    {
                        CheckName(value.Name, errors);
                    }

                    break;
                case InputObjectType input:
                    ValidateInputObject(input, errors);
                    break;
            }
        }
    }

    private static void CheckName(string name, List<string> errors)
    {
        if (name.StartsWith("__", StringComparison.Ordinal))
        {
            errors.Add($"Name \"{name}\" must not begin with \"__\", which is reserved by GraphQL introspection.");
        }
    }

    /// <summary>#sec-Objects.Type-Validation and #sec-Interfaces.Type-Validation, rules 1–2.</summary>
    private static void ValidateFields(FieldsType type, List<string> errors)
    {
        if (type.Fields.Count == 0)
        {
            errors.Add($"Type {type.Name} must define one or more fields.");
        }

        foreach (var field in type.Fields)
        {
            CheckName(field.Name, errors);
            if (!field.Type.IsOutputType)
            {
                errors.Add($"The type of {type.Name}.{field.Name} must be Output Type but got: {field.Type}.");
            }

            foreach (var argument in field.Arguments)
            {
                CheckName(argument.Name, errors);
                if (!argument.Type.IsInputType)
                {
                    errors.Add($"The type of {type.Name}.{field.Name}({argument.Name}:) must be Input Type but got: {argument.Type}.");
                }

                if (argument.Type.IsNonNull && !argument.HasDefaultValue && argument.IsDeprecated)
                {
                    errors.Add($"Required argument {type.Name}.{field.Name}({argument.Name}:) cannot be deprecated.");
                }
            }
        }
    }

    /// <summary>
    /// IsValidImplementation (#sec-Objects.Type-Validation rule 4): every interface field is present
    /// with the same arguments and a covariant type, extra arguments are optional, and the
    /// interfaces an interface implements are implemented too.
    /// </summary>
    private static void ValidateInterfaces(Schema schema, FieldsType type, List<string> errors)
    {
        foreach (var iface in type.Interfaces)
        {
            if (ReferenceEquals(iface, type))
            {
                errors.Add($"Type {type.Name} cannot implement itself because it would create a circular reference.");
                continue;
            }

            foreach (var transitive in iface.Interfaces)
            {
                if (!type.Interfaces.Contains(transitive))
                {
                    errors.Add(ReferenceEquals(transitive, type)
                        ? $"Type {type.Name} cannot implement {iface.Name} because it would create a circular reference."
                        : $"Type {type.Name} must implement {transitive.Name} because it is implemented by {iface.Name}.");
                }
            }

            foreach (var interfaceField in iface.Fields)
            {
                var field = type.GetField(interfaceField.Name);
                if (field is null)
                {
                    errors.Add($"Interface field {iface.Name}.{interfaceField.Name} expected but {type.Name} does not provide it.");
                    continue;
                }

                if (!schema.IsTypeSubTypeOf(field.Type, interfaceField.Type))
                {
                    errors.Add($"Interface field {iface.Name}.{interfaceField.Name} expects type {interfaceField.Type} but {type.Name}.{field.Name} is type {field.Type}.");
                }

                foreach (var interfaceArgument in interfaceField.Arguments)
                {
                    var argument = field.ArgumentsByName.GetValueOrDefault(interfaceArgument.Name);
                    if (argument is null)
                    {
                        errors.Add($"Interface field argument {iface.Name}.{interfaceField.Name}({interfaceArgument.Name}:) expected but {type.Name}.{field.Name} does not provide it.");
                    }
                    else if (argument.Type.ToString() != interfaceArgument.Type.ToString())
                    {
                        errors.Add($"Interface field argument {iface.Name}.{interfaceField.Name}({interfaceArgument.Name}:) expects type {interfaceArgument.Type} but {type.Name}.{field.Name}({argument.Name}:) is type {argument.Type}.");
                    }
                }

                foreach (var argument in field.Arguments)
                {
                    if (argument.Type.IsNonNull && !argument.HasDefaultValue && !interfaceField.ArgumentsByName.ContainsKey(argument.Name))
                    {
                        errors.Add($"Argument {type.Name}.{field.Name}({argument.Name}:) must not be required type {argument.Type} if not provided by the Interface field {iface.Name}.{interfaceField.Name}.");
                    }
                }
            }
        }
    }

    /// <summary>#sec-Input-Objects.Type-Validation and #sec-OneOf-Input-Objects.</summary>
    private static void ValidateInputObject(InputObjectType input, List<string> errors)
    {
        if (input.Fields.Count == 0)
        {
            errors.Add($"Input Object type {input.Name} must define one or more fields.");
        }

        foreach (var field in input.Fields)
        {
            CheckName(field.Name, errors);
            if (!field.Type.IsInputType)
            {
                errors.Add($"The type of {input.Name}.{field.Name} must be Input Type but got: {field.Type}.");
            }

            if (field.Type.IsNonNull && !field.HasDefaultValue && field.IsDeprecated)
            {
                errors.Add($"Required input field {input.Name}.{field.Name} cannot be deprecated.");
            }

            if (input.IsOneOf)
            {
                if (field.Type.IsNonNull)
                {
                    errors.Add($"OneOf input field {input.Name}.{field.Name} must be nullable.");
                }

                if (field.HasDefaultValue)
                {
                    errors.Add($"OneOf input field {input.Name}.{field.Name} cannot have a default value.");
                }
            }
        }

        // An input object may not reach itself through non-null fields only: no value could be written.
        var path = new List<string>();
        var visited = new HashSet<InputObjectType>();
        void Walk(InputObjectType current)
        {
            if (!visited.Add(current))
            {
                return;
            }

            foreach (var field in current.Fields)
            {
                if (field.Type is NonNullType { OfType: InputObjectType next })
                {
                    path.Add(field.Name);
                    if (ReferenceEquals(next, input))
                    {
                        errors.Add($"Cannot reference Input Object \"{input.Name}\" within itself through a series of non-null fields: \"{string.Join(".", path)}\".");
                    }
                    else
                    {
                        Walk(next);
                    }

                    path.RemoveAt(path.Count - 1);
                }
            }
        }

        Walk(input);
    }
}
