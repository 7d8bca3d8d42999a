using System;
using System.Net.Http;
using System.Threading.Tasks;
using Xunit;

namespace IntercomPS.Emulator.Tests.Infrastructure;

/// <summary>One in-memory emulator on a free loopback port, shared by a test class. Tests isolate by unique emails.</summary>
public class EmulatorFixture : IAsyncLifetime
{
    public const string AppId = "test-app";
    public const string ApiKey = "test-key";
    public const string OtherAppId = "other-app";
    public const string OtherApiKey = "other-key";

    private readonly HttpClient http = new(new SocketsHttpHandler { PooledConnectionLifetime = TimeSpan.FromMinutes(1) })
    {
        Timeout = TimeSpan.FromSeconds(60),
    };

    public IntercomEmulator Emulator { get; private set; } = null!;

    /// <summary>The main test app.</summary>
    public Api Api => For(AppId, ApiKey);

    public Api Other => For(OtherAppId, OtherApiKey);

    public Api Dummy => For("dummy-app-id", "dummy-api-key");

    /// <summary>No credentials; also the client for /admin.</summary>
    public Api Anonymous => For(null, null);

    public Api For(string? appId, string? key) => new(http, Emulator.BaseUri, appId, key);

    /// <summary>The typed /admin client, for tests that use the admin API as a tool rather than test it.</summary>
    public IntercomPS.Testing.EmulatorAdmin Admin => admin ??= new IntercomPS.Testing.EmulatorAdmin(Emulator.BaseUri);

    private IntercomPS.Testing.EmulatorAdmin? admin;

    public virtual async Task InitializeAsync()
    {
        var options = new EmulatorOptions();
        options.Apps[AppId] = ApiKey;
        options.Apps[OtherAppId] = OtherApiKey;
        Emulator = await IntercomEmulator.StartAsync(options);
    }

    public async Task DisposeAsync()
    {
        http.Dispose();
        admin?.Dispose();
        await Emulator.DisposeAsync();
    }

    public static string NewEmail(string hint = "u") => $"{hint}-{Guid.NewGuid():N}@example.com";

    public static string NewId(string hint = "id") => $"{hint}-{Guid.NewGuid():N}";
}
