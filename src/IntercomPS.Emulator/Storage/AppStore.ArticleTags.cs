using System.Globalization;
using System.Linq;
using System.Threading.Tasks;
using IntercomPS.Emulator.Model;

namespace IntercomPS.Emulator.Storage;

/// <summary>
/// Tags on help center and internal articles (2.16), kept in article_tags by kind as tickets' are in ticket_tags:
/// the tag is found by <see cref="TagToApply"/>, as a conversation's or ticket's is.
/// </summary>
internal sealed partial class AppStore
{
    private const string ArticleTagKind = "article";
    private const string InternalArticleTagKind = "internal_article";

    /// <summary>Tags the help center article (a tag applied again keeps when and by whom it was first); the tag as applied.</summary>
    public Task<AppliedTag> TagArticleAsync(string id, long tagId, string? adminId) => db.WriteAsync(s =>
        ApplyArticleTag(s, ArticleTagKind, (ArticleById(s, id) ?? throw ArticleNotFound()).Id, tagId, adminId));

    /// <summary>Takes the tag off the help center article: the tag, no longer applied; one it does not have is the 404 tag_not_found.</summary>
    public Task<AppliedTag> UntagArticleAsync(string id, long tagId) => db.WriteAsync(s =>
        RemoveArticleTag(s, ArticleTagKind, (ArticleById(s, id) ?? throw ArticleNotFound()).Id, tagId));

    public Task<AppliedTag> TagInternalArticleAsync(string id, long tagId, string? adminId) => db.WriteAsync(s =>
        ApplyArticleTag(s, InternalArticleTagKind, (InternalArticleById(s, id) ?? throw InternalArticleNotFound()).Id, tagId, adminId));

    public Task<AppliedTag> UntagInternalArticleAsync(string id, long tagId) => db.WriteAsync(s =>
        RemoveArticleTag(s, InternalArticleTagKind, (InternalArticleById(s, id) ?? throw InternalArticleNotFound()).Id, tagId));

    /// <summary>POST /articles/{id}/tags's 404 for an article the app does not have (GET /articles/{id}'s is not_found).</summary>
    public static ApiError ArticleNotFound() => new(404, "not_found", "Article not found") { Code = "article_not_found" };

    public static ApiError InternalArticleNotFound() => new(404, "not_found", "Internal article not found") { Code = "internal_article_not_found" };

    /// <summary>admin_id is optional: the tagging is the authenticating teammate's (the app's first admin) unless it names another admin.</summary>
    private AppliedTag ApplyArticleTag(DbSession s, string kind, string articleId, long tagId, string? adminId)
    {
        var admin = adminId is null ? Admin.Id : AdminById(s, adminId).Id;
        var tag = TagToApply(s, tagId);
        var numeric = long.Parse(articleId, CultureInfo.InvariantCulture);
        s.Execute("INSERT OR IGNORE INTO article_tags (kind, article_id, tag_id, applied_at, admin_id) VALUES ($kind, $id, $tag, $now, $admin)",
            ("$kind", kind), ("$id", numeric), ("$tag", tag.NumericId), ("$now", Now), ("$admin", admin));
        return ArticleTagsOf(s, kind, numeric)[numeric].First(t => t.Tag.NumericId == tag.NumericId);
    }

    /// <summary>The removed tag with null applied_at and applied_by, as the description's example answers.</summary>
    private AppliedTag RemoveArticleTag(DbSession s, string kind, string articleId, long tagId)
    {
        var numeric = long.Parse(articleId, CultureInfo.InvariantCulture);
        var applied = ArticleTagsOf(s, kind, numeric)[numeric].FirstOrDefault(t => t.Tag.NumericId == tagId) ?? throw ConversationTagNotFound();
        s.Execute("DELETE FROM article_tags WHERE kind = $kind AND article_id = $id AND tag_id = $tag", ("$kind", kind), ("$id", numeric), ("$tag", tagId));
        return new AppliedTag(applied.Tag, null, null);
    }

    /// <summary>The tags of one article of the kind, or of all of them (null), by article id, the first applied first.</summary>
    private ILookup<long, AppliedTag> ArticleTagsOf(DbSession s, string kind, long? articleId) => s.Query(
        $"SELECT at.article_id, at.applied_at, at.admin_id, {TagColumns} FROM article_tags at JOIN tags t ON t.id = at.tag_id AND t.app = $app WHERE at.kind = $kind AND ($id IS NULL OR at.article_id = $id) ORDER BY at.applied_at, t.id",
        r => (Article: r.GetInt64(0), Tag: new AppliedTag(ReadTag(r, 3), r.GetInt64(1), r.GetString(2))), ("$app", app), ("$kind", kind), ("$id", articleId))
        .ToLookup(t => t.Article, t => t.Tag);
}
