using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading.Tasks;

namespace IntercomPS.Bench.Scenarios
{
    /// <summary>
    /// A sync under a steady rate limit: 3,000 updates by contact id on REST API 2.14 at 50 ms, 16 in flight, while the
    /// emulator allows the app 500 requests a 10-second window (fixed windows from the epoch, honest headers), the
    /// module against the official Node SDK (its default retry of a 429, 16 calls in flight). Each run starts just after
    /// a window begins, so its floor is the same: every full window but the last waited out, then the last window's
    /// share at 16 in flight. The 429s each answered are what the emulator counted beyond the 3,000 writes.
    /// </summary>
    public sealed class RateLimitedSync : IScenario
    {
        private const int LatencyMs = 50;
        private const int ThrottleLimit = 16;
        private const int PerWindow = 500;
        private const int WindowSeconds = 10;
        private const double Target = 1.1;

        public string Key => "ratelimit";

        public string Description => "2.14: 3,000 updates by id at 50 ms, 16 in flight, under 500 requests per 10 s: module vs floor and the SDK, 429s counted";

        public async Task<IReadOnlyList<Row>> RunAsync(BenchContext context)
        {
            var emulator = context.Emulator;
            var engine = context.Engine;
            var updates = context.Size(3_000, 1_000);
            var root = TwoFourteen.Root(emulator);
            await TwoFourteen.ConnectAsync(engine, emulator);
            using var http = TwoFourteen.CreateClient(emulator);
            var refused = new List<int>[] { new(), new() };
            try
            {
                await emulator.ResetAndSeedAsync(updates);
                var ids = await TwoFourteen.ContactIdsAsync(http, updates);
                engine.SetVariable("ids", ids.ToArray());
                await engine.RunAsync("$rows = $ids | ForEach-Object { [pscustomobject]@{ id = $_; name = 'Synced' } }");
                var sdk = TwoFourteen.SdkPool("[" + string.Join(",", ids.Select(id => $"\"{id}\"")) + "]", ThrottleLimit,
                    "async id => { await client.contacts.update({ contact_id: id, name: \"Synced\" }); }");

                async Task<TimeSpan> Limited(int peer, Func<Task<(TimeSpan Time, long Count)>> sync)
                {
                    await emulator.Admin.SetFaultsAsync(new { latency_ms = LatencyMs, rate_limit = PerWindow, rate_window_seconds = WindowSeconds });
                    await StartOfAWindowAsync();
                    var before = await emulator.RequestCountAsync();
                    var (time, count) = await sync();
                    if (count != updates) throw new InvalidOperationException($"ratelimit: {count} of {updates} updates were made.");
                    refused[peer].Add(await emulator.RequestCountAsync() - before - updates);
                    await emulator.Admin.ClearFaultsAsync();
                    return time;
                }

                var times = await Median.InterleavedAsync(context.Runs,
                    () => Limited(0, async () =>
                    {
                        var clock = System.Diagnostics.Stopwatch.StartNew();
                        await engine.RunAsync("$rows | Set-IntercomUser -Session $v2 -ThrottleLimit " + ThrottleLimit);
                        return (clock.Elapsed, updates);
                    }),
                    () => Limited(1, () => NodeSdk.TimeAsync(root, sdk)));

                // Every window but the last is spent and waited out; the last one's share goes 16 at a time.
                var windows = (updates + PerWindow - 1) / PerWindow;
                var lastShare = updates - (windows - 1) * PerWindow;
                var floor = TimeSpan.FromSeconds((windows - 1) * WindowSeconds) + TimeSpan.FromMilliseconds(Math.Ceiling(lastShare / (double)ThrottleLimit) * LatencyMs);
                var name = $"5. 2.14: {updates:N0} updates by id under {PerWindow} requests per {WindowSeconds} s, {LatencyMs} ms, -ThrottleLimit {ThrottleLimit}";
                string Refusals(int peer) => string.Join(" / ", refused[peer]);
                return new[]
                {
                    new Row(name + ": module vs floor", Row.Seconds(times[0]), Row.Seconds(floor) + $" floor ({windows - 1} windows waited out, then {lastShare} / {ThrottleLimit} × {LatencyMs} ms)",
                        Row.Times(times[0] / floor) + " of floor", $"<= {Target:0.00}x", times[0] / floor <= Target),
                    new Row(name + ": answers that were 429, each run (module)", Refusals(0), "0 (the headers are honest)", "-", "0",
                        refused[0].All(count => count == 0)),
                    new Row(name + $": the SDK ({NodeSdk.Package}, {ThrottleLimit} calls in flight, its own retries)", Row.Seconds(times[1]), Row.Seconds(times[0]) + " module",
                        Row.Times(times[1] / times[0]) + $" the module's time; 429s each run: {Refusals(1)}", "-", null),
                };
            }
            finally
            {
                await emulator.Admin.ClearFaultsAsync();
                await engine.RunAsync("Disconnect-Intercom -Session $v2");
            }
        }

        /// <summary>Waits for the next window's start (the emulator's windows are aligned to the epoch), and a little past it.</summary>
        private static Task StartOfAWindowAsync()
        {
            var now = DateTimeOffset.UtcNow.ToUnixTimeMilliseconds();
            var window = WindowSeconds * 1000L;
            return Task.Delay(TimeSpan.FromMilliseconds(window - now % window + 20));
        }
    }
}
