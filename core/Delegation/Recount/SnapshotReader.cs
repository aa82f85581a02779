using System.Text;
using System.Text.Json;
using Governance.Core.Delegation.Ranked;

namespace Governance.Core.Delegation.Recount;

/// <summary>
/// Reads and validates the snapshot format of DESIGN §7 in one streaming pass (a 1M-member
/// snapshot is ~130 MB; a document tree of it would cost more than the tally). Every refusal
/// names the element at fault by its JSON path (<c>delegations[3].scope</c>) and the offending
/// id, so an auditor can find it in a file of a million lines. Top-level fields may come in
/// any order: delegations and votes that precede the members are re-read once the members are
/// known. Unknown extra fields are ignored for forward compatibility.
/// </summary>
internal static partial class SnapshotReader
{
    private static readonly JsonReaderOptions Options = new() { MaxDepth = 16 };

    public static Snapshot Read(ReadOnlyMemory<byte> utf8Json)
    {
        try
        {
            return ReadDocument(utf8Json.Span);
        }
        catch (JsonException e)
        {
            throw new SnapshotException($"invalid JSON: {e.Message}");
        }
        catch (InvalidOperationException e)
        {
            // The reader checks a string's escapes only when asked for the string: "\uD800" alone
            // is valid JSON syntax but no text (the recount fuzzer's finding, docs/reliability.md).
            throw new SnapshotException($"invalid JSON: {e.Message.TrimEnd('.')}");
        }
    }

    private static Snapshot ReadDocument(ReadOnlySpan<byte> json)
    {
        var reader = new Utf8JsonReader(json, isFinalBlock: true, new JsonReaderState(Options));
        if (!reader.Read()) throw new SnapshotException("invalid JSON: the input is empty");
        if (reader.TokenType != JsonTokenType.StartObject) throw new SnapshotException("the snapshot must be a JSON object");

        string? proposal = null, areaId = null;
        Areas? areas = null;
        Members? members = null;
        TallyPolicy policy = TallyPolicy.Default;
        long delegationsAt = -1, votesAt = -1;
        List<SnapshotDelegation>? delegations = null;
        List<(int, VoteChoice)>? votes = null;
        Dictionary<int, RankedBallot>? rankings = null;
        string[]? alternatives = null;
        bool votesReadWithoutAlternatives = false, rankingBeforeAlternatives = false;
        var seen = new HashSet<string>(StringComparer.Ordinal);
        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            string name = reader.GetString()!;
            if (!seen.Add(name)) throw new SnapshotException($"field \"{name}\" appears twice");
            reader.Read();
            switch (name)
            {
                case "proposal":
                    proposal = String(ref reader, At.Root(name));
                    break;
                case "area":
                    areaId = String(ref reader, At.Root(name));
                    break;
                case "areas":
                    areas = ReadAreas(ref reader);
                    break;
                case "members":
                    members = ReadMembers(ref reader);
                    break;
                case "delegations":
                case "votes":
                    // These refer to members and areas: read them now if those came first (the
                    // usual order), else remember where they are and read them at the end.
                    if (reader.TokenType != JsonTokenType.StartArray) throw new SnapshotException($"\"{name}\" must be an array");
                    if (name == "votes") votesAt = reader.TokenStartIndex;
                    else delegationsAt = reader.TokenStartIndex;
                    if (members is not null && areas is not null && proposal is not null && areaId is not null)
                    {
                        if (name == "votes")
                        {
                            // Alternatives may still follow: a ranking met now is checked again then.
                            (votes, rankings, rankingBeforeAlternatives) = ReadVotes(ref reader, members, alternatives, provisional: alternatives is null);
                            votesReadWithoutAlternatives = alternatives is null;
                        }
                        else
                        {
                            delegations = ReadDelegations(ref reader, members, areas);
                        }
                    }
                    else
                    {
                        reader.Skip();
                    }

                    break;
                case "policy":
                    policy = ReadPolicy(ref reader);
                    break;
                case "alternatives":
                    alternatives = ReadAlternatives(ref reader);
                    break;
                default:
                    reader.Skip();
                    break;
            }
        }

        if (reader.Read()) throw new SnapshotException("invalid JSON: content after the snapshot object");

        if (proposal is null) throw Missing("proposal");
        if (areas is null) throw Missing("areas");
        if (areaId is null) throw Missing("area");
        if (!areas.Index.TryGetValue(areaId, out int area)) throw new SnapshotException($"area: unknown area \"{areaId}\"");
        if (members is null) throw Missing("members");
        if (delegationsAt < 0) throw Missing("delegations");
        if (votesAt < 0) throw Missing("votes");

        if (delegations is null)
        {
            var later = new Utf8JsonReader(json[(int)delegationsAt..], isFinalBlock: true, new JsonReaderState(Options));
            later.Read();
            delegations = ReadDelegations(ref later, members, areas);
        }

        if (votes is null || (votesReadWithoutAlternatives && (alternatives is not null || rankingBeforeAlternatives)))
        {
            var later = new Utf8JsonReader(json[(int)votesAt..], isFinalBlock: true, new JsonReaderState(Options));
            later.Read();
            (votes, rankings, _) = ReadVotes(ref later, members, alternatives, provisional: false);
        }

        return new Snapshot(proposal, area, areas.Ids, areas.Parents, members.Ids, members.Rights, delegations, votes, policy)
        {
            Alternatives = alternatives,
            Rankings = rankings,
        };

        static SnapshotException Missing(string name) => new($"missing field \"{name}\"");
    }

    private sealed record Areas(string[] Ids, Dictionary<string, int> Index, int[] Parents);

    private sealed record Members(Utf8IdTable Ids, bool[] Rights, Utf8IdTable Lookup);

    private static Areas ReadAreas(ref Utf8JsonReader reader)
    {
        var ids = new List<string>();
        var parentIds = new List<string?>();
        var index = new Dictionary<string, int>(StringComparer.Ordinal);
        ForEachObject(ref reader, "areas", (ref Utf8JsonReader r, At at) =>
        {
            string? id = null, parent = null;
            bool hasParent = false;
            while (NextProperty(ref r, out string field))
            {
                if (field == "id")
                {
                    id = String(ref r, at.With("id"));
                }
                else if (field == "parent")
                {
                    hasParent = true;
                    parent = r.TokenType == JsonTokenType.Null ? null : String(ref r, at.With("parent"));
                }
                else
                {
                    r.Skip();
                }
            }

            if (id is null) throw new SnapshotException($"{at}: missing field \"id\"");
            if (!hasParent) throw new SnapshotException($"{at}: missing field \"parent\"");
            if (!index.TryAdd(id, ids.Count)) throw new SnapshotException($"{at}: area \"{id}\" is listed twice");
            ids.Add(id);
            parentIds.Add(parent);
        });

        int count = ids.Count;
        var parents = new int[count];
        for (int i = 0; i < count; i++)
        {
            parents[i] = -1;
            if (parentIds[i] is string pid && !index.TryGetValue(pid, out parents[i]))
            {
                throw new SnapshotException($"areas[{i}]: unknown parent area \"{pid}\" of \"{ids[i]}\"");
            }
        }

        // Walk up from each area; meeting an area already on the current walk is a cycle.
        var state = new byte[count];
        var walk = new List<int>();
        for (int i = 0; i < count; i++)
        {
            walk.Clear();
            int a = i;
            while (a >= 0 && state[a] == 0)
            {
                state[a] = 1;
                walk.Add(a);
                a = parents[a];
            }

            if (a >= 0 && state[a] == 1)
            {
                var cycle = walk.Skip(walk.IndexOf(a)).Select(x => $"\"{ids[x]}\"");
                throw new SnapshotException($"the area tree has a cycle through {string.Join(", ", cycle)}");
            }

            foreach (int x in walk) state[x] = 2;
        }

        return new Areas([.. ids], index, parents);
    }

    private static Members ReadMembers(ref Utf8JsonReader reader)
    {
        var rights = new List<bool>();
        var index = new Utf8IdTable(EstimateCount(reader, bytesPerElement: 40));
        ForEachObject(ref reader, "members", (ref Utf8JsonReader r, At at) =>
        {
            // The id goes into the table as UTF-8 straight from the file; a string is made only
            // for the few ids the output or a refusal prints (Utf8IdTable's indexer).
            bool hasId = false;
            ReadOnlySpan<byte> idBytes = default;
            string? escapedId = null;
            bool? right = null;
            while (NextProperty(ref r, out string field))
            {
                if (field == "id")
                {
                    if (r.TokenType != JsonTokenType.String) throw new SnapshotException($"{at.With("id")} must be a string");
                    hasId = true;
                    escapedId = r.ValueIsEscaped || r.HasValueSequence ? r.GetString() : null;
                    idBytes = escapedId is null ? r.ValueSpan : default;
                }
                else if (field == "votingRight")
                {
                    right = r.TokenType switch
                    {
                        JsonTokenType.True => true,
                        JsonTokenType.False => false,
                        _ => throw new SnapshotException($"{at}.votingRight must be true or false"),
                    };
                }
                else
                {
                    r.Skip();
                }
            }

            if (!hasId) throw new SnapshotException($"{at}: missing field \"id\"");
            if (right is null) throw new SnapshotException($"{at}: missing field \"votingRight\"");
            int added = escapedId is null ? index.Add(idBytes) : index.Add(escapedId);
            if (added < 0)
            {
                string id = escapedId ?? Encoding.UTF8.GetString(idBytes);
                throw new SnapshotException($"{at}: member \"{id}\" is listed twice");
            }

            rights.Add(right.Value);
        });

        return new Members(index, [.. rights], index);
    }

    private static List<SnapshotDelegation> ReadDelegations(ref Utf8JsonReader reader, Members members, Areas areas)
    {
        var result = new List<SnapshotDelegation>();
        var areaLookup = areas.Index.GetAlternateLookup<ReadOnlySpan<char>>();

        // Line (+1) of each member's delegation per scope, to name both lines of a duplicate.
        var globalAt = new int[members.Ids.Count];
        var proposalAt = new int[members.Ids.Count];
        var areaAt = new Dictionary<long, int>();
        var delegates = new int[4];
        var unknown = new string?[4];
        ForEachObject(ref reader, "delegations", (ref Utf8JsonReader r, At at) =>
        {
            int member = -2;
            string? unknownMember = null;
            ScopeKind? kind = null;
            int area = -1;
            string? scope = null, scopeProblem = null;
            int count = -1;
            while (NextProperty(ref r, out string field))
            {
                switch (field)
                {
                    case "member":
                        member = Resolve(ref r, members.Lookup, at.With("member"), out unknownMember);
                        break;
                    case "scope":
                        if (r.TokenType == JsonTokenType.String && r.ValueTextEquals("global"u8))
                        {
                            (kind, scope) = (ScopeKind.Global, "global");
                        }
                        else if (r.TokenType == JsonTokenType.String && r.ValueTextEquals("proposal"u8))
                        {
                            (kind, scope) = (ScopeKind.Proposal, "proposal");
                        }
                        else
                        {
                            scope = String(ref r, at.With("scope"));
                            if (!scope.StartsWith("area:", StringComparison.Ordinal))
                            {
                                scopeProblem = $"{at}.scope: bad scope \"{scope}\" (expected global, area:<area id> or proposal)";
                            }
                            else if (!areaLookup.TryGetValue(scope.AsSpan("area:".Length), out area))
                            {
                                scopeProblem = $"{at}.scope: unknown area \"{scope["area:".Length..]}\"";
                            }
                            else
                            {
                                kind = ScopeKind.Area;
                            }
                        }

                        break;
                    case "delegates":
                        if (r.TokenType != JsonTokenType.StartArray) throw new SnapshotException($"{at}.delegates must be an array");
                        count = 0;
                        while (r.Read() && r.TokenType != JsonTokenType.EndArray)
                        {
                            if (count < delegates.Length)
                            {
                                delegates[count] = Resolve(ref r, members.Lookup, at.With("delegates", count), out unknown[count]);
                            }
                            else
                            {
                                String(ref r, at.With("delegates", count));
                            }

                            count++;
                        }

                        break;
                    default:
                        r.Skip();
                        break;
                }
            }

            // Validated in a fixed order, whatever the order of the fields in the file.
            if (member == -2) throw new SnapshotException($"{at}: missing field \"member\"");
            if (member < 0) throw new SnapshotException($"{at}: unknown member \"{unknownMember}\"");
            string memberId = members.Ids[member];
            if (scopeProblem is not null) throw new SnapshotException(scopeProblem);
            if (kind is null) throw new SnapshotException($"{at}: missing field \"scope\"");
            long areaKey = ((long)member * areas.Ids.Length) + area;
            int earlier = kind switch
            {
                ScopeKind.Global => globalAt[member],
                ScopeKind.Proposal => proposalAt[member],
                _ => areaAt.GetValueOrDefault(areaKey),
            };
            if (earlier != 0)
            {
                throw new SnapshotException($"{at}: \"{memberId}\" has two delegations for scope {scope} (also delegations[{earlier - 1}])");
            }

            int line = result.Count + 1;
            switch (kind)
            {
                case ScopeKind.Global: globalAt[member] = line; break;
                case ScopeKind.Proposal: proposalAt[member] = line; break;
                default: areaAt[areaKey] = line; break;
            }

            if (count < 0) throw new SnapshotException($"{at}: missing field \"delegates\"");
            if (count > 3) throw new SnapshotException($"{at}: \"{memberId}\" names {count} delegates; at most 3");
            for (int i = 0; i < count; i++)
            {
                if (delegates[i] < 0) throw new SnapshotException($"{at}: unknown delegate \"{unknown[i]}\"");
                if (delegates[i] == member) throw new SnapshotException($"{at}: \"{memberId}\" delegates to themselves");
                if (delegates.AsSpan(0, i).Contains(delegates[i]))
                {
                    throw new SnapshotException($"{at}: \"{memberId}\" names delegate \"{members.Ids[delegates[i]]}\" twice");
                }
            }

            result.Add(new SnapshotDelegation(member, kind.Value, area,
                count > 0 ? delegates[0] : -1, count > 1 ? delegates[1] : -1, count > 2 ? delegates[2] : -1, count));
        });

        return result;
    }

    /// <summary>
    /// The votes: a yes/no choice each, or — when the snapshot lists alternatives — a ranking each
    /// (DESIGN §8). With <paramref name="alternatives"/> null a ranking is refused as one on a
    /// yes/no vote — unless <paramref name="provisional"/>: alternatives may still follow, so the
    /// vote is skipped and the caller told to read the votes again at the end.
    /// </summary>
    private static (List<(int, VoteChoice)>, Dictionary<int, RankedBallot>?, bool) ReadVotes(
        ref Utf8JsonReader reader, Members members, string[]? alternatives, bool provisional)
    {
        bool deferred = false;
        var result = new List<(int, VoteChoice)>();
        var rankings = alternatives is null ? null : new Dictionary<int, RankedBallot>();
        var votedAt = new int[members.Ids.Count];
        ForEachObject(ref reader, "votes", (ref Utf8JsonReader r, At at) =>
        {
            int member = -2;
            string? unknownMember = null;
            VoteChoice? choice = null;
            string? badChoice = null;
            RankedBallot? ranking = null;
            bool hasChoice = false;
            while (NextProperty(ref r, out string field))
            {
                if (field == "member")
                {
                    member = Resolve(ref r, members.Lookup, at.With("member"), out unknownMember);
                }
                else if (field == "ranking")
                {
                    if (alternatives is null && provisional)
                    {
                        deferred = true;
                        r.Skip();
                        continue;
                    }

                    if (alternatives is null)
                    {
                        throw new SnapshotException($"{at}.ranking: a ranking on a yes/no vote (the snapshot lists no \"alternatives\")");
                    }

                    ranking = ReadRanking(ref r, at, alternatives);
                }
                else if (field == "choice")
                {
                    hasChoice = true;
                    if (r.TokenType == JsonTokenType.String && r.ValueTextEquals("yes"u8)) choice = VoteChoice.Yes;
                    else if (r.TokenType == JsonTokenType.String && r.ValueTextEquals("no"u8)) choice = VoteChoice.No;
                    else if (r.TokenType == JsonTokenType.String && r.ValueTextEquals("abstain"u8)) choice = VoteChoice.Abstain;
                    else badChoice = String(ref r, at.With("choice"));
                }
                else
                {
                    r.Skip();
                }
            }

            if (member == -2) throw new SnapshotException($"{at}: missing field \"member\"");
            if (member < 0) throw new SnapshotException($"{at}: unknown member \"{unknownMember}\"");
            if (votedAt[member] != 0)
            {
                throw new SnapshotException($"{at}: \"{members.Ids[member]}\" votes twice (also votes[{votedAt[member] - 1}])");
            }

            if (deferred) return;
            votedAt[member] = result.Count + 1;
            if (rankings is not null)
            {
                if (hasChoice) throw new SnapshotException($"{at}.choice: a yes/no choice on an issue with alternatives (rank them with \"ranking\")");
                if (ranking is null) throw new SnapshotException($"{at}: missing field \"ranking\"");
                rankings[member] = ranking;
                result.Add((member, VoteChoice.Abstain));
                return;
            }

            if (badChoice is not null) throw new SnapshotException($"{at}.choice: bad choice \"{badChoice}\" (expected yes, no or abstain)");
            if (choice is null) throw new SnapshotException($"{at}: missing field \"choice\"");
            result.Add((member, choice.Value));
        });

        return (result, rankings, deferred);
    }

    /// <summary>"alternatives": their ids in ballot order; "statusQuo" is the status quo's own id.</summary>
    private static string[] ReadAlternatives(ref Utf8JsonReader reader)
    {
        if (reader.TokenType != JsonTokenType.StartArray) throw new SnapshotException("\"alternatives\" must be an array");
        var ids = new List<string>();
        while (reader.Read() && reader.TokenType != JsonTokenType.EndArray)
        {
            var at = new At("alternatives", ids.Count);
            string id = String(ref reader, at);
            if (id == StatusQuo) throw new SnapshotException($"{at}: \"{StatusQuo}\" is the status quo, not an alternative");
            int twice = ids.IndexOf(id);
            if (twice >= 0) throw new SnapshotException($"{at}: alternative \"{id}\" is listed twice (also alternatives[{twice}])");
            ids.Add(id);
        }

        if (ids.Count == 0) throw new SnapshotException("\"alternatives\" is empty: an issue has at least one alternative");
        if (ids.Count > 63) throw new SnapshotException($"\"alternatives\" lists {ids.Count}; at most 63");
        return [.. ids];
    }

    /// <summary>A ranking: groups of choice ids, best first, ties within a group; unranked ones come last.</summary>
    private static RankedBallot ReadRanking(ref Utf8JsonReader reader, At at, string[] alternatives)
    {
        var ranking = at.With("ranking");
        if (reader.TokenType != JsonTokenType.StartArray) throw new SnapshotException($"{ranking} must be an array of arrays");
        var groups = new List<IReadOnlyList<int>>();
        var placedIn = new Dictionary<int, int>();
        while (reader.Read() && reader.TokenType != JsonTokenType.EndArray)
        {
            int g = groups.Count;
            if (reader.TokenType != JsonTokenType.StartArray) throw new SnapshotException($"{ranking}[{g}] must be an array");
            var group = new List<int>();
            while (reader.Read() && reader.TokenType != JsonTokenType.EndArray)
            {
                string where = $"{ranking}[{g}][{group.Count}]";
                if (reader.TokenType != JsonTokenType.String) throw new SnapshotException($"{where} must be a string");
                string id = reader.GetString()!;
                int choice = id == StatusQuo ? 0 : Array.IndexOf(alternatives, id) + 1;
                if (choice == 0 && id != StatusQuo) throw new SnapshotException($"{where}: unknown alternative \"{id}\"");
                if (placedIn.TryGetValue(choice, out int earlier))
                {
                    throw new SnapshotException($"{where}: \"{id}\" is ranked twice (also in {ranking}[{earlier}])");
                }

                placedIn[choice] = g;
                group.Add(choice);
            }

            if (group.Count == 0) throw new SnapshotException($"{ranking}[{g}] is empty");
            groups.Add(group);
        }

        return RankedBallot.FromGroups(alternatives.Length + 1, groups);
    }

    /// <summary>The status quo's id in rankings (DESIGN §8).</summary>
    internal const string StatusQuo = "statusQuo";

    private static TallyPolicy ReadPolicy(ref Utf8JsonReader reader)
    {
        var policy = TallyPolicy.Default;
        if (reader.TokenType == JsonTokenType.Null) return policy;
        if (reader.TokenType != JsonTokenType.StartObject) throw new SnapshotException("policy must be an object");
        while (NextProperty(ref reader, out string field))
        {
            if (field is not ("viscosity" or "superDelegateShare" or "quorumShare" or "majority"))
            {
                reader.Skip();
                continue;
            }

            if (reader.TokenType == JsonTokenType.Null) continue;
            if (reader.TokenType != JsonTokenType.Number || !reader.TryGetDouble(out double value))
            {
                throw new SnapshotException($"policy.{field} must be a number");
            }

            policy = field switch
            {
                "viscosity" => policy with { Viscosity = value },
                "superDelegateShare" => policy with { SuperDelegateShare = value },
                "quorumShare" => policy with { QuorumShare = value },
                _ => policy with { Majority = value },
            };
        }

        return policy.Problem() is string problem ? throw new SnapshotException($"policy: {problem}") : policy;
    }

    private delegate void ElementReader(ref Utf8JsonReader reader, At at);

    /// <summary>Reads an array whose elements must be objects, positioned on its StartArray.</summary>
    private static void ForEachObject(ref Utf8JsonReader reader, string name, ElementReader read)
    {
        if (reader.TokenType != JsonTokenType.StartArray) throw new SnapshotException($"\"{name}\" must be an array");
        int i = 0;
        while (reader.Read() && reader.TokenType != JsonTokenType.EndArray)
        {
            var at = new At(name, i++);
            if (reader.TokenType != JsonTokenType.StartObject) throw new SnapshotException($"{at} must be an object");
            read(ref reader, at);
        }
    }

    /// <summary>Moves to the next property's value inside an object; false at its end.</summary>
    private static bool NextProperty(ref Utf8JsonReader reader, out string name)
    {
        reader.Read();
        if (reader.TokenType != JsonTokenType.PropertyName)
        {
            name = "";
            return false;
        }

        // The handful of field names this format has are matched without allocating.
        name = reader.ValueTextEquals("member"u8) ? "member"
            : reader.ValueTextEquals("delegates"u8) ? "delegates"
            : reader.ValueTextEquals("scope"u8) ? "scope"
            : reader.ValueTextEquals("id"u8) ? "id"
            : reader.ValueTextEquals("votingRight"u8) ? "votingRight"
            : reader.ValueTextEquals("choice"u8) ? "choice"
            : reader.ValueTextEquals("parent"u8) ? "parent"
            : reader.ValueTextEquals("ranking"u8) ? "ranking"
            : reader.GetString()!;
        reader.Read();
        return true;
    }

    /// <summary>
    /// Finds a member id without allocating a string for it: a million-member snapshot names
    /// members three million times. Escaped or very long ids take the slow path. Returns -1 and
    /// the id when it is unknown.
    /// </summary>
    private static int Resolve(ref Utf8JsonReader reader, Utf8IdTable index, At at, out string? unknown)
    {
        if (reader.TokenType != JsonTokenType.String) throw new SnapshotException($"{at} must be a string");
        unknown = null;

        // The table holds the ids' unescaped UTF-8; an unescaped value span is exactly that.
        int found = reader.ValueIsEscaped || reader.HasValueSequence
            ? index.Find(Encoding.UTF8.GetBytes(reader.GetString()!))
            : index.Find(reader.ValueSpan);
        if (found >= 0) return found;
        unknown = reader.GetString();
        return -1;
    }

    /// <summary>
    /// A first guess at an array's element count from its length in bytes (the reader is a copy,
    /// so the caller's position does not move), to size tables once instead of growing them.
    /// </summary>
    private static int EstimateCount(Utf8JsonReader copy, int bytesPerElement)
    {
        if (copy.TokenType != JsonTokenType.StartArray) return 16;
        long start = copy.TokenStartIndex;
        copy.Skip();
        return (int)Math.Min((copy.TokenStartIndex - start) / bytesPerElement + 16, 1 << 26);
    }

    private static string String(ref Utf8JsonReader reader, At at) =>
        reader.TokenType == JsonTokenType.String ? reader.GetString()! : throw new SnapshotException($"{at} must be a string");

    /// <summary>
    /// Where in the snapshot an element sits, e.g. <c>delegations[3].delegates[1]</c>. A struct
    /// formatted only when a refusal needs it: a million-member file must not build a million
    /// path strings just in case.
    /// </summary>
    private readonly record struct At(string List, int Index, string? Field = null, int Item = -1)
    {
        public static At Root(string name) => new(name, -1);

        public At With(string field, int item = -1) => this with { Field = field, Item = item };

        public override string ToString() =>
            (Index < 0 ? List : $"{List}[{Index}]") + (Field is null ? "" : $".{Field}") + (Item < 0 ? "" : $"[{Item}]");
    }
}
