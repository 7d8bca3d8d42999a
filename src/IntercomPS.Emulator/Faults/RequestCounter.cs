using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Linq;
using System.Threading;

namespace IntercomPS.Emulator.Faults;

/// <summary>Counts /v1 requests per app and route ("PUT /v1/tags") since the last reset, for /admin/requests.</summary>
internal sealed class RequestCounter
{
    private readonly ConcurrentDictionary<(string App, string Route), StrongBox> counts = new();

    public void Count(string app, string method, string path)
    {
        var box = counts.GetOrAdd((app, method + " " + path.ToLowerInvariant()), _ => new StrongBox());
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
