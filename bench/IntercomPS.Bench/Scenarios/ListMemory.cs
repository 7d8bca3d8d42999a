using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;

namespace IntercomPS.Bench.Scenarios
{
    /// <summary>
    /// Peak memory growth while listing 100,000 users through the hosted engine. A module that buffers pages (or a
    /// prefetch that runs ahead unboundedly) grows with the user count; one that streams stays flat.
    /// </summary>
    public sealed class ListMemory : IScenario
    {
        private const long TargetBytes = 64L * 1024 * 1024;

        public string Key => "memory";

        public string Description => "list users: peak working-set and managed-heap growth";

        public async Task<IReadOnlyList<Row>> RunAsync(BenchContext context)
        {
            var users = context.Size(100_000, 20_000);
            await context.Emulator.ResetAndSeedAsync(users);
            await context.Engine.RunAsync("Get-IntercomUser -First 1000 | ForEach-Object { }"); // code paths loaded and jitted before the baseline

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
            var clock = Stopwatch.StartNew();
            int listed;
            using (new Timer(_ => { lock (process) Sample(); }, null, 0, 10))
            {
                listed = (int)(await context.Engine.RunAsync("$n = 0; Get-IntercomUser | ForEach-Object { $n++ }; $n")).Single().BaseObject;
            }
            lock (process) Sample();
            clock.Stop();
            if (listed != users) throw new InvalidOperationException($"Listed {listed} of {users} users.");

            var name = $"4. list {users:N0} users ({Row.Seconds(clock.Elapsed)}): peak growth";
            var workingSet = peakWorkingSet - baseWorkingSet;
            var managed = Math.Max(peakManaged - baseManaged, peakHeap - baseHeap);
            return new[]
            {
                new Row(name + " of working set", Row.Megabytes(workingSet), Row.Megabytes(baseWorkingSet) + " before", "-", "< 64 MB", workingSet < TargetBytes),
                new Row(name + " of managed heap", Row.Megabytes(managed), Row.Megabytes(baseManaged) + " before", "-", "< 64 MB", managed < TargetBytes),
            };
        }
    }
}
