using System;
using System.Collections;
using System.IO;
using System.Linq;
using System.Text;
using System.Text.Json;
using IntercomPS.Json;

namespace IntercomPS
{
    /// <summary>
    /// A user's custom data: a case-insensitive hashtable like PowerShell's @{}, whose text is its JSON
    /// (`{"plan":"pro","seats":3}`). That text is what Export-Csv writes for it, and what -CustomData reads back
    /// from a CSV cell, so custom data survives Export-Csv/Import-Csv as well as ConvertTo-Json/ConvertFrom-Json.
    /// </summary>
    public sealed class CustomData : Hashtable
    {
        public CustomData() : base(StringComparer.OrdinalIgnoreCase)
        {
        }

        /// <summary>The data as one line of JSON, keys in order.</summary>
        public override string ToString()
        {
            var sorted = new System.Collections.Generic.SortedDictionary<string, object?>(StringComparer.OrdinalIgnoreCase);
            foreach (DictionaryEntry entry in this) sorted[Convert.ToString(entry.Key, System.Globalization.CultureInfo.InvariantCulture) ?? string.Empty] = entry.Value;
            using var buffer = new MemoryStream();
            // Text for people and CSV cells, never HTML: quotes as \" and letters as they are, not \u escapes.
            using (var writer = new Utf8JsonWriter(buffer, new JsonWriterOptions { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping })) FlatJson.WriteObject(writer, sorted, "CustomData");
            return Encoding.UTF8.GetString(buffer.ToArray());
        }
    }

    /// <summary>
    /// A number in an answer too large for [double] (1e400, say), kept exactly as Intercom sent it so writing the
    /// data back (Get-IntercomUser | Set-IntercomUser) sends the same number rather than Infinity or an error.
    /// </summary>
    public sealed class JsonNumber
    {
        internal JsonNumber(string text) => Text = text;

        /// <summary>The number as JSON text.</summary>
        public string Text { get; }

        public override string ToString() => Text;
    }
}
