using System.Collections.Generic;
using System.Linq;
using System.Text.Json;
using System.Threading.Tasks;
using IntercomPS.Emulator.Model;
using Microsoft.AspNetCore.Http;

namespace IntercomPS.Emulator.Endpoints.V2;

/// <summary>
/// 2.16's drafts and versions of a help center article: a published article's changes staged as a draft (GET and PUT
/// /articles/{id}/draft), made live (POST /articles/{id}/draft/publish), and the versions its writes left (GET
/// /articles/{article_id}/versions, numbered pages newest first, and one with its body).
/// </summary>
internal static partial class HelpCenterEndpoints
{
    private const int DefaultVersionsPerPage = 25;

    private static readonly FieldSet PublishDraftFields = UnknownFields.Set("locales");

    /// <summary>GET /articles/{id}/draft: the article as its draft has it (its url the live article's); 404 when nothing is staged.</summary>
    public static async Task<IResult> GetArticleDraftAsync(HttpContext context)
    {
        var article = await GetOrNotFoundAsync(context);
        return article.Draft is null ? throw Storage.AppStore.ObjectNotFound() : DraftAnswer(context, article);
    }

    /// <summary>PUT /articles/{id}/draft: update_article_request's fields, of which only the versioned content is staged.</summary>
    public static async Task<IResult> StageArticleDraftAsync(HttpContext context)
    {
        var body = (await RequestBody.ReadAsync(context, ArticleFields216))!.Value;
        var input = ArticleInput(body, ai: true);
        return DraftAnswer(context, await Store(context).StageArticleDraftAsync(RouteValues.Text(context, "id"), input));
    }

    /// <summary>POST /articles/{id}/draft/publish {locales?}: the article, its draft now live.</summary>
    public static async Task<IResult> PublishArticleDraftAsync(HttpContext context)
    {
        var body = await RequestBody.ReadAsync(context, PublishDraftFields, required: false);
        IReadOnlyList<string>? locales = null;
        if (body is { } given && Input.Field(given, "locales") is { } list)
        {
            locales = list.ValueKind == JsonValueKind.Array && list.EnumerateArray().All(l => l.ValueKind == JsonValueKind.String)
                ? [.. list.EnumerateArray().Select(l => l.GetString()!)]
                : throw new ApiError(400, "bad_request", $"locales must be a list of locales (strings), not {Input.Describe(list)}") { Code = "parameter_invalid", Field = "locales" };
        }

        var article = await Store(context).PublishArticleDraftAsync(RouteValues.Text(context, "id"), locales);
        var app = App(context);
        return Json.Ok(w => Article(w, article, app, statistics: true, ai: true));
    }

    /// <summary>GET /articles/{article_id}/versions: numbered pages (25 by default), newest first; locale filters them (only the default locale has versions).</summary>
    public static async Task<IResult> ListArticleVersionsAsync(HttpContext context)
    {
        var locale = VersionLocale(context);
        var versions = await Store(context).ListArticleVersionsAsync(RouteValues.Text(context, "article_id"));
        return NumberedPages.Answer(locale is null or HelpCenter.DefaultLocale ? versions : [], context.Request.Query, DefaultVersionsPerPage,
            (w, v) => Version(w, v, content: false));
    }

    /// <summary>GET /articles/{article_id}/versions/{id}: the version with its body; 404 when it is not one of the article's (or not in the locale asked).</summary>
    public static async Task<IResult> GetArticleVersionAsync(HttpContext context)
    {
        var locale = VersionLocale(context);
        var version = await Store(context).GetArticleVersionAsync(RouteValues.Text(context, "article_id"), RouteValues.Text(context, "id"));
        return locale is null or HelpCenter.DefaultLocale ? Json.Ok(w => Version(w, version, content: true)) : throw Storage.AppStore.ObjectNotFound();
    }

    /// <summary>The article the path names, its 404 the description's ObjectNotFound (not GET /articles/{id}'s Resource Not Found).</summary>
    private static async Task<ArticleRecord> GetOrNotFoundAsync(HttpContext context)
    {
        try
        {
            return await Store(context).GetArticleAsync(RouteValues.Text(context, "id"));
        }
        catch (ApiError e) when (e.Status == 404)
        {
            throw Storage.AppStore.ObjectNotFound();
        }
    }

    private static IResult DraftAnswer(HttpContext context, ArticleRecord article)
    {
        var app = App(context);
        var live = article.Title;
        return Json.Ok(w => Article(w, ArticleRules.DraftView(article), app, statistics: true, ai: true, urlTitle: live));
    }

    /// <summary>The locale query parameter: one of the help center's, else the description's 400.</summary>
    private static string? VersionLocale(HttpContext context) => Input.Query(context.Request.Query, "locale") switch
    {
        null => null,
        var l when HelpCenter.Locales.Contains(l) => l,
        _ => throw new ApiError(400, "bad_request", "Unknown locale") { Code = "parameter_invalid", Field = "locale" },
    };

    /// <summary>An article_version (<paramref name="content"/>: with body, body_markdown and updated_at) or its summary, in the examples' field order.</summary>
    private static void Version(Utf8JsonWriter w, ArticleVersionRecord v, bool content)
    {
        w.WriteStartObject();
        w.WriteString("type", "article_version");
        w.WriteString("id", v.Id);
        w.WriteString("article_id", v.ArticleId);
        w.WriteString("title", v.Title);
        w.WriteString("description", v.Description ?? "");
        if (content)
        {
            w.WriteString("body", v.Body ?? "");
            ArticleAiFields.WriteMarkdown(w, v.BodyMarkdown);
        }

        w.WriteString("author_id", v.AuthorId.ToString(System.Globalization.CultureInfo.InvariantCulture));
        w.WriteNull("created_by_id"); // the emulator knows no teammate behind an access token
        w.WriteString("created_via", "api");
        if (v.FromVersionId is { } from)
        {
            w.WriteString("from_version_id", from);
        }
        else
        {
            w.WriteNull("from_version_id");
        }

        w.WriteString("state", v.Live ? "published" : "draft");
        w.WriteNumber("created_at", v.CreatedAt);
        if (content)
        {
            w.WriteNumber("updated_at", v.CreatedAt);
        }

        w.WriteEndObject();
    }
}
