using System;
using System.Net.Http;
using System.Security;
using System.Text;
using System.Threading.Tasks;
using IntercomPS.Emulator;
using Xunit;

namespace IntercomPS.Testing;

/// <summary>
/// One in-memory emulator on a free loopback port, shared by a test class: the one fixture of every test project
/// (the emulator's, the 2.14 face's, the client's and the module's). Two apps, so isolation is testable; the test app's
/// key is distinctive enough that a leak test can search every stream for it; both apps' admin is Ada Admin. Clients
/// for both faces of either app, and the /admin API. Tests isolate by unique emails and ids, or reset the test app.
/// </summary>
public sealed class EmulatorFixture : IAsyncLifetime
{
    public const string AppId = "test-app";
    public const string ApiKey = "sk_test_Q7v9ZpL2mN8xR4tY6wK1";
    public const string OtherAppId = "other-app";
    public const string OtherApiKey = "other-key";

    private readonly HttpClient http = new(new SocketsHttpHandler { PooledConnectionLifetime = TimeSpan.FromMinutes(1) })
    {
        Timeout = TimeSpan.FromSeconds(60),
    };

    private IntercomEmulator? emulator;
    private EmulatorAdmin? admin;

    public IntercomEmulator Emulator => emulator ?? throw new InvalidOperationException("The emulator has not started.");

    /// <summary>The emulator's /admin API.</summary>
    public EmulatorAdmin Admin => admin ?? throw new InvalidOperationException("The emulator has not started.");

    /// <summary>http://127.0.0.1:PORT/v1/, where v1 clients point.</summary>
    public Uri ApiUri => Emulator.ApiUri;

    /// <summary>The test app on /v1 (HTTP Basic).</summary>
    public Api Api => For(AppId, ApiKey);

    public Api Other => For(OtherAppId, OtherApiKey);

    public Api Dummy => For("dummy-app-id", "dummy-api-key");

    /// <summary>No credentials; also the client for /admin.</summary>
    public Api Anonymous => For(null, null);

    /// <summary>A /v1 client with these Basic credentials (null: no Authorization header).</summary>
    public Api For(string? appId, string? key) => new(http, Emulator.BaseUri, appId, key);

    /// <summary>The test app on the 2.14 face (its key is its token), as the official SDK calls it.</summary>
    public V2Client V2 => V2For(ApiKey);

    public V2Client V2Other => V2For(OtherApiKey);

    /// <summary>A 2.14 client with this Bearer token (null: no Authorization header).</summary>
    public V2Client V2For(string? token) => new(http, Emulator.BaseUri, token);

    /// <summary>The test app on /v1 with paths relative to it ("users"), for cross-face tests.</summary>
    public Api V1 => new(http, ApiUri, AppId, ApiKey);

    /// <summary>The test app's credentials as a Basic header carries them, which must not leak either.</summary>
    public static string BasicHeaderValue => Convert.ToBase64String(Encoding.UTF8.GetBytes(AppId + ":" + ApiKey));

    public async Task InitializeAsync()
    {
        var options = new EmulatorOptions { AdminName = "Ada Admin", AdminEmail = "ada@example.com" };
        options.Apps[AppId] = ApiKey;
        options.Apps[OtherAppId] = OtherApiKey;
        emulator = await IntercomEmulator.StartAsync(options);
        admin = new EmulatorAdmin(emulator.BaseUri);
    }

    public async Task DisposeAsync()
    {
        http.Dispose();
        admin?.Dispose();
        if (emulator is not null)
        {
            await emulator.DisposeAsync();
        }
    }

    /// <summary>Empties the test app (its data, request counts and rate-limit window).</summary>
    public Task ResetAsync() => Admin.ResetAsync(AppId);

    /// <summary>Creates users {prefix}1 .. {prefix}{count} (user_id) / {prefix}N@example.com in the test app in one go.</summary>
    public Task SeedAsync(int count, string prefix, string? tag = null) => Admin.SeedAsync(AppId, count, prefix, tag);

    public async Task ResetAndSeedAsync(int count, string prefix)
    {
        await ResetAsync();
        await SeedAsync(count, prefix);
    }

    /// <summary>How many API requests the test app received since its last reset, for one route ("GET /v1/users") or in total.</summary>
    public async Task<int> RequestCountAsync(string? route = null)
    {
        var counts = await Admin.GetRequestsAsync(AppId);
        return route is null ? counts.Total : counts.Of(route);
    }

    /// <summary>Sets fault rules (snake_case fields, as /admin/faults takes them) for every app of this emulator.</summary>
    public Task SetFaultsAsync(object faults) => Admin.SetFaultsAsync(faults);

    public Task ClearFaultsAsync() => Admin.ClearFaultsAsync();

    public static SecureString Secure(string text)
    {
        var secure = new SecureString();
        foreach (var letter in text)
        {
            secure.AppendChar(letter);
        }

        return secure;
    }

    public static string NewEmail(string hint = "u") => $"{hint}-{Guid.NewGuid():N}@example.com";

    public static string NewId(string hint = "id") => $"{hint}-{Guid.NewGuid():N}";
}
