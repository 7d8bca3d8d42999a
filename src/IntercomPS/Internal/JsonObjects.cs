using System;
using System.Collections;
using System.Globalization;
using System.IO;
using System.Management.Automation;
using System.Text;
using System.Text.Json;
using IntercomPS.Json;

namespace IntercomPS.Internal
{
    /// <summary>
    /// JSON as PowerShell objects and back, for Invoke-IntercomRequest: answers become what ConvertFrom-Json makes
    /// (PSCustomObject with properties in the answer's order, arrays, whole numbers as Int64, fractions as Double), and
    /// bodies are written from hashtables, PSCustomObjects, arrays and scalars, dates as UNIX seconds as Intercom takes them.
    /// </summary>
    internal static class JsonObjects
    {
        /// <summary>Deeper than any Intercom body; a reference loop ($a.self = $a) ends here with an error, not a stack overflow.</summary>
        private const int MaxDepth = 64;

        public static object? ToPowerShell(JsonElement value)
        {
            switch (value.ValueKind)
            {
                case JsonValueKind.Object:
                    var result = new PSObject();
                    foreach (var field in value.EnumerateObject())
                    {
                        // A name JSON repeats keeps its last value, as ConvertFrom-Json does.
                        if (result.Properties[field.Name] is { } existing) existing.Value = ToPowerShell(field.Value);
                        else result.Properties.Add(new PSNoteProperty(field.Name, ToPowerShell(field.Value)));
                    }
                    return result;
                case JsonValueKind.Array:
                    var items = new object?[value.GetArrayLength()];
                    var i = 0;
                    foreach (var item in value.EnumerateArray()) items[i++] = ToPowerShell(item);
                    return items;
                case JsonValueKind.String:
                    return value.GetString();
                case JsonValueKind.Number:
                    if (value.TryGetInt64(out var whole)) return whole;
                    // A whole number past Int64 keeps its digits as a Decimal; a fraction is a Double, as ConvertFrom-Json gives.
                    if (value.GetRawText().IndexOfAny(new[] { '.', 'e', 'E' }) < 0 && value.TryGetDecimal(out var big)) return big;
                    return value.GetDouble();
                case JsonValueKind.True:
                    return true;
                case JsonValueKind.False:
                    return false;
                default:
                    return null;
            }
        }

        /// <summary>
        /// A body as JSON text: a string is taken as the JSON it must be (checked here, so a typo is refused before
        /// anything is sent); anything else is written as JSON.
        /// </summary>
        public static string ToJson(object body)
        {
            if (Unwrap(body) is string text)
            {
                try
                {
                    using (JsonDocument.Parse(text)) return text;
                }
                catch (JsonException failure)
                {
                    throw new ArgumentException($"-Body is a string, so it must be JSON, and it is not: {failure.Message} Give a hashtable to have it written as JSON.", failure);
                }
            }
            using var buffer = new MemoryStream();
            using (var writer = new Utf8JsonWriter(buffer)) Write(writer, body, "Body", 0);
            return Encoding.UTF8.GetString(buffer.ToArray());
        }

        private static void Write(Utf8JsonWriter writer, object? value, string path, int depth)
        {
            if (depth > MaxDepth) throw new ArgumentException($"{path} is nested more than {MaxDepth} levels deep (does it refer to itself?).");
            value = Unwrap(value);
            if (FlatJson.TryWriteScalar(writer, value, path)) return;
            switch (value)
            {
                case IDictionary map:
                    writer.WriteStartObject();
                    foreach (DictionaryEntry entry in map)
                    {
                        var key = Convert.ToString(entry.Key, CultureInfo.InvariantCulture) ?? string.Empty;
                        writer.WritePropertyName(key);
                        Write(writer, entry.Value, path + "." + key, depth + 1);
                    }
                    writer.WriteEndObject();
                    return;
                case PSObject custom:
                    writer.WriteStartObject();
                    foreach (var property in custom.Properties)
                    {
                        writer.WritePropertyName(property.Name);
                        Write(writer, property.Value, path + "." + property.Name, depth + 1);
                    }
                    writer.WriteEndObject();
                    return;
                case IEnumerable items:
                    writer.WriteStartArray();
                    var i = 0;
                    foreach (var item in items) Write(writer, item, $"{path}[{i++}]", depth + 1);
                    writer.WriteEndArray();
                    return;
                case Enum named:
                    writer.WriteStringValue(named.ToString());
                    return;
                default:
                    throw new ArgumentException($"{path} is a {value!.GetType().Name}, which IntercomPS does not write as JSON: give a hashtable, an array, a string, a number, a boolean, a date or $null.");
            }
        }

        /// <summary>A PSCustomObject stays a PSObject (its properties are the object); anything else is its base object.</summary>
        private static object? Unwrap(object? value) =>
            value is PSObject wrapped && wrapped.BaseObject is not PSCustomObject ? wrapped.BaseObject : value;
    }
}
