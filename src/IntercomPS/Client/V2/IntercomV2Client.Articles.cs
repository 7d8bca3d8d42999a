using System;
using System.Collections.Generic;
using System.Linq;
using System.Net.Http;
using System.Text.Json;
using System.Text.Json.Serialization;
using System.Threading;
using System.Threading.Tasks;
using IntercomPS.Json;

namespace IntercomPS.Client.V2
{
    /// <summary>Help center articles: GET /articles and /articles/search (numbered pages), GET, POST, PUT and DELETE /articles/{id}.</summary>
    public sealed partial class IntercomV2Client : IArticles
    {
        /// <summary>Articles asked for a page: the description's own example lists 25; larger pages mean fewer requests.</summary>
        internal const int ArticlesPageSize = 50;

        public IPageReader<Article> ListArticles(CancellationToken cancellationToken = default) =>
            new ArticleWalk(new Uri(BaseUri, "articles"), async (page, token) =>
            {
                var list = await SendAsync(HttpMethod.Get, $"articles?page={page}&per_page={ArticlesPageSize}", null, V2JsonContext.Default.ArticleList,
                    idempotent: true, token).ConfigureAwait(false);
                return (list.Data ?? Array.Empty<ArticleObject>(), list.TotalCount, list.Pages?.TotalPages);
            }, cancellationToken);

        public IPageReader<Article> SearchArticles(string? phrase, string? state, CancellationToken cancellationToken = default)
        {
            if (state is not (null or "published" or "draft")) throw new ArgumentException($"An article's state is published or draft, not '{state}'.");
            var query = (string.IsNullOrEmpty(phrase) ? "" : "&phrase=" + Uri.EscapeDataString(phrase)) + (state is null ? "" : "&state=" + state);
            return new ArticleWalk(new Uri(BaseUri, "articles/search"), async (page, token) =>
            {
                var list = await SendAsync(HttpMethod.Get, $"articles/search?page={page}&per_page={ArticlesPageSize}{query}", null, V2JsonContext.Default.ArticleSearchList,
                    idempotent: true, token).ConfigureAwait(false);
                return (list.Data?.Articles ?? Array.Empty<ArticleObject>(), list.TotalCount, list.Pages?.TotalPages);
            }, cancellationToken);
        }

        public IPageReader<HelpCenterCollection> ListHelpCenterCollections(CancellationToken cancellationToken = default) =>
            new NumberedWalk<CollectionObject, HelpCenterCollection>(new Uri(BaseUri, "help_center/collections"), "a collection", ArticlesPageSize, async (page, token) =>
            {
                var list = await SendAsync(HttpMethod.Get, $"help_center/collections?page={page}&per_page={ArticlesPageSize}", null, V2JsonContext.Default.CollectionList,
                    idempotent: true, token).ConfigureAwait(false);
                return (list.Data ?? Array.Empty<CollectionObject>(), list.TotalCount, list.Pages?.TotalPages);
            }, item => item.Id, item => item.ToCollection(), cancellationToken);

        public async Task<HelpCenterCollection> GetHelpCenterCollectionAsync(string id, CancellationToken cancellationToken = default)
        {
            if (string.IsNullOrWhiteSpace(id) || !id.All(c => c >= '0' && c <= '9'))
                throw new ArgumentException($"A collection's Id is the number Intercom gave it, not '{id}'.");
            return (await SendAsync(HttpMethod.Get, "help_center/collections/" + id, null, V2JsonContext.Default.CollectionObject, idempotent: true, cancellationToken)
                .ConfigureAwait(false)).ToCollection();
        }

        public async Task<Article> GetArticleAsync(string id, CancellationToken cancellationToken = default) =>
            (await SendAsync(HttpMethod.Get, ArticlePath(id), null, V2JsonContext.Default.ArticleObject, idempotent: true, cancellationToken).ConfigureAwait(false)).ToArticle();

        public async Task<Article> CreateArticleAsync(ArticleChanges article, CancellationToken cancellationToken = default)
        {
            if (string.IsNullOrWhiteSpace(article.Title)) throw new ArgumentException("A new article needs a title.");
            if (article.AuthorId is null)
            {
                // The session's admin (Connect-Intercom -AdminId, else the token's own) writes it.
                var admin = await AdminIdAsync(cancellationToken).ConfigureAwait(false);
                article = new ArticleChanges
                {
                    Title = article.Title, Description = article.Description, Body = article.Body, State = article.State, ParentId = article.ParentId, ParentType = article.ParentType,
                    AuthorId = long.TryParse(admin, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var id)
                        ? id : throw new ArgumentException($"The session's admin id '{admin}' is not a number, so it cannot author an article: give -AuthorId."),
                };
            }
            return (await SendAsync(HttpMethod.Post, "articles", writer => Write(writer, article), V2JsonContext.Default.ArticleObject,
                idempotent: false, cancellationToken).ConfigureAwait(false)).ToArticle();
        }

        public async Task<Article> UpdateArticleAsync(string id, ArticleChanges changes, CancellationToken cancellationToken = default)
        {
            if (changes.IsEmpty) throw new ArgumentException("Nothing to change: give the title, description, body, state, author or parent.");
            return (await SendAsync(HttpMethod.Put, ArticlePath(id), writer => Write(writer, changes), V2JsonContext.Default.ArticleObject,
                idempotent: true, cancellationToken).ConfigureAwait(false)).ToArticle();
        }

        public async Task<string> DeleteArticleAsync(string id, CancellationToken cancellationToken = default) =>
            (await SendAsync(HttpMethod.Delete, ArticlePath(id), null, V2JsonContext.Default.DeletedObject, idempotent: false, cancellationToken).ConfigureAwait(false)).Id ?? id;

        public async Task TagArticleAsync(string id, IReadOnlyList<string> addTagIds, IReadOnlyList<string> removeTagIds, CancellationToken cancellationToken = default)
        {
            await TagAtAsync(ArticlePath(id) + "/tags", addTagIds, removeTagIds, null, cancellationToken).ConfigureAwait(false);
        }

        private static void Write(Utf8JsonWriter writer, ArticleChanges changes)
        {
            writer.WriteStartObject();
            if (changes.Title is not null) writer.WriteString("title", changes.Title);
            if (changes.Description is not null) writer.WriteString("description", changes.Description);
            if (changes.Body is not null) writer.WriteString("body", changes.Body);
            if (changes.AuthorId is { } author) writer.WriteNumber("author_id", author);
            if (changes.State is not null) writer.WriteString("state", changes.State);
            if (changes.ParentId is { } parent)
            {
                writer.WriteNumber("parent_id", parent);
                writer.WriteString("parent_type", changes.ParentType ?? "collection");
            }
            writer.WriteEndObject();
        }

        /// <summary>An article's path: its id is Intercom's, a whole number.</summary>
        private static string ArticlePath(string id)
        {
            if (string.IsNullOrWhiteSpace(id) || !id.All(c => c >= '0' && c <= '9'))
                throw new ArgumentException($"An article's Id is the number Intercom gave it, not '{id}'.");
            return "articles/" + id;
        }
    }

    /// <summary>
    /// A walk of a listing of articles by numbered pages, most recently updated first, that writes each article once
    /// however the list moves under it. An article edited while the walk runs (by the pipeline itself: Get-IntercomArticle
    /// | Set-IntercomArticle) jumps to the front, so the pages after it shift and one article would be skipped; a
    /// deletion shifts them the other way. A pass that saw its list move (an article listed again, a total_count that
    /// changed) is followed by another from the first page, writing only the articles not written yet; passes stop once
    /// one brings nothing new; a list still moving after <see cref="NumberedWalk{TWire, T}.MaxPasses"/> ends with an error.
    /// </summary>
    internal sealed class ArticleWalk : NumberedWalk<ArticleObject, Article>
    {
        public ArticleWalk(Uri listing, Func<int, CancellationToken, Task<(ArticleObject[] Items, long? Total, int? TotalPages)>> page, CancellationToken cancellationToken)
            : base(listing, "an article", IntercomV2Client.ArticlesPageSize, page, item => item.Id, item => item.ToArticle(), cancellationToken)
        {
        }
    }

    /// <summary>
    /// A walk of numbered pages ordered by when each item last changed (articles, collections) or happened (the admin
    /// activity log): see <see cref="ArticleWalk"/> for why a pass that saw the list move is followed by another,
    /// writing only what was not written yet. A list that gives no total_count (null) is judged by its pages alone.
    /// </summary>
    internal class NumberedWalk<TWire, T> : IPageReader<T> where TWire : class where T : class
    {
        /// <summary>
        /// Passes end once one brings nothing new. A list the pipeline empties as it reads (Get-IntercomArticle |
        /// Remove-IntercomArticle) shifts every page after the first, so each pass finds about half of what is left:
        /// twenty passes cover millions of articles. A list still moving after them ends the walk with an error.
        /// </summary>
        internal const int MaxPasses = 20;

        private readonly Uri _listing;
        private readonly string _noun;
        private readonly int _pageSize;
        private readonly Func<int, CancellationToken, Task<(TWire[] Items, long? Total, int? TotalPages)>> _page;
        private readonly Func<TWire, string?> _idOf;
        private readonly Func<TWire, T> _map;
        private readonly CancellationTokenSource _unwanted;
        private readonly HashSet<string> _written = new HashSet<string>(StringComparer.Ordinal);
        private int _number;
        private int _pass = 1;
        private bool _moved;
        private bool _done;
        private long? _lastTotal;
        private int _served;
        private T[]? _pending;

        private IntercomApiException Moving() => new IntercomApiException("GET", _listing, null, IntercomApiException.ListMovingType,
            $"the list kept moving while it was read ({MaxPasses} passes each found {_noun} not listed yet), so some may be missing: list again");

        public NumberedWalk(Uri listing, string noun, int pageSize, Func<int, CancellationToken, Task<(TWire[] Items, long? Total, int? TotalPages)>> page,
            Func<TWire, string?> idOf, Func<TWire, T> map, CancellationToken cancellationToken)
        {
            _listing = listing;
            _noun = noun;
            _pageSize = pageSize;
            _page = page;
            _idOf = idOf;
            _map = map;
            _unwanted = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        }

        public long? TotalCount { get; private set; }

        public async Task<T[]?> NextAsync()
        {
            if (_pending is not null)
            {
                _pending = null;
                throw Moving();
            }
            while (!_done)
            {
                _number++;
                var (items, total, totalPages) = await _page(_number, _unwanted.Token).ConfigureAwait(false);
                TotalCount ??= total;
                if (_lastTotal is { } last && total != last) _moved = true;
                _lastTotal = total;
                var fresh = new List<T>();
                foreach (var item in items)
                {
                    if (item is null || _idOf(item) is not { } id) throw new IntercomApiException("GET", _listing, null, IntercomApiException.InvalidResponseType, $"{_noun} of the list has no id");
                    if (_written.Add(id)) fresh.Add(_map(item));
                    else if (_pass == 1) _moved = true;
                }
                // Later passes exist to find what moved: one that finds something has seen the list move again.
                if (_pass > 1 && fresh.Count > 0) _moved = true;
                // The last page: an empty one, the last the list says it has, or (a list that says too many) past its total_count,
                // counted in the pages the server serves: one that caps or ignores per_page serves fewer than asked.
                _served = Math.Max(_served, items.Length);
                var pageSize = _served > 0 ? Math.Min(_pageSize, _served) : _pageSize;
                var lastPage = items.Length == 0 || _number >= (totalPages ?? _number) || _number > total / pageSize + 1;
                if (lastPage)
                {
                    if (_moved && _pass < MaxPasses)
                    {
                        _pass++;
                        _number = 0;
                        _moved = false;
                    }
                    else if (_moved)
                    {
                        // Never a silent gap: what this pass found says the list is still moving, so some may not have been seen.
                        _done = true;
                        if (fresh.Count > 0) _pending = fresh.ToArray();
                        else throw Moving();
                        return _pending;
                    }
                    else _done = true;
                }
                if (fresh.Count > 0) return fresh.ToArray();
            }
            return null;
        }

        public void Dispose() => _unwanted.Cancel();
    }

    internal sealed class ArticleObject : ICheckedAnswer
    {
        string? ICheckedAnswer.Problem => Id is null ? "an article without an id" : null;

        [JsonPropertyName("id")] public string? Id { get; set; }
        [JsonPropertyName("title")] public string? Title { get; set; }
        [JsonPropertyName("description")] public string? Description { get; set; }
        [JsonPropertyName("body")] public string? Body { get; set; }
        [JsonPropertyName("author_id")] public long? AuthorId { get; set; }
        [JsonPropertyName("state")] public string? State { get; set; }
        [JsonPropertyName("parent_id")] public long? ParentId { get; set; }
        [JsonPropertyName("parent_type")] public string? ParentType { get; set; }
        [JsonPropertyName("url")] public string? Url { get; set; }
        [JsonPropertyName("created_at"), JsonConverter(typeof(UnixTimeConverter))] public DateTime? CreatedAt { get; set; }
        [JsonPropertyName("updated_at"), JsonConverter(typeof(UnixTimeConverter))] public DateTime? UpdatedAt { get; set; }
        [JsonPropertyName("default_locale")] public string? DefaultLocale { get; set; }
        [JsonPropertyName("translated_content")] public Dictionary<string, JsonElement>? TranslatedContent { get; set; }
        [JsonPropertyName("tags")] public TagListObject? Tags { get; set; }
        [JsonPropertyName("has_unpublished_changes")] public bool? HasUnpublishedChanges { get; set; }
        [JsonPropertyName("draft_updated_at"), JsonConverter(typeof(UnixTimeConverter))] public DateTime? DraftUpdatedAt { get; set; }

        public Article ToArticle() => new Article
        {
            Id = Id,
            Title = Title,
            Description = Description,
            Body = Body,
            AuthorId = AuthorId,
            State = State,
            ParentId = ParentId,
            ParentType = ParentType,
            Url = Url,
            CreatedAt = CreatedAt,
            UpdatedAt = UpdatedAt,
            DefaultLocale = DefaultLocale,
            HasUnpublishedChanges = HasUnpublishedChanges,
            DraftUpdatedAt = DraftUpdatedAt,
            Tags = (Tags?.Tags ?? Array.Empty<TagObject>()).Select(tag => new Tag { Id = tag.Id, Name = tag.Name }).ToArray(),
            Translations = (TranslatedContent ?? new Dictionary<string, JsonElement>())
                .Where(locale => locale.Value.ValueKind == JsonValueKind.Object)
                .Select(locale => new ArticleTranslation
                {
                    Locale = locale.Key,
                    Title = Text(locale.Value, "title"),
                    Description = Text(locale.Value, "description"),
                    Body = Text(locale.Value, "body"),
                    AuthorId = locale.Value.TryGetProperty("author_id", out var author) && author.ValueKind == JsonValueKind.Number && author.TryGetInt64(out var id) ? id : (long?)null,
                    State = Text(locale.Value, "state"),
                    Url = Text(locale.Value, "url"),
                }).ToArray(),
        };

        private static string? Text(JsonElement o, string name) => o.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;
    }

    /// <summary>GET /articles' page: data, total_count and pages.</summary>
    internal sealed class ArticleList
    {
        [JsonPropertyName("total_count")] public long TotalCount { get; set; }
        [JsonPropertyName("pages")] public ArticlePages? Pages { get; set; }
        [JsonPropertyName("data")] public ArticleObject[]? Data { get; set; }
    }

    /// <summary>GET /articles/search's page: data.articles (and highlights, not read), total_count and pages.</summary>
    internal sealed class ArticleSearchList
    {
        [JsonPropertyName("total_count")] public long TotalCount { get; set; }
        [JsonPropertyName("pages")] public ArticlePages? Pages { get; set; }
        [JsonPropertyName("data")] public ArticleSearchData? Data { get; set; }
    }

    internal sealed class CollectionObject : ICheckedAnswer
    {
        string? ICheckedAnswer.Problem => Id is null ? "a collection without an id" : null;

        [JsonPropertyName("id")] public string? Id { get; set; }
        [JsonPropertyName("name")] public string? Name { get; set; }
        [JsonPropertyName("description")] public string? Description { get; set; }
        [JsonPropertyName("parent_id")] public string? ParentId { get; set; }
        [JsonPropertyName("help_center_id")] public long? HelpCenterId { get; set; }
        [JsonPropertyName("order")] public long? Order { get; set; }
        [JsonPropertyName("icon")] public string? Icon { get; set; }
        [JsonPropertyName("url")] public string? Url { get; set; }
        [JsonPropertyName("created_at"), JsonConverter(typeof(UnixTimeConverter))] public DateTime? CreatedAt { get; set; }
        [JsonPropertyName("updated_at"), JsonConverter(typeof(UnixTimeConverter))] public DateTime? UpdatedAt { get; set; }
        [JsonPropertyName("default_locale")] public string? DefaultLocale { get; set; }

        public HelpCenterCollection ToCollection() => new HelpCenterCollection
        {
            Id = Id, Name = Name, Description = Description, ParentId = ParentId, HelpCenterId = HelpCenterId, Order = Order, Icon = Icon, Url = Url,
            CreatedAt = CreatedAt, UpdatedAt = UpdatedAt, DefaultLocale = DefaultLocale,
        };
    }

    /// <summary>GET /help_center/collections' page: data, total_count and pages.</summary>
    internal sealed class CollectionList
    {
        [JsonPropertyName("total_count")] public long TotalCount { get; set; }
        [JsonPropertyName("pages")] public ArticlePages? Pages { get; set; }
        [JsonPropertyName("data")] public CollectionObject[]? Data { get; set; }
    }

    internal sealed class ArticlePages
    {
        [JsonPropertyName("page")] public int? Page { get; set; }
        [JsonPropertyName("total_pages")] public int? TotalPages { get; set; }
    }

    internal sealed class ArticleSearchData
    {
        [JsonPropertyName("articles")] public ArticleObject[]? Articles { get; set; }
    }
}
