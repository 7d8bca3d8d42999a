using System;
using System.Collections.Generic;

namespace IntercomPS.Emulator.Storage;

/// <summary>
/// Values worked out from the data (where list pages start, how many rows a search matches), kept until the next
/// committed write, which may change them. Holds at most a few entries: a flood of distinct keys only recomputes.
/// </summary>
internal sealed class UntilNextWrite<TKey, TValue>(int capacity)
    where TKey : notnull
{
    private readonly object gate = new();
    private readonly Dictionary<TKey, TValue> values = new();
    private long version;

    /// <summary>Forgets every value: called after each committed write.</summary>
    public void Invalidate()
    {
        lock (gate)
        {
            version++;
            values.Clear();
        }
    }

    /// <summary>The value for <paramref name="key"/>, from memory or from <paramref name="compute"/>.</summary>
    public TValue Get(TKey key, Func<TValue> compute)
    {
        long seen;
        lock (gate)
        {
            if (values.TryGetValue(key, out var known))
            {
                return known;
            }

            seen = version;
        }

        var value = compute();
        lock (gate)
        {
            // A write committed while computing may have changed the value: answer with it once, do not keep it.
            if (version == seen)
            {
                if (values.Count >= capacity)
                {
                    values.Clear();
                }

                values[key] = value;
            }
        }

        return value;
    }
}
