using Governance.Core.Delegation.Ranked;

namespace Governance.Core.Tests.Delegation.Ranked;

/// <summary>
/// Worked examples with every number checked by hand: Schulze's 45-voter example (Schulze 2011,
/// §3.1; also the one in Wikipedia's article) and a 21-voter example with four candidates.
/// </summary>
public class SchulzeTextbookTests
{
    [Fact]
    public void FortyFiveVoterExampleRanksEACBD()
    {
        var d = Profiles.Matrix(5,
            (5, "ACBED"), (5, "ADECB"), (8, "BEDAC"), (3, "CABED"),
            (7, "CAEBD"), (2, "CBADE"), (7, "DCEBA"), (8, "EBADC"));

        long[] pairwise =
        [
            0, 20, 26, 30, 22,
            25, 0, 16, 33, 18,
            19, 29, 0, 17, 24,
            15, 12, 28, 0, 14,
            23, 27, 21, 31, 0,
        ];
        Assert.Equal(pairwise, d);

        var result = Schulze.Rank(d, 5);
        long[] strongest =
        [
            0, 28, 28, 30, 24,
            25, 0, 28, 33, 24,
            25, 29, 0, 29, 24,
            25, 28, 28, 0, 24,
            25, 28, 28, 31, 0,
        ];
        Assert.Equal(strongest, result.Strength);
        Assert.Equal(Order("EACBD"), result.Order);
        Assert.Equal([4], result.Winners());
    }

    [Fact]
    public void TwentyOneVoterExampleElectsDAlthoughNoCondorcetWinnerExists()
    {
        var d = Profiles.Matrix(4, (8, "ACDB"), (2, "BADC"), (4, "CDBA"), (4, "DBAC"), (3, "DCBA"));
        long[] pairwise =
        [
            0, 8, 14, 10,
            13, 0, 6, 2,
            7, 15, 0, 12,
            11, 19, 9, 0,
        ];
        Assert.Equal(pairwise, d);

        var result = Schulze.Rank(d, 4);

        // Links A→C 14, B→A 13, C→B 15, C→D 12, D→A 11, D→B 19; e.g. D→B→A is min(19, 13) = 13.
        long[] strongest =
        [
            0, 14, 14, 12,
            13, 0, 13, 12,
            13, 15, 0, 12,
            13, 19, 13, 0,
        ];
        Assert.Equal(strongest, result.Strength);
        Assert.Equal(Order("DACB"), result.Order);
    }

    [Fact]
    public void ATieOnEveryPathFallsBackOnBallotOrderSoTheStatusQuoKeepsItsPlace()
    {
        // One voter A > B, one B > A: A and B tie on every count; ballot order (the status quo
        // first, then older alternatives) decides, as LiquidFeedback does.
        var d = Profiles.Matrix(2, (1, "AB"), (1, "BA"));
        var result = Schulze.Rank(d, 2);
        Assert.Equal([0, 1], result.Order);
        Assert.Equal([0, 1], result.Winners());
    }

    [Fact]
    public void ACycleOfEqualStrengthIsBrokenByForbiddingTheSharedWeakestLink()
    {
        // A>B>C>A each by 2 to 1: a perfect cycle. Every strongest path has the same primary
        // strength, so only LiquidFeedback's tie-breaking orders them — and it must give a total order.
        var d = Profiles.Matrix(3, (1, "ABC"), (1, "BCA"), (1, "CAB"));
        var result = Schulze.Rank(d, 3);
        Assert.Equal(3, result.Winners().Count);
        Assert.Equal(3, result.Order.Distinct().Count());
        Assert.Equal(0, result.Order[0]);
    }

    private static int[] Order(string letters) => letters.Select(l => l - 'A').ToArray();
}
