using System;
using System.Net.Http;

namespace IntercomPS.Client
{
    /// <summary>
    /// The one rule for how long an answer asks the client to hold off, and which header said so: Retry-After when a
    /// 429 or 503 gives one (the server's word for this answer); otherwise, when the window is spent
    /// (X-RateLimit-Remaining 0), until X-RateLimit-Reset; else nothing, and a retry backs off. Never the later of the
    /// two: a 429 asking for 1 s is retried after 1 s, though the window resets in 10.
    /// </summary>
    internal sealed class ServerWait
    {
        public const string RetryAfterHeader = "Retry-After";
        public const string ResetHeader = "X-RateLimit-Reset";

        /// <summary>A little past a rate-limit reset: timers and the server's clock are not exact to the millisecond.</summary>
        private static readonly TimeSpan ResetMargin = TimeSpan.FromMilliseconds(100);

        private ServerWait(DateTime until, TimeSpan wait, string setBy)
        {
            Until = until;
            Wait = wait;
            SetBy = setBy;
        }

        /// <summary>When requests may go again (UTC).</summary>
        public DateTime Until { get; }

        /// <summary>How long that was from the answer.</summary>
        public TimeSpan Wait { get; }

        /// <summary>The header that set it: <see cref="RetryAfterHeader"/> or <see cref="ResetHeader"/>.</summary>
        public string SetBy { get; }

        /// <summary>The wait an answer asks for, or null when it asks for none. Total: an odd header is no wait, never an exception.</summary>
        public static ServerWait? Of(HttpResponseMessage response, RateLimitStatus? limit, DateTime now)
        {
            var status = (int)response.StatusCode;
            if ((status == 429 || status == 503) && response.Headers.RetryAfter is { } header)
            {
                // Typed parsing leaves out what it cannot read (1.5, -3, a number beyond an int): no header then.
                var asked = header.Delta ?? (header.Date is { } date ? date.UtcDateTime - now : (TimeSpan?)null);
                if (asked is { } wait)
                {
                    if (wait < TimeSpan.Zero) wait = TimeSpan.Zero;
                    return new ServerWait(wait > DateTime.MaxValue - now ? DateTime.MaxValue : now + wait, wait, RetryAfterHeader);
                }
            }
            if (limit is { Remaining: <= 0 })
            {
                var until = AfterReset(limit);
                return new ServerWait(until, until > now ? until - now : TimeSpan.Zero, ResetHeader);
            }
            return null;
        }

        /// <summary>When requests may go again after the window <paramref name="limit"/> describes is spent (UTC).</summary>
        public static DateTime AfterReset(RateLimitStatus limit) =>
            limit.ResetAt >= DateTime.MaxValue - ResetMargin ? DateTime.MaxValue : limit.ResetAt + ResetMargin;
    }
}
