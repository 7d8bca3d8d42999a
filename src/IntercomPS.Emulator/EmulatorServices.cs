using IntercomPS.Emulator.Auth;
using IntercomPS.Emulator.Faults;
using IntercomPS.Emulator.Storage;

namespace IntercomPS.Emulator;

/// <summary>The emulator's shared state, handed to middleware and admin endpoints.</summary>
internal sealed class EmulatorServices(
    Database database, AppRegistry apps, FaultOptions faults, bool persistent, string adminName, string adminEmail, AppProfiles? profiles = null, bool intercomRequestIds = false)
{
    /// <summary>Each app's default API version and time zone.</summary>
    public AppProfiles Profiles { get; } = profiles ?? new();

    /// <summary>Whether 2.x request ids take the real service's form (20 lowercase base32 characters) instead of UUIDs.</summary>
    public bool IntercomRequestIds { get; } = intercomRequestIds;

    /// <summary>Each app's admin on the 2.14 face.</summary>
    public string AdminName { get; } = adminName;

    public string AdminEmail { get; } = adminEmail;

    /// <summary>When this emulator started: the apps' created_at on GET /me.</summary>
    public long StartedAt { get; } = System.DateTimeOffset.UtcNow.ToUnixTimeSeconds();

    public Database Database { get; } = database;

    public AdminStore Admin { get; } = new(database);

    public AppRegistry Apps { get; } = apps;

    public FaultOptions Faults { get; } = faults;

    public RequestCounter Requests { get; } = new();

    public RateLimiter RateLimiter { get; } = new();

    public bool Persistent { get; } = persistent;

    public IAppBackend Backend(string appId) => DummyApp.IsDummy(appId) ? DummyApp.Instance : new AppStore(Database, appId);
}
