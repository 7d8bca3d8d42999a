using System;
using System.Globalization;
using System.Linq;
using System.Net.Http;
using System.Text.Json.Serialization;
using System.Threading;
using System.Threading.Tasks;

namespace IntercomPS.Client.V2
{
    /// <summary>A conversation's handling events and side conversations (2.16's GET /conversations/{id}/handling_events and /side_conversations).</summary>
    public sealed partial class IntercomV2Client
    {
        /// <summary>The most GET /conversations/{id}/side_conversations lists on a page (2.16's description).</summary>
        private const int SideConversationPageSize = 50;

        public async Task<HandlingEvent[]> ListHandlingEventsAsync(long threadId, CancellationToken cancellationToken = default)
        {
            var list = await SendAsync(HttpMethod.Get, ConversationPath(threadId) + "/handling_events", null,
                V2JsonContext.Default.HandlingEventList, idempotent: true, cancellationToken).ConfigureAwait(false);
            return list.HandlingEvents.Select(e => new HandlingEvent
            {
                ThreadId = threadId,
                Type = e.Type,
                Timestamp = e.Timestamp,
                Reason = e.Reason,
                TeammateType = e.Teammate?.Type,
                TeammateId = e.Teammate?.Id?.ToString(CultureInfo.InvariantCulture),
                TeammateName = e.Teammate?.Name,
                TeammateEmail = e.Teammate?.Email,
            }).ToArray();
        }

        public IPageReader<SideConversation> ListSideConversations(long threadId, int pageSize = int.MaxValue, CancellationToken cancellationToken = default)
        {
            var perPage = Math.Max(1, Math.Min(pageSize, SideConversationPageSize));
            var path = ConversationPath(threadId) + "/side_conversations";
            var check = new PagedReadCheck(HttpMethod.Get, new Uri(BaseUri, path), "side conversation", perPage, new SeenIds());
            var page = 0;
            var done = false;
            return new PageReader<SideConversation>(async token =>
            {
                if (done) return (null, null);
                page++;
                var list = await SendAsync(HttpMethod.Get, $"{path}?page={page}&per_page={perPage}", null,
                    V2JsonContext.Default.SideConversationList, idempotent: true, token).ConfigureAwait(false);
                check.Page(list.TotalCount, list.SideConversations, side => side.Id, null);
                done = list.SideConversations.Length == 0 || page >= (list.Pages?.TotalPages ?? page);
                return (list.SideConversations.Length == 0 ? null : list.SideConversations.Select(side => ToSideConversation(threadId, side)).ToArray(), list.TotalCount);
            }, cancellationToken);
        }

        /// <summary>
        /// Its parts as a thread's are read, each naming the side conversation (Intercom's own conversation) as its
        /// thread: a piped part is redacted there, never in the conversation the side conversation was started from.
        /// </summary>
        private static SideConversation ToSideConversation(long threadId, SideConversationObject side)
        {
            var sideId = long.TryParse(side.Id, NumberStyles.None, CultureInfo.InvariantCulture, out var id) ? id : 0;
            var parts = side.Parts.Select(part => new ThreadPart
            {
                ThreadId = sideId,
                Id = part.Id,
                Type = part.PartType,
                CreatedAt = part.CreatedAt,
                Html = part.Body,
                From = ToAuthor(part.Author, null),
                AssignedTo = part.AssignedTo is { Type: { } type, Id: { } to } ? $"{type} {to}" : null,
                Redacted = part.Redacted ?? false,
            }).ToArray();
            return new SideConversation { ThreadId = threadId, Id = side.Id, PartCount = side.TotalCount ?? parts.Length, Parts = parts };
        }
    }

    internal sealed class HandlingEventList
    {
        [JsonPropertyName("handling_events")] public HandlingEventObject[] HandlingEvents { get; set; } = Array.Empty<HandlingEventObject>();
    }

    internal sealed class HandlingEventObject : ICheckedAnswer
    {
        string? ICheckedAnswer.Problem => Type is null ? "a handling event without its type" : null;

        [JsonPropertyName("teammate")] public TeammateReference? Teammate { get; set; }
        [JsonPropertyName("type")] public string? Type { get; set; }
        [JsonPropertyName("timestamp")] public DateTime? Timestamp { get; set; }
        [JsonPropertyName("reason")] public string? Reason { get; set; }
    }

    /// <summary>The description's teammate_reference: its id an integer.</summary>
    internal sealed class TeammateReference
    {
        [JsonPropertyName("type")] public string? Type { get; set; }
        [JsonPropertyName("id"), JsonNumberHandling(JsonNumberHandling.AllowReadingFromString)] public long? Id { get; set; }
        [JsonPropertyName("name")] public string? Name { get; set; }
        [JsonPropertyName("email")] public string? Email { get; set; }
    }

    /// <summary>GET /conversations/{id}/side_conversations' side_conversation.list: numbered pages, only total_pages read.</summary>
    internal sealed class SideConversationList
    {
        [JsonPropertyName("side_conversations")] public SideConversationObject[] SideConversations { get; set; } = Array.Empty<SideConversationObject>();
        [JsonPropertyName("total_count")] public int TotalCount { get; set; }
        [JsonPropertyName("pages")] public DeletedConversationPages? Pages { get; set; }
    }

    internal sealed class SideConversationObject : ICheckedAnswer
    {
        string? ICheckedAnswer.Problem => Id is null ? "a side conversation without its side_conversation_id" : null;

        [JsonPropertyName("side_conversation_id")] public string? Id { get; set; }
        [JsonPropertyName("conversation_parts")] public ConversationPart[] Parts { get; set; } = Array.Empty<ConversationPart>();
        [JsonPropertyName("total_count")] public int? TotalCount { get; set; }
    }
}
