using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;

namespace IntercomPS.Bench.Scenarios
{
    /// <summary>
    /// Peak memory growth while listing 100,000 users through the hosted engine, and the time for 100,000 against the
    /// first 10,000 of them. A module that buffers pages (or a prefetch that runs ahead unboundedly) grows with the
    /// user count; one that streams stays flat. An emulator whose pages cost more the deeper they are (OFFSET
    /// paging) makes the time grow faster than the count.
    /// </summary>
    public sealed class ListMemory : IScenario
    {
        private const long TargetBytes = 20L * 1024 * 1024;
        private const double TargetScaling = 11;

        public string Key => "memory";

        public string Description => "list 100,000 users: peak working-set and managed-heap growth; time against 10,000";

        public async Task<IReadOnlyList<Row>> RunAsync(BenchContext context)
        {
            var users = context.Size(100_000, 20_000);
            await context.Emulator.ResetAndSeedAsync(users);
            await context.Engine.RunAsync("Get-IntercomUser -First 1000 | ForEach-Object { }"); // code paths loaded and jitted before the baseline

            // The peak of one run depends on where the GC's collections fall, so the growth is the median of the runs.
            var runs = new List<(long WorkingSet, long Managed, long Allocated, TimeSpan Time)>();
            for (var run = 0; run < context.Runs; run++) runs.Add(await MeasureAsync(context.Engine, "Get-IntercomUser", users));
            long MedianOf(Func<(long WorkingSet, long Managed, long Allocated, TimeSpan Time), long> value) =>
                runs.Select(value).OrderBy(bytes => bytes).ElementAt(runs.Count / 2);
            var workingSet = MedianOf(run => run.WorkingSet);
            var managed = MedianOf(run => run.Managed);
            var allocated = MedianOf(run => run.Allocated);
            var listTime = Median.Middle(runs.Select(run => run.Time).ToArray());

            // The first tenth through -First (the same pages a 10,000-user app would serve), interleaved with the whole list.
            // The tenth takes a tenth of a second, where a few milliseconds of GC or a busy spell move the ratio by a
            // fifth: so the median of 9, not 3 (two consecutive full runs gave 6.57x and 9.81x with 3).
            var tenth = users / 10;
            var scalingRuns = context.Size(9, 1);
            var times = await Median.InterleavedAsync(scalingRuns,
                () => context.Engine.TimeAsync("Get-IntercomUser | ForEach-Object { }"),
                () => context.Engine.TimeAsync($"Get-IntercomUser -First {tenth} | ForEach-Object {{ }}"));
            var scaling = times[0] / times[1];

            var name = $"4. list {users:N0} users ({Row.Seconds(listTime)}), median of {runs.Count} runs: peak growth";
            return new[]
            {
                new Row(name + " of working set", Row.Megabytes(workingSet), string.Join(" / ", runs.Select(run => Row.Megabytes(run.WorkingSet))), "-", "< 20 MiB", workingSet < TargetBytes),
                new Row(name + " of managed heap", Row.Megabytes(managed), string.Join(" / ", runs.Select(run => Row.Megabytes(run.Managed))), "-", "< 20 MiB", managed < TargetBytes),
                new Row("4. diagnosis: allocated by this process per user listed (garbage the GC must collect)", Row.Number(allocated / (double)users, "N0") + " bytes",
                    Row.Megabytes(allocated) + " in all", "-", "-", null),
                new Row($"4. list {users:N0} users vs the first {tenth:N0}, no latency, median of {scalingRuns}", Row.Seconds(times[0]), Row.Seconds(times[1]) + $" for {tenth:N0}",
                    Row.Times(scaling), $"<= {TargetScaling:0}x", scaling <= TargetScaling),
            };
        }

        /// <summary>
        /// One listing of every user (<paramref name="listing"/>, a command that outputs them) from a collected heap: peak
        /// growth of working set and managed heap (sampled every 10 ms), bytes allocated, time.
        /// </summary>
        internal static async Task<(long WorkingSet, long Managed, long Allocated, TimeSpan Time)> MeasureAsync(Engine engine, string listing, int users)
        {
            GC.Collect();
            GC.WaitForPendingFinalizers();
            GC.Collect();
            using var process = Process.GetCurrentProcess();
            process.Refresh();
            var baseWorkingSet = process.WorkingSet64;
            var baseManaged = GC.GetTotalMemory(false);
            var baseHeap = GC.GetGCMemoryInfo().HeapSizeBytes;

            long peakWorkingSet = baseWorkingSet, peakManaged = baseManaged, peakHeap = baseHeap;
            void Sample()
            {
                process.Refresh();
                peakWorkingSet = Math.Max(peakWorkingSet, process.WorkingSet64);
                peakManaged = Math.Max(peakManaged, GC.GetTotalMemory(false));
                peakHeap = Math.Max(peakHeap, GC.GetGCMemoryInfo().HeapSizeBytes);
            }
            var allocatedBefore = GC.GetTotalAllocatedBytes(precise: true);
            var clock = Stopwatch.StartNew();
            int listed;
            using (new Timer(_ => { lock (process) Sample(); }, null, 0, 10))
            {
                listed = (int)(await engine.RunAsync($"$n = 0; {listing} | ForEach-Object {{ $n++ }}; $n")).Single().BaseObject;
            }
            lock (process) Sample();
            clock.Stop();
            var allocated = GC.GetTotalAllocatedBytes(precise: true) - allocatedBefore;
            if (listed != users) throw new InvalidOperationException($"Listed {listed} of {users} users.");
            return (peakWorkingSet - baseWorkingSet, Math.Max(peakManaged - baseManaged, peakHeap - baseHeap), allocated, clock.Elapsed);
        }
    }
}
