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

            // Interleaved, so a slow spell of this shared machine (the emulator is on the same two cores) hits every peer.
            // Where the overhead goes: one call given every email (no per-item parameter binding), and the same
            // emails piped with no request at all (the engine's per-item cost).
            var runs = context.Size(9, 1);
            var costs = await Cost.InterleavedAsync(runs,
                () => RawGetsAsync(http, emails),
                () => context.Engine.RunAsync("$n = 0; $emails | Get-IntercomUser -ThrottleLimit 1 | ForEach-Object { $n++ }; if ($n -ne $emails.Count) { throw \"got $n users\" }"),
                () => context.Engine.RunAsync("Get-IntercomUser -Email $emails -ThrottleLimit 1 | ForEach-Object { }"),
                () => context.Engine.RunAsync("$n = 0; $emails | ForEach-Object { $n++ }"));
            var (raw, module, oneCall, pipelineOnly) = (costs[0], costs[1], costs[2], costs[3]);

            var ratio = module.Wall / raw.Wall;
            var perRequest = (module.Wall - raw.Wall).TotalMilliseconds / users;
            string PerRequest(Cost cost) => $"{cost.Cpu.TotalMilliseconds * 1000 / users:0} us CPU, {cost.Allocated / 1024.0 / users:0.0} KiB";
            return new[]
            {
                new Row($"5. {users:N0} piped lookups, -ThrottleLimit 1, vs raw HttpClient loop, no latency", Row.Seconds(module.Wall), Row.Seconds(raw.Wall) + " raw",
                    Row.Times(ratio) + $" ({perRequest:+0.00;-0.00} ms/req)", "<= 1.10x", ratio <= 1.1),
                new Row("5. diagnosis: per request, this process (piped module vs raw)", PerRequest(module), PerRequest(raw),
                    Row.Times(module.Cpu / raw.Cpu) + " CPU", "-", null),
                new Row($"5. diagnosis: Get-IntercomUser -Email $emails -ThrottleLimit 1 (one call, {users:N0} requests)", Row.Seconds(oneCall.Wall), Row.Seconds(raw.Wall) + " raw",
                    Row.Times(oneCall.Wall / raw.Wall) + $" ({PerRequest(oneCall)})", "-", null),
                new Row($"5. diagnosis: the {users:N0} emails piped to ForEach-Object, no request", Row.Seconds(pipelineOnly.Wall), Row.Seconds(module.Wall) + " piped module",
                    Row.Times(pipelineOnly.Wall / module.Wall) + $" ({PerRequest(pipelineOnly)})", "-", null),
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
