using System.Runtime.InteropServices;
using System.Text;
using System.Text.Json;

namespace Governance.Core.Delegation.Recount;

/// <summary>
/// Reads and validates the snapshot format of DESIGN §7. Every refusal names the element at
/// fault by its JSON path (<c>delegations[3].scope</c>) and the offending id, so an auditor can
/// find it in a file of a million lines. Unknown extra fields are ignored for forward compatibility.
/// </summary>
internal static class SnapshotReader
{
    private static readonly JsonDocumentOptions Options = new() { MaxDepth = 16 };

    public static Snapshot Read(ReadOnlyMemory<byte> utf8Json)
    {
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(utf8Json, Options);
        }
        catch (JsonException e)
        {
            throw new SnapshotException($"invalid JSON: {e.Message}");
        }

        using (document)
        {
            var root = document.RootElement;
            if (root.ValueKind != JsonValueKind.Object) throw new SnapshotException("the snapshot must be a JSON object");

            string proposal = String(Field(root, "proposal", At.Root("proposal")), At.Root("proposal"));
            var (areaIds, areaIndex, parents) = ReadAreas(Array(root, "areas"));
            string areaId = String(Field(root, "area", At.Root("area")), At.Root("area"));
            if (!areaIndex.TryGetValue(areaId, out int area)) throw new SnapshotException($"area: unknown area \"{areaId}\"");

            var (memberIds, memberIndex, rights) = ReadMembers(Array(root, "members"));
            var delegations = ReadDelegations(Array(root, "delegations"), memberIndex, areaIndex);
            var votes = ReadVotes(Array(root, "votes"), memberIndex);
            var policy = ReadPolicy(root);
            return new Snapshot(proposal, area, areaIds, parents, memberIds, rights, delegations, votes, policy);
        }
    }

    private static (string[] Ids, Dictionary<string, int> Index, int[] Parents) ReadAreas(JsonElement areas)
    {
        int count = areas.GetArrayLength();
        var ids = new string[count];
        var index = new Dictionary<string, int>(count, StringComparer.Ordinal);
        var parentIds = new string?[count];
        int i = 0;
        foreach (var area in areas.EnumerateArray())
        {
            var at = new At("areas", i);
            Object(area, at);
            ids[i] = String(Field(area, "id", at), at.With("id"));
            if (!index.TryAdd(ids[i], i)) throw new SnapshotException($"{at}: area \"{ids[i]}\" is listed twice");
            var parent = Field(area, "parent", at);
            parentIds[i] = parent.ValueKind == JsonValueKind.Null ? null : String(parent, at.With("parent"));
            i++;
        }

        var parents = new int[count];
        for (i = 0; i < count; i++)
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
        for (i = 0; i < count; i++)
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

        return (ids, index, parents);
    }

    private static (string[] Ids, Dictionary<string, int> Index, bool[] Rights) ReadMembers(JsonElement members)
    {
        int count = members.GetArrayLength();
        var ids = new string[count];
        var rights = new bool[count];
        var index = new Dictionary<string, int>(count, StringComparer.Ordinal);
        int i = 0;
        foreach (var member in members.EnumerateArray())
        {
            var at = new At("members", i);
            Object(member, at);
            ids[i] = String(Field(member, "id", at), at.With("id"));
            if (!index.TryAdd(ids[i], i)) throw new SnapshotException($"{at}: member \"{ids[i]}\" is listed twice");
            var right = Field(member, "votingRight", at);
            if (right.ValueKind is not (JsonValueKind.True or JsonValueKind.False))
            {
                throw new SnapshotException($"{at}.votingRight must be true or false");
            }

            rights[i] = right.ValueKind == JsonValueKind.True;
            i++;
        }

        return (ids, index, rights);
    }

    private static List<SnapshotDelegation> ReadDelegations(
        JsonElement delegations, Dictionary<string, int> members, Dictionary<string, int> areas)
    {
        var result = new List<SnapshotDelegation>(delegations.GetArrayLength());
        var memberLookup = members.GetAlternateLookup<ReadOnlySpan<char>>();
        var areaLookup = areas.GetAlternateLookup<ReadOnlySpan<char>>();

        // Line (+1) of each member's delegation per scope, to name both lines of a duplicate.
        var globalAt = new int[members.Count];
        var proposalAt = new int[members.Count];
        var areaAt = new Dictionary<long, int>();
        Span<int> delegates = stackalloc int[3];
        int i = 0;
        foreach (var delegation in delegations.EnumerateArray())
        {
            var at = new At("delegations", i);
            Object(delegation, at);
            var memberElement = Field(delegation, "member", at);
            if (!Lookup(memberElement, memberLookup, at.With("member"), out int member))
            {
                throw new SnapshotException($"{at}: unknown member \"{memberElement.GetString()}\"");
            }

            var scope = Field(delegation, "scope", at);
            ScopeKind kind;
            int area = -1;
            int[]? lines = null;
            if (scope.ValueKind == JsonValueKind.String && scope.ValueEquals("global"))
            {
                kind = ScopeKind.Global;
                lines = globalAt;
            }
            else if (scope.ValueKind == JsonValueKind.String && scope.ValueEquals("proposal"))
            {
                kind = ScopeKind.Proposal;
                lines = proposalAt;
            }
            else if (String(scope, at.With("scope")) is var text && text.StartsWith("area:", StringComparison.Ordinal))
            {
                kind = ScopeKind.Area;
                if (!areaLookup.TryGetValue(text.AsSpan("area:".Length), out area))
                {
                    throw new SnapshotException($"{at}.scope: unknown area \"{text["area:".Length..]}\"");
                }
            }
            else
            {
                throw new SnapshotException($"{at}.scope: bad scope \"{text}\" (expected global, area:<area id> or proposal)");
            }

            int earlier = lines is not null ? lines[member] : areaAt.GetValueOrDefault(((long)member * areas.Count) + area);
            if (earlier != 0)
            {
                throw new SnapshotException(
                    $"{at}: \"{memberElement.GetString()}\" has two delegations for scope {scope.GetString()} (also delegations[{earlier - 1}])");
            }

            if (lines is not null) lines[member] = i + 1;
            else areaAt[((long)member * areas.Count) + area] = i + 1;

            var list = Field(delegation, "delegates", at);
            if (list.ValueKind != JsonValueKind.Array) throw new SnapshotException($"{at}.delegates must be an array");
            int length = list.GetArrayLength();
            if (length > 3) throw new SnapshotException($"{at}: \"{memberElement.GetString()}\" names {length} delegates; at most 3");
            int r = 0;
            foreach (var d in list.EnumerateArray())
            {
                if (!Lookup(d, memberLookup, at.With("delegates", r), out int index))
                {
                    throw new SnapshotException($"{at}: unknown delegate \"{d.GetString()}\"");
                }

                if (index == member) throw new SnapshotException($"{at}: \"{memberElement.GetString()}\" delegates to themselves");
                if (delegates[..r].Contains(index))
                {
                    throw new SnapshotException($"{at}: \"{memberElement.GetString()}\" names delegate \"{d.GetString()}\" twice");
                }

                delegates[r++] = index;
            }

            result.Add(new SnapshotDelegation(member, kind, area, delegates[0], delegates[1], delegates[2], length));
            i++;
        }

        return result;
    }

    /// <summary>
    /// Finds a string id in an index without allocating a string for it: a million-member
    /// snapshot names members three million times. Escaped or very long ids take the slow path.
    /// </summary>
    private static bool Lookup(JsonElement element, Dictionary<string, int>.AlternateLookup<ReadOnlySpan<char>> index, At at, out int found)
    {
        if (element.ValueKind != JsonValueKind.String) throw new SnapshotException($"{at} must be a string");
        var raw = JsonMarshal.GetRawUtf8Value(element);
        if (raw.Length >= 2 && raw[0] == (byte)'"') raw = raw[1..^1];
        if (raw.Length > 128 || raw.Contains((byte)'\\')) return index.TryGetValue(element.GetString()!, out found);
        Span<char> chars = stackalloc char[128];
        int length = Encoding.UTF8.GetChars(raw, chars);
        return index.TryGetValue(chars[..length], out found);
    }

    private static List<(int, VoteChoice)> ReadVotes(JsonElement votes, Dictionary<string, int> members)
    {
        var result = new List<(int, VoteChoice)>(votes.GetArrayLength());
        var seen = new Dictionary<int, int>(votes.GetArrayLength());
        var memberLookup = members.GetAlternateLookup<ReadOnlySpan<char>>();
        int i = 0;
        foreach (var vote in votes.EnumerateArray())
        {
            var at = new At("votes", i);
            Object(vote, at);
            var memberElement = Field(vote, "member", at);
            if (!Lookup(memberElement, memberLookup, at.With("member"), out int member))
            {
                throw new SnapshotException($"{at}: unknown member \"{memberElement.GetString()}\"");
            }

            if (!seen.TryAdd(member, i)) throw new SnapshotException($"{at}: \"{memberElement.GetString()}\" votes twice (also votes[{seen[member]}])");
            string choice = String(Field(vote, "choice", at), at.With("choice"));
            var parsed = choice switch
            {
                "yes" => VoteChoice.Yes,
                "no" => VoteChoice.No,
                "abstain" => VoteChoice.Abstain,
                _ => throw new SnapshotException($"{at}.choice: bad choice \"{choice}\" (expected yes, no or abstain)"),
            };
            result.Add((member, parsed));
            i++;
        }

        return result;
    }

    private static TallyPolicy ReadPolicy(JsonElement root)
    {
        var policy = TallyPolicy.Default;
        if (!root.TryGetProperty("policy", out var element) || element.ValueKind == JsonValueKind.Null) return policy;
        Object(element, At.Root("policy"));
        policy = policy with
        {
            Viscosity = Number(element, "viscosity", policy.Viscosity),
            SuperDelegateShare = Number(element, "superDelegateShare", policy.SuperDelegateShare),
            QuorumShare = Number(element, "quorumShare", policy.QuorumShare),
            Majority = Number(element, "majority", policy.Majority),
        };
        return policy.Problem() is string problem ? throw new SnapshotException($"policy: {problem}") : policy;
    }

    private static double Number(JsonElement policy, string name, double fallback)
    {
        if (!policy.TryGetProperty(name, out var value) || value.ValueKind == JsonValueKind.Null) return fallback;
        return value.ValueKind == JsonValueKind.Number && value.TryGetDouble(out double number)
            ? number
            : throw new SnapshotException($"policy.{name} must be a number");
    }

    private static JsonElement Field(JsonElement element, string name, At at) =>
        element.TryGetProperty(name, out var value)
            ? value
            : throw new SnapshotException(at.Index < 0 ? $"missing field \"{name}\"" : $"{at}: missing field \"{name}\"");

    private static JsonElement Array(JsonElement root, string name)
    {
        var value = Field(root, name, At.Root(name));
        return value.ValueKind == JsonValueKind.Array ? value : throw new SnapshotException($"\"{name}\" must be an array");
    }

    private static void Object(JsonElement element, At at)
    {
        if (element.ValueKind != JsonValueKind.Object) throw new SnapshotException($"{at} must be an object");
    }

    private static string String(JsonElement element, At at) =>
        element.ValueKind == JsonValueKind.String ? element.GetString()! : throw new SnapshotException($"{at} must be a string");

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
