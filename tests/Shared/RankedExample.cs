namespace Governance.Tests.Shared;

/// <summary>docs/ranked-voting.md's worked example, verbatim: a ranked snapshot and the recount it must print.</summary>
internal static class RankedExample
{
    public const string Snapshot = """
        {
          "proposal": "i1",
          "area": "housing",
          "areas":   [ { "id": "party", "parent": null }, { "id": "housing", "parent": "party" } ],
          "members": [ { "id": "ann", "votingRight": true }, { "id": "bob", "votingRight": true },
                       { "id": "cy",  "votingRight": true }, { "id": "dee", "votingRight": true },
                       { "id": "eve", "votingRight": true }, { "id": "fay", "votingRight": true },
                       { "id": "gus", "votingRight": true }, { "id": "hal", "votingRight": true },
                       { "id": "ivy", "votingRight": true }, { "id": "jo",  "votingRight": true },
                       { "id": "kim", "votingRight": true } ],
          "alternatives": ["a1", "a2", "a3"],
          "delegations": [
            { "member": "ann", "scope": "global",     "delegates": ["cy"] },
            { "member": "bob", "scope": "area:party", "delegates": ["cy"] },
            { "member": "hal", "scope": "proposal",   "delegates": ["cy"] },
            { "member": "fay", "scope": "global",     "delegates": ["dee"] },
            { "member": "jo",  "scope": "global",     "delegates": ["ivy", "dee"] },
            { "member": "kim", "scope": "global",     "delegates": ["eve"] }
          ],
          "votes": [
            { "member": "cy",  "ranking": [["a1"], ["a2"], ["a3"], ["statusQuo"]] },
            { "member": "dee", "ranking": [["a2"], ["a3"], ["a1"], ["statusQuo"]] },
            { "member": "eve", "ranking": [["a3"], ["a1"], ["a2"], ["statusQuo"]] },
            { "member": "gus", "ranking": [["statusQuo"], ["a2"]] }
          ],
          "policy":  { "viscosity": 1.0, "superDelegateShare": 0.1, "quorumShare": 0.1, "majority": 0.5 }
        }
        """;

    public const string Output = """
        {
          "eligible": 11, "voters": 4, "represented": 6, "unrepresented": 1,
          "participation": 10.0, "quorumReached": true,
          "pairwise": {
            "statusQuo": { "a1": 1.0, "a2": 1.0, "a3": 1.0 },
            "a1": { "statusQuo": 9.0, "a2": 6.0, "a3": 4.0 },
            "a2": { "statusQuo": 9.0, "a1": 4.0, "a3": 8.0 },
            "a3": { "statusQuo": 9.0, "a1": 5.0, "a2": 2.0 }
          },
          "strongestPaths": {
            "statusQuo": { "a1": 0.0, "a2": 0.0, "a3": 0.0 },
            "a1": { "statusQuo": 9.0, "a2": 6.0, "a3": 6.0 },
            "a2": { "statusQuo": 9.0, "a1": 5.0, "a3": 8.0 },
            "a3": { "statusQuo": 9.0, "a1": 5.0, "a2": 5.0 }
          },
          "ranking": ["a1", "a2", "a3", "statusQuo"],
          "alternatives": {
            "a1": { "rank": 1, "aboveStatusQuo": 9.0, "belowStatusQuo": 1.0, "quorumReached": true, "majority": true, "betterThanStatusQuo": true, "eligible": true },
            "a2": { "rank": 2, "aboveStatusQuo": 9.0, "belowStatusQuo": 1.0, "quorumReached": true, "majority": true, "betterThanStatusQuo": true, "eligible": true },
            "a3": { "rank": 3, "aboveStatusQuo": 9.0, "belowStatusQuo": 1.0, "quorumReached": true, "majority": true, "betterThanStatusQuo": true, "eligible": true }
          },
          "winner": "a1",
          "weights": { "cy": 4.0, "dee": 3.0, "eve": 2.0, "gus": 1.0 },
          "superDelegates": ["cy", "dee", "eve"]
        }

        """;
}
