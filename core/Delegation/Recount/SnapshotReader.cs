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

    public static Snapshot Read(string json)
    {
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(json, Options);
        }
        catch (JsonException e)
        {
            throw new SnapshotException($"invalid JSON: {e.Message}");
        }

        using (document)
        {
            var root = document.RootElement;
            if (root.ValueKind != JsonValueKind.Object) throw new SnapshotException("the snapshot must be a JSON object");

            string proposal = String(Field(root, "proposal", "proposal"), "proposal");
            var (areaIds, areaIndex, parents) = ReadAreas(Array(root, "areas"));
            string areaId = String(Field(root, "area", "area"), "area");
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
            string at = $"areas[{i}]";
            Object(area, at);
            ids[i] = String(Field(area, "id", at), at + ".id");
            if (!index.TryAdd(ids[i], i)) throw new SnapshotException($"{at}: area \"{ids[i]}\" is listed twice");
            var parent = Field(area, "parent", at);
            parentIds[i] = parent.ValueKind == JsonValueKind.Null ? null : String(parent, at + ".parent");
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
            string at = $"members[{i}]";
            Object(member, at);
            ids[i] = String(Field(member, "id", at), at + ".id");
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

        // (member, scope) → line, to name both lines when a member delegates twice for one scope.
        // Scope codes: -1 global, -2 proposal, else the area index.
        var seen = new Dictionary<(int, int), int>(delegations.GetArrayLength());
        int i = 0;
        foreach (var delegation in delegations.EnumerateArray())
        {
            string at = $"delegations[{i}]";
            Object(delegation, at);
            string memberId = String(Field(delegation, "member", at), at + ".member");
            if (!members.TryGetValue(memberId, out int member)) throw new SnapshotException($"{at}: unknown member \"{memberId}\"");

            string scope = String(Field(delegation, "scope", at), at + ".scope");
            ScopeKind kind;
            int area = -1;
            if (scope == "global")
            {
                kind = ScopeKind.Global;
            }
            else if (scope == "proposal")
            {
                kind = ScopeKind.Proposal;
            }
            else if (scope.StartsWith("area:", StringComparison.Ordinal))
            {
                kind = ScopeKind.Area;
                string areaId = scope["area:".Length..];
                if (!areas.TryGetValue(areaId, out area)) throw new SnapshotException($"{at}.scope: unknown area \"{areaId}\"");
            }
            else
            {
                throw new SnapshotException($"{at}.scope: bad scope \"{scope}\" (expected global, area:<area id> or proposal)");
            }

            int code = kind switch { ScopeKind.Global => -1, ScopeKind.Proposal => -2, _ => area };
            if (!seen.TryAdd((member, code), i))
            {
                throw new SnapshotException(
                    $"{at}: \"{memberId}\" has two delegations for scope {scope} (also delegations[{seen[(member, code)]}])");
            }

            var list = Field(delegation, "delegates", at);
            if (list.ValueKind != JsonValueKind.Array) throw new SnapshotException($"{at}.delegates must be an array");
            int length = list.GetArrayLength();
            if (length > 3) throw new SnapshotException($"{at}: \"{memberId}\" names {length} delegates; at most 3");
            var delegates = new int[length];
            int r = 0;
            foreach (var d in list.EnumerateArray())
            {
                string delegateId = String(d, $"{at}.delegates[{r}]");
                if (!members.TryGetValue(delegateId, out int index)) throw new SnapshotException($"{at}: unknown delegate \"{delegateId}\"");
                if (index == member) throw new SnapshotException($"{at}: \"{memberId}\" delegates to themselves");
                if (delegates.AsSpan(0, r).Contains(index))
                {
                    throw new SnapshotException($"{at}: \"{memberId}\" names delegate \"{delegateId}\" twice");
                }

                delegates[r++] = index;
            }

            result.Add(new SnapshotDelegation(member, kind, area, delegates));
            i++;
        }

        return result;
    }

    private static List<(int, VoteChoice)> ReadVotes(JsonElement votes, Dictionary<string, int> members)
    {
        var result = new List<(int, VoteChoice)>(votes.GetArrayLength());
        var seen = new Dictionary<int, int>(votes.GetArrayLength());
        int i = 0;
        foreach (var vote in votes.EnumerateArray())
        {
            string at = $"votes[{i}]";
            Object(vote, at);
            string memberId = String(Field(vote, "member", at), at + ".member");
            if (!members.TryGetValue(memberId, out int member)) throw new SnapshotException($"{at}: unknown member \"{memberId}\"");
            if (!seen.TryAdd(member, i)) throw new SnapshotException($"{at}: \"{memberId}\" votes twice (also votes[{seen[member]}])");
            string choice = String(Field(vote, "choice", at), at + ".choice");
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
        Object(element, "policy");
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

    private static JsonElement Field(JsonElement element, string name, string at) =>
        element.TryGetProperty(name, out var value)
            ? value
            : throw new SnapshotException(at == name ? $"missing field \"{name}\"" : $"{at}: missing field \"{name}\"");

    private static JsonElement Array(JsonElement root, string name)
    {
        var value = Field(root, name, name);
        return value.ValueKind == JsonValueKind.Array ? value : throw new SnapshotException($"\"{name}\" must be an array");
    }

    private static void Object(JsonElement element, string at)
    {
        if (element.ValueKind != JsonValueKind.Object) throw new SnapshotException($"{at} must be an object");
    }

    private static string String(JsonElement element, string at) =>
        element.ValueKind == JsonValueKind.String ? element.GetString()! : throw new SnapshotException($"{at} must be a string");
}
