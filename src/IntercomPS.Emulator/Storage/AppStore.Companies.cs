using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading.Tasks;
using IntercomPS.Emulator.Model;
using Microsoft.Data.Sqlite;

namespace IntercomPS.Emulator.Storage;

/// <summary>
/// Companies (2.14): created or updated by the workspace's company_id, read by Intercom's id, listed by page number up
/// to the app's list limit (10,000) or walked by the app's one scroll (<see cref="CompanyScrolls"/>), attached to
/// contacts and tagged (AppStore.Tags.cs). Deleting a company detaches its contacts and leaves them be.
/// </summary>
internal sealed partial class AppStore
{
    /// <summary>
    /// A company's columns over companies c, in the order <see cref="ReadCompany"/> reads them, its user count and tags
    /// (a JSON array of tag rows, as a contact's) last: a page of companies stays one statement.
    /// </summary>
    private const string CompanyColumns = $"""
        c.seq, c.intercom_id, c.company_id, c.name, c.plan, c.size, c.website, c.industry, c.monthly_spend, c.remote_created_at,
        c.custom_attributes, c.created_at, c.updated_at, (SELECT COUNT(*) FROM company_contacts cc WHERE cc.company_seq = c.seq), {TagsOfCompany}
        """;

    /// <summary>The tags of the company c: one JSON array of <see cref="TagColumns"/> rows, ordered by tag id.</summary>
    private const string TagsOfCompany =
        $"(SELECT json_group_array(json_array({TagColumns})) FROM (SELECT {TagColumns} FROM company_tags ct JOIN tags t ON t.id = ct.tag_id WHERE ct.company_seq = c.seq ORDER BY t.id) AS t)";

    /// <summary>The companies of one page: every company of the app, or (with $tag) those that have tag $tag.</summary>
    private const string AllCompanies = "c.app = $app";
    private const string TaggedCompanies = "c.app = $app AND c.seq IN (SELECT ct.company_seq FROM company_tags ct WHERE ct.tag_id = $tag)";

    /// <summary>POST /companies: the company with that company_id is updated, else created.</summary>
    public Task<CompanyRecord> SaveCompanyAsync(CompanyInput input) => db.WriteAsync(s =>
    {
        var companyId = input.CompanyId ?? throw new ArgumentException("company_id is required", nameof(input));
        var existing = CompanyWhere(s, "c.app = $app AND c.company_id = $company_id", ("$app", app), ("$company_id", companyId));
        if (existing is null)
        {
            s.Execute($"""
                INSERT INTO companies (app, intercom_id, company_id, created_at, updated_at) VALUES ($app, {Schema.NewIntercomId}, $company_id, $now, $now)
                """, ("$app", app), ("$company_id", companyId), ("$now", Now));
            existing = CompanyWhere(s, "c.app = $app AND c.company_id = $company_id", ("$app", app), ("$company_id", companyId))!;
        }

        return UpdateCompany(s, existing, input);
    });

    /// <summary>PUT /companies/{id}: company_id cannot change, so it is not among what is written.</summary>
    public Task<CompanyRecord> UpdateCompanyAsync(string id, CompanyInput input) => db.WriteAsync(s =>
        UpdateCompany(s, CompanyById(s, id) ?? throw CompanyNotFound(), input with { CompanyId = null }));

    public Task<CompanyRecord> GetCompanyAsync(string id) => Task.FromResult(db.Read(s => CompanyById(s, id) ?? throw CompanyNotFound()));

    /// <summary>GET /companies?company_id=&amp;name=: the companies with both given (a company_id names one); none is a 404.</summary>
    public Task<IReadOnlyList<CompanyRecord>> FindCompaniesAsync(string? companyId, string? name) => Task.FromResult<IReadOnlyList<CompanyRecord>>(db.Read(s =>
    {
        var found = s.Query($"""
            SELECT {CompanyColumns} FROM companies c
            WHERE c.app = $app AND ($company_id IS NULL OR c.company_id = $company_id) AND ($name IS NULL OR c.name = $name) ORDER BY c.seq
            """, ReadCompany, ("$app", app), ("$company_id", companyId), ("$name", name));
        return found.Count > 0 ? found : throw CompanyNotFound();
    }));

    /// <summary>
    /// A numbered page of every company (or of those tagged <paramref name="tagId"/>; none for a tag that is not there),
    /// oldest or newest first. The list stops at the app's limit (10,000), as the real one does: a page past it is
    /// refused and points to the scroll; total_count still counts them all.
    /// </summary>
    public Task<CompanyPage> ListCompaniesAsync(int page, int perPage, bool descending, long? tagId = null) => Task.FromResult(db.Read(s =>
    {
        var limit = db.Scrolls.SettingsOf(app).ListLimit;
        var skip = (long)(page - 1) * perPage;
        if (skip >= limit && skip > 0)
        {
            throw new ApiError(400, "bad_request",
                $"The company list stops at {limit:N0} companies: page {page} of {perPage} starts past it. Use GET /companies/scroll to iterate over all of them.")
            { Code = "parameter_invalid", Field = "page" };
        }

        // An OFFSET, unlike the contact lists' keyset: the limit bounds it, so a page costs at most 10,000 rows skipped.
        var where = tagId is null ? AllCompanies : TaggedCompanies;
        var total = s.Scalar<long>($"SELECT COUNT(*) FROM companies c WHERE {where}", ("$app", app), ("$tag", tagId));
        var companies = s.Query($"SELECT {CompanyColumns} FROM companies c WHERE {where} ORDER BY c.seq {(descending ? "DESC" : "ASC")} LIMIT $take OFFSET $skip",
            ReadCompany, ("$app", app), ("$tag", tagId), ("$take", Math.Min(perPage, limit - skip)), ("$skip", skip));
        return new CompanyPage(companies, total, page, perPage);
    }));

    /// <summary>One page of the app's scroll (a new one without <paramref name="param"/>): companies by creation, past the last page's.</summary>
    public Task<(IReadOnlyList<CompanyRecord> Companies, string Param)> ScrollCompaniesAsync(string? param) => Task.FromResult(db.Read(s =>
    {
        var (after, scroll) = db.Scrolls.Begin(app, param, DateTime.UtcNow);
        var companies = s.Query($"SELECT {CompanyColumns} FROM companies c WHERE c.app = $app AND c.seq > $after ORDER BY c.seq LIMIT $take",
            ReadCompany, ("$app", app), ("$after", after), ("$take", db.Scrolls.SettingsOf(app).ScrollPageSize));
        db.Scrolls.Served(app, scroll, companies.Count > 0 ? companies[^1].Seq : null);
        return ((IReadOnlyList<CompanyRecord>)companies, scroll);
    }));

    /// <summary>Deletes the company and detaches its contacts (who stay); its tags go with it (a trigger); returns it as it was.</summary>
    public Task<CompanyRecord> DeleteCompanyAsync(string id) => db.WriteAsync(s =>
    {
        var company = CompanyById(s, id) ?? throw CompanyNotFound();
        s.Execute("DELETE FROM company_contacts WHERE company_seq = $seq; DELETE FROM notes WHERE company_seq = $seq; DELETE FROM companies WHERE seq = $seq", ("$seq", company.Seq));
        return company;
    });

    /// <summary>Attaches (or detaches) the contact to the company and returns the company with its new user count.</summary>
    public Task<CompanyRecord> LinkCompanyAsync(string contactId, string companyId, bool attach) => db.WriteAsync(s =>
    {
        var contact = Find(s, contactId) ?? throw ContactNotFound();
        var company = CompanyById(s, companyId) ?? throw CompanyNotFound();
        s.Execute(attach
            ? "INSERT OR IGNORE INTO company_contacts (company_seq, user_seq) VALUES ($company, $user)"
            : "DELETE FROM company_contacts WHERE company_seq = $company AND user_seq = $user", ("$company", company.Seq), ("$user", contact.User.Seq));
        return CompanyById(s, companyId)!;
    });

    /// <summary>The companies a contact is attached to, in the order they were created.</summary>
    public Task<IReadOnlyList<CompanyRecord>> ListContactCompaniesAsync(string contactId) => Task.FromResult<IReadOnlyList<CompanyRecord>>(db.Read(s =>
    {
        var contact = Find(s, contactId) ?? throw ContactNotFound();
        return s.Query($"SELECT {CompanyColumns} FROM company_contacts l JOIN companies c ON c.seq = l.company_seq WHERE l.user_seq = $user ORDER BY c.seq",
            ReadCompany, ("$user", contact.User.Seq));
    }));

    /// <summary>A numbered page of the contacts attached to a company, in the order they were created.</summary>
    public Task<ContactPage> ListCompanyContactsAsync(string companyId, int page, int perPage) => Task.FromResult(db.Read(s =>
    {
        var company = CompanyById(s, companyId) ?? throw CompanyNotFound();
        var contacts = s.Query($"""
            SELECT {ContactColumns} FROM company_contacts l JOIN users u ON u.seq = l.user_seq LEFT JOIN contact_details d ON d.user_seq = u.seq
            WHERE l.company_seq = $company ORDER BY u.seq LIMIT $take OFFSET $skip
            """, ReadContact, ("$company", company.Seq), ("$take", perPage), ("$skip", (long)(page - 1) * perPage));
        return new ContactPage([.. contacts], company.UserCount, page, perPage, null);
    }));

    /// <summary>Writes what <paramref name="input"/> sets (custom attributes merged key by key) and returns the row.</summary>
    private CompanyRecord UpdateCompany(DbSession s, CompanyRecord company, CompanyInput input)
    {
        // A company's custom attributes need not be defined first, but a defined one takes only its type (a create
        // refused here is rolled back with its row).
        CheckTypes(s, input.CustomAttributes, "custom_attributes", increments: null, model: "company");
        s.Execute("""
            UPDATE companies SET name = COALESCE($name, name), plan = COALESCE($plan, plan), size = COALESCE($size, size),
                website = COALESCE($website, website), industry = COALESCE($industry, industry), monthly_spend = COALESCE($spend, monthly_spend),
                remote_created_at = COALESCE($remote, remote_created_at), custom_attributes = $custom, updated_at = $now
            WHERE seq = $seq
            """, ("$name", input.Name), ("$plan", input.Plan), ("$size", input.Size), ("$website", input.Website), ("$industry", input.Industry),
            ("$spend", input.MonthlySpend), ("$remote", input.RemoteCreatedAt), ("$custom", CustomData.Merge(company.CustomAttributes, input.CustomAttributes)),
            ("$now", Now), ("$seq", company.Seq));
        return CompanyWhere(s, "c.seq = $seq", ("$seq", company.Seq))!;
    }

    private CompanyRecord? CompanyById(DbSession s, string id) => CompanyWhere(s, "c.app = $app AND c.intercom_id = $id", ("$app", app), ("$id", id));

    private static CompanyRecord? CompanyWhere(DbSession s, string where, params (string, object?)[] args) =>
        s.First($"SELECT {CompanyColumns} FROM companies c WHERE {where}", ReadCompany, args);

    private static CompanyRecord ReadCompany(SqliteDataReader r) => new(
        r.GetInt64(0), r.GetString(1), r.GetString(2), Text(r, 3), Text(r, 4), Number(r, 5), Text(r, 6), Text(r, 7), r.GetInt64(8), Number(r, 9),
        r.GetString(10), r.GetInt64(11), r.GetInt64(12), r.GetInt64(13), TagsFromJson(r.GetString(14)));

    /// <summary>2.14's 404 for a company, in its words and code.</summary>
    public static ApiError CompanyNotFound() => new(404, "not_found", "Company Not Found") { Code = "company_not_found" };
}
