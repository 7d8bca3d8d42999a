using System.Collections.Generic;
using System.Threading.Tasks;

namespace IntercomPS.Cmdlets
{
    /// <summary>
    /// Requests running side by side whose answers are handed on strictly in the order they were added. Up to
    /// <c>inFlight</c> run at once; a slow one does not hold the others back, as answers behind it wait in a buffer
    /// bounded to <see cref="BufferPerSlot"/> per request allowed in flight. Used on the pipeline thread only: every
    /// handing-on runs on that thread. The caller waits for room before it starts a request, not after: so the
    /// pipeline reads and binds its next input while the requests it started are in flight, and a slot that frees
    /// up is taken by a request that is ready to go.
    /// </summary>
    internal sealed class OrderedRequests
    {
        /// <summary>Answers held back behind a slow one, per request allowed in flight: bounds memory.</summary>
        public const int BufferPerSlot = 8;

        private readonly Queue<(Task Task, System.Action HandOn)> _queue = new Queue<(Task, System.Action)>();

        /// <summary>
        /// Waits while <paramref name="inFlight"/> requests are running or the buffer is full: when it returns, one
        /// more request may start. Outcomes are handed on here only to make room in a full buffer; otherwise they wait
        /// for <see cref="Add"/>, so the pipeline writes them while the next request is already in flight.
        /// </summary>
        public void WaitForRoom(int inFlight)
        {
            var buffer = inFlight * BufferPerSlot;
            while (true)
            {
                var running = 0;
                foreach (var item in _queue)
                {
                    if (!item.Task.IsCompleted) running++;
                }
                if (running < inFlight && _queue.Count < buffer) return;
                if (_queue.Count >= buffer && _queue.Peek().Task.IsCompleted)
                {
                    HandOnFinished();
                    continue;
                }
                var waiting = new Task[running];
                var next = 0;
                foreach (var item in _queue)
                {
                    if (!item.Task.IsCompleted && next < waiting.Length) waiting[next++] = item.Task;
                }
                if (next < running) continue; // one finished meanwhile: count again
                // Any of them, not just the oldest: one request sitting out a Retry-After must not stall the rest.
                Task.WaitAny(waiting);
            }
        }

        /// <summary>Adds a request just started and what to do with its outcome when its turn comes; hands on every outcome whose turn has come.</summary>
        public void Add(Task request, System.Action handOn)
        {
            _queue.Enqueue((request, handOn));
            HandOnFinished();
        }

        /// <summary>Hands on every outcome still queued, in order, waiting for each as needed.</summary>
        public void Drain()
        {
            while (_queue.Count > 0) _queue.Dequeue().HandOn();
        }

        private void HandOnFinished()
        {
            while (_queue.Count > 0 && _queue.Peek().Task.IsCompleted) _queue.Dequeue().HandOn();
        }
    }
}
