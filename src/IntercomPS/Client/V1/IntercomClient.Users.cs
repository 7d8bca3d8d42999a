using System;
using System.Net.Http;
using System.Threading;
using System.Threading.Tasks;
using IntercomPS.Client.V1.Wire;

namespace IntercomPS.Client.V1
{
    /// <summary>The /users resource.</summary>
    public sealed partial class IntercomClient
    {
        public int MaxUserPageSize => UserListQuery.MaxPageSize;

        public Task<User> GetUserAsync(UserIdentity user, CancellationToken cancellationToken = default) =>
            SendAsync(HttpMethod.Get, "users?" + V1Requests.Query(user), null, V1JsonContext.Default.User, Wire.User.Read, idempotent: true, cancellationToken);

        /// <summary>
        /// Streams the list page by page, in order: see <see cref="UserPager"/>. Dispose the pager when done, or
        /// the pages it requested ahead go on being fetched.
        /// </summary>
        public UserPager ListUserPages(UserListQuery query, int pagesAhead = Concurrency.PagesAhead, int? lastPage = null, CancellationToken cancellationToken = default) =>
            new UserPager(this, query, pagesAhead, lastPage, cancellationToken);

        public IUserReader ListUsers(UserListQuery query, int? lastPage = null, CancellationToken cancellationToken = default) =>
            ListUserPages(query, Concurrency.PagesAhead, lastPage, cancellationToken);

        public Task<UserPage> ListUsersAsync(UserListQuery query, CancellationToken cancellationToken = default) =>
            SendAsync(HttpMethod.Get, "users?" + V1Requests.Query(query), null, V1JsonContext.Default.UserPage, Wire.UserPage.Read, idempotent: true, cancellationToken);

        /// <summary>A page of the list whose answer is read only when the pager takes it (<see cref="UnreadAnswer{T}"/>).</summary>
        internal Task<UnreadAnswer<UserPage>> ListUsersUnreadAsync(UserListQuery query, CancellationToken cancellationToken) =>
            _transport.SendUnreadAsync(HttpMethod.Get, "users?" + V1Requests.Query(query), V1JsonContext.Default.UserPage, Wire.UserPage.Read, idempotent: true, cancellationToken);

        /// <summary>POST: creates the user, or updates the one with the same user_id (else email).</summary>
        public Task<User> CreateOrUpdateUserAsync(UserChanges changes, CancellationToken cancellationToken = default) =>
            WriteUserAsync(HttpMethod.Post, changes, cancellationToken);

        /// <summary>PUT: updates an existing user; an unknown user is a not_found error.</summary>
        public Task<User> UpdateUserAsync(UserChanges changes, CancellationToken cancellationToken = default) =>
            WriteUserAsync(HttpMethod.Put, changes, cancellationToken);

        private Task<User> WriteUserAsync(HttpMethod method, UserChanges changes, CancellationToken cancellationToken) =>
            SendAsync(method, "users", writer => V1Requests.WriteUser(writer, changes), V1JsonContext.Default.User, Wire.User.Read, idempotent: true, cancellationToken);

        /// <summary>Deletes the user with their conversations; returns the user as it was.</summary>
        public Task<User> DeleteUserAsync(UserIdentity user, CancellationToken cancellationToken = default) =>
            SendAsync(HttpMethod.Delete, "users", writer => V1Requests.WriteUser(writer, user), V1JsonContext.Default.User, Wire.User.Read, idempotent: false, cancellationToken);
    }
}
