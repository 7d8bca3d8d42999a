using System;
using System.Net.Http;
using System.Threading.Tasks;
using IntercomPS.Emulator;
using IntercomPS.Testing;
using Xunit;

namespace IntercomPS.V2.Tests.Infrastructure;

/// <summary>One in-memory emulator on a free loopback port, shared by a test class; two apps, so isolation is testable.</summary>
public class V2Fixture : IAsyncLifetime
{
    public const string AppId = "test-app";
    public const string Token = "test-key";
    public const string OtherAppId = "other-app";
    public const string OtherToken = "other-key";

    private readonly HttpClient http = new(new SocketsHttpHandler { PooledConnectionLifetime = TimeSpan.FromMinutes(1) })
    {
        Timeout = TimeSpan.FromSeconds(60),
    };

    public IntercomEmulator Emulator { get; private set; } = null!;

    public EmulatorAdmin Admin { get; private set; } = null!;

    /// <summary>The 2.14 face with the test app's token; every answer is validated against the description.</summary>
    public V2Client Api => new(http, Emulator.BaseUri, Token);

    public V2Client Other => new(http, Emulator.BaseUri, OtherToken);

    public V2Client For(string? token) => new(http, Emulator.BaseUri, token);

    /// <summary>The v1 face of the same app (HTTP Basic app id:key), for cross-face tests.</summary>
    public V1Client V1 => new(http, Emulator.BaseUri, AppId, Token);

    public async Task InitializeAsync()
    {
        var options = new EmulatorOptions { AdminName = "Ada Admin", AdminEmail = "ada@example.com" };
        options.Apps[AppId] = Token;
        options.Apps[OtherAppId] = OtherToken;
        Emulator = await IntercomEmulator.StartAsync(options);
        Admin = new EmulatorAdmin(Emulator.BaseUri);
    }

    public async Task DisposeAsync()
    {
        Admin.Dispose();
        http.Dispose();
        await Emulator.DisposeAsync();
    }

    public static string NewEmail(string hint = "c") => $"{hint}-{Guid.NewGuid():N}@example.com";

    public static string NewId(string hint = "x") => $"{hint}-{Guid.NewGuid():N}";
}
