using System;
using System.Linq;
using Xunit;

namespace IntercomPS.Pester.Tests;

/// <summary>Each It of Fixtures/Should.Fixture.ps1: its outcome and its exact Pester-like failure message.</summary>
public sealed class ShouldOperatorTests
{
    private const string Passed = "Passed";
    private const string Failed = "Failed";

    public static TheoryData<string, string, string> Expected => new()
    {
        { "Be > passes", Passed, "" },
        { "Be > passes across types", Passed, "" },
        { "Be > passes ignoring case", Passed, "" },
        { "Be > compares arrays element by element", Passed, "" },
        { "Be > treats $null and @() alike", Passed, "" },
        { "Be > fails", Failed, "Expected 5, but got 4." },
        { "Be > fails on strings", Failed, Lines("Expected strings to be the same, but they were different.", "String lengths are both 3.", "Strings differ at index 2.", "Expected: 'abd'", "But was:  'abc'", "           --^") },
        { "Be > fails on strings of other lengths", Failed, Lines("Expected strings to be the same, but they were different.", "Expected length: 3", "Actual length:   2", "Strings differ at index 2.", "Expected: 'abc'", "But was:  'ab'", "           --^") },
        { "Be > fails on an array", Failed, "Expected @(1, 3), but got @(1, 2)." },
        { "Be > fails with -Because", Failed, "Expected 5, because we said so, but got 4." },
        { "Be > passes -Not", Passed, "" },
        { "Be > fails -Not", Failed, "Expected 5 to be different from the actual value, but got the same value." },
        { "Be > takes -ActualValue", Passed, "" },
        { "Be > stops the It at the first failure", Failed, "Expected 5, but got 4." },
        { "BeExactly > passes", Passed, "" },
        { "BeExactly > fails on case", Failed, Lines("Expected strings to be the same, but they were different.", "String lengths are both 3.", "Strings differ at index 0.", "Expected: 'abc'", "But was:  'ABC'", "           ^") },
        { "BeExactly > fails on numbers", Failed, "Expected exactly 5, but got 4." },
        { "BeExactly > passes -Not", Passed, "" },
        { "BeExactly > fails -Not", Failed, "Expected 'abc' to be different from the actual value, but got the same value." },
        { "BeNullOrEmpty > passes on $null", Passed, "" },
        { "BeNullOrEmpty > passes on an empty string", Passed, "" },
        { "BeNullOrEmpty > passes on an empty pipeline", Passed, "" },
        { "BeNullOrEmpty > fails", Failed, "Expected $null or empty, but got 'x'." },
        { "BeNullOrEmpty > passes -Not", Passed, "" },
        { "BeNullOrEmpty > fails -Not", Failed, "Expected a value, but got $null or empty." },
        { "BeTrue and BeFalse > BeTrue passes", Passed, "" },
        { "BeTrue and BeFalse > BeTrue fails", Failed, "Expected $true, but got $false." },
        { "BeTrue and BeFalse > BeTrue -Not passes", Passed, "" },
        { "BeTrue and BeFalse > BeTrue -Not fails", Failed, "Expected $false, but got 1." },
        { "BeTrue and BeFalse > BeFalse passes", Passed, "" },
        { "BeTrue and BeFalse > BeFalse fails", Failed, "Expected $false, but got 'x'." },
        { "BeTrue and BeFalse > BeFalse -Not passes", Passed, "" },
        { "BeTrue and BeFalse > BeFalse -Not fails", Failed, "Expected $true, but got $false." },
        { "HaveCount > passes", Passed, "" },
        { "HaveCount > passes on an empty pipeline", Passed, "" },
        { "HaveCount > fails", Failed, "Expected a collection with size 3, but got collection with size 2 @(1, 2)." },
        { "HaveCount > passes -Not", Passed, "" },
        { "HaveCount > fails -Not", Failed, "Expected a collection with size different from 3, but got collection with that size @(1, 2, 3)." },
        { "Contain > passes", Passed, "" },
        { "Contain > fails", Failed, "Expected 4 to be found in collection @(1, 2, 3), but it was not found." },
        { "Contain > passes -Not", Passed, "" },
        { "Contain > fails -Not", Failed, "Expected 2 to not be found in collection @(1, 2, 3), but it was found." },
        { "Match > passes", Passed, "" },
        { "Match > fails", Failed, "Expected regular expression '^user' to match 'admin', but it did not match." },
        { "Match > passes -Not", Passed, "" },
        { "Match > fails -Not", Failed, "Expected regular expression 'user' to not match 'user-1', but it did match." },
        { "Throw > passes", Passed, "" },
        { "Throw > passes on a message pattern", Passed, "" },
        { "Throw > passes on a positional message", Passed, "" },
        { "Throw > passes on an ErrorId pattern", Passed, "" },
        { "Throw > fails when nothing is thrown", Failed, "Expected an exception to be thrown, but no exception was thrown." },
        { "Throw > fails on the message", Failed, "Expected an exception with message like 'x' to be thrown, but the message was 'y'." },
        { "Throw > fails on the ErrorId", Failed, "Expected an exception with FullyQualifiedErrorId 'Other' to be thrown, but the FullyQualifiedErrorId was 'Fixture.NotFound,Stop-WithId'." },
        { "Throw > passes -Not", Passed, "" },
        { "Throw > fails -Not", Failed, "Expected no exception to be thrown, but an exception \"boom\" was thrown." },
        { "BeOfType > passes", Passed, "" },
        { "BeOfType > passes on a subtype", Passed, "" },
        { "BeOfType > fails", Failed, "Expected the value to have type [int] or any of its subtypes, but got 'a' with type [string]." },
        { "BeOfType > passes -Not", Passed, "" },
        { "BeOfType > fails -Not", Failed, "Expected the value to not have type [string] or any of its subtypes, but got 'a' with type [string]." },
        { "BeGreaterThan and BeLessThan > BeGreaterThan passes", Passed, "" },
        { "BeGreaterThan and BeLessThan > BeGreaterThan fails", Failed, "Expected the actual value to be greater than 4, but got 4." },
        { "BeGreaterThan and BeLessThan > BeGreaterThan -Not passes", Passed, "" },
        { "BeGreaterThan and BeLessThan > BeGreaterThan -Not fails", Failed, "Expected the actual value to be less than or equal to 4, but got 5." },
        { "BeGreaterThan and BeLessThan > BeLessThan passes", Passed, "" },
        { "BeGreaterThan and BeLessThan > BeLessThan fails", Failed, "Expected the actual value to be less than 4, but got 4." },
        { "BeGreaterThan and BeLessThan > BeLessThan -Not passes", Passed, "" },
        { "BeGreaterThan and BeLessThan > BeLessThan -Not fails", Failed, "Expected the actual value to be greater than or equal to 4, but got 3." },
        { "Refused > an unknown operator", Failed, "PesterCompat does not support Should -BeLike." },
        { "Refused > Should -Invoke", Failed, "PesterCompat does not support Should -Invoke." },
        { "Refused > Mock", Failed, "PesterCompat does not support Mock." },
        { "Refused > InModuleScope", Failed, "PesterCompat does not support InModuleScope." },
        { "Refused > two operators", Failed, "PesterCompat does not support Should with 2 operators; use exactly one of: -Be, -BeExactly, -BeNullOrEmpty, -BeTrue, -BeFalse, -HaveCount, -Contain, -Match, -Throw, -BeOfType, -BeGreaterThan, -BeLessThan." },
        { "Refused > a message filter without -Throw", Failed, "PesterCompat does not support -ExpectedMessage with Should -Be." },
        { "Refused > Describe inside It", Failed, "PesterCompat does not support Describe outside discovery (inside It, BeforeAll, ... or without Invoke-PesterCompat)." },
    };

    [Theory]
    [MemberData(nameof(Expected))]
    public void It_has_the_expected_outcome_and_message(string path, string outcome, string message)
    {
        var it = Fixture.Run("Should").It(path);
        Assert.Equal((outcome, message), (it.Outcome, it.Message));
    }

    [Fact]
    public void Every_It_of_the_fixture_is_checked_and_the_file_has_no_other_failures()
    {
        var run = Fixture.Run("Should");
        Assert.Equal(Expected.Select(row => (string)row[0]).Order(), run.Its.Select(i => i.Path).Order());
        Assert.Empty(run.Errors);
    }

    [Fact]
    public void A_failure_points_at_the_Should_line_of_the_test_file()
    {
        var location = Fixture.Run("Should").It("Be > fails").Location;
        Assert.Contains("Should.Fixture.ps1:10", location, StringComparison.Ordinal);
        Assert.Contains("4 | Should -Be 5", location, StringComparison.Ordinal);
    }

    private static string Lines(params string[] lines) => string.Join(Environment.NewLine, lines);
}
