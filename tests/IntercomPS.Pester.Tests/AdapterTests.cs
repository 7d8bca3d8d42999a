using System;
using System.Linq;
using Xunit;
using Xunit.Sdk;

namespace IntercomPS.Pester.Tests;

/// <summary>How ModuleScriptTests turns a file's Its into xunit cases and outcomes, shown on the fixtures.</summary>
public sealed class AdapterTests
{
    [Fact]
    public void Each_runnable_It_is_a_case_and_each_file_has_a_file_case()
    {
        var cases = ModuleScriptTests.Cases(RepoPaths.Fixtures, "Order.Fixture.ps1", skipped: false)
            .Select(c => ((string)c[0], (string)c[1])).ToList();
        Assert.Equal(("Order.Fixture.ps1", ModuleScriptTests.FileCase), cases[0]);
        Assert.Contains(("Order.Fixture.ps1", "Outer > Inner > runs inside the outer BeforeEach and AfterEach"), cases);
        Assert.Contains(("Order.Fixture.ps1", "Test cases > expands two and 2"), cases);
        Assert.Equal(14, cases.Count); // 13 runnable Its and the file case
    }

    [Fact]
    public void Skipped_Its_are_separate_cases()
    {
        var skipped = ModuleScriptTests.Cases(RepoPaths.Fixtures, "Order.Fixture.ps1", skipped: true).Select(c => (string)c[1]);
        Assert.Equal(["Skipped > is skipped with its block", "Test cases > is skipped alone"], skipped);
    }

    [Fact]
    public void A_failing_Should_fails_the_xunit_case_with_its_message_and_location()
    {
        var failure = Assert.Throws<TrueException>(() => ModuleScriptTests.AssertPassed(Fixture.Run("Should"), "Be > fails"));
        Assert.StartsWith("Expected 5, but got 4." + Environment.NewLine + "At ", failure.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_passing_It_passes_the_xunit_case()
    {
        ModuleScriptTests.AssertPassed(Fixture.Run("Should"), "Be > passes");
    }

    [Fact]
    public void A_skipped_It_would_fail_if_it_were_ever_run_as_a_case()
    {
        Assert.Throws<TrueException>(() => ModuleScriptTests.AssertPassed(Fixture.Run("Order"), "Test cases > is skipped alone"));
    }

    [Fact]
    public void A_file_refused_at_discovery_fails_its_file_case_and_has_no_Its()
    {
        var run = Fixture.Run("RefusedTag");
        Assert.Empty(run.Its);
        var failure = Assert.Throws<TrueException>(() => ModuleScriptTests.AssertPassed(run, ModuleScriptTests.FileCase));
        Assert.StartsWith(
            $"Discovery of '{Fixture.PathOf("RefusedTag")}' failed: PesterCompat does not support Describe -Tag.",
            failure.Message,
            StringComparison.Ordinal);
    }
}
