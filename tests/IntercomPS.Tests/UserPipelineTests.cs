using System.Collections;
using System.Linq;
using System.Management.Automation;
using System.Threading.Tasks;
using IntercomPS.Tests.Infrastructure;
using Xunit;

namespace IntercomPS.Tests
{
    /// <summary>Ops pipelines: rows from Import-Csv or [pscustomobject]s in, per-item errors out, nothing lost.</summary>
    public sealed class UserPipelineTests : IClassFixture<EmulatorFixture>
    {
        private readonly EmulatorFixture _emulator;

        public UserPipelineTests(EmulatorFixture emulator) => _emulator = emulator;

        [Fact]
        public async Task CsvShapedRowsBindBySnakeCaseColumnNames()
        {
            using var shell = new PowerShellSession(_emulator);
            shell.Run("New-IntercomUser -UserId csv-1 -Email old-csv1@example.com -Name 'Kept Name'; New-IntercomUser -UserId csv-2").ShouldSucceed();

            // Import-Csv gives every column as a string, blank cells as ''.
            shell.Run("""
                @(
                    [pscustomobject]@{ user_id = 'csv-1'; email = 'csv1@example.com'; name = ''; created_at = '1257553080'; last_seen_ip = '10.0.0.1'; last_seen_user_agent = 'curl/8'; unsubscribed_from_emails = 'true' }
                    [pscustomobject]@{ user_id = 'csv-2'; email = ''; name = 'Second'; created_at = ''; last_seen_ip = ''; last_seen_user_agent = ''; unsubscribed_from_emails = 'no' }
                ) | Set-IntercomUser
                """).ShouldSucceed();

            using var first = await _emulator.ApiGetAsync("users?user_id=csv-1");
            var one = first!.RootElement;
            Assert.Equal("csv1@example.com", one.GetProperty("email").GetString());
            Assert.Equal("Kept Name", one.GetProperty("name").GetString());
            Assert.Equal(1257553080, one.GetProperty("created_at").GetInt64());
            Assert.Equal("10.0.0.1", one.GetProperty("last_seen_ip").GetString());
            Assert.Equal("curl/8", one.GetProperty("last_seen_user_agent").GetString());
            Assert.True(one.GetProperty("unsubscribed_from_emails").GetBoolean());
            using var second = await _emulator.ApiGetAsync("users?user_id=csv-2");
            Assert.Equal("Second", second!.RootElement.GetProperty("name").GetString());
            Assert.False(second.RootElement.GetProperty("unsubscribed_from_emails").GetBoolean());
        }

        [Fact]
        public void ABadBooleanCellFailsThatRowOnlyWithAClearMessage()
        {
            using var shell = new PowerShellSession(_emulator);
            shell.Run("New-IntercomUser -UserId bool-1; New-IntercomUser -UserId bool-2").ShouldSucceed();

            var result = shell.Run("""
                [pscustomobject]@{ user_id = 'bool-1'; unsubscribed_from_emails = 'maybe' },
                [pscustomobject]@{ user_id = 'bool-2'; unsubscribed_from_emails = 'yes' } | Set-IntercomUser -PassThru
                """);

            var error = Assert.Single(result.Errors);
            Assert.Contains("'maybe' is not a boolean: use true or false.", error.Exception.Message);
            Assert.Equal("bool-2", Assert.Single(result.Users()).Text("UserId"));
        }

        [Fact]
        public void PipedUsersRoundTripThroughSetWithOverrides()
        {
            using var shell = new PowerShellSession(_emulator);
            shell.Run("New-IntercomUser -UserId round-1 -Email round1@example.com -Name Round -CustomData @{ plan = 'pro' }").ShouldSucceed();

            var user = Assert.Single(shell.Run("Get-IntercomUser -UserId round-1 | Set-IntercomUser -LastSeenIp 4.4.4.4 -PassThru").ShouldSucceed().Users());

            Assert.Equal("Round", user.Get("Name"));
            Assert.Equal("4.4.4.4", user.Get("LastSeenIp"));
            Assert.Equal("pro", ((Hashtable)user.Get("CustomData")!)["plan"]);
        }

        [Fact]
        public async Task NinetySevenUpdatedAndThreeUnknownReportedPerItem()
        {
            using var shell = new PowerShellSession(_emulator);
            await _emulator.SeedAsync(97, "batch-");
            var ids = Enumerable.Range(1, 97).Select(n => "batch-" + n).ToList();
            ids.Insert(9, "ghost-a");
            ids.Insert(49, "ghost-b");
            ids.Insert(89, "ghost-c");
            var rows = ids.Select(id => new PSObject(new { user_id = id, name = "Renamed " + id })).ToArray();
            shell.SetVariable("rows", rows);

            var result = shell.Run("$rows | Set-IntercomUser; 'finished'");

            Assert.Equal("finished", result.Output.Single().ToString());
            Assert.Equal(3, result.Errors.Count);
            foreach (var (error, index) in result.Errors.Zip(new[] { 9, 49, 89 }))
            {
                Assert.Equal("Intercom.not_found,IntercomPS.Cmdlets.SetIntercomUserCommand", error.FullyQualifiedErrorId);
                Assert.Equal(ErrorCategory.ObjectNotFound, error.CategoryInfo.Category);
                Assert.Same(rows[index].BaseObject, ((PSObject)error.TargetObject).BaseObject);
            }
            var renamed = shell.Run("Get-IntercomUser | Where-Object { $_.Name -eq ('Renamed ' + $_.UserId) } | ForEach-Object UserId").ShouldSucceed().Output.Select(o => o.ToString());
            Assert.Equal(Enumerable.Range(1, 97).Select(n => "batch-" + n), renamed);
        }
    }
}
