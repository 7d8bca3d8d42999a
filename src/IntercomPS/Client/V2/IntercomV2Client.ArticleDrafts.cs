using System;
using System.Globalization;
using System.Linq;
using System.Net.Http;
using System.Text.Json.Serialization;
using System.Threading;
using System.Threading.Tasks;
using IntercomPS.Json;

namespace IntercomPS.Client.V2
{
    /// <summary>
    /// An article's staged draft and its versions (Intercom-Version 2.16 on): GET and PUT /articles/{id}/draft, POST
    /// /articles/{id}/draft/publish, GET /articles/{article_id}/versions (numbered pages, newest first) and one version.
    /// </summary>
    public sealed partial class IntercomV2Client
    {
        public async Task<Article> GetArticleDraftAsync(string id, CancellationToken cancellationToken = default) =>
            (await SendAsync(HttpMethod.Get, ArticlePath(id) + "/draft", null, V2JsonContext.Default.ArticleObject, idempotent: true, cancellationToken).ConfigureAwait(false)).ToArticle();

        public async Task<Article> StageArticleDraftAsync(string id, ArticleChanges changes, CancellationToken cancellationToken = default)
        {
            // Intercom ignores what a draft does not version: refused here rather than dropped silently.
            if (changes.State is not null || changes.ParentId is not null)
                throw new ArgumentException("A draft holds the title, description, body and author only: change the state or the parent on the live article.");
            if (changes.IsEmpty) throw new ArgumentException("Nothing to stage: give the title, description, body or author.");
            return (await SendAsync(HttpMethod.Put, ArticlePath(id) + "/draft", writer => Write(writer, changes), V2JsonContext.Default.ArticleObject,
                idempotent: true, cancellationToken).ConfigureAwait(false)).ToArticle();
        }

        public async Task<Article> PublishArticleDraftAsync(string id, CancellationToken cancellationToken = default) =>
            (await SendAsync(HttpMethod.Post, ArticlePath(id) + "/draft/publish", null, V2JsonContext.Default.ArticleObject, idempotent: false, cancellationToken).ConfigureAwait(false)).ToArticle();

        public IPageReader<ArticleVersion> ListArticleVersions(string articleId, CancellationToken cancellationToken = default)
        {
            var path = ArticlePath(articleId) + "/versions";
            return new NumberedWalk<ArticleVersionObject, ArticleVersion>(new Uri(BaseUri, path), "a version", ArticlesPageSize, async (page, token) =>
            {
                var list = await SendAsync(HttpMethod.Get, $"{path}?page={page}&per_page={ArticlesPageSize}", null, V2JsonContext.Default.ArticleVersionList,
                    idempotent: true, token).ConfigureAwait(false);
                return (list.Data ?? Array.Empty<ArticleVersionObject>(), list.TotalCount, list.Pages?.TotalPages);
            }, item => item.Id, item => item.ToVersion(), cancellationToken);
        }

        public async Task<ArticleVersion> GetArticleVersionAsync(string articleId, string id, CancellationToken cancellationToken = default)
        {
            if (string.IsNullOrWhiteSpace(id) || !id.All(c => c >= '0' && c <= '9'))
                throw new ArgumentException($"A version's Id is the number Intercom gave it, not '{id}'.");
            return (await SendAsync(HttpMethod.Get, ArticlePath(articleId) + "/versions/" + id, null, V2JsonContext.Default.ArticleVersionObject, idempotent: true, cancellationToken)
                .ConfigureAwait(false)).ToVersion();
        }
    }

    internal sealed class ArticleVersionObject : ICheckedAnswer
    {
        string? ICheckedAnswer.Problem => Id is null ? "an article version without an id" : null;

        [JsonPropertyName("id")] public string? Id { get; set; }
        [JsonPropertyName("article_id")] public string? ArticleId { get; set; }
        [JsonPropertyName("title")] public string? Title { get; set; }
        [JsonPropertyName("description")] public string? Description { get; set; }
        [JsonPropertyName("body")] public string? Body { get; set; }
        [JsonPropertyName("body_markdown")] public string? BodyMarkdown { get; set; }
        [JsonPropertyName("author_id")] public string? AuthorId { get; set; }
        [JsonPropertyName("created_by_id")] public string? CreatedById { get; set; }
        [JsonPropertyName("created_via")] public string? CreatedVia { get; set; }
        [JsonPropertyName("from_version_id")] public string? FromVersionId { get; set; }
        [JsonPropertyName("state")] public string? State { get; set; }
        [JsonPropertyName("created_at"), JsonConverter(typeof(UnixTimeConverter))] public DateTime? CreatedAt { get; set; }
        [JsonPropertyName("updated_at"), JsonConverter(typeof(UnixTimeConverter))] public DateTime? UpdatedAt { get; set; }

        public ArticleVersion ToVersion() => new ArticleVersion
        {
            Id = Id, ArticleId = ArticleId, Title = Title, Description = Description, Body = Body, BodyMarkdown = BodyMarkdown,
            AuthorId = long.TryParse(AuthorId, NumberStyles.None, CultureInfo.InvariantCulture, out var author) ? author : (long?)null,
            CreatedById = CreatedById, CreatedVia = CreatedVia, FromVersionId = FromVersionId, State = State, CreatedAt = CreatedAt, UpdatedAt = UpdatedAt,
        };
    }

    /// <summary>GET /articles/{id}/versions' page: data (summaries, no body), total_count and pages.</summary>
    internal sealed class ArticleVersionList
    {
        [JsonPropertyName("total_count")] public long TotalCount { get; set; }
        [JsonPropertyName("pages")] public ArticlePages? Pages { get; set; }
        [JsonPropertyName("data")] public ArticleVersionObject[]? Data { get; set; }
    }
}
