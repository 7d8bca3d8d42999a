using System;
using System.Collections.Generic;

namespace IntercomPS.Emulator.Storage;

/// <summary>
/// Keyset paging for numbered pages. The v1 API asks for page N, and LIMIT/OFFSET would step over every row before
/// it, so page 200 would cost 200 times page 1. Instead one walk of the list's index (which also counts the list,
/// as total_count needs anyway) notes the last seq of every page; page N is then read with "seq > (end of page
/// N-1) LIMIT per_page", a seek. These are the list's size and, for each page, the seq its rows come after (0 for
/// page 1), kept until the next committed write (<see cref="Database.Pages"/>).
/// </summary>
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
