namespace Governance.Core.Delegation.Ranked;

/// <summary>
/// A ranked ballot on an issue (DESIGN §8): for each choice — index 0 the status quo, then the
/// alternatives in ballot order — the level it was ranked at, 0 the best. Choices at the same
/// level are tied; an unranked choice sits at <see cref="Unranked"/>, below every ranked one and
/// tied with the other unranked ones.
/// </summary>
public sealed class RankedBallot
{
    public const byte Unranked = byte.MaxValue;

    private readonly byte[] _levels;

    private RankedBallot(byte[] levels) => _levels = levels;

    public int Choices => _levels.Length;

    public ReadOnlySpan<byte> Levels => _levels;

    /// <summary>
    /// Builds a ballot from groups of choice indices, best group first (a group holds ties).
    /// Refuses an index out of range or a choice ranked twice, naming it.
    /// </summary>
    public static RankedBallot FromGroups(int choices, IReadOnlyList<IReadOnlyList<int>> groups)
    {
        ArgumentNullException.ThrowIfNull(groups);
        if (choices < 2 || choices > 64) throw new ArgumentOutOfRangeException(nameof(choices), "an issue has 2 to 64 choices");
        if (groups.Count >= Unranked) throw new ArgumentException("too many ranking levels", nameof(groups));
        var levels = new byte[choices];
        Array.Fill(levels, Unranked);
        for (int g = 0; g < groups.Count; g++)
        {
            foreach (int c in groups[g])
            {
                if (c < 0 || c >= choices) throw new ArgumentException($"choice {c} is not on the ballot", nameof(groups));
                if (levels[c] != Unranked) throw new ArgumentException($"choice {c} is ranked twice", nameof(groups));
                levels[c] = (byte)g;
            }
        }

        return new RankedBallot(levels);
    }

    /// <summary>The ballot's groups, best first; unranked choices are not listed.</summary>
    public IReadOnlyList<IReadOnlyList<int>> Groups()
    {
        var groups = new SortedDictionary<byte, List<int>>();
        for (int c = 0; c < _levels.Length; c++)
        {
            if (_levels[c] == Unranked) continue;
            if (!groups.TryGetValue(_levels[c], out var list)) groups[_levels[c]] = list = [];
            list.Add(c);
        }

        return [.. groups.Values];
    }

    /// <summary>Whether this ballot prefers choice <paramref name="a"/> to <paramref name="b"/>.</summary>
    public bool Prefers(int a, int b) => _levels[a] < _levels[b];
}
