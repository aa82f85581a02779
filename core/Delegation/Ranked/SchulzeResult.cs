namespace Governance.Core.Delegation.Ranked;

/// <summary>
/// What <see cref="Schulze.Rank"/> found. Matrices are row-major, c × c: Pairwise[i·c + j] is
/// the weight preferring i to j; Strength[i·c + j] the strength of the strongest path from i to
/// j in winning weight (0 where no path of wins exists) — the beat-path table.
/// </summary>
public sealed class SchulzeResult
{
    private readonly bool[] _beats;
    private readonly int[] _rank;

    internal SchulzeResult(int choices, long[] pairwise, long[] strength, bool[] beats, int[] order)
    {
        Choices = choices;
        Pairwise = pairwise;
        Strength = strength;
        _beats = beats;
        Order = order;
        _rank = new int[choices];
        for (int r = 0; r < order.Length; r++) _rank[order[r]] = r + 1;
    }

    public int Choices { get; }

    public IReadOnlyList<long> Pairwise { get; }

    public IReadOnlyList<long> Strength { get; }

    /// <summary>Every choice, best first, ties broken (LiquidFeedback "variant1", then ballot order).</summary>
    public IReadOnlyList<int> Order { get; }

    /// <summary>1-based place of a choice in <see cref="Order"/>.</summary>
    public int RankOf(int choice) => _rank[choice];

    /// <summary>Whether i's strongest path to j is stronger than j's to i, before any tie-breaking.</summary>
    public bool Beats(int i, int j) => _beats[i * Choices + j];

    /// <summary>The choices no other choice beats (Schulze's winners; more than one means a tie).</summary>
    public IReadOnlyList<int> Winners()
    {
        var winners = new List<int>();
        for (int i = 0; i < Choices; i++)
        {
            bool beaten = false;
            for (int j = 0; j < Choices && !beaten; j++) beaten = Beats(j, i);
            if (!beaten) winners.Add(i);
        }

        return winners;
    }
}
