namespace Governance.GraphQL.Tests.Differential;

/// <summary>
/// The parse and validation half of the differential suite: for every corpus document our
/// parser and validator must agree with graphql-js 16 on whether it is valid and on the
/// locations of every error (as a multiset: the two engines may order errors differently).
/// The validator runs with graphql-js's error limit (100) so that all errors are compared.
/// </summary>
public sealed class DifferentialValidationTests
{
    public static TheoryData<string> CaseNames()
    {
        var data = new TheoryData<string>();
        foreach (var c in DifferentialSuite.Corpus)
        {
            data.Add(c.Name);
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(CaseNames))]
    public void ParsesAndValidatesAsGraphQLJsDoes(string name)
    {
        var mismatch = Comparison.Validation(DifferentialSuite.Case(name).Query, DifferentialSuite.Reference[name]);
        Assert.True(mismatch is null, mismatch);
    }
}
