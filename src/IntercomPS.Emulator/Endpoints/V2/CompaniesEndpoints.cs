using System;
using System.Collections.Generic;
using System.Linq;
using System.Text.Json;
using System.Threading.Tasks;
using IntercomPS.Emulator.Auth;
using IntercomPS.Emulator.Model;
using IntercomPS.Emulator.Storage;
using Microsoft.AspNetCore.Http;

namespace IntercomPS.Emulator.Endpoints.V2;

/// <summary>
/// /companies and a contact's companies: create or update by company_id, read by id, find by company_id or name,
/// list by page (up to the app's limit, all or one tag's), scroll, update, delete, attach and detach contacts, and
/// list either side. Companies are tagged through POST /tags. They are in no segments (segments are lists of
/// contacts here): a company's segments are none, and a list filtered by segment_id is refused, saying so.
/// </summary>
internal static class CompaniesEndpoints
{
    private const int DefaultPerPage = 15;
    /// <summary>
    /// The page size of the lists either side of a company-contact link, and of a contact's notes: 50, as the
    /// description's examples of all three answer (2.11's parameter text says 15; the answers it recorded say 50).
    /// </summary>
    public const int DefaultAttachedPerPage = 50;

    /// <summary>What POST /companies takes; anything else is the documented 400 "bad 'x' parameter".</summary>
    private static readonly HashSet<string> Writable = new(StringComparer.Ordinal)
    {
        "company_id", "name", "plan", "size", "website", "industry", "custom_attributes", "remote_created_at", "monthly_spend",
    };

    public static async Task<IResult> SaveAsync(HttpContext context)
    {
        var body = (await RequestBody.ReadAsync(context))!.Value;
        foreach (var property in body.EnumerateObject())
        {
            if (!Writable.Contains(property.Name))
            {
                throw new ApiError(400, "bad_request", $"bad '{property.Name}' parameter") { Code = "bad_request" };
            }
        }

        var input = Parse(body);
        if (input.CompanyId is null)
        {
            throw new ApiError(400, "bad_request", "company_id is required: a company is created or updated by the company_id you give it")
            {
                Code = "parameter_not_found",
                Field = "company_id",
            };
        }

        var company = await Store(context).SaveCompanyAsync(input);
        return Json.Ok(w => Company(w, company, App(context)));
    }

    /// <summary>
    /// What PUT /companies/{id} takes: all but company_id, which an update drops (the path names the company).
    /// remote_created_at, which the description leaves out here, is applied as on create.
    /// </summary>
    private static readonly FieldSet Updatable = UnknownFields.Set([.. Writable.Where(f => f != "company_id")]);

    public static async Task<IResult> UpdateAsync(HttpContext context)
    {
        var body = (await RequestBody.ReadAsync(context, Updatable))!.Value;
        var company = await Store(context).UpdateCompanyAsync(RouteValues.Text(context, "company_id"), Parse(body));
        return Json.Ok(w => Company(w, company, App(context)));
    }

    public static async Task<IResult> GetAsync(HttpContext context)
    {
        var company = await Store(context).GetCompanyAsync(RouteValues.Text(context, "company_id"));
        return Json.Ok(w => Company(w, company, App(context)));
    }

    /// <summary>
    /// GET /companies: with company_id or name, the companies that have them (a 404 when none); without, the list,
    /// oldest first, of every company or of those that have tag_id.
    /// </summary>
    public static async Task<IResult> RetrieveAsync(HttpContext context)
    {
        var query = context.Request.Query;
        var (companyId, name) = (Input.Query(query, "company_id"), Input.Query(query, "name"));
        var store = Store(context);
        if (companyId is not null || name is not null)
        {
            var found = await store.FindCompaniesAsync(companyId, name);
            return Json.Ok(w => List(w, new CompanyPage(found, found.Count, 1, Math.Max(found.Count, 1)), App(context)));
        }

        if (Input.Query(query, "segment_id") is not null)
        {
            throw new ApiError(400, "bad_request", "Listing companies by segment_id is not emulated: companies are in no segments here (segments are lists of contacts)")
            {
                Code = "parameter_invalid",
                Field = "segment_id",
            };
        }

        var page = await store.ListCompaniesAsync(Page(query), PerPage(query), descending: false, TagId(query));
        return Json.Ok(w => List(w, page, App(context)));
    }

    /// <summary>POST /companies/list: page, per_page and order (asc or desc, desc by default) in the query.</summary>
    public static async Task<IResult> ListAsync(HttpContext context)
    {
        var query = context.Request.Query;
        var descending = Input.Query(query, "order") switch
        {
            null or "desc" => true,
            "asc" => false,
            var other => throw new ApiError(400, "bad_request", $"order must be asc or desc, not '{other}'") { Code = "parameter_invalid", Field = "order" },
        };
        var page = await Store(context).ListCompaniesAsync(Page(query), PerPage(query), descending);
        return Json.Ok(w => List(w, page, App(context)));
    }

    /// <summary>GET /companies/scroll: a page of the app's one scroll; an empty page ends it. No total_count, no pages.</summary>
    public static async Task<IResult> ScrollAsync(HttpContext context)
    {
        var (companies, param) = await Store(context).ScrollCompaniesAsync(Input.Query(context.Request.Query, "scroll_param"));
        return Json.Ok(w =>
        {
            w.WriteStartObject();
            w.WriteString("type", "list");
            w.WriteStartArray("data");
            foreach (var company in companies)
            {
                Company(w, company, App(context));
            }

            w.WriteEndArray();
            w.WriteNull("pages");
            w.WriteNull("total_count");
            w.WriteString("scroll_param", param);
            w.WriteEndObject();
        });
    }

    public static async Task<IResult> DeleteAsync(HttpContext context)
    {
        var company = await Store(context).DeleteCompanyAsync(RouteValues.Text(context, "company_id"));
        return Json.Ok(w =>
        {
            w.WriteStartObject();
            w.WriteString("id", company.Id);
            w.WriteString("object", "company");
            w.WriteBoolean("deleted", true);
            w.WriteEndObject();
        });
    }

    /// <summary>GET /companies/{id}/segments: none for a company that exists (segments are lists of contacts here), else the 404.</summary>
    public static async Task<IResult> SegmentsAsync(HttpContext context)
    {
        await Store(context).GetCompanyAsync(RouteValues.Text(context, "company_id"));
        return Json.Ok(w =>
        {
            w.WriteStartObject();
            w.WriteString("type", "list");
            w.WriteStartArray("data");
            w.WriteEndArray();
            w.WriteEndObject();
        });
    }

    /// <summary>GET /companies/{id}/contacts: a numbered page (page, per_page: 50 by default) of the company's contacts.</summary>
    public static async Task<IResult> ContactsAsync(HttpContext context)
    {
        var query = context.Request.Query;
        var page = await Store(context).ListCompanyContactsAsync(RouteValues.Text(context, "company_id"), Page(query), NumberedPages.PerPage(query, DefaultAttachedPerPage));
        return Json.Ok(w => Writer.ContactList(w, page, App(context)));
    }

    private static readonly FieldSet AttachFields = UnknownFields.Set("id");

    /// <summary>POST /contacts/{id}/companies {id}: the company (its Intercom id) is attached to the contact.</summary>
    public static async Task<IResult> AttachAsync(HttpContext context)
    {
        var body = await RequestBody.ReadAsync(context, AttachFields, required: false);
        var companyId = body is { } given ? Input.String(given, "id") : null;
        if (companyId is null || companyId.Trim().Length == 0)
        {
            throw new ApiError(400, "bad_request", "company not specified") { Code = "parameter_not_found", Field = "id" };
        }

        var company = await Store(context).LinkCompanyAsync(RouteValues.Text(context, "contact_id"), companyId, attach: true);
        return Json.Ok(w => Company(w, company, App(context)));
    }

    public static async Task<IResult> DetachAsync(HttpContext context)
    {
        var company = await Store(context).LinkCompanyAsync(RouteValues.Text(context, "contact_id"), RouteValues.Text(context, "company_id"), attach: false);
        return Json.Ok(w => Company(w, company, App(context)));
    }

    /// <summary>
    /// GET /contacts/{id}/companies: a numbered page (page, per_page: 50 by default) of the contact's companies, in
    /// data (as the description's example; its schema says companies).
    /// </summary>
    public static async Task<IResult> OfContactAsync(HttpContext context)
    {
        var companies = await Store(context).ListContactCompaniesAsync(RouteValues.Text(context, "contact_id"));
        var (items, page, perPage) = NumberedPages.Slice(companies, context.Request.Query, DefaultAttachedPerPage);
        return Json.Ok(w => List(w, new CompanyPage(items, companies.Count, page, perPage), App(context)));
    }

    /// <summary>A company in the field order of the description's examples; plan is {} until one is set.</summary>
    public static void Company(Utf8JsonWriter w, CompanyRecord c, string workspace)
    {
        w.WriteStartObject();
        w.WriteString("type", "company");
        w.WriteString("company_id", c.CompanyId);
        w.WriteString("id", c.Id);
        w.WriteString("app_id", workspace);
        if (c.Name is not null)
        {
            w.WriteString("name", c.Name);
        }

        if (c.RemoteCreatedAt is { } remote)
        {
            w.WriteNumber("remote_created_at", remote);
        }

        w.WriteNumber("created_at", c.CreatedAt);
        w.WriteNumber("updated_at", c.UpdatedAt);
        w.WriteNumber("monthly_spend", c.MonthlySpend);
        w.WriteNumber("session_count", 0);
        w.WriteNumber("user_count", c.UserCount);
        if (c.Size is { } size)
        {
            w.WriteNumber("size", size);
        }

        if (c.Website is not null)
        {
            w.WriteString("website", c.Website);
        }

        if (c.Industry is not null)
        {
            w.WriteString("industry", c.Industry);
        }

        w.WriteStartObject("tags");
        w.WriteString("type", "tag.list");
        w.WriteStartArray("tags");
        foreach (var tag in c.Tags)
        {
            Writer.Tag(w, tag);
        }

        w.WriteEndArray();
        w.WriteEndObject();
        w.WriteStartObject("segments");
        w.WriteString("type", "segment.list");
        w.WriteStartArray("segments");
        w.WriteEndArray();
        w.WriteEndObject();
        w.WriteStartObject("plan");
        if (c.Plan is not null)
        {
            w.WriteString("type", "plan");
            w.WriteString("name", c.Plan);
        }

        w.WriteEndObject();
        w.WritePropertyName("custom_attributes");
        w.WriteRawValue(c.CustomAttributes, skipInputValidation: true);
        w.WriteEndObject();
    }

    private static void List(Utf8JsonWriter w, CompanyPage page, string workspace)
    {
        w.WriteStartObject();
        w.WriteString("type", "list");
        w.WriteStartArray("data");
        foreach (var company in page.Companies)
        {
            Company(w, company, workspace);
        }

        w.WriteEndArray();
        Writer.Pages(w, page.Page, page.PerPage, page.TotalCount, next: null);
        w.WriteNumber("total_count", page.TotalCount);
        w.WriteEndObject();
    }

    private static CompanyInput Parse(JsonElement body)
    {
        var companyId = Input.String(body, "company_id");
        if (companyId is not null && companyId.Trim().Length == 0)
        {
            throw new ApiError(400, "bad_request", "company_id must not be empty") { Code = "parameter_invalid", Field = "company_id" };
        }

        return new CompanyInput(companyId, Input.String(body, "name"), Input.String(body, "plan"), Whole(body, "size"), Input.String(body, "website"),
            Input.String(body, "industry"), Whole(body, "monthly_spend"), Input.Timestamp(body, "remote_created_at"), ContactsEndpoints.CustomAttributes(body));
    }

    /// <summary>An integer field; monthly_spend's fraction is dropped, as the description says the API does.</summary>
    private static long? Whole(JsonElement body, string name) => Input.Field(body, name) switch
    {
        null => null,
        { ValueKind: JsonValueKind.Number } v when v.TryGetDouble(out var n) && n >= 0 && n <= int.MaxValue => (long)Math.Truncate(n),
        { } v => throw new ApiError(400, "bad_request", $"{name} must be a whole number from 0 to {int.MaxValue}, not {Input.Kind(v)} {v.GetRawText()}")
        {
            Code = "parameter_invalid",
            Field = name,
        },
    };

    /// <summary>tag_id: a 2.x tag id is a number (one that names no tag lists no companies).</summary>
    private static long? TagId(IQueryCollection query) => Input.Query(query, "tag_id") switch
    {
        null => null,
        var text when long.TryParse(text, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var id) => id,
        var text => throw new ApiError(400, "bad_request", $"tag_id must be a tag's id (a number, as GET /tags gives it), not '{text}'")
        {
            Code = "parameter_invalid",
            Field = "tag_id",
        },
    };

    private static int Page(IQueryCollection query) => NumberedPages.Page(query);

    private static int PerPage(IQueryCollection query) => NumberedPages.PerPage(query, DefaultPerPage);

    private static IAppStore Store(HttpContext context) => Caller.From(context).Store;

    private static string App(HttpContext context) => Caller.From(context).AppId;
}
