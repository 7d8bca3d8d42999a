using System.Buffers;
using System.Collections.Generic;
using System.Globalization;
using System.Text;
using System.Text.Json;

namespace IntercomPS.Emulator.Storage;

/// <summary>custom_data is kept as JSON object text; updates merge key by key, so writers of distinct keys never clash.</summary>
internal static class CustomData
{
    public const string Empty = "{}";

    /// <summary>
    /// The stored object with <paramref name="changes"/> set, then <paramref name="increments"/> added (what the real
    /// API did with <c>{"increments": {"logins": 2}}</c>): a missing key counts from 0, whole numbers stay whole, and a
    /// key that holds anything but a number is a 400, so nothing is written.
    /// </summary>
    public static string Merge(string existing, IReadOnlyDictionary<string, JsonElement>? changes, IReadOnlyDictionary<string, JsonElement>? increments = null)
    {
        if ((changes is null || changes.Count == 0) && (increments is null || increments.Count == 0))
        {
            return existing;
        }

        using var doc = JsonDocument.Parse(existing);
        var merged = new Dictionary<string, JsonElement>(System.StringComparer.Ordinal);
        foreach (var property in doc.RootElement.EnumerateObject())
        {
            merged[property.Name] = property.Value;
        }

        foreach (var (key, value) in changes ?? new Dictionary<string, JsonElement>())
        {
            merged[key] = value;
        }

        var sums = new Dictionary<string, string>(System.StringComparer.Ordinal);
        foreach (var (key, by) in increments ?? new Dictionary<string, JsonElement>())
        {
            var current = merged.TryGetValue(key, out var value) && value.ValueKind != JsonValueKind.Null ? value : (JsonElement?)null;
            sums[key] = Add(key, current, by);
        }

        var buffer = new ArrayBufferWriter<byte>();
        using (var w = new Utf8JsonWriter(buffer, new JsonWriterOptions { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping }))
        {
            w.WriteStartObject();
            foreach (var (key, value) in merged)
            {
                if (!sums.ContainsKey(key))
                {
                    w.WritePropertyName(key);
                    value.WriteTo(w);
                }
            }

            foreach (var (key, sum) in sums)
            {
                w.WritePropertyName(key);
                w.WriteRawValue(sum);
            }

            w.WriteEndObject();
        }

        return Encoding.UTF8.GetString(buffer.WrittenSpan);
    }

    private static string Add(string key, JsonElement? current, JsonElement by)
    {
        if (current is { } stored && stored.ValueKind != JsonValueKind.Number)
        {
            throw ApiError.BadRequest($"increments.{key}: custom_data.{key} is {Endpoints.Input.Kind(stored)}, not a number, so it cannot be incremented");
        }

        if ((current is null || current.Value.TryGetInt64(out _)) && by.TryGetInt64(out var step))
        {
            var start = current?.GetInt64() ?? 0;
            return long.MaxValue - System.Math.Max(step, 0) < start || long.MinValue - System.Math.Min(step, 0) > start
                ? throw ApiError.BadRequest($"increments.{key}: {start} + {step} is beyond a 64-bit integer")
                : (start + step).ToString(CultureInfo.InvariantCulture);
        }

        var sum = (current?.GetDouble() ?? 0) + by.GetDouble();
        return double.IsFinite(sum) ? sum.ToString("R", CultureInfo.InvariantCulture)
            : throw ApiError.BadRequest($"increments.{key}: the sum is beyond what a double can hold");
    }
}
