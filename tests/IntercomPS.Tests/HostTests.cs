using System.Linq;
using System.Management.Automation;
using System.Threading.Tasks;
using IntercomPS.Testing;
using IntercomPS.Tests.Infrastructure;
using Xunit;

namespace IntercomPS.Tests
{
    /// <summary>
    /// What only a host can show: -Confirm prompts answered by a person, and progress records. Cmdlet behaviour as
    /// users script it lives in the Pester files (tests/*.Tests.ps1).
    /// </summary>
    public sealed class HostTests : IClassFixture<EmulatorFixture>
    {
        private readonly EmulatorFixture _emulator;

        public HostTests(EmulatorFixture emulator) => _emulator = emulator;

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
        public async Task ProgressReportsPagesWhileListing()
        {
            await _emulator.ResetAsync();
            await _emulator.SeedAsync(1234, "progress-");
            using var shell = new PowerShellSession(_emulator);

            var result = shell.Run("$ProgressPreference = 'Continue'; Get-IntercomUser | ForEach-Object { $null }").ShouldSucceed();

            var statuses = result.Progress.Where(p => p.RecordType == ProgressRecordType.Processing).Select(p => p.StatusDescription).ToList();
            Assert.Equal(new[] { "Page 1 of 3: 500 of 1,234 users", "Page 2 of 3: 1,000 of 1,234 users" }, statuses);
            Assert.Equal(ProgressRecordType.Completed, result.Progress.Last().RecordType);
        }
    }
}
