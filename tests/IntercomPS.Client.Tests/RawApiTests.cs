using System;
using System.Linq;
using System.Net;
using System.Net.Http;
using System.Threading.Tasks;
using IntercomPS.Client.V1;
using IntercomPS.Testing;
using Xunit;

namespace IntercomPS.Client.Tests
{
    /// <summary>
    /// Invoke-IntercomRequest's client (<see cref="RawApi"/>) against a server that misbehaves on purpose: where a request
    /// may go, which failures are retried for which methods, and pages that would loop or never end.
    /// </summary>
    public sealed class RawApiTests : IDisposable
    {
        private const string ServerError = "{\"type\":\"error.list\",\"errors\":[{\"code\":\"server_error\",\"message\":\"boom\"}]}";
        private readonly LoopbackServer _server = new LoopbackServer();

        public void Dispose() => _server.Dispose();

        private static string Page(string items, string? next, int? total = 4) =>
            "{\"type\":\"list\",\"data\":[" + items + "]" + (total is { } count ? ",\"total_count\":" + count : "") +
            ",\"pages\":{\"type\":\"pages\"" + (next is null ? "" : ",\"next\":{\"starting_after\":\"" + next + "\"}") + "}}";

        private static async Task<int> CountAll(RawPages pages)
        {
            var count = 0;
            while (await pages.NextAsync() is { } items) count += items.Count;
            return count;
        }

        [Theory]
        [InlineData("https://evil.example.com/contacts")]
        [InlineData("http://127.0.0.1:1/contacts")]
        [InlineData("https://127.0.0.1/contacts")]
        public async Task AUrlAtAnotherHostIsRefusedAndNothingIsSent(string path)
        {
            using var client = HostileAnswerTests.NewClient(_server);

            var refused = await Assert.ThrowsAsync<ArgumentException>(() => client.Raw.SendAsync(new RawRequest("GET", path)));

            Assert.Contains("is not at this session's host", refused.Message);
            Assert.Empty(_server.Requests);
        }

        [Fact]
        public async Task APathAndAnAbsoluteUrlAtTheSessionsHostAreSentWithTheQuery()
        {
            _server.Answer("GET /contacts/x?a=1&b=two%20words", 200, "{\"id\":\"x\"}");
            using var client = HostileAnswerTests.NewClient(_server);
            var request = new RawRequest("get", "/contacts/x");
            request.Query.Add(new("a", "1"));
            request.Query.Add(new("b", "two words"));

            var answer = await client.Raw.SendAsync(request);
            var again = await client.Raw.SendAsync(new RawRequest("GET", new Uri(client.BaseUri, "contacts/x?a=1&b=two%20words").AbsoluteUri));

            Assert.Equal("x", answer!.Value.GetProperty("id").GetString());
            Assert.Equal("x", again!.Value.GetProperty("id").GetString());
        }

        [Fact]
        public async Task AnAnswerWithoutABodyIsNull()
        {
            _server.Answer("DELETE /tags/17", 200, "");
            using var client = HostileAnswerTests.NewClient(_server);

            Assert.Null(await client.Raw.SendAsync(new RawRequest("DELETE", "/tags/17")));
        }

        [Theory]
        [InlineData("GET", false, 3)]
        [InlineData("PUT", false, 3)]
        [InlineData("DELETE", false, 3)]
        [InlineData("POST", true, 3)]
        [InlineData("POST", false, 1)]
        public async Task AFailureThatMayHaveBeenAppliedIsRetriedOnlyForGetPutDeleteAndAPostSaidToBeIdempotent(string method, bool idempotent, int sent)
        {
            _server.Answer(method + " /things", 502, ServerError);
            using var client = HostileAnswerTests.NewClient(_server, maxRetries: 2);
            client.Retry.BaseDelay = TimeSpan.FromMilliseconds(1);

            var failure = await Assert.ThrowsAsync<IntercomApiException>(() => client.Raw.SendAsync(new RawRequest(method, "/things") { Idempotent = idempotent, Body = method == "GET" ? null : "{}" }));

            Assert.Equal(HttpStatusCode.BadGateway, failure.StatusCode);
            Assert.Equal(sent, _server.Requests.Count);
        }

        [Theory]
        [InlineData(AnswerBehaviour.Cut, 200)] // the answer lost on the way
        [InlineData(AnswerBehaviour.Whole, 502)] // a gateway's failure: the server behind it may have acted
        public async Task ARetriedWriteThatThenFailsSaysAnEarlierAttemptMayHaveBeenApplied(AnswerBehaviour first, int firstStatus)
        {
            // Untagging twice: the first DELETE took the tag off, its answer never came, the retry finds no tag to take off.
            _server.Answer("DELETE /conversations/5/tags/7", 404, "{\"type\":\"error.list\",\"errors\":[{\"code\":\"tag_not_found\",\"message\":\"Tag not found\"}]}");
            _server.Answer("DELETE /conversations/5/tags/7", firstStatus, firstStatus == 200 ? "{\"type\":\"tag\",\"id\":\"7\",\"name\":\"vip\"}" : ServerError, behaviour: first, times: 1);
            using var client = HostileAnswerTests.NewClient(_server, maxRetries: 2);
            client.Retry.BaseDelay = TimeSpan.FromMilliseconds(1);

            var failure = await Assert.ThrowsAsync<IntercomApiException>(() => client.Raw.SendAsync(new RawRequest("DELETE", "/conversations/5/tags/7")));

            Assert.Equal(HttpStatusCode.NotFound, failure.StatusCode);
            Assert.Equal("tag_not_found", failure.ErrorType);
            Assert.True(failure.MayHaveBeenApplied);
            Assert.Equal("Tag not found (an earlier attempt of this request got no answer it could trust and may have been applied: this may be its doing)", failure.ApiMessage);
            Assert.Equal(2, _server.Requests.Count);
        }

        [Fact]
        public async Task AReadThatFailsAfterARetrySaysNothingOfAnEarlierAttempt()
        {
            _server.Answer("GET /contacts/x", 404, "{\"type\":\"error.list\",\"errors\":[{\"code\":\"not_found\",\"message\":\"User Not Found\"}]}");
            _server.Answer("GET /contacts/x", 502, ServerError, times: 1);
            using var client = HostileAnswerTests.NewClient(_server, maxRetries: 2);
            client.Retry.BaseDelay = TimeSpan.FromMilliseconds(1);

            var failure = await Assert.ThrowsAsync<IntercomApiException>(() => client.Raw.SendAsync(new RawRequest("GET", "/contacts/x")));

            Assert.Equal("User Not Found", failure.ApiMessage);
            Assert.False(failure.MayHaveBeenApplied);
        }

        [Fact]
        public async Task A429IsRetriedEvenForAPostSinceItWasNotApplied()
        {
            _server.Answer("POST /things", 200, "{\"ok\":true}");
            _server.Answer("POST /things", 429, "{\"type\":\"error.list\",\"errors\":[{\"code\":\"rate_limit_exceeded\",\"message\":\"slow down\"}]}", "Retry-After: 0", times: 1);
            using var client = HostileAnswerTests.NewClient(_server, maxRetries: 2);

            var answer = await client.Raw.SendAsync(new RawRequest("POST", "/things") { Body = "{}" });

            Assert.True(answer!.Value.GetProperty("ok").GetBoolean());
            Assert.Equal(2, _server.Requests.Count);
        }

        [Fact]
        public async Task AllFollowsCursorsOfAGetAsTheStartingAfterParameter()
        {
            _server.Answer("GET /things?per_page=2", 200, Page("{\"id\":\"1\"},{\"id\":\"2\"}", "c2"));
            _server.Answer("GET /things?per_page=2&starting_after=c2", 200, Page("{\"id\":\"3\"},{\"id\":\"4\"}", null));
            using var client = HostileAnswerTests.NewClient(_server);
            var request = new RawRequest("GET", "/things");
            request.Query.Add(new("per_page", "2"));

            using var pages = client.Raw.ReadAll(request);

            Assert.Equal(4, await CountAll(pages));
            Assert.Equal(2, _server.Requests.Count);
        }

        [Fact]
        public async Task AllFollowsASearchWithTheCursorInTheSameBody()
        {
            _server.Answer("POST /things/search", 200, Page("{\"id\":\"1\"},{\"id\":\"2\"}", "c2"), bodyContains: "\"per_page\":2}");
            _server.Answer("POST /things/search", 200, Page("{\"id\":\"3\"},{\"id\":\"4\"}", null), bodyContains: "\"starting_after\":\"c2\"");
            using var client = HostileAnswerTests.NewClient(_server);

            using var pages = client.Raw.ReadAll(new RawRequest("POST", "/things/search") { Body = "{\"query\":{\"field\":\"x\",\"operator\":\"=\",\"value\":1},\"pagination\":{\"per_page\":2}}" });

            Assert.Equal(4, await CountAll(pages));
            Assert.All(_server.Bodies, body => Assert.Contains("\"query\":{\"field\":\"x\"", body));
        }

        [Fact]
        public async Task ACursorHandedOutAgainIsAnErrorNeverALoop()
        {
            _server.Answer("GET /things", 200, Page("{\"id\":\"{{n}}\"}", "same", total: 100));
            using var client = HostileAnswerTests.NewClient(_server);
            using var pages = client.Raw.ReadAll(new RawRequest("GET", "/things"));

            var failure = await Assert.ThrowsAsync<IntercomApiException>(() => CountAll(pages));

            Assert.Equal(IntercomApiException.InvalidResponseType, failure.ErrorType);
            Assert.Contains("cursor 'same' again", failure.Message);
            Assert.Equal(2, _server.Requests.Count);
        }

        [Fact]
        public async Task EmptyPagesWithNewCursorsAndNoTotalCountAreStopped()
        {
            _server.Answer("GET /things", 200, Page("", "c{{n}}", total: null));
            using var client = HostileAnswerTests.NewClient(_server);
            using var pages = client.Raw.ReadAll(new RawRequest("GET", "/things"));

            var failure = await Assert.ThrowsAsync<IntercomApiException>(() => CountAll(pages));

            Assert.Contains("empty page pointed to another", failure.Message);
            Assert.Single(_server.Requests);
        }

        [Fact]
        public async Task ANextPageAtAnotherHostIsNotFollowed()
        {
            _server.Answer("GET /things", 200, "{\"data\":[{\"id\":\"1\"}],\"total_count\":2,\"pages\":{\"next\":\"https://evil.example.com/things?page=2\"}}");
            using var client = HostileAnswerTests.NewClient(_server);
            using var pages = client.Raw.ReadAll(new RawRequest("GET", "/things"));

            var failure = await Assert.ThrowsAsync<IntercomApiException>(() => CountAll(pages));

            Assert.Contains("not this session's host", failure.Message);
            Assert.Single(_server.Requests);
        }

        [Fact]
        public async Task OnV1AllFollowsNextPageNumbers()
        {
            _server.Answer("GET /v1/users?per_page=2", 200, "{\"users\":[{\"email\":\"a@example.com\"},{\"email\":\"b@example.com\"}],\"total_count\":3,\"page\":1,\"next_page\":2,\"total_pages\":2}");
            _server.Answer("GET /v1/users?per_page=2&page=2", 200, "{\"users\":[{\"email\":\"c@example.com\"}],\"total_count\":3,\"page\":2,\"next_page\":null,\"total_pages\":2}");
            var options = new IntercomClientOptions(new BasicCredential("app", EmulatorFixture.Secure("key"))) { BaseUri = _server.ApiUri };
            using var client = new IntercomClient(options);
            var request = new RawRequest("GET", "/users");
            request.Query.Add(new("per_page", "2"));

            using var pages = client.Raw.ReadAll(request);

            Assert.Equal(3, await CountAll(pages));
            Assert.Equal(new[] { "GET /v1/users?per_page=2", "GET /v1/users?per_page=2&page=2" }, _server.Requests.ToArray());
        }
    }
}
