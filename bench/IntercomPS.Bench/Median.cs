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

        /// <summary>The median of times already taken (when two runs are interleaved so drift hits both alike).</summary>
        public static TimeSpan Middle(TimeSpan[] times)
        {
            times = (TimeSpan[])times.Clone();
            Array.Sort(times);
            return times[times.Length / 2];
        }
    }
}
