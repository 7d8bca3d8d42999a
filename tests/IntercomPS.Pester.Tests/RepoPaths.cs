using System;
using System.IO;

namespace IntercomPS.Pester.Tests;

/// <summary>Paths in the repository this assembly was built from; scripts are read from source, not copied.</summary>
internal static class RepoPaths
{
    public static string Root { get; } = FindRoot();

    public static string Tests => Path.Combine(Root, "tests");

    public static string PesterCompat => Path.Combine(Tests, "IntercomPS.Pester.Tests", "PesterCompat.psm1");

    public static string Fixtures => Path.Combine(Tests, "IntercomPS.Pester.Tests", "Fixtures");

    public static string ModuleManifest => Path.Combine(Root, "out", "IntercomPS", "IntercomPS.psd1");

    private static string FindRoot()
    {
        for (var folder = new DirectoryInfo(AppContext.BaseDirectory); folder is not null; folder = folder.Parent)
        {
            if (File.Exists(Path.Combine(folder.FullName, "IntercomPS.sln")))
            {
                return folder.FullName;
            }
        }

        throw new DirectoryNotFoundException("No IntercomPS.sln above " + AppContext.BaseDirectory);
    }
}
