using System.Text;
using System.Text.RegularExpressions;
using Governance.Core.Domain;

namespace Governance.Core.Accounts;

/// <summary>One line of the membership register.</summary>
public sealed record RegistryRow(string MemberNumber, string Email, string Name, bool InGoodStanding, int Line);

/// <summary>
/// The membership register as CSV (RFC 4180: commas, double-quoted fields with "" for a quote):
/// a header naming the columns member_number, email, name and status (any order), then one
/// member a line, status "active" or "suspended". The first malformed line refuses the whole
/// file, naming the line.
/// </summary>
public static partial class RegistryCsv
{
    public const int MaxBytes = 10_000_000;

    private static readonly string[] Columns = ["member_number", "email", "name", "status"];

    [GeneratedRegex("^[A-Za-z0-9][A-Za-z0-9._/-]{0,39}$")]
    private static partial Regex MemberNumberPattern();

    [GeneratedRegex(@"^[^@\s]+@[^@\s]+\.[^@\s]+$")]
    private static partial Regex EmailPattern();

    public static IReadOnlyList<RegistryRow> Parse(string csv)
    {
        ArgumentNullException.ThrowIfNull(csv);
        if (Encoding.UTF8.GetByteCount(csv) > MaxBytes)
        {
            throw Malformed($"The register is larger than {MaxBytes / 1_000_000} MB; split it.");
        }

        var lines = Records(csv).ToList();
        if (lines.Count == 0 || lines[0].Fields is not { } header)
        {
            throw Malformed("line 1: the header is missing; it names the columns member_number, email, name, status.");
        }

        var names = header.Select(h => h.Trim().ToLowerInvariant()).ToList();
        var missing = Columns.Where(c => !names.Contains(c)).ToList();
        if (missing.Count > 0 || names.Count != Columns.Length)
        {
            throw Malformed($"line 1: the header must name exactly the columns {string.Join(", ", Columns)}" +
                (missing.Count > 0 ? $"; missing: {string.Join(", ", missing)}." : "."));
        }

        var index = Columns.ToDictionary(c => c, c => names.IndexOf(c));
        var rows = new List<RegistryRow>(lines.Count);
        var seen = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var (line, fields, error) in lines.Skip(1))
        {
            if (error is not null)
            {
                throw Malformed($"line {line}: {error}");
            }

            if (fields!.Count == 1 && fields[0].Length == 0)
            {
                continue; // a blank line
            }

            if (fields.Count != Columns.Length)
            {
                throw Malformed($"line {line}: expected {Columns.Length} fields, found {fields.Count}.");
            }

            var number = fields[index["member_number"]].Trim();
            var email = fields[index["email"]].Trim();
            var name = fields[index["name"]].Trim();
            var status = fields[index["status"]].Trim().ToLowerInvariant();
            if (!MemberNumberPattern().IsMatch(number))
            {
                throw Malformed($"line {line}: \"{Shorten(number)}\" is not a member number (1 to 40 letters, digits, '.', '_', '/', '-').");
            }

            if (seen.TryGetValue(number, out var first))
            {
                throw Malformed($"line {line}: member number {number} appears again (first on line {first}).");
            }

            if (email.Length > 254 || !EmailPattern().IsMatch(email))
            {
                throw Malformed($"line {line}: \"{Shorten(email)}\" is not an email address.");
            }

            if (name.Length is 0 or > 200 || name.Any(char.IsControl))
            {
                throw Malformed($"line {line}: a name is 1 to 200 characters without control characters.");
            }

            if (status is not ("active" or "suspended"))
            {
                throw Malformed($"line {line}: status is \"active\" or \"suspended\", not \"{Shorten(status)}\".");
            }

            seen[number] = line;
            rows.Add(new RegistryRow(number, email, name, status == "active", line));
        }

        return rows;
    }

    private static DomainException Malformed(string message) => new("malformed_csv", message, "csv");

    private static string Shorten(string s) => s.Length <= 40 ? s : s[..40] + "…";

    /// <summary>Records with their first line number; a quoted field may span lines.</summary>
    private static IEnumerable<(int Line, List<string>? Fields, string? Error)> Records(string csv)
    {
        var position = 0;
        var line = 1;
        if (csv.StartsWith('\uFEFF'))
        {
            position = 1;
        }

        while (position < csv.Length)
        {
            var start = line;
            var fields = new List<string>();
            var field = new StringBuilder();
            string? error = null;
            var quoted = false;
            var wasQuoted = false;
            while (true)
            {
                if (position >= csv.Length)
                {
                    if (quoted)
                    {
                        error = "a quoted field is not closed.";
                    }

                    break;
                }

                var c = csv[position++];
                if (quoted)
                {
                    if (c == '"')
                    {
                        if (position < csv.Length && csv[position] == '"')
                        {
                            field.Append('"');
                            position++;
                        }
                        else
                        {
                            quoted = false;
                        }
                    }
                    else
                    {
                        if (c == '\n')
                        {
                            line++;
                        }

                        field.Append(c);
                    }

                    continue;
                }

                if (c == '"' && field.Length == 0 && !wasQuoted)
                {
                    quoted = true;
                    wasQuoted = true;
                }
                else if (c == '"')
                {
                    error ??= "a quote inside an unquoted field; quote the whole field and double the quote.";
                }
                else if (c == ',')
                {
                    fields.Add(field.ToString());
                    field.Clear();
                    wasQuoted = false;
                }
                else if (c == '\r' && position < csv.Length && csv[position] == '\n')
                {
                    // CRLF: the \n ends the record.
                }
                else if (c == '\n')
                {
                    line++;
                    break;
                }
                else if (wasQuoted)
                {
                    error ??= "text after a closing quote.";
                }
                else
                {
                    field.Append(c);
                }
            }

            fields.Add(field.ToString());
            yield return (start, fields, error);
        }
    }
}
