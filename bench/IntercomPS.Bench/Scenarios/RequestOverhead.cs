using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Linq;
using System.Net.Http;
using System.Text.Json;
using System.Threading.Tasks;

namespace IntercomPS.Bench.Scenarios
{
    /// <summary>
    /// The module's own cost per request (parameter binding, the client, JSON to typed objects, the pipeline) on
    /// loopback with no latency: Get-IntercomUser -Email piped 2,000 times against 2,000 raw HttpClient GETs that
    /// parse the same JSON. Both send one request at a time, so the difference is overhead, not concurrency.
    /// </summary>
    public sealed class RequestOverhead : IScenario
    {
        public string Key => "overhead";

        public string Description => "per-request overhead: Get-IntercomUser -Email vs raw HttpClient GET, no latency";

        public async Task<IReadOnlyList<Row>> RunAsync(BenchContext context)
        {
            var users = context.Size(2_000, 500);
            await context.Emulator.ResetAndSeedAsync(users);
            var emails = Enumerable.Range(1, users).Select(n => $"user{n}@example.com").ToArray();
            context.Engine.SetVariable("emails", emails);
            using var http = context.Emulator.CreateApiClient();

            // Warm both paths (JIT, connections, the emulator's prepared statements) before timing either.
            await RawGetsAsync(http, emails.Take(200));
            context.Engine.Run("$emails[0..199] | Get-IntercomUser | ForEach-Object { }");

            var raw = Stopwatch.StartNew();
            await RawGetsAsync(http, emails);
            raw.Stop();
            var module = context.Engine.Time("$n = 0; $emails | Get-IntercomUser | ForEach-Object { $n++ }; if ($n -ne $emails.Count) { throw \"got $n users\" }");

            var ratio = module / raw.Elapsed;
            var perRequest = (module - raw.Elapsed).TotalMilliseconds / users;
            return new[]
            {
                new Row($"5. {users:N0} Get-IntercomUser -Email (piped) vs raw GETs, no latency", Row.Seconds(module), Row.Seconds(raw.Elapsed) + " raw",
                    Row.Times(ratio) + $" ({perRequest:+0.00;-0.00} ms/req)", "<= 1.3x", ratio <= 1.3),
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
