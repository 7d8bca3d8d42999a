using System;
using System.Collections.Concurrent;

namespace IntercomPS.Emulator.Faults;

/// <summary>
/// Fixed-window request counting per app. Windows are aligned to the UNIX epoch, so X-RateLimit-Reset is simply
/// the end of the current window.
/// </summary>
internal sealed class RateLimiter
{
    /// <summary>Reported (not enforced) when no limit is configured, so clients always see the three headers.</summary>
    public const int NominalLimit = 100_000;

    private readonly ConcurrentDictionary<string, Window> windows = new(StringComparer.Ordinal);

    /// <summary>Counts a request; the result says whether it is within the limit and what the headers say.</summary>
    public RateDecision Hit(string app, int limit, int windowSeconds)
    {
        var window = windows.GetOrAdd(app, _ => new Window());
        long now, start, used;
        lock (window)
        {
            // The clock is read under the lock: read before it, a request that waited for the lock across a window's
            // edge would find the next window open and start its own, older one again, losing the next one's count.
            now = DateTimeOffset.UtcNow.ToUnixTimeMilliseconds();
            start = now / 1000 / windowSeconds * windowSeconds;
            if (window.Start != start || window.Length != windowSeconds)
            {
                (window.Start, window.Length, window.Count) = (start, windowSeconds, 0);
            }

            used = ++window.Count;
        }

        var enforced = limit > 0;
        var reported = enforced ? limit : NominalLimit;
        var reset = start + windowSeconds;
        var retryAfter = (int)Math.Max(1, Math.Ceiling((reset * 1000 - now) / 1000.0));
        return new RateDecision(!enforced || used <= limit, reported, (int)Math.Max(0, reported - used), reset, retryAfter);
    }

    public void Reset(string? app)
    {
        if (app is null)
        {
            windows.Clear();
        }
        else
        {
            windows.TryRemove(app, out _);
        }
    }

    private sealed class Window
    {
        public long Start;
        public int Length;
        public long Count;
    }
}

internal readonly record struct RateDecision(bool Allowed, int Limit, int Remaining, long ResetUnixSeconds, int RetryAfterSeconds);
