using System;
using System.Collections.Generic;
using System.Linq;
using System.Net.Http;
using System.Text;
using System.Threading.Tasks;

namespace IntercomPS.Bench.Scenarios
{
    /// <summary>
    /// Listing users on REST API 2.14 at 50 ms a request, 20,000 contacts, twice: all created in one second (a bulk
    /// import, as the seed makes them: every partition's head ties on created_at) and created over months (each
    /// contact's signed_up_at spread over a year). The module (the first page, then 16 id partitions side by side,
    /// merged) against the official Node SDK's pager and the raw HttpClient cursor walk, both one page after another,
    /// and against its latency floor: (pages / 16 partitions) round trips. Diagnosis: CPU time of this process per page,
    /// the module with no script block per user against the raw walk at no latency (what the module adds to reading a
    /// page), and the emulator's.
    /// </summary>
    public sealed class V2Listing : IScenario
    {
        private const int LatencyMs = 50;
        private const int Partitions = 16;
        private const double FasterTarget = 4;
        private const double FloorTarget = 2;

        public string Key => "v2list";

        public string Description => "2.14: list 20,000 users at 50 ms, created in one second and over months: module vs the SDK pager, the raw cursor walk and the floor";

        public async Task<IReadOnlyList<Row>> RunAsync(BenchContext context)
        {
            var emulator = context.Emulator;
            var engine = context.Engine;
            var users = context.Size(20_000, 5_000);
            var root = TwoFourteen.Root(emulator);
            await TwoFourteen.ConnectAsync(engine, emulator);
            using var http = TwoFourteen.CreateClient(emulator);
            var rows = new List<Row>();
            try
            {
                await emulator.ResetAndSeedAsync(users);
                await ModuleListAsync(engine, users); // warm the cmdlet's code paths and the emulator's queries
                rows.AddRange(await DiagnosisAsync(context, http, users));
                rows.AddRange(await MeasureAsync(context, http, root, users, "created in one second"));

                await SpreadOverAYearAsync(http, await TwoFourteen.ContactIdsAsync(http, users));
                rows.AddRange(await MeasureAsync(context, http, root, users, "created over months"));
            }
            finally
            {
                await emulator.SetLatencyAsync(0);
                await engine.RunAsync("Disconnect-Intercom -Session $v2");
            }
            return rows;
        }

        private static async Task<IEnumerable<Row>> MeasureAsync(BenchContext context, HttpClient http, Uri root, int users, string shape)
        {
            await context.Emulator.SetLatencyAsync(LatencyMs);
            try
            {
                var times = await Median.InterleavedAsync(context.Runs,
                    () => Median.TimeAsync(() => ModuleListAsync(context.Engine, users)),
                    () => SdkAsync(root, users),
                    () => Median.TimeAsync(() => TwoFourteen.CursorWalkAsync(http, users)));
                var (module, sdk, raw) = (times[0], times[1], times[2]);
                var pages = (users + TwoFourteen.PerPage - 1) / TwoFourteen.PerPage;
                var trips = (pages + Partitions - 1) / Partitions;
                var floor = TimeSpan.FromMilliseconds(trips * LatencyMs);
                var name = $"2. 2.14: list {users:N0} users {shape}, {LatencyMs} ms";
                return new[]
                {
                    new Row(name + ": module vs the SDK's pager", Row.Seconds(module), Row.Seconds(sdk) + $" SDK ({NodeSdk.Package}, {pages} pages in a row)",
                        Row.Times(sdk / module) + " faster", $">= {FasterTarget:0}x", sdk / module >= FasterTarget),
                    new Row(name + ": module vs raw HttpClient cursor walk", Row.Seconds(module), Row.Seconds(raw) + " raw walk",
                        Row.Times(raw / module) + " faster", $">= {FasterTarget:0}x", raw / module >= FasterTarget),
                    new Row(name + ": module vs its latency floor", Row.Seconds(module), Row.Seconds(floor) + $" floor ({pages} pages / {Partitions} partitions = {trips} round trips)",
                        Row.Times(module / floor) + " of floor", $"<= {FloorTarget:0}x", module / floor <= FloorTarget),
                };
            }
            finally
            {
                await context.Emulator.SetLatencyAsync(0);
            }
        }

        /// <summary>At no latency: this process's CPU per page, module against the raw walk, and the emulator's.</summary>
        private static async Task<IEnumerable<Row>> DiagnosisAsync(BenchContext context, HttpClient http, int users)
        {
            var emulator = context.Emulator;
            var pages = (users + TwoFourteen.PerPage - 1) / TwoFourteen.PerPage;
            TimeSpan moduleServer = default, rawServer = default;
            var costs = await Cost.InterleavedAsync(context.Runs,
                async () =>
                {
                    // The module's own cost: the users collected, no script block run for each.
                    var before = emulator.CpuTime;
                    var listed = (int)(await context.Engine.RunAsync("(Get-IntercomUser -Session $v2).Count")).Single().BaseObject;
                    moduleServer = emulator.CpuTime - before;
                    if (listed != users) throw new InvalidOperationException($"The module listed {listed} of {users} contacts.");
                },
                async () =>
                {
                    var before = emulator.CpuTime;
                    await TwoFourteen.CursorWalkAsync(http, users);
                    rawServer = emulator.CpuTime - before;
                });
            var (module, raw) = (costs[0], costs[1]);
            string PerPage(Cost cost, TimeSpan server) => $"{Row.Millis2(cost.Cpu / pages)} CPU, {cost.Allocated / pages / 1024:N0} KiB; emulator {Row.Millis2(server / pages)} CPU";
            return new[]
            {
                new Row($"2. 2.14: list {users:N0} users, no latency: diagnosis: per page, this process ((Get-IntercomUser).Count, 16 partitions merged, vs raw walk)",
                    PerPage(module, moduleServer), PerPage(raw, rawServer), Row.Times(module.Cpu / raw.Cpu) + " CPU", "-", null),
                new Row($"2. 2.14: list {users:N0} users, no latency: module vs raw cursor walk", Row.Seconds(module.Wall), Row.Seconds(raw.Wall) + " raw walk",
                    Row.Times(raw.Wall / module.Wall) + " faster", "-", null),
            };
        }

        private static async Task ModuleListAsync(Engine engine, int users)
        {
            var listed = (int)(await engine.RunAsync("$n = 0; Get-IntercomUser -Session $v2 | ForEach-Object { $n++ }; $n")).Single().BaseObject;
            if (listed != users) throw new InvalidOperationException($"The module listed {listed} of {users} contacts.");
        }

        private static async Task<TimeSpan> SdkAsync(Uri root, int users)
        {
            var (time, count) = await NodeSdk.TimeAsync(root, TwoFourteen.SdkPager);
            if (count != users) throw new InvalidOperationException($"The SDK's pager listed {count} of {users} contacts.");
            return time;
        }

        /// <summary>Each contact's signed_up_at (its created_at) set to a different moment of the year before: 16 in flight, no latency.</summary>
        private static async Task SpreadOverAYearAsync(HttpClient http, List<string> ids)
        {
            var start = DateTimeOffset.UtcNow.AddYears(-1).ToUnixTimeSeconds();
            var random = new Random(27);
            var dates = ids.Select(_ => start + random.Next(365 * 24 * 3600)).ToArray();
            await Parallel.ForEachAsync(Enumerable.Range(0, ids.Count), new ParallelOptions { MaxDegreeOfParallelism = 16 }, async (i, _) =>
            {
                using var answer = await http.PutAsync("contacts/" + ids[i], new StringContent($"{{\"signed_up_at\":{dates[i]}}}", Encoding.UTF8, "application/json"));
                answer.EnsureSuccessStatusCode();
            });
        }
    }
}
