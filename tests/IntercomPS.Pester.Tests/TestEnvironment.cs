using System;
using System.Collections.Generic;
using System.Threading.Tasks;
using IntercomPS.Emulator;

namespace IntercomPS.Pester.Tests;

/// <summary>
/// What a .Tests.ps1 file runs against: a fresh in-process emulator with one app, and the INTERCOMPS_* variables
/// tests/TestSetup.ps1 reads. build.ps1 sets the same variables when real Pester runs the files.
/// </summary>
internal sealed class TestEnvironment : IAsyncDisposable
{
    private const string AppId = "intercomps-tests";
    private readonly IntercomEmulator emulator;
    private readonly Dictionary<string, string> variables;

    private TestEnvironment(IntercomEmulator emulator, string apiKey)
    {
        this.emulator = emulator;
        variables = new Dictionary<string, string>
        {
            ["INTERCOMPS_MODULE"] = RepoPaths.ModuleManifest,
            ["INTERCOMPS_TEST_BASEURI"] = emulator.ApiUri.ToString(), // the API root, as Connect-Intercom -BaseUri takes it
            ["INTERCOMPS_TEST_APPID"] = AppId,
            ["INTERCOMPS_TEST_APIKEY"] = apiKey,
        };
        foreach (var (name, value) in variables)
        {
            Environment.SetEnvironmentVariable(name, value);
        }
    }

    /// <summary>Starts the emulator and sets the variables (process-wide: callers run one file at a time).</summary>
    public static async Task<TestEnvironment> StartAsync()
    {
        var options = new EmulatorOptions();
        var apiKey = Guid.NewGuid().ToString("N");
        options.Apps[AppId] = apiKey;
        return new TestEnvironment(await IntercomEmulator.StartAsync(options).ConfigureAwait(false), apiKey);
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var name in variables.Keys)
        {
            Environment.SetEnvironmentVariable(name, null);
        }

        await emulator.DisposeAsync().ConfigureAwait(false);
    }
}
