using Governance.GraphQL.Execution;
using Governance.GraphQL.Types;

namespace Governance.Api.Schema;

/// <summary>setVotingRight, createArea and setMemberRoles: admins, through a session, in public (each leaves an event).</summary>
internal static class AdminMutations
{
    public static SchemaBuilder AddAdminMutations(this SchemaBuilder builder, SchemaServices s, DomainServices d) => builder
        .ResolveAsync("Mutation.setPolicy", async c =>
        {
            var caller = Caller.Of(c);
            var input = Input(c);
            if (MutationGuard.RequireAdmin(caller) is { } refused)
            {
                return UserErrors.Payload("policy", refused);
            }

            long? areaId = null;
            if (input.GetValueOrDefault("area") is string area)
            {
                if (!Ids.TryLocal(area, Ids.Area, out var local))
                {
                    return UserErrors.Payload("policy", UserErrors.NotFound("UNKNOWN_AREA", $"\"{area}\" is not the id of an area.", "area"));
                }

                areaId = local;
            }

            if (PolicyChanges(input) is not { } changes)
            {
                return UserErrors.Payload("policy", UserErrors.Validation("NO_CHANGES", "Give the values to change (values), those to inherit again (inherit), or changes as JSON.", "values"));
            }

            var payload = await MutationGuard.RunAsync("policy", () => Task.FromResult<object?>(
                d.Policies.Set(caller.MemberId!.Value, areaId, changes, input.GetValueOrDefault("effectiveFrom") as DateTimeOffset?)));
            if (payload["errors"] is UserErrorValue[] errors && input.GetValueOrDefault("values") is not null)
            {
                // A value out of range is refused as "<name> must be …": name the typed field it came from.
                payload["errors"] = errors.Select(e => e.Field is null && System.Text.RegularExpressions.Regex.Match(e.Message, "^(?:The policy is refused: )?([a-z][A-Za-z]+) ") is { Success: true } named
                    ? UserErrors.Validation(e.Code, e.Message, "values." + named.Groups[1].Value)
                    : e).ToArray();
            }

            if (payload["policy"] is Governance.Core.Policies.PolicyVersion version)
            {
                payload["policy"] = version.ValuesJson;
                payload["policyInForce"] = d.Policies.InForce(version.AreaId, version.EffectiveFrom);
                payload["version"] = version.Version;
            }

            return payload;
        })
        .BindDictionary("SetPolicyPayload")
        .ResolveAsync("Mutation.setVotingRight", async c =>
        {
            var caller = Caller.Of(c);
            var input = Input(c);
            if (MutationGuard.RequireAdmin(caller) is { } refused)
            {
                return UserErrors.Payload("member", refused);
            }

            if (!Ids.TryLocal(input["member"] as string, Ids.Member, out var memberId))
            {
                return UserErrors.Payload("member", UserErrors.NotFound("UNKNOWN_MEMBER", $"\"{input["member"]}\" is not the id of a member.", "member"));
            }

            var votingRight = (bool)input["votingRight"]!;
            return await MutationGuard.RunAsync("member", async () =>
            {
                await s.Members.SetVotingRightAsync(caller.MemberId!.Value, memberId, votingRight, (string)input["reason"]!);
                return await s.Reads.MembersAsync([memberId], c.CancellationToken) is { } found ? found.GetValueOrDefault(memberId) : null;
            });
        })
        .ResolveAsync("Mutation.createArea", async c =>
        {
            var caller = Caller.Of(c);
            var input = Input(c);
            if (MutationGuard.RequireAdmin(caller) is { } refused)
            {
                return UserErrors.Payload("area", refused);
            }

            long? parentId = null;
            if (input.GetValueOrDefault("parent") is string parent)
            {
                if (!Ids.TryLocal(parent, Ids.Area, out var local))
                {
                    return UserErrors.Payload("area", UserErrors.NotFound("UNKNOWN_AREA", $"\"{parent}\" is not the id of an area.", "parent"));
                }

                parentId = local;
            }

            return await MutationGuard.RunAsync("area", async () =>
            {
                var id = await s.Areas.CreateAsync(caller.MemberId!.Value, (string)input["slug"]!, (string)input["name"]!, input.GetValueOrDefault("description") as string ?? string.Empty, parentId);
                return (await s.Reads.AreasAsync(c.CancellationToken)).Single(a => a.Id == id);
            });
        })
        .ResolveAsync("Mutation.setMemberRoles", async c =>
        {
            var caller = Caller.Of(c);
            var input = Input(c);
            if (MutationGuard.RequireAdmin(caller) is { } refused)
            {
                return UserErrors.Payload("member", refused);
            }

            if (!Ids.TryLocal(input["member"] as string, Ids.Member, out var memberId))
            {
                return UserErrors.Payload("member", UserErrors.NotFound("UNKNOWN_MEMBER", $"\"{input["member"]}\" is not the id of a member.", "member"));
            }

            var roles = ((IReadOnlyList<object?>)input["roles"]!).Select(r => ((string)r!).ToLowerInvariant()).ToList();
            return await MutationGuard.RunAsync("member", async () =>
            {
                await s.Members.SetRolesAsync(caller.MemberId!.Value, memberId, roles);
                return (await s.Reads.MembersAsync([memberId], c.CancellationToken)).GetValueOrDefault(memberId);
            });
        })
        .BindDictionary("SetVotingRightPayload")
        .BindDictionary("CreateAreaPayload")
        .BindDictionary("SetMemberRolesPayload");

    /// <summary>
    /// The changes as PolicyService reads them: the JSON of <c>changes</c>, then the typed
    /// <c>values</c> (enums in the policy's kebab-case), then each <c>inherit</c> name as null.
    /// Null when nothing is to change; a malformed <c>changes</c> is left for the service to refuse.
    /// </summary>
    private static string? PolicyChanges(IReadOnlyDictionary<string, object?> input)
    {
        var json = input.GetValueOrDefault("changes") as string;
        var values = input.GetValueOrDefault("values") as IReadOnlyDictionary<string, object?>;
        var inherit = input.GetValueOrDefault("inherit") as IReadOnlyList<object?>;
        if (values is null && inherit is null)
        {
            return json;
        }

        System.Text.Json.Nodes.JsonObject merged;
        try
        {
            merged = json is null ? [] : System.Text.Json.Nodes.JsonNode.Parse(json) as System.Text.Json.Nodes.JsonObject ?? [];
        }
        catch (System.Text.Json.JsonException)
        {
            return json;
        }

        foreach (var (key, value) in values ?? new Dictionary<string, object?>())
        {
            merged[key] = value switch
            {
                null => null,
                string name => System.Text.Json.Nodes.JsonValue.Create(name.ToLowerInvariant().Replace('_', '-')),
                IReadOnlyList<object?> list => new System.Text.Json.Nodes.JsonArray([.. list.Select(v => System.Text.Json.Nodes.JsonValue.Create(Convert.ToDouble(v, System.Globalization.CultureInfo.InvariantCulture)))]),
                int number => System.Text.Json.Nodes.JsonValue.Create(number),
                _ => System.Text.Json.Nodes.JsonValue.Create(Convert.ToDouble(value, System.Globalization.CultureInfo.InvariantCulture)),
            };
        }

        foreach (var name in inherit ?? [])
        {
            merged[(string)name!] = null;
        }

        return merged.Count == 0 ? null : merged.ToJsonString();
    }

    private static IReadOnlyDictionary<string, object?> Input(ResolveContext c) => (IReadOnlyDictionary<string, object?>)c.Arguments["input"]!;
}
