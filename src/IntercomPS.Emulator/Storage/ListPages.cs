using System;
using System.Collections.Generic;

namespace IntercomPS.Emulator.Storage;

/// <summary>
/// Keyset paging for numbered pages. The v1 API asks for page N, and LIMIT/OFFSET would step over every row before
/// it, so page 200 would cost 200 times page 1. Instead one walk of the list's index (which also counts the list,
/// as total_count needs anyway) notes the last seq of every page; page N is then read with "seq > (end of page
/// N-1) LIMIT per_page", a seek. The boundaries are kept until the next committed write, which may move them.
/// </summary>
internal sealed class ListPages
{
    /// <summary>Lists remembered at once (an app, a tag filter and a page size each); a hostile mix only recomputes.</summary>
    private const int MaxLists = 32;

    private readonly object gate = new();
    private readonly Dictionary<(string App, long? Tag, int PerPage), Boundaries> lists = new();
    private long version;

    /// <summary>Forgets every list: called after each committed write.</summary>
    public void Invalidate()
    {
        lock (gate)
        {
            version++;
            lists.Clear();
        }
    }

    /// <summary>The list's boundaries, from memory or from <paramref name="walk"/> (the list's seqs in order).</summary>
    public Boundaries Get(string app, long? tag, int perPage, Func<IEnumerable<long>> walk)
    {
        var key = (app, tag, perPage);
        long seen;
        lock (gate)
        {
            if (lists.TryGetValue(key, out var known))
            {
                return known;
            }

            seen = version;
        }

        var boundaries = Boundaries.From(walk(), perPage);
        lock (gate)
        {
            // A write committed during the walk may have moved the boundaries: use them once, do not keep them.
            if (version == seen)
            {
                if (lists.Count >= MaxLists)
                {
                    lists.Clear();
                }

                lists[key] = boundaries;
            }
        }

        return boundaries;
    }
}

/// <summary>A list's size and, for each page, the seq its rows come after (0 for page 1).</summary>
internal sealed class Boundaries(long total, long[] starts)
{
    public long Total { get; } = total;

    /// <summary>The seq page <paramref name="page"/> starts after, or null past the last page.</summary>
    public long? After(int page) => page <= starts.Length ? starts[page - 1] : null;

    public static Boundaries From(IEnumerable<long> seqs, int perPage)
    {
        var starts = new List<long> { 0 };
        long total = 0;
        foreach (var seq in seqs)
        {
            if (++total % perPage == 0)
            {
                starts.Add(seq);
            }
        }

        if (total % perPage == 0 && starts.Count > 1)
        {
            starts.RemoveAt(starts.Count - 1); // the last full page has no page after it
        }

        return new Boundaries(total, [.. starts]);
    }
}
