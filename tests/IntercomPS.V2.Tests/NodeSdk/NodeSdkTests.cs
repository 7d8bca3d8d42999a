using System;
using System.Diagnostics;
using System.IO;
using System.Linq;
using System.Text;
using System.Threading.Tasks;
using IntercomPS.Emulator;
using IntercomPS.Testing;
using Xunit;

namespace IntercomPS.V2.Tests.NodeSdk;

/// <summary>
/// Intercom's official Node SDK (npm intercom-client, pinned in package.json beside the scripts) against the
/// emulator: each script in this folder drives one area of the API through the SDK's own methods and pagers and
/// asserts on what the SDK hands back, so "any Intercom client can be pointed at it" is checked by the client most
/// scripts would use. A script fails on any refused request (the SDK throws), on an assertion, or on anything it
/// writes to stderr; and the emulator must have named no field of the SDK's requests as unknown.
/// </summary>
public class NodeSdkTests(NodeSdkFixture sdk) : IClassFixture<NodeSdkFixture>
{
    [NodeSdkTheory]
    [InlineData("contacts.mjs")]
    [InlineData("conversations.mjs")]
    [InlineData("companies.mjs")]
    [InlineData("workspace.mjs")]
    [InlineData("tickets.mjs")]
    public async Task The_official_Node_SDK_works_against_the_emulator(string script)
    {
        var logged = sdk.Log.Length;
        var (exitCode, output, errors) = await NodeSdkFixture.RunAsync("node", [script], sdk.Environment);

        Assert.True(exitCode == 0 && errors.Length == 0, $"node {script} exited with {exitCode}:\n{errors}\n{output}");
        Assert.Equal("ok", output.Trim());
        var warnings = sdk.Log.ToString()[logged..].Split('\n').Where(l => l.Contains("ignored unknown", StringComparison.Ordinal));
        Assert.Empty(warnings);
    }

    [Fact]
    public void Every_script_in_the_folder_is_run()
    {
        var scripts = Directory.GetFiles(NodeSdkFixture.Folder, "*.mjs").Select(Path.GetFileName).Where(f => f != "client.mjs");
        var run = typeof(NodeSdkTests).GetMethod(nameof(The_official_Node_SDK_works_against_the_emulator))!
            .GetCustomAttributes(typeof(InlineDataAttribute), false).Cast<InlineDataAttribute>().Select(d => (string)d.GetData(null!).Single()[0]);
        Assert.Equal(scripts.Order(), run.Order());
    }
}

/// <summary>Runs only where node and npm are on the PATH (CI has both); reported as skipped, saying so, elsewhere.</summary>
public sealed class NodeSdkTheoryAttribute : TheoryAttribute
{
    public NodeSdkTheoryAttribute()
    {
        if (!NodeSdkFixture.NodeAvailable)
        {
            Skip = "node and npm are not on the PATH: the official Node SDK cannot run here";
        }
    }
}

/// <summary>
/// The SDK installed with npm into the test's output folder (once; later runs reuse it), and an in-memory emulator of
/// its own whose log (where ignored fields are named) the tests read.
/// </summary>
public sealed class NodeSdkFixture : IAsyncLifetime
{
    private const string Token = "sdk-test-token";

    public static string Folder { get; } = Path.Combine(AppContext.BaseDirectory, "NodeSdk");

    public static bool NodeAvailable { get; } = OnPath("node") && OnPath("npm");

    private IntercomEmulator? emulator;

    /// <summary>Everything the emulator logged so far.</summary>
    public StringBuilder Log { get; } = new();

    /// <summary>Where the scripts' client points: INTERCOM_EMULATOR_URL and INTERCOM_EMULATOR_TOKEN.</summary>
    public (string Name, string Value)[] Environment { get; private set; } = [];

    public async Task InitializeAsync()
    {
        if (!NodeAvailable)
        {
            return;
        }

        var options = new EmulatorOptions { Log = TextWriter.Synchronized(new StringWriter(Log)) };
        options.Apps["sdk-app"] = Token;
        emulator = await IntercomEmulator.StartAsync(options);

        // What a workspace defines in Intercom's UI, which the API cannot write: the scripts find it by name.
        using (var admin = new EmulatorAdmin(emulator.BaseUri))
        {
            await admin.AddSubscriptionTypeAsync("sdk-app", "Newsletters", "opt_out");
            await admin.AddSubscriptionTypeAsync("sdk-app", "Beta program", "opt_in", ["email", "sms_message"]);
        }

        Environment = [("INTERCOM_EMULATOR_URL", emulator.BaseUri.ToString().TrimEnd('/')), ("INTERCOM_EMULATOR_TOKEN", Token)];

        if (!File.Exists(Path.Combine(Folder, "node_modules", "intercom-client", "package.json")))
        {
            var (exitCode, output, errors) = await RunAsync("npm", ["install", "--no-audit", "--no-fund", "--no-update-notifier", "--no-package-lock"], []);
            if (exitCode != 0)
            {
                throw new InvalidOperationException($"npm install in {Folder} failed ({exitCode}):\n{errors}\n{output}");
            }
        }
    }

    public async Task DisposeAsync()
    {
        if (emulator is not null)
        {
            await emulator.DisposeAsync();
        }
    }

    public static async Task<(int ExitCode, string Output, string Errors)> RunAsync(string program, string[] arguments, (string Name, string Value)[] environment)
    {
        var start = new ProcessStartInfo(program)
        {
            WorkingDirectory = Folder,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        start.Environment["NO_UPDATE_NOTIFIER"] = "1";
        foreach (var (name, value) in environment)
        {
            start.Environment[name] = value;
        }

        using var process = Process.Start(start) ?? throw new InvalidOperationException($"Cannot start {program}.");
        var output = process.StandardOutput.ReadToEndAsync();
        var errors = process.StandardError.ReadToEndAsync();
        using var timeout = new System.Threading.CancellationTokenSource(TimeSpan.FromMinutes(3));
        try
        {
            await process.WaitForExitAsync(timeout.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"{program} {string.Join(' ', arguments)} ran for 3 minutes and was stopped.");
        }

        return (process.ExitCode, await output, await errors);
    }

    private static bool OnPath(string program) =>
        (System.Environment.GetEnvironmentVariable("PATH") ?? "").Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries)
            .Any(directory => File.Exists(Path.Combine(directory, program)) || File.Exists(Path.Combine(directory, program + ".cmd")) || File.Exists(Path.Combine(directory, program + ".exe")));
}
