using System;
using System.Collections.Generic;
using System.Linq;
using System.Management.Automation;
using System.Threading;
using System.Threading.Tasks;
using IntercomPS.Client;

namespace IntercomPS.Cmdlets
{
    /// <summary>
    /// A per-user cmdlet that keeps up to -ThrottleLimit requests in flight. Results and errors still come out
    /// in input order, each error with its own input as TargetObject; -WhatIf and Ctrl+C behave as they do
    /// one request at a time. A slow request (one waiting to retry, say) does not hold the others back: answers
    /// behind it wait in a bounded buffer while new requests keep starting.
    /// </summary>
    public abstract class ConcurrentUserCmdlet : UserTargetCmdlet
    {
        /// <summary>
        /// Requests in flight unless -ThrottleLimit says otherwise: enough to hide most of a round trip's latency,
        /// few enough to stay well inside Intercom's rate limits.
        /// </summary>
        public const int DefaultThrottleLimit = 4;

        /// <summary>Answers held back behind a slow one, per request allowed in flight: bounds memory.</summary>
        private const int BufferPerSlot = 8;

        private readonly Queue<Pending> _pending = new Queue<Pending>();

        /// <summary>How many requests may be in flight at once (1 sends them one by one).</summary>
        [Parameter]
        [ValidateRange(1, 64)]
        public int ThrottleLimit { get; set; } = DefaultThrottleLimit;

        /// <summary>
        /// Starts the request now and hands its answer to <paramref name="onAnswer"/> once every earlier input's
        /// answer has been handed on. Blocks only while ThrottleLimit requests are in flight or the buffer is full.
        /// </summary>
        protected void Submit<T>(object? target, Func<CancellationToken, Task<T>> request, Action<T> onAnswer)
        {
            var started = Start(request);
            _pending.Enqueue(new Pending(started.Task, () =>
            {
                T answer;
                try
                {
                    answer = Finish(started);
                }
                catch (Exception failure) when (failure is IntercomApiException || failure is ArgumentException)
                {
                    WriteFailure(failure, target);
                    return;
                }
                onAnswer(answer);
            }));

            while (true)
            {
                while (_pending.Count > 0 && _pending.Peek().Task.IsCompleted) _pending.Dequeue().Emit();
                var inFlight = _pending.Where(pending => !pending.Task.IsCompleted).Select(pending => pending.Task).ToArray();
                if (inFlight.Length < ThrottleLimit && _pending.Count < ThrottleLimit * BufferPerSlot) return;
                Task.WaitAny(inFlight);
            }
        }

        protected override void EndProcessing()
        {
            while (_pending.Count > 0) _pending.Dequeue().Emit();
        }

        /// <summary>A request under way and what to do with its answer when its turn comes.</summary>
        private sealed class Pending
        {
            public Pending(Task task, Action emit)
            {
                Task = task;
                Emit = emit;
            }

            public Task Task { get; }
            public Action Emit { get; }
        }
    }
}
