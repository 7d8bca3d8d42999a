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

        internal static RateLimitStatus? From(HttpResponseMessage response)
        {
            if (Header(response, "X-RateLimit-Limit") is { } limit &&
                Header(response, "X-RateLimit-Remaining") is { } remaining &&
                Header(response, "X-RateLimit-Reset") is { } reset)
            {
                return new RateLimitStatus((int)limit, (int)remaining, DateTimeOffset.FromUnixTimeSeconds(reset).UtcDateTime);
            }
            return null;
        }

        private static long? Header(HttpResponseMessage response, string name) =>
            response.Headers.TryGetValues(name, out var values) &&
            long.TryParse(values.FirstOrDefault(), NumberStyles.Integer, CultureInfo.InvariantCulture, out var number) ? number : (long?)null;

        public override string ToString() => $"{Remaining} of {Limit} left until {ResetAt:u}";
    }
}
