using Governance.GraphQL.Language;
using Governance.GraphQL.Types;

namespace Governance.GraphQL.Validation;

/// <summary>
/// A variable used somewhere in an operation or fragment: where, the type that position
/// expects, whether the position has a default of its own, and the OneOf input object whose
/// field it is the value of, if any (such a field takes no null: #sec-All-Variable-Usages-Are-Allowed).
/// </summary>
internal sealed record VariableUsage(VariableNode Node, GraphQLType? Type, bool HasLocationDefault, InputObjectType? OneOfParent);
