using System;
using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using System.Linq;
using System.Net;
using System.Threading.Tasks;
using IntercomPS.Client.V2;
using IntercomPS.Testing;
using Xunit;

namespace IntercomPS.Client.Tests
{
    /// <summary>
    /// The transport against a 2.14 server that misbehaves on purpose (tests/IntercomPS.Testing/LoopbackServer.cs):
    /// odd headers, answers without end, error bodies that are not error lists, 429s with each kind of wait.
    /// </summary>
    public sealed class HostileAnswerTests : IDisposable
    {
        internal const string Me = "{\"type\":\"admin\",\"id\":\"7\",\"name\":\"Ada\",\"email\":\"ada@example.com\",\"app\":{\"id_code\":\"loop\",\"name\":\"Loop\"}}";
        private const string ContactId = "65a1b2c3d4e5f60718293a4b";
        private const string Note = "{\"type\":\"note\",\"id\":\"31\",\"created_at\":1704067200,\"body\":\"<p>Called</p>\",\"contact\":{\"type\":\"contact\",\"id\":\"" + ContactId + "\"}}";

        private readonly LoopbackServer _server = new LoopbackServer();

        public HostileAnswerTests() => _server.Answer("GET /me", 200, Me);

        public void Dispose() => _server.Dispose();

        internal static IntercomV2Client NewClient(LoopbackServer server, int maxRetries = 0, string token = "loop-token")
        {
            var options = new IntercomClientOptions(new AccessToken(EmulatorFixture.Secure(token))) { BaseUri = new Uri(server.ApiUri, "/") };
            options.Retry.MaxRetries = maxRetries;
            return new IntercomV2Client(options);
        }

        [Theory]
        [InlineData("999999999999")]          // past the year 9999
        [InlineData("-999999999999")]         // before the year 1
        [InlineData("1e3")]
        [InlineData("")]
        public async Task ARateLimitResetNobodyCanHoldNeverTurnsAStoredNoteIntoAnotherError(string reset)
        {
            _server.Answer("POST /contacts/" + ContactId + "/notes", 200, Note, $"X-RateLimit-Limit: 10\r\nX-RateLimit-Remaining: 9\r\nX-RateLimit-Reset: {reset}");
            using var client = NewClient(_server);

            var note = await client.AddNoteAsync(new UserIdentity(null, null, ContactId), "Called", adminId: "7");

            Assert.Equal("31", note.Id);
        }

        [Theory]
        [InlineData("X-RateLimit-Limit: 99999999999\r\nX-RateLimit-Remaining: 99999999999\r\nX-RateLimit-Reset: 99999999999")]
        [InlineData("X-RateLimit-Limit: 10\r\nX-RateLimit-Remaining: -3\r\nX-RateLimit-Reset: 253402300800")]
        public async Task ConnectingReadsAnyRateLimitHeadersWithoutFailing(string headers)
        {
            _server.Answer("GET /me", 200, Me, headers);
            using var client = NewClient(_server);

            var me = await client.CheckConnectionAsync();

            Assert.Equal("7", me.AdminId);
        }

        [Theory]
        [InlineData("1.5")]
        [InlineData("-3")]
        [InlineData("99999999999999999999")]
        [InlineData("soon")]
        [InlineData("Thu, 01 Jan 1970 00:00:00 GMT")]
        [InlineData("Fri, 31 Dec 9999 23:59:59 GMT")]
        public async Task AnOddRetryAfterIsStillTheServersOwnRefusalAndNeverAWaitBeyondTheCap(string retryAfter)
        {
            _server.Answer("GET /me", 503, "{\"type\":\"error.list\",\"errors\":[{\"code\":\"service_unavailable\",\"message\":\"busy\"}]}", "Retry-After: " + retryAfter);
            using var client = NewClient(_server, maxRetries: 1);
            var clock = Stopwatch.StartNew();

            var failure = await Assert.ThrowsAsync<IntercomApiException>(() => client.CheckConnectionAsync());

            Assert.Equal((HttpStatusCode.ServiceUnavailable, "service_unavailable"), (failure.StatusCode, failure.ErrorType));
            Assert.True(clock.Elapsed < TimeSpan.FromSeconds(5), $"took {clock.Elapsed}");
        }

        [Fact]
        public async Task AnAnswerWithoutEndStopsAtTheCapWithAnErrorThatNamesTheRequestAndTheCap()
        {
            _server.Answer("GET /contacts/" + ContactId, 200, "{\"type\":\"contact\",\"notes\":\"" + new string('x', 1000), behaviour: AnswerBehaviour.Endless);
            using var client = NewClient(_server);
            var clock = Stopwatch.StartNew();

            var failure = await Assert.ThrowsAsync<IntercomApiException>(() => client.GetUserAsync(new UserIdentity(null, null, ContactId)));

            Assert.Equal(IntercomApiException.InvalidResponseType, failure.ErrorType);
            Assert.Contains("32 MiB", failure.Message);
            Assert.Contains("GET /contacts/" + ContactId, failure.Message);
            Assert.True(clock.Elapsed < TimeSpan.FromSeconds(20), $"took {clock.Elapsed}");
        }

        [Fact]
        public async Task AnAnswerAnnouncedBeyondTheCapIsRefusedBeforeItIsRead()
        {
            _server.Answer("GET /contacts/" + ContactId, 200, "{}", "Content-Length: 10000000000");
            using var client = NewClient(_server);

            var failure = await Assert.ThrowsAsync<IntercomApiException>(() => client.GetUserAsync(new UserIdentity(null, null, ContactId)));

            Assert.Equal(IntercomApiException.InvalidResponseType, failure.ErrorType);
            Assert.Contains("10,000,000,000 bytes", failure.Message);
        }

        [Theory]
        [InlineData("{\"type\":\"error.list\",\"errors\":[null]}", "an error in its list is null")]
        [InlineData("{\"type\":\"error.list\",\"errors\":[42]}", "not an error list")]
        [InlineData("{\"type\":\"error.list\",\"errors\":[{\"message\":\"no code\"}]}", "an error in its list has no code")]
        public async Task AMalformedErrorBodyIsInvalidResponseNamingTheRequestAndItsStatus(string body, string problem)
        {
            _server.Answer("GET /contacts/" + ContactId, 404, body);
            using var client = NewClient(_server);

            var failure = await Assert.ThrowsAsync<IntercomApiException>(() => client.GetUserAsync(new UserIdentity(null, null, ContactId)));

            Assert.Equal((HttpStatusCode.NotFound, IntercomApiException.InvalidResponseType), (failure.StatusCode, failure.ErrorType));
            Assert.Contains(problem, failure.Message);
            Assert.Contains("404", failure.Message);
            Assert.Contains("GET /contacts/" + ContactId, failure.Message);
        }

        [Fact]
        public async Task ANoteAnswered500WithAMalformedErrorBodyMayHaveBeenAppliedAndIsNotRepeated()
        {
            _server.Answer("POST /contacts/" + ContactId + "/notes", 500, "{\"errors\":[null]}");
            using var client = NewClient(_server, maxRetries: 3);

            var failure = await Assert.ThrowsAsync<IntercomApiException>(() => client.AddNoteAsync(new UserIdentity(null, null, ContactId), "Called", adminId: "7"));

            Assert.Equal((HttpStatusCode.InternalServerError, IntercomApiException.InvalidResponseType), (failure.StatusCode, failure.ErrorType));
            Assert.True(failure.MayHaveBeenApplied);
            Assert.Single(_server.Requests, request => request.StartsWith("POST", StringComparison.Ordinal));
        }

        [Theory]
        [InlineData("Retry-After: 1\r\nX-RateLimit-Limit: 10\r\nX-RateLimit-Remaining: 0\r\nX-RateLimit-Reset: {reset}", 0.9, 3, "Retry-After")]
        [InlineData("X-RateLimit-Limit: 10\r\nX-RateLimit-Remaining: 0\r\nX-RateLimit-Reset: {reset}", 2.5, 12, "X-RateLimit-Reset")]
        [InlineData("X-RateLimit-Limit: 10\r\nX-RateLimit-Remaining: 3\r\nX-RateLimit-Reset: {reset}", 0.2, 3, "backoff")]
        public async Task A429WaitsForRetryAfterElseTheSpentWindowsResetElseBacksOffAndSaysWhich(string headers, double lowSeconds, double highSeconds, string setBy)
        {
            // The window resets in 3 s (at least 2 whole seconds away, whatever the clock's fraction).
            var reset = DateTimeOffset.UtcNow.ToUnixTimeSeconds() + 4;
            _server.Answer("GET /me", 429, "{\"type\":\"error.list\",\"errors\":[{\"code\":\"rate_limit_exceeded\",\"message\":\"slow down\"}]}",
                headers.Replace("{reset}", reset.ToString(CultureInfo.InvariantCulture)), times: 1);
            using var client = NewClient(_server, maxRetries: 1);
            var trace = new CollectingTrace();
            var clock = Stopwatch.StartNew();

            using (RequestTrace.Begin(trace)) await client.CheckConnectionAsync();

            Assert.InRange(clock.Elapsed.TotalSeconds, lowSeconds, highSeconds);
            var retry = Assert.Single(trace.Lines, line => line.Contains("retry 1 of 1"));
            Assert.Contains("set by " + setBy, retry);
            Assert.Equal(2, _server.Requests.Count(request => request == "GET /me"));
        }

        [Theory]
        [InlineData("t\u00f8ken-4d2f", "a character that is not ASCII (the 2nd)")]
        [InlineData("token-4d2f\n", "ends with a line break")]
        [InlineData("token-4d2f\r\n", "ends with a line break")]
        [InlineData(" token-4d2f", "starts with a space")]
        [InlineData("tok en-4d2f", "contains a space (the 4th)")]
        [InlineData("tok\u0007en-4d2f", "contains a control character (the 4th)")]
        [InlineData("Bearer token-4d2f", "starts with 'Bearer '")]
        public void AnAccessTokenThatCannotBeSentIsRefusedSayingWhyButNeverShowingIt(string token, string why)
        {
            var refused = Assert.Throws<ArgumentException>(() => new AccessToken(EmulatorFixture.Secure(token)));

            Assert.Contains(why, refused.Message);
            Assert.DoesNotContain("ken-4d2f", refused.ToString());
        }

        [Theory]
        [InlineData("app", "k\u00e9y-77e1", "a character that is not ASCII (the 2nd)")]
        [InlineData("app", "key-77e1\n", "ends with a line break")]
        [InlineData("app:1", "key-77e1", "app id 'app:1' contains ':'")]
        [InlineData("app", "key\t77e1", "contains a control character (the 4th)")]
        public void AnAppIdOrApiKeyThatCannotBeSentIsRefusedSayingWhyButNeverShowingTheKey(string appId, string key, string why)
        {
            var refused = Assert.Throws<ArgumentException>(() => new V1.BasicCredential(appId, EmulatorFixture.Secure(key)));

            Assert.Contains(why, refused.Message);
            Assert.DoesNotContain("y-77e1", refused.ToString());
        }

        /// <summary>
        /// 2.14's admin schema types away_status_reason_id as an integer, but the description's own example of
        /// PUT /admins/{id}/away writes it as the string '12345': an admin whose reason comes either way is read, on
        /// every read of admins, since one admin away with a reason would otherwise break listing them all.
        /// </summary>
        [Theory]
        [InlineData("12345")]
        [InlineData("\"12345\"")]
        public async Task AnAwayReasonIdWrittenAsANumberOrAsTheDescriptionsExampleWritesItIsRead(string reasonId)
        {
            var admin = "{\"type\":\"admin\",\"id\":\"7\",\"name\":\"Ada\",\"email\":\"ada@example.com\",\"away_mode_enabled\":true,\"away_mode_reassign\":false,"
                + "\"away_status_reason_id\":" + reasonId + ",\"has_inbox_seat\":true,\"team_ids\":[]}";
            _server.Answer("GET /admins", 200, "{\"type\":\"admin.list\",\"admins\":[" + admin + "]}");
            _server.Answer("PUT /admins/7/away", 200, admin);
            using var client = NewClient(_server);

            var listed = Assert.Single(await client.ListAdminsAsync());
            var set = await client.SetAwayAsync("7", away: true, reassign: false, reasonId: 12345);

            Assert.Equal(12345, listed.AwayReasonId);
            Assert.Equal(12345, set.AwayReasonId);
            Assert.True(set.Away);
        }

        /// <summary>Collects the client's trace lines.</summary>
        internal sealed class CollectingTrace : IRequestTraceSink
        {
            public ConcurrentQueue<string> Lines { get; } = new ConcurrentQueue<string>();
            public void Verbose(string message) => Lines.Enqueue(message);
            public void Debug(string message) => Lines.Enqueue(message);
            public bool IsDebugEnabled => true;
        }
    }
}
