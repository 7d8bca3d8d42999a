using System.Collections.Generic;
using System.Threading.Tasks;

namespace IntercomPS.Cmdlets
{
    /// <summary>
    /// Keeps the outcomes of requests running side by side in the order they were added, and hands each on (on the
    /// pipeline thread, where every handing-on runs) once its turn has come. How many run, and how many may wait here,
    /// is the <see cref="Client.RequestScheduler"/>'s to say.
    /// </summary>
    internal sealed class OrderedRequests
    {
        private readonly Queue<(Task Task, System.Action HandOn)> _queue = new Queue<(Task, System.Action)>();

        /// <summary>Outcomes not handed on yet, finished or not.</summary>
        public int Count => _queue.Count;

        /// <summary>Adds a request just started and what to do with its outcome when its turn comes; hands on every outcome whose turn has come.</summary>
        public void Add(Task request, System.Action handOn)
        {
            _queue.Enqueue((request, handOn));
            HandOnFinished();
        }

        /// <summary>Hands on the oldest outcome if its request has finished; false when it is still running (or nothing waits).</summary>
        public bool HandOnOldest()
        {
            if (_queue.Count == 0 || !_queue.Peek().Task.IsCompleted) return false;
            _queue.Dequeue().HandOn();
            return true;
        }

        /// <summary>Hands on every outcome still queued, in order, waiting for each as needed.</summary>
        public void Drain()
        {
            while (_queue.Count > 0) _queue.Dequeue().HandOn();
        }

        private void HandOnFinished()
        {
            while (HandOnOldest())
            {
            }
        }
    }
}
