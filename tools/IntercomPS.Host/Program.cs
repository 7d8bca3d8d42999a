using System;
using System.Collections.Generic;
using System.IO;
using System.Management.Automation;
using System.Management.Automation.Runspaces;
using System.Threading.Tasks;
using IntercomPS.Emulator;

namespace IntercomPS.Host
{
    /// <summary>
    /// Runs a PowerShell script or command with IntercomPS imported, formatting output as pwsh does, and
    /// exiting non-zero when the script fails. See Usage.
    /// </summary>
    public static class Program
    {
        private const string Usage = @"Usage: IntercomPS.Host [-Emulator] [-Module PATH] (-Command TEXT | FILE.ps1 [ARGS...])

Runs PowerShell with the IntercomPS module imported, on machines without pwsh.

  FILE.ps1 [ARGS...]  run a script file with its arguments
  -Command TEXT       run a command line instead of a file
  -Emulator           start an in-memory Intercom emulator first and Connect-Intercom to it
  -Module PATH        the module manifest to import (default: the repository's out/IntercomPS/IntercomPS.psd1,
                      or $env:INTERCOMPS_MODULE)
  -Help               show this text

Exit codes: 0 success; 1 the script failed with a terminating error; N when the script ran `exit N`;
2 these arguments are wrong.";

        public static async Task<int> Main(string[] args)
        {
            HostArguments arguments;
            try
            {
                arguments = HostArguments.Parse(args);
            }
            catch (ArgumentException wrong)
            {
                Console.Error.WriteLine(wrong.Message);
                Console.Error.WriteLine(Usage);
                return 2;
            }
            if (arguments.ShowHelp)
            {
                Console.WriteLine(Usage);
                return 0;
            }

            var host = new ScriptHost(Console.Out, Console.Error, Console.In, colour: !Console.IsOutputRedirected);
            IntercomEmulator? emulator = null;
            try
            {
                using var runspace = new ModuleRunspace(host, arguments.ModulePath);
                if (arguments.StartEmulator)
                {
                    const string appId = "quickstart-app";
                    var apiKey = Guid.NewGuid().ToString("N");
                    var options = new EmulatorOptions();
                    options.Apps[appId] = apiKey;
                    emulator = await IntercomEmulator.StartAsync(options);
                    runspace.Connect(emulator.ApiUri, appId, apiKey);
                    Console.Error.WriteLine($"Connected to an in-memory Intercom emulator at {emulator.ApiUri} as app '{appId}'.");
                }
                return Run(runspace, host, arguments);
            }
            catch (Exception failure) when (failure is FileNotFoundException || failure is RuntimeException || failure is IOException)
            {
                Console.Error.WriteLine(failure.Message);
                return 1;
            }
            finally
            {
                if (emulator is not null) await emulator.DisposeAsync();
            }
        }

        private static int Run(ModuleRunspace runspace, ScriptHost host, HostArguments arguments)
        {
            using var shell = PowerShell.Create(runspace.Runspace);
            if (arguments.Command is { } command) shell.AddScript(command);
            else
            {
                shell.AddCommand(Path.GetFullPath(arguments.ScriptPath!));
                foreach (var argument in arguments.ScriptArguments) shell.AddArgument(argument);
            }
            // Errors go through Out-Default with the output, in order, as pwsh shows them.
            shell.Commands.Commands[0].MergeMyResults(PipelineResultTypes.Error, PipelineResultTypes.Output);
            shell.AddCommand("Out-Default");
            try
            {
                shell.Invoke();
            }
            catch (RuntimeException failure)
            {
                WriteTerminatingError(failure.ErrorRecord);
                return 1;
            }
            if (host.ExitCode is { } requested) return requested;
            return runspace.Runspace.SessionStateProxy.GetVariable("LASTEXITCODE") is int code ? code : 0;
        }

        private static void WriteTerminatingError(ErrorRecord error)
        {
            Console.Error.WriteLine(error.ErrorDetails?.Message ?? error.Exception.Message);
            if (error.InvocationInfo?.PositionMessage is { Length: > 0 } position) Console.Error.WriteLine(position);
            Console.Error.WriteLine($"    + CategoryInfo          : {error.CategoryInfo}");
            Console.Error.WriteLine($"    + FullyQualifiedErrorId : {error.FullyQualifiedErrorId}");
        }
    }
}
