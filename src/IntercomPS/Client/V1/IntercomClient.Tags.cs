using System;
using System.Net.Http;
using System.Threading;
using System.Threading.Tasks;
using IntercomPS.Json;

namespace IntercomPS.Client.V1
{
    /// <summary>The /tags resource.</summary>
    public sealed partial class IntercomClient
    {
        public Task<Tag> GetTagAsync(string name, CancellationToken cancellationToken = default) =>
            SendAsync(HttpMethod.Get, "tags?name=" + Uri.EscapeDataString(name), null, IntercomJsonContext.Default.Tag, idempotent: true, cancellationToken);

        /// <summary>v1 has no listing to share between names: each name is its own GET /tags?name=.</summary>
        public TagFinder NewTagFinder() => GetTagAsync;

        public Task<Tag[]> ListTagsAsync(CancellationToken cancellationToken = default) =>
            throw OnlyOnV2("Listing every tag");

        /// <summary>POST: creates the tag, or updates it when the name exists; tags or untags the given users.</summary>
        public Task<Tag> SaveTagAsync(TagChanges changes, CancellationToken cancellationToken = default) =>
            SendAsync(HttpMethod.Post, "tags", changes.WriteTo, IntercomJsonContext.Default.Tag, idempotent: true, cancellationToken);

        /// <summary>PUT: updates an existing tag (not_found otherwise); tags or untags the given users.</summary>
        public Task<Tag> UpdateTagAsync(TagChanges changes, CancellationToken cancellationToken = default) =>
            SendAsync(HttpMethod.Put, "tags", changes.WriteTo, IntercomJsonContext.Default.Tag, idempotent: true, cancellationToken);
    }
}
