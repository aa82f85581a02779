using System.Data.Common;
using System.Globalization;
using System.Text;
using System.Text.Json;
using Dapper;
using Governance.Core.Policies;
using Governance.Core.Storage;

namespace Governance.Core.Proposals;

/// <summary>
/// Writes the snapshot of DESIGN §7 for a proposal at the instant its vote closes: areas by
/// slug, members by handle with their voting right, the delegations in force then, the votes,
/// and the proposal's tally policy. `recount` on this text must print the stored tally.
/// </summary>
internal static class VoteSnapshot
{
    public static string Build(DbConnection c, DbTransaction? t, ProposalRow proposal, PolicyValues policy, long atMs, IReadOnlyList<string>? alternatives = null)
    {
        using var buffer = new MemoryStream();
        using (var json = new Utf8JsonWriter(buffer, new JsonWriterOptions { Indented = true }))
        {
            var areas = VoteStore.Areas(c, t);
            var areaSlug = c.ExecuteScalar<string>("SELECT slug FROM areas WHERE id = @AreaId", new { proposal.AreaId }, t)!;
            json.WriteStartObject();
            json.WriteString("proposal", proposal.Id.ToString(CultureInfo.InvariantCulture));
            json.WriteString("area", areaSlug);
            json.WriteStartArray("areas");
            foreach (var (slug, parent) in areas)
            {
                json.WriteStartObject();
                json.WriteString("id", slug);
                json.WriteString("parent", parent);
                json.WriteEndObject();
            }

            json.WriteEndArray();
            json.WriteStartArray("members");
            foreach (var (handle, votingRight) in VoteStore.Members(c, t))
            {
                json.WriteStartObject();
                json.WriteString("id", handle);
                json.WriteBoolean("votingRight", votingRight);
                json.WriteEndObject();
            }

            json.WriteEndArray();
            json.WriteStartArray("delegations");
            long current = -1;
            foreach (var (id, member, kind, area, @delegate) in VoteStore.Delegations(c, t, proposal.Id, atMs))
            {
                if (id != current)
                {
                    if (current != -1)
                    {
                        json.WriteEndArray();
                        json.WriteEndObject();
                    }

                    current = id;
                    json.WriteStartObject();
                    json.WriteString("member", member);
                    json.WriteString("scope", kind == "area" ? $"area:{area}" : kind);
                    json.WriteStartArray("delegates");
                }

                if (@delegate is not null)
                {
                    json.WriteStringValue(@delegate);
                }
            }

            if (current != -1)
            {
                json.WriteEndArray();
                json.WriteEndObject();
            }

            json.WriteEndArray();
            if (alternatives is not null)
            {
                // An issue (DESIGN §8): its choices in ballot order, then a ranking per ballot.
                json.WriteStartArray("alternatives");
                foreach (var key in alternatives)
                {
                    json.WriteStringValue(key);
                }

                json.WriteEndArray();
                json.WriteStartArray("votes");
                foreach (var (_, handle, ranking) in IssueStore.Ballots(c, t, proposal.Id))
                {
                    json.WriteStartObject();
                    json.WriteString("member", handle);
                    json.WritePropertyName("ranking");
                    json.WriteRawValue(ranking);
                    json.WriteEndObject();
                }

                json.WriteEndArray();
            }
            else
            {
                json.WriteStartArray("votes");
                foreach (var (_, handle, choice) in VoteStore.Votes(c, t, proposal.Id))
                {
                    json.WriteStartObject();
                    json.WriteString("member", handle);
                    json.WriteString("choice", choice);
                    json.WriteEndObject();
                }

                json.WriteEndArray();
            }
            json.WriteStartObject("policy");
            json.WriteNumber("viscosity", policy.Viscosity);
            json.WriteNumber("superDelegateShare", policy.SuperDelegateShare);
            json.WriteNumber("quorumShare", policy.VoteQuorumShare);
            json.WriteNumber("majority", policy.Majority);
            json.WriteEndObject();
            json.WriteEndObject();
        }

        return Encoding.UTF8.GetString(buffer.ToArray());
    }
}
