using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using IntercomPS.Client.V2;
using Xunit;

namespace IntercomPS.Client.Tests
{
    /// <summary>
    /// The 2.x listing's merge and partition check over an in-memory search (what the emulator and a loopback server
    /// show end to end in tests/UsersOnBothApis.Tests.ps1): every user once, in order, bounded memory, the fallback.
    /// </summary>
    public sealed class ContactSearchReaderTests
    {
        [Fact]
        public async Task TheMergeListsEveryUserOnceInCreatedAtOrderWithTwoPagesAPartAtMost()
        {
            var search = new InMemorySearch(Contacts(5000, seed: 1), perPage: 50);
            using var reader = search.Reader(new UserListQuery { PageSize = 50 });

            var listed = new List<string>();
            for (var page = await reader.NextAsync(); page is not null; page = await reader.NextAsync())
            {
                listed.AddRange(page.Users.Select(user => user.Id!));
                // A part's next page is requested when its current one is started on: never more than two ahead of it.
                foreach (var digit in ContactSearchReader.Partitions) Assert.InRange(search.Requested(digit) - search.Consumed(digit, listed), 0, 2);
            }

            Assert.Equal("partitions", reader.Mode);
            Assert.Equal(search.All.Select(c => c.Id).OrderBy(id => id, StringComparer.Ordinal), listed.OrderBy(id => id, StringComparer.Ordinal));
            var created = listed.Select(id => search.All.First(c => c.Id == id).CreatedAt).ToList();
            Assert.Equal(created.OrderBy(t => t), created); // oldest first (ties between parts in id order)
        }

        [Fact]
        public async Task UsersCreatedInOneSecondKeepEveryPartsNextPageInFlight()
        {
            // A bulk import: every user has the same created_at, so every part's head ties with every other's. The merge
            // once drained one part after another (one request in flight); each part must have its next page in flight.
            var search = new InMemorySearch(Contacts(4800, seed: 9, seconds: 1), perPage: 50) { Latency = TimeSpan.FromMilliseconds(20) };
            using var reader = search.Reader(new UserListQuery { PageSize = 50 });

            var listed = await ReadAll(reader);

            Assert.Equal("partitions", reader.Mode);
            Assert.Equal(4800, listed.Distinct().Count());
            // The third and later pages of the parts are asked for while the merge runs: most of the 16 at once.
            Assert.InRange(search.MostInFlightAfterSecondPages, 12, 16);
        }

        [Fact]
        public async Task TheMergedOrderOfUsersCreatedInOneSecondIsTheDatasNotThePages()
        {
            // -Skip 2000 -First 200 reads pages of 20 where the whole listing reads pages of 150: the same users must
            // land in the same places, or a slice of a bulk import would differ from the list it was cut from.
            var search = new InMemorySearch(Contacts(3000, seed: 10, seconds: 1), perPage: 150);
            List<string> whole;
            using (var reader = search.Reader(new UserListQuery { PageSize = 150 })) whole = await ReadAll(reader);
            using var slice = new InMemorySearch(search.All, perPage: 20).Reader(new UserListQuery { PageSize = 20, Page = 101 }, lastPage: 110);

            Assert.Equal(whole.Skip(2000).Take(200), await ReadAll(slice));
            Assert.Equal("partitions", slice.Mode);
        }

        [Fact]
        public async Task PartitionsWhoseCountsDoNotAddUpFallBackToTheOneCursorAndLoseNoUser()
        {
            // Ids that are not hex digits at the end fall in no partition: the counts say so.
            var contacts = Contacts(700, seed: 2).Concat(new[] { Contact("user-with-odd-id-x", 5), Contact("user-with-odd-id-y", 6) }).ToList();
            var search = new InMemorySearch(contacts, perPage: 100);
            using var reader = search.Reader(new UserListQuery { PageSize = 100 });

            var listed = await ReadAll(reader);

            Assert.Equal("fallback", reader.Mode);
            Assert.Equal(702, listed.Count);
            Assert.Equal(contacts.Select(c => c.Id).OrderBy(id => id), listed.OrderBy(id => id));
            // Only the first page of each partition was asked for before the check.
            Assert.All(ContactSearchReader.Partitions, digit => Assert.Equal(1, search.Requested(digit)));
        }

        [Fact]
        public async Task PartitionsTheWorkspaceRefusesFallBackToTheOneCursorAndSaySoInVerbose()
        {
            var search = new InMemorySearch(Contacts(700, seed: 8), perPage: 100) { RefusePartitions = true };
            using var reader = search.Reader(new UserListQuery { PageSize = 100 });
            var trace = new HostileAnswerTests.CollectingTrace();

            List<string> listed;
            using (RequestTrace.Begin(trace)) listed = await ReadAll(reader);

            Assert.Equal("fallback", reader.Mode);
            Assert.Equal(search.All.Select(c => c.Id).OrderBy(id => id, StringComparer.Ordinal), listed.OrderBy(id => id, StringComparer.Ordinal));
            Assert.Contains(trace.Lines, line => line.Contains("were refused (The operator $ is not supported for id)", StringComparison.Ordinal) && line.Contains("walks one cursor", StringComparison.Ordinal));
        }

        [Fact]
        public async Task SkippedPagesAreReadAndDroppedAndTheLastPageAskedEndsTheListing()
        {
            var search = new InMemorySearch(Contacts(1000, seed: 3), perPage: 100);
            List<string> ordered;
            using (var whole = search.Reader(new UserListQuery { PageSize = 100 })) ordered = await ReadAll(whole);
            using var reader = search.Reader(new UserListQuery { PageSize = 100, Page = 4 }, lastPage: 6);

            var pages = new List<int>();
            var listed = new List<string>();
            for (var page = await reader.NextAsync(); page is not null; page = await reader.NextAsync())
            {
                pages.Add(page.Page);
                Assert.Equal(1000, page.TotalCount);
                Assert.Equal(10, page.TotalPages);
                listed.AddRange(page.Users.Select(user => user.Id!));
            }

            Assert.Equal(new[] { 4, 5, 6 }, pages);
            Assert.Equal(ordered.Skip(300).Take(300), listed);
        }

        [Fact]
        public async Task AShortListIsTheFirstPageAloneAndAFewMorePagesWalkOneCursor()
        {
            var search = new InMemorySearch(Contacts(80, seed: 4), perPage: 100);
            using (var reader = search.Reader(new UserListQuery { PageSize = 100 }))
            {
                Assert.Equal(80, (await ReadAll(reader)).Count);
                Assert.Equal("first page", reader.Mode);
            }
            Assert.Equal(1, search.WholeRequests);

            var longer = new InMemorySearch(Contacts(1000, seed: 5), perPage: 100);
            using (var reader = longer.Reader(new UserListQuery { PageSize = 100 }, lastPage: 3))
            {
                Assert.Equal(300, (await ReadAll(reader)).Count);
                Assert.Equal("sequential", reader.Mode);
            }
            Assert.Equal(3, longer.WholeRequests);
        }

        [Fact]
        public async Task AFailedPageEndsTheListingWithItsError()
        {
            var search = new InMemorySearch(Contacts(3000, seed: 6), perPage: 50) { FailCursor = "100" };
            using var reader = search.Reader(new UserListQuery { PageSize = 50 });

            var failure = await Assert.ThrowsAsync<InvalidOperationException>(() => ReadAll(reader));
            Assert.Equal("page at 100 failed", failure.Message);
        }

        [Fact]
        public async Task DisposingCancelsTheRequestsInFlight()
        {
            var search = new InMemorySearch(Contacts(3000, seed: 7), perPage: 50) { HoldCursors = true };
            var reader = search.Reader(new UserListQuery { PageSize = 50 });
            Assert.NotNull(await reader.NextAsync());
            Assert.NotEmpty(search.Held);

            reader.Dispose();

            Assert.All(search.Held, token => Assert.True(token.IsCancellationRequested));
        }

        private static async Task<List<string>> ReadAll(IUserReader reader)
        {
            var listed = new List<string>();
            for (var page = await reader.NextAsync(); page is not null; page = await reader.NextAsync()) listed.AddRange(page.Users.Select(user => user.Id!));
            return listed;
        }

        /// <summary>Contacts with 24-hex ids and creation times that often tie (20 distinct seconds unless told), in random creation order.</summary>
        private static List<Contact> Contacts(int count, int seed, int seconds = 20)
        {
            var random = new Random(seed);
            return Enumerable.Range(0, count).Select(_ =>
            {
                var bytes = new byte[12];
                random.NextBytes(bytes);
                return Contact(string.Concat(bytes.Select(b => b.ToString("x2", CultureInfo.InvariantCulture))), random.Next(seconds));
            }).ToList();
        }

        private static Contact Contact(string id, int second) => new Contact
        {
            Id = id,
            ExternalId = id,
            Email = id + "@example.com",
            Role = "user",
            CreatedAt = new DateTime(2024, 1, 1, 0, 0, 0, DateTimeKind.Utc).AddSeconds(second),
        };

        /// <summary>
        /// A contact search as the API pages it: the matches sorted by created_at (ties in creation order), an offset
        /// cursor, total_count; a partition is the ids ending in its digit.
        /// </summary>
        private sealed class InMemorySearch
        {
            private readonly int _perPage;
            private readonly ConcurrentDictionary<char, int> _requests = new ConcurrentDictionary<char, int>();
            private int _wholeRequests;

            public InMemorySearch(List<Contact> contacts, int perPage)
            {
                All = contacts;
                _perPage = perPage;
            }

            public List<Contact> All { get; }

            public string? FailCursor { get; set; }

            /// <summary>The partition searches are refused with a 400, as a workspace that does not take `$` on id would.</summary>
            public bool RefusePartitions { get; set; }

            /// <summary>Pages after the first of each search never answer: they wait for cancellation.</summary>
            public bool HoldCursors { get; set; }

            public ConcurrentBag<CancellationToken> Held { get; } = new ConcurrentBag<CancellationToken>();

            /// <summary>How long each page takes to answer (none unless set).</summary>
            public TimeSpan Latency { get; set; }

            /// <summary>The most partition requests in flight at once when a part's third or later page was asked for.</summary>
            public int MostInFlightAfterSecondPages => _mostInFlight;

            private int _inFlight;
            private int _mostInFlight;

            public int WholeRequests => _wholeRequests;

            public int Requested(char digit) => _requests.TryGetValue(digit, out var n) ? n : 0;

            /// <summary>Pages of this partition the consumer has used up, judged by the users listed so far.</summary>
            public int Consumed(char digit, List<string> listed) => listed.Count(id => id[id.Length - 1] == digit) / _perPage;

            public ContactSearchReader Reader(UserListQuery query, int? lastPage = null) =>
                new ContactSearchReader(query, lastPage, SearchAsync, new Uri("http://127.0.0.1/contacts/search"), (_, _) => Task.FromResult<string?>(null), CancellationToken.None);

            private async Task<ContactList> SearchAsync(string? tagId, char? partition, string? cursor, CancellationToken token)
            {
                if (partition is { } digit) _requests.AddOrUpdate(digit, 1, (_, n) => n + 1);
                else Interlocked.Increment(ref _wholeRequests);
                // Noted before the first await: the reader requests a page synchronously, so it is held once the call returns.
                if (cursor is not null && HoldCursors) Held.Add(token);
                var inFlight = Interlocked.Increment(ref _inFlight);
                try
                {
                    if (partition is not null && cursor is not null && int.Parse(cursor, CultureInfo.InvariantCulture) >= 2 * _perPage)
                        lock (_requests) _mostInFlight = Math.Max(_mostInFlight, inFlight);
                    await Task.Yield();
                    if (Latency > TimeSpan.Zero) await Task.Delay(Latency, token);
                }
                finally
                {
                    Interlocked.Decrement(ref _inFlight);
                }
                if (cursor is not null && cursor == FailCursor) throw new InvalidOperationException($"page at {cursor} failed");
                if (partition is not null && RefusePartitions)
                    throw new IntercomApiException("POST", new Uri("http://127.0.0.1/contacts/search"), System.Net.HttpStatusCode.BadRequest, "parameter_invalid", "The operator $ is not supported for id");
                if (cursor is not null && HoldCursors) await Task.Delay(Timeout.Infinite, token);
                var matches = All.Where(c => partition is null || c.Id![c.Id.Length - 1] == partition).OrderBy(c => c.CreatedAt).ToList(); // stable: ties in creation order
                var offset = cursor is null ? 0 : int.Parse(cursor, CultureInfo.InvariantCulture);
                var data = matches.Skip(offset).Take(_perPage).ToArray();
                var next = offset + data.Length < matches.Count ? (offset + data.Length).ToString(CultureInfo.InvariantCulture) : null;
                return new ContactList
                {
                    Data = data,
                    TotalCount = matches.Count,
                    Pages = next is null ? new CursorPages() : new CursorPages { Next = new CursorNext { StartingAfter = next } },
                };
            }
        }
    }
}
