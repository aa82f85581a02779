using System.Data.Common;
using System.Text.Json;
using Governance.Core.Delegation;
using Governance.Core.Delegation.Ranked;

namespace Governance.Core.Proposals;

/// <summary>
/// A ranked ballot between its stored form (groups of choice keys, best first, as JSON in
/// <c>ranked_ballots</c>) and the engine's (a level per choice index, the issue's choices in
/// ballot order: status quo, the issue's proposal, the alternatives oldest first). The writer,
/// the start-up load and the follower of other instances all go through here, so the live
/// engine holds the ballot exactly as the snapshot at the close will.
/// </summary>
internal static class IssueBallots
{
    /// <summary>The issue's choice keys in ballot order (fixed once voting opens).</summary>
    public static IReadOnlyList<string> ChoiceKeys(DbConnection c, DbTransaction? t, long issueId) =>
        [.. IssueService.Choices(c, t, ProposalService.Load(c, t, issueId)).Select(x => x.Key)];

    /// <summary>The engine's ballot for groups of keys; refuses a key that is not one of <paramref name="choiceKeys"/>.</summary>
    public static RankedBallot ToEngine(IReadOnlyList<string> choiceKeys, IEnumerable<IEnumerable<string>> groups)
    {
        var index = new Dictionary<string, int>(StringComparer.Ordinal);
        for (int i = 0; i < choiceKeys.Count; i++) index[choiceKeys[i]] = i;
        var indexed = groups
            .Select(g => (IReadOnlyList<int>)[.. g.Select(k => index.TryGetValue(k, out int i) ? i : throw new ArgumentException($"\"{k}\" is not a choice on the ballot", nameof(groups)))])
            .ToList();
        return RankedBallot.FromGroups(choiceKeys.Count, indexed);
    }

    /// <summary>The engine's ballot for a stored ranking (JSON of groups of keys).</summary>
    public static RankedBallot FromJson(IReadOnlyList<string> choiceKeys, string json) =>
        ToEngine(choiceKeys, JsonSerializer.Deserialize<List<List<string>>>(json) ?? throw new ArgumentException("a stored ranking is null", nameof(json)));

    /// <summary>Sets the ballot in the engine, when the engine knows the issue and the member (one who joined on another instance may not be loaded yet).</summary>
    public static void Apply(DelegationEngine engine, long issueId, long memberId, RankedBallot ballot)
    {
        if (engine.HasProposal(issueId) && engine.Members.TryGetIndex(memberId, out _))
        {
            engine.CastRankedBallot(issueId, memberId, ballot);
        }
    }
}
