using System;
using System.Globalization;
using System.Linq;
using System.Net.Http;

namespace IntercomPS.Client
{
    /// <summary>The API's rate-limit window as its last answer described it (X-RateLimit-Limit/Remaining/Reset).</summary>
    public sealed class RateLimitStatus
    {
        public RateLimitStatus(int limit, int remaining, DateTime resetAt)
        {
            Limit = limit;
            Remaining = remaining;
            ResetAt = resetAt;
        }

        /// <summary>Requests allowed per window.</summary>
        public int Limit { get; }

        /// <summary>Requests left in the current window.</summary>
        public int Remaining { get; }

        /// <summary>When the window starts again (UTC).</summary>
        public DateTime ResetAt { get; }

        /// <summary>
        /// The three headers, or null when any is missing or cannot be a window (a count beyond an int, a reset no
        /// [datetime] can hold). Never throws: the answer may be that of a write that was applied, which an odd header
        /// must not turn into another error.
        /// </summary>
        internal static RateLimitStatus? From(HttpResponseMessage response)
        {
            if (Header(response, "X-RateLimit-Limit") is { } limit && limit is >= 0 and <= int.MaxValue &&
                Header(response, "X-RateLimit-Remaining") is { } remaining && remaining <= int.MaxValue &&
                Header(response, "X-RateLimit-Reset") is { } reset && reset is >= MinUnixSeconds and <= MaxUnixSeconds)
            {
                return new RateLimitStatus((int)limit, (int)Math.Max(0, remaining), DateTimeOffset.FromUnixTimeSeconds(reset).UtcDateTime);
            }
            return null;
        }

        private const long MinUnixSeconds = -62135596800; // 0001-01-01
        private const long MaxUnixSeconds = 253402300799; // 9999-12-31 23:59:59

        private static long? Header(HttpResponseMessage response, string name) =>
            response.Headers.TryGetValues(name, out var values) &&
            long.TryParse(values.FirstOrDefault(), NumberStyles.Integer, CultureInfo.InvariantCulture, out var number) ? number : (long?)null;

        public override string ToString() => $"{Remaining} of {Limit} left until {ResetAt:u}";
    }
}
