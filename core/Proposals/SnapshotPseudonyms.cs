using System.Globalization;
using System.Security.Cryptography;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Governance.Core.Proposals;

/// <summary>
/// The public form of a closed vote's snapshot (DESIGN §7): the same areas, delegations, votes
/// and policy, with every member named by a pseudonym instead of their handle. §5 keeps a vote
/// that carries no one else's weight private ("aggregate" by default) and §3 shows a
/// delegation only to the members it involves, so a snapshot with handles may not be
/// published; §7 asks that anyone can recount, which needs only the graph, not the names.
/// <para>
/// Pseudonyms are `m1` … `mN` in a fresh random order for every export: stable within one
/// file (so it recounts to the stored result exactly), unrelated to member ids or join order,
/// and different in every download, so that nobody can follow a pseudonym from one vote, or
/// one download, to the next. Lists are sorted by pseudonym so that their order tells nothing.
/// </para>
/// </summary>
public static class SnapshotPseudonyms
{
    /// <summary>Rewrites <paramref name="snapshotJson"/> with pseudonyms; <paramref name="shuffle"/> (a cryptographic shuffle by default) picks their order.</summary>
    public static string Apply(string snapshotJson, Action<Span<int>>? shuffle = null)
    {
        ArgumentNullException.ThrowIfNull(snapshotJson);
        var root = JsonNode.Parse(snapshotJson)!.AsObject();
        var members = root["members"]!.AsArray();
        var order = Enumerable.Range(1, members.Count).ToArray();
        (shuffle ?? RandomNumberGenerator.Shuffle)(order);
        var pseudonyms = new Dictionary<string, int>(members.Count, StringComparer.Ordinal);
        for (var i = 0; i < members.Count; i++)
        {
            pseudonyms[(string)members[i]!["id"]!] = order[i];
        }

        string Name(JsonNode? handle) => "m" + pseudonyms[(string)handle!].ToString(CultureInfo.InvariantCulture);
        int Rank(JsonNode? handle) => pseudonyms[(string)handle!];

        var output = new JsonObject
        {
            ["proposal"] = root["proposal"]?.DeepClone(),
            ["area"] = root["area"]?.DeepClone(),
            ["areas"] = root["areas"]?.DeepClone(),
            ["members"] = new JsonArray([.. members
                .OrderBy(m => Rank(m!["id"]))
                .Select(m => (JsonNode)new JsonObject { ["id"] = Name(m!["id"]), ["votingRight"] = m["votingRight"]?.DeepClone() })]),
            ["delegations"] = new JsonArray([.. root["delegations"]!.AsArray()
                .OrderBy(d => Rank(d!["member"])).ThenBy(d => (string)d!["scope"]!, StringComparer.Ordinal)
                .Select(d => (JsonNode)new JsonObject
                {
                    ["member"] = Name(d!["member"]),
                    ["scope"] = d["scope"]!.DeepClone(),
                    ["delegates"] = new JsonArray([.. d["delegates"]!.AsArray().Select(x => (JsonNode)Name(x))]),
                })]),
            ["votes"] = new JsonArray([.. root["votes"]!.AsArray()
                .OrderBy(v => Rank(v!["member"]))
                .Select(v => (JsonNode)new JsonObject { ["member"] = Name(v!["member"]), ["choice"] = v["choice"]!.DeepClone() })]),
            ["policy"] = root["policy"]?.DeepClone(),
        };
        return output.ToJsonString(new JsonSerializerOptions { WriteIndented = true, Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping });
    }

}
