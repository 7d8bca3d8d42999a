using System;
using System.Management.Automation;
using System.Threading;
using System.Threading.Tasks;

namespace IntercomPS.Cmdlets
{
    /// <summary>
    /// A per-user cmdlet that changes data with up to -ThrottleLimit requests in flight. Results and errors still
    /// come out in input order, each error with its own input as TargetObject; -WhatIf and Ctrl+C behave as they
    /// do one request at a time.
    /// </summary>
    public abstract class ConcurrentUserCmdlet : UserTargetCmdlet
    {
        /// <summary>
        /// Requests in flight unless -ThrottleLimit says otherwise: enough to hide most of a round trip's latency,
        /// few enough to stay well inside Intercom's rate limits.
        /// </summary>
        public const int DefaultThrottleLimit = 4;

        /// <summary>How many requests may be in flight at once (1 sends them one by one).</summary>
        [Parameter]
        [ValidateRange(1, 64)]
        public int ThrottleLimit { get; set; } = DefaultThrottleLimit;

        /// <summary>Submits with this cmdlet's -ThrottleLimit.</summary>
        protected void Submit<T>(object? target, Func<CancellationToken, Task<T>> request, Action<T> onAnswer) =>
            Submit(ThrottleLimit, target, request, onAnswer);
    }
}
