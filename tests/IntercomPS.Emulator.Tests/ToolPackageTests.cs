using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.IO;
using System.Linq;
using System.Net.Http;
using System.Runtime.InteropServices;
using System.Threading.Tasks;
using IntercomPS.Testing;
using Xunit;

namespace IntercomPS.Emulator.Tests;

/// <summary>The emulator ships as a .NET tool: pack it, install it from a folder as users would, run the command.</summary>
public sealed class ToolPackageTests : IDisposable
{
    private readonly string directory = Directory.CreateTempSubdirectory("intercom-emulator-tool-").FullName;

    public void Dispose() => Directory.Delete(directory, recursive: true);

    [Fact]
    public async Task Dotnet_pack_makes_a_tool_package_that_installs_from_a_folder_and_runs_as_intercom_emulator()
    {
        var project = Path.Combine(RepoRoot(), "src", "IntercomPS.Emulator", "IntercomPS.Emulator.csproj");
        var feed = Path.Combine(directory, "feed");
        var tools = Path.Combine(directory, "tools");

        // --no-build: the emulator this test project references is already built in this configuration.
        Run("pack", project, "--no-build", "--configuration", Configuration(), "--output", feed, "--nologo");
        var package = Path.GetFileName(Assert.Single(Directory.GetFiles(feed, "*.nupkg")));
        Assert.Matches(@"^IntercomPS\.Emulator\.\d+\.\d+\.\d+\.nupkg$", package);
        var version = package["IntercomPS.Emulator.".Length..^".nupkg".Length];

        // A nuget.config with the folder as the only source: what the README's "from a local folder" does, offline.
        var config = Path.Combine(directory, "nuget.config");
        File.WriteAllText(config, $"""<configuration><packageSources><clear /><add key="local" value="{feed}" /></packageSources></configuration>""");
        Run("tool", "install", "IntercomPS.Emulator", "--tool-path", tools, "--configfile", config, "--version", version);

        var command = Path.Combine(tools, OperatingSystem.IsWindows() ? "intercom-emulator.exe" : "intercom-emulator");
        Assert.True(File.Exists(command), $"no {command} after install");
        var dotnetRoot = Path.GetDirectoryName(Environment.ProcessPath)!; // the tool's launcher finds the runtime here
        using var emulator = EmulatorProcess.StartProgram(command, ["--port", "0", "--app", "tool-app:tool-key"], new Dictionary<string, string> { ["DOTNET_ROOT"] = dotnetRoot });
        var baseUri = await emulator.BaseUriAsync();
        using var http = new HttpClient();
        (await new Api(http, baseUri, null, null).GetAsync("admin/health")).AssertStatus(200);
        (await new Api(http, baseUri, "tool-app", "tool-key").GetAsync("v1/users")).AssertStatus(200);

        if (!OperatingSystem.IsWindows())
        {
            Assert.Equal(0, Kill(emulator.Id, 15));
            Assert.Equal(0, await emulator.ExitCodeAsync());
        }
    }

    private void Run(params string[] args)
    {
        var info = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, WorkingDirectory = directory };
        foreach (var arg in args)
        {
            info.ArgumentList.Add(arg);
        }

        info.Environment["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1";
        info.Environment["DOTNET_NOLOGO"] = "1";
        using var process = Process.Start(info)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var errors = process.StandardError.ReadToEndAsync();
        Assert.True(process.WaitForExit(TimeSpan.FromMinutes(3)), $"dotnet {string.Join(' ', args)} did not finish in 3 minutes");
        Assert.True(process.ExitCode == 0, $"dotnet {string.Join(' ', args)} exited {process.ExitCode}:\n{output.Result}\n{errors.Result}");
    }

    private static string RepoRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "IntercomPS.sln")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException("IntercomPS.sln not found above " + AppContext.BaseDirectory);
    }

    // bin/<Configuration>/net10.0/: the configuration this test (and so the emulator it references) was built in.
    private static string Configuration() => new DirectoryInfo(AppContext.BaseDirectory.TrimEnd(Path.DirectorySeparatorChar)).Parent!.Name;

    [DllImport("libc", EntryPoint = "kill", SetLastError = true)]
    private static extern int Kill(int pid, int signal);
}
