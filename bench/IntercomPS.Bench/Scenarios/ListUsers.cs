using System;
using System.Collections.Generic;
using System.Linq;
using System.Net.Http;
using System.Text.Json;
using System.Threading;
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
                var runs = context.Size(3, 1);
                using var http = context.Emulator.CreateApiClient();
                await SequentialPagerAsync(http, users); // warm the connection and the emulator's page queries
                var pager = await Median.OfAsync(runs, () => SequentialPagerAsync(http, users));
                await context.Engine.RunAsync("Get-IntercomUser -First 10 | ForEach-Object { }"); // warm the cmdlet's code paths
                var module = await Median.OfAsync(runs, () => ModuleListAsync(context, users));

                // What the same number of pages in flight reaches when a page is requested as soon as one arrives,
                // rather than when the pipeline has written one out: tells a slow window from a slow machine.
                var inFlight = await context.Engine.ConstantAsync("IntercomPS.Cmdlets.GetIntercomUserCommand", "PagesAhead") ?? 1;
                var window = await Median.OfAsync(runs, () => WindowPagerAsync(http, users, pages, inFlight));

                // Where the time goes: with no latency, what is left is CPU (the emulator's pages, JSON, the client and
                // the pipeline, on two shared cores); the same objects piped again with no request are the engine's share.
                await context.Emulator.SetLatencyAsync(0);
                var pagerNoLatency = await Median.OfAsync(runs, () => SequentialPagerAsync(http, users));
                var noLatency = await Median.OfAsync(runs, () => ModuleListAsync(context, users));
                await context.Engine.RunAsync("$listed = Get-IntercomUser");
                var pipelineOnly = await Median.OfAsync(runs, () => context.Engine.RunAsync("$n = 0; $listed | ForEach-Object { $n++ }"));
                await context.Engine.RunAsync("$listed = $null");

                // The floor for the pages the module keeps in flight (1 without prefetch).
                var floor = TimeSpan.FromMilliseconds((double)pages / inFlight * LatencyMs);
                var speedUp = pager / module;
                var name = $"1. list {users:N0} users, {LatencyMs} ms latency";
                return new[]
                {
                    new Row(name + ": module vs sequential pager", Row.Seconds(module), Row.Seconds(pager) + " pager",
                        Row.Times(speedUp) + " faster", ">= 3x faster", speedUp >= 3),
                    new Row(name + ": module vs floor", Row.Seconds(module), Row.Seconds(floor) + $" floor ({pages} pages / {inFlight} × {LatencyMs} ms)",
                        Row.Times(module / floor) + " of floor", "-", null),
                    new Row($"1. diagnosis: raw pager, {inFlight} in flight, next page requested on arrival", Row.Seconds(window), Row.Seconds(module) + " module",
                        Row.Times(pager / window) + " faster than pager", "-", null),
                    new Row("1. diagnosis: the same listing at 0 ms latency: module vs pager", Row.Seconds(noLatency), Row.Seconds(pagerNoLatency) + " pager",
                        Row.Times(noLatency / pagerNoLatency) + " the pager's time", "-", null),
                    new Row($"1. diagnosis: the {users:N0} users piped to ForEach-Object, no request", Row.Seconds(pipelineOnly), Row.Seconds(noLatency) + " listing at 0 ms",
                        Row.Times(pipelineOnly / noLatency), "-", null),
                };
            }
            finally
            {
                await context.Emulator.SetLatencyAsync(0);
            }
        }

        private static async Task ModuleListAsync(BenchContext context, int users)
        {
            var listed = (int)(await context.Engine.RunAsync("$n = 0; Get-IntercomUser | ForEach-Object { $n++ }; $n")).Single().BaseObject;
            if (listed != users) throw new InvalidOperationException($"The module listed {listed} of {users} users.");
        }

        /// <summary>Page 1, then pages 2..N with up to inFlight requests at a time; a finished one starts the next.</summary>
        private static async Task WindowPagerAsync(HttpClient http, int users, int pages, int inFlight)
        {
            var count = 0;
            async Task Fetch(int page)
            {
                using var answer = JsonDocument.Parse(await http.GetByteArrayAsync($"users?page={page}&per_page={PageSize}"));
                Interlocked.Add(ref count, answer.RootElement.GetProperty("users").GetArrayLength());
            }
            await Fetch(1);
            await Parallel.ForEachAsync(Enumerable.Range(2, pages - 1), new ParallelOptions { MaxDegreeOfParallelism = inFlight }, async (page, _) => await Fetch(page));
            if (count != users) throw new InvalidOperationException($"The window pager listed {count} of {users} users.");
        }

        /// <summary>GET page after page until next_page is null, as a script with Invoke-RestMethod in a loop does.</summary>
        private static async Task SequentialPagerAsync(HttpClient http, int users)
        {
            var count = 0;
            for (var page = 1; ; page++)
            {
                using var answer = JsonDocument.Parse(await http.GetByteArrayAsync($"users?page={page}&per_page={PageSize}"));
                count += answer.RootElement.GetProperty("users").GetArrayLength();
                if (answer.RootElement.GetProperty("next_page").ValueKind != JsonValueKind.Null) continue;
                if (count != users) throw new InvalidOperationException($"The pager listed {count} of {users} users.");
                return;
            }
        }
    }
}
