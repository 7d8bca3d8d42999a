using System;
using System.Management.Automation;
using System.Management.Automation.Host;
using System.Management.Automation.Runspaces;
using System.Security;

namespace IntercomPS.Tests.Infrastructure;

/// <summary>
/// The real PowerShell engine (Microsoft.PowerShell.SDK: every built-in module) in this process, with the staged
/// module folder imported as `Import-Module out/IntercomPS` leaves it. Never the loose dll: a process that loaded
/// IntercomPS.dll from one path cannot import a copy from another, and the manifest, format file and help are tested too.
/// </summary>
public sealed class ModuleRunspace : IDisposable
{
    public ModuleRunspace(PSHost? host = null, string? modulePath = null)
    {
        ModulePath = modulePath ?? IntercomPS.Testing.StagedModule.Manifest();
        var state = InitialSessionState.CreateDefault2();
        state.ImportPSModule(new[] { ModulePath });
        // Off by default: an import that fails would otherwise leave a runspace without the module, silently.
        state.ThrowOnRunspaceOpenError = true;
        Runspace = host is null ? RunspaceFactory.CreateRunspace(state) : RunspaceFactory.CreateRunspace(host, state);
        Runspace.Open();
    }

    public Runspace Runspace { get; }

    public string ModulePath { get; }

    /// <summary>Connect-Intercom in this runspace, the key handed over as a SecureString.</summary>
    public void Connect(Uri baseUri, string appId, string apiKey)
    {
        using var shell = PowerShell.Create(Runspace);
        shell.AddCommand("Connect-Intercom")
            .AddParameter("AppId", appId)
            .AddParameter("ApiKey", ToSecureString(apiKey))
            .AddParameter("BaseUri", baseUri);
        shell.Invoke();
    }

    public static SecureString ToSecureString(string text)
    {
        var secure = new SecureString();
        foreach (var letter in text) secure.AppendChar(letter);
        secure.MakeReadOnly();
        return secure;
    }

    public void Dispose() => Runspace.Dispose();
}
