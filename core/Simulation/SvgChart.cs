using System.Globalization;
using System.Net;
using System.Text;

namespace Governance.Core.Simulation;

/// <summary>
/// The report's chart, hand-written SVG (no dependency, readable in any browser and on
/// GitHub): one small panel per measure, one line per scenario, weeks along the bottom.
/// </summary>
public static class SvgChart
{
    private static readonly string[] Colours = ["#1b6ac9", "#d1495b", "#edae49", "#00798c", "#30343f", "#8f5aa8"];

    private static readonly (string Title, Func<WeekMetrics, double> Value, bool Share)[] Panels =
    [
        ("Support points held by the top 10 %", m => m.Top10Share, true),
        ("Support points held by the top 1 %", m => m.Top1Share, true),
        ("Gini of karma", m => m.KarmaGini, false),
        ("Gini of carried vote weight", m => m.WeightGini, false),
        ("Super-delegates (weekly reference vote)", m => m.SuperDelegates, false),
        ("Proposals reaching the agenda per week", m => m.AgendaArrivals, false),
    ];

    public static string Render(SimulationReport report, IReadOnlyCollection<string>? scenarios = null)
    {
        ArgumentNullException.ThrowIfNull(report);
        var shown = report.Scenarios.Where(s => scenarios is null || scenarios.Contains(s.Name)).ToList();
        const int panelWidth = 360, panelHeight = 200, columns = 2, margin = 50;
        var rows = (Panels.Length + columns - 1) / columns;
        var width = columns * (panelWidth + margin) + margin;
        var height = rows * (panelHeight + margin + 20) + 90;
        var svg = new StringBuilder();
        svg.Append(CultureInfo.InvariantCulture, $"""<svg xmlns="http://www.w3.org/2000/svg" width="{width}" height="{height}" viewBox="0 0 {width} {height}" font-family="sans-serif" font-size="12">""").Append('\n');
        svg.Append(CultureInfo.InvariantCulture, $"""<rect width="{width}" height="{height}" fill="white"/>""").Append('\n');
        svg.Append(CultureInfo.InvariantCulture, $"""<text x="{margin}" y="24" font-size="15" font-weight="bold">Simulation: {report.Members:N0} members, {report.Weeks} weeks, seed {report.Seed}</text>""").Append('\n');
        for (var s = 0; s < shown.Count; s++)
        {
            var x = margin + (s * 200);
            svg.Append(CultureInfo.InvariantCulture, $"""<line x1="{x}" y1="44" x2="{x + 24}" y2="44" stroke="{Colours[s % Colours.Length]}" stroke-width="3"/><text x="{x + 30}" y="48">{WebUtility.HtmlEncode(shown[s].Name)}</text>""").Append('\n');
        }

        for (var k = 0; k < Panels.Length; k++)
        {
            var (title, value, share) = Panels[k];
            var left = margin + (k % columns * (panelWidth + margin));
            var top = 80 + (k / columns * (panelHeight + margin + 20));
            var max = shown.SelectMany(s => s.Weeks).Select(value).DefaultIfEmpty(0).Max();
            max = share ? Math.Max(0.05, Math.Ceiling(max * 10) / 10) : Math.Max(1e-9, Nice(max));
            svg.Append(CultureInfo.InvariantCulture, $"""<text x="{left}" y="{top - 8}" font-weight="bold">{WebUtility.HtmlEncode(title)}</text>""").Append('\n');
            svg.Append(CultureInfo.InvariantCulture, $"""<rect x="{left}" y="{top}" width="{panelWidth}" height="{panelHeight}" fill="none" stroke="#bbb"/>""").Append('\n');
            foreach (var fraction in new[] { 0, 0.5, 1 })
            {
                var y = top + panelHeight - (fraction * panelHeight);
                var label = share ? (fraction * max).ToString("P0", CultureInfo.InvariantCulture) : (fraction * max).ToString("0.##", CultureInfo.InvariantCulture);
                svg.Append(CultureInfo.InvariantCulture, $"""<text x="{left - 6}" y="{y + 4:0.#}" text-anchor="end" fill="#555">{label}</text>""").Append('\n');
            }

            svg.Append(CultureInfo.InvariantCulture, $"""<text x="{left + panelWidth}" y="{top + panelHeight + 16}" text-anchor="end" fill="#555">week {report.Weeks}</text>""").Append('\n');
            for (var s = 0; s < shown.Count; s++)
            {
                var weeks = shown[s].Weeks;
                var points = string.Join(' ', weeks.Select((m, i) =>
                {
                    var px = left + (weeks.Count == 1 ? 0 : i * (double)panelWidth / (weeks.Count - 1));
                    var py = top + panelHeight - (Math.Min(value(m), max) / max * panelHeight);
                    return string.Create(CultureInfo.InvariantCulture, $"{px:0.#},{py:0.#}");
                }));
                svg.Append(CultureInfo.InvariantCulture, $"""<polyline fill="none" stroke="{Colours[s % Colours.Length]}" stroke-width="2" points="{points}"/>""").Append('\n');
            }
        }

        svg.Append("</svg>\n");
        return svg.ToString();
    }

    private static double Nice(double max)
    {
        if (max <= 0)
        {
            return 1;
        }

        var magnitude = Math.Pow(10, Math.Floor(Math.Log10(max)));
        foreach (var step in new[] { 1, 2, 2.5, 5, 10 })
        {
            if (step * magnitude >= max)
            {
                return step * magnitude;
            }
        }

        return 10 * magnitude;
    }
}
