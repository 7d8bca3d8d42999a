using System;
using System.Threading;
using System.Threading.Tasks;

namespace IntercomPS.Client
{
    /// <summary>Companies, which only REST API 2.x has (v1's companies were fields written with a user).</summary>
    public interface ICompanies
    {
        /// <summary>GET /companies/{id}: by the id Intercom gave it.</summary>
        Task<Company> GetCompanyAsync(string id, CancellationToken cancellationToken = default);

        /// <summary>The companies with that company_id and/or name (a company_id names one); none is a 404 not_found.</summary>
        Task<Company[]> FindCompaniesAsync(string? companyId, string? name, CancellationToken cancellationToken = default);

        /// <summary>
        /// Every company of the workspace, page by page, through the workspace's one company scroll (the list endpoint
        /// stops at 10,000). Dispose the reader when done.
        /// </summary>
        IPageReader<Company> ListCompanies(CancellationToken cancellationToken = default);

        /// <summary>
        /// When a listing of this client last used the company scroll it stopped before the end (a -First), if that
        /// scroll may still be open at <paramref name="now"/> (UTC): a scroll expires a minute after its last use, and
        /// until then a new listing waits for it (one scroll per workspace). Null when none may be.
        /// </summary>
        DateTime? CompanyScrollLeftOpenAt(DateTime now);

        /// <summary>
        /// Finds companies by the company_id your workspace gave them, each asked once however many inputs name it: one
        /// finder per command. None with that company_id is not_found.
        /// </summary>
        CompanyFinder NewCompanyFinder();

        /// <summary>POST /companies: creates the company with that company_id, or updates the one that has it.</summary>
        Task<Company> SaveCompanyAsync(CompanyChanges changes, CancellationToken cancellationToken = default);

        /// <summary>
        /// Deletes the company (its users are detached, not deleted); returns it as it was. With
        /// <paramref name="companyId"/>, the company must be the one with that company_id too, or nothing is deleted.
        /// </summary>
        Task<Company> DeleteCompanyAsync(string id, string? companyId = null, CancellationToken cancellationToken = default);

        /// <summary>Attaches the user to the company (by Intercom's id), or detaches them.</summary>
        Task<Company> LinkUserAsync(UserIdentity user, string companyId, bool attach, CancellationToken cancellationToken = default);

        /// <summary>The companies a user is attached to.</summary>
        Task<Company[]> GetUserCompaniesAsync(UserIdentity user, CancellationToken cancellationToken = default);

        /// <summary>
        /// The users (and leads) attached to a company, page by page, at most <paramref name="pageSize"/> a page (the API's
        /// most, 50, when larger or not given). Dispose the reader when done.
        /// </summary>
        IPageReader<User> ListCompanyUsers(string companyId, int pageSize = int.MaxValue, CancellationToken cancellationToken = default);

        /// <summary>
        /// POST /companies/{id}/notes (Intercom-Version 2.16 on) by <paramref name="adminId"/>, else the session's admin;
        /// by the id Intercom gave the company. Never repeated once it may have been applied.
        /// </summary>
        Task<Note> AddCompanyNoteAsync(string companyId, string body, string? adminId = null, CancellationToken cancellationToken = default);

        /// <summary>GET /companies/{id}/notes (2.16 on): the company's notes, newest first, a page at a time (50 a page at most).</summary>
        IPageReader<Note> ListCompanyNotes(string companyId, int pageSize = int.MaxValue, CancellationToken cancellationToken = default);
    }

    /// <summary>Data events and their summaries, which only REST API 2.x has.</summary>
    public interface IDataEvents
    {
        /// <summary>
        /// POST /events: the user did <paramref name="name"/> at <paramref name="createdAt"/> (sent to the second, always, so
        /// a retried POST is the same event and Intercom ignores it), with flat <paramref name="metadata"/>.
        /// </summary>
        Task<DataEvent> TrackEventAsync(UserIdentity user, string name, DateTime createdAt, System.Collections.IDictionary? metadata, CancellationToken cancellationToken = default);

        /// <summary>
        /// GET /events?type=user: the user's events, newest first (Intercom lists those of the last 90 days), page by page
        /// (a list without a total_count). Dispose the reader when done.
        /// </summary>
        IPageReader<DataEvent> ListEvents(UserIdentity user, CancellationToken cancellationToken = default);

        /// <summary>GET /events?type=user&amp;summary=true: per event name, how many and when first and last.</summary>
        Task<EventSummary[]> GetEventSummariesAsync(UserIdentity user, CancellationToken cancellationToken = default);

        /// <summary>POST /events/summaries: how often the user did an event elsewhere; one for the same name replaces it.</summary>
        Task<EventSummary> SubmitEventSummaryAsync(UserIdentity user, string name, long count, DateTime first, DateTime last, CancellationToken cancellationToken = default);
    }

    /// <summary>Segments, which only REST API 2.x has (the API reads them; Intercom's UI defines them).</summary>
    public interface ISegments
    {
        /// <summary>GET /segments; with <paramref name="includeCount"/>, each with how many contacts it holds.</summary>
        Task<Segment[]> ListSegmentsAsync(bool includeCount, CancellationToken cancellationToken = default);

        /// <summary>GET /segments/{id}.</summary>
        Task<Segment> GetSegmentAsync(string id, CancellationToken cancellationToken = default);

        /// <summary>
        /// The contacts of a segment (a contact search on segment_id, oldest first), page by page, at most
        /// <paramref name="pageSize"/> a page (the API's most, 150, when larger or not given). Dispose the reader when done.
        /// </summary>
        IPageReader<User> ListSegmentUsers(string segmentId, int pageSize = int.MaxValue, CancellationToken cancellationToken = default);
    }

    /// <summary>
    /// Leads (contacts with role lead), which only REST API 2.x has. A lead is named by its contact id, or by email
    /// (leads may share one: several are ambiguous, never a guess), and comes back as a <see cref="User"/> whose Role is lead.
    /// </summary>
    public interface ILeads
    {
        /// <summary>
        /// Every lead, oldest first, page by page (a contact search on role lead), at most <paramref name="pageSize"/> a
        /// page (the API's most, 150, when larger or not given). Dispose the reader when done.
        /// </summary>
        IPageReader<User> ListLeads(int pageSize = int.MaxValue, CancellationToken cancellationToken = default);

        /// <summary>The lead <paramref name="lead"/> names by its contact id (GET /contacts/{id}), else its email (one search).</summary>
        Task<User> GetLeadAsync(UserIdentity lead, CancellationToken cancellationToken = default);

        /// <summary>POST /contacts with role lead. Not idempotent: leads may share an email, so a repeat would make a second one.</summary>
        Task<User> CreateLeadAsync(UserChanges changes, CancellationToken cancellationToken = default);

        /// <summary>PUT /contacts/{id} of the lead <paramref name="lead"/> names.</summary>
        Task<User> UpdateLeadAsync(UserIdentity lead, UserChanges changes, CancellationToken cancellationToken = default);

        /// <summary>
        /// POST /contacts/merge: the lead becomes part of the user <paramref name="into"/> names, and is gone; returns the user.
        /// Intercom-Version 2.16 merges only duplicates (the same email or phone) unless <paramref name="skipDuplicateCheck"/>
        /// sends skip_duplicate_validation true; its invalid_merge refusal says so.
        /// </summary>
        Task<User> MergeLeadAsync(UserIdentity lead, UserIdentity into, bool skipDuplicateCheck = false, CancellationToken cancellationToken = default);

        /// <summary>
        /// GET /contacts/{id}/merge_history (2.16): the contacts merged into the user <paramref name="user"/> names,
        /// newest first, every page (by next_cursor). Intercom keeps a history for users only: a lead's is its 404.
        /// </summary>
        Task<UserMerge[]> GetUserMergeHistoryAsync(UserIdentity user, CancellationToken cancellationToken = default);
    }

    /// <summary>The workspace's admin activity log (REST API 2.x).</summary>
    public interface IActivityLog
    {
        /// <summary>
        /// The activities from <paramref name="since"/> (inclusive) to <paramref name="until"/> (exclusive), to the
        /// second, newest first, page by page. Dispose the reader when done.
        /// </summary>
        IPageReader<AdminActivity> ListAdminActivity(DateTime since, DateTime until, CancellationToken cancellationToken = default);
    }

    /// <summary>The company your workspace gave <paramref name="companyId"/>; safe to call from many threads.</summary>
    public delegate Task<Company> CompanyFinder(string companyId, CancellationToken cancellationToken);

    /// <summary>Reads a listing page by page: its items, or null after the last page. Disposing cancels what it started.</summary>
    public interface IPageReader<T> : IDisposable where T : class
    {
        /// <summary>How many items the listing holds, as its first page says (once read); null for a list that does not say.</summary>
        long? TotalCount { get; }

        Task<T[]?> NextAsync();
    }
}
