using System;
using System.Collections.Generic;
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
        private const int Connections = 16;
        private const double Target = 0.5;

        public string Key => "throughput";

        public string Description => "emulator GET and PUT throughput (wrk) as a ratio to a Kestrel hello-world";

        public async Task<IReadOnlyList<Row>> RunAsync(BenchContext context)
        {
            var wrk = await EnsureWrkAsync();
            var users = context.Size(10_000, 2_000);
            var seconds = context.Size(4, 2);
            await context.Emulator.ResetAndSeedAsync(users);
            using var hello = await HelloProcess.StartAsync();
            var scripts = Directory.CreateTempSubdirectory("intercomps-wrk-");
            try
            {
                var get = Lua(scripts, "get.lua", $$"""
                    request = function()
                      return wrk.format("GET", "/v1/users?user_id=user" .. math.random(1, {{users}}))
                    end
                    """);
                var put = Lua(scripts, "put.lua", $$$"""
                    wrk.method = "PUT"
                    wrk.headers["Content-Type"] = "application/json"
                    request = function()
                      local body = '{"user_id":"user' .. math.random(1, {{{users}}}) .. '","custom_data":{"visits":' .. math.random(1, 1000) .. '}}'
                      return wrk.format("PUT", "/v1/users", nil, body)
                    end
                    """);
                var emulatorUri = context.Emulator.BaseUri.ToString().TrimEnd('/');
                var auth = "Authorization: " + EmulatorProcess.Authorization;
                Task<TimeSpan> Rate(Uri baseUri, string script) => WrkAsync(wrk, baseUri, script, auth, seconds);
                await WrkAsync(wrk, context.Emulator.BaseUri, get, auth, 1); // warm both processes
                await WrkAsync(wrk, hello.BaseUri, get, auth, 1);

                // Rates travel as TimeSpans (one tick a request a second) to reuse the interleaved medians.
                var rates = await Median.InterleavedAsync(context.Runs,
                    () => Rate(context.Emulator.BaseUri, get), () => Rate(hello.BaseUri, get),
                    () => Rate(context.Emulator.BaseUri, put), () => Rate(hello.BaseUri, put));
                double PerSecond(int i) => rates[i].Ticks;
                var name = $"6. emulator vs Kestrel hello-world, wrk {Connections} connections × {seconds} s, {users:N0} users";
                return new[]
                {
                    Judged(name + ": GET /v1/users?user_id=", PerSecond(0), PerSecond(1)),
                    Judged(name + ": PUT /v1/users", PerSecond(2), PerSecond(3)),
                };
            }
            finally
            {
                scripts.Delete(true);
            }
        }

        private static Row Judged(string name, double emulator, double hello) =>
            new Row(name, Row.Number(emulator) + " req/s", Row.Number(hello) + " req/s hello-world", Row.Times(emulator / hello) + " of hello-world",
                $">= {Target:0.00}x", emulator / hello >= Target);

        private static string Lua(DirectoryInfo folder, string name, string text)
        {
            var path = Path.Combine(folder.FullName, name);
            File.WriteAllText(path, text);
            return path;
        }

        private static async Task<TimeSpan> WrkAsync(string wrk, Uri baseUri, string script, string header, int seconds)
        {
            var start = new ProcessStartInfo(wrk) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
            foreach (var argument in new[] { "-t2", $"-c{Connections}", $"-d{seconds}s", "-s", script, "-H", header, baseUri.ToString().TrimEnd('/') })
                start.ArgumentList.Add(argument);
            using var process = Process.Start(start) ?? throw new InvalidOperationException("Cannot start wrk.");
            var output = await process.StandardOutput.ReadToEndAsync();
            await process.WaitForExitAsync();
            var match = Regex.Match(output, @"Requests/sec:\s+([\d.]+)");
            if (process.ExitCode != 0 || !match.Success) throw new InvalidOperationException("wrk failed: " + output + await process.StandardError.ReadToEndAsync());
            // A non-2xx answer means the load measured errors, not work.
            if (Regex.IsMatch(output, @"Non-2xx or 3xx responses")) throw new InvalidOperationException("wrk saw failed answers: " + output);
            return TimeSpan.FromTicks((long)double.Parse(match.Groups[1].Value, CultureInfo.InvariantCulture));
        }

        /// <summary>wrk on PATH, or installed from Debian (`apt-get install -y wrk`) the first time.</summary>
        private static async Task<string> EnsureWrkAsync()
        {
            const string installed = "/usr/bin/wrk";
            if (File.Exists(installed)) return installed;
            Console.Error.WriteLine("wrk is not installed: apt-get update && apt-get install -y wrk");
            foreach (var command in new[] { "update -qq", "install -y -qq wrk" })
            {
                using var apt = Process.Start(new ProcessStartInfo("apt-get", command) { UseShellExecute = false }) ?? throw new InvalidOperationException("Cannot run apt-get.");
                await apt.WaitForExitAsync();
                if (apt.ExitCode != 0) throw new InvalidOperationException($"apt-get {command} failed ({apt.ExitCode}); install wrk by hand.");
            }
            return File.Exists(installed) ? installed : throw new InvalidOperationException("apt-get installed wrk, but not at " + installed);
        }

        /// <summary>This program again with --hello: the Kestrel hello-world in its own process.</summary>
        private sealed class HelloProcess : IDisposable
        {
            private readonly Process _process;

            private HelloProcess(Process process, Uri baseUri)
            {
                _process = process;
                BaseUri = baseUri;
            }

            public Uri BaseUri { get; }

            public static async Task<HelloProcess> StartAsync()
            {
                var start = new ProcessStartInfo(Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") ?? "dotnet") { RedirectStandardOutput = true, UseShellExecute = false };
                start.Environment.Remove("DOTNET_DiagnosticPorts");
                start.ArgumentList.Add(typeof(HelloServer).Assembly.Location);
                start.ArgumentList.Add("--hello");
                var process = Process.Start(start) ?? throw new InvalidOperationException("Cannot start the hello-world server.");
                var line = await process.StandardOutput.ReadLineAsync().WaitAsync(TimeSpan.FromSeconds(30));
                var match = Regex.Match(line ?? string.Empty, @"listening on (\S+)");
                if (!match.Success)
                {
                    process.Kill();
                    throw new InvalidOperationException("The hello-world server did not print its address: " + line);
                }
                return new HelloProcess(process, new Uri(match.Groups[1].Value));
            }

            public void Dispose()
            {
                if (!_process.HasExited)
                {
                    _process.Kill();
                    _process.WaitForExit();
                }
                _process.Dispose();
            }
        }
    }
}
