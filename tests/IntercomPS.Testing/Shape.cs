using System.Linq;
using System.Text.Json;
using Xunit;

namespace IntercomPS.Testing;

/// <summary>Compares a response's shape (field names and JSON kinds) with an example from the spec.</summary>
public static class Shape
{
    /// <summary>
    /// Fields the real v1 service sent beyond the spec's examples (its captured answers had them); an object may carry
    /// these besides every field of its example. Their presence and values are tested where they are made.
    /// </summary>
    public static readonly string[] RealServiceExtras = ["intercom_id", "avatar_url", "company_ids", "message_id", "interrupt", "subject"];

    /// <summary>
    /// Objects must have exactly the example's fields, plus any of <see cref="RealServiceExtras"/> (all levels when <paramref name="deep"/>, else the top level);
    /// kinds must match, except that an example null stands for "null or a number/string" (ids, timestamps).
    /// </summary>
    public static void AssertMatches(string exampleJson, JsonElement actual, bool deep = true)
    {
        using var example = JsonDocument.Parse(exampleJson);
        Compare(example.RootElement, actual, "$", deep ? int.MaxValue : 1);
    }

    private static void Compare(JsonElement expected, JsonElement actual, string path, int depth)
    {
        if (expected.ValueKind == JsonValueKind.Null)
        {
            Assert.True(actual.ValueKind is JsonValueKind.Null or JsonValueKind.Number or JsonValueKind.String, $"{path}: expected null/number/string, got {actual.ValueKind}");
            return;
        }

        // Strings may be null (a user without a name), and so may timestamps ("UNIX seconds or null").
        var nullable = Kind(expected) == "string" || (Kind(expected) == "number" && path.EndsWith("_at", System.StringComparison.Ordinal));
        Assert.True(Kind(expected) == Kind(actual) || (nullable && actual.ValueKind == JsonValueKind.Null),
            $"{path}: expected {Kind(expected)}, got {actual.ValueKind}");
        // custom_data is the caller's own free-form data: only its kind is part of the shape.
        if (depth <= 0 || actual.ValueKind == JsonValueKind.Null || path.EndsWith(".custom_data", System.StringComparison.Ordinal))
        {
            return;
        }

        if (expected.ValueKind == JsonValueKind.Object)
        {
            var want = expected.EnumerateObject().Select(p => p.Name).Order().ToArray();
            var got = actual.EnumerateObject().Select(p => p.Name).Where(n => want.Contains(n) || !RealServiceExtras.Contains(n)).Order().ToArray();
            Assert.True(want.SequenceEqual(got), $"{path}: fields differ.\nexpected: {string.Join(",", want)}\nactual:   {string.Join(",", got)}");
            foreach (var property in expected.EnumerateObject())
            {
                Compare(property.Value, actual.GetProperty(property.Name), path + "." + property.Name, depth - 1);
            }
        }
        else if (expected.ValueKind == JsonValueKind.Array && expected.GetArrayLength() > 0)
        {
            foreach (var item in actual.EnumerateArray())
            {
                // Items differ in the examples (user messages have "from", admin ones not): match any example item's kind.
                Assert.Equal(Kind(expected[0]), Kind(item));
            }
        }
    }

    private static string Kind(JsonElement e) => e.ValueKind switch
    {
        JsonValueKind.True or JsonValueKind.False => "boolean",
        _ => e.ValueKind.ToString().ToLowerInvariant(),
    };
}
