using System;
using System.Net.Http;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using System.Threading;
using System.Threading.Tasks;

namespace IntercomPS.Client.V1
{
    /// <summary>
    /// Speaks the Intercom v1 API over the shared <see cref="ApiTransport"/>: Basic auth (app id and API key), the
    /// /users, /tags, notes, impressions and message threads resources. Knows nothing of PowerShell.
    /// </summary>
    public sealed partial class IntercomClient : IIntercomApi, IImpressions
    {
        private readonly ApiTransport _transport;

        public IntercomClient(IntercomClientOptions options)
        {
            if (options is null) throw new ArgumentNullException(nameof(options));
            options.Validate();
            var credential = options.Credential ?? throw new ArgumentException("The v1 API needs an app id and API key; an access token means REST API 2.x (IntercomV2Client).");
            AppId = credential.AppId;
            _transport = new ApiTransport(options, new V1Dialect(credential));
            Raw = new RawApi(_transport, RawPaging.PageNumber);
        }

        public RawApi Raw { get; }

        public IntercomProtocol Protocol => IntercomProtocol.V1;

        public string ApiVersion => "1";

        public Uri BaseUri => _transport.BaseUri;

        public string AppId { get; }

        public TimeSpan Timeout => _transport.Timeout;

        public RateLimitStatus? RateLimit => _transport.RateLimit;

        public RetryPolicy Retry => _transport.Retry;

        /// <summary>v1 does what the capability table lets v1 do; it has no versions.</summary>
        public bool Supports(Capability capability) => capability.OnV1;

        public string DescribeCredential() => $"the credentials for app '{AppId}' at {BaseUri}";

        public string Describe(ConnectionInfo connection, bool brief) =>
            brief ? $"{connection.WorkspaceId} at {BaseUri}" : $"Intercom app '{connection.WorkspaceId}' at {BaseUri}";

        /// <summary>The cheapest authenticated request v1 has: one user of the list.</summary>
        public async Task<ConnectionInfo> CheckConnectionAsync(CancellationToken cancellationToken = default)
        {
            await ListUsersAsync(new UserListQuery { PageSize = 1 }, cancellationToken).ConfigureAwait(false);
            return new ConnectionInfo { WorkspaceId = AppId };
        }

        /// <summary>One request whose v1 answer <paramref name="read"/> turns into the model the caller returns.</summary>
        internal Task<TResult> SendAsync<TAnswer, TResult>(HttpMethod method, string relativeUri, Action<Utf8JsonWriter>? writeBody, JsonTypeInfo<TAnswer> answerType,
            Func<TAnswer, TResult> read, bool idempotent, CancellationToken cancellationToken) =>
            _transport.SendAsync(method, relativeUri, writeBody, answerType, read, idempotent, cancellationToken);

        public void Dispose() => _transport.Dispose();

        public override string ToString() => $"Intercom app {AppId} at {BaseUri}";
    }
}
