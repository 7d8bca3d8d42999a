using System;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace IntercomPS.Json
{
    /// <summary>Intercom sends times as UNIX seconds; PowerShell users want UTC [datetime]s.</summary>
    internal sealed class UnixTimeConverter : JsonConverter<DateTime?>
    {
        public override bool HandleNull => true;

        public override DateTime? Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) => reader.TokenType switch
        {
            JsonTokenType.Null => null,
            JsonTokenType.Number => UnixTime.ToDateTime(reader.GetDouble()),
            JsonTokenType.String when double.TryParse(reader.GetString(), System.Globalization.NumberStyles.Float, System.Globalization.CultureInfo.InvariantCulture, out var seconds) => UnixTime.ToDateTime(seconds),
            _ => throw new JsonException($"Expected a UNIX timestamp, got {reader.TokenType}."),
        };

        public override void Write(Utf8JsonWriter writer, DateTime? value, JsonSerializerOptions options)
        {
            if (value is { } time) writer.WriteNumberValue(UnixTime.FromDateTime(time));
            else writer.WriteNullValue();
        }
    }

    internal static class UnixTime
    {
        private static readonly DateTime Epoch = new DateTime(1970, 1, 1, 0, 0, 0, DateTimeKind.Utc);

        public static DateTime ToDateTime(double seconds) => Epoch.AddSeconds(Math.Floor(seconds));

        /// <summary>Unspecified kinds are taken as local time, as .NET and PowerShell's own date handling do.</summary>
        public static long FromDateTime(DateTime time) => (long)Math.Floor((time.ToUniversalTime() - Epoch).TotalSeconds);
    }
}
