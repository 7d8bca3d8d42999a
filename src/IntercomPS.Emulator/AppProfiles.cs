using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Linq;
using IntercomPS.Emulator.Endpoints.V2;

namespace IntercomPS.Emulator;

/// <summary>
/// What the real service keeps per workspace and the emulator per app: the API version a request without an
/// Intercom-Version header gets (the Developer Hub's setting; 2.14 unless set) and the time zone (GET /me's
/// app.timezone; UTC unless set). Set by --app-version/--app-timezone and PUT /admin/apps/{app_id}; read once per
/// request, a dictionary lookup.
/// </summary>
internal sealed class AppProfiles
{
    private readonly ConcurrentDictionary<string, AppProfile> profiles = new(StringComparer.Ordinal);

    /// <summary>The profile of <paramref name="app"/>: what was set for it, else the defaults.</summary>
    public AppProfile Of(string app) => profiles.GetValueOrDefault(app, AppProfile.Default);

    public void Set(string app, AppProfile profile) => profiles[app] = profile;

    /// <summary>The version named <paramref name="name"/>, or the ArgumentException that says which are known.</summary>
    public static ApiVersion Version(string name) => ApiVersions.Find(name)
        ?? throw new ArgumentException($"'{name}' is not an Intercom-Version the real service accepts ({string.Join(", ", ApiVersions.All.Select(v => v.Name))}).");

    /// <summary>The IANA time zone named <paramref name="name"/>, or the ArgumentException that says it is not one.</summary>
    public static TimeZoneInfo TimeZone(string name)
    {
        try
        {
            return TimeZoneInfo.FindSystemTimeZoneById(name);
        }
        catch (Exception e) when (e is TimeZoneNotFoundException or InvalidTimeZoneException)
        {
            throw new ArgumentException($"'{name}' is not a time zone this machine knows (an IANA name such as Europe/Dublin or America/Los_Angeles).", e);
        }
    }
}

/// <summary>An app's default API version and its time zone, by its IANA name (what GET /me shows).</summary>
internal sealed record AppProfile(ApiVersion Version, string TimeZoneName, TimeZoneInfo TimeZone)
{
    public static AppProfile Default { get; } = new(ApiVersions.Default, "Etc/UTC", TimeZoneInfo.Utc);
}
