using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Linq;
using System.Management.Automation;
using System.Runtime;
using System.Runtime.InteropServices;
using System.Threading.Tasks;
using IntercomPS.Bench.Scenarios;

namespace IntercomPS.Bench
{
    /// <summary>Runs the chosen scenarios against an emulator process and prints one table. See Usage.</summary>
    public static class Program
    {
        private static readonly IScenario[] Scenarios =
        {
            new ListUsers(), new Concurrent("lookup"), new Concurrent("update"), new Concurrent("tag"), new ListMemory(), new RequestOverhead(),
            new ImportTime(), new PagingDepth(), new EmulatorThroughput(), new V2Face(),
            new V2Listing(), new V2Memory(), new V2Requests("v2lookup"), new V2Requests("v2update"), new V2Requests("v2tag"), new RateLimitedSync(), new InspectorLog(),
        };

        private static string Usage => "Usage: IntercomPS.Bench [--quick] [--only KEY[,KEY...]]\n\n"
            + "  --quick  fewer users and shorter runs (CI smoke); the default is the full run\n"
            + "  --only   run only these scenarios:\n"
            + string.Concat(Scenarios.Select(s => $"             {s.Key,-11} {s.Description}\n"))
            + "\nExit codes: 0 every target met; 1 a target missed or a scenario failed; 2 bad arguments.";

        public static async Task<int> Main(string[] args)
        {
            if (args is ["--hello"])
            {
                await HelloServer.RunAsync();
                return 0;
            }
            if (args is ["--sqlite-put"])
            {
                await SqliteWriteServer.RunAsync();
                return 0;
            }
            SetBuildEnvironment();
            var quick = false;
            var chosen = Scenarios.ToList();
            for (var i = 0; i < args.Length; i++)
            {
                switch (args[i])
                {
                    case "--quick":
                        quick = true;
                        break;
                    case "--only" when i + 1 < args.Length:
                        var keys = args[++i].Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
                        var unknown = keys.Where(key => Scenarios.All(s => s.Key != key)).ToList();
                        if (unknown.Count > 0) return Fail($"Unknown scenario: {string.Join(", ", unknown)}");
                        chosen = Scenarios.Where(s => keys.Contains(s.Key)).ToList();
                        break;
                    case "--help" or "-h":
                        Console.WriteLine(Usage);
                        return 0;
                    default:
                        return Fail($"Unexpected argument '{args[i]}'.");
                }
            }

            WriteMachine(quick);
            await using var emulator = await EmulatorProcess.StartAsync();
            using var engine = Engine.Start(emulator.ApiUri);
            Console.WriteLine($"emulator: pid {emulator.ProcessId} at {emulator.BaseUri}; module: {engine.ModulePath}");
            Console.WriteLine();

            var context = new BenchContext(emulator, engine, quick);
            var rows = new List<Row>();
            var failed = false;
            foreach (var scenario in chosen)
            {
                Console.Error.WriteLine($"running {scenario.Key}: {scenario.Description} (load average {LoadAverage})");
                try
                {
                    rows.AddRange(await scenario.RunAsync(context));
                }
                catch (Exception failure) when (failure is InvalidOperationException or RuntimeException or System.Net.Http.HttpRequestException)
                {
                    // One broken scenario should not hide the others' numbers.
                    rows.Add(new Row(scenario.Key, "error", failure.Message, "-", "-", false));
                    failed = true;
                }
            }
            Row.WriteTable(Console.Out, rows);
            Console.WriteLine();
            Console.WriteLine($"load average after: {LoadAverage} (other processes on these cores skew every number)");
            return failed || rows.Any(row => row.Pass == false) ? 1 : 0;
        }

        /// <summary>
        /// build.env's variables, set in this process before anything starts: neither the engine it hosts nor a child
        /// (pwsh, the emulator, wrk) may reach out of the machine with telemetry or update checks, and pwsh reads
        /// them only as it starts, so the children must be born with them.
        /// </summary>
        private static void SetBuildEnvironment()
        {
            foreach (var line in System.IO.File.ReadAllLines(System.IO.Path.Combine(Engine.RepositoryRoot, "build.env")))
                if (!line.StartsWith('#') && line.Split('=', 2) is [var name, var value]) Environment.SetEnvironmentVariable(name, value);
        }

        private static void WriteMachine(bool quick)
        {
            var gc = GCSettings.IsServerGC ? "server" : "workstation";
            Console.WriteLine($"date: {DateTime.UtcNow:yyyy-MM-dd HH:mm} UTC; run: {(quick ? "quick" : "full")}");
            Console.WriteLine($"machine: {RuntimeInformation.OSDescription} {RuntimeInformation.OSArchitecture}, {Environment.ProcessorCount} cores, "
                + $"{GC.GetGCMemoryInfo().TotalAvailableMemoryBytes / (1024 * 1024 * 1024.0):0} GiB");
            Console.WriteLine($"runtime: {RuntimeInformation.FrameworkDescription}, {gc} GC; PowerShell engine "
                + $"{typeof(PowerShell).Assembly.GetName().Version}; configuration: {Configuration}");
            Console.WriteLine($"load average before: {LoadAverage}");
        }

        private static string Configuration =>
            typeof(Program).Assembly.GetCustomAttributes(typeof(DebuggableAttribute), false).OfType<DebuggableAttribute>().Any(d => d.IsJITOptimizerDisabled) ? "Debug" : "Release";

        /// <summary>1, 5 and 15 minute load averages: a busy machine explains a slow run.</summary>
        private static string LoadAverage =>
            System.IO.File.Exists("/proc/loadavg") ? string.Join(" ", System.IO.File.ReadAllText("/proc/loadavg").Split(' ').Take(3)) : "unknown";

        private static int Fail(string message)
        {
            Console.Error.WriteLine(message);
            Console.Error.WriteLine(Usage);
            return 2;
        }
    }
}
