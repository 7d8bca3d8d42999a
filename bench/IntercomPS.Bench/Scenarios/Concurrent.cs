using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading.Tasks;

namespace IntercomPS.Bench.Scenarios
{
    /// <summary>
    /// Per-user requests at 50 ms latency with 16 in flight, side by side with what a user writes by hand in real
    /// pwsh: lookups (Get-IntercomUser), updates (Set-IntercomUser) and tags in batches of 100 (Set-IntercomTag).
    /// Judged against the floor (requests / ThrottleLimit) x latency: requests in flight are the only speed-up, so
    /// the module must reach what 16 in flight allow.
    /// </summary>
    public sealed class Concurrent : IScenario
    {
        private const int LatencyMs = 50;
        private const int ThrottleLimit = 16;
        private const double Target = 1.15;

        public Concurrent(string key) => Key = key;

        public string Key { get; }

        public string Description => Key switch
        {
            "lookup" => "2,000 piped Get-IntercomUser at 50 ms, -ThrottleLimit 16, vs floor and Invoke-RestMethod (pwsh)",
            "update" => "2,000 piped Set-IntercomUser at 50 ms, -ThrottleLimit 16, vs floor and ForEach-Object -Parallel (pwsh)",
            _ => "5,000 piped users to Set-IntercomTag (50 batches) at 50 ms, -ThrottleLimit 16, vs floor and batched Invoke-RestMethod (pwsh)",
        };

        public async Task<IReadOnlyList<Row>> RunAsync(BenchContext context)
        {
            var emulator = context.Emulator;
            var engine = context.Engine;
            var tagging = Key == "tag";
            var users = tagging ? context.Size(5_000, 1_000) : context.Size(2_000, 400);
            var batchSize = tagging ? await engine.ConstantAsync("IntercomPS.Cmdlets.SetIntercomTagCommand", "DefaultBatchSize") ?? 100 : 1;
            var requests = (users + batchSize - 1) / batchSize;
            var (module, check) = Key switch
            {
                "lookup" => ($"$n = 0; $emails | Get-IntercomUser -ThrottleLimit {ThrottleLimit} | ForEach-Object {{ $n++ }}; $n", users),
                "update" => ($"$rows | Set-IntercomUser -ThrottleLimit {ThrottleLimit}; {users}", users),
                _ => ($"$rows | Set-IntercomTag -Name bench -ThrottleLimit {ThrottleLimit}; {users}", users),
            };
            engine.SetVariable("emails", Enumerable.Range(1, users).Select(n => $"user{n}@example.com").ToArray());
            await engine.RunAsync(Key == "update"
                ? $"$rows = 1..{users} | ForEach-Object {{ [pscustomobject]@{{ user_id = \"user$_\"; name = \"Renamed $_\"; last_seen_ip = '10.0.0.1' }} }}"
                : $"$rows = 1..{users} | ForEach-Object {{ [pscustomobject]@{{ user_id = \"user$_\" }} }}");
            await emulator.ResetAndSeedAsync(users);
            // One whole untimed run, with no latency, before the timed ones: the emulator's tiered JIT otherwise compiles
            // through the first timed runs (about 5 s of a core after its start), on the same two cores.
            await engine.RunAsync(module);

            var sent = 0;
            async Task<TimeSpan> Module()
            {
                await emulator.ResetAndSeedAsync(users);
                var clock = System.Diagnostics.Stopwatch.StartNew();
                var result = (await engine.RunAsync(module)).Last().BaseObject;
                var time = clock.Elapsed;
                if (!Equals(result, check)) throw new InvalidOperationException($"{Key}: the module handled {result} of {check}.");
                sent = await emulator.RequestCountAsync();
                if (sent != requests) throw new InvalidOperationException($"{Key}: the module sent {sent} requests for {requests}.");
                return time;
            }
            async Task<TimeSpan> ByHand(string script, long expected)
            {
                await emulator.ResetAndSeedAsync(users);
                var (time, count) = await Pwsh.TimeAsync(script);
                if (count != expected) throw new InvalidOperationException($"{Key}: the hand-written script handled {count} of {expected}.");
                return time;
            }

            await emulator.SetLatencyAsync(LatencyMs);
            try
            {
                // Tag batches are few: the floor is their whole rounds of 16 (50 batches take 4 round trips, not 3.1).
                var floor = TimeSpan.FromMilliseconds((tagging ? Math.Ceiling((double)requests / ThrottleLimit) : (double)requests / ThrottleLimit) * LatencyMs);
                var name = Key switch
                {
                    "lookup" => $"2. {users:N0} lookups",
                    "update" => $"2. {users:N0} updates",
                    _ => $"3. tag {users:N0} users ({requests} batches)",
                };
                name += $", {LatencyMs} ms, -ThrottleLimit {ThrottleLimit}";
                var rows = new List<Row>();
                // The hand-written peers cost seconds of CPU per hundred requests on this machine: they run a quarter of
                // the users (the loop a twentieth), and their time is scaled up to all of them, as labelled.
                var quarter = users / 4;
                var twentieth = users / 20;
                if (Key == "lookup")
                {
                    using var http = emulator.CreateApiClient();
                    var times = await Median.InterleavedAsync(context.Runs,
                        Module,
                        () => RawLookupsAsync(http, users),
                        () => ByHand(HandWritten.ParallelLookups(emulator, quarter, ThrottleLimit), quarter),
                        () => ByHand(HandWritten.SequentialLookups(emulator, twentieth), twentieth));
                    rows.Add(Judged(name, times[0], floor, requests));
                    rows.Add(new Row($"{name}: diagnosis: raw HttpClient, {ThrottleLimit} in flight (what this machine allows)", Row.Seconds(times[1]), Row.Seconds(times[0]) + " module",
                        Row.Times(times[1] / floor) + " of floor", "-", null));
                    rows.Add(Peer(name, $"Invoke-RestMethod, ForEach-Object -Parallel {ThrottleLimit} (pwsh, {quarter:N0} users × 4)", times[2] * 4, times[0]));
                    rows.Add(Peer(name, $"Invoke-RestMethod loop (pwsh, {twentieth:N0} users × 20)", times[3] * 20, times[0]));
                }
                else if (Key == "update")
                {
                    var times = await Median.InterleavedAsync(context.Runs,
                        Module,
                        () => ByHand(HandWritten.ParallelUpdates(emulator, quarter, ThrottleLimit), quarter));
                    rows.Add(Judged(name, times[0], floor, requests));
                    rows.Add(Peer(name, $"Invoke-RestMethod, ForEach-Object -Parallel {ThrottleLimit} (pwsh, {quarter:N0} users × 4)", times[1] * 4, times[0]));
                }
                else
                {
                    var times = await Median.InterleavedAsync(context.Runs,
                        Module,
                        () => ByHand(HandWritten.ParallelTagBatches(emulator, users, batchSize, 4), requests),
                        () => ByHand(HandWritten.ParallelTagBatches(emulator, users, batchSize, ThrottleLimit), requests));
                    rows.Add(Judged(name, times[0], floor, requests, $"ceil({requests} / {ThrottleLimit}) × {LatencyMs} ms"));
                    rows.Add(Peer(name, $"batched Invoke-RestMethod, ForEach-Object -Parallel 4 (pwsh)", times[1], times[0]));
                    rows.Add(Peer(name, $"batched Invoke-RestMethod, ForEach-Object -Parallel {ThrottleLimit} (pwsh)", times[2], times[0]));
                }
                return rows;
            }
            finally
            {
                await emulator.SetLatencyAsync(0);
            }
        }

        /// <summary>The same lookups from raw HttpClient with ThrottleLimit in flight, answers parsed.</summary>
        private static async Task<TimeSpan> RawLookupsAsync(System.Net.Http.HttpClient http, int users)
        {
            var clock = System.Diagnostics.Stopwatch.StartNew();
            await Parallel.ForEachAsync(Enumerable.Range(1, users), new ParallelOptions { MaxDegreeOfParallelism = ThrottleLimit }, async (n, _) =>
            {
                using var answer = System.Text.Json.JsonDocument.Parse(await http.GetByteArrayAsync($"users?email=user{n}%40example.com"));
                if (answer.RootElement.GetProperty("email").GetString() != $"user{n}@example.com") throw new InvalidOperationException("Wrong user " + n);
            });
            return clock.Elapsed;
        }

        private static Row Judged(string name, TimeSpan module, TimeSpan floor, int requests, string? how = null) =>
            new Row(name + ": module vs floor", Row.Seconds(module), Row.Seconds(floor) + $" floor ({how ?? $"{requests:N0} / {ThrottleLimit} × {LatencyMs} ms"})",
                Row.Times(module / floor) + " of floor", $"<= {Target:0.00}x", module / floor <= Target);

        private static Row Peer(string name, string peer, TimeSpan time, TimeSpan module) =>
            new Row($"{name}: {peer}", Row.Seconds(time), Row.Seconds(module) + " module", Row.Times(time / module) + " the module's time", "-", null);
    }
}
