using System;
using System.Net;
using System.Net.Http;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using System.Threading;
using System.Threading.Tasks;

namespace IntercomPS.Client.V2
{
    /// <summary>
    /// Speaks Intercom REST API 2.x (2.14 by default) over the shared <see cref="ApiTransport"/>, mapping the v1
    /// shaped operations the cmdlets use onto contacts, tags, notes and conversations: users are contacts with role
    /// user, a user id is a contact's external_id, custom data its custom attributes. Knows nothing of PowerShell.
    /// </summary>
    public sealed partial class IntercomV2Client : IIntercomApi, IUserArchive, ITagListing, ITagRemoval, INoteListing, IConversationInbox
    {
        private readonly ApiTransport _transport;
        private readonly string? _adminId;
        private Task<ConnectionInfo>? _me;

        public IntercomV2Client(IntercomClientOptions options)
        {
            if (options is null) throw new ArgumentNullException(nameof(options));
            options.Validate();
            var token = options.AccessToken ?? throw new ArgumentException("REST API 2.x needs an access token; an app id and API key mean the v1 API (IntercomClient).");
            ApiVersion = options.ApiVersion;
            _adminId = options.AdminId;
            _transport = new ApiTransport(options, new V2Dialect(token, options.ApiVersion));
            Raw = new RawApi(_transport, RawPaging.Cursor);
        }

        public RawApi Raw { get; }

        public IntercomProtocol Protocol => IntercomProtocol.V2;

        public string ApiVersion { get; }

        public Uri BaseUri => _transport.BaseUri;

        public TimeSpan Timeout => _transport.Timeout;

        public RateLimitStatus? RateLimit => _transport.RateLimit;

        public RetryPolicy Retry => _transport.Retry;

        /// <summary>What REST API 2.x can do, from the Intercom-Version this session asks for ("Unstable" is past every number).</summary>
        public bool Supports(Capability capability) =>
            capability.SinceV2 is { } since && (ApiVersion == "Unstable" || Version.Parse(ApiVersion) >= Version.Parse(since));

        public string DescribeCredential() => $"the access token at {BaseUri} (REST API {ApiVersion})";

        public string Describe(ConnectionInfo connection, bool brief) => brief
            ? $"{connection.WorkspaceName ?? connection.WorkspaceId} as {connection.AdminName ?? connection.AdminEmail ?? connection.AdminId} at {BaseUri} (REST API {ApiVersion})"
            : $"Intercom workspace '{connection.WorkspaceName}' ({connection.WorkspaceId}) as {connection.AdminName} <{connection.AdminEmail}> at {BaseUri}, REST API {ApiVersion}";

        /// <summary>GET /me: the admin the token belongs to and their workspace. Kept for the admin-written calls (notes).</summary>
        public Task<ConnectionInfo> CheckConnectionAsync(CancellationToken cancellationToken = default)
        {
            var me = MeAsync(cancellationToken);
            _me = me;
            return _adminId is null ? me : CheckAdminAsync(me, _adminId, cancellationToken);
        }

        /// <summary>
        /// Connect-Intercom's -AdminId, checked with the token: an id of no admin would otherwise be taken, and fail every
        /// note, reply and assignment later as "Admin not found", far from its cause.
        /// </summary>
        private async Task<ConnectionInfo> CheckAdminAsync(Task<ConnectionInfo> me, string adminId, CancellationToken cancellationToken)
        {
            var connection = await me.ConfigureAwait(false);
            try
            {
                await GetAdminAsync(adminId, cancellationToken).ConfigureAwait(false);
            }
            catch (IntercomApiException failure) when (failure.StatusCode == HttpStatusCode.NotFound)
            {
                throw new IntercomLookupException(failure.Method, failure.RequestUri, IntercomApiException.NotFoundType,
                    $"No admin of the workspace has the id '{adminId}': -AdminId names the admin that notes, replies and conversation actions are written by (Get-IntercomAdmin lists them).");
            }
            return connection;
        }

        private async Task<ConnectionInfo> MeAsync(CancellationToken cancellationToken)
        {
            var me = await SendAsync(HttpMethod.Get, "me", null, V2JsonContext.Default.AdminWithApp, idempotent: true, cancellationToken).ConfigureAwait(false);
            return new ConnectionInfo
            {
                WorkspaceId = me.App?.IdCode,
                WorkspaceName = me.App?.Name,
                AdminId = me.Id,
                AdminName = me.Name,
                AdminEmail = me.Email,
                TimeZone = me.App?.TimeZone,
            };
        }

                /// <summary>The session's admin, who writes notes and conversation actions unless told otherwise: Connect-Intercom's -AdminId, else the token's own (GET /me, asked once).</summary>
        internal async Task<string> AdminIdAsync(CancellationToken cancellationToken) =>
            _adminId ?? (await KnownMeAsync(cancellationToken).ConfigureAwait(false)).AdminId!;

        /// <summary>The workspace's time zone, as GET /me said it when the session connected (asked again only if that failed).</summary>
        internal async Task<string?> TimeZoneAsync(CancellationToken cancellationToken) => (await KnownMeAsync(cancellationToken).ConfigureAwait(false)).TimeZone;

        private Task<ConnectionInfo> KnownMeAsync(CancellationToken cancellationToken)
        {
            var known = _me;
            if (known is null || known.IsFaulted || known.IsCanceled) _me = known = MeAsync(cancellationToken);
            return known;
        }

        /// <summary>
        /// The contact id a user identity names: its own <see cref="UserIdentity.Id"/>, else the user with its external
        /// id (<see cref="ByExternalIdAsync"/>, which sees a contact made a moment ago), else one search on email (role
        /// user), which may not see one for minutes. No match is not_found; several are ambiguous_user, never a guess.
        /// </summary>
        internal async Task<string> ContactIdAsync(UserIdentity user, CancellationToken cancellationToken)
        {
            if (user.Id is { } id) return id;
            if (user.UserId is not null) return (await ByExternalIdAsync(user, cancellationToken).ConfigureAwait(false)).Id!;
            var found = await SendAsync(HttpMethod.Post, "contacts/search", writer => ContactLookup.WriteSearch(writer, user, ContactLookup.ProbeSize),
                V2JsonContext.Default.ContactRefList, idempotent: true, cancellationToken).ConfigureAwait(false);
            ContactLookup.RequireOne(user, found.TotalCount, found.Data.Length, found.Data.Length > 0 ? found.Data[0].Id : null, new Uri(BaseUri, "contacts/search"));
            return found.Data[0].Id!;
        }

        /// <summary>
        /// GET /contacts/find_by_external_id/{id}: the user with that external id, seen at once (searches lag behind new
        /// contacts by minutes). A 404, or a contact that is not a user, is the lookup's own not_found (an IntercomLookupException).
        /// </summary>
        internal async Task<Contact> ByExternalIdAsync(UserIdentity user, CancellationToken cancellationToken)
        {
            var path = "contacts/find_by_external_id/" + Uri.EscapeDataString(user.UserId!);
            Contact contact;
            try
            {
                contact = await SendAsync(HttpMethod.Get, path, null, V2JsonContext.Default.Contact, idempotent: true, cancellationToken).ConfigureAwait(false);
            }
            catch (IntercomApiException missing) when (missing.StatusCode == HttpStatusCode.NotFound)
            {
                throw ContactLookup.NoneFound(user, missing.Method, missing.RequestUri);
            }
            if (contact.Role is { } role && role != "user") throw ContactLookup.NoneFound(user, "GET", new Uri(BaseUri, path));
            return contact;
        }

        internal Task<T> SendAsync<T>(HttpMethod method, string relativeUri, Action<Utf8JsonWriter>? writeBody, JsonTypeInfo<T> answerType, bool idempotent, CancellationToken cancellationToken) =>
            _transport.SendAsync(method, relativeUri, writeBody, answerType, idempotent, cancellationToken);

        public void Dispose() => _transport.Dispose();

        public override string ToString() => $"Intercom REST API {ApiVersion} at {BaseUri}";
    }
}
