using System;
using System.Threading.Tasks;
using IntercomPS.Testing;
using Xunit;

namespace IntercomPS.Emulator.Tests;

/// <summary>
/// The test harness that runs the emulator as a child process finds its base URL in the "listening on" line alone:
/// other URL-like output is left alone, and a listening line it cannot read fails the one test, not the test host.
/// </summary>
public sealed class EmulatorProcessTests
{
    [Fact]
    public async Task Url_like_output_before_the_listening_line_is_only_output()
    {
        using var program = EmulatorProcess.StartProgram("/bin/sh", ["-c",
            "echo 'see http://[not-a-host/ first'; echo 'and http://example.invalid/ too'; "
            + "echo 'Intercom emulator listening on http://127.0.0.1:4321/ | REST API 2.x'; sleep 30"]);

        Assert.Equal(new Uri("http://127.0.0.1:4321/"), await program.BaseUriAsync());
        Assert.Contains("see http://[not-a-host/ first", program.Stdout);
    }

    [Fact]
    public async Task A_listening_line_without_a_valid_url_fails_the_wait_with_that_line()
    {
        using var program = EmulatorProcess.StartProgram("/bin/sh", ["-c", "echo 'Intercom emulator listening on http://[::1/ | x'; sleep 30"]);

        var refused = await Assert.ThrowsAsync<InvalidOperationException>(program.BaseUriAsync);
        Assert.Equal("The emulator's listening line names no valid URL: Intercom emulator listening on http://[::1/ | x", refused.Message);
    }
}
