using System;
using System.Collections;
using System.Collections.Generic;
using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace IntercomPS.Json
{
    /// <summary>
    /// custom_data is a flat map of strings, numbers, booleans and nulls. It reads into a case-insensitive
    /// Hashtable (like PowerShell's @{}), with whole numbers as long and others as double.
    /// </summary>
    internal sealed class CustomDataConverter : JsonConverter<Hashtable>
    {
        public static Hashtable NewTable() => new Hashtable(StringComparer.OrdinalIgnoreCase);

        public override Hashtable Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
        {
            var table = NewTable();
            if (reader.TokenType == JsonTokenType.Null) return table;
            if (reader.TokenType != JsonTokenType.StartObject) throw new JsonException("custom_data must be an object.");
            while (reader.Read() && reader.TokenType != JsonTokenType.EndObject)
            {
                var key = reader.GetString()!;
                reader.Read();
                table[key] = reader.TokenType switch
                {
                    JsonTokenType.String => reader.GetString(),
                    JsonTokenType.Number => reader.TryGetInt64(out var whole) ? whole : (object)reader.GetDouble(),
                    JsonTokenType.True => true,
                    JsonTokenType.False => false,
                    JsonTokenType.Null => null,
                    _ => ReadNested(ref reader),
                };
            }
            return table;
        }

        // Intercom keeps custom data flat, but a reader must not fail a whole page over one odd value.
        private static object ReadNested(ref Utf8JsonReader reader)
        {
            using var document = JsonDocument.ParseValue(ref reader);
            return document.RootElement.GetRawText();
        }

        public override void Write(Utf8JsonWriter writer, Hashtable value, JsonSerializerOptions options) =>
            FlatJson.WriteObject(writer, value, "CustomData");
    }

    /// <summary>Writes flat maps (custom data, companies) and refuses nested values with a message that names the key.</summary>
    internal static class FlatJson
    {
        public static void WriteObject(Utf8JsonWriter writer, IDictionary map, string what)
        {
            writer.WriteStartObject();
            foreach (DictionaryEntry entry in map)
            {
                var key = Convert.ToString(entry.Key, CultureInfo.InvariantCulture);
                if (string.IsNullOrEmpty(key)) throw new ArgumentException($"{what} has an empty key.");
                writer.WritePropertyName(key!);
                WriteValue(writer, entry.Value, $"{what}.{key}");
            }
            writer.WriteEndObject();
        }

        private static void WriteValue(Utf8JsonWriter writer, object? value, string path)
        {
            switch (value)
            {
                case null: writer.WriteNullValue(); break;
                case string text: writer.WriteStringValue(text); break;
                case char letter: writer.WriteStringValue(letter.ToString()); break;
                case bool flag: writer.WriteBooleanValue(flag); break;
                case DateTime time: writer.WriteNumberValue(UnixTime.FromDateTime(time)); break;
                case DateTimeOffset time: writer.WriteNumberValue(time.ToUnixTimeSeconds()); break;
                case byte or sbyte or short or ushort or int or uint or long:
                    writer.WriteNumberValue(Convert.ToInt64(value, CultureInfo.InvariantCulture)); break;
                case ulong big: writer.WriteNumberValue(big); break;
                case float or double:
                    var real = Convert.ToDouble(value, CultureInfo.InvariantCulture);
                    if (double.IsNaN(real) || double.IsInfinity(real)) throw new ArgumentException($"{path} is {real}, which JSON cannot carry.");
                    writer.WriteNumberValue(real); break;
                case decimal money: writer.WriteNumberValue(money); break;
                default:
                    throw new ArgumentException($"{path} is a {value.GetType().Name}; Intercom custom data is flat, so each value must be a string, number, boolean, date or $null.");
            }
        }
    }
}
