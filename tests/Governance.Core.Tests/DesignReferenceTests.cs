using System.Text.RegularExpressions;

namespace Governance.Core.Tests;

public sealed partial class DesignReferenceTests
{
    /// <summary>A "DESIGN §n" in the code or the docs is a section of docs/design.md, which must exist.</summary>
    [Fact]
    public void EveryDesignSectionTheCodeCitesExists()
    {
        var root = Path.GetFullPath(Path.Combine(AppContext.BaseDirectory, "../../../../.."));
        var design = File.ReadAllText(Path.Combine(root, "docs", "design.md"));
        var sections = Heading().Matches(design).Select(m => int.Parse(m.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture)).ToHashSet();

        var cited = new[] { "core", "api", "docs", Path.Combine("web-client", "src") }
            .SelectMany(folder => Directory.EnumerateFiles(Path.Combine(root, folder), "*.*", SearchOption.AllDirectories))
            .Where(file => Path.GetExtension(file) is ".cs" or ".md" or ".ts" or ".tsx" or ".graphql"
                && !file.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}", StringComparison.Ordinal)
                && !file.Contains($"{Path.DirectorySeparatorChar}bin{Path.DirectorySeparatorChar}", StringComparison.Ordinal))
            .SelectMany(file => Citation().Matches(File.ReadAllText(file))
                .SelectMany(m => m.Groups[2].Success ? [m.Groups[1].Value, m.Groups[2].Value] : new[] { m.Groups[1].Value })
                .Select(n => (File: Path.GetRelativePath(root, file), Section: int.Parse(n, System.Globalization.CultureInfo.InvariantCulture))))
            .ToList();

        Assert.NotEmpty(cited);
        var missing = cited.Where(c => !sections.Contains(c.Section)).ToList();
        Assert.True(missing.Count == 0, "Cited sections that docs/design.md lacks: " + string.Join(", ", missing));
    }

    [GeneratedRegex(@"^## (\d+)\. ", RegexOptions.Multiline)]
    private static partial Regex Heading();

    [GeneratedRegex(@"DESIGN §(\d+)(?:–§(\d+))?")]
    private static partial Regex Citation();
}
