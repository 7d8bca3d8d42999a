using System.Collections.Generic;
using System.Linq;
using System.Threading.Tasks;
using IntercomPS.Emulator.Model;
using IntercomPS.Emulator.Storage;

namespace IntercomPS.Emulator;

/// <summary>
/// The dummy app's help center content: one canned collection (Getting started, id 401) holding two canned articles
/// (a published one, 501, and a draft, 502). Writes are checked by the same rules and answered as if applied, never kept.
/// </summary>
internal sealed partial class DummyApp
{
    private const long CannedTime = 1663597223;

    private static readonly Dictionary<string, CollectionContentRecord> NoCollectionTranslations = [];

    private static readonly Dictionary<string, ArticleContentRecord> NoArticleTranslations = [];

    private static CollectionRecord CannedCollection => new("401", "Getting started", "Set up your workspace", null, "book-bookmark", 1, CannedTime, CannedTime, NoCollectionTranslations);

    private ArticleRecord[] CannedArticles =>
    [
        new("501", new("Welcome to the help center", "Where to start", "<p class=\"no-margin\">Start here.</p>", long.Parse(admin.Id, System.Globalization.CultureInfo.InvariantCulture),
            "published", CannedTime, CannedTime + 60), CannedCollection, NoArticleTranslations, ArticleAi.None with { EverPublished = true }),
        new("502", new("Upcoming changes", "", "<p class=\"no-margin\">Coming soon.</p>", long.Parse(admin.Id, System.Globalization.CultureInfo.InvariantCulture),
            "draft", CannedTime, CannedTime), CannedCollection, NoArticleTranslations, ArticleAi.None),
    ];

    public Task<IReadOnlyList<ArticleRecord>> ListArticlesAsync() => Task.FromResult<IReadOnlyList<ArticleRecord>>(CannedArticles);

    public Task<ArticleRecord> GetArticleAsync(string id) => Task.FromResult(CannedArticle(id));

    public Task<ArticleRecord> CreateArticleAsync(ArticleInput input) => Task.FromResult(ArticleRules.Apply("503", null, input, CannedTime, IsDummyAdmin, CannedCollectionById));

    public Task<ArticleRecord> UpdateArticleAsync(string id, ArticleInput input) =>
        Task.FromResult(ArticleRules.Apply(id, CannedArticle(id), input, CannedTime + 120, IsDummyAdmin, CannedCollectionById));

    public Task<string> DeleteArticleAsync(string id) => Task.FromResult(CannedArticle(id).Id);

    /// <summary>A canned article takes any tag (the canned one, of that id) but 0, which the path gives for a tag id that is no number.</summary>
    public async Task<AppliedTag> TagArticleAsync(string id, long tagId, string? adminId)
    {
        _ = CannedArticles.FirstOrDefault(a => a.Id == id) ?? throw AppStore.ArticleNotFound();
        var by = adminId is null ? admin.Id : KnownAdmin(adminId);
        return tagId > 0 ? new(await GetTagAsync(tagId), Now, by) : throw AppStore.ConversationTagNotFound();
    }

    public async Task<AppliedTag> UntagArticleAsync(string id, long tagId)
    {
        _ = CannedArticles.FirstOrDefault(a => a.Id == id) ?? throw AppStore.ArticleNotFound();
        return tagId > 0 ? new(await GetTagAsync(tagId), null, null) : throw AppStore.ConversationTagNotFound();
    }

    /// <summary>A draft is staged as the rules say, never kept: the canned articles have none, so none can be published.</summary>
    public Task<ArticleRecord> StageArticleDraftAsync(string id, ArticleInput input)
    {
        var article = DraftArticle(id);
        return Task.FromResult(article with { Draft = ArticleRules.StageDraft(article, input, CannedTime + 120, IsDummyAdmin) });
    }

    public Task<ArticleRecord> PublishArticleDraftAsync(string id, IReadOnlyList<string>? locales) =>
        Task.FromResult(ArticleRules.PublishDraft(DraftArticle(id), locales, CannedTime + 180));

    /// <summary>Each canned article has one version, its content as it is: live when it is published.</summary>
    public Task<IReadOnlyList<ArticleVersionRecord>> ListArticleVersionsAsync(string articleId) => Task.FromResult<IReadOnlyList<ArticleVersionRecord>>([CannedVersion(DraftArticle(articleId))]);

    public Task<ArticleVersionRecord> GetArticleVersionAsync(string articleId, string id) =>
        Task.FromResult(CannedVersion(DraftArticle(articleId)) is var v && v.Id == id ? v : throw AppStore.ObjectNotFound());

    private static ArticleVersionRecord CannedVersion(ArticleRecord a) => new(
        $"5{a.Id}", a.Id, a.Content.Title, a.Content.Description, a.Content.Body, a.Ai.BodyMarkdown, a.Content.AuthorId, null, a.Content.CreatedAt, a.State == "published");

    private ArticleRecord DraftArticle(string id) => CannedArticles.FirstOrDefault(a => a.Id == id) ?? throw AppStore.ObjectNotFound();

    public Task<IReadOnlyList<CollectionRecord>> ListCollectionsAsync() => Task.FromResult<IReadOnlyList<CollectionRecord>>([CannedCollection]);

    public Task<CollectionRecord> GetCollectionAsync(string id) => Task.FromResult(CannedCollectionById(id) ?? throw AppStore.HelpCenterNotFound());

    public Task<CollectionRecord> CreateCollectionAsync(CollectionInput input)
    {
        var name = input.Name ?? throw CollectionRules.NameRequired();
        var parent = CollectionRules.Parent(input, CannedCollectionById, self: null);
        return Task.FromResult(new CollectionRecord("402", name, input.Description ?? "", parent, "book-bookmark", parent is null ? 2 : 1, CannedTime, CannedTime, input.Translations));
    }

    public Task<CollectionRecord> UpdateCollectionAsync(string id, CollectionInput input)
    {
        var existing = CannedCollectionById(id) ?? throw AppStore.HelpCenterNotFound();
        var parent = input.ParentId is null ? existing.ParentId : CollectionRules.Parent(input, CannedCollectionById, existing.Id);
        return Task.FromResult(existing with
        {
            Name = input.Name ?? existing.Name, Description = input.Description ?? existing.Description, ParentId = parent, UpdatedAt = CannedTime + 120,
            Translations = input.Translations,
        });
    }

    public Task<string> DeleteCollectionAsync(string id) => Task.FromResult((CannedCollectionById(id) ?? throw AppStore.HelpCenterNotFound()).Id);

    private ArticleRecord CannedArticle(string id) => CannedArticles.FirstOrDefault(a => a.Id == id) ?? throw AppStore.HelpCenterNotFound();

    private bool IsDummyAdmin(long id) => admin.Id == id.ToString(System.Globalization.CultureInfo.InvariantCulture);

    private static CollectionRecord? CannedCollectionById(string id) => id == CannedCollection.Id ? CannedCollection : null;
}
