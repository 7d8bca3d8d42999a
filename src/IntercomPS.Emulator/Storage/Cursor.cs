using System;
using System.Security.Cryptography;
using System.Text;

namespace IntercomPS.Emulator.Storage;

/// <summary>
/// Opaque pagination cursors, as Intercom's are: base64url of what the next page starts after, sealed with an HMAC
/// under a key this process draws at start. A cursor this API did not hand out, or one altered in any character, is
/// the same 400, never a silently different page; so every number a cursor carries is one the emulator wrote (an
/// altered one once read as page 1,717,986,919). Cursors do not outlive the process, as the real service's expire.
/// </summary>
internal static class Cursor
{
    private const int MacBytes = 16;

    private static readonly byte[] Key = RandomNumberGenerator.GetBytes(32);

    /// <summary><paramref name="text"/>, sealed and wrapped as a cursor.</summary>
    public static string Seal(string text)
    {
        var bytes = Encoding.UTF8.GetBytes(text);
        var sealedBytes = new byte[bytes.Length + MacBytes];
        bytes.CopyTo(sealedBytes, 0);
        HMACSHA256.HashData(Key, bytes).AsSpan(0, MacBytes).CopyTo(sealedBytes.AsSpan(bytes.Length));
        return Convert.ToBase64String(sealedBytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');
    }

    /// <summary>The text a cursor sealed, or null when it is not one of ours, whole and unaltered.</summary>
    public static string? Open(string cursor)
    {
        byte[] bytes;
        try
        {
            var padded = cursor.Replace('-', '+').Replace('_', '/');
            bytes = Convert.FromBase64String(padded + new string('=', (4 - (padded.Length % 4)) % 4));
        }
        catch (FormatException)
        {
            return null;
        }

        if (bytes.Length <= MacBytes)
        {
            return null;
        }

        var text = bytes.AsSpan(0, bytes.Length - MacBytes);
        var mac = HMACSHA256.HashData(Key, text);
        if (!CryptographicOperations.FixedTimeEquals(mac.AsSpan(0, MacBytes), bytes.AsSpan(bytes.Length - MacBytes)))
        {
            return null;
        }

        return Encoding.UTF8.GetString(text);
    }

    public static ApiError Invalid() =>
        new(400, "bad_request", "starting_after is not a cursor this endpoint returned (use pages.next.starting_after)")
        {
            Code = "parameter_invalid",
            Field = "starting_after",
        };
}
