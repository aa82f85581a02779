using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Governance.Core.Storage;

/// <summary>
/// One spelling for a JSON value, so a hash over it is reproducible by anyone: object keys
/// sorted by ordinal order, no insignificant white space, System.Text.Json's escaping and
/// number formatting.
/// </summary>
public static class CanonicalJson
{
    private static readonly JsonSerializerOptions SerializerOptions = new(JsonSerializerDefaults.Web);

    public static string Serialize(object? value)
    {
        var node = value as JsonNode ?? JsonSerializer.SerializeToNode(value, SerializerOptions);
        return Canonicalize(node);
    }

    public static string Canonicalize(string json) => Canonicalize(JsonNode.Parse(json));

    public static string Canonicalize(JsonNode? node)
    {
        using var buffer = new MemoryStream();
        using (var writer = new Utf8JsonWriter(buffer, new JsonWriterOptions { Indented = false }))
        {
            Write(writer, node);
        }

        return Encoding.UTF8.GetString(buffer.ToArray());
    }

    private static void Write(Utf8JsonWriter writer, JsonNode? node)
    {
        switch (node)
        {
            case null:
                writer.WriteNullValue();
                break;
            case JsonObject obj:
                writer.WriteStartObject();
                foreach (var (key, value) in obj.OrderBy(p => p.Key, StringComparer.Ordinal))
                {
                    writer.WritePropertyName(key);
                    Write(writer, value);
                }

                writer.WriteEndObject();
                break;
            case JsonArray array:
                writer.WriteStartArray();
                foreach (var item in array)
                {
                    Write(writer, item);
                }

                writer.WriteEndArray();
                break;
            default:
                node.WriteTo(writer);
                break;
        }
    }
}
