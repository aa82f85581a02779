using Governance.GraphQL.Errors;
using Governance.GraphQL.Execution;

namespace Governance.GraphQL.Types;

/// <summary>
/// Builds a <see cref="Schema"/> SDL-first: the host gives the <c>.graphql</c> text, then binds
/// C# to it by name — a resolver per "Type.field", a type resolver per interface or union, and
/// custom scalars. <see cref="Build"/> refuses to start a schema that does not line up: it names
/// every field without a resolver and every resolver without a field, along with every
/// type-system rule the SDL breaks (#sec-Type-System).
///
/// Default resolution, on purpose narrow: a field needs an explicit resolver unless its object
/// type is bound to a CLR type with <see cref="BindType"/> that has a matching public property
/// (checked at build), or to dictionaries with <see cref="BindDictionary"/> (each field reads its
/// own key). A resolver registered on an interface field ("Node.id") serves every implementing
/// object type that has none of its own.
/// </summary>
public sealed partial class SchemaBuilder
{
    private readonly List<string> _sources = [];
    private readonly Dictionary<string, ScalarType> _scalars = new(StringComparer.Ordinal);
    private readonly Dictionary<string, FieldResolver> _resolvers = new(StringComparer.Ordinal);
    private readonly Dictionary<string, SubscriptionResolver> _subscribers = new(StringComparer.Ordinal);
    private readonly Dictionary<string, TypeResolver> _typeResolvers = new(StringComparer.Ordinal);
    private readonly Dictionary<string, Type> _clrTypes = new(StringComparer.Ordinal);
    private readonly Dictionary<string, Type> _inputTypes = new(StringComparer.Ordinal);
    private readonly HashSet<string> _dictionaryTypes = new(StringComparer.Ordinal);
    private readonly List<string> _registrationErrors = [];
    private readonly HashSet<string> _sameForEveryViewer = new(StringComparer.Ordinal);

    /// <summary>Adds SDL; several documents merge (extensions may extend types of earlier ones).</summary>
    public SchemaBuilder AddTypeDefinitions(string sdl)
    {
        _sources.Add(sdl);
        return this;
    }

    /// <summary>Supplies the implementation of a custom scalar the SDL declares (<c>scalar DateTime</c>).</summary>
    public SchemaBuilder AddScalar(ScalarType scalar)
    {
        if (!_scalars.TryAdd(scalar.Name, scalar))
        {
            _registrationErrors.Add($"Scalar \"{scalar.Name}\" is registered twice.");
        }

        return this;
    }

    /// <summary>Binds a resolver to "Type.field".</summary>
    public SchemaBuilder Resolve(string coordinate, FieldResolver resolver)
    {
        if (!_resolvers.TryAdd(coordinate, resolver))
        {
            _registrationErrors.Add($"Resolver \"{coordinate}\" is registered twice.");
        }

        return this;
    }

    /// <summary>Binds a synchronous resolver to "Type.field".</summary>
    public SchemaBuilder Resolve(string coordinate, Func<ResolveContext, object?> resolver) =>
        Resolve(coordinate, context => new ValueTask<object?>(resolver(context)));

    /// <summary>Binds an asynchronous resolver to "Type.field"; it runs concurrently with its siblings in queries.</summary>
    public SchemaBuilder ResolveAsync<T>(string coordinate, Func<ResolveContext, Task<T>> resolver) =>
        Resolve(coordinate, context =>
        {
            var task = resolver(context);
            return task.IsCompletedSuccessfully ? new ValueTask<object?>(task.Result) : Box(task);
        });

    /// <summary>Binds the source stream of a subscription field "Subscription.field"; each event becomes the field's value.</summary>
    public SchemaBuilder Subscribe<T>(string coordinate, Func<ResolveContext, IAsyncEnumerable<T>> subscribe)
    {
        if (!_subscribers.TryAdd(coordinate, context => new ValueTask<IAsyncEnumerable<object?>>(Cast(subscribe(context), context.CancellationToken))))
        {
            _registrationErrors.Add($"Subscription \"{coordinate}\" is registered twice.");
        }

        return this;
    }

    /// <summary>
    /// Declares fields (by coordinate, "Type.field") whose resolvers read only their parent and
    /// arguments, never the context: who asks cannot change their value. Subscribers of one
    /// <see cref="Execution.ISharedEvent"/> whose selections use only such fields share one
    /// execution. Declare nothing that hides, personalises or authorises by the caller.
    /// </summary>
    public SchemaBuilder SameForEveryViewer(params string[] coordinates)
    {
        foreach (var coordinate in coordinates)
        {
            _sameForEveryViewer.Add(coordinate);
        }

        return this;
    }

    /// <summary>Names the object type of values returned for an interface or union.</summary>
    public SchemaBuilder ResolveType(string abstractTypeName, Func<object, string?> resolver)
    {
        if (!_typeResolvers.TryAdd(abstractTypeName, (value, _) => resolver(value)))
        {
            _registrationErrors.Add($"Type resolver \"{abstractTypeName}\" is registered twice.");
        }

        return this;
    }

    /// <summary>
    /// Binds an object type to a CLR type: fields without a resolver read the property of the
    /// same name (case-insensitive), and values of that CLR type resolve interfaces and unions.
    /// </summary>
    public SchemaBuilder BindType(string typeName, Type clrType)
    {
        if (!_clrTypes.TryAdd(typeName, clrType))
        {
            _registrationErrors.Add($"Type \"{typeName}\" is bound twice.");
        }

        return this;
    }

    public SchemaBuilder BindType<T>(string typeName) => BindType(typeName, typeof(T));

    /// <summary>
    /// Declares that the input object type is read as <paramref name="clrType"/> (with
    /// <c>ResolveContext.Argument&lt;T&gt;</c> or <c>Input&lt;T&gt;</c>): <see cref="Build"/> then checks
    /// the fit and names every field that does not fit, instead of the first request finding out.
    /// </summary>
    public SchemaBuilder BindInput(string typeName, Type clrType)
    {
        if (!_inputTypes.TryAdd(typeName, clrType))
        {
            _registrationErrors.Add($"Input type \"{typeName}\" is bound twice.");
        }

        return this;
    }

    public SchemaBuilder BindInput<T>(string typeName) => BindInput(typeName, typeof(T));

    /// <summary>Binds an object type to dictionaries: each field without a resolver reads its own key; "__typename" resolves abstract types.</summary>
    public SchemaBuilder BindDictionary(string typeName)
    {
        _dictionaryTypes.Add(typeName);
        return this;
    }

    /// <summary>Builds and validates the schema; throws <see cref="GraphQLException"/> listing every problem.</summary>
    public Schema Build()
    {
        var errors = new List<string>(_registrationErrors);
        var schema = BuildTypes(errors);
        if (schema is not null)
        {
            SchemaValidator.Validate(schema, errors);
            Bind(schema, errors);
        }

        if (errors.Count > 0)
        {
            throw new GraphQLException(errors.Distinct().Select(e => new GraphQLError(e)).ToList());
        }

        return schema!;
    }

    private static async ValueTask<object?> Box<T>(Task<T> task) => await task.ConfigureAwait(false);

    private static async IAsyncEnumerable<object?> Cast<T>(IAsyncEnumerable<T> source, [System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken cancellationToken)
    {
        await foreach (var item in source.WithCancellation(cancellationToken).ConfigureAwait(false))
        {
            yield return item;
        }
    }
}
