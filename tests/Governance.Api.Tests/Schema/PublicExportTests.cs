using System.Text.Json;
using Governance.Api.Tests.Schema;

namespace Governance.Api.Tests;

/// <summary>
/// The audit export without private data (issue 16, docs/storage.md): a caller downloads
/// exactly the entries the events query shows them; others' private entries keep only their
/// hashes, and `verify-log --public` recomputes the whole chain from that export alone.
/// </summary>
public sealed class PublicExportTests(SchemaFixture fixture) : IClassFixture<SchemaFixture>
{
    private static async Task<List<JsonElement>> ExportAsync(Actor actor)
    {
        var text = await actor.Client.GetStringAsync("/api/exports/events.ndjson");
        return [.. text.Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(line => JsonDocument.Parse(line).RootElement.Clone())];
    }

    private static bool Hidden(JsonElement entry) => entry.TryGetProperty("hidden", out var hidden) && hidden.GetBoolean();

    [Fact]
    public async Task AnotherMembersDelegationIsOnlyAHashAndTheChainStillVerifiesFromTheExportAlone()
    {
        var ann = await fixture.MemberAsync("px-ann");
        var bob = await fixture.MemberAsync("px-bob");
        var cat = await fixture.MemberAsync("px-cat");
        // Delegations seen only by those they concern (delegationVisibility: involved), so that
        // Ann's is private to Cat; under the default (members) every member would see it.
        var admin = await fixture.MemberAsync("px-admin", "admin");
        var set = (await admin.DataAsync(
            "mutation { setPolicy(input: { changes: \"{\\\"delegationVisibility\\\":\\\"involved\\\"}\" }) { policyInForce { delegationVisibility } } }")).GetProperty("setPolicy");
        Assert.Equal("INVOLVED", set.GetProperty("policyInForce").GetProperty("delegationVisibility").GetString());
        await ann.DataAsync("mutation($d: [ID!]!) { delegate(input: { scope: { global: true }, delegates: $d }) { errors { __typename } } }",
            new { d = new[] { SchemaFixture.Id("Member", bob.MemberId!.Value) } });

        var seenByCat = await ExportAsync(cat);
        var seenByAnn = await ExportAsync(ann);

        // Cat sees no trace of who Ann trusts: the entry is there, as its hashes only.
        var annsDelegation = seenByAnn.Last(e => !Hidden(e) && e.GetProperty("type").GetString() == "delegation.set");
        var seq = annsDelegation.GetProperty("seq").GetInt64();
        var asCatSeesIt = seenByCat.Single(e => e.GetProperty("seq").GetInt64() == seq);
        Assert.True(Hidden(asCatSeesIt));
        Assert.Equal(["seq", "hidden", "prev", "hash"], asCatSeesIt.EnumerateObject().Select(p => p.Name));
        Assert.Equal(annsDelegation.GetProperty("hash").GetString(), asCatSeesIt.GetProperty("hash").GetString());
        Assert.DoesNotContain(seenByCat, e => !Hidden(e) && e.GetProperty("type").GetString()!.StartsWith("delegation.", StringComparison.Ordinal));

        // Exactly what the events query shows Cat: the same number of entries, all public.
        var shown = (await cat.DataAsync("{ events(first: 1) { totalCount } }")).GetProperty("events").GetProperty("totalCount").GetInt32();
        Assert.Equal(shown, seenByCat.Count(e => !Hidden(e)));
        Assert.Equal(seenByAnn.Count, seenByCat.Count);

        // Anyone recomputes the chain from Cat's export; a changed entry breaks it at that entry.
        var folder = Directory.CreateTempSubdirectory("public-export-");
        try
        {
            var export = Path.Combine(folder.FullName, "events.ndjson");
            await File.WriteAllLinesAsync(export, seenByCat.Select(e => e.GetRawText()));
            var intact = await CliProcess.RunAsync(null, "verify-log", "--public", export);
            Assert.Equal(0, intact.ExitCode);
            Assert.Contains($"Public export intact: {seenByCat.Count} entries, {seenByCat.Count(Hidden)} of them hidden.", intact.StdOut, StringComparison.Ordinal);

            var victim = seenByCat.First(e => !Hidden(e) && e.GetProperty("type").GetString() == "organisation.seeded").GetProperty("seq").GetInt64();
            await File.WriteAllLinesAsync(export, seenByCat.Select(e =>
                e.GetProperty("seq").GetInt64() == victim ? e.GetRawText().Replace("\"at\":", "\"at\":1", StringComparison.Ordinal) : e.GetRawText()));
            var tampered = await CliProcess.RunAsync(null, "verify-log", "--public", export);
            Assert.Equal(1, tampered.ExitCode);
            Assert.Contains($"Public export broken at entry {victim}: entry {victim} does not match its hash.", tampered.StdOut, StringComparison.Ordinal);
        }
        finally
        {
            folder.Delete(recursive: true);
        }
    }
}
