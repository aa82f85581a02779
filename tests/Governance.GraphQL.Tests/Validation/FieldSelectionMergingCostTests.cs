using Governance.GraphQL.Language;
using Governance.GraphQL.Validation;
using Governance.GraphQL.Validation.Rules;

namespace Governance.GraphQL.Tests.Validation;

/// <summary>
/// Field Selection Merging must not blow up: fragments are compared as units and cached, and a
/// work budget turns a document that would still cost too much into one error. (Speed itself
/// is measured in benchmarks, not here.)
/// </summary>
public sealed class FieldSelectionMergingCostTests
{
    // Each fragment spreads the next one twice: expanding spreads, as the spec's algorithm
    // reads, would visit 2^40 copies; comparing fragments once per pair stays small.
    [Fact]
    public void FragmentsSpreadTwiceAtEveryLevelStayWithinBudget()
    {
        const int levels = 40;
        var fragments = Enumerable.Range(0, levels).Select(i =>
            i < levels - 1
                ? $"fragment F{i} on Dog {{ name ...F{i + 1} ...F{i + 1} owner {{ name }} }}"
                : $"fragment F{i} on Dog {{ name barkVolume }}");
        var document = "{ dog { ...F0 ...F0 name } }\n" + string.Join("\n", fragments);
        Assert.Empty(RuleAssert.Run<FieldSelectionMergingRule>(document));
    }

    [Fact]
    public void ConflictDeepInAFragmentChainIsStillFound()
    {
        const int levels = 30;
        var fragments = Enumerable.Range(0, levels).Select(i =>
            i < levels - 1
                ? $"fragment F{i} on Dog {{ name ...F{i + 1} ...F{i + 1} }}"
                : $"fragment F{i} on Dog {{ x: name }}");
        var document = "{ dog { ...F0 x: barkVolume } }\n" + string.Join("\n", fragments);
        var error = Assert.Single(RuleAssert.Run<FieldSelectionMergingRule>(document));
        Assert.Contains("Fields \"x\" conflict because \"barkVolume\" and \"name\" are different fields", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void ExhaustedBudgetIsOneErrorNotAHang()
    {
        var document = "{ dog { " + string.Join(" ", Enumerable.Repeat("name", 200)) + " } }";
        var errors = DocumentValidator.Validate(
            RuleAssert.Schema,
            Parser.Parse(document),
            new ValidationOptions { MaxFieldComparisons = 1_000 },
            [new FieldSelectionMergingRule()]);
        var error = Assert.Single(errors);
        Assert.Contains("too many or too repetitive", error.Message, StringComparison.Ordinal);
    }
}
