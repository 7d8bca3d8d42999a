using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Xunit;

namespace IntercomPS.Pester.Tests;

/// <summary>
/// The repository's tests/*.Tests.ps1 files, one xunit case per It plus one per file for failures no It owns.
/// Discovery enumerates the Its; the first case of a file runs the whole file once, the others read its results.
/// </summary>
[Collection(EnvironmentCollection.Name)]
public sealed class ModuleScriptTests
{
    internal const string FileCase = "(file)";
    private const string Pattern = "*.Tests.ps1";
    private static readonly ConcurrentDictionary<string, Lazy<Task<FileResult>>> Runs = new(StringComparer.Ordinal);
    private static readonly ConcurrentDictionary<string, FileResult> Discovered = new(StringComparer.Ordinal);
    private static readonly SemaphoreSlim OneFileAtATime = new(1, 1); // the INTERCOMPS_* variables are process-wide

    public static IEnumerable<object[]> Its() => Cases(RepoPaths.Tests, Pattern, skipped: false);

    public static IEnumerable<object[]> SkippedIts() => Cases(RepoPaths.Tests, Pattern, skipped: true);

    // xunit reports a theory without data as an error, so an empty tests/ yields one skipped case instead.
    public static IEnumerable<object[]> NoFiles() => Files(RepoPaths.Tests, Pattern).Any() ? [] : [["(none)", ""]];

    [Theory]
    [MemberData(nameof(Its))]
    [MemberData(nameof(SkippedIts), Skip = "-Skip in the .Tests.ps1 file")]
    [MemberData(nameof(NoFiles), Skip = "No tests/*.Tests.ps1 files yet")]
    public async Task It(string file, string path)
    {
        var run = await Runs.GetOrAdd(file, f => new Lazy<Task<FileResult>>(() => Task.Run(() => RunAsync(f)))).Value;
        AssertPassed(run, path);
    }

    /// <summary>Fails with the runner's Pester-like message unless the It (or, for "(file)", the file) passed.</summary>
    internal static void AssertPassed(FileResult run, string path)
    {
        if (path == FileCase)
        {
            Assert.True(run.Errors.Count == 0, string.Join(Environment.NewLine, run.Errors));
            return;
        }

        var it = run.It(path);
        Assert.True(it.Outcome == "Passed", it.Message + Environment.NewLine + it.Location);
    }

    /// <summary>(file name, It path) for each file's runnable or skipped Its; each file also gets a "(file)" case.</summary>
    internal static IEnumerable<object[]> Cases(string directory, string pattern, bool skipped)
    {
        foreach (var file in Files(directory, pattern))
        {
            if (!skipped)
            {
                yield return [file, FileCase];
            }

            var path = Path.Combine(directory, file);
            foreach (var it in Discovered.GetOrAdd(path, p => PesterRunner.Run(p, discoveryOnly: true)).Its)
            {
                if ((it.Outcome == "Skipped") == skipped)
                {
                    yield return [file, it.Path];
                }
            }
        }
    }

    private static IEnumerable<string> Files(string directory, string pattern) =>
        Directory.EnumerateFiles(directory, pattern).Select(Path.GetFileName).OfType<string>().Order(StringComparer.Ordinal);

    private static async Task<FileResult> RunAsync(string file)
    {
        await OneFileAtATime.WaitAsync().ConfigureAwait(false);
        try
        {
            await using var environment = await TestEnvironment.StartAsync().ConfigureAwait(false);
            return PesterRunner.Run(Path.Combine(RepoPaths.Tests, file));
        }
        finally
        {
            OneFileAtATime.Release();
        }
    }
}
