using System;
using System.Collections.Generic;
using System.Linq;
using System.Security.Cryptography;
using System.Text;

namespace IntercomPS.Emulator.Auth;

/// <summary>
/// The apps the emulator accepts and HTTP Basic checking. Keys are compared as SHA-256 hashes with
/// FixedTimeEquals, and an unknown app is checked against a random hash, so neither timing nor the answer tells an
/// unknown app from a wrong key.
/// </summary>
internal sealed class AppRegistry
{
    private static readonly byte[] NoSuchApp = RandomNumberGenerator.GetBytes(32);
    private readonly Dictionary<string, byte[]> keyHashes;

    public AppRegistry(IDictionary<string, string> apps)
    {
        var configured = apps.Count > 0
            ? new Dictionary<string, string>(apps, StringComparer.Ordinal)
            : new Dictionary<string, string>(StringComparer.Ordinal) { [EmulatorOptions.DefaultAppId] = EmulatorOptions.DefaultApiKey };
        Apps = configured;
        keyHashes = configured.ToDictionary(p => p.Key, p => Hash(p.Value), StringComparer.Ordinal);
    }

    /// <summary>The configured apps (not the dummy app), app id to API key.</summary>
    public IReadOnlyDictionary<string, string> Apps { get; }

    /// <summary>Whether <paramref name="appId"/> is a configured app or the dummy app.</summary>
    public bool IsKnown(string appId) => DummyApp.IsDummy(appId) || Apps.ContainsKey(appId);

    /// <summary>The user name of a Basic header (for counting requests), whether or not the key is right.</summary>
    public static string? ClaimedAppId(string? authorization) =>
        TryDecode(authorization, out var appId, out _) ? appId : null;

    /// <summary>The authenticated app id, or null when the credentials are missing or wrong.</summary>
    public string? Authenticate(string? authorization)
    {
        if (!TryDecode(authorization, out var appId, out var key))
        {
            return null;
        }

        if (DummyApp.IsDummy(appId))
        {
            return appId; // the spec's dummy app takes any key
        }

        var expected = keyHashes.GetValueOrDefault(appId) ?? NoSuchApp;
        return CryptographicOperations.FixedTimeEquals(Hash(key), expected) && !ReferenceEquals(expected, NoSuchApp) ? appId : null;
    }

    /// <summary>
    /// The app whose API key is this Bearer token (2.14's access token), or null. Every key is compared, in
    /// constant time, so the time taken does not tell how close a guess was or which app matched.
    /// </summary>
    public string? AuthenticateBearer(string? authorization)
    {
        if (authorization is null || !authorization.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase))
        {
            return null;
        }

        var presented = Hash(authorization[7..].Trim());
        string? match = null;
        foreach (var (appId, expected) in keyHashes.OrderBy(p => p.Key, StringComparer.Ordinal))
        {
            if (CryptographicOperations.FixedTimeEquals(presented, expected))
            {
                match ??= appId;
            }
        }

        return match;
    }

    private static bool TryDecode(string? authorization, out string appId, out string key)
    {
        appId = key = "";
        if (authorization is null || !authorization.StartsWith("Basic ", StringComparison.OrdinalIgnoreCase))
        {
            return false;
        }

        try
        {
            var decoded = Encoding.UTF8.GetString(Convert.FromBase64String(authorization[6..].Trim()));
            var colon = decoded.IndexOf(':', StringComparison.Ordinal);
            if (colon <= 0)
            {
                return false;
            }

            appId = decoded[..colon];
            key = decoded[(colon + 1)..];
            return true;
        }
        catch (FormatException)
        {
            return false;
        }
    }

    private static byte[] Hash(string key) => SHA256.HashData(Encoding.UTF8.GetBytes(key));
}
