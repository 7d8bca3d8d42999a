using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading.Tasks;

namespace IntercomPS.Bench.Scenarios
{
    /// <summary>
    /// Listing 100,000 users on REST API 2.14 with no latency, where the CPU of the module, the emulator and the SDK on
    /// the same two cores is all there is: the module against the official Node SDK's pager (one page after another),
    /// and the module's peak memory growth (working set and managed heap, each the median of the runs) while it lists.
    /// </summary>
    public sealed class V2Memory : IScenario
    {
        private const long TargetBytes = 20L * 1024 * 1024;

        public string Key => "v2memory";

        public string Description => "2.14: list 100,000 users, no latency: module vs the SDK pager; peak memory growth";

        public async Task<IReadOnlyList<Row>> RunAsync(BenchContext context)
        {
            var emulator = context.Emulator;
            var engine = context.Engine;
            var users = context.Size(100_000, 20_000);
            var root = TwoFourteen.Root(emulator);
            await TwoFourteen.ConnectAsync(engine, emulator);
            try
            {
                await emulator.ResetAndSeedAsync(users);
                await engine.RunAsync("Get-IntercomUser -Session $v2 -First 1000 | ForEach-Object { }"); // code paths loaded and jitted before the baseline

                var runs = new List<(long WorkingSet, long Managed, long Allocated, TimeSpan Time)>();
                var sdkTimes = new List<TimeSpan>();
                for (var run = 0; run < context.Runs; run++)
                {
                    runs.Add(await ListMemory.MeasureAsync(engine, "Get-IntercomUser -Session $v2", users));
                    var (time, count) = await NodeSdk.TimeAsync(root, TwoFourteen.SdkPager);
                    if (count != users) throw new InvalidOperationException($"The SDK's pager listed {count} of {users} contacts.");
                    sdkTimes.Add(time);
                }
                long MedianOf(Func<(long WorkingSet, long Managed, long Allocated, TimeSpan Time), long> value) =>
                    runs.Select(value).OrderBy(bytes => bytes).ElementAt(runs.Count / 2);
                var (workingSet, managed, allocated) = (MedianOf(run => run.WorkingSet), MedianOf(run => run.Managed), MedianOf(run => run.Allocated));
                var module = Median.Middle(runs.Select(run => run.Time).ToArray());
                var sdk = Median.Middle(sdkTimes.ToArray());

                var name = $"3. 2.14: list {users:N0} users, no latency";
                return new[]
                {
                    new Row(name + ": module vs the SDK's pager", Row.Seconds(module), Row.Seconds(sdk) + $" SDK ({NodeSdk.Package})",
                        Row.Times(module / sdk) + " of the SDK's time", "<= 1.00x", module <= sdk),
                    new Row(name + $", median of {runs.Count} runs: peak growth of working set", Row.Megabytes(workingSet),
                        string.Join(" / ", runs.Select(run => Row.Megabytes(run.WorkingSet))), "-", "< 20 MiB", workingSet < TargetBytes),
                    new Row(name + $", median of {runs.Count} runs: peak growth of managed heap", Row.Megabytes(managed),
                        string.Join(" / ", runs.Select(run => Row.Megabytes(run.Managed))), "-", "< 20 MiB", managed < TargetBytes),
                    new Row(name + ": diagnosis: allocated by this process per user listed", Row.Number(allocated / (double)users, "N0") + " bytes",
                        Row.Megabytes(allocated) + " in all", "-", "-", null),
                };
            }
            finally
            {
                await engine.RunAsync("Disconnect-Intercom -Session $v2");
            }
        }
    }
}
