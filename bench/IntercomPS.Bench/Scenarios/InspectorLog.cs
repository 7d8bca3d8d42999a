using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Net.Http;
using System.Threading;
using System.Threading.Tasks;

namespace IntercomPS.Bench.Scenarios
{
    /// <summary>
    /// What the inspector's request log costs the API: the same single-user GET and PUT under wrk against two emulator
    /// processes started alike, one with the log on (the default, no inspector open) and one with it off
    /// (--request-log 0), interleaved run by run, as ratios of the rate and of the emulator's CPU time per request. Then
    /// the same with an inspector open (a live stream connected, so every exchange's headers and bodies are captured),
    /// for information.
    /// </summary>
    public sealed class InspectorLog : IScenario
    {
        private const double Target = 0.95;

        public string Key => "inspector";

        public string Description => "emulator throughput with the inspector's request log on (no inspector open) against it off, wrk";

        public async Task<IReadOnlyList<Row>> RunAsync(BenchContext context)
        {
            using var wrk = await Wrk.StartAsync();
            var users = context.Size(10_000, 2_000);
            var seconds = context.Size(4, 2);
            await using var logged = await EmulatorProcess.StartAsync();
            await using var unlogged = await EmulatorProcess.StartAsync("--request-log", "0");
            await logged.ResetAndSeedAsync(users);
            await unlogged.ResetAndSeedAsync(users);
            var get = wrk.SingleUserGet(users);
            var put = wrk.SingleUserPut(users);
            var auth = "Authorization: " + EmulatorProcess.Authorization;
            Task<TimeSpan> Rate(EmulatorProcess emulator, string script) => wrk.RateAsync(emulator.BaseUri, script, seconds, auth);
            foreach (var script in new[] { get, put })
            {
                await Rate(logged, script);
                await Rate(unlogged, script);
            }

            // Each run also takes the emulator's CPU time per request served, which other processes on these cores move
            // far less than they move the rate: the two numbers say the same thing when the machine is quiet.
            var cpu = new Dictionary<string, List<double>>();
            async Task<TimeSpan> Measure(string peer, EmulatorProcess emulator, string script)
            {
                var before = emulator.CpuTime;
                var rate = await Rate(emulator, script);
                var used = emulator.CpuTime - before;
                if (!cpu.TryGetValue(peer, out var list)) cpu[peer] = list = new List<double>();
                list.Add(used.TotalMilliseconds * 1000 / (rate.Ticks * seconds));
                return rate;
            }

            // Run by run, each request against both emulators, and which goes first alternates (A B, then B A): a ratio near 1
            // needs the order effect cancelled and more than three runs to be read on a shared machine.
            var runs = Math.Max(context.Runs, 6);
            var measured = new Dictionary<string, List<TimeSpan>>();
            async Task Pair(string request, string script, bool loggedFirst)
            {
                foreach (var (peer, emulator) in loggedFirst ? new[] { ("logged", logged), ("unlogged", unlogged) } : new[] { ("unlogged", unlogged), ("logged", logged) })
                {
                    var key = peer + " " + request;
                    if (!measured.TryGetValue(key, out var list)) measured[key] = list = new List<TimeSpan>();
                    list.Add(await Measure(key, emulator, script));
                }
            }

            for (var run = 0; run < runs; run++)
            {
                await Pair("get", get, loggedFirst: run % 2 == 0);
                await Pair("put", put, loggedFirst: run % 2 == 0);
            }

            var rates = new[] { "logged get", "unlogged get", "logged put", "unlogged put" }.Select(key => Median.Middle(measured[key].ToArray())).ToArray();

            // An inspector open: its live stream connected and read, as the page reads it.
            TimeSpan[] watched;
            using (var inspector = await InspectorStream.OpenAsync(logged.BaseUri))
            {
                watched = await Median.InterleavedAsync(context.Runs, () => Measure("watched get", logged, get), () => Measure("watched put", logged, put));
                if (inspector.Events == 0) throw new InvalidOperationException("The inspector's live stream received no request while wrk ran.");
            }

            double Cpu(string peer) => cpu[peer].OrderBy(x => x).ElementAt(cpu[peer].Count / 2);
            var name = $"7. request log on, no inspector open / off (--request-log 0), wrk {Wrk.Connections} connections × {seconds} s, {users:N0} users, median of {runs}";
            return new[]
            {
                Judged(name + ": GET /v1/users?user_id=", rates[0].Ticks, rates[1].Ticks),
                Judged(name + ": PUT /v1/users", rates[2].Ticks, rates[3].Ticks),
                JudgedCpu("7. emulator CPU per request, log on / off: GET /v1/users?user_id=", Cpu("logged get"), Cpu("unlogged get")),
                JudgedCpu("7. emulator CPU per request, log on / off: PUT /v1/users", Cpu("logged put"), Cpu("unlogged put")),
                Shown("7. with an inspector open (bodies captured) / log off: GET /v1/users?user_id=", watched[0].Ticks, rates[1].Ticks, Cpu("watched get"), Cpu("unlogged get")),
                Shown("7. with an inspector open (bodies captured) / log off: PUT /v1/users", watched[1].Ticks, rates[3].Ticks, Cpu("watched put"), Cpu("unlogged put")),
            };
        }

        private static Row Judged(string name, double logged, double unlogged) =>
            new Row(name, Row.Number(logged) + " req/s", Row.Number(unlogged) + " req/s log off", Row.Times(logged / unlogged) + " of log off",
                $">= {Target:0.00}x", logged / unlogged >= Target);

        private static Row JudgedCpu(string name, double logged, double unlogged) =>
            new Row(name, Row.Number(logged, "0.0") + " µs", Row.Number(unlogged, "0.0") + " µs log off", Row.Times(logged / unlogged) + " of log off",
                $"<= {1 / Target:0.00}x", logged / unlogged <= 1 / Target);

        private static Row Shown(string name, double watched, double unlogged, double watchedCpu, double unloggedCpu) =>
            new Row(name, Row.Number(watched) + " req/s, " + Row.Number(watchedCpu, "0.0") + " µs CPU", Row.Number(unlogged) + " req/s, " + Row.Number(unloggedCpu, "0.0") + " µs log off",
                Row.Times(watched / unlogged) + " rate, " + Row.Times(watchedCpu / unloggedCpu) + " CPU", "-", null);

        /// <summary>The inspector's live log (Server-Sent Events) read to the end on a task of its own, counting events.</summary>
        private sealed class InspectorStream : IDisposable
        {
            private readonly HttpClient _http = new() { Timeout = Timeout.InfiniteTimeSpan };
            private readonly CancellationTokenSource _stop = new();
            private Task? _reading;
            private long _events;

            public long Events => Interlocked.Read(ref _events);

            public static async Task<InspectorStream> OpenAsync(Uri baseUri)
            {
                var stream = new InspectorStream();
                var response = await stream._http.GetAsync(new Uri(baseUri, "_inspector/api/log/stream"), HttpCompletionOption.ResponseHeadersRead, stream._stop.Token);
                response.EnsureSuccessStatusCode();
                stream._reading = stream.ReadAsync(response);
                return stream;
            }

            private async Task ReadAsync(HttpResponseMessage response)
            {
                using (response)
                using (var reader = new StreamReader(await response.Content.ReadAsStreamAsync(_stop.Token)))
                {
                    try
                    {
                        while (await reader.ReadLineAsync(_stop.Token) is { } line)
                            if (line.StartsWith("data: ", StringComparison.Ordinal)) Interlocked.Increment(ref _events);
                    }
                    catch (OperationCanceledException) when (_stop.IsCancellationRequested)
                    {
                        // closed by Dispose
                    }
                }
            }

            public void Dispose()
            {
                _stop.Cancel();
                try { _reading?.Wait(TimeSpan.FromSeconds(5)); }
                catch (AggregateException e) when (e.InnerException is OperationCanceledException or IOException) { }
                _http.Dispose();
                _stop.Dispose();
            }
        }
    }
}
