using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.IO;
using System.Linq;
using System.Management.Automation;
using System.Management.Automation.Runspaces;
using System.Threading.Tasks;
using IntercomPS.Host;

namespace IntercomPS.Bench
{
    /// <summary>
    /// The real PowerShell engine with the staged module imported (tools/IntercomPS.Host's ModuleRunspace) and
    /// connected to the emulator. Output goes nowhere, as in a scheduled script; errors fail the benchmark.
    /// </summary>
    public sealed class Engine : IDisposable
    {
        private readonly ModuleRunspace _runspace;

        private Engine(ModuleRunspace runspace, TimeSpan coldOpen, TimeSpan warmOpen, TimeSpan moduleOpen)
        {
            _runspace = runspace;
            ColdRunspaceOpen = coldOpen;
            WarmRunspaceOpen = warmOpen;
            ModuleRunspaceOpen = moduleOpen;
        }

        /// <summary>The first runspace of the process: the engine's own start-up (JIT, type tables).</summary>
        public TimeSpan ColdRunspaceOpen { get; }

        /// <summary>Runspaces without the module (median of 3): what opening costs once the engine is warm.</summary>
        public TimeSpan WarmRunspaceOpen { get; }

        /// <summary>A runspace that imports the module, the first import in the process (warm engine, cold module).</summary>
        public TimeSpan ModuleRunspaceOpen { get; }

        public string ModulePath => _runspace.ModulePath;

        /// <summary>Starts the engine, timing the runspace opens that show what importing the module costs.</summary>
        public static Engine Start(Uri apiUri)
        {
            var coldOpen = TimePlainRunspace();
            var warmOpen = Median.Middle(new[] { TimePlainRunspace(), TimePlainRunspace(), TimePlainRunspace() });
            var clock = Stopwatch.StartNew();
            var runspace = new ModuleRunspace(NewHost());
            var moduleOpen = clock.Elapsed;
            runspace.Connect(apiUri, EmulatorProcess.AppId, EmulatorProcess.ApiKey);
            return new Engine(runspace, coldOpen, warmOpen, moduleOpen);
        }

        /// <summary>Fresh runspaces importing the module again (median of 3): the import cost once the dll is loaded.</summary>
        public TimeSpan TimeWarmImport() => Median.Middle(new[] { TimeImport(), TimeImport(), TimeImport() });

        private TimeSpan TimeImport()
        {
            var clock = Stopwatch.StartNew();
            using (new ModuleRunspace(NewHost(), ModulePath)) return clock.Elapsed;
        }

        public void SetVariable(string name, object? value) => _runspace.Runspace.SessionStateProxy.SetVariable(name, value);

        /// <summary>
        /// Runs a script; any error, terminating or not, fails the benchmark rather than flattering it. Awaited, not
        /// waited on: the pipeline runs on the runspace's own thread, as in pwsh, and no thread-pool thread is held
        /// that the module's HTTP continuations need (this machine has two).
        /// </summary>
        public async Task<IReadOnlyList<PSObject>> RunAsync(string script)
        {
            using var shell = PowerShell.Create(_runspace.Runspace);
            shell.AddScript(script);
            var output = await shell.InvokeAsync();
            var objects = output.ToList();
            if (shell.Streams.Error.Count > 0)
            {
                throw new InvalidOperationException($"The script wrote {shell.Streams.Error.Count} errors; the first: {shell.Streams.Error[0]}");
            }
            return objects;
        }

        /// <summary>Runs a script and returns how long it took.</summary>
        public async Task<TimeSpan> TimeAsync(string script)
        {
            var clock = Stopwatch.StartNew();
            await RunAsync(script);
            return clock.Elapsed;
        }

        public async Task<bool> HasParameterAsync(string command, string parameter) =>
            (await RunAsync($"(Get-Command {command}).Parameters.ContainsKey('{parameter}')")).Single().BaseObject is true;

        /// <summary>A public constant of the loaded module (the module is never referenced, so it is read as users could), or null.</summary>
        public async Task<int?> ConstantAsync(string type, string name) =>
            (await RunAsync($"if ('{type}' -as [type]) {{ [{type}]::{name} }}")).SingleOrDefault()?.BaseObject as int?;

        private static ScriptHost NewHost() => new ScriptHost(TextWriter.Null, TextWriter.Null, new StringReader(string.Empty));

        private static TimeSpan TimePlainRunspace()
        {
            var clock = Stopwatch.StartNew();
            using var runspace = RunspaceFactory.CreateRunspace(NewHost(), InitialSessionState.CreateDefault2());
            runspace.Open();
            return clock.Elapsed;
        }

        public void Dispose() => _runspace.Dispose();
    }
}
