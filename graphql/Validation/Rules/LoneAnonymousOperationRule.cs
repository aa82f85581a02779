using Governance.GraphQL.Language;

namespace Governance.GraphQL.Validation.Rules;

/// <summary>
/// Lone Anonymous Operation (#sec-Lone-Anonymous-Operation): an operation without a name is
/// allowed only when it is the document's only operation, or it could not be selected.
/// </summary>
internal sealed class LoneAnonymousOperationRule : ValidationRule
{
    public const string Anchor = "sec-Lone-Anonymous-Operation";

    private int _operationCount;

    public override void EnterDocument(ValidationContext context, DocumentNode node) =>
        _operationCount = node.Definitions.Count(d => d is OperationDefinitionNode);

    public override void EnterOperation(ValidationContext context, OperationDefinitionNode node)
    {
        if (node.Name is null && _operationCount > 1)
        {
            context.ReportError(Anchor, "This anonymous operation must be the only defined operation.", node);
        }
    }
}
