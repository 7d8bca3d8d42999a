using System;
using System.Collections.Generic;
using System.IO;

namespace IntercomPS.Pester.Tests;

/// <summary>Fixtures/*.Fixture.ps1 (not *.Tests.ps1, so real Pester never picks them up), each run once per test run.</summary>
internal static class Fixture
{
    public static readonly List<string> OrderLog = [];

    private static readonly Dictionary<string, Lazy<FileResult>> Runs = new()
    {
        ["Should"] = Lazy("Should"),
        ["Order"] = Lazy("Order", new Dictionary<string, object> { ["Log"] = OrderLog }),
        ["RefusedTag"] = Lazy("RefusedTag"),
    };

    public static FileResult Run(string name) => Runs[name].Value;

    public static string PathOf(string name) => Path.Combine(RepoPaths.Fixtures, name + ".Fixture.ps1");

    private static Lazy<FileResult> Lazy(string name, IReadOnlyDictionary<string, object>? globals = null) =>
        new(() => PesterRunner.Run(PathOf(name), globals: globals));
}
