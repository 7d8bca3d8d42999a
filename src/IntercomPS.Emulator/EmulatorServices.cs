using IntercomPS.Emulator.Auth;
using IntercomPS.Emulator.Faults;
using IntercomPS.Emulator.Model;
using IntercomPS.Emulator.Storage;

namespace IntercomPS.Emulator;

/// <summary>The emulator's shared state, handed to middleware and admin endpoints.</summary>
internal sealed class EmulatorServices(
    Database database, AppRegistry apps, FaultOptions faults, bool persistent, string adminName, string adminEmail, AppProfiles? profiles = null, bool intercomRequestIds = false,
    System.IO.TextWriter? log = null)
{
    private readonly System.Collections.Concurrent.ConcurrentDictionary<string, AdminRecord> admins = new(System.StringComparer.Ordinal);
    private DummyApp? dummy;

    /// <summary>Each app's default API version and time zone.</summary>
    public AppProfiles Profiles { get; } = profiles ?? new();

    /// <summary>Whether 2.x request ids take the real service's form (20 lowercase base32 characters) instead of UUIDs.</summary>
    public bool IntercomRequestIds { get; } = intercomRequestIds;

    /// <summary>The CLI's log (its stdout), for what a script author should see; null when embedded without one.</summary>
    public System.IO.TextWriter? Log { get; } = log;

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

    /// <summary>An app's data: the dummy app's canned answers, or a configured app's stored rows.</summary>
    public IAppStore Store(string appId) => DummyApp.IsDummy(appId) ? Dummy : Stored(appId);

    /// <summary>A configured app's stored data.</summary>
    public AppStore Stored(string appId) => new(Database, appId, AdminOf(appId));

    /// <summary>The admin of an app the emulator knows (worked out once per app; requests only reach here authenticated).</summary>
    public AdminRecord AdminOf(string appId) => admins.GetOrAdd(appId, static (app, services) => AdminRecord.Of(app, services.AdminName, services.AdminEmail), this);

    private DummyApp Dummy => dummy ??= new DummyApp(AdminOf("dummy-app-id"));
}
