using System;
using System.Linq;
using System.Threading.Tasks;
using IntercomPS.Testing;
using IntercomPS.Tests.Infrastructure;
using Xunit;

namespace IntercomPS.Tests
{
    /// <summary>
    /// Under a steady rate limit with honest headers, a sync sends no request the last answer says will be refused:
    /// requests in flight count against what remains, and a spent window is waited out. The emulator limits the app to
    /// 60 requests a 1-second window; each run needs four windows, and 16 or 64 in flight overran each window's end
    /// by as many 429s before (the client only waited once an answer said 0 remained).
    /// </summary>
    public sealed class PacingTests : IClassFixture<EmulatorFixture>, IAsyncLifetime
    {
        private const int PerWindow = 60;
        private readonly EmulatorFixture _emulator;

        public PacingTests(EmulatorFixture emulator) => _emulator = emulator;

        public async Task InitializeAsync()
        {
            await _emulator.ClearFaultsAsync();
            await _emulator.ResetAsync();
            await _emulator.SeedAsync(240, "pace-");
        }

        public Task DisposeAsync() => _emulator.ClearFaultsAsync();

        [Theory]
        [InlineData("V1", 16)]
        [InlineData("V2", 16)]
        [InlineData("V2", 64)]
        public async Task ASyncUnderASteadyRateLimitIsNeverRefused(string api, int throttleLimit)
        {
            // 240 requests: on v1 an update is one PUT; on 2.x a find_by_external_id, then the PUT.
            var users = api == "V1" ? 240 : 120;
            // The limit is in force before the session's first answer, so every answer's headers tell the truth (a limit
            // lowered mid-run would make the answers before it claim 100,000 per 10 s).
            await _emulator.SetFaultsAsync(new { rate_limit = PerWindow, rate_window_seconds = 1, latency_ms = 20 });
            using var shell = Connected(api);

            var result = shell.Run($$"""
                $VerbosePreference = 'Continue'
                1..{{users}} | ForEach-Object { [pscustomobject]@{ user_id = "pace-$_"; name = "Paced $_" } } | Set-IntercomUser -ThrottleLimit {{throttleLimit}} -PassThru | ForEach-Object Name
                """).ShouldSucceed();

            Assert.Equal(Enumerable.Range(1, users).Select(n => "Paced " + n), result.Output.Select(o => o.ToString()));
            Assert.DoesNotContain(result.Verbose, line => line.Contains("-> 429", StringComparison.Ordinal));
            Assert.Contains(result.Verbose, line => line.Contains($"rate limit of {PerWindow} reached; waiting", StringComparison.Ordinal));
        }

        [Fact]
        public async Task SessionsOfOneAppInOneProcessShareItsWindow()
        {
            await _emulator.SetFaultsAsync(new { rate_limit = PerWindow, rate_window_seconds = 1, latency_ms = 20 });
            using var first = Connected("V1");
            using var second = Connected("V1");
            const string Sync = """
                $VerbosePreference = 'Continue'
                {0}..{1} | ForEach-Object {{ [pscustomobject]@{{ user_id = "pace-$_"; name = "Shared $_" }} }} | Set-IntercomUser -ThrottleLimit 16 -PassThru | ForEach-Object Name
                """;

            // Two runspaces at once, as two scripts of one host would; each alone would stay within the window.
            var runs = await Task.WhenAll(
                Task.Run(() => first.Run(string.Format(Sync, 1, 120))),
                Task.Run(() => second.Run(string.Format(Sync, 121, 240))));

            Assert.Equal(Enumerable.Range(1, 120).Select(n => "Shared " + n), runs[0].ShouldSucceed().Output.Select(o => o.ToString()));
            Assert.Equal(Enumerable.Range(121, 120).Select(n => "Shared " + n), runs[1].ShouldSucceed().Output.Select(o => o.ToString()));
            Assert.DoesNotContain(runs.SelectMany(run => run.Verbose), line => line.Contains("-> 429", StringComparison.Ordinal));
        }

        private PowerShellSession Connected(string api)
        {
            var shell = new PowerShellSession(_emulator);
            if (api == "V2")
            {
                shell.SetConnectionVariables(_emulator);
                shell.SetVariable("root", new Uri(_emulator.ApiUri, "/"));
                shell.Run("Connect-Intercom -AccessToken $key -BaseUri $root").ShouldSucceed();
            }
            return shell;
        }
    }
}
