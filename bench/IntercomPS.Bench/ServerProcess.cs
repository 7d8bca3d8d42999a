using System;
using System.Diagnostics;
using System.Linq;
using System.Text.RegularExpressions;
using System.Threading.Tasks;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace IntercomPS.Bench
{
    /// <summary>
    /// This program again as one of its baseline servers (--hello, --sqlite-put), in a process of its own as the
    /// emulator is, so all are measured the same way. Disposing closes its standard input, which stops it cleanly.
    /// </summary>
    public sealed class ServerProcess : IDisposable
    {
        private readonly Process _process;

        private ServerProcess(Process process, Uri baseUri)
        {
            _process = process;
            BaseUri = baseUri;
        }

        public Uri BaseUri { get; }

        public static async Task<ServerProcess> StartAsync(string mode)
        {
            var start = new ProcessStartInfo(Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") ?? "dotnet")
            {
                RedirectStandardOutput = true,
                RedirectStandardInput = true,
                UseShellExecute = false,
            };
            start.Environment.Remove("DOTNET_DiagnosticPorts");
            start.ArgumentList.Add(typeof(ServerProcess).Assembly.Location);
            start.ArgumentList.Add(mode);
            var process = Process.Start(start) ?? throw new InvalidOperationException($"Cannot start the {mode} server.");
            var line = await process.StandardOutput.ReadLineAsync().WaitAsync(TimeSpan.FromSeconds(30));
            var match = Regex.Match(line ?? string.Empty, @"listening on (\S+)");
            if (!match.Success)
            {
                process.Kill();
                process.Dispose();
                throw new InvalidOperationException($"The {mode} server did not print its address: {line}");
            }
            return new ServerProcess(process, new Uri(match.Groups[1].Value));
        }

        /// <summary>The server's side: starts <paramref name="app"/>, prints where it listens, serves until stdin closes.</summary>
        public static async Task ServeAsync(WebApplication app, string mode)
        {
            await app.StartAsync();
            var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
            Console.WriteLine($"{mode} listening on {address.TrimEnd('/')}/");
            // Closed by Dispose, and by the bench's death too, so no server outlives a run.
            _ = Console.In.ReadToEndAsync().ContinueWith(_ => app.Lifetime.StopApplication(), TaskScheduler.Default);
            await app.WaitForShutdownAsync();
        }

        public void Dispose()
        {
            _process.StandardInput.Close();
            if (!_process.WaitForExit(TimeSpan.FromSeconds(10)))
            {
                _process.Kill();
                _process.WaitForExit();
            }
            _process.Dispose();
        }
    }
}
