using System;
using System.Diagnostics;
using System.Linq;
using System.Threading.Tasks;

namespace IntercomPS.Bench
{
    /// <summary>
    /// What one run cost this process: wall clock, CPU time (every thread) and bytes allocated. On a shared machine the
    /// CPU time and the allocations are the steadier numbers: another process's busy spell stretches the clock, not the
    /// work done here. The emulator is another process, so its work is not counted.
    /// </summary>
    public readonly record struct Cost(TimeSpan Wall, TimeSpan Cpu, long Allocated)
    {
        public static async Task<Cost> OfAsync(Func<Task> run)
        {
            using var process = Process.GetCurrentProcess();
            var cpu = process.TotalProcessorTime;
            var allocated = GC.GetTotalAllocatedBytes(precise: true);
            var clock = Stopwatch.StartNew();
            await run();
            clock.Stop();
            process.Refresh();
            return new Cost(clock.Elapsed, process.TotalProcessorTime - cpu, GC.GetTotalAllocatedBytes(precise: true) - allocated);
        }

        /// <summary>The median of each measure on its own.</summary>
        public static Cost Median(Cost[] costs) => new Cost(
            IntercomPS.Bench.Median.Middle(costs.Select(cost => cost.Wall).ToArray()),
            IntercomPS.Bench.Median.Middle(costs.Select(cost => cost.Cpu).ToArray()),
            costs.Select(cost => cost.Allocated).OrderBy(bytes => bytes).ElementAt(costs.Length / 2));

        /// <summary>Peers measured side by side, as <see cref="Median.InterleavedAsync"/> does, each cost's median in peer order.</summary>
        public static async Task<Cost[]> InterleavedAsync(int runs, params Func<Task>[] peers)
        {
            var costs = new Cost[peers.Length][];
            for (var p = 0; p < peers.Length; p++) costs[p] = new Cost[runs];
            for (var i = 0; i < runs; i++)
                for (var p = 0; p < peers.Length; p++) costs[p][i] = await OfAsync(peers[p]);
            return Array.ConvertAll(costs, Median);
        }
    }
}
