using System;
using System.Collections.Generic;
using System.Linq;
using System.Text.RegularExpressions;

namespace IntercomPS.Emulator.Model;

/// <summary>
/// One locale's content of an article: the default locale's is the article's own fields, every other locale's is kept
/// beside them (2.14's article_content). AuthorId is an admin of the app; State published or draft.
/// </summary>
internal sealed record ArticleContentRecord(string Title, string? Description, string? Body, long AuthorId, string State, long CreatedAt, long UpdatedAt);

/// <summary>
/// A help center article: its default-locale content, its parent collection (or none: it stands alone), its other
/// locales' content, and 2.16's fields. Id is a positive whole number, unique across the emulator.
/// </summary>
internal sealed record ArticleRecord(string Id, ArticleContentRecord Content, CollectionRecord? Parent, IReadOnlyDictionary<string, ArticleContentRecord> Translations, ArticleAi Ai)
{
    /// <summary>The tags applied to it (POST /articles/{id}/tags, 2.16), the first applied first.</summary>
    public IReadOnlyList<AppliedTag> Tags { get; init; } = [];

    /// <summary>The unpublished changes staged on top of its live content (PUT /articles/{id}/draft, 2.16), or none.</summary>
    public ArticleDraftRecord? Draft { get; init; }

    public string Title => Content.Title;

    public string State => Content.State;
}

/// <summary>
/// An article's staged draft (2.16): the default locale's versioned content (title, description, body and the markdown
/// it was written in, author) as it will be once published, and when it was last staged.
/// </summary>
internal sealed record ArticleDraftRecord(string Title, string? Description, string? Body, string? BodyMarkdown, long AuthorId, long UpdatedAt);

/// <summary>
/// One version of an article (2.16): its default locale's content as a write left it. Live when it is the newest
/// version of a published article (its state published; every other version's is draft). CreatedVia is api: every
/// write here comes through the API.
/// </summary>
internal sealed record ArticleVersionRecord(string Id, string ArticleId, string Title, string? Description, string? Body, string? BodyMarkdown, long AuthorId,
    string? FromVersionId, long CreatedAt, bool Live);

/// <summary>
/// One locale's content of a collection (2.14's group_content): its name and description.
/// </summary>
internal sealed record CollectionContentRecord(string? Name, string? Description);

/// <summary>
/// A help center collection, or a section (a collection whose parent is a collection): its default-locale name and
/// description, its icon, its order among its siblings (from 1) and its other locales' names and descriptions. Every
/// collection is in the app's one help center.
/// </summary>
internal sealed record CollectionRecord(string Id, string Name, string? Description, string? ParentId, string Icon, int Order, long CreatedAt, long UpdatedAt,
    IReadOnlyDictionary<string, CollectionContentRecord> Translations);

/// <summary>A page of articles, newest update first, and how many there are in all.</summary>
internal sealed record ArticlePage(IReadOnlyList<ArticleRecord> Articles, long TotalCount, int Page, int PerPage);

/// <summary>
/// The help center every app has, and what the help center API's content shares: the locales it knows (2.14's
/// article_translated_content and group_translated_content), the default one, and the URLs of what is published. The
/// API cannot create, change or delete a help center, so it is fixed, as the away status reasons are: the same id in
/// every app (its workspace_id and identifier are the app's own).
/// </summary>
internal static partial class HelpCenter
{
    /// <summary>The one help center's id in every app.</summary>
    public const long Id = 301;

    /// <summary>When it was made (UNIX seconds): fixed, so answers are the same on every run.</summary>
    public const long CreatedAt = 1_734_537_243;

    /// <summary>The locale the article's own title, description, body, author and state are in.</summary>
    public const string DefaultLocale = "en";

    /// <summary>The locales 2.14's translated content objects define, in the description's order.</summary>
    public static IReadOnlyList<string> Locales { get; } =
    [
        "ar", "bg", "bs", "ca", "cs", "da", "de", "el", "en", "es", "et", "fi", "fr", "he", "hr", "hu", "id", "it", "ja", "ko", "lt", "lv", "mn",
        "nb", "nl", "pl", "pt", "ro", "ru", "sl", "sr", "sv", "tr", "vi", "pt-BR", "zh-CN", "zh-TW",
    ];

    /// <summary>article_content's fields: the ones a write sets, and the read-only ones an answer carries (accepted, not applied).</summary>
    public static IReadOnlyList<string> ArticleContentFields { get; } = ["type", "title", "description", "body", "author_id", "state", "created_at", "updated_at", "url"];

    public static IReadOnlyList<string> CollectionContentFields { get; } = ["type", "name", "description"];

    public static IReadOnlyList<string> States { get; } = ["published", "draft"];

    /// <summary>The help center's identifier (its URL's path): the app id, lower case, letters, digits and dashes.</summary>
    public static string Identifier(string appId)
    {
        var identifier = NotSlug().Replace(appId.ToLowerInvariant(), "-").Trim('-');
        return identifier.Length == 0 ? "help-center" : identifier;
    }

    public static string Url(string appId) => $"https://intercom.help/{Identifier(appId)}";

    public static string ArticleUrl(string appId, string locale, string id, string title) => $"{Url(appId)}/{locale}/articles/{id}-{Slug(title)}";

    public static string CollectionUrl(string appId, string locale, string id, string name) => $"{Url(appId)}/{locale}/collections/{id}-{Slug(name)}";

    private static string Slug(string text)
    {
        var slug = NotSlug().Replace(text.ToLowerInvariant(), "-").Trim('-');
        return slug.Length > 60 ? slug[..60].TrimEnd('-') : slug;
    }

    /// <summary>An article's body as the service keeps it: HTML (text becomes paragraphs), each paragraph class no-margin, as the description's examples show.</summary>
    public static string Body(string body) => body.Length == 0 ? "" : Html.Markup(body).Replace("<p>", "<p class=\"no-margin\">", StringComparison.Ordinal);

    [GeneratedRegex("[^a-z0-9]+")]
    private static partial Regex NotSlug();
}

/// <summary>One locale's content as a write gives it: what is null is not given (kept as it is, or defaulted).</summary>
internal sealed record ArticleContentInput(string? Title, string? Description, string? Body, long? AuthorId, string? State);

/// <summary>
/// An article write (POST creates, PUT changes): the default locale's content (the body's own fields, then those of
/// translated_content's default locale where the body leaves one out), the parent collection's id, other locales'
/// content, and 2.16's AI fields and schedule (none before 2.16).
/// </summary>
internal sealed record ArticleInput(ArticleContentInput Content, string? ParentId, IReadOnlyDictionary<string, ArticleContentInput> Translations,
    ArticleAiInput Ai, ArticleSchedule? Schedule);

/// <summary>A collection write: null is not given. ParentId "" makes it a first-level collection again.</summary>
internal sealed record CollectionInput(string? Name, string? Description, string? ParentId, long? HelpCenterId, IReadOnlyDictionary<string, CollectionContentRecord> Translations);

/// <summary>
/// The rules of an article write, in one place for every store: the title and the author are required of a new
/// article (in the description's words for the author), the author is an admin of the app, the parent a collection of
/// the app, a draft by default; a locale new to the article needs its title, and takes the article's author and draft
/// unless given. Changing content stamps its updated_at.
/// </summary>
internal static class ArticleRules
{
    public static ArticleRecord Apply(string id, ArticleRecord? existing, ArticleInput input, long now, Func<long, bool> isAdmin, Func<string, CollectionRecord?> collection)
    {
        var ai = input.Ai;
        ai.CheckAudiences();
        var was = existing?.Ai ?? ArticleAi.None;
        var given = input.Content;
        var (html, markdown) = ai.Body(given.Body, null, was.BodyMarkdown);
        given = given with { Body = html };

        // A publish scheduled with state published schedules it instead of publishing now (2.16's description).
        var schedule = input.Schedule;
        if (schedule is { Unpublish: false, At: not null })
        {
            if (given.State == "draft")
            {
                throw Invalid(schedule.Field, "scheduled_publish_at cannot be combined with state draft: it schedules a publish");
            }

            given = given with { State = null };
        }

        var content = Content(existing?.Content, given, now, isAdmin, author: null, field: "");
        var parent = input.ParentId is { } parentId
            ? collection(parentId) ?? throw new ApiError(400, "bad_request", $"parent_id {parentId} names no collection or section of this help center") { Code = "parameter_invalid", Field = "parent_id" }
            : existing?.Parent;
        var translations = new Dictionary<string, ArticleContentRecord>(existing?.Translations ?? new Dictionary<string, ArticleContentRecord>(), StringComparer.Ordinal);
        foreach (var (locale, translated) in input.Translations)
        {
            translations[locale] = Content(translations.GetValueOrDefault(locale), translated, now, isAdmin, content.AuthorId, $"translated_content.{locale}.");
        }

        var everPublished = was.EverPublished || content.State == "published";
        var changed = was with
        {
            BodyMarkdown = markdown,
            AiChatbot = ai.AiChatbot ?? was.AiChatbot,
            AiCopilot = ai.AiCopilot ?? was.AiCopilot,
            AiSalesAgent = ai.AiSalesAgent ?? was.AiSalesAgent,
            EverPublished = everPublished,
        };
        if (schedule is { At: { } at })
        {
            if (at <= now)
            {
                throw Invalid(schedule.Field, $"{schedule.Field} must be in the future");
            }

            if (schedule.Unpublish && !everPublished)
            {
                throw Invalid(schedule.Field, "scheduled_unpublish_at needs an article that has been published");
            }

            // One pending schedule per article: the new one replaces the other.
            changed = changed with { ScheduledPublishAt = schedule.Unpublish ? null : at, ScheduledUnpublishAt = schedule.Unpublish ? at : null };
        }
        else if (schedule is not null)
        {
            changed = schedule.Unpublish ? changed with { ScheduledUnpublishAt = null } : changed with { ScheduledPublishAt = null };
        }

        if (changed != was && content == existing?.Content)
        {
            content = content with { UpdatedAt = now };
        }

        return new(id, content, parent, translations, changed);
    }

    /// <summary>
    /// The article as it is at <paramref name="now"/>: a schedule whose time has come has happened (the article was
    /// published, or unpublished to a draft, then), so every read sees it as the real service would.
    /// </summary>
    public static ArticleRecord AsOf(ArticleRecord a, long now) => a.Ai switch
    {
        { ScheduledPublishAt: { } at } when at <= now =>
            a with { Content = a.Content with { State = "published", UpdatedAt = at }, Ai = a.Ai with { ScheduledPublishAt = null, EverPublished = true } },
        { ScheduledUnpublishAt: { } at } when at <= now =>
            a with { Content = a.Content with { State = "draft", UpdatedAt = at }, Ai = a.Ai with { ScheduledUnpublishAt = null } },
        _ => a,
    };

    /// <summary>
    /// The draft a PUT /articles/{id}/draft stages on a published article: its versioned content (title, description,
    /// body or body_markdown, author) by the rules of an update, on top of the draft already staged, else the live
    /// content. Everything else the request gives (state, parent, locales, AI flags, a schedule) is ignored, as the
    /// description says, and the live article is untouched.
    /// </summary>
    public static ArticleDraftRecord StageDraft(ArticleRecord live, ArticleInput input, long now, Func<long, bool> isAdmin)
    {
        if (live.State != "published")
        {
            throw new ApiError(422, "unprocessable_entity", "Article must be published before a draft can be staged") { Code = "parameter_invalid" };
        }

        var given = input.Content with { State = null };
        var versioned = new ArticleInput(given, null, new Dictionary<string, ArticleContentInput>(), ArticleAiInput.None with { BodyMarkdown = input.Ai.BodyMarkdown }, null);
        var staged = Apply(live.Id, DraftView(live), versioned, now, isAdmin, _ => null);
        return new(staged.Content.Title, staged.Content.Description, staged.Content.Body, staged.Ai.BodyMarkdown, staged.Content.AuthorId, now);
    }

    /// <summary>The article as its draft has it (GET /articles/{id}/draft): the live article itself when nothing is staged.</summary>
    public static ArticleRecord DraftView(ArticleRecord a) => a.Draft is { } d
        ? a with
        {
            Content = a.Content with { Title = d.Title, Description = d.Description, Body = d.Body, AuthorId = d.AuthorId, UpdatedAt = d.UpdatedAt },
            Ai = a.Ai with { BodyMarkdown = d.BodyMarkdown },
        }
        : a;

    /// <summary>
    /// The article once its draft is published (POST /articles/{id}/draft/publish): the draft's content live, stamped
    /// <paramref name="now"/>, nothing staged. Drafts are staged only in the default locale, so <paramref name="locales"/>
    /// (optional) may name only it; naming another is the description's 422 for a locale without pending changes.
    /// </summary>
    public static ArticleRecord PublishDraft(ArticleRecord a, IReadOnlyList<string>? locales, long now)
    {
        if (a.Draft is null)
        {
            throw new ApiError(422, "unprocessable_entity", "Article has no draft to publish") { Code = "parameter_invalid" };
        }

        if (locales is { Count: 0 })
        {
            throw new ApiError(422, "unprocessable_entity", "locales must be specified to publish a draft on a multilingual workspace") { Code = "parameter_not_found", Field = "locales" };
        }

        if (locales?.Where(l => l != HelpCenter.DefaultLocale).Distinct(StringComparer.Ordinal).ToList() is { Count: > 0 } without)
        {
            throw new ApiError(422, "unprocessable_entity", $"Cannot publish a draft for locale(s) without pending changes: {string.Join(", ", without)}") { Code = "parameter_invalid", Field = "locales" };
        }

        var published = DraftView(a);
        return published with { Content = published.Content with { UpdatedAt = now }, Draft = null };
    }

    private static ApiError Invalid(string field, string message) => new(400, "bad_request", message) { Code = "parameter_invalid", Field = field };

    private static ArticleContentRecord Content(ArticleContentRecord? existing, ArticleContentInput given, long now, Func<long, bool> isAdmin, long? author, string field)
    {
        if (given.AuthorId is { } authorId && !isAdmin(authorId))
        {
            throw new ApiError(400, "bad_request", $"{field}author_id {authorId} is not a teammate (admin) of this workspace") { Code = "parameter_invalid", Field = field + "author_id" };
        }

        if (existing is null)
        {
            var where = field.Length == 0 ? "must be in the main body or default locale translated_content object" : "is required for a locale the article does not have yet";
            var title = given.Title ?? throw new ApiError(400, "bad_request", $"{field}title {where}") { Code = "parameter_not_found", Field = field + "title" };
            var newAuthor = given.AuthorId ?? author ?? throw new ApiError(400, "bad_request", $"{field}author_id {where}") { Code = "parameter_not_found", Field = field + "author_id" };
            return new(title, given.Description ?? "", HelpCenter.Body(given.Body ?? ""), newAuthor, given.State ?? "draft", now, now);
        }

        var changed = existing with
        {
            Title = given.Title ?? existing.Title,
            Description = given.Description ?? existing.Description,
            Body = given.Body is { } body ? HelpCenter.Body(body) : existing.Body,
            AuthorId = given.AuthorId ?? existing.AuthorId,
            State = given.State ?? existing.State,
        };
        return changed == existing ? existing : changed with { UpdatedAt = now };
    }
}

/// <summary>The rules of a collection write: a name is required of a new one; its parent is a collection of the app, never itself; its help center the app's one.</summary>
internal static class CollectionRules
{
    public static ApiError NameRequired() => new(400, "bad_request", "Name is a required parameter.") { Code = "parameter_not_found", Field = "name" };

    /// <summary>The parent the write gives ("" or none: a first-level collection), checked.</summary>
    public static string? Parent(CollectionInput input, Func<string, CollectionRecord?> collection, string? self)
    {
        if (input.HelpCenterId is { } helpCenter && helpCenter != HelpCenter.Id)
        {
            throw new ApiError(400, "bad_request", $"help_center_id {helpCenter} names no help center of this workspace (its one help center is {HelpCenter.Id})")
            { Code = "parameter_invalid", Field = "help_center_id" };
        }

        if (string.IsNullOrEmpty(input.ParentId))
        {
            return null;
        }

        if (input.ParentId == self)
        {
            throw new ApiError(400, "bad_request", "parent_id cannot be the collection itself") { Code = "parameter_invalid", Field = "parent_id" };
        }

        return (collection(input.ParentId) ?? throw new ApiError(400, "bad_request", $"parent_id {input.ParentId} names no collection of this help center")
        { Code = "parameter_invalid", Field = "parent_id" }).Id;
    }
}
