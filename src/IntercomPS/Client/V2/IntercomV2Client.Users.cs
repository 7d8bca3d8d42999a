using System;
using System.Threading;
using System.Threading.Tasks;

namespace IntercomPS.Client
{
    /// <summary>Users as contacts with role user (TO BE WRITTEN: the users engineer replaces every member here).</summary>
    public sealed partial class IntercomV2Client
    {
        public Task<User> GetUserAsync(UserIdentity user, CancellationToken cancellationToken = default) => throw new NotImplementedException();

        public IUserReader ListUsers(UserListQuery query, int? lastPage = null, CancellationToken cancellationToken = default) => throw new NotImplementedException();

        public Task<User> CreateOrUpdateUserAsync(UserChanges changes, CancellationToken cancellationToken = default) => throw new NotImplementedException();

        public Task<User> UpdateUserAsync(UserChanges changes, CancellationToken cancellationToken = default) => throw new NotImplementedException();

        public Task<User> DeleteUserAsync(UserIdentity user, CancellationToken cancellationToken = default) => throw new NotImplementedException();

        public Task<User> ArchiveUserAsync(UserIdentity user, bool archive, CancellationToken cancellationToken = default) => throw new NotImplementedException();
    }
}
