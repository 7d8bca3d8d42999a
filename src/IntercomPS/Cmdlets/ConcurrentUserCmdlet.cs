using System.Management.Automation;
using IntercomPS.Client;

namespace IntercomPS.Cmdlets
{
    /// <summary>
    /// A per-user cmdlet that changes data with up to -ThrottleLimit requests in flight. Results and errors still
    /// come out in input order, each error with its own input as TargetObject; -WhatIf and Ctrl+C behave as they
    /// do one request at a time.
    /// </summary>
    public abstract class ConcurrentUserCmdlet : UserTargetCmdlet
    {
        /// <summary>How many requests may be in flight at once (1 sends them one by one): configures the command's <see cref="RequestScheduler"/>.</summary>
        [Parameter]
        [ValidateRange(1, Concurrency.MaxThrottleLimit)]
        public int ThrottleLimit { get; set; } = Concurrency.DefaultThrottleLimit;
    }
}
