using System.Buffers;
using System.Collections.Generic;
using System.Text;
using System.Text.Json;

namespace IntercomPS.Emulator.Storage;

/// <summary>custom_data is kept as JSON object text; updates merge key by key, so writers of distinct keys never clash.</summary>
internal static class CustomData
{
    public const string Empty = "{}";

    public static string Merge(string existing, IReadOnlyDictionary<string, JsonElement>? changes)
    {
        if (changes is null || changes.Count == 0)
        {
            return existing;
        }

        var buffer = new ArrayBufferWriter<byte>();
        using (var w = new Utf8JsonWriter(buffer, new JsonWriterOptions { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping }))
        {
            w.WriteStartObject();
            using var doc = JsonDocument.Parse(existing);
            foreach (var property in doc.RootElement.EnumerateObject())
            {
                if (!changes.ContainsKey(property.Name))
                {
                    property.WriteTo(w);
                }
            }

            foreach (var (key, value) in changes)
            {
                w.WritePropertyName(key);
                value.WriteTo(w);
            }

            w.WriteEndObject();
        }

        return Encoding.UTF8.GetString(buffer.WrittenSpan);
    }
}
