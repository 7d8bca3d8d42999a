using System;
using System.Collections.Generic;
using System.Threading;
using System.Threading.Tasks;

namespace IntercomPS.Client
{
    /// <summary>
    /// Reads the user list page by page, in order. The first page comes alone (it tells how many there are); then
    /// up to PagesAhead requests run ahead of the page being read, so a long list costs about pages / PagesAhead
    /// round trips while memory stays at a few pages. Disposing cancels the pages requested but no longer wanted.
    /// </summary>
    /// <remarks>
    /// A hand-rolled async reader rather than IAsyncEnumerable: that interface lives in Microsoft.Bcl.AsyncInterfaces
    /// for netstandard2.0, which PowerShell 7 does not load from the module's dependencies folder.
    /// </remarks>
    public sealed class UserPager : IDisposable
    {
        /// <summary>Pages requested ahead of the one being read, unless the caller says otherwise.</summary>
        public const int DefaultPagesAhead = 8;

        private readonly IntercomClient _client;
        private readonly UserListQuery _query;
        private readonly int _pagesAhead;
        private readonly int? _lastPage;
        private readonly CancellationTokenSource _unwanted;
        private readonly Queue<Task<UserPage>> _ahead = new Queue<Task<UserPage>>();
        private int _nextPage;
        private int _last;

        internal UserPager(IntercomClient client, UserListQuery query, int pagesAhead, int? lastPage, CancellationToken cancellationToken)
        {
            if (pagesAhead < 1) throw new ArgumentOutOfRangeException(nameof(pagesAhead), pagesAhead, "At least one page must be requested at a time.");
            _client = client;
            _query = query;
            _pagesAhead = pagesAhead;
            _lastPage = lastPage;
            _unwanted = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        }

        /// <summary>The next page, or null after the last one (or after <c>lastPage</c> when one was given).</summary>
        public async Task<UserPage?> NextAsync()
        {
            if (_nextPage == 0)
            {
                var first = await _client.ListUsersAsync(_query, _unwanted.Token).ConfigureAwait(false);
                _last = Math.Min(first.TotalPages, _lastPage ?? int.MaxValue);
                _nextPage = _query.Page + 1;
                return first;
            }
            for (; _ahead.Count < _pagesAhead && _nextPage <= _last; _nextPage++)
                _ahead.Enqueue(_client.ListUsersAsync(_query.ForPage(_nextPage), _unwanted.Token));
            return _ahead.Count == 0 ? null : await _ahead.Dequeue().ConfigureAwait(false);
        }

        public void Dispose()
        {
            _unwanted.Cancel();
            _unwanted.Dispose();
        }
    }
}
