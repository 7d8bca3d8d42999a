using System;
using System.Collections.Generic;
using System.Threading;
using System.Threading.Tasks;

namespace IntercomPS.Client
{
    /// <summary>
    /// How many requests one command runs at once, decided here and nowhere else: made once per command from its
    /// -ThrottleLimit (<see cref="Limit"/>). The command's thread starts an input's request only while fewer than Limit
    /// run (<see cref="HasRoom"/>, <see cref="WaitForAny"/>), and the requests a running one fans out into (REST API 2.x
    /// looks up each user of a tag batch) share Limit slots of their own (<see cref="RunAsync"/>), so a call never
    /// waits for a slot it holds. Nothing to dispose: the semaphore's wait handle is never asked for.
    /// </summary>
    public sealed class RequestScheduler
    {
        private readonly List<Task> _running = new List<Task>();
        private readonly SemaphoreSlim _slots;

        public RequestScheduler(int limit = Concurrency.DefaultThrottleLimit)
        {
            if (limit < 1) throw new ArgumentOutOfRangeException(nameof(limit), limit, "At least one request must be allowed in flight.");
            Limit = limit;
            _slots = new SemaphoreSlim(limit, limit);
        }

        public int Limit { get; }

        /// <summary>Answers, finished or not, a caller may hold for handing on in order before it must wait: bounds memory.</summary>
        public int MaxHeld => Limit * Concurrency.AnswersHeldPerRequest;

        /// <summary>On the command's thread: whether one more request may start while <paramref name="held"/> answers wait to be handed on.</summary>
        public bool HasRoom(int held)
        {
            _running.RemoveAll(task => task.IsCompleted);
            return _running.Count < Limit && held < MaxHeld;
        }

        /// <summary>On the command's thread: counts a request just started until it completes.</summary>
        public void Started(Task request)
        {
            if (!request.IsCompleted) _running.Add(request);
        }

        /// <summary>
        /// On the command's thread, after <see cref="HasRoom"/> said no: waits until any request it counted as running
        /// completes (at once if one did meanwhile), not just the oldest: one sitting out a Retry-After must not stall
        /// the rest. Task.WaitAny spins and yields before it blocks, which keeps the thread from the deeper sleep a
        /// blocked wait wakes from: measured faster for piped lookups one at a time.
        /// </summary>
        public void WaitForAny()
        {
            if (_running.Count > 0) Task.WaitAny(_running.ToArray());
        }

        /// <summary>From any thread: runs a request a running call fans out into once one of the <see cref="Limit"/> slots is free.</summary>
        public async Task<T> RunAsync<T>(Func<Task<T>> request, CancellationToken cancellationToken)
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
