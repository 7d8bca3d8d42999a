using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading.Tasks;
using IntercomPS.Testing;
using Xunit;

namespace IntercomPS.Client.Tests
{
    /// <summary>
    /// Every company through the scroll, against a server that follows the scroll's rules or breaks them: a failed page
    /// starts the scroll again and no company comes out twice; a page is never requested twice; a scroll that lists a
    /// company twice is an error, never a duplicate or a loop.
    /// </summary>
    public sealed class CompanyScrollTests : IDisposable
    {
        private readonly LoopbackServer _server = new LoopbackServer();

        public CompanyScrollTests() => _server.Answer("GET /me", 200, HostileAnswerTests.Me);

        public void Dispose() => _server.Dispose();

        private static string Company(string id) => $"{{\"type\":\"company\",\"id\":\"{id}\",\"company_id\":\"c-{id}\",\"name\":\"{id}\"}}";

        private static string Page(string param, params string[] ids) =>
            $"{{\"type\":\"list\",\"data\":[{string.Join(",", ids.Select(Company))}],\"pages\":null,\"total_count\":null,\"scroll_param\":\"{param}\"}}";

        private const string Restart = "{\"type\":\"error.list\",\"request_id\":\"r1\",\"errors\":[{\"code\":\"server_error\",\"message\":\"Request failed due to an internal network error. Please restart the scroll operation.\"}]}";

        private static async Task<List<string>> ReadAll(IPageReader<Company> reader)
        {
            var ids = new List<string>();
            while (await reader.NextAsync() is { } page) ids.AddRange(page.Select(company => company.Id!));
            return ids;
        }

        [Fact]
        public async Task AFailedPageStartsTheScrollAgainAndNoCompanyComesOutTwice()
        {
            // Newest rule first: the first scroll (p) fails on its second page; the second (q) hands out a and b again, then c.
            _server.Answer("GET /companies/scroll", 200, Page("q", "a", "b"));
            _server.Answer("GET /companies/scroll?scroll_param=q", 200, Page("q"));
            _server.Answer("GET /companies/scroll?scroll_param=q", 200, Page("q", "c"), times: 1);
            _server.Answer("GET /companies/scroll?scroll_param=p", 500, Restart);
            _server.Answer("GET /companies/scroll", 200, Page("p", "a", "b"), times: 1);
            using var client = HostileAnswerTests.NewClient(_server, maxRetries: 4);
            using var reader = client.ListCompanies();

            Assert.Equal(["a", "b", "c"], await ReadAll(reader));
            Assert.Equal(1, ((V2.CompanyScrollReader)reader).Restarts);
            // The failed page was not requested again as it was: a page moves the scroll on.
            Assert.Equal(1, _server.Requests.Count(request => request == "GET /companies/scroll?scroll_param=p"));
        }

        [Fact]
        public async Task AScrollThatListsACompanyTwiceIsAnErrorNotADuplicate()
        {
            _server.Answer("GET /companies/scroll", 200, Page("p", "a", "b"));
            using var client = HostileAnswerTests.NewClient(_server);
            using var reader = client.ListCompanies();

            var failure = await Assert.ThrowsAsync<IntercomApiException>(() => ReadAll(reader));

            Assert.Equal(IntercomApiException.InvalidResponseType, failure.ErrorType);
            Assert.Contains("it listed company a twice", failure.Message);
        }

        [Fact]
        public async Task AListingStoppedBeforeItsEndIsRememberedUntilItsScrollMayHaveExpiredAndOneReadToTheEndIsNot()
        {
            _server.Answer("GET /companies/scroll", 200, Page("p", "a", "b"));
            _server.Answer("GET /companies/scroll?scroll_param=p", 200, Page("p"));
            using var client = HostileAnswerTests.NewClient(_server);
            Assert.Null(client.CompanyScrollLeftOpenAt(DateTime.UtcNow));

            var before = DateTime.UtcNow;
            using (var stopped = client.ListCompanies())
            {
                Assert.Equal(2, (await stopped.NextAsync())!.Length); // stopped after its first page, as -First does
            }

            var leftAt = client.CompanyScrollLeftOpenAt(DateTime.UtcNow);
            Assert.NotNull(leftAt);
            Assert.InRange(leftAt!.Value, before, DateTime.UtcNow);
            Assert.NotNull(client.CompanyScrollLeftOpenAt(leftAt.Value + V2.CompanyScrollReader.ScrollLifetime - TimeSpan.FromSeconds(1)));
            Assert.Null(client.CompanyScrollLeftOpenAt(leftAt.Value + V2.CompanyScrollReader.ScrollLifetime));

            // A listing read to its empty page began a scroll of its own and ended it: nothing is left open.
            using (var whole = client.ListCompanies())
            {
                Assert.Equal(["a", "b"], await ReadAll(whole));
            }

            Assert.Null(client.CompanyScrollLeftOpenAt(DateTime.UtcNow));
        }

        [Fact]
        public async Task RestartsThatBringNothingNewEndInTheFailure()
        {
            // Every scroll starts with a and fails on its second page (the newest matching rule answers).
            _server.Answer("GET /companies/scroll", 200, Page("p", "a"));
            _server.Answer("GET /companies/scroll?scroll_param=p", 500, Restart);
            using var client = HostileAnswerTests.NewClient(_server, maxRetries: 4);
            using var reader = client.ListCompanies();

            var failure = await Assert.ThrowsAsync<IntercomApiException>(() => ReadAll(reader));

            Assert.Equal("server_error", failure.ErrorType);
            Assert.Equal(1 + V2.CompanyScrollReader.MaxRestarts, _server.Requests.Count(request => request == "GET /companies/scroll?scroll_param=p"));
        }
    }
}
