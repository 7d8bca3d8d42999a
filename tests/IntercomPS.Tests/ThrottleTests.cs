using System.Diagnostics;
using System.Linq;
using System.Management.Automation;
using System.Threading.Tasks;
using System;
using IntercomPS.Testing;
using IntercomPS.Tests.Infrastructure;
using Xunit;

namespace IntercomPS.Tests
{
    /// <summary>
    /// Requests side by side (-ThrottleLimit, page prefetch) must not change what comes out: same order, same
    /// errors on the same inputs, every write exactly once. Jittered latency makes answers arrive out of order.
    /// </summary>
    public sealed class ThrottleTests : IClassFixture<EmulatorFixture>, IAsyncLifetime
    {
        private readonly EmulatorFixture _emulator;

        public ThrottleTests(EmulatorFixture emulator) => _emulator = emulator;

        public async Task InitializeAsync()
        {
            await _emulator.ResetAsync();
            await _emulator.SetFaultsAsync(new { latency_ms = 2, jitter_ms = 25 });
        }

        public Task DisposeAsync() => _emulator.ClearFaultsAsync();

        [Fact]
        public async Task UpdatesComeOutInInputOrderAndEachIsSentOnce()
        {
            await _emulator.SeedAsync(200, "order-");
            using var shell = new PowerShellSession(_emulator);
            var before = await _emulator.RequestCountAsync("PUT /v1/users");

            var ids = shell.Run("""
                200..1 | ForEach-Object { [pscustomobject]@{ user_id = "order-$_"; name = "Name $_" } } |
                    Set-IntercomUser -ThrottleLimit 16 -PassThru | ForEach-Object UserId
                """).ShouldSucceed().Output.Select(o => o.ToString());

            Assert.Equal(Enumerable.Range(1, 200).Reverse().Select(n => "order-" + n), ids);
            Assert.Equal(200, await _emulator.RequestCountAsync("PUT /v1/users") - before);
            var names = shell.Run("Get-IntercomUser | Where-Object { $_.UserId -like 'order-*' } | ForEach-Object { $_.UserId + '=' + $_.Name }").ShouldSucceed().Output.Select(o => o.ToString());
            Assert.Equal(Enumerable.Range(1, 200).Select(n => $"order-{n}=Name {n}"), names);
        }

        [Fact]
        public async Task ErrorsKeepTheirInputsAndTheirPlace()
        {
            await _emulator.SeedAsync(60, "err-");
            using var shell = new PowerShellSession(_emulator);
            var result = shell.Run("""
                $rows = 1..60 | ForEach-Object { [pscustomobject]@{ user_id = $(if ($_ % 6 -eq 0) { "missing-$_" } else { "err-$_" }); name = 'x' } }
                $rows | Set-IntercomUser -ThrottleLimit 8 -PassThru | ForEach-Object UserId
                """);

            Assert.Equal(Enumerable.Range(1, 60).Where(n => n % 6 != 0).Select(n => "err-" + n), result.Output.Select(o => o.ToString()));
            Assert.Equal(Enumerable.Range(1, 10).Select(n => "missing-" + n * 6), result.Errors.Select(e => ((PSObject)e.TargetObject).Properties["user_id"].Value.ToString()));
            Assert.All(result.Errors, e => Assert.Equal("Intercom.not_found,IntercomPS.Cmdlets.SetIntercomUserCommand", e.FullyQualifiedErrorId));
        }

        [Fact]
        public async Task ConcurrentCreatesLoseAndDuplicateNothing()
        {
            using var shell = new PowerShellSession(_emulator);
            var notes = shell.Run("""
                1..120 | ForEach-Object { [pscustomobject]@{ user_id = "new-$_"; email = "new$_@example.com" } } |
                    New-IntercomUser -ThrottleLimit 32 | Add-IntercomNote -Body 'welcome' -ThrottleLimit 32
                """).ShouldSucceed().OfType("IntercomPS.Note").ToList();

            Assert.Equal(120, notes.Count);
            Assert.Equal(120, await _emulator.RequestCountAsync("POST /v1/users/notes"));
            // Creation order is arrival order, which concurrency shuffles; the set must be exact.
            var ids = shell.Run("Get-IntercomUser | Where-Object { $_.UserId -like 'new-*' } | ForEach-Object UserId").ShouldSucceed().Output.Select(o => o.ToString());
            Assert.Equal(Enumerable.Range(1, 120).Select(n => "new-" + n).OrderBy(id => id), ids.OrderBy(id => id));
            Assert.Equal(Enumerable.Range(1, 120).Select(n => "new-" + n), notes.Select(note => PSObject.AsPSObject(note.Get("User")).Text("UserId")));
        }

        [Fact]
        public async Task PrefetchedPagesComeOutInOrderAndAreEachFetchedOnce()
        {
            await _emulator.SeedAsync(2550, "list-");
            using var shell = new PowerShellSession(_emulator);
            var before = await _emulator.RequestCountAsync("GET /v1/users");

            var ids = shell.Run("Get-IntercomUser -PageSize 100 | ForEach-Object UserId").ShouldSucceed().Output.Select(o => o.ToString()).ToList();

            Assert.Equal(Enumerable.Range(1, 2550).Select(n => "list-" + n), ids.Where(id => id!.StartsWith("list-", StringComparison.Ordinal)));
            var pages = (ids.Count + 99) / 100;
            Assert.Equal(pages, await _emulator.RequestCountAsync("GET /v1/users") - before);
        }

        [Fact]
        public async Task WhatIfWithThrottleSendsNothing()
        {
            await _emulator.SeedAsync(20, "wt-");
            using var shell = new PowerShellSession(_emulator);
            var before = await _emulator.RequestCountAsync();
            shell.Run("1..20 | ForEach-Object { [pscustomobject]@{ user_id = \"wt-$_\" } } | Remove-IntercomUser -Force -ThrottleLimit 8 -WhatIf").ShouldSucceed();
            Assert.Equal(before, await _emulator.RequestCountAsync());
        }

        [Fact]
        public async Task StoppingThePipelineCancelsRequestsInFlightAtOnce()
        {
            await _emulator.SeedAsync(20, "stop-");
            await _emulator.SetFaultsAsync(new { latency_ms = 10_000, jitter_ms = 0 });
            using var session = new PowerShellSession(_emulator);
            using var shell = session.CreateShell();
            shell.AddScript("1..20 | ForEach-Object { [pscustomobject]@{ user_id = \"stop-$_\"; name = 'stopped' } } | Set-IntercomUser -ThrottleLimit 4");
            var before = await _emulator.RequestCountAsync();

            var running = shell.BeginInvoke();
            while (await _emulator.RequestCountAsync() - before < 4) await Task.Delay(20);
            var clock = Stopwatch.StartNew();
            shell.Stop();

            Assert.True(clock.Elapsed < TimeSpan.FromSeconds(5), $"Stop took {clock.Elapsed}; requests in flight should be cancelled, not awaited.");
            Assert.Equal(PSInvocationState.Stopped, shell.InvocationStateInfo.State);
            Assert.Throws<PipelineStoppedException>(() => shell.EndInvoke(running));
            Assert.Equal(4, await _emulator.RequestCountAsync() - before);
        }
    }
}
