using System;
using System.Diagnostics;
using System.Threading.Tasks;

namespace IntercomPS.Bench
{
    /// <summary>
    /// The median of a few timed runs: on a shared 2-core machine one run can be off by 50%, and the median ignores
    /// the one that was.
    /// </summary>
    public static class Median
    {
        public static async Task<TimeSpan> OfAsync(int runs, Func<Task> run)
        {
            var times = new TimeSpan[runs];
            for (var i = 0; i < runs; i++)
            {
                var clock = Stopwatch.StartNew();
                await run();
                times[i] = clock.Elapsed;
            }
            return Middle(times);
        }

        /// <summary>
        /// Peers measured side by side: run i of every peer before run i + 1 of any, so a slow spell of this shared
        /// machine hits them alike. Each peer returns the time it measured; the medians come back in peer order.
        /// </summary>
        public static async Task<TimeSpan[]> InterleavedAsync(int runs, params Func<Task<TimeSpan>>[] peers)
        {
            var times = new TimeSpan[peers.Length][];
            for (var p = 0; p < peers.Length; p++) times[p] = new TimeSpan[runs];
            for (var i = 0; i < runs; i++)
                for (var p = 0; p < peers.Length; p++) times[p][i] = await peers[p]();
            return Array.ConvertAll(times, Middle);
        }

        /// <summary>Times one run of <paramref name="run"/>.</summary>
        public static async Task<TimeSpan> TimeAsync(Func<Task> run)
        {
            var clock = Stopwatch.StartNew();
            await run();
            return clock.Elapsed;
        }

        /// <summary>The median of times already taken (when two runs are interleaved so drift hits both alike).</summary>
        public static TimeSpan Middle(TimeSpan[] times)
        {
            times = (TimeSpan[])times.Clone();
            Array.Sort(times);
            return times[times.Length / 2];
        }
    }
}
