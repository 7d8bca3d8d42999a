using System;
using System.Collections.Generic;
using System.Net.Http;
using System.Threading;
using System.Threading.Tasks;

namespace IntercomPS.Client.V1
{
    /// <summary>
    /// Reads the user list page by page, in order, with requests running ahead of the page being read. The first
    /// page comes alone (it tells how many there are). From then on the pages after the one being read are requested
    /// up to <see cref="PagesAhead"/> of it: one at first, doubled (up to the window) each time the reader asks for a
    /// page that has not arrived yet, because only a reader that waits for the network gains from more requests in
    /// flight. So a reader slower than the network (a pipeline that does something with each user) never waits,
    /// keeps exactly one page ahead, and costs at most one page more than it used when it stops; a reader that waits
    /// has the whole window in flight after three waits, and a long list costs about pages / window round trips.
    /// The trade-off, which no read-ahead escapes: a reader that drains pages faster than they arrive and then stops
    /// early (<c>Select-Object -First</c>) cannot be told from one that will read every page, so it pays for the
    /// pages it had ahead: after n pages read, at most n + min(window, 2^(n-1)) requests. Pages ahead are held as the
    /// bytes they came in (about 200 KB each at 500 users, in buffers borrowed from the shared pool) and read into
    /// users only when the reader takes them, so memory stays at the window's worth whatever the list's length, and
    /// the collector never finds thousands of users waiting ahead to move into an older generation, where they would
    /// die and stay until a full collection.
    /// Pages are checked in order as the reader takes them (<see cref="PagedReadCheck"/>): a user listed twice, a null
    /// or id-less item, a total_count that cannot be end the listing with invalid_response; an empty page ends it, so a
    /// total_pages that lies cannot keep it going.
    /// Disposing cancels the pages requested but no longer wanted.
    /// </summary>
    /// <remarks>
    /// A hand-rolled async reader rather than IAsyncEnumerable: that interface lives in Microsoft.Bcl.AsyncInterfaces
    /// for netstandard2.0, which PowerShell 7 does not load from the module's dependencies folder.
    /// </remarks>
    public sealed class UserPager : IUserReader
    {
        private readonly IntercomClient _client;
        private readonly UserListQuery _query;
        private readonly int _window;
        private readonly int? _lastPage;
        private readonly CancellationTokenSource _unwanted;
        private readonly object _gate = new object();
        private readonly Dictionary<int, Task<UnreadAnswer<UserPage>>> _requested = new Dictionary<int, Task<UnreadAnswer<UserPage>>>();
        private readonly PagedReadCheck _check;
        private bool _started;
        private bool _disposed;
        private int _last;
        private int _reading;         // the page last handed to the reader, which it reads or waits for
        private int _nextToRequest;
        private int _ahead = 1;

        internal UserPager(IntercomClient client, UserListQuery query, int pagesAhead, int? lastPage, CancellationToken cancellationToken)
        {
            if (pagesAhead < 1) throw new ArgumentOutOfRangeException(nameof(pagesAhead), pagesAhead, "At least one page must be requested at a time.");
            _client = client;
            _query = query;
            _window = pagesAhead;
            _lastPage = lastPage;
            _unwanted = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            _check = new PagedReadCheck(HttpMethod.Get, new Uri(client.BaseUri, "users?" + V1Requests.Query(query)), "user", query.PageSize, new SeenIds());
        }

        /// <summary>
        /// Pages after the one being read that are requested now: 1 until the reader first waits for a page, then
        /// doubling with each wait up to the window given.
        /// </summary>
        public int PagesAhead
        {
            get { lock (_gate) return _ahead; }
        }

        /// <summary>The next page, or null after the last one (or after <c>lastPage</c> when one was given).</summary>
        public async Task<UserPage?> NextAsync()
        {
            if (!_started)
            {
                _started = true;
                var first = Checked(await _client.ListUsersAsync(_query, _unwanted.Token).ConfigureAwait(false));
                lock (_gate)
                {
                    _last = Math.Min(first.TotalPages, _lastPage ?? int.MaxValue);
                    // The ids' table made once at the size the listing will need, not doubled into it page by page.
                    _check.ReserveIds(Math.Min(first.TotalCount, (_last - _query.Page + 1L) * _query.PageSize));
                    _reading = _query.Page;
                    _nextToRequest = _query.Page + 1;
                    TopUp();
                }
                return first;
            }

            Task<UnreadAnswer<UserPage>> next;
            lock (_gate)
            {
                if (_disposed) throw new ObjectDisposedException(nameof(UserPager));
                if (_reading >= _last) return null;
                _reading++;
                TopUp();
                next = _requested[_reading];
                _requested.Remove(_reading);
                // The reader is faster than the network: more pages in flight will shorten its waits.
                if (!next.IsCompleted && _ahead < _window)
                {
                    _ahead = Math.Min(_window, _ahead * 2);
                    TopUp();
                }
            }
            var page = Checked((await next.ConfigureAwait(false)).Read());
            if (page.Users.Length > 0) return page;
            // An empty page: with numbered pages every later one is empty too, whatever total_pages said.
            lock (_gate) _last = _reading;
            return null;
        }

        /// <summary>A page as the check sees it (v1 users are named by intercom_id, else user_id, else email).</summary>
        private UserPage Checked(UserPage page)
        {
            _check.Page(page.TotalCount, page.Users, user => user.Id ?? user.UserId ?? user.Email, null);
            return page;
        }

        /// <summary>Under the lock: requests every page up to <see cref="PagesAhead"/> after the one being read.</summary>
        private void TopUp()
        {
            while (!_disposed && _nextToRequest <= _last && _nextToRequest <= _reading + _ahead)
            {
                var page = _nextToRequest++;
                _requested[page] = _client.ListUsersUnreadAsync(_query.ForPage(page), _unwanted.Token);
            }
        }

        public void Dispose()
        {
            List<Task<UnreadAnswer<UserPage>>> unread;
            lock (_gate)
            {
                if (_disposed) return;
                _disposed = true;
                unread = new List<Task<UnreadAnswer<UserPage>>>(_requested.Values);
                _requested.Clear();
            }
            _unwanted.Cancel();
            // Pages that came (or still come) but will not be read give their buffers back to the pool.
            foreach (var page in unread)
                page.ContinueWith(t => t.Result.Dispose(), CancellationToken.None, TaskContinuationOptions.OnlyOnRanToCompletion | TaskContinuationOptions.ExecuteSynchronously, TaskScheduler.Default);
        }
    }
}
