using System.Collections.Generic;
using System.Threading;
using System.Threading.Tasks;

namespace IntercomPS.Client
{
    /// <summary>Help center articles and the collections that hold them, which only REST API 2.x has.</summary>
    public interface IArticles
    {
        /// <summary>
        /// GET /articles by numbered pages, the most recently updated first. Every article is written once even when
        /// articles change while the listing runs (an edit moves one to the front, a deletion shifts the rest): see
        /// <see cref="V2.ArticleWalk"/>.
        /// </summary>
        IPageReader<Article> ListArticles(CancellationToken cancellationToken = default);

        /// <summary>GET /articles/search: the articles whose content holds <paramref name="phrase"/>, in <paramref name="state"/> (published, draft; null: all).</summary>
        IPageReader<Article> SearchArticles(string? phrase, string? state, CancellationToken cancellationToken = default);

        Task<Article> GetArticleAsync(string id, CancellationToken cancellationToken = default);

        /// <summary>POST /articles, sent once: a lost answer is not repeated (it would make a second article). Without an author, the session's admin writes it.</summary>
        Task<Article> CreateArticleAsync(ArticleChanges article, CancellationToken cancellationToken = default);

        /// <summary>PUT /articles/{id} with the fields given (each sets a value, so a lost answer may be repeated).</summary>
        Task<Article> UpdateArticleAsync(string id, ArticleChanges changes, CancellationToken cancellationToken = default);

        /// <summary>GET /help_center/collections by numbered pages (collections and sections), walked as <see cref="ListArticles"/> is.</summary>
        IPageReader<HelpCenterCollection> ListHelpCenterCollections(CancellationToken cancellationToken = default);

        Task<HelpCenterCollection> GetHelpCenterCollectionAsync(string id, CancellationToken cancellationToken = default);

        /// <summary>DELETE /articles/{id}, sent once: a repeat after a lost answer would meet not_found. Returns the id.</summary>
        Task<string> DeleteArticleAsync(string id, CancellationToken cancellationToken = default);

        /// <summary>
        /// POST /articles/{id}/tags for each tag to add, then DELETE /articles/{id}/tags/{tag_id} for each to remove
        /// (Intercom-Version 2.16 on), by the session's teammate. Each may be repeated after a lost answer: applying a
        /// tag again changes nothing.
        /// </summary>
        Task TagArticleAsync(string id, IReadOnlyList<string> addTagIds, IReadOnlyList<string> removeTagIds, CancellationToken cancellationToken = default);

        /// <summary>GET /articles/{id}/draft (Intercom-Version 2.16 on): the article as its staged draft has it; not_found when nothing is staged.</summary>
        Task<Article> GetArticleDraftAsync(string id, CancellationToken cancellationToken = default);

        /// <summary>
        /// PUT /articles/{id}/draft (2.16 on): stages the title, description, body and author given on top of the
        /// published article's draft, the live article untouched; each sets a value, so a lost answer may be repeated.
        /// A state or parent is refused: a draft does not hold them.
        /// </summary>
        Task<Article> StageArticleDraftAsync(string id, ArticleChanges changes, CancellationToken cancellationToken = default);

        /// <summary>POST /articles/{id}/draft/publish (2.16 on), sent once: a repeat after a lost answer would publish nothing or meet "no draft". The article as published.</summary>
        Task<Article> PublishArticleDraftAsync(string id, CancellationToken cancellationToken = default);

        /// <summary>GET /articles/{id}/versions (2.16 on) by numbered pages, the newest first, walked as <see cref="ListArticles"/> is: summaries, no body.</summary>
        IPageReader<ArticleVersion> ListArticleVersions(string articleId, CancellationToken cancellationToken = default);

        /// <summary>GET /articles/{article_id}/versions/{id} (2.16 on): the version with its body.</summary>
        Task<ArticleVersion> GetArticleVersionAsync(string articleId, string id, CancellationToken cancellationToken = default);

        /// <summary>GET /internal_articles by numbered pages, the most recently updated first, walked as <see cref="ListArticles"/> is.</summary>
        IPageReader<InternalArticle> ListInternalArticles(CancellationToken cancellationToken = default);

        Task<InternalArticle> GetInternalArticleAsync(string id, CancellationToken cancellationToken = default);

        /// <summary>
        /// POST /internal_articles, sent once: a lost answer is not repeated (it would make a second article). Intercom
        /// needs an owner and an author: the session's admin is each one not given.
        /// </summary>
        Task<InternalArticle> CreateInternalArticleAsync(InternalArticleChanges article, CancellationToken cancellationToken = default);

        /// <summary>PUT /internal_articles/{id} with the fields given (each sets a value, so a lost answer may be repeated).</summary>
        Task<InternalArticle> UpdateInternalArticleAsync(string id, InternalArticleChanges changes, CancellationToken cancellationToken = default);

        /// <summary>DELETE /internal_articles/{id}, sent once. Returns the id.</summary>
        Task<string> DeleteInternalArticleAsync(string id, CancellationToken cancellationToken = default);

        /// <summary>The tags of an internal article, as <see cref="TagArticleAsync"/> writes an article's (2.16's /internal_articles/{id}/tags).</summary>
        Task TagInternalArticleAsync(string id, IReadOnlyList<string> addTagIds, IReadOnlyList<string> removeTagIds, CancellationToken cancellationToken = default);
    }

    /// <summary>What an internal article write sends: null is not sent (left as it is; on a new one, the owner and author are the session's admin).</summary>
    public sealed class InternalArticleChanges
    {
        public string? Title { get; set; }
        public string? Body { get; set; }
        public long? OwnerId { get; set; }
        public long? AuthorId { get; set; }

        public bool IsEmpty => Title is null && Body is null && OwnerId is null && AuthorId is null;
    }

    /// <summary>What an article write sends: null is not sent (left as it is, or Intercom's default on a new article).</summary>
    public sealed class ArticleChanges
    {
        public string? Title { get; set; }
        public string? Description { get; set; }
        public string? Body { get; set; }
        public long? AuthorId { get; set; }
        public string? State { get; set; }
        public long? ParentId { get; set; }
        public string? ParentType { get; set; }

        public bool IsEmpty => Title is null && Description is null && Body is null && AuthorId is null && State is null && ParentId is null;
    }
}
