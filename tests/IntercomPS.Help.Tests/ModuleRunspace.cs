using System;
using System.Collections.ObjectModel;
using System.Linq;
using System.Management.Automation;
using System.Management.Automation.Runspaces;

namespace IntercomPS.Help.Tests;

/// <summary>One runspace with the staged module imported, shared by a test class.</summary>
public sealed class ModuleRunspace : IDisposable
{
    private readonly Runspace _runspace;

    public ModuleRunspace()
    {
        var state = InitialSessionState.CreateDefault2();
        state.ThrowOnRunspaceOpenError = true;
        state.ImportPSModule(new[] { Repo.Manifest });
        _runspace = RunspaceFactory.CreateRunspace(state);
        _runspace.Open();
        if (Invoke("Get-Module IntercomPS").Count != 1) throw new InvalidOperationException($"{Repo.Manifest} did not import");
    }

    /// <summary>Runs a script and returns its output; any error fails the test with the error's text.</summary>
    public Collection<PSObject> Invoke(string script)
    {
        using var shell = PowerShell.Create();
        shell.Runspace = _runspace;
        var output = shell.AddScript(script).Invoke();
        if (shell.Streams.Error.Count > 0)
            throw new InvalidOperationException($"'{script}' failed: {string.Join("; ", shell.Streams.Error.Select(e => e.ToString()))}");
        return output;
    }

    public void Dispose() => _runspace.Dispose();
}
