using System.Globalization;
using System.Text;
using Governance.Core.Delegation.Ranked;

namespace Governance.Core.Delegation.Recount;

/// <summary>The recount of an issue with alternatives (DESIGN §8): the matrix, the strongest paths, the ranking.</summary>
public static partial class Recount
{
    internal static RankedTally RankedTally(Snapshot snapshot)
    {
        var engine = Load(snapshot);
        return engine.CountRanked(Proposal, snapshot.Alternatives!.Length + 1, snapshot.Policy);
    }

    /// <summary>
    /// The ranked output: participation as in §7, then one matrix row per line (row = the choice
    /// preferred, column = the choice it is preferred to), the order, each alternative's standing
    /// against the status quo, the winner (null when none may win), then weights as in §7.
    /// </summary>
    internal static string FormatRanked(Snapshot snapshot, RankedTally tally)
    {
        var names = new string[tally.Choices];
        names[0] = SnapshotReader.StatusQuo;
        snapshot.Alternatives!.CopyTo(names, 1);
        var p = tally.Participation;
        var text = new StringBuilder(512 + (p.Weights.Count * 24));
        text.Append("{\n");
        text.Append(CultureInfo.InvariantCulture,
            $"  \"eligible\": {p.Eligible}, \"voters\": {p.Voters}, \"represented\": {p.Represented}, \"unrepresented\": {p.Unrepresented},\n");
        text.Append(CultureInfo.InvariantCulture, $"  \"participation\": {Number(p.Abstain)}, \"quorumReached\": {Bool(p.QuorumReached)},\n");
        AppendMatrix(text, "pairwise", names, tally.Pairwise);
        AppendMatrix(text, "strongestPaths", names, tally.Strength);
        text.Append("  \"ranking\": [").AppendJoin(", ", tally.Order.Select(c => Quote(names[c]))).Append("],\n");
        text.Append("  \"alternatives\": {\n");
        for (int i = 0; i < tally.Alternatives.Count; i++)
        {
            var a = tally.Alternatives[i];
            text.Append(CultureInfo.InvariantCulture,
                $"    {Quote(names[a.Choice])}: {{ \"rank\": {a.Rank}, \"aboveStatusQuo\": {Number(a.Above)}, \"belowStatusQuo\": {Number(a.Below)}, ");
            text.Append(CultureInfo.InvariantCulture,
                $"\"quorumReached\": {Bool(a.QuorumReached)}, \"majority\": {Bool(a.Majority)}, \"betterThanStatusQuo\": {Bool(a.BetterThanStatusQuo)}, \"eligible\": {Bool(a.Eligible)} }}");
            text.Append(i + 1 < tally.Alternatives.Count ? ",\n" : "\n");
        }

        text.Append("  },\n");
        text.Append("  \"winner\": ").Append(tally.Winner is int w ? Quote(names[w]) : "null").Append(",\n");
        text.Append("  \"weights\": {");
        for (int i = 0; i < p.Weights.Count; i++)
        {
            var weight = p.Weights[i];
            text.Append(i == 0 ? " " : ", ").Append(Quote(snapshot.MemberIds[(int)weight.MemberId])).Append(": ").Append(Number(weight.Weight));
        }

        text.Append(p.Weights.Count == 0 ? "},\n" : " },\n");
        text.Append("  \"superDelegates\": [")
            .AppendJoin(", ", p.SuperDelegates.Select(s => Quote(snapshot.MemberIds[(int)s])))
            .Append("]\n}\n");
        return text.ToString();
    }

    private static void AppendMatrix(StringBuilder text, string name, string[] names, IReadOnlyList<double> matrix)
    {
        int c = names.Length;
        text.Append("  \"").Append(name).Append("\": {\n");
        for (int i = 0; i < c; i++)
        {
            text.Append("    ").Append(Quote(names[i])).Append(": {");
            bool first = true;
            for (int j = 0; j < c; j++)
            {
                if (i == j) continue;
                text.Append(first ? " " : ", ").Append(Quote(names[j])).Append(": ").Append(Number(matrix[i * c + j]));
                first = false;
            }

            text.Append(i + 1 < c ? " },\n" : " }\n");
        }

        text.Append("  },\n");
    }
}
