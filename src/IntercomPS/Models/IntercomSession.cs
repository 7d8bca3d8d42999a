using System;
using IntercomPS.Client;

namespace IntercomPS
{
    /// <summary>
    /// A connection to one Intercom app: what Connect-Intercom makes and every cmdlet's -Session takes.
    /// Shows the app id and URL, never the key.
    /// </summary>
    public sealed class IntercomSession : IDisposable
    {
        internal IntercomSession(IntercomClient client)
        {
            Client = client;
            ConnectedAt = DateTime.UtcNow;
        }

        internal IntercomClient Client { get; }

        public string AppId => Client.AppId;
        public Uri BaseUri => Client.BaseUri;
        public TimeSpan Timeout => Client.Timeout;
        public int MaxRetry => Client.Retry.MaxRetries;

        /// <summary>The rate-limit window as Intercom's last answer described it.</summary>
        public RateLimitStatus? RateLimit => Client.RateLimit;
        public DateTime ConnectedAt { get; }

        /// <summary>True once Disconnect-Intercom closed this session.</summary>
        public bool IsClosed { get; private set; }

        public void Dispose()
        {
            IsClosed = true;
            Client.Dispose();
        }

        public override string ToString() => $"{AppId} at {BaseUri}";
    }
}
