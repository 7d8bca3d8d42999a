using System;
using System.Collections.Generic;
using System.Management.Automation;
using System.Threading;
using System.Threading.Tasks;
using IntercomPS.Client;

namespace IntercomPS.Cmdlets
{
    /// <summary>
    /// A per-user cmdlet that keeps up to -ThrottleLimit requests in flight. Results and errors still come out
    /// in input order, each error with its own input as TargetObject; -WhatIf and Ctrl+C behave as they do
    /// one request at a time.
    /// </summary>
    public abstract class ConcurrentUserCmdlet : UserTargetCmdlet
    {
        /// <summary>
        /// Requests in flight unless -ThrottleLimit says otherwise: enough to hide most of a round trip's latency,
        /// few enough to stay well inside Intercom's rate limits.
        /// </summary>
        public const int DefaultThrottleLimit = 4;

        private readonly Queue<Action> _pending = new Queue<Action>();

        /// <summary>How many requests may be in flight at once (1 sends them one by one).</summary>
        [Parameter]
        [ValidateRange(1, 64)]
        public int ThrottleLimit { get; set; } = DefaultThrottleLimit;

        /// <summary>
        /// Starts the request now and hands its answer to <paramref name="onAnswer"/> once every earlier input's
        /// answer has been handed on. Waits for the oldest request only when ThrottleLimit are in flight.
        /// </summary>
        protected void Submit<T>(object? target, Func<CancellationToken, Task<T>> request, Action<T> onAnswer)
        {
            var started = Start(request);
            _pending.Enqueue(() =>
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
            });
            while (_pending.Count >= ThrottleLimit) _pending.Dequeue()();
        }

        protected override void EndProcessing()
        {
            while (_pending.Count > 0) _pending.Dequeue()();
        }
    }
}
