using System;
using System.Collections.Generic;
using System.Linq;
using System.Net;
using System.Net.Http;
using System.Threading;
using System.Threading.Tasks;

namespace IntercomPS.Client.V2
{
    /// <summary>One page of a user search: of a tag (its 2.x id) and one id partition when given, from a cursor.</summary>
    internal delegate Task<ContactList> SearchPage(string? tagId, char? partition, string? cursor, CancellationToken cancellationToken);

    /// <summary>
    /// Lists users on REST API 2.x, where a search pages by cursor, so pages cannot be fetched ahead by number. The
    /// first page comes alone (it gives total_count, and a short list ends there). A longer one is split into 16
    /// disjoint searches by the last hex digit of the contact id (random digits, so the parts are even whatever the
    /// creation dates), each walking its own cursor with its next page requested as soon as it starts on the
    /// current one, and merged on created_at a round at a time (<see cref="MergedWalk"/>): about 16 pages per round
    /// trip whether the users share a creation second or not, and at most two pages per part in memory. (Users
    /// created in the same second come in the server's order on one cursor and round the parts from the merge; the
    /// search can sort on one field only.) No user may be lost: when the parts' total_counts do not add up to the whole's (ids
    /// that are not hex, or users added while listing), or the workspace refuses the parts' `$` filter with a 400, the
    /// listing walks the whole search's cursor instead and says why in a Verbose line. The pages handed out are the query's page size each, numbered as
    /// <see cref="UserListQuery.Page"/> would be; pages before it are read and dropped (a cursor cannot skip).
    /// Every walk is checked as its pages arrive (<see cref="PagedReadCheck"/>): a repeated cursor, a walk far beyond
    /// its total_count, a user listed twice (by any part), a null or id-less item end the listing with invalid_response.
    /// Disposing cancels every request still in flight.
    /// </summary>
    internal sealed class ContactSearchReader : IUserReader
    {
        /// <summary>The last hex digit of a contact id: 16 parts, together every id of 24 lowercase hex digits.</summary>
        internal static readonly char[] Partitions = Concurrency.ContactIdPartitions.ToCharArray();

        /// <summary>
        /// When the rest of what is wanted fits in this many pages after the first, walking on from the first page's
        /// cursor costs fewer requests than 16 parts and hardly more time.
        /// </summary>
        private const int SequentialPages = 2;

        private readonly UserListQuery _query;
        private readonly int? _lastPage;
        private readonly SearchPage _search;
        private readonly Uri _searchUri;
        private readonly Func<UserListQuery, CancellationToken, Task<string?>> _resolveTag;
        private readonly CancellationTokenSource _unwanted;
        private readonly bool _partitioned;
        private IContactSource? _source;
        private int _total;
        private long _want;       // users up to this index (from the list's start) are wanted
        private long _position;   // users taken from the source so far
        private int _page;        // the page handed out last
        private bool _disposed;

        /// <param name="searchUri">The search's URL, which an error about its pages names.</param>
        /// <param name="partitioned">False for a search whose query cannot take the partitions' filter (a condition of its own): it walks one cursor.</param>
        public ContactSearchReader(UserListQuery query, int? lastPage, SearchPage search, Uri searchUri, Func<UserListQuery, CancellationToken, Task<string?>> resolveTag, CancellationToken cancellationToken,
            bool partitioned = true)
        {
            _partitioned = partitioned;
            if (query.PageSize > IntercomV2Client.MaxContactPageSize)
                throw new ArgumentOutOfRangeException(nameof(query), query.PageSize, $"On REST API 2.x a page holds 1 to {IntercomV2Client.MaxContactPageSize} users.");
            _query = query;
            _lastPage = lastPage;
            _search = search;
            _searchUri = searchUri;
            _resolveTag = resolveTag;
            _unwanted = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        }

        /// <summary>Which way the listing went, for tests: "first page", "sequential", "partitions" or "fallback".</summary>
        internal string Mode { get; private set; } = "not started";

        public async Task<UserPage?> NextAsync()
        {
            if (_disposed) throw new ObjectDisposedException(nameof(ContactSearchReader));
            if (_source is null) await StartAsync().ConfigureAwait(false);

            var pageSize = _query.PageSize;
            var skip = (long)(_query.Page - 1) * pageSize;
            while (_position < skip)
            {
                var dropped = await _source!.TakeAsync((int)Math.Min(pageSize, skip - _position)).ConfigureAwait(false);
                if (dropped.Count == 0) return null;
                _position += dropped.Count;
            }
            // Nothing wanted at all (-First 0 with -IncludeTotalCount) still gets the first page, empty: it carries the count.
            if (_position >= _want && _page > 0) return null;
            var users = _position >= _want ? new List<Contact>() : await _source!.TakeAsync((int)Math.Min(pageSize, _want - _position)).ConfigureAwait(false);
            if (users.Count == 0 && _page > 0) return null;
            _position += users.Count;
            _page = _page == 0 ? _query.Page : _page + 1;
            var totalPages = (_total + pageSize - 1) / pageSize;
            return new UserPage
            {
                Users = users.Select(contact => contact.ToUser()).ToArray(),
                Page = _page,
                TotalCount = _total,
                TotalPages = totalPages,
                NextPage = _page < totalPages ? _page + 1 : null,
                PreviousPage = _page > 1 ? _page - 1 : null,
            };
        }

        private async Task StartAsync()
        {
            var token = _unwanted.Token;
            var tagId = await _resolveTag(_query, token).ConfigureAwait(false);
            var first = await _search(tagId, null, null, token).ConfigureAwait(false);
            _total = first.TotalCount;
            // The cursor, not total_count, says where the list ends (the walk's check bounds it by the count): a count
            // that is too low must not shorten the listing without a word.
            _want = _lastPage is { } last ? (long)last * _query.PageSize : long.MaxValue;
            if (first.Next is null || _want <= first.Data.Length)
            {
                Mode = "first page";
                _source = Walk(tagId, null, first, token);
                return;
            }
            if (!_partitioned || Math.Min(_want, _total) - first.Data.Length <= (long)SequentialPages * _query.PageSize)
            {
                Mode = "sequential";
                _source = Walk(tagId, null, first, token);
                return;
            }

            var seen = new SeenIds(); // shared: the parts are disjoint, so an id listed by two of them is an error too
            var parts = Partitions.Select(digit => new CursorWalk(_search, tagId, digit, null, long.MaxValue, Check(seen), token)).ToArray();
            var starts = parts.Select(part => part.StartAsync()).ToArray();
            string why;
            try
            {
                var sum = (await Task.WhenAll(starts).ConfigureAwait(false)).Sum(count => (long)count);
                if (sum == _total)
                {
                    // The shared table made once at the size the listing will need (under its lock, as the checks take it).
                    lock (seen) seen.Reserve(Math.Min(_total, _want));
                    Mode = "partitions";
                    _source = new MergedWalk(parts);
                    return;
                }
                why = $"found {sum:N0} users, not the {_total:N0} of the whole search (ids that are not hex, or users added or removed meanwhile)";
            }
            catch (IntercomApiException refused) when (refused.StatusCode == HttpStatusCode.BadRequest)
            {
                // A workspace that does not take `$` (ends with) on id: the one cursor needs no such filter.
                why = $"were refused ({refused.ApiMessage})";
                foreach (var start in starts) _ = start.ContinueWith(t => _ = t.Exception, CancellationToken.None, TaskContinuationOptions.OnlyOnFaulted, TaskScheduler.Default);
            }
            foreach (var part in parts) part.Abandon();
            Mode = "fallback";
            // The caller's sink: it is set around each NextAsync call, so it flows into this one.
            RequestTrace.Current?.Verbose($"POST /contacts/search: the 16 searches by the id's last hex digit {why}, so the listing walks one cursor instead; it is slower, but loses no user.");
            _source = Walk(tagId, null, first, token);
        }

        /// <summary>The whole search walked by its one cursor from its first page, with a check of its own.</summary>
        private CursorWalk Walk(string? tagId, char? partition, ContactList first, CancellationToken token) =>
            new CursorWalk(_search, tagId, partition, first, _want, Check(new SeenIds()), token);

        private PagedReadCheck Check(SeenIds seen) => new PagedReadCheck(HttpMethod.Post, _searchUri, "contact", _query.PageSize, seen);

        public void Dispose()
        {
            if (_disposed) return;
            _disposed = true;
            _unwanted.Cancel();
        }

        /// <summary>Contacts in listing order, a batch at a time.</summary>
        private interface IContactSource
        {
            /// <summary>Up to <paramref name="count"/> contacts; fewer only at the end.</summary>
            Task<List<Contact>> TakeAsync(int count);
        }

        /// <summary>
        /// One search walked by its cursor, with the next page requested as soon as the current one is started on:
        /// at most the page being read and the one after it, and no page once <c>wanted</c> contacts have come.
        /// </summary>
        internal sealed class CursorWalk : IContactSource
        {
            private readonly SearchPage _search;
            private readonly string? _tagId;
            private readonly char? _partition;
            private readonly CancellationToken _token;
            private readonly long _wanted;
            private readonly PagedReadCheck _check;
            private long _fetched;
            private long _lastTime;   // the creation time of the part's last contact so far, and its rank
            private int _lastRank;
            private Contact[] _current = Array.Empty<Contact>();
            private int[] _ranks = Array.Empty<int>(); // each contact's place among the part's users of its creation second
            private int _index;
            private Task<ContactList>? _next;

            public CursorWalk(SearchPage search, string? tagId, char? partition, ContactList? first, long wanted, PagedReadCheck check, CancellationToken token)
            {
                _search = search;
                _wanted = wanted;
                _check = check;
                _tagId = tagId;
                _partition = partition;
                _token = token;
                if (first is not null) Begin(first);
            }

            /// <summary>Reads the first page; returns the search's total_count.</summary>
            public async Task<int> StartAsync()
            {
                var first = await _search(_tagId, _partition, null, _token).ConfigureAwait(false);
                Begin(first);
                return first.TotalCount;
            }

            /// <summary>The contact at the head of the walk, or null at its end; waits only when the current page is used up.</summary>
            public async Task<Contact?> PeekAsync()
            {
                while (_index >= _current.Length)
                {
                    if (_next is null) return null;
                    var page = await _next.ConfigureAwait(false);
                    _next = null;
                    Begin(page);
                }
                return _current[_index];
            }

            /// <summary>The head, when it is already here without waiting (else null).</summary>
            public Contact? Head => _index < _current.Length ? _current[_index] : null;

            /// <summary>The merge's key of the last contact of the page being read: the part's later pages come after it. Only while <see cref="Head"/> is here.</summary>
            public MergedWalk.Key LastHere => KeyOf(_current.Length - 1);

            /// <summary>The contact <paramref name="offset"/> places after the head, on the page being read.</summary>
            public Contact Ahead(int offset) => _current[_index + offset];

            /// <summary>The merge's key of the contact <paramref name="offset"/> places after the head.</summary>
            public MergedWalk.Key KeyAhead(int offset) => KeyOf(_index + offset);

            /// <summary>How many contacts of the page being read, from the head, come at or before <paramref name="bound"/>.</summary>
            public int CountThrough(MergedWalk.Key bound)
            {
                var end = _index;
                while (end < _current.Length && KeyOf(end).CompareTo(bound) <= 0) end++;
                return end - _index;
            }

            private MergedWalk.Key KeyOf(int i) => new MergedWalk.Key(MergedWalk.TimeOf(_current[i]), _ranks[i], _partition ?? '\0');

            public void Advance(int count = 1) => _index += count;

            public async Task<List<Contact>> TakeAsync(int count)
            {
                var taken = new List<Contact>(count);
                while (taken.Count < count && await PeekAsync().ConfigureAwait(false) is { } contact)
                {
                    taken.Add(contact);
                    Advance();
                }
                return taken;
            }

            /// <summary>Not wanted after all (the fallback): its request in flight is cancelled with the reader, and its failure is not news.</summary>
            public void Abandon()
            {
                _next?.ContinueWith(t => _ = t.Exception, CancellationToken.None, TaskContinuationOptions.OnlyOnFaulted | TaskContinuationOptions.ExecuteSynchronously, TaskScheduler.Default);
                _next = null;
                _current = Array.Empty<Contact>();
            }

            private void Begin(ContactList page)
            {
                _check.Page(page.TotalCount, page.Data, contact => contact.Id, page.Next);
                _current = page.Data;
                _ranks = new int[page.Data.Length];
                for (var i = 0; i < _ranks.Length; i++)
                {
                    var time = MergedWalk.TimeOf(_current[i]);
                    _lastRank = _fetched + i > 0 && time == _lastTime ? _lastRank + 1 : 0;
                    (_lastTime, _ranks[i]) = (time, _lastRank);
                }
                _index = 0;
                _fetched += page.Data.Length;
                if (page.Next is { } cursor && _fetched < _wanted)
                {
                    _next = _search(_tagId, _partition, cursor, _token);
                    // Observed here too, so a failure that nobody waits for (the listing stopped first) is not unobserved.
                    _next.ContinueWith(t => _ = t.Exception, CancellationToken.None, TaskContinuationOptions.OnlyOnFaulted | TaskContinuationOptions.ExecuteSynchronously, TaskScheduler.Default);
                }
            }
        }

        /// <summary>
        /// The parts merged a round at a time. A round has every part's current page here (it waits only for parts whose
        /// page is used up) and hands out, in order, every contact here up to the earliest of the parts' last contacts
        /// here: a part's later contacts come after its last, so nothing still to come can precede them. The order is
        /// created_at, then, among users of one creation second, their place in their part's run of that second, then
        /// the part: ties go round the parts, so users sharing a second (a bulk import) use up every part's page in the
        /// same round, and every part has its next page in flight while the merge runs. The order is the data's, not the
        /// pages', so a -Skip read in pages of 20 lands where the whole listing in pages of 150 does. A merge that took
        /// the earliest head one at a time, ties by id, drained one part after another with one request in flight (the
        /// server gives ties in its own order, so the heads it passed over drifted high).
        /// </summary>
        internal sealed class MergedWalk : IContactSource
        {
            private readonly List<CursorWalk> _parts;
            private readonly List<Contact> _ready = new List<Contact>();
            private int _next;

            public MergedWalk(IEnumerable<CursorWalk> parts) => _parts = parts.ToList();

            public async Task<List<Contact>> TakeAsync(int count)
            {
                var taken = new List<Contact>(count);
                while (taken.Count < count)
                {
                    if (_next == _ready.Count && !await RoundAsync().ConfigureAwait(false)) break;
                    while (taken.Count < count && _next < _ready.Count) taken.Add(_ready[_next++]);
                }
                return taken;
            }

            /// <summary>The next round's contacts into the ready list; false when every part has ended.</summary>
            private async Task<bool> RoundAsync()
            {
                _ready.Clear();
                _next = 0;
                Key? bound = null;
                for (var i = 0; i < _parts.Count; i++)
                {
                    var part = _parts[i];
                    if (part.Head is null && await part.PeekAsync().ConfigureAwait(false) is null)
                    {
                        _parts.RemoveAt(i--); // this part has ended
                        continue;
                    }
                    if (bound is not { } earliest || part.LastHere.CompareTo(earliest) < 0) bound = part.LastHere;
                }
                if (bound is not { } through) return false;

                // Each part's run up to the bound, merged: the earliest head each time.
                var ends = new int[_parts.Count];
                for (var i = 0; i < _parts.Count; i++) ends[i] = _parts[i].CountThrough(through);
                var taken = new int[_parts.Count];
                while (true)
                {
                    var earliest = -1;
                    var key = default(Key);
                    for (var i = 0; i < _parts.Count; i++)
                    {
                        if (taken[i] == ends[i]) continue;
                        var candidate = _parts[i].KeyAhead(taken[i]);
                        if (earliest < 0 || candidate.CompareTo(key) < 0) (earliest, key) = (i, candidate);
                    }
                    if (earliest < 0) break;
                    _ready.Add(_parts[earliest].Ahead(taken[earliest]++));
                }
                for (var i = 0; i < _parts.Count; i++) _parts[i].Advance(taken[i]);
                return true;
            }

            /// <summary>What the search sorts on: created_at (an absent one first).</summary>
            internal static long TimeOf(Contact contact) => contact.CreatedAt?.Ticks ?? long.MinValue;

            /// <summary>A contact's place in the merge: created_at, its rank among its part's users of that second, its part.</summary>
            internal readonly struct Key : IComparable<Key>
            {
                private readonly long _time;
                private readonly int _rank;
                private readonly char _part;

                public Key(long time, int rank, char part) => (_time, _rank, _part) = (time, rank, part);

                public int CompareTo(Key other) =>
                    _time != other._time ? _time.CompareTo(other._time) : _rank != other._rank ? _rank.CompareTo(other._rank) : _part.CompareTo(other._part);
            }
        }
    }
}
