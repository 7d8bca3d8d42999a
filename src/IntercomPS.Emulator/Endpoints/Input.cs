using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Text.Json;
using IntercomPS.Emulator.Model;
using Microsoft.AspNetCore.Http;

namespace IntercomPS.Emulator.Endpoints;

/// <summary>
/// Typed access to request fields. Every accessor names the field in its 400 message; JSON null and an absent
/// field both mean "not given".
/// </summary>
internal static class Input
{
    public static string Kind(JsonElement e) => e.ValueKind switch
    {
        JsonValueKind.Object => "an object",
        JsonValueKind.Array => "an array",
        JsonValueKind.String => "a string",
        JsonValueKind.Number => "a number",
        JsonValueKind.True or JsonValueKind.False => "a boolean",
        _ => "null",
    };

    public static JsonElement? Field(JsonElement body, string name) =>
        body.TryGetProperty(name, out var value) && value.ValueKind != JsonValueKind.Null ? value : null;

    public static string? String(JsonElement body, string name) => Field(body, name) switch
    {
        null => null,
        { ValueKind: JsonValueKind.String } v => v.GetString(),
        { } v => throw ApiError.BadRequest($"{name} must be a string, not {Kind(v)}"),
    };

    public static string RequiredText(JsonElement body, string name) =>
        String(body, name) is { } text && text.Trim().Length > 0 ? text : throw ApiError.BadRequest($"{name} is required (a non-empty string)");

    public static bool? Bool(JsonElement body, string name) => Field(body, name) switch
    {
        null => null,
        { ValueKind: JsonValueKind.True } => true,
        { ValueKind: JsonValueKind.False } => false,
        { } v => throw ApiError.BadRequest($"{name} must be a boolean, not {Kind(v)}"),
    };

    /// <summary>The UNIX times a client can read back as a .NET DateTime: 0001-01-01 to 9999-12-31T23:59:59 UTC.</summary>
    public static readonly long MinTimestamp = DateTimeOffset.MinValue.ToUnixTimeSeconds();

    public static readonly long MaxTimestamp = DateTimeOffset.MaxValue.ToUnixTimeSeconds();

    /// <summary>A UNIX timestamp in whole seconds, within the years 1 to 9999 (beyond them no client could read it back).</summary>
    public static long? Timestamp(JsonElement body, string name) => Field(body, name) switch
    {
        null => null,
        { ValueKind: JsonValueKind.Number } v when v.TryGetInt64(out var seconds) && seconds >= MinTimestamp && seconds <= MaxTimestamp => seconds,
        { ValueKind: JsonValueKind.Number } v when IsWhole(v) => throw ApiError.BadRequest(
            $"{name} must be a UNIX timestamp from {MinTimestamp} to {MaxTimestamp} (the years 1 to 9999), not {Truncate(v.GetRawText())}"),
        { } v => throw ApiError.BadRequest($"{name} must be a UNIX timestamp (whole seconds since 1970), not {Describe(v)}"),
    };

    /// <summary>A positive integer id, as a JSON number or a string of digits.</summary>
    public static long? Id(JsonElement body, string name) => Field(body, name) switch
    {
        null => null,
        { ValueKind: JsonValueKind.Number } v when v.TryGetInt64(out var id) && id > 0 => id,
        { ValueKind: JsonValueKind.String } v when TryPositive(v.GetString(), out var id) => id,
        { } v => throw ApiError.BadRequest($"{name} must be a positive integer, not {Describe(v)}"),
    };

    /// <summary>An array of identifiers (strings; integer user ids are accepted as numbers too).</summary>
    public static IReadOnlyList<string> Strings(JsonElement body, string name)
    {
        if (Field(body, name) is not { } value)
        {
            return [];
        }

        if (value.ValueKind != JsonValueKind.Array)
        {
            throw ApiError.BadRequest($"{name} must be an array of strings, not {Kind(value)}");
        }

        var items = new List<string>();
        foreach (var item in value.EnumerateArray())
        {
            items.Add(item.ValueKind switch
            {
                JsonValueKind.String => item.GetString()!,
                JsonValueKind.Number when item.TryGetInt64(out var n) => n.ToString(CultureInfo.InvariantCulture),
                _ => throw ApiError.BadRequest($"{name} must contain only strings, not {Kind(item)}"),
            });
        }

        return items;
    }

    /// <summary>The user a body names: user_id (string, or integer) and/or email; at least one is required.</summary>
    public static UserKey UserKey(JsonElement body)
    {
        var userId = Field(body, "user_id") switch
        {
            null => null,
            { ValueKind: JsonValueKind.String } v => v.GetString(),
            { ValueKind: JsonValueKind.Number } v when v.TryGetInt64(out var n) => n.ToString(CultureInfo.InvariantCulture),
            { } v => throw ApiError.BadRequest($"user_id must be a string, not {Describe(v)}"),
        };
        return Key(userId, String(body, "email"));
    }

    public static UserKey UserKey(IQueryCollection query) => Key(Query(query, "user_id"), Query(query, "email"));

    public static string? Query(IQueryCollection query, string name) =>
        query.TryGetValue(name, out var values) && values.Count > 0 && values[^1] is { Length: > 0 } value ? value : null;

    /// <summary>A positive integer query parameter.</summary>
    public static long? QueryNumber(IQueryCollection query, string name)
    {
        var value = Query(query, name);
        return value is null ? null
            : TryPositive(value, out var n) ? n
            : throw ApiError.BadRequest($"{name} must be a positive integer, not '{value}'");
    }

    /// <summary>
    /// A v1 object id: 24 hex digits, as the real service gave tags. A number here is a client that took the id for
    /// an integer, which the real service would not have matched: refused with a message rather than matching nothing.
    /// </summary>
    public static string? QueryIntercomId(IQueryCollection query, string name)
    {
        var value = Query(query, name);
        return value is null || IsIntercomId(value) ? value?.ToLowerInvariant()
            : throw ApiError.BadRequest($"{name} must be an id of 24 hex digits as the API returns it (like 52322b4150233908a800013c), not '{Truncate(value)}'");
    }

    public static bool IsIntercomId(string value) => value.Length == 24 && value.All(char.IsAsciiHexDigit);

    /// <summary>custom_data: a flat object of strings, numbers, booleans and nulls.</summary>
    public static IReadOnlyDictionary<string, JsonElement>? CustomData(JsonElement body)
    {
        if (Field(body, "custom_data") is not { } value)
        {
            return null;
        }

        if (value.ValueKind != JsonValueKind.Object)
        {
            throw ApiError.BadRequest($"custom_data must be an object, not {Kind(value)}");
        }

        var data = new Dictionary<string, JsonElement>(StringComparer.Ordinal);
        foreach (var property in value.EnumerateObject())
        {
            if (property.Value.ValueKind is JsonValueKind.Object or JsonValueKind.Array)
            {
                throw ApiError.BadRequest($"custom_data.{property.Name} must be a string, number, boolean or null, not {Kind(property.Value)}");
            }

            if (property.Name.Length == 0)
            {
                throw ApiError.BadRequest("custom_data keys must not be empty");
            }

            if (property.Value.ValueKind == JsonValueKind.Number && !(property.Value.TryGetDouble(out var number) && double.IsFinite(number)))
            {
                throw ApiError.BadRequest(BeyondDouble("custom_data." + property.Name, property.Value));
            }

            data[property.Name] = property.Value.Clone();
        }

        return data;
    }

    /// <summary>increments: an object of custom_data keys and the (finite) numbers to add to them.</summary>
    public static IReadOnlyDictionary<string, JsonElement>? Increments(JsonElement body)
    {
        if (Field(body, "increments") is not { } value)
        {
            return null;
        }

        if (value.ValueKind != JsonValueKind.Object)
        {
            throw ApiError.BadRequest($"increments must be an object of custom_data keys and numbers, not {Kind(value)}");
        }

        var steps = new Dictionary<string, JsonElement>(StringComparer.Ordinal);
        foreach (var property in value.EnumerateObject())
        {
            if (property.Name.Length == 0)
            {
                throw ApiError.BadRequest("increments keys must not be empty");
            }

            if (property.Value.ValueKind != JsonValueKind.Number)
            {
                throw ApiError.BadRequest($"increments.{property.Name} must be a number, not {Describe(property.Value)}");
            }

            if (!(property.Value.TryGetDouble(out var step) && double.IsFinite(step)))
            {
                throw ApiError.BadRequest(BeyondDouble("increments." + property.Name, property.Value));
            }

            steps[property.Name] = property.Value.Clone();
        }

        return steps;
    }

    private static UserKey Key(string? userId, string? email)
    {
        userId = string.IsNullOrWhiteSpace(userId) ? null : userId;
        email = string.IsNullOrWhiteSpace(email) ? null : email.Trim();
        if (userId is null && email is null)
        {
            throw ApiError.BadRequest("user_id or email is required to identify the user");
        }

        if (email is not null && !email.Contains('@', StringComparison.Ordinal))
        {
            throw ApiError.BadRequest($"email '{email}' is not an email address");
        }

        return new UserKey(userId, email);
    }

    /// <summary>What is wrong with a JSON number no double holds (1e400): it is a number, just too large to keep.</summary>
    public static string BeyondDouble(string name, JsonElement number) => $"{name} is a number beyond what a double can hold ({Truncate(number.GetRawText())})";

    /// <summary>A JSON number written without a fraction or exponent (1e3 and 1.0 are not whole here).</summary>
    private static bool IsWhole(JsonElement number) => number.GetRawText().AsSpan().IndexOfAny(".eE") < 0;

    private static bool TryPositive(string? text, out long value) =>
        long.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out value) && value > 0;

    public static string Describe(JsonElement e) => e.ValueKind is JsonValueKind.String or JsonValueKind.Number
        ? $"{Kind(e)} ({Truncate(e.GetRawText())})"
        : Kind(e);

    private static string Truncate(string text) => text.Length <= 40 ? text : text[..40] + "...";
}
