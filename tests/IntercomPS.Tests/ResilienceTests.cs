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
    /// Unattended runs against an API that throttles and fails: what can be finished is finished exactly once,
    /// what cannot is reported per item, and waits are bounded and explained in Verbose.
    /// </summary>
    public sealed class ResilienceTests : IClassFixture<EmulatorFixture>, IAsyncLifetime
    {
        private readonly EmulatorFixture _emulator;

        public ResilienceTests(EmulatorFixture emulator) => _emulator = emulator;

        public async Task InitializeAsync()
        {
            await _emulator.ClearFaultsAsync();
            await _emulator.ResetAsync();
        }

        public Task DisposeAsync() => _emulator.ClearFaultsAsync();

        [Fact]
        public async Task AThousandImpressionsThroughFailuresAndRateLimitsAreEachAppliedExactlyOnce()
        {
            await _emulator.SeedAsync(1000, "load-");
            using var shell = new PowerShellSession(_emulator);
            // 10% of requests fail with 503 + Retry-After (never applied); bursts past 300 per second get 429.
            // Seeded, so a failure replays with the same draws. 429s spend an impression's retries too, so 4 left one
            // in 1,000 failed now and then (a full run saw it); 8 make that a one-in-millions event, as for the updates.
            await _emulator.SetFaultsAsync(new { failure_rate = 0.1, failure_status = 503, retry_after_seconds = 1, rate_limit = 300, rate_window_seconds = 1, fault_seed = 1001 });
            shell.SetConnectionVariables(_emulator);

            var result = shell.Run("""
                Connect-Intercom -AppId $appId -ApiKey $key -BaseUri $uri -MaxRetry 8
                $VerbosePreference = 'Continue'
                1..1000 | ForEach-Object { [pscustomobject]@{ user_id = "load-$_" } } | New-IntercomImpression -ThrottleLimit 16 | ForEach-Object UserId
                """).ShouldSucceed();
            await _emulator.ClearFaultsAsync();

            // Impressions are not idempotent (each adds a session), so a count of exactly 1 proves no duplicate.
            Assert.Equal(Enumerable.Range(1, 1000).Select(n => "load-" + n), result.Output.Select(o => o.ToString()));
            var counts = shell.Run("Get-IntercomUser | ForEach-Object SessionCount").ShouldSucceed().Output.Select(o => (int)o.BaseObject).ToList();
            Assert.Equal(1000, counts.Count);
            Assert.All(counts, count => Assert.Equal(1, count));
            var retries = result.Verbose.Count(line => line.Contains("503 server_error; retry", StringComparison.Ordinal));
            Assert.InRange(retries, 40, 250);
            Assert.Contains(result.Verbose, line => line.Contains("(as the server asked)", StringComparison.Ordinal));
        }

        [Fact]
        public async Task AThousandUpdatesThroughFailuresRateLimitsAndLostAnswersAllLand()
        {
            await _emulator.SeedAsync(1000, "sync-");
            using var shell = new PowerShellSession(_emulator);
            // 10% 503s without Retry-After, 5% of answers lost after the write, bursts past 300 per second get 429
            // (seeded, so a failure replays with the same draws). With 15% of attempts failing, 4 retries would leave
            // one update in 13,000 failed, about one run in 13: 8 make a lost update a one-in-millions event.
            await _emulator.SetFaultsAsync(new { failure_rate = 0.1, failure_status = 503, drop_rate = 0.05, rate_limit = 300, rate_window_seconds = 1, fault_seed = 1002 });
            var before = await _emulator.RequestCountAsync("PUT /v1/users");
            shell.SetConnectionVariables(_emulator);

            var result = shell.Run("""
                Connect-Intercom -AppId $appId -ApiKey $key -BaseUri $uri -MaxRetry 8
                $VerbosePreference = 'Continue'
                1..1000 | ForEach-Object { [pscustomobject]@{ user_id = "sync-$_"; name = "Synced $_" } } | Set-IntercomUser -ThrottleLimit 16
                """).ShouldSucceed();
            await _emulator.ClearFaultsAsync();

            var names = shell.Run("Get-IntercomUser | ForEach-Object { $_.UserId + '=' + $_.Name }").ShouldSucceed().Output.Select(o => o.ToString());
            Assert.Equal(Enumerable.Range(1, 1000).Select(n => $"sync-{n}=Synced {n}"), names);
            Assert.InRange(await _emulator.RequestCountAsync("PUT /v1/users") - before, 1080, 1500);
            Assert.Contains(result.Verbose, line => line.Contains("response lost; retry", StringComparison.Ordinal));
        }

        [Fact]
        public async Task ALostAnswerToANonIdempotentWriteIsReportedNeverRepeated()
        {
            await _emulator.SeedAsync(300, "lost-");
            using var shell = new PowerShellSession(_emulator);
            await _emulator.SetFaultsAsync(new { drop_rate = 0.1, fault_seed = 1003 });

            var result = shell.Run("1..300 | ForEach-Object { [pscustomobject]@{ user_id = \"lost-$_\" } } | New-IntercomImpression -ThrottleLimit 8");
            await _emulator.ClearFaultsAsync();

            // Each lost answer is this item's error; the impression itself was recorded once and not sent again.
            Assert.InRange(result.Errors.Count, 10, 60);
            Assert.All(result.Errors, e => Assert.Equal("Intercom.response_lost,IntercomPS.Cmdlets.NewIntercomImpressionCommand", e.FullyQualifiedErrorId));
            Assert.All(result.Errors, e => Assert.StartsWith("lost-", ((PSObject)e.TargetObject).Properties["user_id"].Value.ToString(), StringComparison.Ordinal));
            Assert.Equal(300 - result.Errors.Count, result.OfType("IntercomPS.ImpressionResult").Count());
            var counts = shell.Run("Get-IntercomUser | ForEach-Object SessionCount").ShouldSucceed().Output.Select(o => (int)o.BaseObject).ToList();
            Assert.Equal(300, counts.Count);
            Assert.All(counts, count => Assert.Equal(1, count));
            Assert.Equal(300, await _emulator.RequestCountAsync("POST /v1/users/impressions"));
        }

        [Fact]
        public async Task PermanentFailuresAreReportedPerItemAfterTheRetriesRunOut()
        {
            await _emulator.SeedAsync(30, "perm-");
            using var shell = new PowerShellSession(_emulator);
            shell.SetConnectionVariables(_emulator);
            shell.Run("Connect-Intercom -AppId $appId -ApiKey $key -BaseUri $uri -MaxRetry 1").ShouldSucceed();
            await _emulator.SetFaultsAsync(new { failure_rate = 1.0, failure_status = 502 });
            var before = await _emulator.RequestCountAsync();

            var result = shell.Run("1..30 | ForEach-Object { [pscustomobject]@{ user_id = \"perm-$_\"; name = 'x' } } | Set-IntercomUser -ThrottleLimit 8");

            Assert.Equal(30, result.Errors.Count);
            Assert.All(result.Errors, e => Assert.Equal("Intercom.server_error,IntercomPS.Cmdlets.SetIntercomUserCommand", e.FullyQualifiedErrorId));
            Assert.All(result.Errors, e => Assert.Equal(ErrorCategory.ResourceUnavailable, e.CategoryInfo.Category));
            Assert.Equal(Enumerable.Range(1, 30).Select(n => "perm-" + n), result.Errors.Select(e => ((PSObject)e.TargetObject).Properties["user_id"].Value.ToString()));
            Assert.Equal(60, await _emulator.RequestCountAsync() - before);
        }

        [Fact]
        public async Task ANoteIsNotRepeatedAfterAFailureThatMayHaveBeenApplied()
        {
            await _emulator.SeedAsync(1, "once-");
            using var shell = new PowerShellSession(_emulator);
            await _emulator.SetFaultsAsync(new { failure_rate = 1.0, failure_status = 502 });
            var before = await _emulator.RequestCountAsync();

            var result = shell.Run("Add-IntercomNote -UserId once-1 -Body 'only once'");

            Assert.Equal("Intercom.server_error,IntercomPS.Cmdlets.AddIntercomNoteCommand", Assert.Single(result.Errors).FullyQualifiedErrorId);
            Assert.Equal(1, await _emulator.RequestCountAsync() - before);
        }

        [Fact]
        public async Task ATimeoutIsReportedAsSuchAndRetriedOnlyWhenSafe()
        {
            await _emulator.SeedAsync(1, "slow-");
            using var shell = new PowerShellSession(_emulator);
            shell.SetConnectionVariables(_emulator);
            shell.Run("Connect-Intercom -AppId $appId -ApiKey $key -BaseUri $uri -TimeoutSec 1 -MaxRetry 1").ShouldSucceed();
            await _emulator.SetFaultsAsync(new { latency_ms = 2500 });
            var before = await _emulator.RequestCountAsync();

            var get = shell.Run("Get-IntercomUser -UserId slow-1");
            var note = shell.Run("Add-IntercomNote -UserId slow-1 -Body 'slow'");

            var error = Assert.Single(get.Errors);
            Assert.Equal("Intercom.timeout,IntercomPS.Cmdlets.GetIntercomUserCommand", error.FullyQualifiedErrorId);
            Assert.Equal(ErrorCategory.OperationTimeout, error.CategoryInfo.Category);
            Assert.Equal("Intercom did not answer within 1 seconds. (timeout from GET /v1/users?user_id=slow-1)", error.Exception.Message);
            Assert.Equal("Intercom.timeout,IntercomPS.Cmdlets.AddIntercomNoteCommand", Assert.Single(note.Errors).FullyQualifiedErrorId);
            await Task.Delay(2000); // let the abandoned requests reach the emulator's counter
            Assert.Equal(3, await _emulator.RequestCountAsync() - before); // the GET twice, the note once
        }

        [Fact]
        public async Task TheClientPacesItselfInsteadOfHittingTheRateLimit()
        {
            await _emulator.SeedAsync(1, "paced-");
            using var shell = new PowerShellSession(_emulator);
            await _emulator.SetFaultsAsync(new { rate_limit = 5, rate_window_seconds = 1 });

            var result = shell.Run("$VerbosePreference = 'Continue'; 1..12 | ForEach-Object { Get-IntercomUser -UserId paced-1 } | ForEach-Object UserId").ShouldSucceed();

            Assert.Equal(12, result.Output.Count);
            Assert.Contains(result.Verbose, line => line.Contains("rate limit of 5 reached; waiting", StringComparison.Ordinal));
            Assert.DoesNotContain(result.Verbose, line => line.Contains("-> 429", StringComparison.Ordinal));
            var limit = PSObject.AsPSObject(Assert.Single(shell.Run("(Get-IntercomSession).RateLimit").ShouldSucceed().Output));
            Assert.Equal(5, limit.Get("Limit"));
        }

        [Fact]
        public async Task AServerThatAsksForTooLongAWaitGetsAFailureNotAShorterWait()
        {
            await _emulator.SeedAsync(1, "patient-");
            using var shell = new PowerShellSession(_emulator);
            await _emulator.SetFaultsAsync(new { failure_rate = 1.0, failure_status = 503, retry_after_seconds = 3600 });

            var result = shell.Run("$VerbosePreference = 'Continue'; Get-IntercomUser -UserId patient-1");

            var error = Assert.Single(result.Errors);
            Assert.Equal("Intercom.server_error,IntercomPS.Cmdlets.GetIntercomUserCommand", error.FullyQualifiedErrorId);
            Assert.Contains(result.Verbose, line => line.EndsWith("the server asked to wait 3600 s, more than the 60 s limit; giving up", StringComparison.Ordinal));
        }
    }
}
