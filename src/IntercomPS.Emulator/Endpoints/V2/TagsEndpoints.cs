using System.Collections.Generic;
using System.Linq;
using System.Text.Json;
using System.Threading.Tasks;
using IntercomPS.Emulator.Storage;
using IntercomPS.Emulator.Auth;
using IntercomPS.Emulator.Model;
using Microsoft.AspNetCore.Http;

namespace IntercomPS.Emulator.Endpoints.V2;

/// <summary>/tags and /contacts/{id}/tags. POST /tags takes each of its documented forms: create, rename, tag contacts, tag companies.</summary>
internal static class TagsEndpoints
{
    public static async Task<IResult> ListAsync(HttpContext context)
    {
        var tags = await Store(context).ListTagsAsync();
        return Json.Ok(w => Writer.TagList(w, tags));
    }

    public static async Task<IResult> GetAsync(HttpContext context)
    {
        var tag = await Store(context).GetTagAsync(RouteValues.NumericId(context, "tag_id", AppStore.TagNotFound));
        return Json.Ok(w => Writer.Tag(w, tag));
    }

    public static async Task<IResult> DeleteAsync(HttpContext context)
    {
        await Store(context).DeleteTagAsync(RouteValues.NumericId(context, "tag_id", AppStore.TagNotFound));
        return Results.Ok();
    }

    private static readonly FieldSet SaveFields = UnknownFields.Set(
        "name", "id", "users.id", "companies.id", "companies.company_id", "companies.untag");

    /// <summary>
    /// {name}: create (or find) the tag; {name, id}: rename tag id; {name, users: [{id, untag?}]}: tag or untag
    /// those contacts; {name, companies: [{id and/or company_id, untag?}]}: tag or untag those companies.
    /// </summary>
    public static async Task<IResult> SaveAsync(HttpContext context)
    {
        var body = (await RequestBody.ReadAsync(context, SaveFields))!.Value;
        var name = Input.String(body, "name");
        if (name is null || name.Trim().Length == 0)
        {
            throw new ApiError(400, "bad_request", "name is required (the tag's name)") { Code = "parameter_not_found", Field = "name" };
        }

        var store = Store(context);
        var (users, companies) = (Input.Field(body, "users"), Input.Field(body, "companies"));
        if (users is not null && companies is not null)
        {
            throw new ApiError(400, "bad_request", "users and companies cannot be tagged in one request: send one POST /tags for each")
            {
                Code = "parameter_invalid",
                Field = "companies",
            };
        }

        if (companies is { } named)
        {
            var tagged = await store.TagCompaniesAsync(name, Companies(named));
            return Json.Ok(w => Writer.Tag(w, tagged));
        }

        if (users is { } given)
        {
            var targets = Users(given);
            var tagged = await store.TagContactsAsync(name, targets);
            return Json.Ok(w => Writer.Tag(w, tagged));
        }

        var tag = await store.SaveTagAsync(name, Input.Id(body, "id"));
        return Json.Ok(w => Writer.Tag(w, tag));
    }

    public static async Task<IResult> ListForContactAsync(HttpContext context)
    {
        var contact = await Store(context).GetContactAsync(RouteValues.Text(context, "contact_id"));
        return Json.Ok(w => Writer.TagList(w, contact.Tags));
    }

    private static readonly FieldSet AddToContactFields = UnknownFields.Set("id");

    public static async Task<IResult> AddToContactAsync(HttpContext context)
    {
        var body = (await RequestBody.ReadAsync(context, AddToContactFields))!.Value;
        var tagId = Input.Id(body, "id") ?? throw new ApiError(400, "bad_request", "id is required (the tag's id)") { Code = "parameter_not_found", Field = "id" };
        var applied = await Store(context).AddContactTagAsync(RouteValues.Text(context, "contact_id"), tagId);
        return Json.Ok(w => Writer.AppliedTag(w, applied));
    }

    public static async Task<IResult> RemoveFromContactAsync(HttpContext context)
    {
        var removed = await Store(context).RemoveContactTagAsync(
            RouteValues.Text(context, "contact_id"), RouteValues.NumericId(context, "tag_id", AppStore.TagNotFound));
        return Json.Ok(w => Writer.AppliedTag(w, removed));
    }

    private static List<(string, bool)> Users(JsonElement users)
    {
        if (users.ValueKind != JsonValueKind.Array)
        {
            throw new ApiError(400, "bad_request", $"users must be an array of {{\"id\": contact id}}, not {Input.Kind(users)}") { Code = "parameter_invalid", Field = "users" };
        }

        return users.EnumerateArray().Select((user, i) =>
        {
            if (user.ValueKind != JsonValueKind.Object || Input.String(user, "id") is not { Length: > 0 } id)
            {
                throw new ApiError(400, "bad_request", $"users[{i}] must be an object with the contact's id") { Code = "parameter_invalid", Field = "users" };
            }

            return (id, Input.Bool(user, "untag") ?? false);
        }).ToList();
    }

    private static List<CompanyTagging> Companies(JsonElement companies)
    {
        if (companies.ValueKind != JsonValueKind.Array)
        {
            throw new ApiError(400, "bad_request", $"companies must be an array of {{\"id\": company id}} or {{\"company_id\": your company id}}, not {Input.Kind(companies)}")
            {
                Code = "parameter_invalid",
                Field = "companies",
            };
        }

        return companies.EnumerateArray().Select((company, i) =>
        {
            var (id, companyId) = company.ValueKind == JsonValueKind.Object ? (Input.String(company, "id"), Input.String(company, "company_id")) : (null, null);
            if (id is { Length: 0 } || companyId is { Length: 0 } || (id ?? companyId) is null)
            {
                throw new ApiError(400, "bad_request", $"companies[{i}] must be an object with the company's id or company_id") { Code = "parameter_invalid", Field = "companies" };
            }

            return new CompanyTagging(id, companyId, Input.Bool(company, "untag") ?? false);
        }).ToList();
    }

    private static IAppStore Store(HttpContext context) => Caller.From(context).Store;
}
