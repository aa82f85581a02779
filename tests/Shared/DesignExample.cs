namespace Governance.Tests.Shared;

/// <summary>docs/design.md §7's worked example, verbatim: a snapshot and the recount it must print.</summary>
internal static class DesignExample
{
    public const string Snapshot = """
        {
          "proposal": "p1",
          "area": "housing",
          "areas":   [ { "id": "party", "parent": null }, { "id": "housing", "parent": "party" } ],
          "members": [ { "id": "ann", "votingRight": true }, { "id": "bob", "votingRight": true },
                       { "id": "cy",  "votingRight": true }, { "id": "dee", "votingRight": true } ],
          "delegations": [
            { "member": "ann", "scope": "global",           "delegates": ["bob", "cy"] },
            { "member": "bob", "scope": "area:party",       "delegates": [] },
            { "member": "cy",  "scope": "proposal",         "delegates": ["dee"] }
          ],
          "votes":   [ { "member": "dee", "choice": "yes" } ],
          "policy":  { "viscosity": 1.0, "superDelegateShare": 0.1, "quorumShare": 0.1, "majority": 0.5 }
        }
        """;

    public const string Output = """
        {
          "eligible": 4, "voters": 1, "represented": 2, "unrepresented": 1,
          "yes": 3.0, "no": 0.0, "abstain": 0.0,
          "quorumReached": true, "passed": true,
          "weights": { "dee": 3.0 },
          "superDelegates": ["dee"]
        }

        """;
}
