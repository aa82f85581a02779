using System.Text.Json;

namespace Governance.GraphQL.Http;

/// <summary>
/// Reads a JSON value into the JSON-shaped objects <see cref="Execution.GraphQLRequest"/> carries:
/// null, bool, string, long (integers that fit), double, lists and string-keyed maps.
/// </summary>
internal static class JsonValueReader
{
    /// <summary>Reads the value at the reader's current token and leaves the reader on its last token.</summary>
    public static object? ReadValue(ref Utf8JsonReader reader) => reader.TokenType switch
    {
        JsonTokenType.Null => null,
        JsonTokenType.True => true,
        JsonTokenType.False => false,
        JsonTokenType.String => reader.GetString(),
        JsonTokenType.Number => ReadNumber(ref reader),
        JsonTokenType.StartObject => ReadObject(ref reader),
        JsonTokenType.StartArray => ReadArray(ref reader),
        _ => throw new JsonException($"Unexpected JSON token {reader.TokenType}."),
    };

    public static Dictionary<string, object?> ReadObject(ref Utf8JsonReader reader)
    {
        var map = new Dictionary<string, object?>(StringComparer.Ordinal);
        while (reader.Read() && reader.TokenType != JsonTokenType.EndObject)
        {
            var name = reader.GetString()!;
            reader.Read();
            map[name] = ReadValue(ref reader);
        }

        return map;
    }

    private static List<object?> ReadArray(ref Utf8JsonReader reader)
    {
        var list = new List<object?>();
        while (reader.Read() && reader.TokenType != JsonTokenType.EndArray)
        {
            list.Add(ReadValue(ref reader));
        }

        return list;
    }

    private static object ReadNumber(ref Utf8JsonReader reader)
    {
        if (reader.TryGetInt64(out var integer))
        {
            return integer;
        }

        if (reader.TryGetDouble(out var number) && double.IsFinite(number))
        {
            return number;
        }

        throw new JsonException("A number in the request is out of range.");
    }
}
