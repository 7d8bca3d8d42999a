using System;
using System.Diagnostics;
using System.IO;
using System.Threading.Tasks;

namespace IntercomPS.Bench
{
    /// <summary>
    /// Intercom's official Node SDK (npm `intercom-client`, the 7.x line, which speaks 2.14 by default) as a peer: the
    /// bench installs it with npm into a directory of its own beside the bench (once; later runs reuse it), as the
    /// tests install what they need, and runs each peer script in a `node` child process that times its own work.
    /// </summary>
    public static class NodeSdk
    {
        /// <summary>The version measured, pinned so two runs measure the same SDK.</summary>
        public const string Package = "intercom-client@7.0.3";

        private static readonly string Home = Path.Combine(AppContext.BaseDirectory, "node-sdk");

        /// <summary>
        /// Runs an ES module that ends by printing "RESULT &lt;milliseconds&gt; &lt;count&gt;". It starts with
        /// <c>client</c>, an IntercomClient for the emulator's 2.14 face, and <c>clock</c>, the time its work starts.
        /// Anything on stderr, or a missing RESULT, fails the row.
        /// </summary>
        public static async Task<(TimeSpan Time, long Count)> TimeAsync(Uri root, string script)
        {
            await InstallAsync();
            var file = Path.Combine(Home, $"peer-{Guid.NewGuid():N}.mjs");
            await File.WriteAllTextAsync(file, $$"""
                import { IntercomClient } from "intercom-client";
                const client = new IntercomClient({ token: "{{EmulatorProcess.ApiKey}}", baseUrl: "{{root.ToString().TrimEnd('/')}}", maxRetries: 8 });
                const clock = performance.now();

                """ + script);
            try
            {
                var (output, errors, exitCode) = await RunAsync("node", Home, file);
                if (exitCode != 0 || errors.Trim().Length > 0) throw new InvalidOperationException($"node exited with {exitCode}: {Pwsh.Tail(errors + output)}");
                return Pwsh.Result(output, "node");
            }
            finally
            {
                File.Delete(file);
            }
        }

        /// <summary>npm install of <see cref="Package"/> into the bench's own directory, unless it is there.</summary>
        private static async Task InstallAsync()
        {
            if (File.Exists(Path.Combine(Home, "node_modules", "intercom-client", "package.json"))) return;
            Directory.CreateDirectory(Home);
            // A package.json of its own, so npm installs here rather than in a parent project.
            await File.WriteAllTextAsync(Path.Combine(Home, "package.json"), "{\"name\":\"intercomps-bench-peer\",\"private\":true}");
            Console.Error.WriteLine($"installing {Package} with npm into {Home}");
            var (output, errors, exitCode) = await RunAsync("npm", Home, "install", "--no-audit", "--no-fund", "--no-update-notifier", Package);
            if (exitCode != 0) throw new InvalidOperationException($"npm install {Package} failed ({exitCode}): {Pwsh.Tail(errors + output)}");
        }

        private static async Task<(string Output, string Errors, int ExitCode)> RunAsync(string program, string directory, params string[] arguments)
        {
            var start = new ProcessStartInfo(program) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false, WorkingDirectory = directory };
            foreach (var argument in arguments) start.ArgumentList.Add(argument);
            using var process = Process.Start(start) ?? throw new InvalidOperationException($"Cannot start {program}.");
            var output = process.StandardOutput.ReadToEndAsync();
            var errors = process.StandardError.ReadToEndAsync();
            await process.WaitForExitAsync();
            return (await output, await errors, process.ExitCode);
        }
    }
}
