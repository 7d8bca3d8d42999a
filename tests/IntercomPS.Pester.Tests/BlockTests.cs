using System.Linq;
using Xunit;

namespace IntercomPS.Pester.Tests;

/// <summary>Fixtures/Order.Fixture.ps1: Pester 5's order of setup and teardown, scoping, test cases and skips.</summary>
public sealed class BlockTests
{
    private static FileResult Run => Fixture.Run("Order");

    [Fact]
    public void Setup_and_teardown_run_in_Pester_5_order_even_after_failures()
    {
        _ = Run;
        Assert.Equal(
            [
                "root BeforeAll",
                "Outer BeforeAll",
                "Outer BeforeEach", "It 1", "Outer AfterEach sees each",
                "Outer BeforeEach", "It 2", "Outer AfterEach sees each",
                "Outer BeforeEach", "It 3", "Outer AfterEach sees each",
                "Inner BeforeAll",
                "Outer BeforeEach", "Inner BeforeEach", "It 4", "Inner AfterEach", "Outer AfterEach sees each",
                "Inner AfterAll",
                "Outer BeforeEach", "It 5", "Outer AfterEach sees each",
                "Outer AfterAll",
                "Failing BeforeAll", "Failing AfterAll",
                "case one 1 one", "case two 2 two", "item a", "item b",
                "root AfterAll",
            ],
            Fixture.OrderLog);
    }

    [Theory]
    [InlineData("Outer > sees BeforeAll and BeforeEach variables", "Passed", "")]
    [InlineData("Outer > does not see the variables of the It before", "Passed", "")]
    [InlineData("Outer > fails", "Failed", "RuntimeException: It 3 failed")]
    [InlineData("Outer > Inner > runs inside the outer BeforeEach and AfterEach", "Passed", "")]
    [InlineData("Outer > sees the outer variable again after Inner", "Passed", "")]
    [InlineData("Failing BeforeAll > fails without running", "Failed", "RuntimeException: setup broke")]
    [InlineData("Failing BeforeAll > Nested > fails too", "Failed", "RuntimeException: setup broke")]
    [InlineData("Skipped > is skipped with its block", "Skipped", "")]
    [InlineData("Test cases > expands one and 1", "Passed", "")]
    [InlineData("Test cases > expands two and 2", "Passed", "")]
    [InlineData("Test cases > passes a as $_", "Passed", "")]
    [InlineData("Test cases > passes b as $_", "Passed", "")]
    [InlineData("Test cases > keeps <unknown> as written", "Passed", "")]
    [InlineData("Test cases > is skipped alone", "Skipped", "")]
    [InlineData("Failing AfterAll > passes", "Passed", "")]
    public void It_has_the_expected_outcome(string path, string outcome, string message)
    {
        var it = Run.It(path);
        Assert.Equal((outcome, message), (it.Outcome, it.Message));
    }

    [Fact]
    public void Only_the_expected_Its_exist()
    {
        Assert.Equal(15, Run.Its.Count);
        Assert.Equal(Run.Its.Count, Run.Its.Select(i => i.Path).Distinct().Count());
    }

    [Fact]
    public void A_failing_AfterAll_is_a_failure_of_the_file()
    {
        Assert.Equal(["AfterAll of 'Failing AfterAll' failed: RuntimeException: teardown broke"], Run.Errors);
    }
}
