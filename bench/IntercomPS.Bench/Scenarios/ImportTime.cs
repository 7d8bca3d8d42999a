using System;
using System.Collections.Generic;
using System.Threading.Tasks;

namespace IntercomPS.Bench.Scenarios
{
    /// <summary>
    /// What `Import-Module IntercomPS` adds to a script's start in real pwsh: `pwsh -NoProfile -Command
    /// "Import-Module ..."` against the same pwsh with nothing to do, whole processes, interleaved. Every scheduled
    /// script pays it.
    /// </summary>
    public sealed class ImportTime : IScenario
    {
        private const double TargetMs = 150;

        public string Key => "import";

        public string Description => "pwsh start with Import-Module IntercomPS vs bare pwsh start (child processes)";

        /// <summary>
        /// Times the second of two starts of the same command. pwsh records a startup JIT profile
        /// (~/.cache/powershell/StartupProfileData-NonInteractive) that the next start replays in the background, so
        /// interleaved peers each replayed the profile of the one before: in the results' runs 3 and 4 the import
        /// followed by Get-Command, which does more, started 89-127 ms faster than the import alone, which followed a
        /// bare start. A scheduled script's start follows its own yesterday's start, so each peer replays its own.
        /// </summary>
        private static async Task<TimeSpan> SecondStartAsync(string command)
        {
            await Pwsh.RunAsync(command);
            return (await Pwsh.RunAsync(command)).Wall;
        }

        public async Task<IReadOnlyList<Row>> RunAsync(BenchContext context)
        {
            var import = $"Import-Module {Pwsh.Quote(context.Engine.ModulePath)}";
            await Pwsh.RunAsync(import); // the first start warms the disk cache for both
            var runs = context.Size(9, 1);
            var times = await Median.InterleavedAsync(runs,
                () => SecondStartAsync("$null"),
                () => SecondStartAsync(import),
                () => SecondStartAsync(import + "; $null = Get-Command Get-IntercomUser"));
            var (bare, imported, withCommand) = (times[0], times[1], times[2]);
            var added = imported - bare;
            return new[]
            {
                new Row($"5. pwsh -NoProfile with Import-Module IntercomPS (median of {runs})", Row.Millis(imported), Row.Millis(bare) + " bare pwsh",
                    Row.SignedMillis(added), $"<= +{TargetMs:0} ms", added.TotalMilliseconds <= TargetMs),
                new Row("5. diagnosis: the same, then Get-Command Get-IntercomUser", Row.Millis(withCommand), Row.Millis(bare) + " bare pwsh",
                    Row.SignedMillis(withCommand - bare), "-", null),
            };
        }
    }
}
