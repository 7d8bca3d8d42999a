using System;

namespace IntercomPS.Emulator.Storage;

/// <summary>
/// Opaque pagination cursors, as Intercom's are: base64url of what the next page starts after. A cursor this API
/// did not hand out is a 400, never a silently different page.
/// </summary>
internal static class Cursor
{
    public const string After = "after";
    public const string At = "at";

    public static string Encode(string kind, long value) => Wrap($"{kind}:{value.ToString(System.Globalization.CultureInfo.InvariantCulture)}");

    public static long Decode(string cursor, string kind)
    {
        var text = Unwrap(cursor);
        if (text is not null && text.StartsWith(kind + ":", StringComparison.Ordinal)
            && long.TryParse(text.AsSpan(kind.Length + 1), System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var value))
        {
            return value;
        }

        throw Invalid();
    }

    public static string Wrap(string text) => Convert.ToBase64String(System.Text.Encoding.UTF8.GetBytes(text))
        .TrimEnd('=').Replace('+', '-').Replace('/', '_');

    /// <summary>The text inside a cursor, or null when it is not base64url of UTF-8.</summary>
    public static string? Unwrap(string cursor)
    {
        try
        {
            var padded = cursor.Replace('-', '+').Replace('_', '/');
            padded += new string('=', (4 - (padded.Length % 4)) % 4);
            return new System.Text.UTF8Encoding(false, throwOnInvalidBytes: true).GetString(Convert.FromBase64String(padded));
        }
        catch (Exception e) when (e is FormatException or ArgumentException)
        {
            return null;
        }
    }

    public static ApiError Invalid() =>
        new(400, "bad_request", "starting_after is not a cursor this endpoint returned (use pages.next.starting_after)")
        {
            Code = "parameter_invalid",
            Field = "starting_after",
        };
}
