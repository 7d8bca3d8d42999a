using System;
using System.Collections;
using System.Linq;
using System.Management.Automation;
using System.Threading.Tasks;
using IntercomPS.Tests.Infrastructure;
using Xunit;

namespace IntercomPS.Tests
{
    /// <summary>Creating, reading, updating and deleting users through real cmdlets against the emulator.</summary>
    public sealed class UserCmdletTests : IClassFixture<EmulatorFixture>
    {
        private readonly EmulatorFixture _emulator;

        public UserCmdletTests(EmulatorFixture emulator) => _emulator = emulator;

        [Fact]
        public void NewUserSendsEveryWritableFieldAndReturnsTypedUser()
        {
            using var shell = new PowerShellSession(_emulator);
            var user = Assert.Single(shell.Run("""
                New-IntercomUser -Email ben@intercom.io -UserId 7902 -Name 'Ben McRedmond' `
                    -CreatedAt ([datetime]::SpecifyKind('2009-11-07 00:18:00', 'Utc')) -LastRequestAt 1300000000 `
                    -CustomData @{ plan = 'pro'; seats = 3; active = $true; score = 2.5; note = $null } `
                    -LastSeenIp 1.2.3.4 -LastSeenUserAgent ie6 -UnsubscribedFromEmails $true `
                    -Companies @{ id = 6; name = 'Intercom'; plan = 'Messaging'; monthly_spend = 50 }
                """).ShouldSucceed().Users());

            Assert.Equal("ben@intercom.io", user.Get("Email"));
            Assert.Equal("7902", user.Get("UserId"));
            Assert.Equal("Ben McRedmond", user.Get("Name"));
            Assert.Equal(new DateTime(2009, 11, 7, 0, 18, 0, DateTimeKind.Utc), user.Get("CreatedAt"));
            Assert.Equal(DateTimeKind.Utc, ((DateTime)user.Get("CreatedAt")!).Kind);
            Assert.Equal(new DateTime(2011, 3, 13, 7, 6, 40, DateTimeKind.Utc), user.Get("LastImpressionAt"));
            Assert.Equal("pro", ((Hashtable)user.Get("CustomData")!)["plan"]);
            Assert.Equal(3L, ((Hashtable)user.Get("CustomData")!)["SEATS"]);
            Assert.Equal(true, ((Hashtable)user.Get("CustomData")!)["active"]);
            Assert.Equal(2.5, ((Hashtable)user.Get("CustomData")!)["score"]);
            Assert.Equal("1.2.3.4", user.Get("LastSeenIp"));
            Assert.Equal("ie6", user.Get("LastSeenUserAgent"));
            Assert.Equal(true, user.Get("UnsubscribedFromEmails"));
        }

        [Fact]
        public void NewUserUpdatesTheUserWithTheSameUserId()
        {
            using var shell = new PowerShellSession(_emulator);
            shell.Run("New-IntercomUser -UserId upsert-1 -Email first@example.com -Name First").ShouldSucceed();
            var user = Assert.Single(shell.Run("New-IntercomUser -UserId upsert-1 -Email second@example.com").ShouldSucceed().Users());
            Assert.Equal("second@example.com", user.Get("Email"));
            Assert.Equal("First", user.Get("Name"));
        }

        [Fact]
        public void GetUserByEmailByUserIdAndFromPipedStrings()
        {
            using var shell = new PowerShellSession(_emulator);
            shell.Run("New-IntercomUser -UserId get-1 -Email get1@example.com; New-IntercomUser -UserId get-2 -Email get2@example.com").ShouldSucceed();

            Assert.Equal("get-1", shell.Run("(Get-IntercomUser -Email get1@example.com).UserId").ShouldSucceed().Output.Single().ToString());
            Assert.Equal("get2@example.com", shell.Run("(Get-IntercomUser -UserId get-2).Email").ShouldSucceed().Output.Single().ToString());
            Assert.Equal(new[] { "get-1", "get-2" }, shell.Run("'get1@example.com', 'get2@example.com' | Get-IntercomUser | ForEach-Object UserId").ShouldSucceed().Output.Select(o => o.ToString()));
            Assert.Equal(new[] { "get-1", "get-2" }, shell.Run("Get-IntercomUser get1@example.com, get2@example.com | ForEach-Object UserId").ShouldSucceed().Output.Select(o => o.ToString()));
        }

        [Fact]
        public void PipedLookupsComeBackInInputOrderWithTheirErrorsInPlace()
        {
            using var shell = new PowerShellSession(_emulator);
            shell.Run("1..12 | ForEach-Object { New-IntercomUser -UserId \"look-$_\" -Email \"look$_@example.com\" } | Out-Null").ShouldSucceed();

            var result = shell.Run("1..14 | ForEach-Object { \"look$_@example.com\" } | Get-IntercomUser | ForEach-Object UserId");

            Assert.Equal(Enumerable.Range(1, 12).Select(n => "look-" + n), result.Output.Select(o => o.ToString()));
            Assert.Equal(new[] { "look13@example.com", "look14@example.com" }, result.Errors.Select(e => ((PSObject)e.TargetObject).BaseObject));
        }

        [Fact]
        public void EmailsAndUserIdsPairUpOrAreRefused()
        {
            using var shell = new PowerShellSession(_emulator);
            shell.Run("New-IntercomUser -UserId pair-1 -Email pair1@example.com; New-IntercomUser -UserId pair-2 -Email pair2@example.com").ShouldSucceed();

            Assert.Equal(new[] { "pair1@example.com", "pair2@example.com" },
                shell.Run("Get-IntercomUser -Email ignored1@example.com, ignored2@example.com -UserId pair-1, pair-2 | ForEach-Object Email").ShouldSucceed().Output.Select(o => o.ToString()));
            var error = Assert.Single(shell.Run("Get-IntercomUser -Email a@example.com, b@example.com -UserId pair-1").Errors);
            Assert.Equal("Intercom.invalid_argument,IntercomPS.Cmdlets.GetIntercomUserCommand", error.FullyQualifiedErrorId);
            Assert.Equal("-Email has 2 values and -UserId 1; give one of them, or the same number of each to pair them up.", error.Exception.Message);
        }

        [Fact]
        public void SetUserChangesOnlyTheGivenFieldsAndReturnsNothingWithoutPassThru()
        {
            using var shell = new PowerShellSession(_emulator);
            shell.Run("New-IntercomUser -UserId set-1 -Email set1@example.com -Name 'Set One' -CustomData @{ plan = 'trial' } -LastSeenIp 9.9.9.9").ShouldSucceed();

            Assert.Empty(shell.Run("Set-IntercomUser -UserId set-1 -Name 'Renamed'").ShouldSucceed().Output);
            var user = Assert.Single(shell.Run("Get-IntercomUser -UserId set-1").ShouldSucceed().Users());
            Assert.Equal("Renamed", user.Get("Name"));
            Assert.Equal("trial", ((Hashtable)user.Get("CustomData")!)["plan"]);
            Assert.Equal("9.9.9.9", user.Get("LastSeenIp"));

            var passed = Assert.Single(shell.Run("Set-IntercomUser -Email set1@example.com -UnsubscribedFromEmails $true -PassThru").ShouldSucceed().Users());
            Assert.Equal(true, passed.Get("UnsubscribedFromEmails"));
        }

        [Fact]
        public void SetUnknownUserIsANonTerminatingNotFoundErrorAndCreatesNobody()
        {
            using var shell = new PowerShellSession(_emulator);
            var result = shell.Run("Set-IntercomUser -Email nobody-here@example.com -Name Ghost; 'still running'");
            Assert.Equal("still running", result.Output.Single().ToString());
            var error = Assert.Single(result.Errors);
            Assert.Equal("Intercom.not_found,IntercomPS.Cmdlets.SetIntercomUserCommand", error.FullyQualifiedErrorId);
            Assert.Equal(ErrorCategory.ObjectNotFound, error.CategoryInfo.Category);
            Assert.Equal("nobody-here@example.com", error.TargetObject);
            Assert.Contains("(404 not_found from PUT /v1/users)", error.Exception.Message);
            Assert.Empty(shell.Run("Get-IntercomUser -Email nobody-here@example.com -ErrorAction SilentlyContinue").Output);
        }

        [Fact]
        public async Task NestedCustomDataIsRefusedBeforeAnyRequestIsSent()
        {
            using var shell = new PowerShellSession(_emulator);
            shell.Run("New-IntercomUser -UserId nested-1").ShouldSucceed();
            var before = await _emulator.RequestCountAsync();

            var result = shell.Run("Set-IntercomUser -UserId nested-1 -CustomData @{ plan = @{ tier = 'gold' } }");

            var error = Assert.Single(result.Errors);
            Assert.Equal("Intercom.invalid_argument,IntercomPS.Cmdlets.SetIntercomUserCommand", error.FullyQualifiedErrorId);
            Assert.Equal(ErrorCategory.InvalidArgument, error.CategoryInfo.Category);
            Assert.Equal("CustomData.plan is a Hashtable; Intercom custom data is flat, so each value must be a string, number, boolean, date or $null.", error.Exception.Message);
            Assert.Equal(before, await _emulator.RequestCountAsync());
        }

        [Fact]
        public void AUserNeedsAnEmailOrAUserId()
        {
            using var shell = new PowerShellSession(_emulator);
            var error = Assert.Single(shell.Run("Set-IntercomUser -Name 'Nobody'").Errors);
            Assert.Equal("Intercom.invalid_argument,IntercomPS.Cmdlets.SetIntercomUserCommand", error.FullyQualifiedErrorId);
            Assert.Equal("A user needs an Email or a UserId; neither was given.", error.Exception.Message);
        }

        [Fact]
        public async Task WhatIfDescribesEachChangeAndLeavesTheEmulatorUntouched()
        {
            using var shell = new PowerShellSession(_emulator);
            shell.Run("New-IntercomUser -UserId whatif-1 -Email whatif1@example.com -Name Before").ShouldSucceed();
            var before = await _emulator.RequestCountAsync();

            shell.Run("""
                New-IntercomUser -UserId whatif-2 -WhatIf
                Set-IntercomUser -UserId whatif-1 -Name After -WhatIf
                Remove-IntercomUser -UserId whatif-1 -WhatIf
                Remove-IntercomUser -UserId whatif-1 -Force -WhatIf
                """).ShouldSucceed();

            Assert.Equal(before, await _emulator.RequestCountAsync());
            Assert.Contains("What if: Performing the operation \"Create or update Intercom user\" on target \"whatif-2\".", shell.HostOutput);
            Assert.Contains("What if: Performing the operation \"Update Intercom user\" on target \"whatif-1\".", shell.HostOutput);
            Assert.Equal(2, CountOf(shell.HostOutput, "What if: Performing the operation \"Remove Intercom user and all their conversations\" on target \"whatif-1\"."));
            Assert.Equal("Before", Assert.Single(shell.Run("Get-IntercomUser -UserId whatif-1").ShouldSucceed().Users()).Get("Name"));
        }

        [Fact]
        public void RemoveAsksFirstAndANoKeepsTheUser()
        {
            using var shell = new PowerShellSession(_emulator, "N", "Y");
            shell.Run("New-IntercomUser -UserId confirm-1").ShouldSucceed();

            shell.Run("Remove-IntercomUser -UserId confirm-1").ShouldSucceed();
            Assert.Contains("Remove Intercom user and all their conversations", shell.HostOutput);
            Assert.Single(shell.Run("Get-IntercomUser -UserId confirm-1").ShouldSucceed().Output);

            shell.Run("Remove-IntercomUser -UserId confirm-1").ShouldSucceed();
            var gone = shell.Run("Get-IntercomUser -UserId confirm-1");
            Assert.Equal("Intercom.not_found,IntercomPS.Cmdlets.GetIntercomUserCommand", Assert.Single(gone.Errors).FullyQualifiedErrorId);
        }

        [Fact]
        public async Task RemoveWithForceDeletesWithoutAskingAndPassThruReturnsTheUserAsItWas()
        {
            using var shell = new PowerShellSession(_emulator);
            shell.Run("New-IntercomUser -UserId force-1 -Email force1@example.com -Name Doomed").ShouldSucceed();

            var removed = Assert.Single(shell.Run("Get-IntercomUser -UserId force-1 | Remove-IntercomUser -Force -PassThru").ShouldSucceed().Users());

            Assert.Equal("Doomed", removed.Get("Name"));
            Assert.Null(await _emulator.ApiGetAsync("users?user_id=force-1"));
        }

        [Fact]
        public async Task RemoveInAnUnattendedRunWithoutForceFailsClearlyInsteadOfHanging()
        {
            using var shell = new PowerShellSession(_emulator);
            shell.Run("New-IntercomUser -UserId unattended-1").ShouldSucceed();

            var result = shell.Run("Remove-IntercomUser -UserId unattended-1");

            var error = Assert.Single(result.Errors);
            Assert.Equal("The script asked for an answer to the prompt 'Confirm', but there is no more input to read. In unattended runs pass -Force or -Confirm:$false, and give credentials as parameters.", error.Exception.Message);
            Assert.NotNull(await _emulator.ApiGetAsync("users?user_id=unattended-1"));
        }

        [Fact]
        public void UsersFormatAsATableWithTheColumnsPeopleScan()
        {
            using var shell = new PowerShellSession(_emulator);
            shell.Run("New-IntercomUser -UserId format-1 -Email format1@example.com -Name 'Format One' | Out-Default").ShouldSucceed();
            var lines = shell.HostOutput.Split('\n').Select(line => line.TrimEnd()).Where(line => line.Length > 0).ToList();
            Assert.Matches(@"^Email\s+UserId\s+Name\s+CreatedAt\s+LastImpressionAt\s+Sessions$", lines[0]);
            Assert.Matches(@"^format1@example.com\s+format-1\s+Format One\s+\d{4}-\d\d-\d\d \d\d:\d\d\s+0$", lines[2]);
        }

        private static int CountOf(string text, string part)
        {
            var count = 0;
            for (var at = text.IndexOf(part, StringComparison.Ordinal); at >= 0; at = text.IndexOf(part, at + 1, StringComparison.Ordinal)) count++;
            return count;
        }
    }
}
