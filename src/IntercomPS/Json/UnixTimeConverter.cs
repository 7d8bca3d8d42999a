using System;
using System.Collections.Generic;
using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace IntercomPS.Json
{
    /// <summary>
    /// Intercom sends times as UNIX seconds; PowerShell users want UTC [datetime]s. A time [datetime] cannot hold
    /// (before year 1 or after 9999) is read as null and noted in <see cref="ReadProblems"/>, so one odd value
    /// costs neither the rest of its user nor the rest of a listing.
    /// </summary>
    internal sealed class UnixTimeConverter : JsonConverter<DateTime?>
    {
        public override bool HandleNull => true;

        public override DateTime? Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
        {
            double seconds;
            switch (reader.TokenType)
            {
                case JsonTokenType.Null: return null;
                case JsonTokenType.Number when reader.TryGetDouble(out seconds): break;
                case JsonTokenType.String when double.TryParse(reader.GetString(), NumberStyles.Float, CultureInfo.InvariantCulture, out seconds): break;
                case JsonTokenType.Number:
                case JsonTokenType.String:
                    seconds = double.NaN;
                    break;
                default: throw new JsonException($"Expected a UNIX timestamp, got {reader.TokenType}.");
            }
            if (UnixTime.TryToDateTime(seconds) is { } time) return time;
            ReadProblems.Note($"Intercom sent the time {RawText(ref reader)}, which [datetime] cannot hold (years 1 to 9999); it is shown as empty and left unchanged by updates");
            return null;
        }

        public override void Write(Utf8JsonWriter writer, DateTime? value, JsonSerializerOptions options)
        {
            if (value is { } time) writer.WriteNumberValue(UnixTime.FromDateTime(time));
            else writer.WriteNullValue();
        }

        private static string RawText(ref Utf8JsonReader reader) =>
            reader.TokenType == JsonTokenType.String ? reader.GetString()! : System.Text.Encoding.UTF8.GetString(reader.ValueSpan.ToArray());
    }

    internal static class UnixTime
    {
        private static readonly DateTime Epoch = new DateTime(1970, 1, 1, 0, 0, 0, DateTimeKind.Utc);
        // Whole seconds in ticks: as doubles these would round to a second [datetime] cannot reach.
        private static readonly long MinSeconds = (DateTime.MinValue - Epoch).Ticks / TimeSpan.TicksPerSecond;
        private static readonly long MaxSeconds = (DateTime.MaxValue - Epoch).Ticks / TimeSpan.TicksPerSecond;

        public static DateTime ToDateTime(double seconds) =>
            TryToDateTime(seconds) ?? throw new ArgumentOutOfRangeException(nameof(seconds), seconds, "The time is outside what [datetime] can hold (years 1 to 9999).");

        public static DateTime? TryToDateTime(double seconds) =>
            double.IsNaN(seconds) || Math.Floor(seconds) < MinSeconds || Math.Floor(seconds) > MaxSeconds ? null : Epoch.AddTicks((long)Math.Floor(seconds) * TimeSpan.TicksPerSecond);

        /// <summary>
        /// A time without a zone (Kind Unspecified: a CSV cell, [datetime]'2024-01-01') is UTC, as every time the module
        /// writes is, so round trips keep the instant in any time zone; local times are converted.
        /// </summary>
        public static long FromDateTime(DateTime time)
        {
            var utc = time.Kind switch
            {
                DateTimeKind.Unspecified => DateTime.SpecifyKind(time, DateTimeKind.Utc),
                DateTimeKind.Local => time.ToUniversalTime(),
                _ => time,
            };
            return (long)Math.Floor((utc - Epoch).TotalSeconds);
        }
    }

    /// <summary>
    /// Values an answer carried that the models cannot hold, noted while one answer is read (reading is synchronous,
    /// so per thread) and taken by the object they belong to when it is complete (<see cref="User"/>).
    /// </summary>
    internal static class ReadProblems
    {
        [ThreadStatic] private static List<string>? t_problems;

        public static void Note(string problem) => (t_problems ??= new List<string>()).Add(problem);

        /// <summary>The problems noted since the last take, or an empty array.</summary>
        public static string[] Take()
        {
            if (t_problems is not { Count: > 0 } problems) return Array.Empty<string>();
            var taken = problems.ToArray();
            problems.Clear();
            return taken;
        }

        public static void Clear() => t_problems?.Clear();
    }
}
