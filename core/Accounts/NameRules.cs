using System.Globalization;
using System.Text;

namespace Governance.Core.Accounts;

/// <summary>
/// Names that cannot spoof: no bidirectional controls (which reorder what a reader sees), no
/// zero-width or other invisible format characters, and no handle that differs from an
/// existing one only by confusable characters or punctuation. Refusals name the character.
/// </summary>
public static class NameRules
{
    private static readonly Dictionary<int, string> Names = new()
    {
        [0x00AD] = "SOFT HYPHEN",
        [0x034F] = "COMBINING GRAPHEME JOINER",
        [0x061C] = "ARABIC LETTER MARK",
        [0x180E] = "MONGOLIAN VOWEL SEPARATOR",
        [0x200B] = "ZERO WIDTH SPACE",
        [0x200C] = "ZERO WIDTH NON-JOINER",
        [0x200D] = "ZERO WIDTH JOINER",
        [0x200E] = "LEFT-TO-RIGHT MARK",
        [0x200F] = "RIGHT-TO-LEFT MARK",
        [0x202A] = "LEFT-TO-RIGHT EMBEDDING",
        [0x202B] = "RIGHT-TO-LEFT EMBEDDING",
        [0x202C] = "POP DIRECTIONAL FORMATTING",
        [0x202D] = "LEFT-TO-RIGHT OVERRIDE",
        [0x202E] = "RIGHT-TO-LEFT OVERRIDE",
        [0x2060] = "WORD JOINER",
        [0x2061] = "FUNCTION APPLICATION",
        [0x2062] = "INVISIBLE TIMES",
        [0x2063] = "INVISIBLE SEPARATOR",
        [0x2064] = "INVISIBLE PLUS",
        [0x2066] = "LEFT-TO-RIGHT ISOLATE",
        [0x2067] = "RIGHT-TO-LEFT ISOLATE",
        [0x2068] = "FIRST STRONG ISOLATE",
        [0x2069] = "POP DIRECTIONAL ISOLATE",
        [0x3164] = "HANGUL FILLER",
        [0xFEFF] = "ZERO WIDTH NO-BREAK SPACE",
        [0xFFA0] = "HALFWIDTH HANGUL FILLER",
    };

    /// <summary>The first character a display name may not hold, described ("U+202E RIGHT-TO-LEFT OVERRIDE"); null when it is fine.</summary>
    public static string? ForbiddenInDisplayName(string name)
    {
        ArgumentNullException.ThrowIfNull(name);
        foreach (var rune in name.EnumerateRunes())
        {
            var category = Rune.GetUnicodeCategory(rune);
            if (Names.ContainsKey(rune.Value) || category is UnicodeCategory.Format or UnicodeCategory.Control or UnicodeCategory.LineSeparator or UnicodeCategory.ParagraphSeparator)
            {
                return Describe(rune);
            }
        }

        return null;
    }

    /// <summary>The first character a handle may not hold (only a–z, 0–9, '.', '_', '-'), described; null when all are allowed.</summary>
    public static string? ForbiddenInHandle(string handle)
    {
        ArgumentNullException.ThrowIfNull(handle);
        foreach (var rune in handle.EnumerateRunes())
        {
            if (!(rune.Value is (>= 'a' and <= 'z') or (>= '0' and <= '9') or '.' or '_' or '-'))
            {
                return Describe(rune);
            }
        }

        return null;
    }

    /// <summary>
    /// The UTS #39 skeleton of a handle over its alphabet: punctuation dropped, then each
    /// character replaced by its prototype from Unicode's confusables.txt (0 → o, 1 → l,
    /// m → rn, w → vv, d → cl). Two handles with one skeleton look alike. The SQL of
    /// migration 0006 computes the same with replace(), in the same order.
    /// </summary>
    public static string Skeleton(string handle)
    {
        ArgumentNullException.ThrowIfNull(handle);
        return handle.ToLowerInvariant()
            .Replace(".", "", StringComparison.Ordinal).Replace("_", "", StringComparison.Ordinal).Replace("-", "", StringComparison.Ordinal)
            .Replace('0', 'o').Replace('1', 'l')
            .Replace("m", "rn", StringComparison.Ordinal).Replace("w", "vv", StringComparison.Ordinal).Replace("d", "cl", StringComparison.Ordinal);
    }

    private static string Describe(Rune rune)
    {
        var code = $"U+{rune.Value:X4}";
        if (Names.TryGetValue(rune.Value, out var name))
        {
            return $"{code} {name}";
        }

        var category = Rune.GetUnicodeCategory(rune);
        return category is UnicodeCategory.Format or UnicodeCategory.Control
            ? $"{code} (an invisible control character)"
            : $"{code} \"{rune}\"";
    }
}
