using System.Collections.Generic;
using System.Linq;
using System.Threading.Tasks;
using System;
using IntercomPS.Client;
using IntercomPS.Client.V1;
using IntercomPS.Testing;
using Xunit;

namespace IntercomPS.Client.Tests
{
    /// <summary>
    /// The list read-ahead against the emulator with latency: requests made against pages used, for a reader slower
    /// than the network (it never waits, so one page ahead and no more) and one faster (it waits, so the window
    /// grows to the full read-ahead). A class of its own: the latency is the whole emulator's, and this fixture's
    /// emulator serves only these tests.
    /// </summary>
    public sealed class PagerReadAheadTests : IClassFixture<EmulatorFixture>, IAsyncLifetime
    {
        private const int LatencyMs = 20;

        /// <summary>Long enough for a request to reach the emulator and come back even on a busy machine.</summary>
        private const int RoundTripsMs = 300;
        private readonly EmulatorFixture _emulator;

        public PagerReadAheadTests(EmulatorFixture emulator) => _emulator = emulator;

        public Task InitializeAsync() => _emulator.Admin.SetFaultsAsync(new { latency_ms = LatencyMs });

        public Task DisposeAsync() => _emulator.Admin.ClearFaultsAsync();

        [Fact]
        public async Task AReaderSlowerThanTheNetworkKeepsOnePageAheadAndStoppingCostsOneRequestMore()
        {
            await _emulator.ResetAndSeedAsync(300, "slow-");
            using var client = _emulator.NewClient();

            var ids = new List<string?>();
            using (var pager = client.ListUserPages(new UserListQuery { PageSize = 10 }))
            {
                for (var read = 0; read < 6; read++)
                {
                    var page = await pager.NextAsync();
                    ids.AddRange(page!.Users.Select(user => user.UserId));
                    await Task.Delay(RoundTripsMs); // the reader's own work on each page, many round trips long
                    Assert.Equal(1, pager.PagesAhead);
                }
            }

            Assert.Equal(Enumerable.Range(1, 60).Select(n => "slow-" + n), ids);
            // Six pages used, the seventh requested while the sixth was read, and nothing more.
            Assert.Equal(7, await _emulator.RequestCountAsync("GET /v1/users"));
        }

        [Fact]
        public async Task AReaderThatWaitsRampsUpToTheWholeWindowAndReadsEveryPageOnce()
        {
            await _emulator.ResetAndSeedAsync(400, "fast-");
            using var client = _emulator.NewClient();

            var pages = new List<int>();
            var ids = new List<string?>();
            using (var pager = client.ListUserPages(new UserListQuery { PageSize = 10 }))
            {
                for (var page = await pager.NextAsync(); page is not null; page = await pager.NextAsync())
                {
                    pages.Add(page.Page);
                    ids.AddRange(page.Users.Select(user => user.UserId));
                }
                Assert.Equal(Concurrency.PagesAhead, pager.PagesAhead);
            }

            Assert.Equal(Enumerable.Range(1, 40), pages);
            Assert.Equal(Enumerable.Range(1, 400).Select(n => "fast-" + n), ids);
            Assert.Equal(40, await _emulator.RequestCountAsync("GET /v1/users"));
        }

        [Theory]
        [InlineData(1)]
        [InlineData(2)]
        [InlineData(3)]
        [InlineData(6)]
        public async Task AReaderThatWaitsAndStopsEarlyPaysAtMostThePagesItHadAhead(int pagesRead)
        {
            await _emulator.ResetAndSeedAsync(400, "stop-");
            using var client = _emulator.NewClient();

            int ahead;
            using (var pager = client.ListUserPages(new UserListQuery { PageSize = 10 }))
            {
                for (var read = 0; read < pagesRead; read++) Assert.NotNull(await pager.NextAsync());
                ahead = pager.PagesAhead;
                await Task.Delay(RoundTripsMs); // the pages requested ahead have reached the emulator before the stop
            }

            // Page 2 was requested as page 1 arrived, so a reader that asks for it at once waits, and the read-ahead
            // doubles with each wait after that: at most 2^(n-1), never more than the window.
            Assert.InRange(ahead, pagesRead == 1 ? 1 : 2, Math.Min(Concurrency.PagesAhead, 1 << (pagesRead - 1)));
            Assert.Equal(pagesRead + ahead, await _emulator.RequestCountAsync("GET /v1/users"));
        }
    }
}
