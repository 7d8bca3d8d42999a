using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.IO;
using System.Linq;
using System.Management.Automation;
using System.Management.Automation.Runspaces;
using System.Threading.Tasks;
using System.Security;

namespace IntercomPS.Bench
{
    /// <summary>
    /// The real PowerShell engine (Microsoft.PowerShell.SDK 7.6.9, hosted in this process) with the staged module
    /// imported by Import-Module, as users load it, and connected to the emulator. Output goes nowhere, as in a
    /// scheduled script; errors fail the benchmark.
    /// </summary>
    public sealed class Engine : IDisposable
    {
        private readonly Runspace _runspace;

        private Engine(Runspace runspace, string modulePath)
        {
            _runspace = runspace;
            ModulePath = modulePath;
        }

        public string ModulePath { get; }

        /// <summary>Opens a runspace with the module imported and connects it to the emulator.</summary>
        public static Engine Start(Uri apiUri)
        {
            var modulePath = IntercomPS.Testing.StagedModule.Manifest();
            var engine = new Engine(OpenModuleRunspace(modulePath), modulePath);
            using (var shell = PowerShell.Create(engine._runspace))
            {
                shell.AddCommand("Connect-Intercom")
                    .AddParameter("AppId", EmulatorProcess.AppId)
                    .AddParameter("ApiKey", ToSecureString(EmulatorProcess.ApiKey))
                    .AddParameter("BaseUri", apiUri);
                shell.Invoke();
                if (shell.HadErrors) throw new InvalidOperationException("Connect-Intercom failed: " + shell.Streams.Error.FirstOrDefault());
            }
            return engine;
        }

        public void SetVariable(string name, object? value) => _runspace.SessionStateProxy.SetVariable(name, value);

        /// <summary>
        /// Runs a script; any error, terminating or not, fails the benchmark rather than flattering it. Awaited, not
        /// waited on: the pipeline runs on the runspace's own thread, as in pwsh, and no thread-pool thread is held
        /// that the module's HTTP continuations need (this machine has two).
        /// </summary>
        public async Task<IReadOnlyList<PSObject>> RunAsync(string script)
        {
            using var shell = PowerShell.Create(_runspace);
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

        /// <summary>A runspace with the module imported, as `Import-Module` leaves it; a failed import throws.</summary>
        private static Runspace OpenModuleRunspace(string modulePath)
        {
            var state = InitialSessionState.CreateDefault2();
            state.ImportPSModule(new[] { modulePath });
            // Off by default: an import that fails would otherwise leave a runspace without the module, silently.
            state.ThrowOnRunspaceOpenError = true;
            var runspace = RunspaceFactory.CreateRunspace(state);
            runspace.Open();
            return runspace;
        }

        /// <summary>The repository this program was built from (the folder with IntercomPS.sln).</summary>
        public static string RepositoryRoot { get; } = FindRepositoryRoot();

        private static string FindRepositoryRoot()
        {
            for (var folder = new DirectoryInfo(AppContext.BaseDirectory); folder is not null; folder = folder.Parent)
                if (File.Exists(Path.Combine(folder.FullName, "IntercomPS.sln"))) return folder.FullName;
            throw new FileNotFoundException("Cannot find the IntercomPS repository above " + AppContext.BaseDirectory + ".");
        }

        private static SecureString ToSecureString(string text)
        {
            var secure = new SecureString();
            foreach (var letter in text) secure.AppendChar(letter);
            secure.MakeReadOnly();
            return secure;
        }

        public void Dispose() => _runspace.Dispose();
    }
}
