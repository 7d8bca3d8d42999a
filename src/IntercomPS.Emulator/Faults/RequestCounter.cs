using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Linq;
using System.Threading;

namespace IntercomPS.Emulator.Faults;

/// <summary>
/// Counts API requests per app and route ("PUT /v1/tags", "GET /contacts/{contact_id}") since the last reset, for /admin/requests. Memory stays
/// bounded whatever arrives: only the emulator's apps and routes get their own counter; every other app id (or no
/// credentials) counts as <see cref="OtherApp"/> and every other path as <see cref="OtherRoute"/>.
/// </summary>
internal sealed class RequestCounter
{
    public const string OtherApp = "";
    public const string OtherRoute = "other";

    private readonly ConcurrentDictionary<(string App, string Route), StrongBox> counts = new();

    /// <param name="app">The app the request claimed if it is one the emulator knows, else <see cref="OtherApp"/>.</param>
    /// <param name="route">The route (see ApiRoutes.RouteOf), or null for any other path.</param>
    public void Count(string app, string? route)
    {
        var box = counts.GetOrAdd((app, route ?? OtherRoute), _ => new StrongBox());
        Interlocked.Increment(ref box.Value);
    }

    /// <summary>Totals for one app, or for all apps when <paramref name="app"/> is null.</summary>
    public (long Total, SortedDictionary<string, long> ByRoute) Snapshot(string? app)
    {
        var byRoute = new SortedDictionary<string, long>(System.StringComparer.Ordinal);
        foreach (var ((countedApp, route), box) in counts.Where(c => app is null || c.Key.App == app))
        {
            byRoute[route] = byRoute.GetValueOrDefault(route) + Interlocked.Read(ref box.Value);
        }

        return (byRoute.Values.Sum(), byRoute);
    }

    public void Reset(string? app)
    {
        foreach (var key in counts.Keys.Where(k => app is null || k.App == app))
        {
            counts.TryRemove(key, out _);
        }
    }

    private sealed class StrongBox
    {
        public long Value;
    }
}
