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
    /// Listing every user at 50 ms a request: the module against the sequential pager a hand-written script is, and
    /// against the floor of `pages / in flight × latency`. At real Intercom latencies the round trips are the cost,
    /// so only overlapping them (page prefetch) makes a full export faster.
    /// </summary>
    public sealed class ListUsers : IScenario
    {
        private const int LatencyMs = 50;
        private const int PageSize = 500;

        /// <summary>The pages the module is meant to keep in flight; the floor is computed for this many.</summary>
        private const int TargetConcurrency = 4;

        public string Key => "list";

        public string Description => "list users at 50 ms latency: module vs sequential pager vs floor";

        public async Task<IReadOnlyList<Row>> RunAsync(BenchContext context)
        {
            var users = context.Size(20_000, 5_000);
            var pages = (users + PageSize - 1) / PageSize;
            await context.Emulator.ResetAndSeedAsync(users);
            await context.Emulator.SetLatencyAsync(LatencyMs);
            try
            {
                using var http = context.Emulator.CreateApiClient();
                await SequentialPagerAsync(http); // warm the connection and the emulator's page queries
                var pager = Stopwatch.StartNew();
                var pagerCount = await SequentialPagerAsync(http);
                pager.Stop();

                context.Engine.Run("Get-IntercomUser -First 10 | ForEach-Object { }"); // warm the cmdlet's code paths
                var module = Stopwatch.StartNew();
                var moduleCount = (int)context.Engine.Run("$n = 0; Get-IntercomUser | ForEach-Object { $n++ }; $n").Single().BaseObject;
                module.Stop();
                if (pagerCount != users || moduleCount != users) throw new InvalidOperationException($"Listed {moduleCount} (module) and {pagerCount} (pager) of {users} users.");

                var floor = TimeSpan.FromMilliseconds((double)pages / TargetConcurrency * LatencyMs);
                var speedUp = pager.Elapsed / module.Elapsed;
                var name = $"1. list {users:N0} users, {LatencyMs} ms latency";
                return new[]
                {
                    new Row(name + ": module vs sequential pager", Row.Seconds(module.Elapsed), Row.Seconds(pager.Elapsed) + " pager",
                        Row.Times(speedUp) + " faster", ">= 3x faster", speedUp >= 3),
                    new Row(name + ": module vs floor", Row.Seconds(module.Elapsed), Row.Seconds(floor) + $" floor ({pages} pages / {TargetConcurrency} × {LatencyMs} ms)",
                        Row.Times(module.Elapsed / floor) + " of floor", "-", null),
                };
            }
            finally
            {
                await context.Emulator.SetLatencyAsync(0);
            }
        }

        /// <summary>GET page after page until next_page is null, as a script with Invoke-RestMethod in a loop does.</summary>
        private static async Task<int> SequentialPagerAsync(HttpClient http)
        {
            var count = 0;
            for (var page = 1; ; page++)
            {
                using var answer = JsonDocument.Parse(await http.GetByteArrayAsync($"users?page={page}&per_page={PageSize}"));
                count += answer.RootElement.GetProperty("users").GetArrayLength();
                if (answer.RootElement.GetProperty("next_page").ValueKind == JsonValueKind.Null) return count;
            }
        }
    }
}
