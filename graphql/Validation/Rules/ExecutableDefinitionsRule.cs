using Governance.GraphQL.Language;

namespace Governance.GraphQL.Validation.Rules;

/// <summary>
/// Executable Definitions (#sec-Executable-Definitions): a document sent for execution holds
/// only operations and fragments; type system definitions and extensions are not executable.
/// </summary>
internal sealed class ExecutableDefinitionsRule : ValidationRule
{
    public const string Anchor = "sec-Executable-Definitions";

    public override void EnterDocument(ValidationContext context, DocumentNode node)
    {
        foreach (var definition in node.Definitions)
        {
            if (definition is ExecutableDefinitionNode)
            {
                continue;
            }

            var name = definition switch
            {
                TypeDefinitionNode type => $"\"{type.Name}\"",
                DirectiveDefinitionNode directive => $"\"@{directive.Name}\"",
                _ => "schema",
            };
            context.ReportError(Anchor, $"The {name} definition is not executable.", definition);
        }
    }
}
