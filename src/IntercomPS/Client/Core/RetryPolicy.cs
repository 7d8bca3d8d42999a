using System;
using System.Threading;

namespace IntercomPS.Client
{
    /// <summary>
    /// How often and how long to wait before trying a failed request again: exponential backoff with jitter,
    /// never shorter than what the server asked for, and never longer than <see cref="MaxWait"/> (a server that
    /// asks for more than that gets a failure instead of a shorter wait).
    /// </summary>
    public sealed class RetryPolicy
    {
        public const int DefaultMaxRetries = 4;
        public static readonly TimeSpan DefaultBaseDelay = TimeSpan.FromMilliseconds(500);
        public static readonly TimeSpan DefaultMaxWait = TimeSpan.FromSeconds(60);

        private static readonly ThreadLocal<Random> Jitter = new ThreadLocal<Random>(() => new Random(Guid.NewGuid().GetHashCode()));

        private int _maxRetries = DefaultMaxRetries;

        /// <summary>Retries after the first attempt; 0 turns retrying off.</summary>
        public int MaxRetries
        {
            get => _maxRetries;
            set => _maxRetries = value >= 0 ? value : throw new ArgumentOutOfRangeException(nameof(MaxRetries), value, "Retries cannot be negative.");
        }

        public TimeSpan BaseDelay { get; set; } = DefaultBaseDelay;

        public TimeSpan MaxWait { get; set; } = DefaultMaxWait;

        /// <summary>The wait before retry number <paramref name="retry"/> (1-based), or null to give up.</summary>
        internal TimeSpan? WaitBefore(int retry, TimeSpan? serverAsked)
        {
            if (retry > MaxRetries) return null;
            // Half fixed, half random: spreads out clients that failed together without ever retrying at once.
            var backoff = TimeSpan.FromTicks(Math.Min(MaxWait.Ticks, BaseDelay.Ticks * (1L << Math.Min(retry - 1, 20))));
            var wait = TimeSpan.FromTicks(backoff.Ticks / 2 + (long)(Jitter.Value!.NextDouble() * (backoff.Ticks / 2)));
            if (serverAsked is { } asked && asked > wait) wait = asked;
            return wait <= MaxWait ? wait : (TimeSpan?)null;
        }
    }
}
