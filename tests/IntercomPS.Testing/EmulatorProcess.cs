using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.IO;
using System.Text;
using System.Text.RegularExpressions;
using System.Threading.Tasks;

namespace IntercomPS.Testing;

/// <summary>
/// The emulator as a child process (`dotnet IntercomPS.Emulator.dll ...`, the dll copied to this test's output by
/// the project reference): for the command line itself, signals and kill -9.
/// </summary>
public sealed partial class EmulatorProcess : IDisposable
{
    private readonly Process process;
    private readonly StringBuilder stdout = new();
    private readonly StringBuilder stderr = new();
    private readonly TaskCompletionSource<Uri> started = new(TaskCreationOptions.RunContinuationsAsynchronously);

    private EmulatorProcess(string fileName, IEnumerable<string> args, IDictionary<string, string>? environment)
    {
        var info = new ProcessStartInfo(fileName)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var arg in args)
        {
            info.ArgumentList.Add(arg);
        }

        foreach (var (name, value) in environment ?? new Dictionary<string, string>())
        {
            info.Environment[name] = value;
        }

        process = new Process { StartInfo = info };
        process.OutputDataReceived += (_, e) =>
        {
            if (e.Data is null)
            {
                started.TrySetException(new InvalidOperationException("The emulator exited before listening:\n" + Stderr));
                return;
            }

            lock (stdout)
            {
                stdout.AppendLine(e.Data);
            }

            // Only the listening line names the base URL; anything else URL-like (a help text, a log line) is just
            // output, and a handler that threw here would take the whole test host down with it.
            if (ListeningLine().Match(e.Data) is { Success: true } match)
            {
                if (Uri.TryCreate(match.Groups[1].Value, UriKind.Absolute, out var uri))
                {
                    started.TrySetResult(uri);
                }
                else
                {
                    started.TrySetException(new InvalidOperationException("The emulator's listening line names no valid URL: " + e.Data));
                }
            }
        };
        process.ErrorDataReceived += (_, e) =>
        {
            lock (stderr)
            {
                stderr.AppendLine(e.Data);
            }
        };
        process.Start();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
    }

    public int Id => process.Id;

    public string Stdout
    {
        get
        {
            lock (stdout)
            {
                return stdout.ToString();
            }
        }
    }

    public string Stderr
    {
        get
        {
            lock (stderr)
            {
                return stderr.ToString();
            }
        }
    }

    public static EmulatorProcess Start(IEnumerable<string> args, IDictionary<string, string>? environment = null) =>
        new("dotnet", [Path.Combine(AppContext.BaseDirectory, "IntercomPS.Emulator.dll"), .. args], environment);

    /// <summary>Another program that runs the emulator (the installed tool's command).</summary>
    public static EmulatorProcess StartProgram(string path, IEnumerable<string> args, IDictionary<string, string>? environment = null) =>
        new(path, args, environment);

    /// <summary>The base URL the emulator printed in its "listening on" line.</summary>
    public async Task<Uri> BaseUriAsync() => await started.Task.WaitAsync(TimeSpan.FromSeconds(30));

    /// <summary>Waits for exit and returns the exit code.</summary>
    public async Task<int> ExitCodeAsync()
    {
        await process.WaitForExitAsync().WaitAsync(TimeSpan.FromSeconds(30));
        process.WaitForExit(); // flushes the redirected streams
        return process.ExitCode;
    }

    /// <summary>kill -9: no chance to flush or clean up.</summary>
    public void KillHard() => process.Kill(entireProcessTree: true);

    public void Dispose()
    {
        if (!process.HasExited)
        {
            process.Kill(entireProcessTree: true);
            process.WaitForExit();
        }

        process.Dispose();
    }

    [GeneratedRegex(@"^Intercom emulator listening on (http://\S+/)(?=\s)")]
    private static partial Regex ListeningLine();
}
