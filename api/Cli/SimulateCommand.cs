using System.CommandLine;
using System.Globalization;
using System.Text.Json;
using Governance.Core.Simulation;

namespace Governance.Api.Cli;

/// <summary>
/// `simulate --members N --weeks W --seed S`: the population acting over simulated time under
/// the default policy and without each counterweight; writes report.json and chart.svg.
/// </summary>
internal static class SimulateCommand
{
    public static Command Create()
    {
        var members = new Option<int>("--members") { Description = "Members in the simulated organisation.", DefaultValueFactory = _ => 10_000 };
        var weeks = new Option<int>("--weeks") { Description = "Simulated weeks.", DefaultValueFactory = _ => 52 };
        var seed = new Option<int>("--seed") { Description = "The seed: the same seed gives the same report.", DefaultValueFactory = _ => 1 };
        var output = new Option<string>("--out") { Description = "Folder for report.json, chart.svg and default-vs-none.svg.", DefaultValueFactory = _ => "simulation" };
        var command = new Command("simulate", "Simulate the organisation's members over time, with and without each counterweight, and report concentration of power.")
        {
            members, weeks, seed, output,
        };
        members.Validators.Add(r =>
        {
            if (r.GetValueOrDefault<int>() is < 20 or > 1_000_000)
            {
                r.AddError("--members must be between 20 and 1,000,000.");
            }
        });
        weeks.Validators.Add(r =>
        {
            if (r.GetValueOrDefault<int>() is < 1 or > 520)
            {
                r.AddError("--weeks must be between 1 and 520.");
            }
        });
        command.SetAction(result =>
        {
            var report = Simulator.Run(result.GetValue(members), result.GetValue(weeks), result.GetValue(seed));
            var folder = Path.GetFullPath(result.GetValue(output)!);
            Directory.CreateDirectory(folder);
            File.WriteAllText(Path.Combine(folder, "report.json"), JsonSerializer.Serialize(report, Json));
            File.WriteAllText(Path.Combine(folder, "chart.svg"), SvgChart.Render(report));

            // The comparison docs/simulation.svg shows: the default policy against no counterweights.
            File.WriteAllText(Path.Combine(folder, "default-vs-none.svg"), SvgChart.Render(report, ["default", "none"]));
            Console.Out.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"Simulated {report.Members:N0} members for {report.Weeks} weeks under {report.Scenarios.Count} policies in {report.ElapsedSeconds:F1} s."));
            Console.Out.WriteLine("Averages over the second half:   top1%  top10%  karmaGini  weightGini  superDel  agenda/wk  colluders");
            foreach (var s in report.Scenarios)
            {
                var m = s.SecondHalfAverage;
                Console.Out.WriteLine(string.Create(CultureInfo.InvariantCulture,
                    $"  {s.Name,-30} {m.Top1Share,6:P1} {m.Top10Share,7:P1} {m.KarmaGini,10:F3} {m.WeightGini,11:F3} {m.SuperDelegates,9:F1} {m.AgendaArrivals,10} {m.ColluderAgendaShare,10:P0}"));
            }

            Console.Out.WriteLine($"Wrote report.json, chart.svg and default-vs-none.svg to {folder}.");
            return 0;
        });
        return command;
    }

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web) { WriteIndented = true };
}
