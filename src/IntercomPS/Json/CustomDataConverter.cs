using System;
using System.Collections;
using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace IntercomPS.Json
{
    /// <summary>
    /// custom_data is a flat map of strings, numbers, booleans and nulls. It reads into <see cref="CustomData"/>,
    /// with whole numbers as long, others as double, and numbers beyond double as <see cref="JsonNumber"/>.
    /// </summary>
    internal sealed class CustomDataConverter : JsonConverter<Hashtable>
    {
        public static Hashtable NewTable() => new CustomData();

        /// <summary>
        /// Null for an empty object: the models make their table when it is first read, and a listing of users who have
        /// no custom data (most) would otherwise hold an empty hashtable for every user on every page held ahead.
        /// </summary>
        public override Hashtable? Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) => ReadEntries(ref reader, strict: false);

        /// <summary>
        /// Reads an object. From Intercom (not <paramref name="strict"/>) a nested value is kept as its JSON text,
        /// since a reader must not fail a whole page over one odd value; from the user it is refused.
        /// </summary>
        public static CustomData ReadTable(ref Utf8JsonReader reader, bool strict) => ReadEntries(ref reader, strict) ?? new CustomData();

        /// <summary>As <see cref="ReadTable"/>, but null when there is no entry.</summary>
        private static CustomData? ReadEntries(ref Utf8JsonReader reader, bool strict)
        {
            CustomData? table = null;
            if (reader.TokenType == JsonTokenType.Null) return table;
            if (reader.TokenType != JsonTokenType.StartObject) throw new JsonException("custom data must be a JSON object, like {\"plan\":\"pro\"}.");
            while (reader.Read() && reader.TokenType != JsonTokenType.EndObject)
            {
                var key = reader.GetString()!;
                reader.Read();
                (table ??= new CustomData())[key] = reader.TokenType switch
                {
                    JsonTokenType.String => reader.GetString(),
                    JsonTokenType.Number => ReadNumber(ref reader),
                    JsonTokenType.True => true,
                    JsonTokenType.False => false,
                    JsonTokenType.Null => null,
                    _ when strict => throw new JsonException($"custom data is flat, but {key} is {(reader.TokenType == JsonTokenType.StartArray ? "an array" : "an object")}."),
                    _ => ReadNested(ref reader),
                };
            }
            return table;
        }

        private static object ReadNumber(ref Utf8JsonReader reader)
        {
            if (reader.TryGetInt64(out var whole)) return whole;
            if (reader.TryGetDouble(out var real) && !double.IsInfinity(real) && !double.IsNaN(real)) return real;
            return new JsonNumber(Encoding.UTF8.GetString(reader.HasValueSequence ? System.Buffers.BuffersExtensions.ToArray(reader.ValueSequence) : reader.ValueSpan.ToArray()));
        }

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
            if (!TryWriteScalar(writer, value, path))
                throw new ArgumentException($"{path} is a {value!.GetType().Name}; Intercom custom data is flat, so each value must be a string, number, boolean, date or $null.");
        }

        /// <summary>
        /// Writes a value JSON has a scalar for (dates as UNIX seconds, as Intercom takes them); false, with nothing
        /// written, for anything else. Invoke-IntercomRequest's bodies use it for their leaves.
        /// </summary>
        public static bool TryWriteScalar(Utf8JsonWriter writer, object? value, string path)
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
                case JsonNumber number: writer.WriteRawValue(number.Text); break;
                default: return false;
            }
            return true;
        }
    }
}
