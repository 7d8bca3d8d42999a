using System;
using System.Collections.Generic;
using System.Threading;
using System.Threading.Tasks;

namespace IntercomPS.Client
{
    /// <summary>
    /// Reads the user list page by page, in order, with requests running ahead of the page being read. The first
    /// page comes alone (it tells how many there are). The read-ahead then ramps up with the pages the reader has
    /// read past: none while it reads page 2, then one more request in flight for each page, up to the window. So a
    /// reader that stops inside page 2 has cost 2 requests, one inside page 3 at most 5, while a long list soon has
    /// the whole window in flight and costs about pages / window round trips. The window is topped up as each page
    /// arrives, not only when the reader asks, so a page that comes back early frees its slot at once; pages
    /// requested ahead of the one being read are bounded at the ramp plus <see cref="ArrivalSlack"/>, so memory stays
    /// at a few pages (at most 10 of them with the default window).
    /// Disposing cancels the pages requested but no longer wanted.
    /// </summary>
    /// <remarks>
    /// A hand-rolled async reader rather than IAsyncEnumerable: that interface lives in Microsoft.Bcl.AsyncInterfaces
    /// for netstandard2.0, which PowerShell 7 does not load from the module's dependencies folder.
    /// </remarks>
    public sealed class UserPager : IUserReader
    {
        /// <summary>Requests in flight once the window has ramped up, unless the caller says otherwise.</summary>
        public const int DefaultPagesAhead = 8;

        /// <summary>
        /// Pages that may be requested beyond the window when pages arrive out of order, so an early one frees its
        /// slot; each costs a page of memory (about 1 MiB at 500 users), so only a few.
        /// </summary>
        private const int ArrivalSlack = 2;

        private readonly IntercomClient _client;
        private readonly UserListQuery _query;
        private readonly int _window;
        private readonly int? _lastPage;
        private readonly CancellationTokenSource _unwanted;
        private readonly object _gate = new object();
        private readonly Dictionary<int, Task<UserPage>> _requested = new Dictionary<int, Task<UserPage>>();
        private bool _started;
        private bool _disposed;
        private int _last;
        private int _reading;         // the page last handed to the reader, which it reads or waits for
        private int _nextToRequest;
        private int _inFlight;
        private int _readPast;        // pages the reader has asked past: the ramp

        internal UserPager(IntercomClient client, UserListQuery query, int pagesAhead, int? lastPage, CancellationToken cancellationToken)
        {
            if (pagesAhead < 1) throw new ArgumentOutOfRangeException(nameof(pagesAhead), pagesAhead, "At least one page must be requested at a time.");
            _client = client;
            _query = query;
            _window = pagesAhead;
            _lastPage = lastPage;
            _unwanted = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        }

        /// <summary>The next page, or null after the last one (or after <c>lastPage</c> when one was given).</summary>
        public async Task<UserPage?> NextAsync()
        {
            if (!_started)
            {
                _started = true;
                var first = await _client.ListUsersAsync(_query, _unwanted.Token).ConfigureAwait(false);
                lock (_gate)
                {
                    _last = Math.Min(first.TotalPages, _lastPage ?? int.MaxValue);
                    _reading = _query.Page;
                    _nextToRequest = _query.Page + 1;
                }
                return first;
            }

            Task<UserPage> next;
            lock (_gate)
            {
                if (_disposed) throw new ObjectDisposedException(nameof(UserPager));
                if (_reading >= _last) return null;
                _reading++;
                _readPast++;
                TopUp();
                next = _requested[_reading];
                _requested.Remove(_reading);
            }
            return await next.ConfigureAwait(false);
        }

        /// <summary>
        /// Under the lock: the page being read is always requested; pages after it while fewer than the ramped
        /// window are in flight and they stay within (ramp - 1) + min(ArrivalSlack, ramp - 1) pages of the one being read.
        /// </summary>
        private void TopUp()
        {
            var ramp = Math.Min(_window, _readPast);
            while (!_disposed && _nextToRequest <= _last
                && (_nextToRequest <= _reading || (_inFlight < ramp && _nextToRequest - _reading <= ramp - 1 + Math.Min(ArrivalSlack, ramp - 1))))
            {
                var page = _nextToRequest++;
                _inFlight++;
                var request = _client.ListUsersAsync(_query.ForPage(page), _unwanted.Token);
                _requested[page] = request;
                request.ContinueWith(_ => Arrived(), CancellationToken.None, TaskContinuationOptions.ExecuteSynchronously, TaskScheduler.Default);
            }
        }

        private void Arrived()
        {
            lock (_gate)
            {
                _inFlight--;
                TopUp();
            }
        }

        public void Dispose()
        {
            lock (_gate)
            {
                if (_disposed) return;
                _disposed = true;
            }
            _unwanted.Cancel();
        }
    }
}
