using System.Collections.Concurrent;
using System.Globalization;
using System.Reflection;
using System.Runtime.CompilerServices;
using Governance.GraphQL.Types;

namespace Governance.GraphQL.Execution;

/// <summary>
/// Binds coerced input values (#sec-Coercing-Field-Arguments: dictionaries, lists, enum names,
/// scalars) to C# records and classes, as HotChocolate binds input types: fields by name
/// (camelCase ↔ PascalCase, case-insensitive) to constructor parameters, then to settable
/// properties; GraphQL enums to C# enums (<see cref="EnumNames"/>); lists to arrays and lists;
/// nested input objects recursively; <see cref="Optional{T}"/> keeps "omitted" apart from "null".
///
/// A plan is made once per (GraphQL type, CLR type) and kept beside the schema type, so a
/// request pays for delegate calls only. Making it checks the fit both ways and names every
/// field that does not fit: at <c>SchemaBuilder.Build</c> for types bound with <c>BindInput</c>,
/// else on first use.
/// </summary>
internal static class InputBinder
{
    private static readonly ConditionalWeakTable<GraphQLType, ConcurrentDictionary<Type, Func<object?, object?>>> Plans = new();
    private static readonly HashSet<string> BuiltInScalarNames = ["String", "ID", "Int", "Float", "Boolean"];

    /// <summary>The cached converter, made (and checked) on first use; throws naming every misfit.</summary>
    public static Func<object?, object?> PlanFor(GraphQLType type, Type clrType, string subject)
    {
        var plans = Plans.GetValue(type, _ => new ConcurrentDictionary<Type, Func<object?, object?>>());
        if (plans.TryGetValue(clrType, out var plan))
        {
            return plan;
        }

        var errors = new List<string>();
        plan = Make(type, clrType, subject, errors);
        if (errors.Count > 0)
        {
            throw new InvalidOperationException(string.Join(Environment.NewLine, errors));
        }

        return plans.GetOrAdd(clrType, plan);
    }

    /// <summary>Checks the fit at build time, adding each misfit to <paramref name="errors"/>; caches the plan when it fits.</summary>
    public static void Check(GraphQLType type, Type clrType, List<string> errors)
    {
        var found = new List<string>();
        var plan = Make(type, clrType, type.ToString(), found);
        errors.AddRange(found);
        if (found.Count == 0)
        {
            Plans.GetValue(type, _ => new ConcurrentDictionary<Type, Func<object?, object?>>()).TryAdd(clrType, plan);
        }
    }

    private static Func<object?, object?> Make(GraphQLType type, Type clrType, string subject, List<string> errors)
    {
        var building = new Builder(errors);
        var plan = building.Convert(type, clrType, null, new Site(subject, Name(clrType)));
        if (errors.Count == 0)
        {
            foreach (var ((inputType, clr), objectPlan) in building.Objects)
            {
                Plans.GetValue(inputType, _ => new ConcurrentDictionary<Type, Func<object?, object?>>()).TryAdd(clr, objectPlan.Convert);
            }
        }

        return plan;
    }

    /// <summary>Where a value is bound: the GraphQL side and the C# side, for error messages.</summary>
    private readonly record struct Site(string Field, string Member)
    {
        public string Misfit(string reason) => $"Cannot bind {Field} to {Member}: {reason}";
    }

    private sealed class Builder(List<string> errors)
    {
        public Dictionary<(InputObjectType, Type), ObjectPlan> Objects { get; } = [];

        /// <summary>Reads nullable reference annotations; one per plan, as the context is not thread-safe.</summary>
        public NullabilityInfoContext Nullability { get; } = new();

        public Func<object?, object?> Convert(GraphQLType type, Type clr, NullabilityInfo? nullability, Site site)
        {
            if (clr == typeof(object))
            {
                return Identity;
            }

            if (type is NonNullType nonNull)
            {
                return ConvertNonNull(nonNull.OfType, Nullable.GetUnderlyingType(clr) ?? clr, nullability, site);
            }

            var acceptsNull = clr.IsValueType
                ? Nullable.GetUnderlyingType(clr) is not null
                : nullability is null || nullability.WriteState is not NullabilityState.NotNull;
            if (!acceptsNull)
            {
                errors.Add(site.Misfit($"{type} may be null, but {Name(clr)} cannot hold null; declare it {Name(clr)}?."));
            }

            var inner = ConvertNonNull(type, Nullable.GetUnderlyingType(clr) ?? clr, nullability, site);
            return value => value is null ? null : inner(value);
        }

        private Func<object?, object?> ConvertNonNull(GraphQLType type, Type clr, NullabilityInfo? nullability, Site site)
        {
            if (clr == typeof(object))
            {
                return Identity;
            }

            switch (type)
            {
                case ListType list:
                    return ConvertList(list, clr, nullability, site);
                case ScalarType scalar:
                    return ConvertScalar(scalar, clr, site);
                case EnumType enumType:
                    return ConvertEnum(enumType, clr, site);
                case InputObjectType inputObject:
                    return ConvertObject(inputObject, clr, site);
                default:
                    errors.Add(site.Misfit($"{type} is not an input type."));
                    return Identity;
            }
        }

        private Func<object?, object?> ConvertList(ListType list, Type clr, NullabilityInfo? nullability, Site site)
        {
            var element = clr.IsArray ? clr.GetElementType() : ListElement(clr);
            if (element is null)
            {
                errors.Add(site.Misfit($"{list} is a list, but {Name(clr)} is not an array or list type."));
                return Identity;
            }

            var elementNullability = nullability?.ElementType ?? (nullability?.GenericTypeArguments is [var only] ? only : null);
            var convertElement = Convert(list.OfType, element, elementNullability, site with { Field = site.Field + "[]" });
            var helper = typeof(Builder).GetMethod(clr.IsArray ? nameof(ToArray) : nameof(ToList), BindingFlags.NonPublic | BindingFlags.Static)!
                .MakeGenericMethod(element)
                .CreateDelegate<Func<object?, Func<object?, object?>, object?>>();
            return value => helper(value, convertElement);
        }

        private static Type? ListElement(Type clr)
        {
            if (!clr.IsGenericType || clr.GetGenericArguments() is not [var element])
            {
                return null;
            }

            // Whatever List<T> can be assigned to: List<T>, IList<T>, IReadOnlyList<T>, IEnumerable<T>, ….
            return clr.IsAssignableFrom(typeof(List<>).MakeGenericType(element)) ? element : null;
        }

        private static object? ToList<T>(object? value, Func<object?, object?> convert)
        {
            var items = (IReadOnlyList<object?>)value!;
            var result = new List<T>(items.Count);
            foreach (var item in items)
            {
                result.Add((T)convert(item)!);
            }

            return result;
        }

        private static object? ToArray<T>(object? value, Func<object?, object?> convert)
        {
            var items = (IReadOnlyList<object?>)value!;
            var result = new T[items.Count];
            for (var i = 0; i < result.Length; i++)
            {
                result[i] = (T)convert(items[i])!;
            }

            return result;
        }

        private Func<object?, object?> ConvertScalar(ScalarType scalar, Type clr, Site site)
        {
            if (!BuiltInScalarNames.Contains(scalar.Name))
            {
                // A custom scalar's CLR type is known only from its values.
                return value => value is null || clr.IsInstanceOfType(value)
                    ? value
                    : throw new InvalidOperationException(site.Misfit($"the {scalar.Name} scalar gave {Name(value.GetType())}, which {Name(clr)} cannot hold."));
            }

            Type[] fits = scalar.Name switch
            {
                "Int" => [typeof(int), typeof(long), typeof(double), typeof(decimal)],
                "Float" => [typeof(double), typeof(decimal), typeof(float)],
                "Boolean" => [typeof(bool)],
                _ => [typeof(string)],
            };
            if (!fits.Contains(clr))
            {
                errors.Add(site.Misfit($"{scalar.Name} does not fit {Name(clr)}; use {string.Join(" or ", fits.Select(Name))}."));
                return Identity;
            }

            return value => value is null || value.GetType() == clr ? value : System.Convert.ChangeType(value, clr, CultureInfo.InvariantCulture);
        }

        private Func<object?, object?> ConvertEnum(EnumType enumType, Type clr, Site site)
        {
            if (clr == typeof(string))
            {
                return Identity;
            }

            if (!clr.IsEnum)
            {
                errors.Add(site.Misfit($"the enum {enumType.Name} does not fit {Name(clr)}; use a C# enum or string."));
                return Identity;
            }

            var members = new Dictionary<string, object>(StringComparer.Ordinal);
            foreach (var value in enumType.Values)
            {
                try
                {
                    members[value.Name] = EnumNames.Parse(clr, value.Name);
                }
                catch (InvalidCastException)
                {
                    errors.Add(site.Misfit($"{enumType.Name}.{value.Name} has no member in {Name(clr)}."));
                }
            }

            return value => value is null ? null : members[(string)value];
        }

        private Func<object?, object?> ConvertObject(InputObjectType inputObject, Type clr, Site site)
        {
            if (clr.IsAssignableFrom(typeof(Dictionary<string, object?>)))
            {
                return Identity;
            }

            if (Plans.TryGetValue(inputObject, out var cached) && cached.TryGetValue(clr, out var known))
            {
                return known;
            }

            if (Objects.TryGetValue((inputObject, clr), out var building))
            {
                return building.Convert;
            }

            if (clr.IsPrimitive || clr.IsEnum || clr == typeof(string) || clr.IsAbstract)
            {
                errors.Add(site.Misfit($"the input object {inputObject.Name} needs a record or class, not {Name(clr)}."));
                return Identity;
            }

            var plan = new ObjectPlan();
            Objects[(inputObject, clr)] = plan;
            plan.Fill(inputObject, clr, this, errors);
            return plan.Convert;
        }

        private static object? Identity(object? value) => value;

        /// <summary>One input object's plan: which field feeds which constructor argument or property.</summary>
        public sealed class ObjectPlan
        {
            private ConstructorInvoker? _constructor;
            private Type _type = null!;
            private int _arity;
            private Member[] _parameters = [];
            private Member[] _properties = [];

            private sealed record Member(string Field, int Parameter, MethodInvoker? Setter, Func<object?, object?> Convert, object? WhenOmitted);

            public void Fill(InputObjectType inputObject, Type clr, Builder builder, List<string> errors)
            {
                _type = clr;
                var constructor = clr.GetConstructors().OrderByDescending(c => c.GetParameters().Length).FirstOrDefault();
                if (constructor is null && !clr.IsValueType)
                {
                    errors.Add($"Cannot bind {inputObject.Name} to {Name(clr)}: it has no public constructor.");
                    return;
                }

                var parameters = constructor?.GetParameters() ?? [];
                _constructor = constructor is null ? null : ConstructorInvoker.Create(constructor);
                _arity = parameters.Length;
                var members = new List<Member>();
                var bound = new HashSet<string>(StringComparer.Ordinal);
                for (var i = 0; i < parameters.Length; i++)
                {
                    var parameter = parameters[i];
                    var field = inputObject.Fields.FirstOrDefault(f => string.Equals(f.Name, parameter.Name, StringComparison.OrdinalIgnoreCase));
                    if (field is null)
                    {
                        errors.Add($"Cannot bind {inputObject.Name} to {Name(clr)}: the constructor parameter \"{parameter.Name}\" matches no field of {inputObject.Name}.");
                        continue;
                    }

                    bound.Add(field.Name);
                    var (convert, omitted) = Field(field, parameter.ParameterType, builder.Nullability.Create(parameter), inputObject, $"{Name(clr)}.{parameter.Name}", builder);
                    members.Add(new Member(field.Name, i, null, convert, parameter.HasDefaultValue && omitted is null ? parameter.DefaultValue : omitted));
                }

                foreach (var field in inputObject.Fields.Where(f => !bound.Contains(f.Name)))
                {
                    var property = clr.GetProperty(field.Name, BindingFlags.Public | BindingFlags.Instance | BindingFlags.IgnoreCase);
                    if (property?.SetMethod is not { IsPublic: true } setter)
                    {
                        errors.Add($"Cannot bind {inputObject.Name}.{field.Name} to {Name(clr)}: it has no constructor parameter or settable property \"{field.Name}\".");
                        continue;
                    }

                    var (convert, omitted) = Field(field, property.PropertyType, builder.Nullability.Create(property), inputObject, $"{Name(clr)}.{property.Name}", builder);
                    members.Add(new Member(field.Name, -1, MethodInvoker.Create(setter), convert, omitted));
                }

                _parameters = [.. members.Where(m => m.Parameter >= 0)];
                _properties = [.. members.Where(m => m.Setter is not null)];
            }

            private static (Func<object?, object?> Convert, object? WhenOmitted) Field(
                InputValueDefinition field, Type memberType, NullabilityInfo nullability, InputObjectType inputObject, string member, Builder builder)
            {
                var site = new Site($"{inputObject.Name}.{field.Name}", member);
                if (memberType.IsGenericType && memberType.GetGenericTypeDefinition() == typeof(Optional<>))
                {
                    var inner = memberType.GetGenericArguments()[0];
                    var convert = builder.Convert(field.Type, inner, nullability.GenericTypeArguments[0], site);
                    var wrap = typeof(ObjectPlan).GetMethod(nameof(Wrap), BindingFlags.NonPublic | BindingFlags.Static)!
                        .MakeGenericMethod(inner)
                        .CreateDelegate<Func<object?, object?>>();
                    return (value => wrap(convert(value)), Activator.CreateInstance(memberType));
                }

                return (builder.Convert(field.Type, memberType, nullability, site), null);
            }

            private static object? Wrap<T>(object? value) => new Optional<T>((T)value!);

            public object? Convert(object? value)
            {
                if (value is null)
                {
                    return null;
                }

                var fields = (IReadOnlyDictionary<string, object?>)value;
                var arguments = new object?[_arity];
                foreach (var member in _parameters)
                {
                    arguments[member.Parameter] = fields.TryGetValue(member.Field, out var given) ? member.Convert(given) : member.WhenOmitted;
                }

                var result = _constructor is null ? Activator.CreateInstance(_type)! : _constructor.Invoke(arguments.AsSpan());
                foreach (var member in _properties)
                {
                    // An omitted field leaves the property's initializer in place.
                    if (fields.TryGetValue(member.Field, out var given))
                    {
                        member.Setter!.Invoke(result, member.Convert(given));
                    }
                }

                return result;
            }
        }
    }

    /// <summary>A C# name for messages: <c>int?</c>, <c>List&lt;String&gt;</c>.</summary>
    internal static string Name(Type type)
    {
        if (Nullable.GetUnderlyingType(type) is { } underlying)
        {
            return Name(underlying) + "?";
        }

        if (!type.IsGenericType)
        {
            return type.Name switch
            {
                "Int32" => "int",
                "Int64" => "long",
                "Double" => "double",
                "Single" => "float",
                "Decimal" => "decimal",
                "Boolean" => "bool",
                "String" => "string",
                "Object" => "object",
                _ => type.IsArray ? Name(type.GetElementType()!) + "[]" : type.Name,
            };
        }

        var name = type.Name[..type.Name.IndexOf('`', StringComparison.Ordinal)];
        return name + "<" + string.Join(", ", type.GetGenericArguments().Select(Name)) + ">";
    }
}
