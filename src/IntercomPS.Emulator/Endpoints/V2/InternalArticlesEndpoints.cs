using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Text.Json;
using System.Threading.Tasks;
using IntercomPS.Emulator.Auth;
using IntercomPS.Emulator.Model;
using Microsoft.AspNetCore.Http;

namespace IntercomPS.Emulator.Endpoints.V2;

/// <summary>
/// Internal articles (2.14 on): written (title, body, owner and author, admins of the app), read, listed by numbered
/// pages (25 by default), searched by folder (10 to a page), deleted. 2.16 (<see cref="ApiModel.AiArticles"/>)
/// adds body_markdown, audience_ids and the AI availability flags to the writes and the answers.
/// </summary>
internal static class InternalArticlesEndpoints
{
    private const int DefaultPerPage = 25;
    private const int DefaultSearchPerPage = 10;

    /// <summary>2.14's create_internal_article_request and update_internal_article_request: the same fields.</summary>
    private static readonly FieldSet WriteFields = UnknownFields.Set("title", "body", "author_id", "owner_id");

    private static readonly FieldSet WriteFields216 = UnknownFields.Set(["title", "body", "author_id", "owner_id", .. ArticleAiFields.Names]);

    /// <summary>GET /internal_articles: a numbered page (page, per_page), the most recently updated first.</summary>
    public static async Task<IResult> ListAsync(HttpContext context)
    {
        var ai = Ai(context);
        return NumberedPages.Answer(await Store(context).ListInternalArticlesAsync(), context.Request.Query, DefaultPerPage, (w, article) => Article(w, article, ai));
    }

    public static async Task<IResult> GetAsync(HttpContext context)
    {
        var article = await Store(context).GetInternalArticleAsync(RouteValues.Text(context, "internal_article_id"));
        var ai = Ai(context);
        return Json.Ok(w => Article(w, article, ai));
    }

    public static async Task<IResult> CreateAsync(HttpContext context)
    {
        var ai = Ai(context);
        var body = (await RequestBody.ReadAsync(context, ai ? WriteFields216 : WriteFields))!.Value;
        var article = await Store(context).CreateInternalArticleAsync(WriteOf(body, ai));
        return Json.Ok(w => Article(w, article, ai));
    }

    public static async Task<IResult> UpdateAsync(HttpContext context)
    {
        var ai = Ai(context);
        var body = (await RequestBody.ReadAsync(context, ai ? WriteFields216 : WriteFields))!.Value;
        var input = WriteOf(body, ai);
        var article = await Store(context).UpdateInternalArticleAsync(RouteValues.Text(context, "internal_article_id"), input);
        return Json.Ok(w => Article(w, article, ai));
    }

    /// <summary>POST /internal_articles/{internal_article_id}/tags {id, admin_id?} (2.16): the tag, as applied.</summary>
    public static async Task<IResult> TagAsync(HttpContext context)
    {
        var (tagId, admin) = await HelpCenterEndpoints.ArticleTagAsync(context);
        var applied = await Store(context).TagInternalArticleAsync(RouteValues.Text(context, "internal_article_id"), tagId, admin);
        return Json.Ok(w => Writer.AppliedTag(w, applied));
    }

    /// <summary>DELETE /internal_articles/{internal_article_id}/tags/{id} (2.16): the tag, no longer applied.</summary>
    public static async Task<IResult> UntagAsync(HttpContext context)
    {
        var tagId = RouteValues.NumericIdOrNone(context, "id");
        var removed = await Store(context).UntagInternalArticleAsync(RouteValues.Text(context, "internal_article_id"), tagId);
        return Json.Ok(w => Writer.AppliedTag(w, removed));
    }

    public static async Task<IResult> DeleteAsync(HttpContext context)
    {
        var id = await Store(context).DeleteInternalArticleAsync(RouteValues.Text(context, "internal_article_id"));
        return Json.Ok(w =>
        {
            w.WriteStartObject();
            w.WriteString("id", id);
            w.WriteString("object", "internal_article");
            w.WriteBoolean("deleted", true);
            w.WriteEndObject();
        });
    }

    /// <summary>
    /// GET /internal_articles/search: folder_id (the description's one parameter; a folder's id is a whole number)
    /// finds the articles in that folder, none, since the API puts no article in a folder; without it, every article.
    /// Numbered pages of 10 by default, as the description's example.
    /// </summary>
    public static async Task<IResult> SearchAsync(HttpContext context)
    {
        var query = context.Request.Query;
        var folder = Input.Query(query, "folder_id");
        if (folder is not null && (folder.Length == 0 || !folder.All(char.IsAsciiDigit)))
        {
            throw new ApiError(400, "bad_request", $"folder_id must be a folder's id (a whole number), not '{folder}'") { Code = "parameter_invalid", Field = "folder_id" };
        }

        var found = folder is null ? await Store(context).ListInternalArticlesAsync() : [];
        var (items, page, perPage) = NumberedPages.Slice(found, query, DefaultSearchPerPage);
        var ai = Ai(context);
        return Json.Ok(w =>
        {
            w.WriteStartObject();
            w.WriteString("type", "list");
            w.WriteNumber("total_count", found.Count);
            w.WriteStartObject("data");
            w.WriteStartArray("internal_articles");
            foreach (var article in items)
            {
                Article(w, article, ai);
            }

            w.WriteEndArray();
            w.WriteEndObject();
            Writer.Pages(w, page, perPage, found.Count, null);
            w.WriteEndObject();
        });
    }

    /// <summary>
    /// The write's fields, each checked for its type: title a non-blank string, body a string, owner_id and author_id
    /// positive integers; 2.16's as <see cref="ArticleAiFields.Read"/> checks them.
    /// </summary>
    private static InternalArticleInput WriteOf(JsonElement body, bool ai)
    {
        var title = Text(body, "title");
        if (title is { } t && t.Trim().Length == 0)
        {
            throw Invalid("title", "title must not be blank");
        }

        var html = Text(body, "body");
        return new(title, html, AdminId(body, "owner_id"), AdminId(body, "author_id"), ArticleAiFields.Read(body, ai));
    }

    private static string? Text(JsonElement body, string name) => Input.Field(body, name) switch
    {
        null => null,
        { ValueKind: JsonValueKind.String } v => v.GetString(),
        { } v => throw Invalid(name, $"{name} must be a string, not {Input.Kind(v)}"),
    };

    private static long? AdminId(JsonElement body, string name) => Input.Field(body, name) switch
    {
        null => null,
        { ValueKind: JsonValueKind.Number } v when v.TryGetInt64(out var id) && id > 0 => id,
        { ValueKind: JsonValueKind.String } v when long.TryParse(v.GetString(), NumberStyles.None, CultureInfo.InvariantCulture, out var id) && id > 0 => id,
        { } v => throw Invalid(name, $"{name} must be an admin's id (a positive integer), not {Input.Describe(v)}"),
    };

    private static ApiError Invalid(string field, string message) => ArticleAiFields.Invalid(field, message);

    /// <summary>An internal article in the field order of the description's examples (the schema's type, created_at and updated_at beside them); 2.16's fields with <paramref name="ai"/>.</summary>
    private static void Article(Utf8JsonWriter w, InternalArticleRecord a, bool ai)
    {
        w.WriteStartObject();
        w.WriteString("type", "internal_article");
        w.WriteString("id", a.Id);
        w.WriteString("title", a.Title);
        if (a.Body is { } body)
        {
            w.WriteString("body", body);
        }
        else
        {
            w.WriteNull("body");
        }

        if (ai)
        {
            ArticleAiFields.WriteMarkdown(w, a.BodyMarkdown);
        }

        w.WriteNumber("owner_id", a.OwnerId);
        w.WriteNumber("author_id", a.AuthorId);
        w.WriteNumber("created_at", a.CreatedAt);
        w.WriteNumber("updated_at", a.UpdatedAt);
        w.WriteString("locale", InternalArticleRecord.Locale);
        if (ai)
        {
            // Audiences are not emulated: no article is targeted to any.
            w.WriteStartArray("audience_ids");
            w.WriteEndArray();
            ArticleAiFields.WriteFlags(w, a.AiChatbot, a.AiCopilot, a.AiSalesAgent);
        }

        w.WriteEndObject();
    }

    private static bool Ai(HttpContext context) => Face.VersionOf(context).Model.AiArticles;

    private static IAppStore Store(HttpContext context) => Caller.From(context).Store;
}
