using Governance.Api.Schema.Data;
using Governance.Core.Policies;
using Governance.GraphQL.Execution;
using Governance.GraphQL.Types;

namespace Governance.Api.Schema;

/// <summary>
/// setPolicy, setVotingRight, createArea and setMemberRoles: admins, through a session, in public
/// (each leaves an event). Typed inputs and payloads (docs/graphql-engine.md, "Typed inputs and payloads").
/// </summary>
internal static class AdminMutations
{
    public static SchemaBuilder AddAdminMutations(this SchemaBuilder builder, SchemaServices s, DomainServices d) => builder
        .ResolveAsync("Mutation.setPolicy", c => SetPolicyAsync(c, d))
        .ResolveAsync("Mutation.setVotingRight", c => SetVotingRightAsync(c, s))
        .ResolveAsync("Mutation.createArea", c => CreateAreaAsync(c, s))
        .ResolveAsync("Mutation.setMemberRoles", c => SetMemberRolesAsync(c, s))
        .BindInput<SetPolicyInput>("SetPolicyInput")
        .BindInput<SetVotingRightInput>("SetVotingRightInput")
        .BindInput<CreateAreaInput>("CreateAreaInput")
        .BindInput<SetMemberRolesInput>("SetMemberRolesInput")
        .BindType<SetPolicyPayload>("SetPolicyPayload")
        .BindType<MemberPayload>("SetVotingRightPayload")
        .BindType<CreateAreaPayload>("CreateAreaPayload")
        .BindType<MemberPayload>("SetMemberRolesPayload");

    private static async Task<SetPolicyPayload> SetPolicyAsync(ResolveContext c, DomainServices d)
    {
        var caller = Caller.Of(c);
        var input = c.Input<SetPolicyInput>();
        if (MutationGuard.RequireAdmin(caller) is { } refused)
        {
            return SetPolicyPayload.Refused(refused);
        }

        long? areaId = null;
        if (input.Area is string area)
        {
            if (!Ids.TryLocal(area, Ids.Area, out var local))
            {
                return SetPolicyPayload.Refused(UserErrors.NotFound("UNKNOWN_AREA", $"\"{area}\" is not the id of an area.", "area"));
            }

            areaId = local;
        }

        if (PolicyChanges(input) is not { } changes)
        {
            return SetPolicyPayload.Refused(UserErrors.Validation("NO_CHANGES", "Give the values to change (values), those to inherit again (inherit), or changes as JSON.", "values"));
        }

        var outcome = await MutationGuard.TryAsync(() => Task.FromResult(d.Policies.Set(caller.MemberId!.Value, areaId, changes, input.EffectiveFrom)));
        if (outcome.Errors is { } errors)
        {
            // A value out of range is refused as "<name> must be …": name the typed field it came from.
            return new SetPolicyPayload(null, null, null, input.Values is null ? errors : [.. errors.Select(e =>
                e.Field is null && System.Text.RegularExpressions.Regex.Match(e.Message, "^(?:The policy is refused: )?([a-z][A-Za-z]+) ") is { Success: true } named
                    ? UserErrors.Validation(e.Code, e.Message, "values." + named.Groups[1].Value)
                    : e)]);
        }

        var version = outcome.Value!;
        return new SetPolicyPayload(version.ValuesJson, d.Policies.InForce(version.AreaId, version.EffectiveFrom), version.Version, null);
    }

    private static async Task<MemberPayload> SetVotingRightAsync(ResolveContext c, SchemaServices s)
    {
        var caller = Caller.Of(c);
        var input = c.Input<SetVotingRightInput>();
        if (MutationGuard.RequireAdmin(caller) is { } refused)
        {
            return MemberPayload.Refused(refused);
        }

        if (!Ids.TryLocal(input.Member, Ids.Member, out var memberId))
        {
            return MemberPayload.Refused(UserErrors.NotFound("UNKNOWN_MEMBER", $"\"{input.Member}\" is not the id of a member.", "member"));
        }

        var outcome = await MutationGuard.TryAsync(async () =>
        {
            await s.Members.SetVotingRightAsync(caller.MemberId!.Value, memberId, input.VotingRight, input.Reason);
            return (await s.Reads.MembersAsync([memberId], c.CancellationToken)).GetValueOrDefault(memberId);
        });
        return new MemberPayload(outcome.Value, outcome.Errors);
    }

    private static async Task<CreateAreaPayload> CreateAreaAsync(ResolveContext c, SchemaServices s)
    {
        var caller = Caller.Of(c);
        var input = c.Input<CreateAreaInput>();
        if (MutationGuard.RequireAdmin(caller) is { } refused)
        {
            return new CreateAreaPayload(null, [refused]);
        }

        long? parentId = null;
        if (input.Parent is string parent)
        {
            if (!Ids.TryLocal(parent, Ids.Area, out var local))
            {
                return new CreateAreaPayload(null, [UserErrors.NotFound("UNKNOWN_AREA", $"\"{parent}\" is not the id of an area.", "parent")]);
            }

            parentId = local;
        }

        var outcome = await MutationGuard.TryAsync(async () =>
        {
            var id = await s.Areas.CreateAsync(caller.MemberId!.Value, input.Slug, input.Name, input.Description ?? string.Empty, parentId);
            return (await s.Reads.AreasAsync(c.CancellationToken)).Single(a => a.Id == id);
        });
        return new CreateAreaPayload(outcome.Value, outcome.Errors);
    }

    private static async Task<MemberPayload> SetMemberRolesAsync(ResolveContext c, SchemaServices s)
    {
        var caller = Caller.Of(c);
        var input = c.Input<SetMemberRolesInput>();
        if (MutationGuard.RequireAdmin(caller) is { } refused)
        {
            return MemberPayload.Refused(refused);
        }

        if (!Ids.TryLocal(input.Member, Ids.Member, out var memberId))
        {
            return MemberPayload.Refused(UserErrors.NotFound("UNKNOWN_MEMBER", $"\"{input.Member}\" is not the id of a member.", "member"));
        }

        var roles = input.Roles.Select(r => r.ToLowerInvariant()).ToList();
        var outcome = await MutationGuard.TryAsync(async () =>
        {
            await s.Members.SetRolesAsync(caller.MemberId!.Value, memberId, roles);
            return (await s.Reads.MembersAsync([memberId], c.CancellationToken)).GetValueOrDefault(memberId);
        });
        return new MemberPayload(outcome.Value, outcome.Errors);
    }

    /// <summary>
    /// <c>values</c> stays the coerced PolicyValuesInput (name → value): only the values given
    /// change, an explicit null included, and new policy values need no change here.
    /// </summary>
    internal sealed record SetPolicyInput(string? Area, string? Changes, IReadOnlyDictionary<string, object?>? Values, IReadOnlyList<string>? Inherit, DateTimeOffset? EffectiveFrom);

    internal sealed record SetVotingRightInput(string Member, bool VotingRight, string Reason);

    internal sealed record CreateAreaInput(string Slug, string Name, string? Description, string? Parent);

    /// <summary>Roles arrive as the schema's Role names (MEMBER, MODERATOR, ADMIN).</summary>
    internal sealed record SetMemberRolesInput(string Member, IReadOnlyList<string> Roles);

    /// <summary><c>policy</c> is the deprecated JSON of the new version's values.</summary>
    internal sealed record SetPolicyPayload(string? Policy, PolicyInForce? PolicyInForce, int? Version, IReadOnlyList<UserErrorValue>? Errors)
    {
        public static SetPolicyPayload Refused(UserErrorValue error) => new(null, null, null, [error]);
    }

    /// <summary>SetVotingRightPayload and SetMemberRolesPayload: the member as changed.</summary>
    internal sealed record MemberPayload(MemberRow? Member, IReadOnlyList<UserErrorValue>? Errors)
    {
        public static MemberPayload Refused(UserErrorValue error) => new(null, [error]);
    }

    internal sealed record CreateAreaPayload(AreaRow? Area, IReadOnlyList<UserErrorValue>? Errors);

    /// <summary>
    /// The changes as PolicyService reads them: the JSON of <c>changes</c>, then the typed
    /// <c>values</c> (enums in the policy's kebab-case), then each <c>inherit</c> name as null.
    /// Null when nothing is to change; a malformed <c>changes</c> is left for the service to refuse.
    /// </summary>
    private static string? PolicyChanges(SetPolicyInput input)
    {
        var json = input.Changes;
        var values = input.Values;
        var inherit = input.Inherit;
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
            merged[name] = null;
        }

        return merged.Count == 0 ? null : merged.ToJsonString();
    }
}
