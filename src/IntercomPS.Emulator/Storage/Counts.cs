using System;
using System.Collections.Generic;

namespace IntercomPS.Emulator.Storage;

/// <summary>
/// Counts of 2.14 lists and searches (their total_count), kept until the next committed write, so a walk of a long
/// search counts its matches once and every later page only seeks. Keys name the app, the filter and its values.
/// </summary>
internal sealed class Counts
{
    /// <summary>Counts remembered at once; a flood of distinct searches only recounts.</summary>
    private const int MaxCounts = 256;

    private readonly object gate = new();
    private readonly Dictionary<string, long> counts = new(StringComparer.Ordinal);
    private long version;

    /// <summary>Forgets every count: called after each committed write.</summary>
    public void Invalidate()
    {
        lock (gate)
        {
            version++;
            counts.Clear();
        }
    }

    /// <summary>The count for <paramref name="key"/>, from memory or from <paramref name="count"/>.</summary>
    public long Get(string key, Func<long> count)
    {
        long seen;
        lock (gate)
        {
            if (counts.TryGetValue(key, out var known))
            {
                return known;
            }

            seen = version;
        }

        var total = count();
        lock (gate)
        {
            // A write committed while counting may have changed the count: answer with it once, do not keep it.
            if (version == seen)
            {
                if (counts.Count >= MaxCounts)
                {
                    counts.Clear();
                }

                counts[key] = total;
            }
        }

        return total;
    }
}
