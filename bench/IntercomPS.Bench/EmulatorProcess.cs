using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.IO;
using System.Linq;
using System.Net.Http;
using System.Net.Http.Headers;
using System.Text;
using System.Text.RegularExpressions;
using System.Threading.Tasks;
using IntercomPS.Testing;

namespace IntercomPS.Bench
{
    /// <summary>
    /// The emulator as a child process (`dotnet IntercomPS.Emulator.dll --port 0`), so its CPU, GC and memory are
    /// never mixed with the module's or the load generator's, plus its admin API (seed, faults, request counts).
    /// </summary>
    public sealed class EmulatorProcess : IAsyncDisposable
    {
        public const string AppId = "bench-app";
        public const string ApiKey = "bench-key";

        private readonly Process _process;

        private EmulatorProcess(Process process, Uri baseUri)
        {
            _process = process;
            BaseUri = baseUri;
            ApiUri = new Uri(baseUri, "v1/");
            Admin = new EmulatorAdmin(baseUri);
        }

        public Uri BaseUri { get; }

        public Uri ApiUri { get; }

        public int ProcessId => _process.Id;

        /// <summary>CPU time the emulator process has used so far (every thread).</summary>
        public TimeSpan CpuTime
        {
            get
            {
                _process.Refresh();
                return _process.TotalProcessorTime;
            }
        }

        /// <summary>The typed client of the emulator's /admin API that the tests use too.</summary>
        public EmulatorAdmin Admin { get; }

        public static AuthenticationHeaderValue Authorization { get; } =
            new AuthenticationHeaderValue("Basic", Convert.ToBase64String(Encoding.UTF8.GetBytes(AppId + ":" + ApiKey)));

        /// <param name="flags">More emulator flags (--request-log 0 ...) after the port and app every bench emulator gets.</param>
        public static async Task<EmulatorProcess> StartAsync(params string[] flags)
        {
            var dll = Path.Combine(AppContext.BaseDirectory, "IntercomPS.Emulator.dll");
            var start = new ProcessStartInfo(Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") ?? "dotnet")
            {
                RedirectStandardOutput = true,
                UseShellExecute = false,
            };
            // When the bench runs under dotnet-trace, the emulator must not inherit the port and wait for a tracer.
            start.Environment.Remove("DOTNET_DiagnosticPorts");
            foreach (var argument in new[] { dll, "--port", "0", "--app", AppId + ":" + ApiKey }.Concat(flags)) start.ArgumentList.Add(argument);
            var process = Process.Start(start) ?? throw new InvalidOperationException("Cannot start the emulator.");
            // It prints one line: "Intercom emulator listening on http://127.0.0.1:PORT/ | REST API 2.x ...".
            var line = await process.StandardOutput.ReadLineAsync().WaitAsync(TimeSpan.FromSeconds(30));
            var match = Regex.Match(line ?? string.Empty, @"listening on (\S+)");
            if (!match.Success)
            {
                process.Kill();
                throw new InvalidOperationException("The emulator did not print its address: " + line);
            }
            return new EmulatorProcess(process, new Uri(match.Groups[1].Value));
        }

        /// <summary>Wipes the app's users, tags and request counts.</summary>
        public Task ResetAsync() => Admin.ResetAsync(AppId);

        /// <summary>Users user1..user{count} (email userN@example.com), created in one transaction.</summary>
        public Task SeedAsync(int count) => Admin.SeedAsync(AppId, count);

        public async Task ResetAndSeedAsync(int count)
        {
            await ResetAsync();
            await SeedAsync(count);
        }

        public Task SetLatencyAsync(int milliseconds) => Admin.SetFaultsAsync(new Dictionary<string, object> { ["latency_ms"] = milliseconds });

        /// <summary>/v1 requests the app received since the last reset.</summary>
        public async Task<int> RequestCountAsync() => (await Admin.GetRequestsAsync(AppId)).Total;

        /// <summary>A client for raw API calls: what a hand-written script does instead of using the module.</summary>
        public HttpClient CreateApiClient()
        {
            var client = new HttpClient { BaseAddress = ApiUri };
            client.DefaultRequestHeaders.Authorization = Authorization;
            client.DefaultRequestHeaders.Accept.Add(new MediaTypeWithQualityHeaderValue("application/json"));
            return client;
        }

        public async ValueTask DisposeAsync()
        {
            Admin.Dispose();
            if (!_process.HasExited)
            {
                // SIGTERM lets it shut down cleanly and delete its temporary database; SIGKILL only if it hangs.
                using (var term = Process.Start("kill", new[] { "-TERM", _process.Id.ToString(System.Globalization.CultureInfo.InvariantCulture) })) await term.WaitForExitAsync();
                try
                {
                    await _process.WaitForExitAsync().WaitAsync(TimeSpan.FromSeconds(10));
                }
                catch (TimeoutException)
                {
                    _process.Kill();
                    await _process.WaitForExitAsync();
                }
            }
            _process.Dispose();
        }
    }
}
