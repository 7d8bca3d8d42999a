using System;
using System.Diagnostics;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Text;
using System.Threading.Tasks;

namespace IntercomPS.Bench
{
    /// <summary>
    /// Real pwsh 7.6.9 (the repository's `dotnet pwsh` tool) in a child process: where a row is about what a user
    /// would write by hand (Invoke-RestMethod loops, ForEach-Object -Parallel) and about pwsh's own start-up.
    /// </summary>
    public static class Pwsh
    {
        /// <summary>
        /// Runs a script that times its own work and ends by writing "RESULT &lt;milliseconds&gt; &lt;count&gt;";
        /// pwsh's start-up stays out of the number. Anything else on stderr, or a missing RESULT, fails the row.
        /// </summary>
        public static async Task<(TimeSpan Time, long Count)> TimeAsync(string script)
        {
            var (output, _) = await RunAsync(script);
            return Result(output, "pwsh");
        }

        /// <summary>The last "RESULT &lt;milliseconds&gt; &lt;count&gt;" line of a child's output (pwsh, node).</summary>
        internal static (TimeSpan Time, long Count) Result(string output, string child)
        {
            var line = output.Split('\n').Select(l => l.Trim()).LastOrDefault(l => l.StartsWith("RESULT ", StringComparison.Ordinal))
                ?? throw new InvalidOperationException($"The {child} script printed no RESULT line: " + Tail(output));
            var parts = line.Split(' ');
            return (TimeSpan.FromMilliseconds(double.Parse(parts[1], CultureInfo.InvariantCulture)), long.Parse(parts[2], CultureInfo.InvariantCulture));
        }

        /// <summary>Runs a script with -NoProfile -NonInteractive; returns its output and wall time, process start included.</summary>
        public static async Task<(string Output, TimeSpan Wall)> RunAsync(string script)
        {
            var start = new ProcessStartInfo(Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") ?? "dotnet")
            {
                RedirectStandardOutput = true,
                RedirectStandardError = true,
                UseShellExecute = false,
                WorkingDirectory = Engine.RepositoryRoot, // where dotnet-tools.json names pwsh
            };
            start.Environment.Remove("DOTNET_DiagnosticPorts");
            foreach (var argument in new[] { "pwsh", "-NoProfile", "-NonInteractive", "-Command", "$ErrorActionPreference = 'Stop'\n" + script }) start.ArgumentList.Add(argument);
            var clock = Stopwatch.StartNew();
            using var process = Process.Start(start) ?? throw new InvalidOperationException("Cannot start pwsh.");
            var output = process.StandardOutput.ReadToEndAsync();
            var errors = process.StandardError.ReadToEndAsync();
            await process.WaitForExitAsync();
            var wall = clock.Elapsed;
            var text = await output;
            var errorText = await errors;
            if (process.ExitCode != 0 || errorText.Trim().Length > 0)
                throw new InvalidOperationException($"pwsh exited with {process.ExitCode}: {Tail(errorText + text)}");
            return (text, wall);
        }

        /// <summary>A PowerShell single-quoted string literal.</summary>
        public static string Quote(string text) => "'" + text.Replace("'", "''") + "'";

        internal static string Tail(string text) => text.Length <= 600 ? text.Trim() : "..." + text.Substring(text.Length - 600).Trim();
    }
}
