using System.Linq;
using System.Threading.Tasks;
using IntercomPS.Tests.Infrastructure;
using Xunit;

namespace IntercomPS.Tests
{
    /// <summary>Tagging segments from the pipeline: batched requests, real counts, tag then untag.</summary>
    public sealed class TagCmdletTests : IClassFixture<EmulatorFixture>
    {
        private readonly EmulatorFixture _emulator;

        public TagCmdletTests(EmulatorFixture emulator) => _emulator = emulator;

        [Theory]
        [InlineData(250, null, 3)]
        [InlineData(250, 50, 5)]
        [InlineData(100, null, 1)]
        [InlineData(1, 500, 1)]
        public async Task PipedUsersAreTaggedInBatches(int users, int? batchSize, int expectedRequests)
        {
            var prefix = $"batch{users}-{batchSize}-";
            var tag = $"tag-{users}-{batchSize}";
            await _emulator.SeedAsync(users, prefix);
            using var shell = new PowerShellSession(_emulator);
            var before = await _emulator.RequestCountAsync("POST /v1/tags");
            var size = batchSize is null ? string.Empty : $"-BatchSize {batchSize}";

            var result = shell.Run($"Get-IntercomUser | Where-Object {{ $_.UserId -like '{prefix}*' }} | Set-IntercomTag -Name {tag} {size} -PassThru").ShouldSucceed();

            Assert.Equal(expectedRequests, await _emulator.RequestCountAsync("POST /v1/tags") - before);
            Assert.Equal(users, Assert.Single(result.OfType("IntercomPS.Tag")).Get("TaggedUserCount"));
            Assert.Equal(users, shell.Run($"(Get-IntercomUser -Tag {tag} | ForEach-Object UserId).Count").ShouldSucceed().Output.Single().BaseObject);
        }

        [Fact]
        public async Task TagThenUntagAPipedSegment()
        {
            await _emulator.SeedAsync(40, "segment-");
            using var shell = new PowerShellSession(_emulator);
            shell.Run("Get-IntercomUser | Where-Object { $_.UserId -like 'segment-*' } | Set-IntercomTag -Name trial").ShouldSucceed();
            Assert.Equal(40, Assert.Single(shell.Run("Get-IntercomTag -Name trial").ShouldSucceed().OfType("IntercomPS.Tag")).Get("TaggedUserCount"));

            // The product card's example: everyone on trial becomes vip too.
            shell.Run("Get-IntercomUser -Tag trial | Set-IntercomTag -Name vip").ShouldSucceed();
            Assert.Equal(40, Assert.Single(shell.Run("Get-IntercomTag vip").ShouldSucceed().OfType("IntercomPS.Tag")).Get("TaggedUserCount"));

            shell.Run("Get-IntercomUser -Tag trial -First 15 | Set-IntercomTag -Name trial -Untag").ShouldSucceed();

            Assert.Equal(25, Assert.Single(shell.Run("Get-IntercomTag trial").ShouldSucceed().OfType("IntercomPS.Tag")).Get("TaggedUserCount"));
            var remaining = shell.Run("Get-IntercomUser -Tag trial | ForEach-Object UserId").ShouldSucceed().Output.Select(o => o.ToString());
            Assert.Equal(Enumerable.Range(16, 25).Select(n => "segment-" + n), remaining);
            using var raw = await _emulator.ApiGetAsync("tags?name=trial");
            Assert.Equal(25, raw!.RootElement.GetProperty("tagged_user_count").GetInt32());
        }

        [Fact]
        public void NewTagWithUsersAndColourThenSetTheColourAlone()
        {
            using var shell = new PowerShellSession(_emulator);
            shell.Run("New-IntercomUser -UserId nt-1 -Email nt1@example.com; New-IntercomUser -UserId nt-2 -Email nt2@example.com").ShouldSucceed();

            var created = Assert.Single(shell.Run("New-IntercomTag -Name 'Free Trial' -Color teal -UserId nt-1 -Email nt2@example.com").ShouldSucceed().OfType("IntercomPS.Tag"));
            Assert.Equal("Free Trial", created.Get("Name"));
            Assert.Equal("teal", created.Get("Color"));
            Assert.Equal(2, created.Get("TaggedUserCount"));
            Assert.Matches("^[0-9a-f]{24}$", Assert.IsType<string>(created.Get("Id")));

            var recoloured = Assert.Single(shell.Run("Set-IntercomTag -Name 'Free Trial' -Color Purple -PassThru").ShouldSucceed().OfType("IntercomPS.Tag"));
            Assert.Equal("purple", recoloured.Get("Color"));
            Assert.Equal(2, recoloured.Get("TaggedUserCount"));
        }

        [Fact]
        public void ColourIsValidatedAndTabCompletesTheSixColours()
        {
            using var shell = new PowerShellSession(_emulator);
            var error = Assert.Single(shell.Run("Set-IntercomTag -Name x -Color pink").Errors);
            Assert.Equal("ParameterArgumentValidationError,IntercomPS.Cmdlets.SetIntercomTagCommand", error.FullyQualifiedErrorId);
            Assert.Contains("\"green,red,teal,gold,blue,purple\"", error.Exception.Message);

            var completions = shell.Run("$line = 'Set-IntercomTag -Name x -Color '; (TabExpansion2 -inputScript $line -cursorColumn $line.Length).CompletionMatches.CompletionText").ShouldSucceed();
            Assert.Equal(new[] { "blue", "gold", "green", "purple", "red", "teal" }, completions.Output.Select(o => o.ToString()));
        }

        [Fact]
        public async Task UntagOnATagThatDoesNotExistIsReportedPerUser()
        {
            using var shell = new PowerShellSession(_emulator);
            shell.Run("New-IntercomUser -UserId nx-1; New-IntercomUser -UserId nx-2").ShouldSucceed();
            var before = await _emulator.RequestCountAsync("POST /v1/tags");

            var result = shell.Run("'nx-1', 'nx-2' | ForEach-Object { [pscustomobject]@{ user_id = $_ } } | Set-IntercomTag -Name never-created -Untag");

            Assert.Equal(2, result.Errors.Count);
            Assert.All(result.Errors, error => Assert.Equal("Intercom.bad_request,IntercomPS.Cmdlets.SetIntercomTagCommand", error.FullyQualifiedErrorId));
            Assert.Equal(new[] { "nx-1", "nx-2" }, result.Errors.Select(error => ((System.Management.Automation.PSObject)error.TargetObject).Properties["user_id"].Value.ToString()));
            Assert.Equal(1, await _emulator.RequestCountAsync("POST /v1/tags") - before);
        }

        [Fact]
        public async Task WhatIfTagsNobody()
        {
            using var shell = new PowerShellSession(_emulator);
            shell.Run("New-IntercomUser -UserId wi-tag-1").ShouldSucceed();
            var before = await _emulator.RequestCountAsync();

            shell.Run("Get-IntercomUser -UserId wi-tag-1 | Set-IntercomTag -Name whatif-tag -WhatIf; New-IntercomTag -Name whatif-tag -WhatIf").ShouldSucceed();

            Assert.Equal(1, await _emulator.RequestCountAsync() - before); // the Get only
            Assert.Contains("What if: Performing the operation \"Tag with 'whatif-tag'\" on target \"wi-tag-1\".", shell.HostOutput);
            Assert.Equal("Intercom.not_found,IntercomPS.Cmdlets.GetIntercomTagCommand", Assert.Single(shell.Run("Get-IntercomTag whatif-tag").Errors).FullyQualifiedErrorId);
        }
    }
}
