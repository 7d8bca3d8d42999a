using System.Collections.Generic;
using System.Linq;
using System.Text;
using System.Threading.Tasks;
using System;
using IntercomPS.Testing;
using IntercomPS.Tests.Infrastructure;
using Xunit;

namespace IntercomPS.Tests
{
    /// <summary>
    /// The API key and the access token never show: not in Verbose or Debug output, not in errors or exceptions, not
    /// in the session object, not when things go wrong. Every stream of a run that touches every path is searched.
    /// </summary>
    public sealed class SecretLeakTests : IClassFixture<EmulatorFixture>
    {
        private readonly EmulatorFixture _emulator;

        public SecretLeakTests(EmulatorFixture emulator) => _emulator = emulator;

        private static IEnumerable<string> Secrets() => new[]
        {
            EmulatorFixture.ApiKey,
            EmulatorFixture.BasicHeaderValue,
            Convert.ToBase64String(Encoding.UTF8.GetBytes(EmulatorFixture.ApiKey)),
        };

        [Fact]
        public async Task NoStreamOrErrorEverContainsTheKey()
        {
            using var shell = new PowerShellSession(_emulator, "N");
            shell.SetConnectionVariables(_emulator);
            shell.SetVariable("wrongKey", ModuleRunspace.ToSecureString(EmulatorFixture.ApiKey + "-old"));

            var runs = new List<RunResult>
            {
                shell.Run("""
                    $VerbosePreference = 'Continue'; $DebugPreference = 'Continue'
                    $session = Connect-Intercom -AppId $appId -ApiKey $key -BaseUri $uri -PassThru -Verbose
                    $session; "$session"; $session | Format-List * | Out-Default
                    Get-IntercomSession
                    New-IntercomUser -UserId leak-1 -Email leak1@example.com -CustomData @{ plan = 'pro' } -Verbose -Debug
                    Get-IntercomUser -First 5 -Verbose -Debug
                    Set-IntercomUser -Email nobody@example.com -Name x -Verbose -Debug
                    Set-IntercomUser -UserId leak-1 -CustomData @{ bad = @(1, 2) }
                    Remove-IntercomUser -UserId leak-1
                    Connect-Intercom -AppId $appId -ApiKey $wrongKey -BaseUri $uri -Verbose
                    Connect-Intercom -AppId $appId -ApiKey $key -BaseUri http://intercom.example.net/v1/
                    """),
            };
            await _emulator.SetFaultsAsync(new { failure_rate = 1.0, failure_status = 401 });
            try
            {
                runs.Add(shell.Run("$VerbosePreference = 'Continue'; $DebugPreference = 'Continue'; Get-IntercomUser -Email leak1@example.com"));
            }
            finally
            {
                await _emulator.ClearFaultsAsync();
            }
            runs.Add(shell.Run("$ErrorActionPreference = 'Stop'; Get-IntercomUser -Email nobody@example.com"));

            var everything = runs.SelectMany(run => run.AllText()).Append(shell.HostOutput).Append(shell.HostErrors).ToList();
            Assert.Contains(everything, text => text.Contains("GET /v1/users", StringComparison.Ordinal));
            Assert.Contains(everything, text => text.Contains("body: {", StringComparison.Ordinal));
            Assert.True(runs.Sum(run => run.Errors.Count) >= 5, "the run should have exercised the error paths");
            foreach (var secret in Secrets())
                Assert.DoesNotContain(everything, text => text.Contains(secret, StringComparison.Ordinal));
        }

        /// <summary>The same sweep on REST API 2.14, where the emulator's key is the Bearer token.</summary>
        [Fact]
        public async Task NoStreamOrErrorEverContainsTheAccessToken()
        {
            using var shell = new PowerShellSession(_emulator, "N");
            shell.SetConnectionVariables(_emulator);
            shell.SetVariable("root", new Uri(_emulator.ApiUri, "/"));
            shell.SetVariable("wrongToken", ModuleRunspace.ToSecureString(EmulatorFixture.ApiKey + "-old"));

            var runs = new List<RunResult>
            {
                shell.Run("""
                    $VerbosePreference = 'Continue'; $DebugPreference = 'Continue'
                    $session = Connect-Intercom -AccessToken $key -BaseUri $root -PassThru -Verbose -Debug
                    $session; "$session"; $session | Format-List * | Out-Default
                    Get-IntercomSession | Format-Table | Out-Default
                    Connect-Intercom -AccessToken ([pscredential]::new('token', $key)) -BaseUri $root -Verbose
                    New-IntercomUser -UserId leak-2 -Email leak2@example.com -Name Leak -Verbose -Debug
                    Get-IntercomUser -Email leak2@example.com -Verbose -Debug
                    Get-IntercomUser -Email nobody@example.com -Verbose -Debug
                    Get-IntercomTag -Name no-such-tag -Verbose -Debug
                    Connect-Intercom -AccessToken $wrongToken -BaseUri $root -Verbose -Debug
                    Connect-Intercom -AccessToken $key -BaseUri $root -ApiVersion 2.13 -Verbose -Debug
                    Connect-Intercom -AccessToken $key -BaseUri http://intercom.example.net/
                    """),
            };
            await _emulator.SetFaultsAsync(new { failure_rate = 1.0, failure_status = 401 });
            try
            {
                runs.Add(shell.Run("$VerbosePreference = 'Continue'; $DebugPreference = 'Continue'; Connect-Intercom -AccessToken $key -BaseUri $root -Verbose -Debug"));
            }
            finally
            {
                await _emulator.ClearFaultsAsync();
            }

            var everything = runs.SelectMany(run => run.AllText()).Append(shell.HostOutput).Append(shell.HostErrors).ToList();
            Assert.Contains(everything, text => text.Contains("GET /me", StringComparison.Ordinal));
            Assert.Contains(everything, text => text.Contains("answer: {", StringComparison.Ordinal));
            Assert.True(runs.Sum(run => run.Errors.Count) >= 5, "the run should have exercised the error paths");
            foreach (var secret in Secrets())
                Assert.DoesNotContain(everything, text => text.Contains(secret, StringComparison.Ordinal));
        }
    }
}
