using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Text.Json;
using System.Threading.Tasks;
using IntercomPS.Emulator.Model;
using Microsoft.Data.Sqlite;

namespace IntercomPS.Emulator.Storage;

/// <summary>
/// The help center's content: collections (a section is a collection with a parent) and articles, with their other
/// locales' content. The rules of an article write are <see cref="ArticleRules"/>; this keeps the rows.
/// </summary>
internal sealed partial class AppStore
{
    private const string ArticleColumns = "id, title, description, body, author_id, state, parent_id, created_at, updated_at, translations, ai";
    private const string CollectionColumns = "id, name, description, parent_id, icon, sort_order, created_at, updated_at, translations";

    /// <summary>The app's articles, the most recently updated first (as the description says GET /articles orders them).</summary>
    public Task<IReadOnlyList<ArticleRecord>> ListArticlesAsync() => Task.FromResult<IReadOnlyList<ArticleRecord>>(db.Read(s =>
    {
        var collections = CollectionsOf(s).ToDictionary(c => c.Id);
        var tags = ArticleTagsOf(s, ArticleTagKind, null);
        var drafts = DraftsOf(s);
        var articles = s.Query($"SELECT {ArticleColumns} FROM hc_articles WHERE app = $app ORDER BY updated_at DESC, id DESC", r => ReadArticle(r, collections), ("$app", app))
            .Select(a => long.Parse(a.Id, CultureInfo.InvariantCulture) is var seq ? a with { Tags = [.. tags[seq]], Draft = drafts.GetValueOrDefault(seq) } : a);

        // A schedule that came due since the last write updated its article then (ArticleRules.AsOf), after the row's updated_at: ordered again.
        return (IReadOnlyList<ArticleRecord>)[.. articles.OrderByDescending(a => a.Content.UpdatedAt).ThenByDescending(a => long.Parse(a.Id, CultureInfo.InvariantCulture))];
    }));

    public Task<ArticleRecord> GetArticleAsync(string id) => Task.FromResult(db.Read(s => ArticleById(s, id) ?? throw HelpCenterNotFound()));

    public Task<ArticleRecord> CreateArticleAsync(ArticleInput input) => db.WriteAsync(s =>
    {
        var article = ArticleRules.Apply("0", null, input, Now, IsAdmin(s), id => CollectionById(s, id));
        var id = s.Scalar<long>($"""
            INSERT INTO hc_articles (app, title, description, body, author_id, state, parent_id, created_at, updated_at, translations, ai)
            VALUES ($app, $title, $description, $body, $author, $state, $parent, $created, $updated, $translations, $ai) RETURNING id
            """, ArticleArgs(article));
        var created = ArticleById(s, IdText(id))!;
        RecordVersion(s, created);
        return created;
    });

    public Task<ArticleRecord> UpdateArticleAsync(string id, ArticleInput input) => db.WriteAsync(s =>
    {
        var existing = ArticleById(s, id) ?? throw HelpCenterNotFound();
        var article = ArticleRules.Apply(existing.Id, existing, input, Now, IsAdmin(s), parent => CollectionById(s, parent));
        s.Execute("""
            UPDATE hc_articles SET title = $title, description = $description, body = $body, author_id = $author, state = $state, parent_id = $parent,
            created_at = $created, updated_at = $updated, translations = $translations, ai = $ai WHERE app = $app AND id = $id
            """, [.. ArticleArgs(article), ("$id", long.Parse(existing.Id, CultureInfo.InvariantCulture))]);
        var updated = ArticleById(s, id)!;
        RecordVersion(s, updated);
        return updated;
    });

    public Task<string> DeleteArticleAsync(string id) => db.WriteAsync(s =>
    {
        var article = ArticleById(s, id) ?? throw HelpCenterNotFound();
        s.Execute("DELETE FROM article_tags WHERE kind = 'article' AND article_id = $id; DELETE FROM hc_article_drafts WHERE article_id = $id; "
            + "DELETE FROM hc_article_versions WHERE article_id = $id; DELETE FROM hc_articles WHERE app = $app AND id = $id",
            ("$app", app), ("$id", long.Parse(article.Id, CultureInfo.InvariantCulture)));
        return article.Id;
    });

    /// <summary>The app's collections and sections, the most recently updated first.</summary>
    public Task<IReadOnlyList<CollectionRecord>> ListCollectionsAsync() => Task.FromResult<IReadOnlyList<CollectionRecord>>(db.Read(CollectionsOf));

    public Task<CollectionRecord> GetCollectionAsync(string id) => Task.FromResult(db.Read(s => CollectionById(s, id) ?? throw HelpCenterNotFound()));

    public Task<CollectionRecord> CreateCollectionAsync(CollectionInput input) => db.WriteAsync(s =>
    {
        var name = input.Name ?? throw CollectionRules.NameRequired();
        var parent = CollectionRules.Parent(input, id => CollectionById(s, id), self: null);
        var order = s.Scalar<long>("SELECT COUNT(*) FROM hc_collections WHERE app = $app AND parent_id IS $parent", ("$app", app), ("$parent", Seq(parent))) + 1;
        var now = Now;
        var id = s.Scalar<long>("""
            INSERT INTO hc_collections (app, name, description, parent_id, icon, sort_order, created_at, updated_at, translations)
            VALUES ($app, $name, $description, $parent, 'book-bookmark', $order, $now, $now, $translations) RETURNING id
            """, ("$app", app), ("$name", name), ("$description", input.Description ?? ""), ("$parent", Seq(parent)), ("$order", order), ("$now", now),
            ("$translations", JsonSerializer.Serialize(input.Translations)));
        return CollectionById(s, IdText(id))!;
    });

    public Task<CollectionRecord> UpdateCollectionAsync(string id, CollectionInput input) => db.WriteAsync(s =>
    {
        var existing = CollectionById(s, id) ?? throw HelpCenterNotFound();
        var parent = input.ParentId is null ? existing.ParentId : CollectionRules.Parent(input, p => CollectionById(s, p), existing.Id);
        var translations = new Dictionary<string, CollectionContentRecord>(existing.Translations, StringComparer.Ordinal);
        foreach (var (locale, content) in input.Translations)
        {
            var old = translations.GetValueOrDefault(locale);
            translations[locale] = new(content.Name ?? old?.Name, content.Description ?? old?.Description);
        }

        s.Execute("""
            UPDATE hc_collections SET name = $name, description = $description, parent_id = $parent, updated_at = $now, translations = $translations
            WHERE app = $app AND id = $id
            """, ("$app", app), ("$id", long.Parse(existing.Id, CultureInfo.InvariantCulture)), ("$name", input.Name ?? existing.Name),
            ("$description", input.Description ?? existing.Description), ("$parent", Seq(parent)), ("$now", Now), ("$translations", JsonSerializer.Serialize(translations)));
        return CollectionById(s, id)!;
    });

    /// <summary>Deletes the collection and its sections (at any depth); their articles stay, standing alone.</summary>
    public Task<string> DeleteCollectionAsync(string id) => db.WriteAsync(s =>
    {
        var collection = CollectionById(s, id) ?? throw HelpCenterNotFound();
        var all = CollectionsOf(s);
        var gone = new HashSet<string> { collection.Id };
        for (var added = true; added;)
        {
            added = false;
            foreach (var c in all.Where(c => c.ParentId is { } p && gone.Contains(p) && !gone.Contains(c.Id)))
            {
                added = gone.Add(c.Id);
            }
        }

        foreach (var seq in gone.Select(g => long.Parse(g, CultureInfo.InvariantCulture)))
        {
            s.Execute("UPDATE hc_articles SET parent_id = NULL WHERE app = $app AND parent_id = $id", ("$app", app), ("$id", seq));
            s.Execute("DELETE FROM hc_collections WHERE app = $app AND id = $id", ("$app", app), ("$id", seq));
        }

        return collection.Id;
    });

    private (string, object?)[] ArticleArgs(ArticleRecord a) =>
    [
        ("$app", app), ("$title", a.Content.Title), ("$description", a.Content.Description), ("$body", a.Content.Body), ("$author", a.Content.AuthorId),
        ("$state", a.Content.State), ("$parent", Seq(a.Parent?.Id)), ("$created", a.Content.CreatedAt), ("$updated", a.Content.UpdatedAt),
        ("$translations", JsonSerializer.Serialize(a.Translations)), ("$ai", a.Ai == ArticleAi.None ? null : JsonSerializer.Serialize(a.Ai)),
    ];

    private Func<long, bool> IsAdmin(DbSession s)
    {
        var admins = Admins(s).Select(a => a.Id).ToHashSet(StringComparer.Ordinal);
        return id => admins.Contains(IdText(id));
    }

    private ArticleRecord? ArticleById(DbSession s, string id) => PositiveId(id) is { } numeric
        ? s.First($"SELECT {ArticleColumns} FROM hc_articles WHERE app = $app AND id = $id", r => ReadArticle(r, null, s), ("$app", app), ("$id", numeric)) is { } article
            ? article with { Tags = [.. ArticleTagsOf(s, ArticleTagKind, numeric)[numeric]], Draft = DraftOf(s, numeric) }
            : null
        : null;

    private CollectionRecord? CollectionById(DbSession s, string id) => PositiveId(id) is { } numeric
        ? s.First($"SELECT {CollectionColumns} FROM hc_collections WHERE app = $app AND id = $id", ReadCollection, ("$app", app), ("$id", numeric))
        : null;

    private List<CollectionRecord> CollectionsOf(DbSession s) =>
        s.Query($"SELECT {CollectionColumns} FROM hc_collections WHERE app = $app ORDER BY updated_at DESC, id DESC", ReadCollection, ("$app", app));

    private ArticleRecord ReadArticle(SqliteDataReader r, Dictionary<string, CollectionRecord>? collections, DbSession? s = null)
    {
        var parentId = r.IsDBNull(6) ? null : IdText(r.GetInt64(6));
        var parent = parentId is null ? null : collections is not null ? collections.GetValueOrDefault(parentId) : CollectionById(s!, parentId);
        var content = new ArticleContentRecord(r.GetString(1), Text(r, 2), Text(r, 3), r.GetInt64(4), r.GetString(5), r.GetInt64(7), r.GetInt64(8));
        // An article from before 2.16's fields were kept was published once if it is published now.
        var ai = r.IsDBNull(10) ? ArticleAi.None with { EverPublished = content.State == "published" } : JsonSerializer.Deserialize<ArticleAi>(r.GetString(10))!;
        return ArticleRules.AsOf(new(IdText(r.GetInt64(0)), content, parent, JsonSerializer.Deserialize<Dictionary<string, ArticleContentRecord>>(r.GetString(9)) ?? [], ai), Now);
    }

    private static CollectionRecord ReadCollection(SqliteDataReader r) => new(
        IdText(r.GetInt64(0)), r.GetString(1), Text(r, 2), r.IsDBNull(3) ? null : IdText(r.GetInt64(3)), r.GetString(4), r.GetInt32(5), r.GetInt64(6), r.GetInt64(7),
        JsonSerializer.Deserialize<Dictionary<string, CollectionContentRecord>>(r.GetString(8)) ?? []);

    private static long? PositiveId(string id) => long.TryParse(id, NumberStyles.None, CultureInfo.InvariantCulture, out var numeric) && numeric > 0 ? numeric : null;

    private static object? Seq(string? id) => id is null ? null : long.Parse(id, CultureInfo.InvariantCulture);

    private static string IdText(long id) => id.ToString(CultureInfo.InvariantCulture);

    /// <summary>2.14's 404 for an article, a collection, a help center or an internal article: not_found "Resource Not Found", as the description documents each.</summary>
    public static ApiError HelpCenterNotFound() => new(404, "not_found", "Resource Not Found") { Code = "not_found" };
}
