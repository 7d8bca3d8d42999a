using System;
using System.Collections.Generic;
using System.Linq;
using System.Diagnostics;
using System.Globalization;
using System.IO;
using System.Text.RegularExpressions;
using System.Threading.Tasks;

namespace IntercomPS.Bench.Scenarios
{
    /// <summary>
    /// How many single-user GETs and PUTs a second the emulator serves, measured with a real load generator (wrk,
    /// from Debian) beside a Kestrel hello-world process in the same run, and reported as a ratio to it: the
    /// hello-world is what this machine's cores, loopback and Kestrel allow at all. Both servers are processes of
    /// their own; wrk is a third, on the same two cores, as in CI.
    /// </summary>
    public sealed class EmulatorThroughput : IScenario
    {
        private const double Target = 0.5;

        public string Key => "throughput";

        public string Description => "emulator GET and PUT throughput (wrk) as a ratio to a Kestrel hello-world";

        public async Task<IReadOnlyList<Row>> RunAsync(BenchContext context)
        {
            using var wrk = await Wrk.StartAsync();
            var users = context.Size(10_000, 2_000);
            var seconds = context.Size(4, 2);
            await context.Emulator.ResetAndSeedAsync(users);
            List<string> ids;
            using (var http = TwoFourteen.CreateClient(context.Emulator)) ids = await TwoFourteen.ContactIdsAsync(http, users);
            using var hello = await ServerProcess.StartAsync("--hello");
            // The write floor: a Kestrel PUT that only commits one SQLite upsert and writes the row back.
            using var floor = await ServerProcess.StartAsync("--sqlite-put");
            var get = wrk.SingleUserGet(users);
            var put = wrk.SingleUserPut(users);
            // 2.14's write: a contact by its id, as a sync updates it.
            var v2Put = wrk.Script("v2-put.lua", $$$"""
                    local ids = { {{{string.Join(",", ids.Take(2_000).Select(id => $"\"{id}\""))}}} }
                    wrk.method = "PUT"
                    wrk.headers["Content-Type"] = "application/json"
                    request = function()
                      local body = '{"name":"Visitor ' .. math.random(1, 1000) .. '"}'
                      return wrk.format("PUT", "/contacts/" .. ids[math.random(1, #ids)], nil, body)
                    end
                    """);
            var auth = "Authorization: " + EmulatorProcess.Authorization;
            var v2Headers = new[] { "Authorization: Bearer " + EmulatorProcess.ApiKey, "Intercom-Version: 2.14" };
            Task<TimeSpan> Rate(Uri baseUri, string script) => wrk.RateAsync(baseUri, script, seconds, script == v2Put ? v2Headers : new[] { auth });
            // Warm both processes on both requests for as long as a measured run: the emulator has far more code than
            // the hello-world for the JIT to tier up, and a PUT first met in a measured run would be timed half-compiled.
            foreach (var script in new[] { get, put, v2Put })
            {
                await Rate(context.Emulator.BaseUri, script);
                await Rate(hello.BaseUri, script);
            }
            await Rate(floor.BaseUri, v2Put);

            var rates = await Median.InterleavedAsync(context.Runs,
                () => Rate(context.Emulator.BaseUri, get), () => Rate(hello.BaseUri, get),
                () => Rate(context.Emulator.BaseUri, put), () => Rate(hello.BaseUri, put),
                () => Rate(context.Emulator.BaseUri, v2Put), () => Rate(hello.BaseUri, v2Put), () => Rate(floor.BaseUri, v2Put));
            double PerSecond(int i) => rates[i].Ticks;
            var name = $"6. emulator vs Kestrel hello-world, wrk {Wrk.Connections} connections × {seconds} s, {users:N0} users";
            return new[]
            {
                Judged(name + ": GET /v1/users?user_id=", PerSecond(0), PerSecond(1)),
                Judged(name + ": PUT /v1/users", PerSecond(2), PerSecond(3)),
                Judged(name + ": 2.14 PUT /contacts/{id}", PerSecond(4), PerSecond(5)),
                new Row(name + ": 2.14 PUT: diagnosis: the write floor, a Kestrel PUT that only commits one SQLite upsert (RETURNING) and writes the row",
                    Row.Number(PerSecond(6)) + " req/s; " + Row.Times(PerSecond(6) / PerSecond(5)) + " of hello-world", Row.Number(PerSecond(4)) + " req/s emulator",
                    "emulator at " + Row.Times(PerSecond(4) / PerSecond(6)) + " of it", "-", null),
            };
        }

        private static Row Judged(string name, double emulator, double hello) =>
            new Row(name, Row.Number(emulator) + " req/s", Row.Number(hello) + " req/s hello-world", Row.Times(emulator / hello) + " of hello-world",
                $">= {Target:0.00}x", emulator / hello >= Target);
    }
}
