using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Linq;
using System.Net;
using System.Net.Http;
using System.Text.Json;
using System.Threading;
using System.Threading.Tasks;
using IntercomPS.Json;

namespace IntercomPS.Client.V2
{
    /// <summary>
    /// Companies: POST /companies (create or update by company_id), GET /companies/{id} and ?company_id= / ?name=,
    /// DELETE /companies/{id}, a contact's companies (/contacts/{id}/companies) and a company's contacts
    /// (/companies/{id}/contacts, numbered pages), and every company through the workspace's scroll.
    /// </summary>
    public sealed partial class IntercomV2Client : ICompanies
    {
        /// <summary>A company's contacts, and a contact's companies, are listed this many a page (the most the API gives there).</summary>
        private const int CompanyUsersPageSize = 50;

        public async Task<Company> GetCompanyAsync(string id, CancellationToken cancellationToken = default)
        {
            if (string.IsNullOrWhiteSpace(id)) throw new ArgumentException("A company's Id is the id Intercom gave it, like 531ee472cce572a6ec000006.");
            return (await SendAsync(HttpMethod.Get, CompanyPath(id), null, V2JsonContext.Default.CompanyObject, idempotent: true, cancellationToken).ConfigureAwait(false)).ToCompany();
        }

        /// <summary>GET /companies?company_id=&amp;name=, which answers a list (some workspaces answer the one company itself: either is read).</summary>
        public async Task<Company[]> FindCompaniesAsync(string? companyId, string? name, CancellationToken cancellationToken = default)
        {
            if (string.IsNullOrWhiteSpace(companyId) && string.IsNullOrWhiteSpace(name)) throw new ArgumentException("Name a company by its CompanyId or its Name.");
            var query = string.Join("&", new[] { ("company_id", companyId), ("name", name) }
                .Where(p => !string.IsNullOrWhiteSpace(p.Item2)).Select(p => p.Item1 + "=" + Uri.EscapeDataString(p.Item2!)));
            var found = await SendAsync(HttpMethod.Get, "companies?" + query, null, V2JsonContext.Default.CompanyObject, idempotent: true, cancellationToken).ConfigureAwait(false);
            return found.IsList ? found.Items.Select(company => company.ToCompany()).ToArray() : new[] { found.ToCompany() };
        }

        public CompanyFinder NewCompanyFinder()
        {
            var found = new ConcurrentDictionary<string, Lazy<Task<Company>>>(StringComparer.Ordinal);
            return (companyId, cancellationToken) =>
            {
                if (string.IsNullOrWhiteSpace(companyId)) throw new ArgumentException("A company needs its CompanyId (the company_id your workspace gave it).");
                return found.GetOrAdd(companyId, id => new Lazy<Task<Company>>(async () =>
                    (await FindCompaniesAsync(id, null, cancellationToken).ConfigureAwait(false)).FirstOrDefault(company => company.CompanyId == id)
                    ?? throw new IntercomLookupException("GET", new Uri(BaseUri, "companies"), IntercomApiException.NotFoundType, $"No company has the company_id '{id}'."))).Value;
            };
        }

        public IPageReader<Company> ListCompanies(CancellationToken cancellationToken = default) =>
            new CompanyScrollReader((scrollParam, token) => SendAsync(HttpMethod.Get, "companies/scroll" + (scrollParam is null ? string.Empty : "?scroll_param=" + Uri.EscapeDataString(scrollParam)),
                null, V2JsonContext.Default.CompanyObject, idempotent: false, token), new Uri(BaseUri, "companies/scroll"), cancellationToken,
                leftOpenAt => Interlocked.Exchange(ref _scrollLeftOpenTicks, leftOpenAt?.Ticks ?? 0));

        /// <summary>UTC ticks of the last page of a scroll a listing of this client stopped before its end; 0: none.</summary>
        private long _scrollLeftOpenTicks;

        public DateTime? CompanyScrollLeftOpenAt(DateTime now)
        {
            var ticks = Interlocked.Read(ref _scrollLeftOpenTicks);
            return ticks != 0 && now - new DateTime(ticks, DateTimeKind.Utc) < CompanyScrollReader.ScrollLifetime ? new DateTime(ticks, DateTimeKind.Utc) : null;
        }

        /// <summary>
        /// POST /companies. Idempotent: a repeat finds the company by its company_id and writes the same values again,
        /// so a retry after a lost answer can do no harm.
        /// </summary>
        public async Task<Company> SaveCompanyAsync(CompanyChanges changes, CancellationToken cancellationToken = default)
        {
            if (changes is null) throw new ArgumentNullException(nameof(changes));
            var saved = await SendAsync(HttpMethod.Post, "companies", writer =>
            {
                writer.WriteStartObject();
                writer.WriteString("company_id", changes.CompanyId);
                if (changes.Name is not null) writer.WriteString("name", changes.Name);
                if (changes.Plan is not null) writer.WriteString("plan", changes.Plan);
                if (changes.Size is { } size) writer.WriteNumber("size", size);
                if (changes.Website is not null) writer.WriteString("website", changes.Website);
                if (changes.Industry is not null) writer.WriteString("industry", changes.Industry);
                if (changes.MonthlySpend is { } spend) writer.WriteNumber("monthly_spend", spend);
                if (changes.RemoteCreatedAt is { } created) writer.WriteNumber("remote_created_at", UnixTime.FromDateTime(created));
                if (changes.CustomData is not null)
                {
                    writer.WritePropertyName("custom_attributes");
                    FlatJson.WriteObject(writer, changes.CustomData, "CustomData");
                }
                writer.WriteEndObject();
            }, V2JsonContext.Default.CompanyObject, idempotent: true, cancellationToken).ConfigureAwait(false);
            return saved.ToCompany();
        }

        /// <summary>
        /// Reads the company, then DELETE /companies/{id} (which answers only its id). Not idempotent: a repeat after a
        /// lost answer would meet a 404 for a company that was deleted, so it is never repeated blindly. A company named
        /// by two ids that name two companies (a piped company beside another's -Id) is refused before the delete.
        /// </summary>
        public async Task<Company> DeleteCompanyAsync(string id, string? companyId = null, CancellationToken cancellationToken = default)
        {
            var company = await GetCompanyAsync(id, cancellationToken).ConfigureAwait(false);
            if (companyId is not null && !string.Equals(company.CompanyId, companyId, StringComparison.Ordinal))
                throw new ArgumentException($"Company {id} is {company.CompanyId}, not {companyId}: name the company to delete by -Id or by -CompanyId, or by both of the same company.");
            await SendAsync(HttpMethod.Delete, CompanyPath(id), null, V2JsonContext.Default.DeletedObject, idempotent: false, cancellationToken).ConfigureAwait(false);
            return company;
        }

        /// <summary>POST /contacts/{id}/companies {id} or DELETE /contacts/{id}/companies/{company}: attaching or detaching twice leaves the same, so both are retried.</summary>
        public async Task<Company> LinkUserAsync(UserIdentity user, string companyId, bool attach, CancellationToken cancellationToken = default)
        {
            var contactId = await ContactIdAsync(user, cancellationToken).ConfigureAwait(false);
            var path = "contacts/" + Uri.EscapeDataString(contactId) + "/companies";
            var company = attach
                ? await SendAsync(HttpMethod.Post, path, writer =>
                {
                    writer.WriteStartObject();
                    writer.WriteString("id", companyId);
                    writer.WriteEndObject();
                }, V2JsonContext.Default.CompanyObject, idempotent: true, cancellationToken).ConfigureAwait(false)
                : await SendAsync(HttpMethod.Delete, path + "/" + Uri.EscapeDataString(companyId), null, V2JsonContext.Default.CompanyObject, idempotent: true, cancellationToken).ConfigureAwait(false);
            return company.ToCompany();
        }

        /// <summary>
        /// GET /contacts/{id}/companies?page=n: the user's companies, in data (or companies, as the description's schema
        /// names it), walked by page number until a short page (the service answers 50 a page, as its examples show).
        /// </summary>
        public async Task<Company[]> GetUserCompaniesAsync(UserIdentity user, CancellationToken cancellationToken = default)
        {
            var contactId = await ContactIdAsync(user, cancellationToken).ConfigureAwait(false);
            var path = "contacts/" + Uri.EscapeDataString(contactId) + "/companies";
            var check = new PagedReadCheck(HttpMethod.Get, new Uri(BaseUri, path), "company", CompanyUsersPageSize, new SeenIds());
            var companies = new List<Company>();
            for (var page = 1; ; page++)
            {
                var list = await SendAsync(HttpMethod.Get, $"{path}?page={page}&per_page={CompanyUsersPageSize}", null, V2JsonContext.Default.CompanyObject,
                    idempotent: true, cancellationToken).ConfigureAwait(false);
                var items = list.Items;
                check.Page(list.TotalCount ?? items.Length, items, company => company.Id, null);
                companies.AddRange(items.Select(company => company.ToCompany()));
                if (items.Length < CompanyUsersPageSize) return companies.ToArray();
            }
        }

        /// <summary>
        /// GET /companies/{id}/contacts?page=n&amp;per_page=, walked by page number until the last (checked as any paged
        /// read), at most <paramref name="pageSize"/> a page (50, the most the API gives there, when larger).
        /// </summary>
        public IPageReader<User> ListCompanyUsers(string companyId, int pageSize = int.MaxValue, CancellationToken cancellationToken = default)
        {
            if (string.IsNullOrWhiteSpace(companyId)) throw new ArgumentException("A company's Id is the id Intercom gave it.");
            var perPage = Math.Max(1, Math.Min(pageSize, CompanyUsersPageSize));
            var path = CompanyPath(companyId) + "/contacts";
            var check = new PagedReadCheck(HttpMethod.Get, new Uri(BaseUri, path), "contact", perPage, new SeenIds());
            var page = 0;
            var done = false;
            return new PageReader<User>(async token =>
            {
                if (done) return (null, null);
                page++;
                var list = await SendAsync(HttpMethod.Get, $"{path}?page={page}&per_page={perPage}", null, V2JsonContext.Default.ContactList,
                    idempotent: true, token).ConfigureAwait(false);
                check.Page(list.TotalCount, list.Data, contact => contact.Id, null);
                done = list.Data.Length == 0 || page >= (list.Pages?.TotalPages ?? page);
                return (list.Data.Length == 0 ? null : list.Data.Select(contact => contact.ToUser()).ToArray(), list.TotalCount);
            }, cancellationToken);
        }

        private static string CompanyPath(string id) => "companies/" + Uri.EscapeDataString(id);
    }

    /// <summary>
    /// Every company through GET /companies/scroll, by its rules: one scroll per workspace at a time, a scroll unused
    /// for a minute expires, an empty page ends it, and after a failed page (the documented 500 "Please restart the
    /// scroll operation", a lost answer, a timeout, an expired scroll) it cannot go on, only start again. A scroll page
    /// moves the scroll on, so it is never retried as it was: the whole scroll starts again, and the companies it
    /// hands out again are not output twice (the ids output are kept). Starting meets the service's 400 while
    /// another scroll of the workspace is open (another script, or the failed one, open until it expires): it tries
    /// again, waiting longer each time, for as long as a scroll lives, then says so.
    /// </summary>
    internal sealed class CompanyScrollReader : IPageReader<Company>
    {
        /// <summary>Restarts in a row that output nothing new before the listing gives up.</summary>
        internal const int MaxRestarts = 3;

        /// <summary>How long a scroll lives unused (a minute), and a little more: past it, a scroll that blocked the start has expired.</summary>
        internal static readonly TimeSpan ScrollLifetime = TimeSpan.FromSeconds(65);

        private readonly Func<string?, CancellationToken, Task<CompanyObject>> _page;
        private readonly Uri _uri;
        private readonly CancellationTokenSource _unwanted;
        private readonly SeenIds _output = new SeenIds();
        private PagedReadCheck _walk;
        private string? _scrollParam;
        private readonly Action<DateTime?>? _leftOpen;
        private bool _started;
        private bool _ended;
        private int _restarts;
        private DateTime _lastPageAt;

        /// <param name="leftOpen">Told, when disposed before the end, when the scroll it leaves open was last used; told null
        /// once a scroll of its own began (any older one has gone) or ended.</param>
        public CompanyScrollReader(Func<string?, CancellationToken, Task<CompanyObject>> page, Uri uri, CancellationToken cancellationToken, Action<DateTime?>? leftOpen = null)
        {
            _page = page;
            _uri = uri;
            _leftOpen = leftOpen;
            _unwanted = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            _walk = NewWalk();
        }

        /// <summary>Null: a scroll page says neither how many companies there are nor how many pages.</summary>
        public long? TotalCount => null;

        /// <summary>How many times the scroll was started again after a failed page (for tests and the Verbose line).</summary>
        internal int Restarts { get; private set; }

        public async Task<Company[]?> NextAsync()
        {
            while (!_ended)
            {
                CompanyObject page;
                try
                {
                    page = _started ? await _page(_scrollParam, _unwanted.Token).ConfigureAwait(false) : await StartAsync().ConfigureAwait(false);
                }
                catch (IntercomApiException failure) when (_started && CannotGoOn(failure))
                {
                    if (++_restarts > MaxRestarts) throw;
                    Restarts++;
                    RequestTrace.Current?.Verbose($"GET /companies/scroll: a page failed ({failure.ErrorType}: {failure.ApiMessage}); a scroll cannot go on from there, so it starts again " +
                        $"(restart {_restarts} of {MaxRestarts}), and the companies already output are not output again.");
                    _started = false;
                    _scrollParam = null;
                    _walk = NewWalk();
                    continue;
                }

                _lastPageAt = DateTime.UtcNow;
                var companies = page.Items;
                _walk.Items(companies, company => company.Id);
                if (companies.Length == 0)
                {
                    _ended = true;
                    _leftOpen?.Invoke(null);
                    break;
                }
                _scrollParam = page.ScrollParam ?? throw new IntercomApiException("GET", _uri, HttpStatusCode.OK, IntercomApiException.InvalidResponseType,
                    "Intercom's scroll page has companies but no scroll_param, so the scroll cannot go on.");
                var fresh = companies.Where(company => _output.Add(company.Id!)).Select(company => company.ToCompany()).ToArray();
                if (fresh.Length == 0) continue; // a restarted scroll going over what was output already
                _restarts = 0;
                return fresh;
            }
            return null;
        }

        /// <summary>The first page of a new scroll, waiting (longer each time) while another scroll of the workspace is open.</summary>
        private async Task<CompanyObject> StartAsync()
        {
            var waited = TimeSpan.Zero;
            var wait = TimeSpan.FromSeconds(1);
            while (true)
            {
                try
                {
                    var first = await _page(null, _unwanted.Token).ConfigureAwait(false);
                    _started = true;
                    _leftOpen?.Invoke(null); // a scroll began, so none left open before is still in the way
                    return first;
                }
                catch (IntercomApiException busy) when (busy.StatusCode == HttpStatusCode.BadRequest)
                {
                    // A start names nothing that could be invalid: its 400 is the workspace's scroll that is still open.
                    if (waited >= ScrollLifetime)
                        throw new IntercomApiException(busy.Method, busy.RequestUri, busy.StatusCode, busy.ErrorType,
                            $"{busy.ApiMessage}: another scroll of this workspace's companies stayed open for {waited.TotalSeconds:0} s (Intercom allows one at a time; " +
                            "another script may be listing companies). Try again when it has finished.", busy.RetryAfter, busy, busy.RequestId);
                    RequestTrace.Current?.Verbose($"GET /companies/scroll: {busy.ApiMessage}; Intercom allows one scroll per workspace, and one expires a minute after its last use: waiting {wait.TotalSeconds:0} s to start again.");
                    await Task.Delay(wait, _unwanted.Token).ConfigureAwait(false);
                    waited += wait;
                    wait = TimeSpan.FromTicks(Math.Min(wait.Ticks * 2, TimeSpan.FromSeconds(16).Ticks));
                }
            }
        }

        /// <summary>A failed page after which the scroll cannot go on: a server failure, an answer lost or late, or the scroll gone (404).</summary>
        private static bool CannotGoOn(IntercomApiException failure) =>
            failure.MayHaveBeenApplied || failure.StatusCode == HttpStatusCode.NotFound || (int?)failure.StatusCode >= 500;

        private PagedReadCheck NewWalk() => new PagedReadCheck(HttpMethod.Get, _uri, "company", 1, new SeenIds());

        public void Dispose()
        {
            _unwanted.Cancel();
            // Stopped before the end (-First): the scroll stays open until it expires, and the API has no way to close it.
            if (_started && !_ended) _leftOpen?.Invoke(_lastPageAt);
        }
    }

    /// <summary>
    /// A listing as a page function: each call the next page's items (null at the end) and the total_count its page
    /// says (the first page's is kept); Dispose cancels the request in flight.
    /// </summary>
    internal sealed class PageReader<T> : IPageReader<T> where T : class
    {
        private readonly Func<CancellationToken, Task<(T[]? Items, long? TotalCount)>> _next;
        private readonly CancellationTokenSource _unwanted;

        public PageReader(Func<CancellationToken, Task<(T[]? Items, long? TotalCount)>> next, CancellationToken cancellationToken)
        {
            _next = next;
            _unwanted = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        }

        public long? TotalCount { get; private set; }

        public async Task<T[]?> NextAsync()
        {
            var (items, total) = await _next(_unwanted.Token).ConfigureAwait(false);
            TotalCount ??= total;
            return items;
        }

        public void Dispose() => _unwanted.Cancel();
    }
}
