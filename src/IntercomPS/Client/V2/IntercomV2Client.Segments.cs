using System;
using System.Linq;
using System.Net.Http;
using System.Text.Json.Serialization;
using System.Threading;
using System.Threading.Tasks;
using IntercomPS.Json;

namespace IntercomPS.Client.V2
{
    /// <summary>Segments: GET /segments (include_count), GET /segments/{id}, and a segment's contacts by a contact search on segment_id.</summary>
    public sealed partial class IntercomV2Client : ISegments
    {
        public async Task<Segment[]> ListSegmentsAsync(bool includeCount, CancellationToken cancellationToken = default)
        {
            var list = await SendAsync(HttpMethod.Get, includeCount ? "segments?include_count=true" : "segments", null, V2JsonContext.Default.SegmentList,
                idempotent: true, cancellationToken).ConfigureAwait(false);
            new PagedReadCheck(HttpMethod.Get, new Uri(BaseUri, "segments"), "segment", 1, new SeenIds()).Items(list.Segments, segment => segment.Id);
            return list.Segments.Select(segment => segment.ToSegment()).ToArray();
        }

        public async Task<Segment> GetSegmentAsync(string id, CancellationToken cancellationToken = default)
        {
            if (string.IsNullOrWhiteSpace(id)) throw new ArgumentException("A segment is named by its id, as Get-IntercomSegment shows it.");
            return (await SendAsync(HttpMethod.Get, "segments/" + Uri.EscapeDataString(id), null, V2JsonContext.Default.SegmentObject, idempotent: true, cancellationToken).ConfigureAwait(false)).ToSegment();
        }

        /// <summary>
        /// POST /contacts/search {segment_id = id}, oldest first, 150 a page, walked by its cursor (checked as every paged
        /// read). The search matches nothing for an id no segment has, so an empty answer reads the segment
        /// (GET /segments/{id}): a mistyped id is its not_found, never an empty segment.
        /// </summary>
        public IPageReader<User> ListSegmentUsers(string segmentId, int pageSize = int.MaxValue, CancellationToken cancellationToken = default)
        {
            if (string.IsNullOrWhiteSpace(segmentId)) throw new ArgumentException("A segment is named by its id, as Get-IntercomSegment shows it.");
            return ContactWalk(writer => ContactLookup.WriteFilter(writer, "segment_id", "=", segmentId), pageSize, cancellationToken,
                whenNone: token => GetSegmentAsync(segmentId, token));
        }

        /// <summary>
        /// The contacts one search filter matches, oldest first, walked by the search's cursor one page after the
        /// other: for the listings that are not worth 16 parts (a segment's, the leads). <paramref name="whenNone"/>,
        /// when given, runs when the search matches nothing, and throws when that is because what it names does not exist.
        /// At most <paramref name="pageSize"/> a page (<see cref="MaxContactPageSize"/> when larger).
        /// </summary>
        private IPageReader<User> ContactWalk(Action<System.Text.Json.Utf8JsonWriter> writeQuery, int pageSize, CancellationToken cancellationToken,
            Func<CancellationToken, Task>? whenNone = null)
        {
            var perPage = Math.Max(1, Math.Min(pageSize, MaxContactPageSize));
            var check = new PagedReadCheck(HttpMethod.Post, new Uri(BaseUri, "contacts/search"), "contact", perPage, new SeenIds());
            string? cursor = null;
            var done = false;
            return new PageReader<User>(async token =>
            {
                if (done) return (null, null);
                var after = cursor;
                var page = await SendAsync(HttpMethod.Post, "contacts/search", writer =>
                {
                    writer.WriteStartObject();
                    writer.WritePropertyName("query");
                    writeQuery(writer);
                    ContactLookup.WritePageOldestFirst(writer, perPage, after);
                    writer.WriteEndObject();
                }, V2JsonContext.Default.ContactList, idempotent: true, token).ConfigureAwait(false);
                check.Page(page.TotalCount, page.Data, contact => contact.Id, page.Next);
                if (after is null && page.Data.Length == 0 && whenNone is not null) await whenNone(token).ConfigureAwait(false);
                cursor = page.Next;
                done = cursor is null;
                return (page.Data.Length == 0 && done ? null : page.Data.Select(contact => contact.ToUser()).ToArray(), page.TotalCount);
            }, cancellationToken);
        }
    }

    internal sealed class SegmentObject : ICheckedAnswer
    {
        string? ICheckedAnswer.Problem => Id is null ? "a segment without an id" : null;

        [JsonPropertyName("id")] public string? Id { get; set; }
        [JsonPropertyName("name")] public string? Name { get; set; }
        [JsonPropertyName("person_type")] public string? PersonType { get; set; }
        [JsonPropertyName("count")] public long? Count { get; set; }
        [JsonPropertyName("created_at"), JsonConverter(typeof(UnixTimeConverter))] public DateTime? CreatedAt { get; set; }
        [JsonPropertyName("updated_at"), JsonConverter(typeof(UnixTimeConverter))] public DateTime? UpdatedAt { get; set; }

        public Segment ToSegment() => new Segment { Id = Id, Name = Name, PersonType = PersonType, Count = Count, CreatedAt = CreatedAt, UpdatedAt = UpdatedAt };
    }

    internal sealed class SegmentList
    {
        [JsonPropertyName("segments")] public SegmentObject[] Segments { get; set; } = Array.Empty<SegmentObject>();
    }
}
