using Governance.GraphQL.Errors;
using Governance.GraphQL.Language;
using Governance.GraphQL.Types;
using Governance.GraphQL.Validation.Rules;

namespace Governance.GraphQL.Validation;

/// <summary>
/// Validates an executable document against a schema (spec §5, #sec-Validation): every rule
/// of the section, in one walk of the document. An empty list means the document is valid.
/// Reports at most <see cref="ValidationOptions.MaxErrors"/> errors (5 by default) and
/// suggests names only when <see cref="ValidationOptions.IncludeSuggestions"/> is on.
/// </summary>
public static class DocumentValidator
{
    /// <summary>The rules of §5 in the spec's order; each is a fresh instance per validation because rules keep state.</summary>
    private static readonly Func<ValidationRule>[] RuleFactories =
    [
        // §5.1 Documents, §5.2 Operations
        () => new ExecutableDefinitionsRule(),
        () => new OperationNameUniquenessRule(),
        () => new LoneAnonymousOperationRule(),
        () => new SingleRootFieldRule(),
        () => new OperationTypeExistenceRule(),

        // §5.3 Fields
        () => new FieldSelectionsRule(),
        () => new FieldSelectionMergingRule(),
        () => new LeafFieldSelectionsRule(),

        // §5.4 Arguments
        () => new ArgumentNamesRule(),
        () => new ArgumentUniquenessRule(),
        () => new RequiredArgumentsRule(),

        // §5.5 Fragments
        () => new FragmentNameUniquenessRule(),
        () => new FragmentSpreadTypeExistenceRule(),
        () => new FragmentsOnCompositeTypesRule(),
        () => new FragmentsMustBeUsedRule(),
        () => new FragmentSpreadTargetDefinedRule(),
        () => new FragmentSpreadsMustNotFormCyclesRule(),
        () => new FragmentSpreadIsPossibleRule(),

        // §5.6 Values
        () => new ValuesOfCorrectTypeRule(),
        () => new InputObjectFieldNamesRule(),
        () => new InputObjectFieldUniquenessRule(),
        () => new InputObjectRequiredFieldsRule(),

        // §5.7 Directives
        () => new DirectivesAreDefinedRule(),
        () => new DirectivesAreInValidLocationsRule(),
        () => new DirectivesAreUniquePerLocationRule(),

        // §5.8 Variables
        () => new VariableUniquenessRule(),
        () => new VariablesAreInputTypesRule(),
        () => new AllVariableUsesDefinedRule(),
        () => new AllVariablesUsedRule(),
        () => new AllVariableUsagesAreAllowedRule(),

        // Limits beyond the spec, as graphql-js 16 validates them too.
        () => new IntrospectionDepthRule(),
    ];

    /// <summary>Validates <paramref name="document"/> against <paramref name="schema"/> with the default options (at most 5 errors, no suggestions).</summary>
    public static IReadOnlyList<GraphQLError> Validate(Schema schema, DocumentNode document) => Validate(schema, document, null);

    /// <summary>Validates <paramref name="document"/> against <paramref name="schema"/>; an empty list means valid.</summary>
    public static IReadOnlyList<GraphQLError> Validate(Schema schema, DocumentNode document, ValidationOptions? options)
    {
        ArgumentNullException.ThrowIfNull(schema);
        ArgumentNullException.ThrowIfNull(document);
        return Validate(schema, document, options, RuleFactories.Select(f => f()).ToArray());
    }

    /// <summary>Runs only the given rules: the rule tests use it to see one rule's errors alone.</summary>
    internal static IReadOnlyList<GraphQLError> Validate(Schema schema, DocumentNode document, ValidationOptions? options, ValidationRule[] rules)
    {
        options ??= ValidationOptions.Default;
        if (options.MaxErrors < 1)
        {
            throw new ArgumentOutOfRangeException(nameof(options), "MaxErrors must be at least 1.");
        }

        var context = new ValidationContext(schema, document, options);
        try
        {
            new DocumentWalker(context, context.TypeInfo, rules).WalkDocument(document);
        }
        catch (ValidationAbortedException)
        {
            // The error limit was reached: the errors so far are the answer.
        }

        return context.Errors;
    }
}
