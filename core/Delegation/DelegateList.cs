using System.Runtime.InteropServices;

namespace Governance.Core.Delegation;

/// <summary>
/// One delegation record in 13 bytes: up to three dense member indices in rank order.
/// <see cref="Tag"/> is 0 for "no record" (so a fresh array means "nobody delegated"),
/// 1 for an explicit "no delegation" that blocks inheritance, 2..4 for 1..3 delegates.
/// </summary>
[StructLayout(LayoutKind.Sequential, Pack = 1)]
internal struct DelegateList : IEquatable<DelegateList>
{
    public int D0;
    public int D1;
    public int D2;
    public byte Tag;

    public readonly bool Exists => Tag != 0;

    /// <summary>Number of delegates; 0 both for "no record" and for a block.</summary>
    public readonly int Length => Tag == 0 ? 0 : Tag - 1;

    public readonly int this[int rank] => rank switch { 0 => D0, 1 => D1, _ => D2 };

    public static DelegateList Block => new() { D0 = -1, D1 = -1, D2 = -1, Tag = 1 };

    public static DelegateList From(ReadOnlySpan<int> delegates)
    {
        var list = new DelegateList
        {
            D0 = delegates.Length > 0 ? delegates[0] : -1,
            D1 = delegates.Length > 1 ? delegates[1] : -1,
            D2 = delegates.Length > 2 ? delegates[2] : -1,
            Tag = (byte)(delegates.Length + 1),
        };
        return list;
    }

    public readonly bool Equals(DelegateList other) =>
        Tag == other.Tag && (Length < 1 || D0 == other.D0) && (Length < 2 || D1 == other.D1) && (Length < 3 || D2 == other.D2);

    public override readonly bool Equals(object? obj) => obj is DelegateList other && Equals(other);

    public override readonly int GetHashCode() => HashCode.Combine(Tag, D0, D1, D2);
}
