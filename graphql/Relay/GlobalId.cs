using System.Buffers.Text;
using System.Text;

namespace Governance.GraphQL.Relay;

/// <summary>
/// Opaque global object identifiers (Relay's Global Object Identification): base64 of
/// "Type:id", so a client can refetch any node without knowing how ids are made.
/// </summary>
public static class GlobalId
{
    public static string Encode(string typeName, string id) =>
        Convert.ToBase64String(Encoding.UTF8.GetBytes(typeName + ":" + id));

    /// <summary>Splits a global id into its type name and local id; false for anything that is not one.</summary>
    public static bool TryDecode(string globalId, out string typeName, out string id)
    {
        typeName = "";
        id = "";
        if (!Base64.IsValid(globalId))
        {
            return false;
        }

        var text = Encoding.UTF8.GetString(Convert.FromBase64String(globalId));
        var colon = text.IndexOf(':', StringComparison.Ordinal);
        if (colon <= 0 || colon == text.Length - 1)
        {
            return false;
        }

        typeName = text[..colon];
        id = text[(colon + 1)..];
        return true;
    }
}
