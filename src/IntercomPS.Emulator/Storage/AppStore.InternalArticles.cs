using System.Collections.Generic;
using System.Globalization;
using System.Threading.Tasks;
using IntercomPS.Emulator.Model;
using Microsoft.Data.Sqlite;

namespace IntercomPS.Emulator.Storage;

/// <summary>
/// Internal articles, the teammates' knowledge base: one row each. The rules of a write are <see cref="InternalArticleRules"/>; this keeps the rows.
/// </summary>
internal sealed partial class AppStore
{
    private const string InternalArticleColumns = "id, title, body, body_markdown, owner_id, author_id, created_at, updated_at, ai_chatbot, ai_copilot, ai_sales_agent";

    /// <summary>The app's internal articles, the most recently updated first (as the help center's are listed).</summary>
    public Task<IReadOnlyList<InternalArticleRecord>> ListInternalArticlesAsync() => Task.FromResult<IReadOnlyList<InternalArticleRecord>>(db.Read(s =>
        s.Query($"SELECT {InternalArticleColumns} FROM internal_articles WHERE app = $app ORDER BY updated_at DESC, id DESC", ReadInternalArticle, ("$app", app))));

    public Task<InternalArticleRecord> GetInternalArticleAsync(string id) => Task.FromResult(db.Read(s => InternalArticleById(s, id) ?? throw HelpCenterNotFound()));

    public Task<InternalArticleRecord> CreateInternalArticleAsync(InternalArticleInput input) => db.WriteAsync(s =>
    {
        var article = InternalArticleRules.Apply("0", null, input, Now, IsAdmin(s));
        var id = s.Scalar<long>($"""
            INSERT INTO internal_articles (app, title, body, body_markdown, owner_id, author_id, created_at, updated_at, ai_chatbot, ai_copilot, ai_sales_agent)
            VALUES ($app, $title, $body, $markdown, $owner, $author, $created, $updated, $chatbot, $copilot, $sales) RETURNING id
            """, InternalArticleArgs(article));
        return InternalArticleById(s, IdText(id))!;
    });

    public Task<InternalArticleRecord> UpdateInternalArticleAsync(string id, InternalArticleInput input) => db.WriteAsync(s =>
    {
        var existing = InternalArticleById(s, id) ?? throw HelpCenterNotFound();
        var article = InternalArticleRules.Apply(existing.Id, existing, input, Now, IsAdmin(s));
        s.Execute("""
            UPDATE internal_articles SET title = $title, body = $body, body_markdown = $markdown, owner_id = $owner, author_id = $author,
            created_at = $created, updated_at = $updated, ai_chatbot = $chatbot, ai_copilot = $copilot, ai_sales_agent = $sales WHERE app = $app AND id = $id
            """, [.. InternalArticleArgs(article), ("$id", long.Parse(existing.Id, CultureInfo.InvariantCulture))]);
        return InternalArticleById(s, id)!;
    });

    public Task<string> DeleteInternalArticleAsync(string id) => db.WriteAsync(s =>
    {
        var article = InternalArticleById(s, id) ?? throw HelpCenterNotFound();
        s.Execute("DELETE FROM article_tags WHERE kind = 'internal_article' AND article_id = $id; DELETE FROM internal_articles WHERE app = $app AND id = $id",
            ("$app", app), ("$id", long.Parse(article.Id, CultureInfo.InvariantCulture)));
        return article.Id;
    });

    private (string, object?)[] InternalArticleArgs(InternalArticleRecord a) =>
    [
        ("$app", app), ("$title", a.Title), ("$body", a.Body), ("$markdown", a.BodyMarkdown), ("$owner", a.OwnerId), ("$author", a.AuthorId),
        ("$created", a.CreatedAt), ("$updated", a.UpdatedAt), ("$chatbot", a.AiChatbot), ("$copilot", a.AiCopilot), ("$sales", a.AiSalesAgent),
    ];

    private InternalArticleRecord? InternalArticleById(DbSession s, string id) => PositiveId(id) is { } numeric
        ? s.First($"SELECT {InternalArticleColumns} FROM internal_articles WHERE app = $app AND id = $id", ReadInternalArticle, ("$app", app), ("$id", numeric))
        : null;

    private static InternalArticleRecord ReadInternalArticle(SqliteDataReader r) => new(
        IdText(r.GetInt64(0)), r.GetString(1), Text(r, 2), Text(r, 3), r.GetInt64(4), r.GetInt64(5), r.GetInt64(6), r.GetInt64(7),
        r.GetBoolean(8), r.GetBoolean(9), r.GetBoolean(10));
}
