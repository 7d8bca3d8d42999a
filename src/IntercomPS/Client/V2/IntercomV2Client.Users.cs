using System;
using System.Linq;
using System.Net;
using System.Net.Http;
using System.Text.Json;
using System.Threading;
using System.Threading.Tasks;
using IntercomPS.Json;

namespace IntercomPS.Client.V2
{
    /// <summary>Users as contacts with role user: /contacts, its search, archive, unarchive and block.</summary>
    public sealed partial class IntercomV2Client : IUserBlocking
    {
        /// <summary>The most contacts a 2.x list or search returns in one page.</summary>
        public const int MaxContactPageSize = 150;

        public int MaxUserPageSize => MaxContactPageSize;

        /// <summary>GET /contacts/{id} when the identity has the contact id, else the one search on external id or email.</summary>
        public async Task<User> GetUserAsync(UserIdentity user, CancellationToken cancellationToken = default) =>
            (await FindContactAsync(user, cancellationToken).ConfigureAwait(false)).ToUser();

        public IUserReader ListUsers(UserListQuery query, int? lastPage = null, CancellationToken cancellationToken = default) =>
            new ContactSearchReader(query, lastPage, (tagId, partition, cursor, token) => SearchUsersAsync(query.PageSize, tagId, partition, cursor, token),
                new Uri(BaseUri, "contacts/search"), ResolveTagIdAsync, cancellationToken);

        /// <summary>
        /// Updates the user found by contact id, external id or email (PUT /contacts/{id}), else creates it (POST
        /// /contacts with role user). A 409 on the create means the contact exists after all (another writer, an earlier
        /// attempt whose answer was lost, or a contact made minutes ago that the email search does not see yet): then the
        /// user the 409 names is updated. That is also why the create may be retried like an idempotent request: a
        /// repeat cannot make a second contact, only that 409. By user id nothing lags: find_by_external_id sees it at once.
        /// </summary>
        public async Task<User> CreateOrUpdateUserAsync(UserChanges changes, CancellationToken cancellationToken = default)
        {
            var identity = changes.Identity;
            if (identity.Id is { } id)
            {
                try
                {
                    return await PutContactAsync(id, changes, cancellationToken).ConfigureAwait(false);
                }
                catch (IntercomApiException missing) when (missing.StatusCode == HttpStatusCode.NotFound && (identity.UserId is not null || identity.Email is not null))
                {
                    // A contact id of another workspace (an export being imported): the user id or email decides.
                    identity = new UserIdentity(identity.UserId, identity.Email);
                }
            }

            var found = await TryContactIdAsync(identity, cancellationToken).ConfigureAwait(false);
            if (found is not null) return await PutContactAsync(found, changes, cancellationToken).ConfigureAwait(false);
            IntercomApiException conflict;
            try
            {
                var created = await SendAsync(HttpMethod.Post, "contacts", writer => WriteContact(writer, changes, newRole: "user"),
                    V2JsonContext.Default.Contact, idempotent: true, cancellationToken).ConfigureAwait(false);
                return created.ToUser();
            }
            catch (IntercomApiException exists) when (exists.StatusCode == HttpStatusCode.Conflict)
            {
                conflict = exists;
            }
            catch (IntercomApiException failure) when (UndefinedAttribute(failure, changes) is { } explained)
            {
                throw explained;
            }

            // It exists: the user the 409 names (seen at once, where a search may not see a contact made minutes ago),
            // else found again as before, or (a user id new to a user known by email) by the email, which it then gains.
            var existing = await NamedUserAsync(conflict, cancellationToken).ConfigureAwait(false)
                ?? await TryContactIdAsync(identity, cancellationToken).ConfigureAwait(false)
                ?? (identity.UserId is not null && identity.Email is not null ? await TryContactIdAsync(new UserIdentity(null, identity.Email), cancellationToken).ConfigureAwait(false) : null);
            if (existing is null) throw conflict; // held by a contact that is not a user (a lead): the 409 names it
            return await PutContactAsync(existing, changes, cancellationToken).ConfigureAwait(false);
        }

        /// <summary>
        /// The user a create's 409 names ("A contact matching those details already exists with id=..."), read by id,
        /// which sees it at once; null when the message names none or names a contact that is not a user (a lead).
        /// </summary>
        private async Task<string?> NamedUserAsync(IntercomApiException conflict, CancellationToken cancellationToken)
        {
            var named = ConflictHolder.Match(conflict.ApiMessage);
            if (!named.Success) return null;
            var contact = await SendAsync(HttpMethod.Get, "contacts/" + named.Groups[1].Value, null, V2JsonContext.Default.Contact, idempotent: true, cancellationToken).ConfigureAwait(false);
            return contact.Role is null or "user" ? contact.Id : null;
        }

        private static readonly System.Text.RegularExpressions.Regex ConflictHolder = new System.Text.RegularExpressions.Regex(@"\bid=([0-9a-f]{24})\b", System.Text.RegularExpressions.RegexOptions.CultureInvariant);

        /// <summary>PUT /contacts/{id} of the user found; none is not_found, and nothing is created.</summary>
        public async Task<User> UpdateUserAsync(UserChanges changes, CancellationToken cancellationToken = default)
        {
            var id = await ContactIdAsync(changes.Identity, cancellationToken).ConfigureAwait(false);
            return await PutContactAsync(id, changes, cancellationToken).ConfigureAwait(false);
        }

        /// <summary>DELETE /contacts/{id}, which answers only the ids: the user is read first, to return it as it was.</summary>
        public async Task<User> DeleteUserAsync(UserIdentity user, CancellationToken cancellationToken = default)
        {
            var contact = await FindContactAsync(user, cancellationToken).ConfigureAwait(false);
            await SendAsync(HttpMethod.Delete, "contacts/" + Uri.EscapeDataString(contact.Id!), null, V2JsonContext.Default.ContactReference,
                idempotent: false, cancellationToken).ConfigureAwait(false);
            return contact.ToUser();
        }

        /// <summary>
        /// POST /contacts/{id}/archive (or /unarchive), then the contact as it is now. Archived contacts leave searches,
        /// so one is brought back by its contact id or user id (neither searches); by email it is not found, and the error says so.
        /// </summary>
        public async Task<User> ArchiveUserAsync(UserIdentity user, bool archive, CancellationToken cancellationToken = default)
        {
            string id;
            try
            {
                id = await ContactIdAsync(user, cancellationToken).ConfigureAwait(false);
            }
            catch (IntercomLookupException missing) when (!archive && missing.FoundNone)
            {
                throw new IntercomLookupException(missing.Method, missing.RequestUri, missing.ErrorType,
                    missing.ApiMessage + " Archived users are left out of searches, so unarchive one by its contact id or user id: -Id or -UserId, or pipe the user Remove-IntercomUser -Archive -PassThru returned.");
            }

            var path = "contacts/" + Uri.EscapeDataString(id);
            await SendAsync(HttpMethod.Post, path + (archive ? "/archive" : "/unarchive"), null, V2JsonContext.Default.ContactReference,
                idempotent: true, cancellationToken).ConfigureAwait(false);
            var contact = await SendAsync(HttpMethod.Get, path, null, V2JsonContext.Default.Contact, idempotent: true, cancellationToken).ConfigureAwait(false);
            return contact.ToUser(archived: archive);
        }

        /// <summary>
        /// Finds the contact (as Remove-IntercomUser does, so an unknown user is not_found before anything is written), then
        /// POST /contacts/{id}/block, which closes its conversations. The description says nothing of blocking twice, so
        /// the block is sent as not idempotent: a lost answer, a timeout or a 5xx is an error that may have been applied,
        /// never repeated. The user is the contact as found: a block changes no field of it.
        /// </summary>
        public async Task<User> BlockUserAsync(UserIdentity user, CancellationToken cancellationToken = default)
        {
            var contact = await FindContactAsync(user, cancellationToken).ConfigureAwait(false);
            await SendAsync(HttpMethod.Post, "contacts/" + Uri.EscapeDataString(contact.Id!) + "/block", null, V2JsonContext.Default.ContactReference,
                idempotent: false, cancellationToken).ConfigureAwait(false);
            return contact.ToUser();
        }

        /// <summary>The whole contact: by id (GET), by external id, else by the lookup search, which returns whole contacts anyway.</summary>
        private async Task<Contact> FindContactAsync(UserIdentity user, CancellationToken cancellationToken)
        {
            if (user.Id is { } id)
                return await SendAsync(HttpMethod.Get, "contacts/" + Uri.EscapeDataString(id), null, V2JsonContext.Default.Contact, idempotent: true, cancellationToken).ConfigureAwait(false);
            if (user.UserId is not null) return await ByExternalIdAsync(user, cancellationToken).ConfigureAwait(false);
            var found = await SendAsync(HttpMethod.Post, "contacts/search", writer => ContactLookup.WriteSearch(writer, user, ContactLookup.ProbeSize),
                V2JsonContext.Default.ContactList, idempotent: true, cancellationToken).ConfigureAwait(false);
            ContactLookup.RequireOne(user, found.TotalCount, found.Data.Length, found.Data.Length > 0 ? found.Data[0].Id : null, new Uri(BaseUri, "contacts/search"));
            return found.Data[0];
        }

        private async Task<string?> TryContactIdAsync(UserIdentity user, CancellationToken cancellationToken)
        {
            try
            {
                return await ContactIdAsync(user, cancellationToken).ConfigureAwait(false);
            }
            catch (IntercomLookupException missing) when (missing.FoundNone)
            {
                return null;
            }
        }

        private async Task<User> PutContactAsync(string id, UserChanges changes, CancellationToken cancellationToken)
        {
            try
            {
                var updated = await SendAsync(HttpMethod.Put, "contacts/" + Uri.EscapeDataString(id), writer => WriteContact(writer, changes, newRole: null),
                    V2JsonContext.Default.Contact, idempotent: true, cancellationToken).ConfigureAwait(false);
                return updated.ToUser();
            }
            catch (IntercomApiException failure) when (UndefinedAttribute(failure, changes) is { } explained)
            {
                throw explained;
            }
        }

        /// <summary>
        /// 2.x writes only the custom attributes a workspace has defined (v1 made them on first use). Its refusal
        /// (a 400 parameter_not_found, all else of the contact being given) names the attribute; this adds what to do about it.
        /// </summary>
        private static IntercomApiException? UndefinedAttribute(IntercomApiException failure, UserChanges changes) =>
            changes.CustomData is { Count: > 0 } && failure.StatusCode == HttpStatusCode.BadRequest && failure.ErrorType == V2Dialect.ParameterNotFound
                ? new IntercomApiException(failure.Method, failure.RequestUri, failure.StatusCode, failure.ErrorType,
                    failure.ApiMessage + ". REST API 2.x writes only the custom attributes the workspace has defined (v1 created them on first use): " +
                    "define it with New-IntercomDataAttribute (model contact; POST /data_attributes) or in Intercom (Settings > Data > People), or leave it out of -CustomData.",
                    innerException: failure, requestId: failure.RequestId)
                : null;

        /// <summary>
        /// The contact fields a change sets. The contact id is in the path, never the body.
        /// v1's last seen IP and agent and companies have no contact field: the capability table refuses them first.
        /// </summary>
        /// <param name="newRole">The role of a contact being created (user, or lead for New-IntercomLead); null for an update.</param>
        internal static void WriteContact(Utf8JsonWriter writer, UserChanges changes, string? newRole)
        {
            writer.WriteStartObject();
            if (newRole is not null) writer.WriteString("role", newRole);
            if (changes.Identity.UserId is { } externalId) writer.WriteString("external_id", externalId);
            if (changes.Identity.Email is { } email) writer.WriteString("email", email);
            if (changes.Name is not null) writer.WriteString("name", changes.Name);
            if (changes.Phone is not null) writer.WriteString("phone", changes.Phone);
            if (changes.CreatedAt is { } created) writer.WriteNumber("signed_up_at", UnixTime.FromDateTime(created));
            if (changes.LastRequestAt is { } seen) writer.WriteNumber("last_seen_at", UnixTime.FromDateTime(seen));
            if (changes.UnsubscribedFromEmails is { } unsubscribed) writer.WriteBoolean("unsubscribed_from_emails", unsubscribed);
            if (changes.CustomData is not null)
            {
                writer.WritePropertyName("custom_attributes");
                FlatJson.WriteObject(writer, changes.CustomData, "CustomData");
            }
            writer.WriteEndObject();
        }

        /// <summary>One page of the user listing's search: role user, of a tag and of one id partition when given, oldest first.</summary>
        private Task<ContactList> SearchUsersAsync(int perPage, string? tagId, char? partition, string? cursor, CancellationToken cancellationToken) =>
            SendAsync(HttpMethod.Post, "contacts/search", writer =>
            {
                writer.WriteStartObject();
                writer.WriteStartObject("query");
                writer.WriteString("operator", "AND");
                writer.WriteStartArray("value");
                ContactLookup.WriteFilter(writer, "role", "=", "user");
                if (tagId is not null) ContactLookup.WriteFilter(writer, "tag_id", "=", tagId);
                if (partition is { } digit) ContactLookup.WriteFilter(writer, "id", "$", digit.ToString());
                writer.WriteEndArray();
                writer.WriteEndObject();
                ContactLookup.WritePageOldestFirst(writer, perPage, cursor);
                writer.WriteEndObject();
            }, V2JsonContext.Default.ContactList, idempotent: true, cancellationToken);

        /// <summary>
        /// The 2.x tag id a listing filters on: -TagId as given (a number there), or the tag -Tag names, from GET /tags.
        /// </summary>
        private async Task<string?> ResolveTagIdAsync(UserListQuery query, CancellationToken cancellationToken)
        {
            if (!string.IsNullOrEmpty(query.TagId))
            {
                if (!query.TagId!.All(c => c >= '0' && c <= '9'))
                    throw new ArgumentException($"On REST API 2.x a tag id is a number, like 17 (Get-IntercomTag shows it); '{query.TagId}' is not one. To list by name, use -Tag.");
                return query.TagId;
            }
            if (string.IsNullOrEmpty(query.TagName)) return null;
            return (await GetTagAsync(query.TagName!, cancellationToken).ConfigureAwait(false)).Id;
        }
    }
}
