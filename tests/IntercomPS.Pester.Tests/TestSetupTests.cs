using System.Linq;
using System.Threading.Tasks;
using Xunit;

namespace IntercomPS.Pester.Tests;

/// <summary>The INTERCOMPS_* variables are process-wide: tests that set or need them unset never run in parallel.</summary>
[CollectionDefinition(Name)]
public sealed class EnvironmentCollection
{
    public const string Name = "INTERCOMPS_* variables";
}

/// <summary>tests/TestSetup.ps1 with the adapter's emulator and variables, and without them.</summary>
[Collection(EnvironmentCollection.Name)]
public sealed class TestSetupTests
{
    [Fact]
    public async Task It_imports_the_module_connects_and_resets_the_app_for_each_file()
    {
        await using var environment = await TestEnvironment.StartAsync();
        foreach (var run in new[] { Run(), Run() })
        {
            Assert.Empty(run.Errors);
            Assert.Equal(
                ["Passed", "Passed", "Passed"],
                run.Its.Select(it => it.Outcome == "Passed" ? it.Outcome : $"{it.Path}: {it.Message}"));
        }
    }

    [Fact]
    public void Without_the_variables_it_says_how_to_run_the_tests()
    {
        var run = Run();
        Assert.Equal(3, run.Its.Count);
        Assert.All(run.Its, it =>
        {
            Assert.Equal("Failed", it.Outcome);
            Assert.Contains("Run them with './build.ps1 -Task Test' (starts an emulator, then Invoke-Pester)", it.Message, System.StringComparison.Ordinal);
        });
    }

    private static FileResult Run() => PesterRunner.Run(Fixture.PathOf("TestSetup"));
}
