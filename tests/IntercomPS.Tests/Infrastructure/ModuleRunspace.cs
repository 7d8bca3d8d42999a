using System;
using System.IO;
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
        ModulePath = modulePath ?? FindStagedModule();
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

    /// <summary>
    /// The module the build staged: $INTERCOMPS_MODULE when set, else out/IntercomPS/IntercomPS.psd1 in the
    /// repository this program was built from.
    /// </summary>
    public static string FindStagedModule()
    {
        var fromEnvironment = Environment.GetEnvironmentVariable("INTERCOMPS_MODULE");
        if (!string.IsNullOrEmpty(fromEnvironment)) return Path.GetFullPath(fromEnvironment);
        for (var folder = new DirectoryInfo(AppContext.BaseDirectory); folder is not null; folder = folder.Parent)
        {
            if (!File.Exists(Path.Combine(folder.FullName, "IntercomPS.sln"))) continue;
            var manifest = Path.Combine(folder.FullName, "out", "IntercomPS", "IntercomPS.psd1");
            if (File.Exists(manifest)) return manifest;
            throw new FileNotFoundException($"The module is not staged at {manifest}. Run `dotnet build` in {folder.FullName} first.", manifest);
        }
        throw new FileNotFoundException("Cannot find the IntercomPS repository above " + AppContext.BaseDirectory + "; set INTERCOMPS_MODULE to the module's .psd1.");
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
