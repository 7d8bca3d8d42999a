using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Management.Automation;
using System;
using IntercomPS.Testing;


namespace IntercomPS.Tests.Infrastructure
{
    /// <summary>
    /// A real PowerShell runspace with the staged module imported, through a host that records what pwsh would
    /// print, so -WhatIf text, prompts and formatted output can be checked. Connected to the emulator unless told not to.
    /// </summary>
    public sealed class PowerShellSession : IDisposable
    {
        private readonly RecordingHost _host;
        private readonly ModuleRunspace _runspace;

        /// <param name="answers">What the "user" types at prompts, in order.</param>
        public PowerShellSession(EmulatorFixture? emulator, params string[] answers)
        {
            _host = new RecordingHost(answers);
            _runspace = new ModuleRunspace(_host);
            if (emulator is not null) _runspace.Connect(emulator.ApiUri, EmulatorFixture.AppId, EmulatorFixture.ApiKey);
        }

        /// <summary>Everything the host printed: formatted output, -WhatIf text, prompts.</summary>
        public string HostOutput => _host.Output;

        /// <summary>What the host printed to its error writer (Verbose/Debug/Warning lines when shown through the host).</summary>
        public string HostErrors => _host.Errors;

        public void SetVariable(string name, object? value) => _runspace.Runspace.SessionStateProxy.SetVariable(name, value);

        /// <summary>$uri, $appId and $key (a SecureString) for scripts that call Connect-Intercom themselves.</summary>
        public void SetConnectionVariables(EmulatorFixture emulator)
        {
            SetVariable("uri", emulator.ApiUri);
            SetVariable("appId", EmulatorFixture.AppId);
            SetVariable("key", ModuleRunspace.ToSecureString(EmulatorFixture.ApiKey));
        }

        /// <summary>A PowerShell on this runspace, for tests that drive an invocation themselves (e.g. to stop it).</summary>
        public PowerShell CreateShell() => PowerShell.Create(_runspace.Runspace);

        public RunResult Run(string script)
        {
            using var shell = PowerShell.Create(_runspace.Runspace);
            shell.AddScript(script);
            List<PSObject> output;
            RuntimeException? terminating = null;
            try
            {
                output = shell.Invoke().ToList();
            }
            catch (RuntimeException failure)
            {
                output = new List<PSObject>();
                terminating = failure;
            }
            return new RunResult(output, shell.Streams, terminating);
        }

        public void Dispose() => _runspace.Dispose();
    }

    public static class PSObjectExtensions
    {
        /// <summary>A property's value, or a failure naming the property when the object has none of that name.</summary>
        public static object? Get(this PSObject item, string property) =>
            (item.Properties[property] ?? throw new Xunit.Sdk.XunitException($"{item.TypeNames[0]} has no property {property}.")).Value;

        public static string? Text(this PSObject item, string property) => item.Get(property)?.ToString();
    }

    /// <summary>What one script produced, stream by stream.</summary>
    public sealed class RunResult
    {
        public RunResult(List<PSObject> output, PSDataStreams streams, RuntimeException? terminating)
        {
            Output = output;
            Errors = streams.Error.ToList();
            Verbose = streams.Verbose.Select(record => record.Message).ToList();
            Debug = streams.Debug.Select(record => record.Message).ToList();
            Warnings = streams.Warning.Select(record => record.Message).ToList();
            Progress = streams.Progress.ToList();
            Terminating = terminating;
        }

        public IReadOnlyList<PSObject> Output { get; }
        public IReadOnlyList<ErrorRecord> Errors { get; }
        public IReadOnlyList<string> Verbose { get; }
        public IReadOnlyList<string> Debug { get; }
        public IReadOnlyList<string> Warnings { get; }
        public IReadOnlyList<ProgressRecord> Progress { get; }
        public RuntimeException? Terminating { get; }

        public IEnumerable<T> Objects<T>() => Output.Select(item => item.BaseObject).OfType<T>();

        /// <summary>
        /// The output objects of one module type (e.g. "IntercomPS.User"). The tests see module objects only
        /// through PowerShell, as users do: the module's dll is loaded by Import-Module, not referenced.
        /// </summary>
        public IEnumerable<PSObject> OfType(string typeName) => Output.Where(item => item.TypeNames.Count > 0 && item.TypeNames[0] == typeName);

        public IEnumerable<PSObject> Users() => OfType("IntercomPS.User");

        /// <summary>Fails with the script's own errors when it did not run cleanly.</summary>
        public RunResult ShouldSucceed()
        {
            if (Terminating is not null) throw new Xunit.Sdk.XunitException("The script failed: " + Terminating.ErrorRecord + Environment.NewLine + Terminating.ErrorRecord.InvocationInfo?.PositionMessage);
            if (Errors.Count > 0) throw new Xunit.Sdk.XunitException("The script wrote errors:" + Environment.NewLine + string.Join(Environment.NewLine, Errors.Select(error => $"{error.FullyQualifiedErrorId}: {error}")));
            return this;
        }

        /// <summary>Every piece of text the run produced, for leak checks.</summary>
        public IEnumerable<string> AllText()
        {
            foreach (var item in Output) yield return item?.ToString() ?? string.Empty;
            foreach (var error in Errors) foreach (var text in Describe(error)) yield return text;
            foreach (var line in Verbose.Concat(Debug).Concat(Warnings)) yield return line;
            foreach (var record in Progress) yield return record.ToString();
            if (Terminating is not null) foreach (var text in Describe(Terminating.ErrorRecord)) yield return text;
        }

        private static IEnumerable<string> Describe(ErrorRecord error)
        {
            yield return error.ToString();
            yield return error.Exception.ToString();
            yield return error.ErrorDetails?.Message ?? string.Empty;
            yield return error.ErrorDetails?.RecommendedAction ?? string.Empty;
            yield return error.TargetObject?.ToString() ?? string.Empty;
        }
    }
}
