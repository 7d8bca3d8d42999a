using System;
using System.Net.Http;
using System.Threading;
using System.Threading.Tasks;
using IntercomPS.Json;

namespace IntercomPS.Client.V1
{
    /// <summary>The /users resource.</summary>
    public sealed partial class IntercomClient
    {
        public int MaxUserPageSize => UserListQuery.MaxPageSize;

        public Task<User> GetUserAsync(UserIdentity user, CancellationToken cancellationToken = default) =>
            SendAsync(HttpMethod.Get, "users?" + user.ToQuery(), null, IntercomJsonContext.Default.User, idempotent: true, cancellationToken);

        /// <summary>
        /// Streams the list page by page, in order: see <see cref="UserPager"/>. Dispose the pager when done, or
        /// the pages it requested ahead go on being fetched.
        /// </summary>
        public UserPager ListUserPages(UserListQuery query, int pagesAhead = UserPager.DefaultPagesAhead, int? lastPage = null, CancellationToken cancellationToken = default) =>
            new UserPager(this, query, pagesAhead, lastPage, cancellationToken);

        public IUserReader ListUsers(UserListQuery query, int? lastPage = null, CancellationToken cancellationToken = default) =>
            ListUserPages(query, UserPager.DefaultPagesAhead, lastPage, cancellationToken);

        public Task<UserPage> ListUsersAsync(UserListQuery query, CancellationToken cancellationToken = default) =>
            SendAsync(HttpMethod.Get, "users?" + query.ToQuery(), null, IntercomJsonContext.Default.UserPage, idempotent: true, cancellationToken);

        /// <summary>POST: creates the user, or updates the one with the same user_id (else email).</summary>
        public Task<User> CreateOrUpdateUserAsync(UserChanges changes, CancellationToken cancellationToken = default) =>
            SendAsync(HttpMethod.Post, "users", Supported(changes).WriteTo, IntercomJsonContext.Default.User, idempotent: true, cancellationToken);

        /// <summary>PUT: updates an existing user; an unknown user is a not_found error.</summary>
        public Task<User> UpdateUserAsync(UserChanges changes, CancellationToken cancellationToken = default) =>
            SendAsync(HttpMethod.Put, "users", Supported(changes).WriteTo, IntercomJsonContext.Default.User, idempotent: true, cancellationToken);

        /// <summary>Deletes the user with their conversations; returns the user as it was.</summary>
        public Task<User> DeleteUserAsync(UserIdentity user, CancellationToken cancellationToken = default) =>
            SendAsync(HttpMethod.Delete, "users", writer => { writer.WriteStartObject(); user.WriteTo(writer); writer.WriteEndObject(); }, IntercomJsonContext.Default.User, idempotent: false, cancellationToken);

        /// <summary>The 2.x fields v1 users have no place for: refused before anything is sent, never silently dropped.</summary>
        private static UserChanges Supported(UserChanges changes) =>
            changes.Phone is null ? changes
                : throw new NotSupportedException("v1 users have no phone, so nothing was written: leave -Phone out (for a CSV, drop the column), " +
                    "or connect to REST API 2.x with Connect-Intercom -AccessToken, where users have one.");

        public Task<User> ArchiveUserAsync(UserIdentity user, bool archive, CancellationToken cancellationToken = default) =>
            throw OnlyOnV2(archive ? "Archiving a user" : "Unarchiving a user");
    }
}
