using System;
using System.Net.Http;
using System.Threading;
using System.Threading.Tasks;
using IntercomPS.Client.V1.Wire;

namespace IntercomPS.Client.V1
{
    /// <summary>The /tags resource.</summary>
    public sealed partial class IntercomClient
    {
        public Task<Tag> GetTagAsync(string name, CancellationToken cancellationToken = default) =>
            SendAsync(HttpMethod.Get, "tags?name=" + Uri.EscapeDataString(name), null, V1JsonContext.Default.Tag, Wire.Tag.Read, idempotent: true, cancellationToken);

        /// <summary>v1 has no listing to share between names: each name is its own GET /tags?name=.</summary>
        public TagFinder NewTagFinder() => GetTagAsync;

        /// <summary>v1 users do not list their tags, so there is nothing to name.</summary>
        public TagNamer NewTagNamer() => (user, _) => Task.FromResult(user.Tags ?? new UserTags(Array.Empty<Tag>()));

        /// <summary>v1 tags say how many users carry them.</summary>
        public Task<Tag> CountTaggedUsersAsync(Tag tag, CancellationToken cancellationToken = default) => Task.FromResult(tag);

        /// <summary>
        /// POST: creates the tag, or updates it when the name exists; tags or untags the given users. v1 finds the users
        /// itself and skips the ones it does not know, so none is refused, in one request (which the command's own
        /// scheduler bounds: nothing fans out).
        /// </summary>
        public Task<SavedTag> SaveTagAsync(TagChanges changes, RequestScheduler? scheduler = null, CancellationToken cancellationToken = default) =>
            SendAsync(HttpMethod.Post, "tags", writer => V1Requests.WriteTag(writer, changes), V1JsonContext.Default.Tag, tag => new SavedTag(tag.ToModel()), idempotent: true, cancellationToken);

        /// <summary>PUT: updates an existing tag (not_found otherwise); tags or untags the given users.</summary>
        public Task<Tag> UpdateTagAsync(TagChanges changes, CancellationToken cancellationToken = default) =>
            SendAsync(HttpMethod.Put, "tags", writer => V1Requests.WriteTag(writer, changes), V1JsonContext.Default.Tag, Wire.Tag.Read, idempotent: true, cancellationToken);
    }
}
