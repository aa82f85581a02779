using Governance.GraphQL.Language;

namespace Governance.GraphQL.Validation;

/// <summary>
/// One rule of spec §5. The <see cref="DocumentWalker"/> walks the document once for all rules
/// together and calls each rule's hooks with <see cref="TypeInfo"/> up to date; a rule keeps
/// its own state, so a fresh instance serves each validation. A hook returning false skips the
/// node's children (and its leave hook) for that rule only.
/// </summary>
internal abstract class ValidationRule
{
    public virtual void EnterDocument(ValidationContext context, DocumentNode node)
    {
    }

    public virtual void LeaveDocument(ValidationContext context, DocumentNode node)
    {
    }

    public virtual void EnterOperation(ValidationContext context, OperationDefinitionNode node)
    {
    }

    public virtual void LeaveOperation(ValidationContext context, OperationDefinitionNode node)
    {
    }

    public virtual void EnterFragmentDefinition(ValidationContext context, FragmentDefinitionNode node)
    {
    }

    public virtual bool EnterVariableDefinition(ValidationContext context, VariableDefinitionNode node) => true;

    public virtual void LeaveVariableDefinition(ValidationContext context, VariableDefinitionNode node)
    {
    }

    public virtual void EnterSelectionSet(ValidationContext context, SelectionSetNode node, SyntaxNode parent)
    {
    }

    public virtual void EnterField(ValidationContext context, FieldNode node)
    {
    }

    public virtual void LeaveField(ValidationContext context, FieldNode node)
    {
    }

    public virtual void EnterFragmentSpread(ValidationContext context, FragmentSpreadNode node)
    {
    }

    public virtual void EnterInlineFragment(ValidationContext context, InlineFragmentNode node)
    {
    }

    /// <param name="location">Where the directive stands, as DirectiveLocation spells it: QUERY, FIELD, …</param>
    public virtual void EnterDirective(ValidationContext context, DirectiveNode node, string location)
    {
    }

    public virtual void EnterArgument(ValidationContext context, ArgumentNode node)
    {
    }

    public virtual void EnterObjectField(ValidationContext context, ObjectFieldNode node)
    {
    }

    /// <summary>Every value: variables, scalars, enums, lists and input objects, outermost first.</summary>
    public virtual bool EnterValue(ValidationContext context, ValueNode node) => true;

    /// <summary>A type name in a variable's type or a fragment's type condition.</summary>
    public virtual void EnterNamedType(ValidationContext context, NamedTypeNode node)
    {
    }
}
