using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Net;
using System.Threading.Tasks;
using IntercomPS.Client.V1;
using IntercomPS.Testing;
using Xunit;

namespace IntercomPS.Client.Tests
{
    /// <summary>
    /// Every paged read against a server whose pages lie (tests/IntercomPS.Testing/LoopbackServer.cs): a cursor that
    /// repeats, a walk that never ends, an id listed twice, a null or id-less item, a total_count that cannot be.
    /// Each ends with invalid_response naming the request, never a hang, a crash or a silent duplicate.
    /// </summary>
    public sealed class HostilePagingTests : IDisposable
    {
        private const string ContactId = "65a1b2c3d4e5f60718293a4b";
        private readonly LoopbackServer _server = new LoopbackServer();

        public HostilePagingTests() => _server.Answer("GET /me", 200, HostileAnswerTests.Me);

        public void Dispose() => _server.Dispose();

        private static string Hex(int n) => n.ToString("x24", CultureInfo.InvariantCulture);

        private static string ContactJson(string id) =>
            $"{{\"type\":\"contact\",\"id\":\"{id}\",\"role\":\"user\",\"external_id\":\"u-{id}\",\"email\":\"{id}@example.com\",\"created_at\":1700000000}}";

        private static string ContactPage(int totalCount, IEnumerable<string> items, string? next) =>
            $"{{\"type\":\"list\",\"total_count\":{totalCount},\"data\":[{string.Join(",", items)}],\"pages\":{{\"type\":\"pages\"" +
            (next is null ? "" : $",\"next\":{{\"per_page\":150,\"starting_after\":\"{next}\"}}") + "}}";

        private static IEnumerable<string> Contacts(int from, int count) => Enumerable.Range(from, count).Select(n => ContactJson(Hex(n)));

        /// <summary>Pages 1..n of a search, each found by the cursor the one before handed out (c2, c3, ...).</summary>
        private void SearchPages(int totalCount, params IEnumerable<string>[] pages)
        {
            for (var i = 0; i < pages.Length; i++)
            {
                var next = i + 1 < pages.Length ? "c" + (i + 2) : null;
                _server.Answer("POST /contacts/search", 200, ContactPage(totalCount, pages[i], next), bodyContains: i == 0 ? null : $"\"starting_after\":\"c{i + 1}\"");
            }
        }

        private async Task<IntercomApiException> ListingFails(int pageSize = 150)
        {
            using var client = HostileAnswerTests.NewClient(_server);
            using var reader = client.ListUsers(new UserListQuery { PageSize = pageSize });
            return await ReadingFails(reader, "POST /contacts/search");
        }

        /// <summary>Reads to the end, which must be an invalid_response naming the request.</summary>
        private static async Task<IntercomApiException> ReadingFails(IUserReader reader, string request)
        {
            var failure = await Assert.ThrowsAsync<IntercomApiException>(async () => { while (await reader.NextAsync() is not null) { } });
            Assert.Equal(IntercomApiException.InvalidResponseType, failure.ErrorType);
            Assert.Contains(request, failure.Message);
            return failure;
        }

        [Fact]
        public async Task ASearchWhosePageAndCursorRepeatIsAnErrorNotTheSameUsersThreeTimes()
        {
            _server.Answer("POST /contacts/search", 200, ContactPage(450, Contacts(1, 150), "c1"));

            var failure = await ListingFails();

            Assert.Contains("cursor 'c1' again", failure.Message);
        }

        [Fact]
        public async Task ASearchThatNeverEndsStopsSoonAfterTwiceItsTotalCountAndAPage()
        {
            // New users and a new cursor on every page, for ever: 150 claimed, so at most 2 x 150 + 150 are walked.
            _server.Answer("POST /contacts/search", 200, ContactPage(150, new[] { ContactJson("{{n}}") }, "c{{n}}"));

            var failure = await ListingFails(pageSize: 1);

            Assert.Contains("beyond", failure.Message);
            Assert.InRange(_server.Requests.Count(request => request.StartsWith("POST", StringComparison.Ordinal)), 300, 460);
        }

        [Fact]
        public async Task AUserListedOnTwoPagesIsAnErrorNotADuplicate()
        {
            SearchPages(300, Contacts(1, 150), Contacts(150, 150));

            var failure = await ListingFails();

            Assert.Contains($"contact {Hex(150)} twice", failure.Message);
        }

        [Theory]
        [InlineData("null", "item 2 of a page is null")]
        [InlineData("{\"type\":\"contact\",\"role\":\"user\",\"email\":\"x@example.com\"}", "item 2 of a page has no id")]
        public async Task ANullOrIdLessItemIsAnErrorNeitherTheEndNorAUser(string item, string problem)
        {
            SearchPages(3, new[] { ContactJson(Hex(1)), item, ContactJson(Hex(3)) });

            var failure = await ListingFails();

            Assert.Contains(problem, failure.Message);
        }

        [Theory]
        [InlineData(-1)]
        [InlineData(1)]
        public async Task ATotalCountThatCannotBeTrueIsAnErrorNotAShortList(int totalCount)
        {
            SearchPages(totalCount, Contacts(1, 150), Contacts(151, 150), Contacts(301, 150));

            var failure = await ListingFails();

            Assert.Contains("total_count", failure.Message);
        }

        [Fact]
        public async Task AUsersConversationsWhoseCursorRepeatsAreAnError()
        {
            _server.Answer("POST /conversations/search", 200, ConversationPage(3, new[] { 1, 2, 3 }, "k1"));
            using var client = HostileAnswerTests.NewClient(_server);

            var failure = await Assert.ThrowsAsync<IntercomApiException>(() => client.GetMessageThreadsAsync(new UserIdentity(null, null, ContactId)));

            Assert.Equal(IntercomApiException.InvalidResponseType, failure.ErrorType);
            Assert.Contains("POST /conversations/search", failure.Message);
            Assert.Contains("cursor 'k1' again", failure.Message);
        }

        [Fact]
        public async Task AUsersConversationsThatNeverEndStopSoonAfterTheirTotalCount()
        {
            _server.Answer("POST /conversations/search", 200, "{\"type\":\"conversation.list\",\"total_count\":3,\"conversations\":[{\"type\":\"conversation\",\"id\":\"{{n}}\"}]," +
                "\"pages\":{\"type\":\"pages\",\"next\":{\"starting_after\":\"k{{n}}\"}}}");
            using var client = HostileAnswerTests.NewClient(_server);

            var failure = await Assert.ThrowsAsync<IntercomApiException>(() => client.GetMessageThreadsAsync(new UserIdentity(null, null, ContactId)));

            Assert.Equal(IntercomApiException.InvalidResponseType, failure.ErrorType);
            Assert.Contains("beyond", failure.Message);
            Assert.InRange(_server.Requests.Count(request => request.StartsWith("POST", StringComparison.Ordinal)), 3, 160);
        }

        [Fact]
        public async Task AConversationListedTwiceIsAnError()
        {
            _server.Answer("POST /conversations/search", 200, ConversationPage(4, new[] { 1, 2 }, "k2"));
            _server.Answer("POST /conversations/search", 200, ConversationPage(4, new[] { 2, 3 }, null), bodyContains: "\"starting_after\":\"k2\"");
            using var client = HostileAnswerTests.NewClient(_server);

            var failure = await Assert.ThrowsAsync<IntercomApiException>(() => client.GetMessageThreadsAsync(new UserIdentity(null, null, ContactId)));

            Assert.Equal(IntercomApiException.InvalidResponseType, failure.ErrorType);
            Assert.Contains("conversation 2 twice", failure.Message);
        }

        [Fact]
        public async Task ATicketSearchWhoseCursorRepeatsIsAnErrorNotTheSameTicketsAgain()
        {
            _server.Answer("POST /tickets/search", 200, TicketPage(6, new[] { 1, 2, 3 }, "t1"));
            _server.Answer("POST /tickets/search", 200, TicketPage(6, new[] { 4, 5, 6 }, "t1"), bodyContains: "\"starting_after\":\"t1\"");
            using var client = HostileAnswerTests.NewClient(_server);
            using var reader = client.SearchTickets(new TicketQuery());

            Assert.Equal(new[] { "1", "2", "3" }, (await reader.NextAsync())!.Select(ticket => ticket.Id));
            var failure = await Assert.ThrowsAsync<IntercomApiException>(() => reader.NextAsync());

            Assert.Equal(IntercomApiException.InvalidResponseType, failure.ErrorType);
            Assert.Contains("POST /tickets/search", failure.Message);
            Assert.Contains("cursor 't1' again", failure.Message);
            Assert.Equal(2, _server.Requests.Count(request => request.StartsWith("POST /tickets/search", StringComparison.Ordinal)));
        }

        [Fact]
        public async Task ATicketListedTwiceIsAnError()
        {
            _server.Answer("POST /tickets/search", 200, TicketPage(4, new[] { 1, 2 }, "t2"));
            _server.Answer("POST /tickets/search", 200, TicketPage(4, new[] { 2, 3 }, null), bodyContains: "\"starting_after\":\"t2\"");
            using var client = HostileAnswerTests.NewClient(_server);
            using var reader = client.SearchTickets(new TicketQuery());

            await reader.NextAsync();
            var failure = await Assert.ThrowsAsync<IntercomApiException>(() => reader.NextAsync());

            Assert.Equal(IntercomApiException.InvalidResponseType, failure.ErrorType);
            Assert.Contains("ticket 2 twice", failure.Message);
        }

        private static string TicketPage(int totalCount, IEnumerable<int> ids, string? next) =>
            $"{{\"type\":\"ticket.list\",\"total_count\":{totalCount},\"tickets\":[{string.Join(",", ids.Select(id => $"{{\"type\":\"ticket\",\"id\":\"{id}\"}}"))}]," +
            "\"pages\":{\"type\":\"pages\"" + (next is null ? "" : $",\"next\":{{\"starting_after\":\"{next}\"}}") + "}}";

        private static string ConversationPage(int totalCount, IEnumerable<int> ids, string? next) =>
            $"{{\"type\":\"conversation.list\",\"total_count\":{totalCount},\"conversations\":[{string.Join(",", ids.Select(id => $"{{\"type\":\"conversation\",\"id\":\"{id}\"}}"))}]," +
            "\"pages\":{\"type\":\"pages\"" + (next is null ? "" : $",\"next\":{{\"starting_after\":\"{next}\"}}") + "}}";

        private IntercomClient NewV1Client() =>
            new IntercomClient(new IntercomClientOptions(new BasicCredential("app", EmulatorFixture.Secure("key"))) { BaseUri = _server.ApiUri, Retry = { MaxRetries = 0 } });

        private static string UserPage(int page, int totalPages, int totalCount, IEnumerable<string> users) =>
            $"{{\"type\":\"user.list\",\"total_count\":{totalCount},\"page\":{page},\"next_page\":{(page < totalPages ? page + 1 : "null")},\"total_pages\":{totalPages},\"users\":[{string.Join(",", users)}]}}";

        private static IEnumerable<string> V1Users(int from, int count) =>
            Enumerable.Range(from, count).Select(n => $"{{\"type\":\"user\",\"intercom_id\":\"{Hex(n)}\",\"user_id\":\"u{n}\",\"email\":\"u{n}@example.com\"}}");

        private async Task<IntercomApiException> V1ListingFails()
        {
            using var client = NewV1Client();
            using var pager = client.ListUserPages(new UserListQuery { PageSize = 2 });
            return await ReadingFails(pager, "GET /v1/users?page=");
        }

        [Fact]
        public async Task AV1PageThatRepeatsAnotherIsAnErrorNotADuplicate()
        {
            _server.Answer("GET /v1/users?page=1&", 200, UserPage(1, 2, 4, V1Users(1, 2)));
            _server.Answer("GET /v1/users?page=2&", 200, UserPage(2, 2, 4, V1Users(1, 2)));

            var failure = await V1ListingFails();

            Assert.Contains($"user {Hex(1)} twice", failure.Message);
        }

        [Fact]
        public async Task AV1PageWithANullUserIsAnError()
        {
            _server.Answer("GET /v1/users?page=1&", 200, UserPage(1, 1, 3, V1Users(1, 1).Append("null").Concat(V1Users(3, 1))));

            var failure = await V1ListingFails();

            Assert.Contains("item 2 of a page is null", failure.Message);
        }

        [Fact]
        public async Task AV1ListClaimingEndlessPagesEndsAtTheFirstEmptyPage()
        {
            _server.Answer("GET /v1/users?page=", 200, UserPage(2, int.MaxValue, int.MaxValue, Array.Empty<string>()));
            _server.Answer("GET /v1/users?page=1&", 200, UserPage(1, int.MaxValue, int.MaxValue, V1Users(1, 2)));
            using var client = NewV1Client();
            using var pager = client.ListUserPages(new UserListQuery { PageSize = 2 });

            var listed = new List<string?>();
            for (var page = await pager.NextAsync(); page is not null; page = await pager.NextAsync()) listed.AddRange(page.Users.Select(user => user.UserId));

            Assert.Equal(new[] { "u1", "u2" }, listed);
            Assert.InRange(_server.Requests.Count(request => request.StartsWith("GET /v1/users?page=", StringComparison.Ordinal)), 2, 10);
        }

        [Fact]
        public void TheSeenIdsTellEveryRepeatOfEveryKindOfId()
        {
            var hex = Enumerable.Range(1, 50_000).Select(n => ((long)n * 104729).ToString("x24", CultureInfo.InvariantCulture));
            var numbers = Enumerable.Range(1, 50_000).Select(n => ((long)n * 3).ToString(CultureInfo.InvariantCulture));
            var ids = hex.Concat(numbers).Concat(new[] { "0", "000000000000000000000000", "ffffffffffffffffffffffff", "18446744073709551615", "00", "ABCDEF", "lead-1" }).ToArray();
            var seen = new SeenIds();

            Assert.All(ids, id => Assert.True(seen.Add(id), id));
            Assert.All(ids, id => Assert.False(seen.Add(id), id));
            Assert.True(seen.Add("000000000000000000000001"));
            Assert.True(seen.Add("1"));
        }

        [Fact]
        public void TheSeenIdsOfAHundredThousandUsersAreKeptCompactly()
        {
            var ids = Enumerable.Range(0, 100_000).Select(n => ((long)n * 7919).ToString("x24", CultureInfo.InvariantCulture)).ToArray();
            var before = GC.GetTotalMemory(forceFullCollection: true);

            var seen = new SeenIds();
            foreach (var id in ids) Assert.True(seen.Add(id));
            var retained = GC.GetTotalMemory(forceFullCollection: true) - before;

            Assert.False(seen.Add(ids[4321]));
            Assert.True(seen.Add("not-hex-" + ids[4321]));
            Assert.False(seen.Add("not-hex-" + ids[4321]));
            // 12 bytes an id in a table filled to 7/8 at most: 131,072 slots, 1.5 MB (a HashSet kept 4.4 MB).
            Assert.InRange(retained, 0, 2 * 1024 * 1024);
            GC.KeepAlive(seen);
        }

        [Fact]
        public void SeenIdsReservedForAHundredThousandUsersAreMadeOnceNotDoubledInto()
        {
            var ids = Enumerable.Range(0, 100_000).Select(n => ((long)n * 7919).ToString("x24", CultureInfo.InvariantCulture)).ToArray();
            var seen = new SeenIds();
            Assert.True(seen.Add(ids[0]));

            var before = GC.GetAllocatedBytesForCurrentThread();
            seen.Reserve(ids.Length);
            foreach (var id in ids.Skip(1)) Assert.True(seen.Add(id));
            var allocated = GC.GetAllocatedBytesForCurrentThread() - before;

            Assert.False(seen.Add(ids[54321]));
            // One table of 131,072 slots (1.5 MB); grown by doubling, the tables left behind came to 1.5 MB more.
            Assert.InRange(allocated, 0, 1_700_000);
        }

        [Fact]
        public void ATotalCountThatLiesReservesNoMoreThanTheCap()
        {
            var seen = new SeenIds();
            Assert.True(seen.Add("5f0c2a9e8b7d6c5b4a392817"));

            var before = GC.GetAllocatedBytesForCurrentThread();
            seen.Reserve(int.MaxValue);
            var allocated = GC.GetAllocatedBytesForCurrentThread() - before;

            // 262,144 slots of 12 bytes: 3 MB, whatever the count claims.
            Assert.InRange(allocated, 0, SeenIds.MaxReservedSlots * 12L + 4096);
            Assert.False(seen.Add("5f0c2a9e8b7d6c5b4a392817"));
            Assert.True(seen.Add("5f0c2a9e8b7d6c5b4a392818"));
        }
    }
}
