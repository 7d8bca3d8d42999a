using System;
using System.Threading;
using System.Threading.Tasks;

namespace IntercomPS.Client
{
    /// <summary>Tags, notes and impressions (TO BE WRITTEN: the records engineer replaces every member here).</summary>
    public sealed partial class IntercomV2Client
    {
        public Task<Note> AddNoteAsync(UserIdentity user, string body, CancellationToken cancellationToken = default) => throw new NotImplementedException();

        public Task<ImpressionResult> CreateImpressionAsync(UserIdentity user, string? userIp = null, string? userAgent = null, string? currentUrl = null, CancellationToken cancellationToken = default) => throw new NotImplementedException();

        public Task<Tag> GetTagAsync(string name, CancellationToken cancellationToken = default) => throw new NotImplementedException();

        public Task<Tag[]> ListTagsAsync(CancellationToken cancellationToken = default) => throw new NotImplementedException();

        public Task<Tag> SaveTagAsync(TagChanges changes, CancellationToken cancellationToken = default) => throw new NotImplementedException();
    }
}
