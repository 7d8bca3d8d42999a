using System.Linq;
using System.Net.Http;
using System.Threading.Tasks;
using IntercomPS.Tests.Infrastructure;
using Xunit;

namespace IntercomPS.Tests
{
    /// <summary>Listing streams page by page, honours -First/-Skip exactly, and asks for no more than it needs.</summary>
    public sealed class UserPagingTests : IClassFixture<EmulatorFixture>, IAsyncLifetime
    {
        private const int UserCount = 1234;
        private readonly EmulatorFixture _emulator;

        public UserPagingTests(EmulatorFixture emulator) => _emulator = emulator;

        public async Task InitializeAsync()
        {
            await _emulator.ResetAsync();
            await _emulator.SeedAsync(UserCount, "page-");
        }

        public Task DisposeAsync() => Task.CompletedTask;

        [Fact]
        public async Task ListsEveryUserOnceInCreationOrderWithThreeRequests()
        {
            using var shell = new PowerShellSession(_emulator);
            var before = await _emulator.RequestCountAsync("GET /v1/users");

            var ids = shell.Run("Get-IntercomUser | ForEach-Object UserId").ShouldSucceed().Output.Select(o => o.ToString()).ToList();

            Assert.Equal(Enumerable.Range(1, UserCount).Select(n => "page-" + n), ids);
            Assert.Equal(3, await _emulator.RequestCountAsync("GET /v1/users") - before);
        }

        [Theory]
        [InlineData(10, 0)]
        [InlineData(10, 5)]
        [InlineData(1, 1233)]
        [InlineData(600, 400)]
        [InlineData(50, 1200)]
        public void FirstAndSkipSelectExactlyThoseUsers(int first, int skip)
        {
            using var shell = new PowerShellSession(_emulator);
            var ids = shell.Run($"Get-IntercomUser -First {first} -Skip {skip} | ForEach-Object UserId").ShouldSucceed().Output.Select(o => o.ToString());
            var expected = Enumerable.Range(skip + 1, System.Math.Min(first, UserCount - skip)).Select(n => "page-" + n);
            Assert.Equal(expected, ids);
        }

        [Fact]
        public async Task FirstTenFetchesTenNotFiveHundred()
        {
            using var shell = new PowerShellSession(_emulator);
            var before = await _emulator.RequestCountAsync("GET /v1/users");

            var result = shell.Run("$VerbosePreference = 'Continue'; Get-IntercomUser -First 10").ShouldSucceed();

            Assert.Equal(10, result.Users().Count());
            Assert.Equal(1, await _emulator.RequestCountAsync("GET /v1/users") - before);
            Assert.Contains(result.Verbose, line => line.StartsWith("GET /v1/users?page=1&per_page=10 -> 200 OK in ", System.StringComparison.Ordinal));
        }

        [Fact]
        public async Task PageSizeSetsHowManyUsersEachRequestAsksFor()
        {
            using var shell = new PowerShellSession(_emulator);
            var before = await _emulator.RequestCountAsync("GET /v1/users");

            var count = shell.Run("(Get-IntercomUser -PageSize 100 | ForEach-Object UserId).Count").ShouldSucceed().Output.Single().BaseObject;

            Assert.Equal(UserCount, count);
            Assert.Equal(13, await _emulator.RequestCountAsync("GET /v1/users") - before);
        }

        [Fact]
        public void IncludeTotalCountReportsTheTotalFirst()
        {
            using var shell = new PowerShellSession(_emulator);
            var result = shell.Run("Get-IntercomUser -IncludeTotalCount -First 3").ShouldSucceed();

            Assert.Equal(4, result.Output.Count);
            Assert.Equal((ulong)UserCount, result.Output[0].BaseObject);
            Assert.Equal(3, result.Users().Count());
        }

        [Fact]
        public void ProgressReportsPagesWhileListing()
        {
            using var shell = new PowerShellSession(_emulator);
            var result = shell.Run("$ProgressPreference = 'Continue'; Get-IntercomUser | ForEach-Object { $null }").ShouldSucceed();

            var statuses = result.Progress.Where(p => p.RecordType == System.Management.Automation.ProgressRecordType.Processing).Select(p => p.StatusDescription).ToList();
            Assert.Equal(new[] { "Page 1 of 3: 500 of 1,234 users", "Page 2 of 3: 1,000 of 1,234 users" }, statuses);
            Assert.Equal(System.Management.Automation.ProgressRecordType.Completed, result.Progress.Last().RecordType);
        }

        [Fact]
        public async Task TagFiltersTheListByTagNameAndById()
        {
            using var tag = await _emulator.ApiSendAsync(HttpMethod.Post, "tags", new { name = "trial", user_ids = new[] { "page-3", "page-700", "page-1234" }, tag_or_untag = "tag" });
            var tagId = tag.RootElement.GetProperty("id").GetString();
            using var shell = new PowerShellSession(_emulator);

            var byName = shell.Run("Get-IntercomUser -Tag trial | ForEach-Object UserId").ShouldSucceed().Output.Select(o => o.ToString());
            var byId = shell.Run($"Get-IntercomUser -TagId '{tagId}' | ForEach-Object UserId").ShouldSucceed().Output.Select(o => o.ToString());

            Assert.Equal(new[] { "page-3", "page-700", "page-1234" }, byName);
            Assert.Equal(byName, byId);
        }
    }
}
