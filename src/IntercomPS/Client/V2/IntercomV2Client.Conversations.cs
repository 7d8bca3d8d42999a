using System;
using System.Threading;
using System.Threading.Tasks;

namespace IntercomPS.Client
{
    /// <summary>Message threads as conversations (TO BE WRITTEN: the records engineer replaces every member here).</summary>
    public sealed partial class IntercomV2Client
    {
        public Task<MessageThread[]> GetMessageThreadsAsync(UserIdentity user, string? currentUrl = null, CancellationToken cancellationToken = default) => throw new NotImplementedException();

        public Task<MessageThread> GetMessageThreadAsync(UserIdentity user, long threadId, CancellationToken cancellationToken = default) => throw new NotImplementedException();

        public Task<MessageThread> CreateMessageThreadAsync(UserIdentity user, string body, string? url = null, CancellationToken cancellationToken = default) => throw new NotImplementedException();

        public Task<MessageThread> ReplyToMessageThreadAsync(UserIdentity user, long threadId, string body, string? url = null, CancellationToken cancellationToken = default) => throw new NotImplementedException();

        public Task<MessageThread> MarkMessageThreadAsync(UserIdentity user, long threadId, bool read, CancellationToken cancellationToken = default) => throw new NotImplementedException();

        public Task<MessageThread> SetMessageThreadStateAsync(UserIdentity user, long threadId, string state, DateTime? snoozedUntil, CancellationToken cancellationToken = default) => throw new NotImplementedException();
    }
}
