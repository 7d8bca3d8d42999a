using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Threading.Tasks;
using IntercomPS.Emulator.Model;
using Microsoft.Data.Sqlite;

namespace IntercomPS.Emulator.Storage;

/// <summary>
/// A help center article's staged draft and its versions (2.16), kept beside hc_articles: the rules are
/// <see cref="ArticleRules"/>'s. A version is written by every write that changes the default locale's content
/// (creating the article, updating it, publishing its draft); staging a draft writes none, as the draft is not live.
/// </summary>
internal sealed partial class AppStore
{
    private const string VersionColumns = "id, article_id, title, description, body, body_markdown, author_id, from_version_id, created_at";

    public Task<ArticleRecord> StageArticleDraftAsync(string id, ArticleInput input) => db.WriteAsync(s =>
    {
        var article = ArticleById(s, id) ?? throw ObjectNotFound();
        var draft = ArticleRules.StageDraft(article, input, Now, IsAdmin(s));
        s.Execute("""
            INSERT INTO hc_article_drafts (article_id, app, title, description, body, body_markdown, author_id, updated_at)
            VALUES ($id, $app, $title, $description, $body, $markdown, $author, $updated)
            ON CONFLICT (article_id) DO UPDATE SET title = $title, description = $description, body = $body, body_markdown = $markdown, author_id = $author, updated_at = $updated
            """, ("$id", long.Parse(article.Id, CultureInfo.InvariantCulture)), ("$app", app), ("$title", draft.Title), ("$description", draft.Description), ("$body", draft.Body),
            ("$markdown", draft.BodyMarkdown), ("$author", draft.AuthorId), ("$updated", draft.UpdatedAt));
        return ArticleById(s, id)!;
    });

    public Task<ArticleRecord> PublishArticleDraftAsync(string id, IReadOnlyList<string>? locales) => db.WriteAsync(s =>
    {
        var article = ArticleById(s, id) ?? throw ObjectNotFound();
        var published = ArticleRules.PublishDraft(article, locales, Now);
        s.Execute("""
            UPDATE hc_articles SET title = $title, description = $description, body = $body, author_id = $author, state = $state, parent_id = $parent,
            created_at = $created, updated_at = $updated, translations = $translations, ai = $ai WHERE app = $app AND id = $id
            """, [.. ArticleArgs(published), ("$id", long.Parse(article.Id, CultureInfo.InvariantCulture))]);
        s.Execute("DELETE FROM hc_article_drafts WHERE article_id = $id", ("$id", long.Parse(article.Id, CultureInfo.InvariantCulture)));
        RecordVersion(s, published);
        return ArticleById(s, id)!;
    });

    /// <summary>The article's versions, the newest first (404 for no article of the app).</summary>
    public Task<IReadOnlyList<ArticleVersionRecord>> ListArticleVersionsAsync(string articleId) => Task.FromResult(db.Read(s =>
    {
        var article = ArticleById(s, articleId) ?? throw ObjectNotFound();
        return VersionsOf(s, article);
    }));

    public Task<ArticleVersionRecord> GetArticleVersionAsync(string articleId, string id) => Task.FromResult(db.Read(s =>
    {
        var article = ArticleById(s, articleId) ?? throw ObjectNotFound();
        return VersionsOf(s, article).FirstOrDefault(v => v.Id == id) ?? throw ObjectNotFound();
    }));

    /// <summary>2.16's 404 for a draft or version operation (an article, a draft or a version that is not there): the description's ObjectNotFound.</summary>
    public static ApiError ObjectNotFound() => new(404, "not_found", "Object not found") { Code = "not_found" };

    private IReadOnlyList<ArticleVersionRecord> VersionsOf(DbSession s, ArticleRecord article)
    {
        var versions = s.Query($"SELECT {VersionColumns} FROM hc_article_versions WHERE app = $app AND article_id = $id ORDER BY id DESC", ReadVersion,
            ("$app", app), ("$id", long.Parse(article.Id, CultureInfo.InvariantCulture)));
        return [.. versions.Select((v, i) => v with { Live = i == 0 && article.State == "published" })];
    }

    /// <summary>A new version when the write changed the default locale's versioned content (or the article has none yet).</summary>
    private void RecordVersion(DbSession s, ArticleRecord article)
    {
        var seq = long.Parse(article.Id, CultureInfo.InvariantCulture);
        var newest = s.First($"SELECT {VersionColumns} FROM hc_article_versions WHERE app = $app AND article_id = $id ORDER BY id DESC LIMIT 1", ReadVersion, ("$app", app), ("$id", seq));
        var c = article.Content;
        if (newest is not null && newest.Title == c.Title && newest.Description == c.Description && newest.Body == c.Body && newest.BodyMarkdown == article.Ai.BodyMarkdown
            && newest.AuthorId == c.AuthorId)
        {
            return;
        }

        s.Execute("""
            INSERT INTO hc_article_versions (app, article_id, title, description, body, body_markdown, author_id, created_via, from_version_id, created_at)
            VALUES ($app, $id, $title, $description, $body, $markdown, $author, 'api', $from, $now)
            """, ("$app", app), ("$id", seq), ("$title", c.Title), ("$description", c.Description), ("$body", c.Body), ("$markdown", article.Ai.BodyMarkdown),
            ("$author", c.AuthorId), ("$from", newest is null ? null : long.Parse(newest.Id, CultureInfo.InvariantCulture)), ("$now", Now));
    }

    private ArticleDraftRecord? DraftOf(DbSession s, long article) => s.First(
        "SELECT title, description, body, body_markdown, author_id, updated_at FROM hc_article_drafts WHERE app = $app AND article_id = $id", ReadDraft, ("$app", app), ("$id", article));

    private Dictionary<long, ArticleDraftRecord> DraftsOf(DbSession s) => s.Query(
        "SELECT title, description, body, body_markdown, author_id, updated_at, article_id FROM hc_article_drafts WHERE app = $app", r => (Id: r.GetInt64(6), Draft: ReadDraft(r)), ("$app", app))
        .ToDictionary(d => d.Id, d => d.Draft);

    private static ArticleDraftRecord ReadDraft(SqliteDataReader r) => new(r.GetString(0), Text(r, 1), Text(r, 2), Text(r, 3), r.GetInt64(4), r.GetInt64(5));

    private static ArticleVersionRecord ReadVersion(SqliteDataReader r) => new(
        IdText(r.GetInt64(0)), IdText(r.GetInt64(1)), r.GetString(2), Text(r, 3), Text(r, 4), Text(r, 5), r.GetInt64(6), r.IsDBNull(7) ? null : IdText(r.GetInt64(7)), r.GetInt64(8), Live: false);
}
