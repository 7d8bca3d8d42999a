using System;
using System.Collections.Generic;
using System.Linq;
using System.Net.Http;
using System.Text.Json;
using System.Threading.Tasks;

namespace IntercomPS.Bench.Scenarios
{
    /// <summary>
    /// The module's own cost per request (parameter binding, the client, JSON to typed objects, the pipeline) on
    /// loopback with no latency: 2,000 emails piped to Get-IntercomUser -ThrottleLimit 1 against 2,000 raw HttpClient
    /// GETs in the same process that parse the same JSON. Both send one request at a time, so the difference is
    /// overhead, not concurrency.
    /// </summary>
    public sealed class RequestOverhead : IScenario
    {
        public string Key => "overhead";

        public string Description => "per-request overhead: 2,000 sequential lookups (-ThrottleLimit 1) vs a raw HttpClient loop, no latency";

        public async Task<IReadOnlyList<Row>> RunAsync(BenchContext context)
        {
            var users = context.Size(2_000, 500);
            await context.Emulator.ResetAndSeedAsync(users);
            var emails = Enumerable.Range(1, users).Select(n => $"user{n}@example.com").ToArray();
            context.Engine.SetVariable("emails", emails);
            using var http = context.Emulator.CreateApiClient();

            // Warm both paths (JIT, connections, the emulator's prepared statements) before timing either.
            await RawGetsAsync(http, emails.Take(200));
            await context.Engine.RunAsync("$emails[0..199] | Get-IntercomUser -ThrottleLimit 1 | ForEach-Object { }");

            // Interleaved, so a slow spell of this shared machine (the emulator is on the same two cores) hits both.
            var runs = context.Size(5, 1);
            var rawTimes = new TimeSpan[runs];
            var moduleTimes = new TimeSpan[runs];
            for (var i = 0; i < runs; i++)
            {
                rawTimes[i] = await Median.OfAsync(1, () => RawGetsAsync(http, emails));
                moduleTimes[i] = await context.Engine.TimeAsync("$n = 0; $emails | Get-IntercomUser -ThrottleLimit 1 | ForEach-Object { $n++ }; if ($n -ne $emails.Count) { throw \"got $n users\" }");
            }
            var raw = Median.Middle(rawTimes);
            var module = Median.Middle(moduleTimes);

            // Where the overhead goes: one call given every email (no per-item parameter binding), and the same
            // emails piped with no request at all (the engine's per-item cost).
            var oneCall = await Median.OfAsync(runs, () => context.Engine.RunAsync("Get-IntercomUser -Email $emails -ThrottleLimit 1 | ForEach-Object { }"));
            var pipelineOnly = await Median.OfAsync(runs, () => context.Engine.RunAsync("$n = 0; $emails | ForEach-Object { $n++ }"));

            var ratio = module / raw;
            var perRequest = (module - raw).TotalMilliseconds / users;
            return new[]
            {
                new Row($"5. {users:N0} piped lookups, -ThrottleLimit 1, vs raw HttpClient loop, no latency", Row.Seconds(module), Row.Seconds(raw) + " raw",
                    Row.Times(ratio) + $" ({perRequest:+0.00;-0.00} ms/req)", "<= 1.10x", ratio <= 1.1),
                new Row($"5. diagnosis: Get-IntercomUser -Email $emails -ThrottleLimit 1 (one call, {users:N0} requests)", Row.Seconds(oneCall), Row.Seconds(raw) + " raw",
                    Row.Times(oneCall / raw), "-", null),
                new Row($"5. diagnosis: the {users:N0} emails piped to ForEach-Object, no request", Row.Seconds(pipelineOnly), Row.Seconds(module) + " piped module",
                    Row.Times(pipelineOnly / module), "-", null),
            };
        }

        /// <summary>One GET at a time, the answer read and parsed, as a script calling Invoke-RestMethod would.</summary>
        private static async Task RawGetsAsync(HttpClient http, IEnumerable<string> emails)
        {
            foreach (var email in emails)
            {
                using var answer = JsonDocument.Parse(await http.GetByteArrayAsync("users?email=" + Uri.EscapeDataString(email)));
                if (answer.RootElement.GetProperty("email").GetString() != email) throw new InvalidOperationException("Wrong user for " + email);
            }
        }
    }
}
