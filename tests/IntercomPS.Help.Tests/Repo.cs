using System;
using System.IO;
using System.Linq;
using IntercomPS.HelpGen;

namespace IntercomPS.Help.Tests;

/// <summary>Where the repository's docs and staged module are, found from the test's own folder.</summary>
internal static class Repo
{
    public static readonly string Root = FindRoot(AppContext.BaseDirectory);

    public static string Docs => Path.Combine(Root, "docs");

    public static string Manifest => Path.Combine(Root, "out", "IntercomPS", "IntercomPS.psd1");

    /// <summary>Every cmdlet page, named as the generator names them.</summary>
    public static string[] PagePaths() => Directory.GetFiles(Docs, "*-*.md").OrderBy(p => p, StringComparer.Ordinal).ToArray();

    public static CommandPage[] Pages() => PagePaths().Select(PageReader.Read).ToArray();

    /// <summary>The generator's good test page (tests/IntercomPS.Help.Tests/Pages/Get-Widget.md), copied to the output folder.</summary>
    public static string GoodPage => File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Pages", "Get-Widget.md")).Replace("\r\n", "\n");

    private static string FindRoot(string from)
    {
        for (var dir = new DirectoryInfo(from); dir != null; dir = dir.Parent)
            if (File.Exists(Path.Combine(dir.FullName, "IntercomPS.sln"))) return dir.FullName;
        throw new InvalidOperationException($"No IntercomPS.sln above {from}");
    }
}
