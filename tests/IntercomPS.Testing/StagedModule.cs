using System;
using System.IO;

namespace IntercomPS.Testing;

/// <summary>Where the build staged the importable module, for every test project and the bench.</summary>
public static class StagedModule
{
    /// <summary>
    /// $INTERCOMPS_MODULE when set, else out/IntercomPS/IntercomPS.psd1 in the repository the caller was built from.
    /// </summary>
    public static string Manifest()
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
}
