using System;
using System.Linq;
using System.Management.Automation;
using System.Threading.Tasks;
using IntercomPS.Tests.Infrastructure;
using Xunit;

namespace IntercomPS.Tests
{
    /// <summary>Connecting: the ways to give credentials, the checks made up front, and the errors when it goes wrong.</summary>
    public sealed class SessionTests : IClassFixture<EmulatorFixture>
    {
        private readonly EmulatorFixture _emulator;

        public SessionTests(EmulatorFixture emulator) => _emulator = emulator;

        private PowerShellSession Disconnected()
        {
            var shell = new PowerShellSession(emulator: null);
            shell.SetConnectionVariables(_emulator);
            return shell;
        }

        [Fact]
        public void ACmdletWithoutASessionSaysToRunConnectIntercom()
        {
            using var shell = Disconnected();
            var result = shell.Run("'a@example.com', 'b@example.com' | Get-IntercomUser");
            var error = Assert.Single(result.Errors);
            Assert.Equal("Intercom.no_session,IntercomPS.Cmdlets.GetIntercomUserCommand", error.FullyQualifiedErrorId);
            Assert.Equal("There is no Intercom session. Run Connect-Intercom first, or pass -Session.", error.ErrorDetails.Message);
        }

        [Fact]
        public void ConnectWithAppIdAndApiKeyThenGetSessionShowsNoKey()
        {
            using var shell = Disconnected();
            var session = Assert.Single(shell.Run("Connect-Intercom -AppId $appId -ApiKey $key -BaseUri $uri -PassThru").ShouldSucceed().OfType("IntercomPS.IntercomSession"));
            Assert.Equal(EmulatorFixture.AppId, session.Get("AppId"));
            Assert.Equal(_emulator.ApiUri, session.Get("BaseUri"));
            Assert.Equal($"{EmulatorFixture.AppId} at {_emulator.ApiUri}", session.ToString());
            Assert.Single(shell.Run("Get-IntercomSession").ShouldSucceed().OfType("IntercomPS.IntercomSession"));
        }

        [Fact]
        public void ConnectWithACredential()
        {
            using var shell = Disconnected();
            shell.Run("Connect-Intercom -Credential ([pscredential]::new($appId, $key)) -BaseUri $uri").ShouldSucceed();
            Assert.Empty(shell.Run("Get-IntercomUser -First 1").ShouldSucceed().Errors);
        }

        [Fact]
        public void ConnectFromEnvironmentVariablesForScheduledScripts()
        {
            using var shell = Disconnected();
            shell.SetVariable("plainKey", EmulatorFixture.ApiKey);
            var result = shell.Run("""
                $env:INTERCOM_APP_ID = $appId; $env:INTERCOM_API_KEY = $plainKey; $env:INTERCOM_BASE_URI = $uri
                try { Connect-Intercom -PassThru } finally { $env:INTERCOM_APP_ID = $null; $env:INTERCOM_API_KEY = $null; $env:INTERCOM_BASE_URI = $null }
                """).ShouldSucceed();
            Assert.Equal(EmulatorFixture.AppId, Assert.Single(result.OfType("IntercomPS.IntercomSession")).Get("AppId"));
        }

        [Fact]
        public void ConnectWithNothingToGoOnSaysWhereCredentialsComeFrom()
        {
            using var shell = Disconnected();
            var result = shell.Run("$env:INTERCOM_APP_ID = $null; $env:INTERCOM_API_KEY = $null; Connect-Intercom -BaseUri $uri");
            var error = Assert.Single(result.Errors);
            Assert.Equal("Intercom.no_credentials,IntercomPS.Cmdlets.ConnectIntercomCommand", error.FullyQualifiedErrorId);
            Assert.Equal("No credentials: pass -Credential, or -AppId and -ApiKey, or set the INTERCOM_APP_ID and INTERCOM_API_KEY environment variables.", error.Exception.Message);
        }

        [Fact]
        public void AWrongKeyStopsConnectAndLeavesNoSession()
        {
            using var shell = Disconnected();
            shell.SetVariable("wrongKey", IntercomPS.Host.ModuleRunspace.ToSecureString("wrong-key"));
            var result = shell.Run("Connect-Intercom -AppId $appId -ApiKey $wrongKey -BaseUri $uri");
            var error = Assert.Single(result.Errors);
            Assert.Equal("Intercom.unauthorized,IntercomPS.Cmdlets.ConnectIntercomCommand", error.FullyQualifiedErrorId);
            Assert.Equal(ErrorCategory.AuthenticationError, error.CategoryInfo.Category);
            Assert.Equal("Check the app id and API key, then run Connect-Intercom again.", error.ErrorDetails.RecommendedAction);
            Assert.Empty(shell.Run("Get-IntercomSession").ShouldSucceed().Output);
        }

        [Fact]
        public async Task ARejectedKeyStopsThePipelineAtTheFirstItem()
        {
            using var shell = new PowerShellSession(_emulator);
            // A key revoked while a script runs: from now on every request is answered 401.
            await _emulator.SetFaultsAsync(new { failure_rate = 1.0, failure_status = 401 });
            try
            {
                var before = await _emulator.RequestCountAsync();
                var result = shell.Run("1..20 | ForEach-Object { [pscustomobject]@{ user_id = \"r$_\"; name = 'Changed' } } | Set-IntercomUser -ThrottleLimit 1; 'next statement runs'");

                var error = Assert.Single(result.Errors);
                Assert.Equal("Intercom.unauthorized,IntercomPS.Cmdlets.SetIntercomUserCommand", error.FullyQualifiedErrorId);
                Assert.Equal(ErrorCategory.AuthenticationError, error.CategoryInfo.Category);
                Assert.Equal("next statement runs", result.Output.Single().ToString());
                Assert.Equal(1, await _emulator.RequestCountAsync() - before);

                // With requests in flight side by side, those already sent finish, and nothing more is sent.
                before = await _emulator.RequestCountAsync();
                result = shell.Run("1..20 | ForEach-Object { [pscustomobject]@{ user_id = \"r$_\"; name = 'Changed' } } | Set-IntercomUser -ThrottleLimit 4");
                Assert.Equal("Intercom.unauthorized,IntercomPS.Cmdlets.SetIntercomUserCommand", Assert.Single(result.Errors).FullyQualifiedErrorId);
                Assert.InRange(await _emulator.RequestCountAsync() - before, 1, 4);
            }
            finally
            {
                await _emulator.ClearFaultsAsync();
            }
        }

        [Fact]
        public void PlainHttpToAnotherMachineIsRefusedUnlessAllowed()
        {
            using var shell = Disconnected();
            var refused = Assert.Single(shell.Run("Connect-Intercom -AppId $appId -ApiKey $key -BaseUri http://intercom.example.net/v1/").Errors);
            Assert.Equal("Intercom.invalid_base_uri,IntercomPS.Cmdlets.ConnectIntercomCommand", refused.FullyQualifiedErrorId);
            Assert.Equal("The base URI 'http://intercom.example.net/v1/' is plain http to another machine, which would send the API key unencrypted. Use https, or allow unencrypted authentication explicitly.", refused.Exception.Message);
        }

        [Fact]
        public void SessionParameterOverridesTheCurrentSession()
        {
            using var shell = Disconnected();
            var result = shell.Run("""
                $mine = Connect-Intercom -AppId $appId -ApiKey $key -BaseUri $uri -PassThru
                Connect-Intercom -AppId $appId -ApiKey $key -BaseUri $uri
                Disconnect-Intercom
                New-IntercomUser -UserId session-param-1 -Session $mine | ForEach-Object UserId
                """).ShouldSucceed();
            Assert.Equal("session-param-1", result.Output.Single().ToString());
        }

        [Fact]
        public void ADisconnectedSessionCannotBeUsed()
        {
            using var shell = Disconnected();
            var result = shell.Run("""
                $old = Connect-Intercom -AppId $appId -ApiKey $key -BaseUri $uri -PassThru
                Disconnect-Intercom
                Get-IntercomUser -First 1 -Session $old
                """);
            var error = Assert.Single(result.Errors);
            Assert.Equal("Intercom.no_session,IntercomPS.Cmdlets.GetIntercomUserCommand", error.FullyQualifiedErrorId);
            Assert.Equal($"The Intercom session for app '{EmulatorFixture.AppId}' was disconnected. Run Connect-Intercom again.", error.Exception.Message);
        }

        [Fact]
        public void TwoRunspacesKeepTheirOwnSessions()
        {
            using var connected = new PowerShellSession(_emulator);
            using var other = Disconnected();
            Assert.Single(connected.Run("Get-IntercomSession").ShouldSucceed().Output);
            Assert.Empty(other.Run("Get-IntercomSession").ShouldSucceed().Output);
        }
    }
}
