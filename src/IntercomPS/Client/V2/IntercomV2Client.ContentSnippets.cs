using System;
using System.Collections.Generic;
using System.Linq;
using System.Net.Http;
using System.Text.Json;
using System.Text.Json.Serialization;
using System.Threading;
using System.Threading.Tasks;
using IntercomPS.Json;

namespace IntercomPS.Client.V2
{
    /// <summary>Content snippets (Intercom-Version 2.16 on): GET /content_snippets (numbered pages), GET, POST, PUT and DELETE /content_snippets/{id}, and their tags.</summary>
    public sealed partial class IntercomV2Client : IContentSnippets
    {
        /// <summary>The most GET /content_snippets gives a page.</summary>
        internal const int ContentSnippetsPageSize = 50;

        public IPageReader<ContentSnippet> ListContentSnippets(CancellationToken cancellationToken = default) =>
            new NumberedWalk<ContentSnippetObject, ContentSnippet>(new Uri(BaseUri, "content_snippets"), "a content snippet", ContentSnippetsPageSize, async (page, token) =>
            {
                var list = await SendAsync(HttpMethod.Get, $"content_snippets?page={page}&per_page={ContentSnippetsPageSize}", null, V2JsonContext.Default.ContentSnippetList,
                    idempotent: true, token).ConfigureAwait(false);
                return (list.Data ?? Array.Empty<ContentSnippetObject>(), list.TotalCount, list.TotalPages);
            }, item => item.Id, item => item.ToContentSnippet(), cancellationToken);

        public async Task<ContentSnippet> GetContentSnippetAsync(string id, CancellationToken cancellationToken = default) =>
            (await SendAsync(HttpMethod.Get, ContentSnippetPath(id), null, V2JsonContext.Default.ContentSnippetObject, idempotent: true, cancellationToken)
                .ConfigureAwait(false)).ToContentSnippet();

        public async Task<ContentSnippet> CreateContentSnippetAsync(ContentSnippetChanges snippet, CancellationToken cancellationToken = default)
        {
            if (string.IsNullOrWhiteSpace(snippet.Title)) throw new ArgumentException("A new content snippet needs a title.");
            if (string.IsNullOrWhiteSpace(snippet.Body)) throw new ArgumentException("A new content snippet needs a body (markdown).");
            return (await SendAsync(HttpMethod.Post, "content_snippets", writer => Write(writer, snippet), V2JsonContext.Default.ContentSnippetObject,
                idempotent: false, cancellationToken).ConfigureAwait(false)).ToContentSnippet();
        }

        public async Task<ContentSnippet> UpdateContentSnippetAsync(string id, ContentSnippetChanges changes, CancellationToken cancellationToken = default)
        {
            if (changes.IsEmpty) throw new ArgumentException("Nothing to change: give the title, body, locale or an AI availability.");
            return (await SendAsync(HttpMethod.Put, ContentSnippetPath(id), writer => Write(writer, changes), V2JsonContext.Default.ContentSnippetObject,
                idempotent: true, cancellationToken).ConfigureAwait(false)).ToContentSnippet();
        }

        public Task DeleteContentSnippetAsync(string id, CancellationToken cancellationToken = default) =>
            SendAsync(HttpMethod.Delete, ContentSnippetPath(id), null, V2JsonContext.Default.NoContent, idempotent: false, cancellationToken);

        public Task TagContentSnippetAsync(string id, IReadOnlyList<string> addTagIds, IReadOnlyList<string> removeTagIds, CancellationToken cancellationToken = default) =>
            TagAtAsync(ContentSnippetPath(id) + "/tags", addTagIds, removeTagIds, null, cancellationToken);

        private static void Write(Utf8JsonWriter writer, ContentSnippetChanges changes)
        {
            writer.WriteStartObject();
            if (changes.Title is not null) writer.WriteString("title", changes.Title);
            if (changes.Body is not null) writer.WriteString("body_markdown", changes.Body);
            if (changes.Locale is not null) writer.WriteString("locale", changes.Locale);
            if (changes.AiChatbot is { } chatbot) writer.WriteBoolean("ai_chatbot_availability", chatbot);
            if (changes.AiCopilot is { } copilot) writer.WriteBoolean("ai_copilot_availability", copilot);
            if (changes.AiSalesAgent is { } sales) writer.WriteBoolean("ai_sales_agent_availability", sales);
            writer.WriteEndObject();
        }

        /// <summary>A snippet's path: its id is Intercom's, a whole number.</summary>
        private static string ContentSnippetPath(string id)
        {
            if (string.IsNullOrWhiteSpace(id) || !id.All(c => c >= '0' && c <= '9'))
                throw new ArgumentException($"A content snippet's Id is the number Intercom gave it, not '{id}'.");
            return "content_snippets/" + id;
        }
    }

    internal sealed class ContentSnippetObject : ICheckedAnswer
    {
        string? ICheckedAnswer.Problem => Id is null ? "a content snippet without an id" : null;

        [JsonPropertyName("id")] public string? Id { get; set; }
        [JsonPropertyName("title")] public string? Title { get; set; }
        [JsonPropertyName("locale")] public string? Locale { get; set; }
        [JsonPropertyName("body_markdown")] public string? BodyMarkdown { get; set; }
        [JsonPropertyName("ai_chatbot_availability")] public bool? AiChatbot { get; set; }
        [JsonPropertyName("ai_copilot_availability")] public bool? AiCopilot { get; set; }
        [JsonPropertyName("ai_sales_agent_availability")] public bool? AiSalesAgent { get; set; }
        [JsonPropertyName("created_at"), JsonConverter(typeof(UnixTimeConverter))] public DateTime? CreatedAt { get; set; }
        [JsonPropertyName("updated_at"), JsonConverter(typeof(UnixTimeConverter))] public DateTime? UpdatedAt { get; set; }

        public ContentSnippet ToContentSnippet() => new ContentSnippet
        {
            Id = Id, Title = Title, Body = BodyMarkdown, Locale = Locale, AiChatbot = AiChatbot, AiCopilot = AiCopilot, AiSalesAgent = AiSalesAgent,
            CreatedAt = CreatedAt, UpdatedAt = UpdatedAt,
        };
    }

    /// <summary>GET /content_snippets' page: data, total_count and total_pages at the top (no pages object).</summary>
    internal sealed class ContentSnippetList
    {
        [JsonPropertyName("total_count")] public long TotalCount { get; set; }
        [JsonPropertyName("total_pages")] public int? TotalPages { get; set; }
        [JsonPropertyName("data")] public ContentSnippetObject[]? Data { get; set; }
    }
}
