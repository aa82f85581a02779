using Governance.GraphQL.Execution;
using Governance.GraphQL.Language;

namespace Governance.GraphQL.Validation.Rules;

/// <summary>
/// Operation Type Existence (#sec-Operation-Type-Existence): a mutation or subscription needs
/// the schema to have that root operation type. graphql-js 16 only finds out at execution.
/// </summary>
internal sealed class OperationTypeExistenceRule : ValidationRule
{
    public const string Anchor = "sec-Operation-Type-Existence";

    public override void EnterOperation(ValidationContext context, OperationDefinitionNode node)
    {
        if (context.Schema.GetRootType(node.Operation) is null)
        {
            var kind = node.Operation switch
            {
                OperationType.Query => "query",
                OperationType.Mutation => "mutation",
                _ => "subscription",
            };
            context.ReportError(Anchor, $"The schema does not support {kind} operations.", node);
        }
    }
}
