using System.Globalization;
using System.Text;
using Governance.Core.Domain;

namespace Governance.Core.Comments;

/// <summary>
/// The rules every deliberation text (a comment, a suggestion, a report's reason) follows: not
/// empty, not over its limit, no bidirectional controls (which reorder what a reader sees, the
/// "Trojan Source" trick) and not made of invisible characters only. Line breaks and tabs are
/// fine: the text is markdown. A refusal names the field.
/// </summary>
public static class DeliberationText
{
    /// <summary>The checked text, trimmed; throws naming <paramref name="field"/> when it breaks a rule.</summary>
    public static string Check(string? text, string field, int maxLength, string what)
    {
        text = (text ?? string.Empty).Trim();
        if (text.Length == 0)
        {
            throw new DomainException(DomainErrors.InvalidInput, $"{what} needs some text.", field);
        }

        if (text.Length > maxLength)
        {
            throw new DomainException(DomainErrors.InvalidInput, $"{what} may have at most {maxLength} characters (this one has {text.Length}).", field);
        }

        var visible = false;
        foreach (var rune in text.EnumerateRunes())
        {
            if (rune.Value is (>= 0x202A and <= 0x202E) or (>= 0x2066 and <= 0x2069) or 0x200E or 0x200F or 0x061C)
            {
                throw new DomainException(DomainErrors.InvalidInput,
                    $"{what} may not contain bidirectional control characters (U+{rune.Value:X4}): they change the order a reader sees.", field);
            }

            var category = Rune.GetUnicodeCategory(rune);
            if (category == UnicodeCategory.Control && rune.Value is not ('\n' or '\r' or '\t'))
            {
                throw new DomainException(DomainErrors.InvalidInput, $"{what} may not contain control characters (U+{rune.Value:X4}).", field);
            }

            visible |= !(Rune.IsWhiteSpace(rune) || category is UnicodeCategory.Format or UnicodeCategory.Control or UnicodeCategory.NonSpacingMark
                || rune.Value is 0x3164 or 0xFFA0 or 0x115F or 0x1160 or 0x2800);
        }

        return visible
            ? text
            : throw new DomainException(DomainErrors.InvalidInput, $"{what} has only invisible characters.", field);
    }
}
