using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading.Tasks;

namespace IntercomPS.Cmdlets
{
    /// <summary>
    /// Requests running side by side whose answers are handed on strictly in the order they were added. Up to
    /// <c>inFlight</c> run at once; a slow one does not hold the others back, as answers behind it wait in a buffer
    /// bounded to <see cref="BufferPerSlot"/> per request allowed in flight. Used on the pipeline thread only: the
    /// caller blocks in <see cref="Add"/> when both are full, and every handing-on runs on that thread.
    /// </summary>
    internal sealed class OrderedRequests
    {
        /// <summary>Answers held back behind a slow one, per request allowed in flight: bounds memory.</summary>
        public const int BufferPerSlot = 8;

        private readonly Queue<(Task Task, Action HandOn)> _queue = new Queue<(Task, Action)>();

        /// <summary>
        /// Adds a request already started and what to do with its outcome when its turn comes; hands on every
        /// outcome whose turn has come, then waits while <paramref name="inFlight"/> requests are running or the
        /// buffer is full.
        /// </summary>
        public void Add(Task request, Action handOn, int inFlight)
        {
            _queue.Enqueue((request, handOn));
            while (true)
            {
                while (_queue.Count > 0 && _queue.Peek().Task.IsCompleted) _queue.Dequeue().HandOn();
                var running = _queue.Where(item => !item.Task.IsCompleted).Select(item => item.Task).ToArray();
                if (running.Length < inFlight && _queue.Count < inFlight * BufferPerSlot) return;
                // Any of them, not just the oldest: one request sitting out a Retry-After must not stall the rest.
                Task.WaitAny(running);
            }
        }

        /// <summary>Hands on every outcome still queued, in order, waiting for each as needed.</summary>
        public void Drain()
        {
            while (_queue.Count > 0) _queue.Dequeue().HandOn();
        }
    }
}
