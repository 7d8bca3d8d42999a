using System;
using System.Threading;
using System.Threading.Tasks;

namespace IntercomPS.Client
{
    /// <summary>
    /// Bounds how many requests are in flight together across the calls that share it: Set-IntercomTag's batches
    /// share one, so the per-user requests REST API 2.x needs (a lookup for each user without a contact id, one
    /// untag per contact) stay within -ThrottleLimit however many batches are under way. Waiting for a slot is
    /// never done while holding one, so calls sharing a throttle cannot deadlock. Nothing to dispose: the semaphore's
    /// wait handle is never asked for.
    /// </summary>
    public sealed class RequestThrottle
    {
        private readonly SemaphoreSlim _slots;

        public RequestThrottle(int limit)
        {
            if (limit < 1) throw new ArgumentOutOfRangeException(nameof(limit), limit, "At least one request must be allowed in flight.");
            Limit = limit;
            _slots = new SemaphoreSlim(limit, limit);
        }

        public int Limit { get; }

        internal async Task<T> RunAsync<T>(Func<Task<T>> request, CancellationToken cancellationToken)
        {
            await _slots.WaitAsync(cancellationToken).ConfigureAwait(false);
            try
            {
                return await request().ConfigureAwait(false);
            }
            finally
            {
                _slots.Release();
            }
        }
    }
}
