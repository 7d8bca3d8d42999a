using System;
using IntercomPS.Client;

namespace IntercomPS
{
    /// <summary>
    /// A connection to one Intercom app or workspace: what Connect-Intercom makes and every cmdlet's -Session takes.
    /// Shows the API, the app (v1) or the workspace and admin (2.x) and the URL, never the key or token.
    /// </summary>
    public sealed class IntercomSession : IDisposable
    {
        private readonly ConnectionInfo _connection;

        internal IntercomSession(IIntercomApi client, ConnectionInfo connection)
        {
            Client = client;
            _connection = connection;
            ConnectedAt = DateTime.UtcNow;
        }

        internal IIntercomApi Client { get; }

        /// <summary>"1" for the v1 API, else the REST API version every request asks for (e.g. 2.14): for people and scripts to read.</summary>
        public string ApiVersion => Client.ApiVersion;

        /// <summary>The v1 app id, or the 2.x workspace's id.</summary>
        public string? AppId => _connection.WorkspaceId;

        /// <summary>The 2.x workspace's name (null on v1).</summary>
        public string? WorkspaceName => _connection.WorkspaceName;

        /// <summary>The admin the 2.x token acts as (null on v1).</summary>
        public string? AdminId => _connection.AdminId;

        public string? AdminName => _connection.AdminName;

        public string? AdminEmail => _connection.AdminEmail;

        /// <summary>The 2.x workspace's time zone (GET /me's app.timezone), where a user search's days begin; null on v1.</summary>
        public string? TimeZone => _connection.TimeZone;

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

        public override string ToString() => Client.Describe(_connection, brief: true);
    }
}
