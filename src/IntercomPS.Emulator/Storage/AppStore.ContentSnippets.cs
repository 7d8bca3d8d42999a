using System.Collections.Generic;
using System.Globalization;
using System.Threading.Tasks;
using IntercomPS.Emulator.Model;
using Microsoft.Data.Sqlite;

namespace IntercomPS.Emulator.Storage;

/// <summary>
/// Content snippets (2.16): one row each, their tags in article_tags (kind content_snippet) as articles' are. The
/// rules of a write are <see cref="ContentSnippetRules"/>; this keeps the rows.
/// </summary>
internal sealed partial class AppStore
{
    private const string ContentSnippetColumns = "id, title, locale, json_blocks, body_markdown, ai_chatbot, ai_copilot, ai_sales_agent, created_at, updated_at";
    private const string ContentSnippetTagKind = "content_snippet";

    /// <summary>The app's snippets, the most recently updated first.</summary>
    public Task<IReadOnlyList<ContentSnippetRecord>> ListContentSnippetsAsync() => Task.FromResult<IReadOnlyList<ContentSnippetRecord>>(db.Read(s =>
        s.Query($"SELECT {ContentSnippetColumns} FROM content_snippets WHERE app = $app ORDER BY updated_at DESC, id DESC", ReadContentSnippet, ("$app", app))));

    public Task<ContentSnippetRecord> GetContentSnippetAsync(string id) => Task.FromResult(db.Read(s => ContentSnippetById(s, id) ?? throw ContentSnippetNotFound()));

    public Task<ContentSnippetRecord> CreateContentSnippetAsync(ContentSnippetInput input) => db.WriteAsync(s =>
    {
        var snippet = ContentSnippetRules.Apply("0", null, input, Now);
        var id = s.Scalar<long>("""
            INSERT INTO content_snippets (app, title, locale, json_blocks, body_markdown, ai_chatbot, ai_copilot, ai_sales_agent, created_at, updated_at)
            VALUES ($app, $title, $locale, $blocks, $markdown, $chatbot, $copilot, $sales, $created, $updated) RETURNING id
            """, ContentSnippetArgs(snippet));
        return ContentSnippetById(s, IdText(id))!;
    });

    public Task<ContentSnippetRecord> UpdateContentSnippetAsync(string id, ContentSnippetInput input) => db.WriteAsync(s =>
    {
        var existing = ContentSnippetById(s, id) ?? throw ContentSnippetNotFound();
        var snippet = ContentSnippetRules.Apply(existing.Id, existing, input, Now);
        s.Execute("""
            UPDATE content_snippets SET title = $title, locale = $locale, json_blocks = $blocks, body_markdown = $markdown, ai_chatbot = $chatbot,
            ai_copilot = $copilot, ai_sales_agent = $sales, created_at = $created, updated_at = $updated WHERE app = $app AND id = $id
            """, [.. ContentSnippetArgs(snippet), ("$id", long.Parse(existing.Id, CultureInfo.InvariantCulture))]);
        return ContentSnippetById(s, id)!;
    });

    public Task<string> DeleteContentSnippetAsync(string id) => db.WriteAsync(s =>
    {
        var snippet = ContentSnippetById(s, id) ?? throw ContentSnippetNotFound();
        s.Execute("DELETE FROM article_tags WHERE kind = 'content_snippet' AND article_id = $id; DELETE FROM content_snippets WHERE app = $app AND id = $id",
            ("$app", app), ("$id", long.Parse(snippet.Id, CultureInfo.InvariantCulture)));
        return snippet.Id;
    });

    public Task<AppliedTag> TagContentSnippetAsync(string id, long tagId, string? adminId) => db.WriteAsync(s =>
        ApplyArticleTag(s, ContentSnippetTagKind, (ContentSnippetById(s, id) ?? throw ContentSnippetTagNotFound()).Id, tagId, adminId));

    public Task<AppliedTag> UntagContentSnippetAsync(string id, long tagId) => db.WriteAsync(s =>
        RemoveArticleTag(s, ContentSnippetTagKind, (ContentSnippetById(s, id) ?? throw ContentSnippetTagNotFound()).Id, tagId));

    /// <summary>GET, PUT and DELETE /content_snippets/{id}'s 404.</summary>
    public static ApiError ContentSnippetNotFound() => new(404, "not_found", "Content snippet not found") { Code = "not_found" };

    /// <summary>The tag operations' 404 for a snippet the app does not have: their own code, as the description's examples give it.</summary>
    public static ApiError ContentSnippetTagNotFound() => new(404, "not_found", "Content snippet not found") { Code = "content_snippet_not_found" };

    private (string, object?)[] ContentSnippetArgs(ContentSnippetRecord c) =>
    [
        ("$app", app), ("$title", c.Title), ("$locale", c.Locale), ("$blocks", c.JsonBlocks), ("$markdown", c.BodyMarkdown),
        ("$chatbot", c.AiChatbot), ("$copilot", c.AiCopilot), ("$sales", c.AiSalesAgent), ("$created", c.CreatedAt), ("$updated", c.UpdatedAt),
    ];

    private ContentSnippetRecord? ContentSnippetById(DbSession s, string id) => PositiveId(id) is { } numeric
        ? s.First($"SELECT {ContentSnippetColumns} FROM content_snippets WHERE app = $app AND id = $id", ReadContentSnippet, ("$app", app), ("$id", numeric))
        : null;

    private static ContentSnippetRecord ReadContentSnippet(SqliteDataReader r) => new(
        IdText(r.GetInt64(0)), r.GetString(1), r.GetString(2), r.GetString(3), Text(r, 4), r.GetBoolean(5), r.GetBoolean(6), r.GetBoolean(7), r.GetInt64(8), r.GetInt64(9));
}
