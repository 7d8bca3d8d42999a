using System;
using System.Collections.Generic;
using System.Linq;
using System.Net;
using System.Threading;
using System.Threading.Tasks;
using IntercomPS.Emulator.Admin;
using IntercomPS.Emulator.Auth;
using IntercomPS.Emulator.Endpoints;
using IntercomPS.Emulator.Inspector;
using IntercomPS.Emulator.Storage;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace IntercomPS.Emulator;

/// <summary>
/// A running emulator: Kestrel on one loopback port serving /v1 (the Intercom v1 API), the REST API 2.14 at the
/// root (/contacts, /tags ...) over the same data, and /admin. Start it from tests,
/// tools or the command line; dispose it to stop it (an in-memory emulator's data goes with it).
/// </summary>
public sealed class IntercomEmulator : IAsyncDisposable, IDisposable
{
    private readonly WebApplication web;
    private readonly EmulatorServices services;
    private int disposed;

    private IntercomEmulator(WebApplication web, EmulatorServices services, Uri baseUri, Uri listenUri, bool loopbackOnly)
    {
        this.web = web;
        this.services = services;
        BaseUri = baseUri;
        ApiUri = new Uri(baseUri, "v1/");
        ListenUri = listenUri;
        LoopbackOnly = loopbackOnly;
    }

    /// <summary>The Intercom REST API version the root face answers in when neither a request nor its app names one (v1 is served under /v1).</summary>
    public const string Version = Endpoints.V2.ApiVersions.DefaultName;

    /// <summary>The emulator's own version (the module's, which the build stamps), without the build's commit suffix.</summary>
    public static string ToolVersion { get; } =
        (typeof(IntercomEmulator).Assembly.GetCustomAttributes(typeof(System.Reflection.AssemblyInformationalVersionAttribute), false)
            is [System.Reflection.AssemblyInformationalVersionAttribute { InformationalVersion: var v }, ..] ? v : "0.0.0").Split('+')[0];

    /// <summary>The address really bound, as Kestrel reports it (http://0.0.0.0:PORT/ for all interfaces).</summary>
    public Uri ListenUri { get; }

    /// <summary>Whether only this machine can connect (the bound address is a loopback one).</summary>
    public bool LoopbackOnly { get; }

    /// <summary>http://HOST:PORT/ with the real port: the REST API 2.x face (and /admin).</summary>
    public Uri BaseUri { get; }

    /// <summary>http://HOST:PORT/_inspector/: the inspector's page, for a browser on this machine.</summary>
    public Uri InspectorUri => new(BaseUri, InspectorEndpoints.Root.TrimStart('/') + "/");

    /// <summary>http://HOST:PORT/v1/, where v1 clients point.</summary>
    public Uri ApiUri { get; }

    /// <summary>The accepted apps (app id to API key), besides the dummy app.</summary>
    public IReadOnlyDictionary<string, string> Apps => services.Apps.Apps;

    /// <summary>The live fault settings; change them at any time.</summary>
    public FaultOptions Faults => services.Faults;

    /// <summary>Starts an emulator. Bad options are an <see cref="ArgumentException"/> whose message, without a parameter name, is the CLI's error line.</summary>
    public static async Task<IntercomEmulator> StartAsync(EmulatorOptions options, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(options);
        var address = Resolve(options.Host);
        if (!IPAddress.IsLoopback(address) && string.IsNullOrEmpty(options.AdminToken))
        {
            throw new ArgumentException(
                $"--host {options.Host} ({address}) can be reached from other machines, and /admin can wipe and rewrite everything: "
                + "set an admin token (--admin-token or INTERCOM_EMULATOR_ADMIN_TOKEN), which /admin calls then send as 'Authorization: Bearer TOKEN'.");
        }

        var database = Open(options.DataPath);
        try
        {
            var apps = new AppRegistry(options.Apps);
            var services = new EmulatorServices(
                database, apps, options.Faults, options.DataPath is not null, options.AdminName, options.AdminEmail, Profiles(options, apps), options.IntercomRequestIds,
                options.Log is null ? null : System.IO.TextWriter.Synchronized(options.Log));
            var builder = WebApplication.CreateSlimBuilder(new WebApplicationOptions { Args = [], ContentRootPath = AppContext.BaseDirectory });

            // Quiet by default: tests and scripts host this in-process; the CLI prints its own single line.
            builder.Logging.ClearProviders();

            // Signals belong to the host process (Program handles them for the CLI), not to each emulator instance.
            builder.Services.AddSingleton<IHostLifetime, QuietLifetime>();
            builder.Services.Configure<HostOptions>(o => o.ShutdownTimeout = TimeSpan.FromSeconds(5));
            builder.WebHost.ConfigureKestrel(kestrel =>
            {
                kestrel.AddServerHeader = false;
                kestrel.Listen(address, options.Port);
            });

            var web = builder.Build();
            var apiHosts = IPAddress.IsLoopback(address) ? new ApiHostGuard(options.Host) : null;
            var inspector = new InspectorParts(new RequestLog(options.RequestLogSize), new Secrets([.. apps.Apps.Values, options.AdminToken]));
            Configure(web, services, new AdminGuard(options.AdminToken, options.Host), apiHosts, inspector);
            await web.StartAsync(cancellationToken).ConfigureAwait(false);

            var bound = new Uri(web.Services.GetRequiredService<Microsoft.AspNetCore.Hosting.Server.IServer>()
                .Features.Get<IServerAddressesFeature>()!.Addresses.First());
            var host = address.Equals(IPAddress.Any) ? "127.0.0.1" : address.Equals(IPAddress.IPv6Any) ? "[::1]" : bound.Host;
            return new IntercomEmulator(web, services, new Uri($"http://{host}:{bound.Port}/"), bound, IPAddress.IsLoopback(address));
        }
        catch
        {
            database.Dispose();
            throw;
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (Interlocked.Exchange(ref disposed, 1) != 0)
        {
            return;
        }

        try
        {
            await web.StopAsync().ConfigureAwait(false);
            await web.DisposeAsync().ConfigureAwait(false);
        }
        finally
        {
            services.Database.Dispose();
        }
    }

    public void Dispose() => DisposeAsync().AsTask().GetAwaiter().GetResult();

    private static void Configure(WebApplication web, EmulatorServices services, AdminGuard adminGuard, ApiHostGuard? apiHosts, InspectorParts inspector)
    {
        web.Use(new RequestRecorder(inspector.Log).InvokeAsync); // outermost: it logs the answer as sent, error answers included
        web.Use(ErrorMiddleware.InvokeAsync);
        web.Use((context, next) =>
        {
            // The spec's examples use /v1/users/ as well as /v1/users: both name the same resource.
            var path = context.Request.Path.Value;
            if (path is { Length: > 1 } && path.EndsWith('/'))
            {
                context.Request.Path = new PathString(path.TrimEnd('/') is { Length: > 0 } trimmed ? trimmed : "/");
            }

            return next(context);
        });
        web.Use(new ApiPipeline(services, apiHosts).InvokeAsync);
        web.UseWhen(context => context.Request.Path.StartsWithSegments("/admin"), admin => admin.Use(adminGuard.InvokeAsync));
        web.UseWhen(context => context.Request.Path.StartsWithSegments(InspectorEndpoints.Root), page => page.Use(new InspectorGuard(adminGuard).InvokeAsync));
        web.UseRouting();
        ApiRoutes.Map(web);
        var admin = new AdminEndpoints(services);
        admin.Map(web);
        new InspectorEndpoints(services, inspector.Log, inspector.Secrets, admin).Map(web);
    }

    /// <summary>What the inspector needs besides the services: its request log and the secrets it masks.</summary>
    private sealed record InspectorParts(RequestLog Log, Secrets Secrets);

    /// <summary>The apps' versions and time zones as the options set them; an app the emulator does not have is an error, not ignored.</summary>
    private static AppProfiles Profiles(EmulatorOptions options, AppRegistry apps)
    {
        var profiles = new AppProfiles();
        foreach (var app in options.AppVersions.Keys.Union(options.AppTimeZones.Keys))
        {
            if (!apps.IsKnown(app))
            {
                throw new ArgumentException($"--app-version/--app-timezone name app '{app}', which is not one of the emulator's apps ({string.Join(", ", apps.Apps.Keys)}).");
            }

            var profile = AppProfile.Default;
            if (options.AppVersions.TryGetValue(app, out var version))
            {
                profile = profile with { Version = AppProfiles.Version(version) };
            }

            if (options.AppTimeZones.TryGetValue(app, out var zone))
            {
                profile = profile with { TimeZoneName = zone, TimeZone = AppProfiles.TimeZone(zone) };
            }

            profiles.Set(app, profile);
        }

        return profiles;
    }

    /// <summary>The database, or an error that names the data file: the CLI prints its message as the whole "cannot start" line.</summary>
    private static Database Open(string? dataPath)
    {
        try
        {
            return new Database(dataPath);
        }
        catch (Exception e) when (dataPath is not null && e is System.IO.IOException or UnauthorizedAccessException or Microsoft.Data.Sqlite.SqliteException)
        {
            // SQLite and the file system name neither the file nor, for a directory in the way, the file at all.
            throw new System.IO.IOException($"Cannot keep data in '{dataPath}': {e.Message}", e);
        }
    }

    private static IPAddress Resolve(string host)
    {
        if (string.Equals(host, "localhost", StringComparison.OrdinalIgnoreCase))
        {
            return IPAddress.Loopback; // Kestrel cannot pick a free port for "localhost" (two sockets)
        }

        if (host is "*" or "+")
        {
            return IPAddress.Any;
        }

        if (IPAddress.TryParse(host, out var ip))
        {
            return ip;
        }

        try
        {
            return Dns.GetHostAddresses(host).FirstOrDefault() ?? throw new ArgumentException($"Cannot resolve host '{host}'.");
        }
        catch (System.Net.Sockets.SocketException e)
        {
            throw new ArgumentException($"Cannot resolve host '{host}': {e.Message}.", e);
        }
    }

    private sealed class QuietLifetime : IHostLifetime
    {
        public Task WaitForStartAsync(CancellationToken cancellationToken) => Task.CompletedTask;

        public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
    }
}
