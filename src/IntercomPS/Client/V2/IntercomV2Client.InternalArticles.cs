using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Net.Http;
using System.Text.Json;
using System.Text.Json.Serialization;
using System.Threading;
using System.Threading.Tasks;
using IntercomPS.Json;

namespace IntercomPS.Client.V2
{
    /// <summary>Internal articles: GET /internal_articles (numbered pages), GET, POST, PUT and DELETE /internal_articles/{id}, and 2.16's tags.</summary>
    public sealed partial class IntercomV2Client
    {
        public IPageReader<InternalArticle> ListInternalArticles(CancellationToken cancellationToken = default) =>
            new NumberedWalk<InternalArticleObject, InternalArticle>(new Uri(BaseUri, "internal_articles"), "an internal article", ArticlesPageSize, async (page, token) =>
            {
                var list = await SendAsync(HttpMethod.Get, $"internal_articles?page={page}&per_page={ArticlesPageSize}", null, V2JsonContext.Default.InternalArticleList,
                    idempotent: true, token).ConfigureAwait(false);
                return (list.Data ?? Array.Empty<InternalArticleObject>(), list.TotalCount, list.Pages?.TotalPages);
            }, item => item.Id, item => item.ToInternalArticle(), cancellationToken);

        public async Task<InternalArticle> GetInternalArticleAsync(string id, CancellationToken cancellationToken = default) =>
            (await SendAsync(HttpMethod.Get, InternalArticlePath(id), null, V2JsonContext.Default.InternalArticleObject, idempotent: true, cancellationToken)
                .ConfigureAwait(false)).ToInternalArticle();

        public async Task<InternalArticle> CreateInternalArticleAsync(InternalArticleChanges article, CancellationToken cancellationToken = default)
        {
            if (string.IsNullOrWhiteSpace(article.Title)) throw new ArgumentException("A new internal article needs a title.");
            if (article.OwnerId is null || article.AuthorId is null)
            {
                // Intercom needs both: the session's admin (Connect-Intercom -AdminId, else the token's own) is each one not given.
                var admin = await AdminIdAsync(cancellationToken).ConfigureAwait(false);
                var id = long.TryParse(admin, NumberStyles.None, CultureInfo.InvariantCulture, out var number)
                    ? number : throw new ArgumentException($"The session's admin id '{admin}' is not a number, so it cannot own or write an internal article: give -OwnerId and -AuthorId.");
                article = new InternalArticleChanges { Title = article.Title, Body = article.Body, OwnerId = article.OwnerId ?? id, AuthorId = article.AuthorId ?? id };
            }
            return (await SendAsync(HttpMethod.Post, "internal_articles", writer => Write(writer, article), V2JsonContext.Default.InternalArticleObject,
                idempotent: false, cancellationToken).ConfigureAwait(false)).ToInternalArticle();
        }

        public async Task<InternalArticle> UpdateInternalArticleAsync(string id, InternalArticleChanges changes, CancellationToken cancellationToken = default)
        {
            if (changes.IsEmpty) throw new ArgumentException("Nothing to change: give the title, body, owner or author.");
            return (await SendAsync(HttpMethod.Put, InternalArticlePath(id), writer => Write(writer, changes), V2JsonContext.Default.InternalArticleObject,
                idempotent: true, cancellationToken).ConfigureAwait(false)).ToInternalArticle();
        }

        public async Task<string> DeleteInternalArticleAsync(string id, CancellationToken cancellationToken = default) =>
            (await SendAsync(HttpMethod.Delete, InternalArticlePath(id), null, V2JsonContext.Default.DeletedObject, idempotent: false, cancellationToken).ConfigureAwait(false)).Id ?? id;

        public Task TagInternalArticleAsync(string id, IReadOnlyList<string> addTagIds, IReadOnlyList<string> removeTagIds, CancellationToken cancellationToken = default) =>
            TagAtAsync(InternalArticlePath(id) + "/tags", addTagIds, removeTagIds, null, cancellationToken);

        private static void Write(Utf8JsonWriter writer, InternalArticleChanges changes)
        {
            writer.WriteStartObject();
            if (changes.Title is not null) writer.WriteString("title", changes.Title);
            if (changes.Body is not null) writer.WriteString("body", changes.Body);
            if (changes.OwnerId is { } owner) writer.WriteNumber("owner_id", owner);
            if (changes.AuthorId is { } author) writer.WriteNumber("author_id", author);
            writer.WriteEndObject();
        }

        /// <summary>An internal article's path: its id is Intercom's, a whole number.</summary>
        private static string InternalArticlePath(string id)
        {
            if (string.IsNullOrWhiteSpace(id) || !id.All(c => c >= '0' && c <= '9'))
                throw new ArgumentException($"An internal article's Id is the number Intercom gave it, not '{id}'.");
            return "internal_articles/" + id;
        }
    }

    internal sealed class InternalArticleObject : ICheckedAnswer
    {
        string? ICheckedAnswer.Problem => Id is null ? "an internal article without an id" : null;

        [JsonPropertyName("id")] public string? Id { get; set; }
        [JsonPropertyName("title")] public string? Title { get; set; }
        [JsonPropertyName("body")] public string? Body { get; set; }
        // The schema says integer, the examples a string (owner_id: '5017691'): either is read.
        [JsonPropertyName("owner_id"), JsonNumberHandling(JsonNumberHandling.AllowReadingFromString)] public long? OwnerId { get; set; }
        [JsonPropertyName("author_id"), JsonNumberHandling(JsonNumberHandling.AllowReadingFromString)] public long? AuthorId { get; set; }
        [JsonPropertyName("locale")] public string? Locale { get; set; }
        [JsonPropertyName("created_at"), JsonConverter(typeof(UnixTimeConverter))] public DateTime? CreatedAt { get; set; }
        [JsonPropertyName("updated_at"), JsonConverter(typeof(UnixTimeConverter))] public DateTime? UpdatedAt { get; set; }

        public InternalArticle ToInternalArticle() => new InternalArticle
        {
            Id = Id, Title = Title, Body = Body, OwnerId = OwnerId, AuthorId = AuthorId, Locale = Locale, CreatedAt = CreatedAt, UpdatedAt = UpdatedAt,
        };
    }

    /// <summary>GET /internal_articles' page: data, total_count and pages.</summary>
    internal sealed class InternalArticleList
    {
        [JsonPropertyName("total_count")] public long TotalCount { get; set; }
        [JsonPropertyName("pages")] public ArticlePages? Pages { get; set; }
        [JsonPropertyName("data")] public InternalArticleObject[]? Data { get; set; }
    }
}
