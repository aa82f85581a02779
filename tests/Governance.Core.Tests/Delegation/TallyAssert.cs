using Governance.Core.Delegation;

namespace Governance.Core.Tests.Delegation;

internal static class TallyAssert
{
    private const double Tolerance = 1e-9;

    /// <summary>Engine tally equals the reference; bit for bit unless viscosity makes sums inexact.</summary>
    public static void MatchesReference(Tally tally, ReferenceTally.Result expected, Organisation org)
    {
        bool exact = org.Policy.Viscosity is 1.0 or 0.5 or 0.25;
        Assert.Equal(expected.Eligible, tally.Eligible);
        Assert.Equal(expected.Voters, tally.Voters);
        Assert.Equal(expected.Represented, tally.Represented);
        Assert.Equal(expected.Unrepresented, tally.Unrepresented);
        Assert.Equal(
            expected.Weights.Keys.Select(Organisation.MemberId).Order(),
            tally.Weights.Select(w => w.MemberId).Order());
        foreach (var w in tally.Weights) Close(expected.Weights[(int)(w.MemberId - 100)], w.Weight, exact);
        Close(expected.Yes, tally.Yes, exact);
        Close(expected.No, tally.No, exact);
        Close(expected.Abstain, tally.Abstain, exact);

        // With inexact sums a result sitting exactly on a threshold may fall either side of it.
        double eligible = expected.Eligible;
        bool nearQuorum = Math.Abs(expected.Yes + expected.No + expected.Abstain - (org.Policy.QuorumShare * eligible)) < Tolerance;
        bool nearPass = Math.Abs(expected.Yes - (org.Policy.Majority * (expected.Yes + expected.No))) < Tolerance;
        bool nearSuper = expected.Weights.Values.Any(w => Math.Abs(w - (org.Policy.SuperDelegateShare * eligible)) < Tolerance);
        if (exact || !nearQuorum) Assert.Equal(expected.QuorumReached, tally.QuorumReached);
        if (exact || !(nearQuorum || nearPass)) Assert.Equal(expected.Passed, tally.Passed);
        if (exact || !nearSuper) Assert.Equal(expected.SuperDelegates.Select(Organisation.MemberId), tally.SuperDelegates);
    }

    /// <summary>Two tallies of the engine (incremental and full) agree exactly, field by field.</summary>
    public static void Identical(Tally expected, Tally actual)
    {
        Assert.Equal(expected with { Weights = [], SuperDelegates = [] }, actual with { Weights = [], SuperDelegates = [] });
        Assert.Equal(expected.Weights, actual.Weights);
        Assert.Equal(expected.SuperDelegates, actual.SuperDelegates);
    }

    private static void Close(double expected, double actual, bool exact)
    {
        if (exact) Assert.Equal(expected, actual);
        else Assert.True(Math.Abs(expected - actual) < Tolerance, $"expected {expected}, got {actual}");
    }
}
