using System;
using System.Collections.Generic;
using System.Linq;
using System.Management.Automation;
using System.Management.Automation.Runspaces;

namespace IntercomPS.Pester.Tests;

/// <summary>One It: its full path (Describe > Context > It), Passed/Failed/Skipped/Discovered, and why it failed.</summary>
public sealed record ItResult(string Path, string Outcome, string Message, string Location);

/// <summary>A file's Its, plus failures no It owns (discovery errors, failing AfterAll).</summary>
public sealed record FileResult(string File, IReadOnlyList<ItResult> Its, IReadOnlyList<string> Errors)
{
    public ItResult It(string path) =>
        Its.SingleOrDefault(i => i.Path == path) ?? throw new KeyNotFoundException($"No It '{path}' in {File}. Its: {string.Join(" | ", Its.Select(i => i.Path))}");
}

/// <summary>Runs one .ps1 file through PesterCompat.psm1 in a fresh runspace of the real engine.</summary>
public static class PesterRunner
{
    public static FileResult Run(string file, bool discoveryOnly = false, IReadOnlyDictionary<string, object>? globals = null)
    {
        var state = InitialSessionState.CreateDefault2();
        state.ThrowOnRunspaceOpenError = true;
        using var runspace = RunspaceFactory.CreateRunspace(state);
        runspace.Open();
        foreach (var (name, value) in globals ?? new Dictionary<string, object>())
        {
            runspace.SessionStateProxy.SetVariable(name, value);
        }

        using var shell = PowerShell.Create(runspace);
        shell.AddCommand("Import-Module").AddParameter("Name", RepoPaths.PesterCompat).AddParameter("ErrorAction", "Stop")
            .AddStatement().AddCommand("Invoke-PesterCompat").AddParameter("Path", file);
        if (discoveryOnly)
        {
            shell.AddParameter("DiscoveryOnly");
        }

        var result = shell.Invoke().Single();
        var its = ((object[])result.Properties["Tests"].Value).Cast<PSObject>().Select(ToResult).ToList();
        var errors = ((object[])result.Properties["Errors"].Value).Select(e => (string)e).ToList();
        return new FileResult(file, Disambiguate(its), errors);
    }

    private static ItResult ToResult(PSObject it) =>
        new(Text(it, "Path"), Text(it, "Outcome"), Text(it, "Message"), Text(it, "Location"));

    private static string Text(PSObject item, string name) => item.Properties[name].Value as string ?? "";

    // Pester allows two Its with one name; xunit cases need distinct keys, so later ones get " #2", " #3"...
    private static List<ItResult> Disambiguate(List<ItResult> its)
    {
        var seen = new Dictionary<string, int>(StringComparer.Ordinal);
        return its.Select(it =>
        {
            var count = seen[it.Path] = seen.GetValueOrDefault(it.Path) + 1;
            return count == 1 ? it : it with { Path = $"{it.Path} #{count}" };
        }).ToList();
    }
}
