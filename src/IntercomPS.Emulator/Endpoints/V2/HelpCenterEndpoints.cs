using System;
using System.Collections.Generic;
using System.Linq;
using System.Text.Json;
using System.Text.RegularExpressions;
using System.Threading.Tasks;
using IntercomPS.Emulator.Auth;
using IntercomPS.Emulator.Model;
using Microsoft.AspNetCore.Http;

namespace IntercomPS.Emulator.Endpoints.V2;

/// <summary>
/// The help center: articles (listed by numbered pages, most recently updated first; searched by phrase, state and
/// help center, with highlights on request), collections and sections, and the app's one fixed help center.
/// </summary>
internal static partial class HelpCenterEndpoints
{
    private const int DefaultArticlesPerPage = 25;
    private const int DefaultSearchPerPage = 10;
    private const int DefaultCollectionsPerPage = 20;

    /// <summary>POST /articles' request schema: its fields, and translated_content's locales, each an article_content.</summary>
    private static readonly FieldSet ArticleFields = UnknownFields.Set(
        ["title", "description", "body", "author_id", "state", "parent_id", "parent_type", "translated_content.type",
        .. HelpCenter.Locales.SelectMany(l => HelpCenter.ArticleContentFields.Select(f => $"translated_content.{l}.{f}"))]);

    /// <summary>2.16's (ApiModel.AiArticles, which help center articles share): 2.14's, the AI fields and a schedule.</summary>
    private static readonly FieldSet ArticleFields216 = UnknownFields.Set(
        ["title", "description", "body", "author_id", "state", "parent_id", "parent_type", "translated_content.type",
        .. HelpCenter.Locales.SelectMany(l => HelpCenter.ArticleContentFields.Select(f => $"translated_content.{l}.{f}")),
        .. ArticleAiFields.Names, "scheduled_publish_at", "scheduled_unpublish_at"]);

    private static readonly FieldSet CreateCollectionFields = UnknownFields.Set(
        ["name", "description", "parent_id", "help_center_id", "translated_content.type",
        .. HelpCenter.Locales.SelectMany(l => HelpCenter.CollectionContentFields.Select(f => $"translated_content.{l}.{f}"))]);

    private static readonly FieldSet UpdateCollectionFields = UnknownFields.Set(
        ["name", "description", "parent_id", "translated_content.type",
        .. HelpCenter.Locales.SelectMany(l => HelpCenter.CollectionContentFields.Select(f => $"translated_content.{l}.{f}"))]);

    /// <summary>GET /articles: a numbered page (page, per_page: 25 by default), the most recently updated first.</summary>
    public static async Task<IResult> ListArticlesAsync(HttpContext context)
    {
        var (app, ai) = (App(context), Ai(context));
        return NumberedPages.Answer(await Store(context).ListArticlesAsync(), context.Request.Query, DefaultArticlesPerPage,
            (w, article) => Article(w, article, app, statistics: false, ai));
    }

    public static async Task<IResult> GetArticleAsync(HttpContext context)
    {
        var article = await Store(context).GetArticleAsync(RouteValues.Text(context, "article_id"));
        var (app, ai) = (App(context), Ai(context));
        return Json.Ok(w => Article(w, article, app, statistics: true, ai));
    }

    public static async Task<IResult> CreateArticleAsync(HttpContext context)
    {
        var ai = Ai(context);
        var body = (await RequestBody.ReadAsync(context, ai ? ArticleFields216 : ArticleFields))!.Value;
        var article = await Store(context).CreateArticleAsync(ArticleInput(body, ai));
        var app = App(context);
        return Json.Ok(w => Article(w, article, app, statistics: true, ai));
    }

    public static async Task<IResult> UpdateArticleAsync(HttpContext context)
    {
        var ai = Ai(context);
        var body = (await RequestBody.ReadAsync(context, ai ? ArticleFields216 : ArticleFields))!.Value;
        var input = ArticleInput(body, ai);
        var article = await Store(context).UpdateArticleAsync(RouteValues.Text(context, "article_id"), input);
        var app = App(context);
        return Json.Ok(w => Article(w, article, app, statistics: true, ai));
    }

    /// <summary>POST /articles/{article_id}/tags {id, admin_id?} (2.16): the tag, as applied.</summary>
    public static async Task<IResult> TagArticleAsync(HttpContext context)
    {
        var (tagId, admin) = await ArticleTagAsync(context);
        var applied = await Store(context).TagArticleAsync(RouteValues.Text(context, "article_id"), tagId, admin);
        return Json.Ok(w => Writer.AppliedTag(w, applied));
    }

    /// <summary>DELETE /articles/{article_id}/tags/{id} (2.16): the tag, no longer applied.</summary>
    public static async Task<IResult> UntagArticleAsync(HttpContext context)
    {
        var tagId = RouteValues.NumericIdOrNone(context, "id"); // the store finds the article, then the tag
        var removed = await Store(context).UntagArticleAsync(RouteValues.Text(context, "article_id"), tagId);
        return Json.Ok(w => Writer.AppliedTag(w, removed));
    }

    /// <summary>The body of tagging an article, help center or internal: the tag's id, required, and the admin to attribute it to, optional.</summary>
    internal static async Task<(long TagId, string? AdminId)> ArticleTagAsync(HttpContext context)
    {
        var body = (await RequestBody.ReadAsync(context, ArticleTagFields))!.Value;
        var tagId = Input.Id(body, "id") ?? throw TicketTypes.Missing("id", "id is required (the tag's id)");
        return (tagId, ConversationsEndpoints.IdText(body, "admin_id"));
    }

    private static readonly FieldSet ArticleTagFields = UnknownFields.Set("id", "admin_id");

    /// <summary>Whether the version's articles have 2.16's fields: help center articles have them where internal ones do.</summary>
    private static bool Ai(HttpContext context) => Face.VersionOf(context).Model.AiArticles;

    public static async Task<IResult> DeleteArticleAsync(HttpContext context)
    {
        var id = await Store(context).DeleteArticleAsync(RouteValues.Text(context, "article_id"));
        return Json.Ok(w => Deleted(w, id, "article"));
    }

    /// <summary>
    /// GET /articles/search: phrase (words matched, case aside, in any locale's title, description or body text),
    /// state (published, draft or all, the default), help_center_id (the articles in its collections), highlight;
    /// numbered pages of 10 by default. Every query parameter is checked: a bad state or highlight is a 400.
    /// </summary>
    public static async Task<IResult> SearchArticlesAsync(HttpContext context)
    {
        var query = context.Request.Query;
        var phrase = Input.Query(query, "phrase")?.Trim();
        var state = Input.Query(query, "state") ?? "all";
        if (state is not ("published" or "draft" or "all"))
        {
            throw new ApiError(400, "bad_request", $"state must be published, draft or all, not '{state}'") { Code = "parameter_invalid", Field = "state" };
        }

        var highlight = Input.Query(query, "highlight") switch
        {
            null or "false" => false,
            "true" => true,
            var other => throw new ApiError(400, "bad_request", $"highlight must be true or false, not '{other}'") { Code = "parameter_invalid", Field = "highlight" },
        };
        var helpCenter = Input.QueryNumber(query, "help_center_id");

        var found = (await Store(context).ListArticlesAsync())
            .Where(a => state == "all" || a.State == state)
            .Where(a => helpCenter is null || (helpCenter == HelpCenter.Id && a.Parent is not null))
            .Where(a => phrase is null or "" || Contents(a).Any(c => Matches(c, phrase)))
            .ToList();
        var (items, page, perPage) = NumberedPages.Slice(found, query, DefaultSearchPerPage);
        var (app, ai) = (App(context), Ai(context));
        return Json.Ok(w =>
        {
            w.WriteStartObject();
            w.WriteString("type", "list");
            w.WriteNumber("total_count", found.Count);
            w.WriteStartObject("data");
            w.WriteStartArray("articles");
            foreach (var article in items)
            {
                Article(w, article, app, statistics: true, ai);
            }

            w.WriteEndArray();
            w.WriteStartArray("highlights");
            if (highlight && phrase is { Length: > 0 })
            {
                foreach (var article in items)
                {
                    Highlights(w, article, phrase);
                }
            }

            w.WriteEndArray();
            w.WriteEndObject();
            Writer.Pages(w, page, perPage, found.Count, null);
            w.WriteEndObject();
        });
    }

    public static async Task<IResult> ListCollectionsAsync(HttpContext context)
    {
        var app = App(context);
        return NumberedPages.Answer(await Store(context).ListCollectionsAsync(), context.Request.Query, DefaultCollectionsPerPage, (w, collection) => Collection(w, collection, app));
    }

    public static async Task<IResult> GetCollectionAsync(HttpContext context)
    {
        var collection = await Store(context).GetCollectionAsync(RouteValues.Text(context, "collection_id"));
        var app = App(context);
        return Json.Ok(w => Collection(w, collection, app));
    }

    public static async Task<IResult> CreateCollectionAsync(HttpContext context)
    {
        var body = (await RequestBody.ReadAsync(context, CreateCollectionFields))!.Value;
        var collection = await Store(context).CreateCollectionAsync(CollectionInput(body, create: true));
        var app = App(context);
        return Json.Ok(w => Collection(w, collection, app));
    }

    public static async Task<IResult> UpdateCollectionAsync(HttpContext context)
    {
        var body = (await RequestBody.ReadAsync(context, UpdateCollectionFields))!.Value;
        var input = CollectionInput(body, create: false);
        var collection = await Store(context).UpdateCollectionAsync(RouteValues.Text(context, "collection_id"), input);
        var app = App(context);
        return Json.Ok(w => Collection(w, collection, app));
    }

    public static async Task<IResult> DeleteCollectionAsync(HttpContext context)
    {
        var id = await Store(context).DeleteCollectionAsync(RouteValues.Text(context, "collection_id"));
        return Json.Ok(w => Deleted(w, id, "collection"));
    }

    /// <summary>
    /// GET /help_center/help_centers: the app's one help center, on the first of the numbered pages the official SDK
    /// walks (page, per_page) until one is empty.
    /// </summary>
    public static IResult ListHelpCenters(HttpContext context)
    {
        var app = App(context);
        var (centers, _, _) = NumberedPages.Slice([HelpCenter.Id], context.Request.Query, DefaultCollectionsPerPage);
        return Json.Ok(w =>
        {
            w.WriteStartObject();
            w.WriteString("type", "list");
            w.WriteStartArray("data");
            foreach (var _ in centers)
            {
                HelpCenterObject(w, app);
            }

            w.WriteEndArray();
            w.WriteEndObject();
        });
    }

    public static IResult GetHelpCenter(HttpContext context)
    {
        var app = App(context);
        return RouteValues.Text(context, "help_center_id") == HelpCenter.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)
            ? Json.Ok(w => HelpCenterObject(w, app))
            : throw Storage.AppStore.HelpCenterNotFound();
    }

    /// <summary>
    /// The write's content: the body's own fields, then translated_content's default locale's where the body leaves
    /// one out; every other locale on its own; with <paramref name="ai"/> (2.16) the AI fields and a schedule.
    /// </summary>
    private static ArticleInput ArticleInput(JsonElement body, bool ai)
    {
        var aiFields = ArticleAiFields.Read(body, ai);
        var schedule = ai ? Schedule(body) : null;
        var own = Content(body, "");
        var translations = new Dictionary<string, ArticleContentInput>(StringComparer.Ordinal);
        if (Input.Field(body, "translated_content") is { } translated)
        {
            if (translated.ValueKind != JsonValueKind.Object)
            {
                throw new ApiError(400, "bad_request", $"translated_content must be an object of locales, not {Input.Kind(translated)}") { Code = "parameter_invalid", Field = "translated_content" };
            }

            foreach (var locale in translated.EnumerateObject().Where(p => HelpCenter.Locales.Contains(p.Name) && p.Value.ValueKind != JsonValueKind.Null))
            {
                if (locale.Value.ValueKind != JsonValueKind.Object)
                {
                    throw new ApiError(400, "bad_request", $"translated_content.{locale.Name} must be an object (article_content), not {Input.Kind(locale.Value)}")
                    { Code = "parameter_invalid", Field = $"translated_content.{locale.Name}" };
                }

                var content = Content(locale.Value, $"translated_content.{locale.Name}.");
                if (locale.Name == HelpCenter.DefaultLocale)
                {
                    own = new(own.Title ?? content.Title, own.Description ?? content.Description, own.Body ?? content.Body, own.AuthorId ?? content.AuthorId, own.State ?? content.State);
                }
                else
                {
                    translations[locale.Name] = content;
                }
            }
        }

        var parentId = Input.Field(body, "parent_id") switch
        {
            null => null,
            { ValueKind: JsonValueKind.Number } v when v.TryGetInt64(out var id) && id > 0 => v.GetRawText(),
            { ValueKind: JsonValueKind.String } v when v.GetString() is { Length: > 0 } text && text.All(char.IsAsciiDigit) => text.TrimStart('0'),
            { } v => throw new ApiError(400, "bad_request", $"parent_id must be the id of a collection or section (a positive integer), not {Input.Kind(v)}")
            { Code = "parameter_invalid", Field = "parent_id" },
        };
        if (Input.String(body, "parent_type") is { } parentType && parentType is not ("collection" or "section"))
        {
            throw new ApiError(400, "bad_request", $"parent_type must be collection or section, not '{parentType}'") { Code = "parameter_invalid", Field = "parent_type" };
        }

        return new(own, parentId, translations, aiFields, schedule);
    }

    /// <summary>
    /// 2.16's scheduled_publish_at or scheduled_unpublish_at (never both in one request): an ISO 8601 time, or null to
    /// cancel the pending one; an empty string or anything else is refused. Whether it is in the future, ArticleRules decides.
    /// </summary>
    private static ArticleSchedule? Schedule(JsonElement body)
    {
        var publish = body.TryGetProperty("scheduled_publish_at", out var p);
        var unpublish = body.TryGetProperty("scheduled_unpublish_at", out var u);
        if (publish && unpublish)
        {
            throw new ApiError(400, "bad_request", "give scheduled_publish_at or scheduled_unpublish_at, not both: an article has at most one pending schedule")
            { Code = "parameter_invalid", Field = "scheduled_unpublish_at" };
        }

        if (!publish && !unpublish)
        {
            return null;
        }

        var (field, value) = publish ? ("scheduled_publish_at", p) : ("scheduled_unpublish_at", u);
        return value.ValueKind switch
        {
            JsonValueKind.Null => new(unpublish, null),
            JsonValueKind.String when IsoTime().IsMatch(value.GetString()!)
                && DateTimeOffset.TryParse(value.GetString(), System.Globalization.CultureInfo.InvariantCulture, System.Globalization.DateTimeStyles.None, out var at) =>
                new(unpublish, at.ToUnixTimeSeconds()),
            _ => throw new ApiError(400, "bad_request", $"{field} must be an ISO 8601 time (2026-12-31T09:00:00Z) or null, not {Input.Describe(value)}")
            { Code = "parameter_invalid", Field = field },
        };
    }

    [GeneratedRegex(@"^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:\d{2})$")]
    private static partial Regex IsoTime();

    private static ArticleContentInput Content(JsonElement o, string at)
    {
        var title = Input.Field(o, "title") is null ? null : Text(o, "title", at);
        if (title is { } t && t.Trim().Length == 0)
        {
            throw new ApiError(400, "bad_request", $"{at}title must not be blank") { Code = "parameter_invalid", Field = at + "title" };
        }

        var author = Input.Field(o, "author_id") switch
        {
            null => (long?)null,
            { ValueKind: JsonValueKind.Number } v when v.TryGetInt64(out var id) && id > 0 => id,
            { ValueKind: JsonValueKind.String } v when long.TryParse(v.GetString(), System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var id) && id > 0 => id,
            { } v => throw new ApiError(400, "bad_request", $"{at}author_id must be an admin's id (a positive integer), not {Input.Kind(v)}") { Code = "parameter_invalid", Field = at + "author_id" },
        };
        var state = Input.Field(o, "state") is null ? null : Text(o, "state", at);
        if (state is not (null or "published" or "draft"))
        {
            throw new ApiError(400, "bad_request", $"{at}state must be published or draft, not '{state}'") { Code = "parameter_invalid", Field = at + "state" };
        }

        return new(title, Input.Field(o, "description") is null ? null : Text(o, "description", at), Input.Field(o, "body") is null ? null : Text(o, "body", at), author, state);
    }

    private static CollectionInput CollectionInput(JsonElement body, bool create)
    {
        var name = Input.Field(body, "name") is null ? null : Text(body, "name", "");
        if (name is { } n && n.Trim().Length == 0)
        {
            throw new ApiError(400, "bad_request", "name must not be blank") { Code = "parameter_invalid", Field = "name" };
        }

        var description = Input.Field(body, "description") is null ? null : Text(body, "description", "");
        var translations = new Dictionary<string, CollectionContentRecord>(StringComparer.Ordinal);
        if (Input.Field(body, "translated_content") is { } translated)
        {
            if (translated.ValueKind != JsonValueKind.Object)
            {
                throw new ApiError(400, "bad_request", $"translated_content must be an object of locales, not {Input.Kind(translated)}") { Code = "parameter_invalid", Field = "translated_content" };
            }

            foreach (var locale in translated.EnumerateObject().Where(p => HelpCenter.Locales.Contains(p.Name) && p.Value.ValueKind != JsonValueKind.Null))
            {
                if (locale.Value.ValueKind != JsonValueKind.Object)
                {
                    throw new ApiError(400, "bad_request", $"translated_content.{locale.Name} must be an object (group_content), not {Input.Kind(locale.Value)}")
                    { Code = "parameter_invalid", Field = $"translated_content.{locale.Name}" };
                }

                var at = $"translated_content.{locale.Name}.";
                var content = new CollectionContentRecord(
                    Input.Field(locale.Value, "name") is null ? null : Text(locale.Value, "name", at),
                    Input.Field(locale.Value, "description") is null ? null : Text(locale.Value, "description", at));
                if (locale.Name == HelpCenter.DefaultLocale)
                {
                    name ??= content.Name;
                    description ??= content.Description;
                }
                else
                {
                    translations[locale.Name] = content;
                }
            }
        }

        // parent_id null (given as null) makes it a first-level collection: "" here.
        var parentId = body.TryGetProperty("parent_id", out var parent) ? parent.ValueKind switch
        {
            JsonValueKind.Null => "",
            JsonValueKind.String when parent.GetString() is { } text && (text.Length == 0 || text.All(char.IsAsciiDigit)) => text,
            JsonValueKind.Number when parent.TryGetInt64(out var id) && id > 0 => parent.GetRawText(),
            _ => throw new ApiError(400, "bad_request", $"parent_id must be a collection's id (a string of digits) or null, not {Input.Kind(parent)}")
            { Code = "parameter_invalid", Field = "parent_id" },
        } : null;
        var helpCenter = create ? Input.Field(body, "help_center_id") switch
        {
            null => (long?)null,
            { ValueKind: JsonValueKind.Number } v when v.TryGetInt64(out var id) => id,
            { ValueKind: JsonValueKind.String } v when long.TryParse(v.GetString(), System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var id) => id,
            { } v => throw new ApiError(400, "bad_request", $"help_center_id must be a help center's id (an integer), not {Input.Kind(v)}") { Code = "parameter_invalid", Field = "help_center_id" },
        } : null;
        return new(name, description, parentId, helpCenter, translations);
    }

    private static string Text(JsonElement o, string name, string at) => Input.Field(o, name) switch
    {
        { ValueKind: JsonValueKind.String } v => v.GetString()!,
        { } v => throw new ApiError(400, "bad_request", $"{at}{name} must be a string, not {Input.Kind(v)}") { Code = "parameter_invalid", Field = at + name },
        null => throw new InvalidOperationException(),
    };

    /// <summary>An article in the field order of the description's examples: statistics for a single one, translated_content when it has other locales.</summary>
    /// <remarks><paramref name="urlTitle"/>: the title the url's slug is made of when not the content's (a draft's answer links the live article).</remarks>
    public static void Article(Utf8JsonWriter w, ArticleRecord a, string app, bool statistics, bool ai, string? urlTitle = null)
    {
        w.WriteStartObject();
        w.WriteString("id", a.Id);
        w.WriteString("type", "article");
        w.WriteString("workspace_id", app);
        if (a.Parent is { } parent)
        {
            w.WriteNumber("parent_id", long.Parse(parent.Id, System.Globalization.CultureInfo.InvariantCulture));
            w.WriteString("parent_type", parent.ParentId is null ? "collection" : "section");
        }
        else
        {
            w.WriteNull("parent_id");
            w.WriteNull("parent_type");
        }

        w.WriteStartArray("parent_ids");
        if (a.Parent is { } direct)
        {
            w.WriteNumberValue(long.Parse(direct.Id, System.Globalization.CultureInfo.InvariantCulture));
        }

        w.WriteEndArray();
        if (statistics)
        {
            w.WriteStartObject("statistics");
            w.WriteString("type", "article_statistics");
            w.WriteNumber("views", 0);
            w.WriteNumber("conversions", 0);
            w.WriteNumber("reactions", 0);
            w.WriteNumber("happy_reaction_percentage", 0);
            w.WriteNumber("neutral_reaction_percentage", 0);
            w.WriteNumber("sad_reaction_percentage", 0);
            w.WriteEndObject();
        }

        w.WriteStartObject("tags");
        w.WriteString("type", "tag.list");
        w.WriteStartArray("tags");
        foreach (var tag in a.Tags)
        {
            Writer.AppliedTag(w, tag);
        }

        w.WriteEndArray();
        w.WriteEndObject();
        ContentFields(w, a.Id, a.Content, app, HelpCenter.DefaultLocale, inLocale: false, urlTitle);
        if (ai)
        {
            // 2.16: whether changes are staged on top of the live content, and when they were last staged.
            w.WriteBoolean("has_unpublished_changes", a.Draft is not null);
            if (a.Draft is { } draft)
            {
                w.WriteNumber("draft_updated_at", draft.UpdatedAt);
            }
            else
            {
                w.WriteNull("draft_updated_at");
            }


            ArticleAiFields.WriteMarkdown(w, a.Ai.BodyMarkdown);
            ArticleAiFields.WriteFlags(w, a.Ai.AiChatbot, a.Ai.AiCopilot, a.Ai.AiSalesAgent);
            foreach (var (field, at) in new[] { ("scheduled_publish_at", a.Ai.ScheduledPublishAt), ("scheduled_unpublish_at", a.Ai.ScheduledUnpublishAt) })
            {
                if (at is { } seconds)
                {
                    w.WriteNumber(field, seconds);
                }
                else
                {
                    w.WriteNull(field);
                }
            }
        }

        if (a.Translations.Count > 0)
        {
            w.WriteString("default_locale", HelpCenter.DefaultLocale);
            w.WriteStartObject("translated_content");
            w.WriteString("type", "article_translated_content");
            foreach (var (locale, content) in a.Translations.Prepend(new(HelpCenter.DefaultLocale, a.Content)).OrderBy(t => LocaleOrder(t.Key)))
            {
                w.WriteStartObject(locale);
                w.WriteString("type", "article_content");
                ContentFields(w, a.Id, content, app, locale, inLocale: true);
                w.WriteEndObject();
            }

            w.WriteEndObject();
        }

        w.WriteEndObject();
    }

    private static int LocaleOrder(string locale) => HelpCenter.Locales.ToList().IndexOf(locale);

    /// <summary>
    /// One locale's fields: url null for a draft, which has no public page (as the description's search example shows);
    /// inside translated_content, whose article_content url is not nullable, a draft's is left out.
    /// </summary>
    private static void ContentFields(Utf8JsonWriter w, string id, ArticleContentRecord c, string app, string locale, bool inLocale, string? urlTitle = null)
    {
        w.WriteString("title", c.Title);
        w.WriteString("description", c.Description ?? "");
        w.WriteString("body", c.Body ?? "");
        w.WriteNumber("author_id", c.AuthorId);
        w.WriteString("state", c.State);
        w.WriteNumber("created_at", c.CreatedAt);
        w.WriteNumber("updated_at", c.UpdatedAt);
        if (c.State == "published")
        {
            w.WriteString("url", HelpCenter.ArticleUrl(app, locale, id, urlTitle ?? c.Title));
        }
        else if (!inLocale)
        {
            w.WriteNull("url");
        }
    }

    private static IEnumerable<ArticleContentRecord> Contents(ArticleRecord a) => a.Translations.Values.Prepend(a.Content);

    private static bool Matches(ArticleContentRecord c, string phrase) =>
        c.Title.Contains(phrase, StringComparison.OrdinalIgnoreCase)
        || (c.Description ?? "").Contains(phrase, StringComparison.OrdinalIgnoreCase)
        || Html.PlainText(c.Body ?? "").Contains(phrase, StringComparison.OrdinalIgnoreCase);

    /// <summary>
    /// An article_search_highlights: the title split into plain and highlight chunks around each match of the phrase,
    /// and the summary as one chunk list for the description and one for the body's text, where either matches.
    /// </summary>
    private static void Highlights(Utf8JsonWriter w, ArticleRecord a, string phrase)
    {
        var c = Contents(a).FirstOrDefault(c => Matches(c, phrase)) ?? a.Content;
        w.WriteStartObject();
        w.WriteString("article_id", a.Id);
        w.WriteStartArray("highlighted_title");
        Chunks(w, c.Title, phrase);
        w.WriteEndArray();
        w.WriteStartArray("highlighted_summary");
        foreach (var text in new[] { c.Description ?? "", WhiteSpace().Replace(Html.PlainText(c.Body ?? ""), " ") }.Where(t => t.Contains(phrase, StringComparison.OrdinalIgnoreCase)))
        {
            w.WriteStartArray();
            Chunks(w, text, phrase);
            w.WriteEndArray();
        }

        w.WriteEndArray();
        w.WriteEndObject();
    }

    private static void Chunks(Utf8JsonWriter w, string text, string phrase)
    {
        var at = 0;
        while (at < text.Length)
        {
            var match = text.IndexOf(phrase, at, StringComparison.OrdinalIgnoreCase);
            if (match < 0)
            {
                Chunk(w, "plain", text[at..]);
                break;
            }

            if (match > at)
            {
                Chunk(w, "plain", text[at..match]);
            }

            Chunk(w, "highlight", text.Substring(match, phrase.Length));
            at = match + phrase.Length;
        }

        static void Chunk(Utf8JsonWriter w, string type, string text)
        {
            w.WriteStartObject();
            w.WriteString("type", type);
            w.WriteString("text", text);
            w.WriteEndObject();
        }
    }

    /// <summary>A collection in the field order of the description's examples; translated_content when it has other locales.</summary>
    public static void Collection(Utf8JsonWriter w, CollectionRecord c, string app)
    {
        w.WriteStartObject();
        w.WriteString("id", c.Id);
        w.WriteString("workspace_id", app);
        w.WriteString("name", c.Name);
        w.WriteString("url", HelpCenter.CollectionUrl(app, HelpCenter.DefaultLocale, c.Id, c.Name));
        w.WriteNumber("order", c.Order);
        w.WriteNumber("created_at", c.CreatedAt);
        w.WriteNumber("updated_at", c.UpdatedAt);
        w.WriteString("description", c.Description ?? "");
        w.WriteString("icon", c.Icon);
        if (c.ParentId is { } parent)
        {
            w.WriteString("parent_id", parent);
        }
        else
        {
            w.WriteNull("parent_id");
        }

        w.WriteNumber("help_center_id", HelpCenter.Id);
        if (c.Translations.Count > 0)
        {
            w.WriteString("default_locale", HelpCenter.DefaultLocale);
            w.WriteStartObject("translated_content");
            w.WriteString("type", "group_translated_content");
            foreach (var (locale, content) in c.Translations.Prepend(new(HelpCenter.DefaultLocale, new(c.Name, c.Description))).OrderBy(t => LocaleOrder(t.Key)))
            {
                w.WriteStartObject(locale);
                w.WriteString("type", "group_content");
                w.WriteString("name", content.Name ?? c.Name);
                w.WriteString("description", content.Description ?? "");
                w.WriteEndObject();
            }

            w.WriteEndObject();
        }

        w.WriteEndObject();
    }

    private static void HelpCenterObject(Utf8JsonWriter w, string app)
    {
        w.WriteStartObject();
        w.WriteString("id", HelpCenter.Id.ToString(System.Globalization.CultureInfo.InvariantCulture));
        w.WriteString("workspace_id", app);
        w.WriteNumber("created_at", HelpCenter.CreatedAt);
        w.WriteNumber("updated_at", HelpCenter.CreatedAt);
        w.WriteString("identifier", HelpCenter.Identifier(app));
        w.WriteBoolean("website_turned_on", true);
        w.WriteString("display_name", "Help Center");
        w.WriteString("url", HelpCenter.Url(app));
        w.WriteNull("custom_domain");
        w.WriteEndObject();
    }

    private static void Deleted(Utf8JsonWriter w, string id, string kind)
    {
        w.WriteStartObject();
        w.WriteString("id", id);
        w.WriteString("object", kind);
        w.WriteBoolean("deleted", true);
        w.WriteEndObject();
    }

    [GeneratedRegex(@"\s+")]
    private static partial Regex WhiteSpace();

    private static IAppStore Store(HttpContext context) => Caller.From(context).Store;

    private static string App(HttpContext context) => Caller.From(context).AppId;
}
