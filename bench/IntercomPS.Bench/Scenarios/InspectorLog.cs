using System;
using System.Collections.Generic;
using System.IO;
using System.Net.Http;
using System.Threading;
using System.Threading.Tasks;

namespace IntercomPS.Bench.Scenarios
{
    /// <summary>
    /// What the inspector's request log costs the API: the same single-user GET and PUT under wrk against two emulator
    /// processes started alike, one with the log on (the default, no inspector open) and one with it off
    /// (--request-log 0), interleaved run by run, as a ratio. Then the same with an inspector open (a live stream
    /// connected, so every exchange's headers and bodies are captured), for information.
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
            var get = wrk.Script("get.lua", $$"""
                    request = function()
                      return wrk.format("GET", "/v1/users?user_id=user" .. math.random(1, {{users}}))
                    end
                    """);
            var put = wrk.Script("put.lua", $$$"""
                    wrk.method = "PUT"
                    wrk.headers["Content-Type"] = "application/json"
                    request = function()
                      local body = '{"user_id":"user' .. math.random(1, {{{users}}}) .. '","custom_data":{"visits":' .. math.random(1, 1000) .. '}}'
                      return wrk.format("PUT", "/v1/users", nil, body)
                    end
                    """);
            var auth = "Authorization: " + EmulatorProcess.Authorization;
            Task<TimeSpan> Rate(EmulatorProcess emulator, string script) => wrk.RateAsync(emulator.BaseUri, script, seconds, auth);
            foreach (var script in new[] { get, put })
            {
                await Rate(logged, script);
                await Rate(unlogged, script);
            }

            var rates = await Median.InterleavedAsync(context.Runs,
                () => Rate(logged, get), () => Rate(unlogged, get), () => Rate(logged, put), () => Rate(unlogged, put));

            // An inspector open: its live stream connected and read, as the page reads it.
            TimeSpan[] watched;
            using (var inspector = await InspectorStream.OpenAsync(logged.BaseUri))
            {
                watched = await Median.InterleavedAsync(context.Runs, () => Rate(logged, get), () => Rate(logged, put));
                if (inspector.Events == 0) throw new InvalidOperationException("The inspector's live stream received no request while wrk ran.");
            }

            var name = $"7. request log on, no inspector open / off (--request-log 0), wrk {Wrk.Connections} connections × {seconds} s, {users:N0} users";
            return new[]
            {
                Judged(name + ": GET /v1/users?user_id=", rates[0].Ticks, rates[1].Ticks),
                Judged(name + ": PUT /v1/users", rates[2].Ticks, rates[3].Ticks),
                Shown("7. with an inspector open (bodies captured) / log off: GET /v1/users?user_id=", watched[0].Ticks, rates[1].Ticks),
                Shown("7. with an inspector open (bodies captured) / log off: PUT /v1/users", watched[1].Ticks, rates[3].Ticks),
            };
        }

        private static Row Judged(string name, double logged, double unlogged) =>
            new Row(name, Row.Number(logged) + " req/s", Row.Number(unlogged) + " req/s log off", Row.Times(logged / unlogged) + " of log off",
                $">= {Target:0.00}x", logged / unlogged >= Target);

        private static Row Shown(string name, double watched, double unlogged) =>
            new Row(name, Row.Number(watched) + " req/s", Row.Number(unlogged) + " req/s log off", Row.Times(watched / unlogged) + " of log off", "-", null);

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
