using System.Text.Json;
using Microsoft.Playwright;

namespace Governance.WebClient.Tests;

/// <summary>Runs axe-core (web-client/node_modules/axe-core) in the page and lists its violations.</summary>
public static class Axe
{
    private static readonly Lazy<string> Source = new(() =>
    {
        var path = Path.Combine(WebClientServer.RepositoryRoot, "web-client", "node_modules", "axe-core", "axe.min.js");
        return File.Exists(path)
            ? File.ReadAllText(path)
            : throw new InvalidOperationException($"{path} is missing: run `npm ci` in web-client (test.sh does).");
    });

    /// <summary>The violations as "rule: help (selectors)" lines; empty when axe finds none.</summary>
    public static async Task<IReadOnlyList<string>> ViolationsAsync(IPage page)
    {
        // Evaluated through the DevTools protocol, not a <script> tag, so the page's CSP stays as strict as served.
        await page.EvaluateAsync(Source.Value);
        var json = await page.EvaluateAsync<string>(
            """
            async () => {
              const result = await axe.run(document, { resultTypes: ['violations'] });
              return JSON.stringify(result.violations.map(v => ({ id: v.id, help: v.help, targets: v.nodes.map(n => n.target.join(' ')) })));
            }
            """);
        using var doc = JsonDocument.Parse(json);
        return doc.RootElement.EnumerateArray()
            .Select(v => $"{v.GetProperty("id").GetString()}: {v.GetProperty("help").GetString()} ({string.Join(", ", v.GetProperty("targets").EnumerateArray().Select(t => t.GetString()))})")
            .ToList();
    }

    public static async Task AssertNoViolationsAsync(IPage page, string where)
    {
        var violations = await ViolationsAsync(page);
        Assert.True(violations.Count == 0, $"axe found violations on {where}:\n" + string.Join('\n', violations));
    }
}
