using System;
using System.Collections.Generic;
using System.Linq;
using System.Security.Cryptography;
using System.Text;

namespace IntercomPS.Emulator.Auth;

/// <summary>
/// The apps the emulator accepts, and who a request is from (HTTP Basic on /v1, an access token on 2.x). Keys are compared as SHA-256 hashes with
/// FixedTimeEquals, and an unknown app is checked against a random hash, so neither timing nor the answer tells an
/// unknown app from a wrong key.
/// </summary>
internal sealed class AppRegistry
{
    private static readonly byte[] NoSuchApp = RandomNumberGenerator.GetBytes(32);
    private readonly Dictionary<string, byte[]> keyHashes;

    /// <summary>The same hashes in a fixed order, so every Bearer check compares them all the same way.</summary>
    private readonly (string App, byte[] Hash)[] orderedHashes;

    public AppRegistry(IDictionary<string, string> apps)
    {
        var configured = apps.Count > 0
            ? new Dictionary<string, string>(apps, StringComparer.Ordinal)
            : new Dictionary<string, string>(StringComparer.Ordinal) { [EmulatorOptions.DefaultAppId] = EmulatorOptions.DefaultApiKey };
        Apps = configured;
        keyHashes = configured.ToDictionary(p => p.Key, p => Hash(p.Value), StringComparer.Ordinal);
        orderedHashes = [.. keyHashes.OrderBy(p => p.Key, StringComparer.Ordinal).Select(p => (p.Key, p.Value))];
    }

    /// <summary>The configured apps (not the dummy app), app id to API key.</summary>
    public IReadOnlyDictionary<string, string> Apps { get; }

    /// <summary>Whether <paramref name="appId"/> is a configured app or the dummy app.</summary>
    public bool IsKnown(string appId) => DummyApp.IsDummy(appId) || Apps.ContainsKey(appId);

    /// <summary>
    /// Who a /v1 request is from, decoding its Basic header once: the app it names (when the emulator knows it, whatever
    /// the key) and the app whose key it proves, or null when the credentials are missing or wrong.
    /// </summary>
    public Identity IdentifyBasic(string? authorization)
    {
        if (!TryDecode(authorization, out var appId, out var key))
        {
            return default;
        }

        var named = IsKnown(appId) ? appId : null;
        if (DummyApp.IsDummy(appId))
        {
            return new(named, appId); // the spec's dummy app takes any key
        }

        var expected = keyHashes.GetValueOrDefault(appId) ?? NoSuchApp;
        var proven = CryptographicOperations.FixedTimeEquals(Hash(key), expected) && !ReferenceEquals(expected, NoSuchApp);
        return new(named, proven ? appId : null);
    }

    /// <summary>
    /// Who a 2.x request is from: the app whose API key is its access token, the dummy app for the token dummy-app-id
    /// (or dummy_app_id), or no one; a token names no app unless it is one. The token comes as "Bearer TOKEN", or as
    /// the username of Basic credentials with an empty password (what Intercom's access-token guide allows and the
    /// Node SDK up to 5.x sends). Every key is compared, in constant time, so the time taken does not tell how close a
    /// guess was or which app matched.
    /// </summary>
    public Identity IdentifyToken(string? authorization)
    {
        string token;
        if (authorization is not null && authorization.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase))
        {
            token = authorization[7..].Trim();
        }
        else if (TryDecode(authorization, out var username, out var password) && password.Length == 0)
        {
            token = username;
        }
        else
        {
            return default;
        }

        var presented = Hash(token);
        string? match = null;
        foreach (var (appId, expected) in orderedHashes)
        {
            if (CryptographicOperations.FixedTimeEquals(presented, expected))
            {
                match ??= appId;
            }
        }

        // The dummy app's token is its name, public like its v1 credentials; a configured key that happens to be the same wins.
        match ??= DummyApp.IsDummy(token) ? token : null;
        return new(match, match);
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

/// <summary>
/// Who a request is from, worked out once per request: <see cref="Named"/> is the app it is counted under (a known app
/// it names, or null), <see cref="Authenticated"/> the app its credentials prove (null: the request is a 401).
/// </summary>
internal readonly record struct Identity(string? Named, string? Authenticated);
