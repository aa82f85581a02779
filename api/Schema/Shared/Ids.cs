using System.Globalization;
using Governance.GraphQL.Relay;

namespace Governance.Api.Schema;

/// <summary>The schema's global ids: opaque base64 of "Type:local id" (Relay).</summary>
public static class Ids
{
    public const string Member = "Member";
    public const string Area = "Area";
    public const string Proposal = "Proposal";
    public const string Delegation = "Delegation";
    public const string Event = "Event";
    public const string Invitation = "Invitation";
    public const string AccessToken = "AccessToken";
    public const string Comment = "Comment";
    public const string Suggestion = "Suggestion";
    public const string ModeratorReview = "ModeratorReview";

    public static string Of(string type, long id) => GlobalId.Encode(type, id.ToString(CultureInfo.InvariantCulture));

    /// <summary>The local id of a global id of <paramref name="type"/>; false for any other id.</summary>
    public static bool TryLocal(string? globalId, string type, out long id)
    {
        id = 0;
        return globalId is not null
            && GlobalId.TryDecode(globalId, out var typeName, out var local)
            && typeName == type
            && long.TryParse(local, NumberStyles.None, CultureInfo.InvariantCulture, out id)
            && id.ToString(CultureInfo.InvariantCulture) == local;
    }
}
