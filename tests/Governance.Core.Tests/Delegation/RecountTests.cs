using Governance.Core.Delegation.Recount;
using Governance.Tests.Shared;

namespace Governance.Core.Tests.Delegation;

public sealed class RecountTests
{
    // docs/design.md §7, verbatim (shared with the api's command-line test).
    private const string WorkedExample = DesignExample.Snapshot;

    private const string WorkedExampleOutput = DesignExample.Output;

    private static (int Code, string Out, string Err) Run(string snapshot)
    {
        using var stdout = new StringWriter();
        using var stderr = new StringWriter();
        int code = Recount.Run(new StringReader(snapshot), stdout, stderr);
        return (code, stdout.ToString(), stderr.ToString());
    }

    private static (int Code, string Out, string Err) RunFile(byte[] content, System.Text.Encoding? encoding = null)
    {
        string path = Path.Combine(Path.GetTempPath(), $"recount-test-{Guid.NewGuid():N}.json");
        File.WriteAllBytes(path, content);
        try
        {
            using var reader = encoding is null ? new StreamReader(path) : new StreamReader(path, encoding);
            using var stdout = new StringWriter();
            using var stderr = new StringWriter();
            int code = Recount.Run(reader, stdout, stderr);
            return (code, stdout.ToString(), stderr.ToString());
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Fact]
    public void AFileReadAsRawUtf8OrThroughTheFallbacksGivesTheSameResultAsText()
    {
        // Ids with non-ASCII letters, one written escaped where it is mentioned: the id table
        // keys unescaped UTF-8, so "d\u00e9e" must find "dée" either way.
        string snapshot = WorkedExample.Replace("dee", "dée", StringComparison.Ordinal)
            .Replace("\"delegates\": [\"dée\"]", "\"delegates\": [\"d\\u00e9e\"]", StringComparison.Ordinal);
        Assert.Contains("d\\u00e9e", snapshot, StringComparison.Ordinal);
        var expected = Run(snapshot);
        Assert.Equal(0, expected.Code);
        Assert.Contains("\"weights\": { \"d\\u00E9e\": 3.0 }", expected.Out, StringComparison.Ordinal); // the output escapes non-ASCII

        byte[] utf8 = System.Text.Encoding.UTF8.GetBytes(snapshot);
        Assert.Equal(expected, RunFile(utf8));                                           // raw bytes
        Assert.Equal(expected, RunFile(utf8, System.Text.Encoding.UTF8));                // as the CLI opens it
        Assert.Equal(expected, RunFile([0xEF, 0xBB, 0xBF, .. utf8]));                   // BOM: the reader strips it
        Assert.Equal(expected, RunFile(System.Text.Encoding.Unicode.GetPreamble().Concat(System.Text.Encoding.Unicode.GetBytes(snapshot)).ToArray()));
        Assert.Equal(expected, RunFile(System.Text.Encoding.Latin1.GetBytes(snapshot), System.Text.Encoding.Latin1)); // not UTF-8: decoded

        // Invalid UTF-8 inside an unused string: the reader replaces it, so the recount must not refuse.
        byte[] invalid = System.Text.Encoding.UTF8.GetBytes(WorkedExample.Replace("\"p1\"", "\"p\u00ff\"", StringComparison.Ordinal));
        int at = Array.IndexOf(invalid, (byte)0xC3);
        invalid = [.. invalid[..at], 0xFF, .. invalid[(at + 2)..]];
        Assert.Equal(Run(WorkedExample), RunFile(invalid));
    }

    [Fact]
    public void WorkedExampleOfTheDesignGivesExactlyItsOutput()
    {
        var (code, output, errors) = Run(WorkedExample);

        Assert.Equal("", errors);
        Assert.Equal(0, code);
        Assert.Equal(WorkedExampleOutput, output);
    }

    [Fact]
    public void OmittedPolicyTakesDefaultsAndFractionalWeightsPrintInFull()
    {
        string snapshot = WorkedExample.Replace("\"viscosity\": 1.0", "\"viscosity\": 0.5", StringComparison.Ordinal);
        string output = Run(snapshot).Out;
        Assert.Contains("\"yes\": 1.75,", output, StringComparison.Ordinal); // dee 1 + cy 0.5 + ann 0.25 (two hops)
        Assert.Contains("\"weights\": { \"dee\": 1.75 },", output, StringComparison.Ordinal);

        var withoutPolicy = Run(WorkedExample.Replace(
            "\"policy\":  { \"viscosity\": 1.0, \"superDelegateShare\": 0.1, \"quorumShare\": 0.1, \"majority\": 0.5 }",
            "\"policy\": {}", StringComparison.Ordinal));
        Assert.Equal(WorkedExampleOutput, withoutPolicy.Out);
    }

    [Fact]
    public void FieldsMayComeInAnyOrderAndUnknownFieldsAreIgnored()
    {
        const string reordered = """
            {
              "votes": [ { "choice": "yes", "member": "dee" } ],
              "delegations": [
                { "delegates": ["bob", "cy"], "member": "ann", "scope": "global", "note": { "why": ["x"] } },
                { "scope": "area:party", "member": "bob", "delegates": [] },
                { "member": "cy", "scope": "proposal", "delegates": ["dee"] }
              ],
              "policy": { "majority": 0.5 },
              "exportedBy": "server 1.2",
              "members": [ { "votingRight": true, "id": "ann" }, { "id": "bob", "votingRight": true },
                           { "id": "cy", "votingRight": true }, { "id": "dee", "votingRight": true } ],
              "areas": [ { "parent": "party", "id": "housing" }, { "id": "party", "parent": null } ],
              "area": "housing",
              "proposal": "p1"
            }
            """;

        Assert.Equal(WorkedExampleOutput, Run(reordered).Out);
    }

    [Fact]
    public void GeneratedSnapshotRecountsToTheEngineTally()
    {
        var org = Governance.Core.Delegation.Synthetic.SyntheticOrganisation.Generate(3_000, seed: 11);
        var expected = org.LoadInto().Count(Governance.Core.Delegation.Synthetic.SyntheticOrganisation.ProposalId, Governance.Core.Delegation.TallyPolicy.Default);
        using var snapshot = new StringWriter();
        org.WriteSnapshot(snapshot);

        var (code, output, errors) = Run(snapshot.ToString());

        Assert.Equal((0, ""), (code, errors));
        using var result = System.Text.Json.JsonDocument.Parse(output);
        var root = result.RootElement;
        Assert.Equal(expected.Eligible, root.GetProperty("eligible").GetInt32());
        Assert.Equal(expected.Represented, root.GetProperty("represented").GetInt32());
        Assert.Equal(expected.Yes, root.GetProperty("yes").GetDouble());
        Assert.Equal(expected.No, root.GetProperty("no").GetDouble());
        Assert.Equal(
            expected.Weights.Select(w => ($"m{w.MemberId}", w.Weight)),
            root.GetProperty("weights").EnumerateObject().Select(p => (p.Name, p.Value.GetDouble())));
    }

    [Fact]
    public void EmptyVoteHasEmptyWeightsAndNoQuorum()
    {
        var (code, output, _) = Run("""
            { "proposal": "p", "area": "a", "areas": [ { "id": "a", "parent": null } ],
              "members": [ { "id": "x", "votingRight": true } ], "delegations": [], "votes": [] }
            """);

        Assert.Equal(0, code);
        Assert.Equal("""
            {
              "eligible": 1, "voters": 0, "represented": 0, "unrepresented": 1,
              "yes": 0.0, "no": 0.0, "abstain": 0.0,
              "quorumReached": false, "passed": false,
              "weights": {},
              "superDelegates": []
            }

            """, output);
    }

    [Theory]
    [InlineData("{ \"proposal\": ", "invalid JSON")]
    [InlineData("[]", "must be a JSON object")]
    [InlineData("{ \"proposal\\uD800\": \"p\" }", "invalid JSON: Cannot read incomplete UTF-16 JSON text")] // found by the recount fuzzer
    [InlineData("{ \"proposal\": \"\\uDC00\" }", "invalid JSON: Cannot read invalid UTF-16 JSON text")]
    [InlineData("""{ "area": "a" }""", "missing field \"proposal\"")]
    [InlineData("""{ "proposal": "p", "area": "a", "areas": [], "members": [] }""", "unknown area \"a\"")]
    public void MalformedDocumentIsRefused(string snapshot, string culprit) => AssertRefused(snapshot, culprit);

    [Theory]
    [InlineData("missing votes", "\"votes\":", "\"vote\":", "missing field \"votes\"")]
    [InlineData("unknown delegating member", "\"member\": \"cy\",  \"scope\"", "\"member\": \"zed\", \"scope\"", "delegations[2]: unknown member \"zed\"")]
    [InlineData("unknown delegate", "[\"dee\"]", "[\"zed\"]", "delegations[2]: unknown delegate \"zed\"")]
    [InlineData("unknown voter", "{ \"member\": \"dee\", \"choice\"", "{ \"member\": \"zed\", \"choice\"", "votes[0]: unknown member \"zed\"")]
    [InlineData("unknown area in scope", "area:party", "area:sport", "delegations[1].scope: unknown area \"sport\"")]
    [InlineData("unknown proposal area", "\"area\": \"housing\"", "\"area\": \"sport\"", "unknown area \"sport\"")]
    [InlineData("unknown parent area", "\"parent\": \"party\"", "\"parent\": \"sport\"", "unknown parent area \"sport\"")]
    [InlineData("area tree cycle", "{ \"id\": \"party\", \"parent\": null }", "{ \"id\": \"party\", \"parent\": \"housing\" }", "cycle through \"party\", \"housing\"")]
    [InlineData("two votes", "[ { \"member\": \"dee\", \"choice\": \"yes\" } ]", "[ { \"member\": \"dee\", \"choice\": \"yes\" }, { \"member\": \"dee\", \"choice\": \"no\" } ]", "votes[1]: \"dee\" votes twice")]
    [InlineData("two delegations for one scope", "\"delegates\": [\"dee\"] }", "\"delegates\": [\"dee\"] }, { \"member\": \"cy\", \"scope\": \"proposal\", \"delegates\": [\"ann\"] }", "delegations[3]: \"cy\" has two delegations for scope proposal (also delegations[2])")]
    [InlineData("self-delegation", "[\"bob\", \"cy\"]", "[\"ann\", \"cy\"]", "delegations[0]: \"ann\" delegates to themselves")]
    [InlineData("delegate named twice", "[\"bob\", \"cy\"]", "[\"bob\", \"bob\"]", "delegations[0]: \"ann\" names delegate \"bob\" twice")]
    [InlineData("more than three", "[\"bob\", \"cy\"]", "[\"bob\", \"cy\", \"dee\", \"bob\"]", "delegations[0]: \"ann\" names 4 delegates; at most 3")]
    [InlineData("bad choice", "\"choice\": \"yes\"", "\"choice\": \"maybe\"", "votes[0].choice: bad choice \"maybe\"")]
    [InlineData("bad scope", "\"scope\": \"global\"", "\"scope\": \"everywhere\"", "delegations[0].scope: bad scope \"everywhere\"")]
    [InlineData("duplicate member", "{ \"id\": \"dee\", \"votingRight\": true }", "{ \"id\": \"cy\", \"votingRight\": true }", "members[3]: member \"cy\" is listed twice")]
    [InlineData("voting right not a boolean", "{ \"id\": \"dee\", \"votingRight\": true }", "{ \"id\": \"dee\", \"votingRight\": \"yes\" }", "members[3].votingRight must be true or false")]
    [InlineData("member id not a string", "{ \"id\": \"dee\",", "{ \"id\": 4,", "members[3].id must be a string")]
    [InlineData("viscosity out of range", "\"viscosity\": 1.0", "\"viscosity\": 0", "policy: viscosity must be in (0, 1]")]
    [InlineData("policy value not a number", "\"quorumShare\": 0.1", "\"quorumShare\": \"10%\"", "policy.quorumShare must be a number")]
    [InlineData("missing delegates", "\"delegates\": [\"dee\"] }", "\"to\": [\"dee\"] }", "delegations[2]: missing field \"delegates\"")]
    [InlineData("delegations not an array", "\"delegations\": [", "\"delegations\": { \"x\": [", "\"delegations\" must be an array")]
    [InlineData("escaped unknown delegate", "[\"dee\"]", "[\"d\\u00e9e\"]", "delegations[2]: unknown delegate \"d\u00e9e\"")]
    public void MalformedSnapshotIsRefusedNamingTheCulprit(string why, string find, string replace, string culprit)
    {
        Assert.Contains(find, WorkedExample, StringComparison.Ordinal);
        AssertRefused(WorkedExample.Replace(find, replace, StringComparison.Ordinal), culprit, why);
    }

    private static void AssertRefused(string snapshot, string culprit, string why = "")
    {
        var (code, output, errors) = Run(snapshot);

        Assert.NotEqual(0, code);
        Assert.Equal("", output);
        Assert.True(errors.Contains(culprit, StringComparison.Ordinal), $"{why}: expected \"{culprit}\" in: {errors}");
    }
}
