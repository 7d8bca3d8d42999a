using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Net.Http;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Threading;
using System.Threading.Tasks;

namespace IntercomPS.Client
{
    /// <summary>One request of any endpoint, as Invoke-IntercomRequest names it: method, path, query and a JSON body.</summary>
    public sealed class RawRequest
    {
        public RawRequest(string method, string path)
        {
            if (string.IsNullOrWhiteSpace(method)) throw new ArgumentException("A request needs a method (GET, POST, PUT, DELETE).");
            Method = new HttpMethod(method.Trim().ToUpperInvariant());
            Path = path ?? throw new ArgumentNullException(nameof(path));
        }

        public HttpMethod Method { get; }

        /// <summary>Relative to the API root (/contacts, or users on v1), or an absolute URL at the session's own host.</summary>
        public string Path { get; }

        /// <summary>Query parameters in order; a name may repeat.</summary>
        public IList<KeyValuePair<string, string>> Query { get; } = new List<KeyValuePair<string, string>>();

        /// <summary>The body as JSON text, or null for none.</summary>
        public string? Body { get; set; }

        /// <summary>
        /// The caller's word that sending it twice does no harm, for a POST (a search): then it is retried after a failure
        /// that may have been applied, as GET, PUT and DELETE always are.
        /// </summary>
        public bool Idempotent { get; set; }

        /// <summary>
        /// Whether the request may be sent again after a failure that may have been applied: GET, PUT and DELETE are
        /// idempotent by HTTP's definition; any other method only when the caller says so.
        /// </summary>
        public bool MayRepeat => Idempotent || Method == HttpMethod.Get || Method == HttpMethod.Put || Method == HttpMethod.Delete;
    }

    /// <summary>How a protocol's lists say where the next page is.</summary>
    public enum RawPaging
    {
        /// <summary>REST API 2.x: pages.next.starting_after, sent back as a query parameter (GET) or pagination.starting_after (a search's body).</summary>
        Cursor,

        /// <summary>v1: next_page, a page number sent back as ?page=.</summary>
        PageNumber,
    }

    /// <summary>
    /// Any request of the API over the session's <see cref="ApiTransport"/> (its host, credential, headers, retries,
    /// pacing and errors), answered as JSON: the escape hatch for endpoints the module has no call for. A request goes
    /// only to the session's own host (scheme, host and port), whatever the path says, since it carries the session's
    /// credential. Knows nothing of PowerShell.
    /// </summary>
    public sealed class RawApi
    {
        private readonly ApiTransport _transport;
        private readonly RawPaging _paging;

        internal RawApi(ApiTransport transport, RawPaging paging)
        {
            _transport = transport;
            _paging = paging;
        }

        public Uri BaseUri => _transport.BaseUri;

        /// <summary>
        /// The URL a request goes to: its path under the API root (a leading / is the root's, so /contacts works on every
        /// session), or its absolute URL, with its query; refused when that is not at the session's host.
        /// </summary>
        public Uri Resolve(RawRequest request)
        {
            var path = request.Path.Trim();
            var target = Uri.TryCreate(path, UriKind.Absolute, out var absolute) && (absolute.Scheme == Uri.UriSchemeHttp || absolute.Scheme == Uri.UriSchemeHttps)
                ? absolute
                : new Uri(BaseUri, path.TrimStart('/'));
            if (!SameHost(target))
                throw new ArgumentException($"{target.GetLeftPart(UriPartial.Path)} is not at this session's host ({BaseUri.GetLeftPart(UriPartial.Authority)}): " +
                    "Invoke-IntercomRequest sends the session's credential, so it sends nothing anywhere else. Give a path under the API root, like /contacts.");
            if (!UnderRoot(target))
                throw new ArgumentException($"{target.AbsolutePath} is outside this session's API root ({BaseUri.AbsolutePath}): " +
                    "Invoke-IntercomRequest sends the session's credential only to the API it was made for. Give a path under the API root, like /contacts, without '..'.");
            if (request.Query.Count == 0) return target;
            var query = string.Join("&", request.Query.Select(pair => Uri.EscapeDataString(pair.Key) + "=" + Uri.EscapeDataString(pair.Value)));
            return new UriBuilder(target) { Query = string.IsNullOrEmpty(target.Query) ? query : target.Query.Substring(1) + "&" + query }.Uri;
        }

        /// <summary>The request once: its answer's JSON, or null when the answer has no body.</summary>
        public Task<JsonElement?> SendAsync(RawRequest request, CancellationToken cancellationToken = default) =>
            SendAsync(request.Method, Resolve(request), request.Body, request.MayRepeat, cancellationToken);

        /// <summary>
        /// Every page of a list, following the protocol's paging from the first answer: 2.x's pages.next cursor, v1's
        /// next_page. Each page is checked as it comes (<see cref="PagedReadCheck"/>: a cursor handed out again is an
        /// error, never a loop; a walk far past its total_count too). Dispose to stop.
        /// </summary>
        public RawPages ReadAll(RawRequest request, CancellationToken cancellationToken = default) => new RawPages(this, request, _paging, cancellationToken);

        internal Task<JsonElement?> SendAsync(HttpMethod method, Uri uri, string? body, bool mayRepeat, CancellationToken cancellationToken) =>
            _transport.SendRawAsync(method, uri.AbsoluteUri, body is null ? null : Encoding.UTF8.GetBytes(body), mayRepeat, cancellationToken);

        /// <summary>
        /// Under the API root's path: a root below the host (v1's /v1/, a gateway's /intercom/) shares its host with other
        /// services, which '..' or an absolute URL would otherwise reach with the credential.
        /// </summary>
        internal bool UnderRoot(Uri uri) => uri.AbsolutePath.StartsWith(BaseUri.AbsolutePath, StringComparison.Ordinal);

        internal bool SameHost(Uri uri) =>
            string.Equals(uri.Scheme, BaseUri.Scheme, StringComparison.OrdinalIgnoreCase)
            && string.Equals(uri.IdnHost, BaseUri.IdnHost, StringComparison.OrdinalIgnoreCase)
            && uri.Port == BaseUri.Port;
    }

    /// <summary>The pages of one listing through <see cref="RawApi"/>, read one at a time: the items of each, in order.</summary>
    public sealed class RawPages : IDisposable
    {
        private readonly RawApi _api;
        private readonly RawRequest _request;
        private readonly RawPaging _paging;
        private readonly CancellationTokenSource _stop;
        private PagedReadCheck? _check;
        private Uri? _next;
        private string? _body;
        private bool _ended;

        internal RawPages(RawApi api, RawRequest request, RawPaging paging, CancellationToken cancellationToken)
        {
            _api = api;
            _request = request;
            _paging = paging;
            _next = api.Resolve(request);
            _body = request.Body;
            _stop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        }

        /// <summary>The items of the next page (each a JSON value), or null after the last page.</summary>
        public async Task<IReadOnlyList<JsonElement>?> NextAsync()
        {
            if (_ended || _next is not { } uri) return null;
            var method = _check is null ? _request.Method : NextMethod;
            var answer = await _api.SendAsync(method, uri, method == HttpMethod.Get ? null : _body, _request.MayRepeat, _stop.Token).ConfigureAwait(false);
            if (answer is not { ValueKind: JsonValueKind.Object } page)
                throw Invalid(method, uri, "its answer is not a JSON object, so it holds no list to follow");
            // A list's envelope has no id: an answer with one is a single object, whose one array (an admin's team_ids)
            // must not pass for the list.
            if (page.TryGetProperty("id", out _))
                throw Invalid(method, uri, $"its answer is one {(page.TryGetProperty("type", out var type) && type.ValueKind == JsonValueKind.String ? type.GetString() : "object")} (it has an id), not a list: leave -All out to read it");
            var items = Items(page) ?? throw Invalid(method, uri, "its answer has no list in it (no data, and no one array beside the paging fields)");
            var cursor = Cursor(page, method, uri);
            _check ??= new PagedReadCheck(method, uri, "item", Math.Max(1, items.Count), new SeenIds());
            _check.Page(TotalCount(page), items.Select(item => item.ValueKind == JsonValueKind.Null ? null : (object)item).ToList(), IdOf, cursor, idsRequired: false);
            if (cursor is null) _ended = true;
            else Follow(cursor, uri);
            return items;
        }

        /// <summary>A search (POST) is followed by the same POST with the cursor in its body; anything else by a GET.</summary>
        private HttpMethod NextMethod => _paging == RawPaging.Cursor && _request.Method == HttpMethod.Post && _followBody ? HttpMethod.Post : HttpMethod.Get;

        /// <summary>Whether the next request is the same POST (a search's cursor in its body, or a POST list's next page number).</summary>
        private bool _followBody;

        /// <summary>Whether the cursor just read is a 2.x page number (page + 1 of total_pages) rather than a starting_after.</summary>
        private bool _byPage;

        /// <summary>Whether the list paged by starting_after cursors: then its end is where the cursors end.</summary>
        private bool _sawCursor;

        /// <summary>The list in a page: 2.x's data, else the one array among its fields (v1's users, conversations...).</summary>
        private static IReadOnlyList<JsonElement>? Items(JsonElement page)
        {
            if (page.TryGetProperty("data", out var data) && data.ValueKind == JsonValueKind.Array) return data.EnumerateArray().ToList();
            var arrays = page.EnumerateObject().Where(field => field.Value.ValueKind == JsonValueKind.Array).ToList();
            return arrays.Count == 1 ? arrays[0].Value.EnumerateArray().ToList() : null;
        }

        private static long? TotalCount(JsonElement page) =>
            page.TryGetProperty("total_count", out var total) && total.ValueKind == JsonValueKind.Number && total.TryGetInt64(out var count) ? count : (long?)null;

        private static string? IdOf(object item) =>
            item is JsonElement { ValueKind: JsonValueKind.Object } element && element.TryGetProperty("id", out var id)
                ? id.ValueKind == JsonValueKind.String ? id.GetString() : id.ValueKind == JsonValueKind.Number ? id.GetRawText() : null
                : null;

        /// <summary>
        /// Where the next page is, as its cursor text (null on the last page): 2.x's pages.next.starting_after (or a
        /// pages.next URL), v1's next_page number (or URL).
        /// </summary>
        private string? Cursor(JsonElement page, HttpMethod method, Uri uri)
        {
            JsonElement next;
            if (_paging == RawPaging.Cursor)
            {
                if (!page.TryGetProperty("pages", out var pages) || pages.ValueKind != JsonValueKind.Object) return null;
                if (!pages.TryGetProperty("next", out next) || next.ValueKind == JsonValueKind.Null)
                {
                    // 2.x's numbered lists (GET /companies, POST /companies/list, a company's contacts) have no next, only
                    // page and total_pages: without this, -All would end after their first page, silently short.
                    // A cursor list's last page has no next either, and there page and total_pages are only an estimate.
                    var current = 0L;
                    var last = 0L;
                    _byPage = !_sawCursor && pages.TryGetProperty("page", out var number) && number.ValueKind == JsonValueKind.Number && number.TryGetInt64(out current)
                        && pages.TryGetProperty("total_pages", out var total) && total.ValueKind == JsonValueKind.Number && total.TryGetInt64(out last)
                        && current < last;
                    return _byPage ? (current + 1).ToString(CultureInfo.InvariantCulture) : null;
                }
                if (next.ValueKind == JsonValueKind.Object)
                {
                    _sawCursor = true;
                    if (!next.TryGetProperty("starting_after", out var after) || after.ValueKind == JsonValueKind.Null) return null;
                    return after.ValueKind == JsonValueKind.String && after.GetString() is { Length: > 0 } text
                        ? text : throw Invalid(method, uri, "its pages.next.starting_after is not a cursor");
                }
            }
            else if (!page.TryGetProperty("next_page", out next))
            {
                return null;
            }
            return next.ValueKind switch
            {
                JsonValueKind.Null => null,
                JsonValueKind.Number => next.GetRawText(),
                JsonValueKind.String when next.GetString() is { Length: > 0 } text => text,
                _ => throw Invalid(method, uri, $"its next page is {next.GetRawText()}, neither a cursor nor a page number"),
            };
        }

        /// <summary>The request of the page a cursor names: a URL (at the session's host only), a page number, or a 2.x cursor.</summary>
        private void Follow(string cursor, Uri current)
        {
            if (Uri.TryCreate(cursor, UriKind.Absolute, out var url) && (url.Scheme == Uri.UriSchemeHttp || url.Scheme == Uri.UriSchemeHttps))
            {
                if (!_api.SameHost(url))
                    throw Invalid(HttpMethod.Get, current, $"its next page is at {url.GetLeftPart(UriPartial.Authority)}, not this session's host, and the session's credential goes nowhere else");
                if (!_api.UnderRoot(url))
                    throw Invalid(HttpMethod.Get, current, $"its next page is at {url.AbsolutePath}, outside this session's API root ({_api.BaseUri.AbsolutePath}), and the session's credential goes nowhere else");
                _next = url;
                _followBody = false;
                return;
            }
            var name = _paging == RawPaging.Cursor && !_byPage ? "starting_after" : "page";
            if (_paging == RawPaging.Cursor && _request.Method == HttpMethod.Post && !_byPage)
            {
                // A search pages in its body: the same query, from the cursor.
                var body = (_body is null ? null : JsonNode.Parse(_body)) as JsonObject ?? new JsonObject();
                if (body["pagination"] is not JsonObject pagination) body["pagination"] = pagination = new JsonObject();
                pagination["starting_after"] = cursor;
                _body = body.ToJsonString();
                _followBody = true;
                return;
            }
            // The same URL with its cursor (or page number) in place of the one before.
            var kept = current.Query.TrimStart('?').Split(new[] { '&' }, StringSplitOptions.RemoveEmptyEntries)
                .Where(pair => !pair.StartsWith(name + "=", StringComparison.Ordinal) && pair != name);
            var query = string.Join("&", kept.Concat(new[] { name + "=" + Uri.EscapeDataString(cursor) }));
            _next = new UriBuilder(current) { Query = query }.Uri;
            // A POST list by page number (POST /companies/list) asks for its next page with the same POST and body.
            _followBody = _byPage && _request.Method == HttpMethod.Post;
        }

        private static IntercomApiException Invalid(HttpMethod method, Uri uri, string problem) =>
            new IntercomApiException(method.Method, uri, System.Net.HttpStatusCode.OK, IntercomApiException.InvalidResponseType,
                $"-All cannot follow this list: {problem}.") { MayHaveBeenApplied = method != HttpMethod.Get };

        public void Dispose()
        {
            _ended = true;
            _stop.Cancel();
        }
    }
}
