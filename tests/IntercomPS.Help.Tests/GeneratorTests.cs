using System;
using System.Diagnostics;
using System.IO;
using System.Xml.Linq;
using Xunit;

namespace IntercomPS.Help.Tests;

/// <summary>The generator as the build runs it: a folder in, one MAML file out, a non-zero exit on a bad page.</summary>
public sealed class GeneratorTests : IDisposable
{
    private readonly string _docs = Directory.CreateTempSubdirectory("helpgen-").FullName;

    private string Output => Path.Combine(_docs, "out", "IntercomPS.dll-Help.xml");

    private (int ExitCode, string Errors) Run()
    {
        var generator = Path.Combine(AppContext.BaseDirectory, "IntercomPS.HelpGen.dll");
        var start = new ProcessStartInfo("dotnet") { RedirectStandardError = true, RedirectStandardOutput = true };
        foreach (var arg in new[] { generator, _docs, Output }) start.ArgumentList.Add(arg);
        using var process = Process.Start(start)!;
        process.StandardOutput.ReadToEnd();
        var errors = process.StandardError.ReadToEnd();
        process.WaitForExit();
        return (process.ExitCode, errors);
    }

    [Fact]
    public void Writes_every_Verb_Noun_page_and_skips_other_markdown()
    {
        File.WriteAllText(Path.Combine(_docs, "Get-Widget.md"), Repo.GoodPage);
        File.WriteAllText(Path.Combine(_docs, "ARCHITECTURE.md"), "# Not a cmdlet page\n");

        var (exitCode, errors) = Run();

        Assert.Equal("", errors);
        Assert.Equal(0, exitCode);
        var names = XDocument.Load(Output).Descendants(XName.Get("name", "http://schemas.microsoft.com/maml/dev/command/2004/10"));
        Assert.Equal(new[] { "Get-Widget" }, System.Linq.Enumerable.Select(names, n => n.Value));
    }

    [Fact]
    public void Reports_every_bad_page_and_fails()
    {
        File.WriteAllText(Path.Combine(_docs, "Get-Widget.md"), Repo.GoodPage.Replace("Gets widgets.", ""));
        File.WriteAllText(Path.Combine(_docs, "Set-Widget.md"), Repo.GoodPage.Replace("# Get-Widget", "# Set-Widget").Replace("IntercomPS.dll-Help.xml", "Other.dll-Help.xml"));

        var (exitCode, errors) = Run();

        Assert.Equal(1, exitCode);
        Assert.Contains($"{Path.Combine(_docs, "Get-Widget.md")}(10): error HELPGEN: '## SYNOPSIS' is empty", errors);
        Assert.Contains($"{Path.Combine(_docs, "Set-Widget.md")}(2): error HELPGEN: external help file is 'Other.dll-Help.xml' but this build writes 'IntercomPS.dll-Help.xml'", errors);
        Assert.False(File.Exists(Output));
    }

    public void Dispose() => Directory.Delete(_docs, recursive: true);
}
