using System;
using System.Linq;
using System.Runtime.InteropServices;
using System.Threading.Tasks;
using IntercomPS.Emulator;

// The command line: parse flags and INTERCOM_EMULATOR_* variables, start, print one line, run until Ctrl+C/SIGTERM.
if (args.Any(a => a is "--help" or "-h" or "-?"))
{
    Console.Write(EmulatorOptions.HelpText());
    return 0;
}

if (args.Any(a => a is "--version"))
{
    Console.WriteLine($"intercom-emulator {IntercomEmulator.ToolVersion}");
    return 0;
}

EmulatorOptions options;
try
{
    options = EmulatorOptions.Parse(args, Environment.GetEnvironmentVariables());
}
catch (ArgumentException e)
{
    await Console.Error.WriteLineAsync($"intercom-emulator: {e.Message}\nRun with --help to see the flags.");
    return 2;
}

options.Log = Console.Out; // the CLI's log is its stdout: the banner, then what a script author should see

IntercomEmulator emulator;
try
{
    emulator = await IntercomEmulator.StartAsync(options);
}
catch (Exception e) when (e is System.IO.IOException or System.Net.Sockets.SocketException or ArgumentException or Microsoft.Data.Sqlite.SqliteException or UnauthorizedAccessException)
{
    await Console.Error.WriteLineAsync($"intercom-emulator: cannot start: {e.Message}");
    return 1;
}

await using (emulator)
{
    var stop = new TaskCompletionSource();
    void OnSignal(PosixSignalContext context)
    {
        context.Cancel = true; // shut down cleanly below instead of being killed mid-write
        stop.TrySetResult();
    }

    using var sigint = PosixSignalRegistration.Create(PosixSignal.SIGINT, OnSignal);
    using var sigterm = PosixSignalRegistration.Create(PosixSignal.SIGTERM, OnSignal);

    // These are local emulator credentials, printed on purpose so a developer can copy them.
    // The admin token is not printed: whoever started the emulator has it.
    var apps = string.Join(", ", emulator.Apps.Select(a => $"{a.Key}:{a.Value}"));
    var admin = options.AdminToken is null ? "" : " | admin: token required";
    var faces = emulator.LoopbackOnly
        ? $"REST API 2.x (every Intercom-Version, {IntercomEmulator.Version} by default) at the root, v1 under {emulator.ApiUri}"
        : $"REST API 2.x (every Intercom-Version, {IntercomEmulator.Version} by default) at the root, v1 under /v1/ (from this machine: API {emulator.ApiUri} and 2.x {emulator.BaseUri})";
    Console.WriteLine(
        $"Intercom emulator listening on {(emulator.LoopbackOnly ? emulator.BaseUri : emulator.ListenUri)} | {faces} | apps (ID:KEY, the key is the 2.x token): {apps}, "
        + $"dummy-app-id:<any key> (2.x token dummy-app-id) | data: {options.DataPath ?? "in memory"}{admin} | inspector: {emulator.InspectorUri}");
    if (!emulator.LoopbackOnly)
    {
        await Console.Error.WriteLineAsync(
            $"intercom-emulator: WARNING: listening on {emulator.ListenUri}, which other machines can reach: the app keys above are all that guard the API's data, and the admin token guards /admin.");
    }
    await stop.Task;
}

return 0;
