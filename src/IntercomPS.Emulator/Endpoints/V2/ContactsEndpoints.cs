using System;
using System.Collections.Generic;
using System.Text.Json;
using System.Threading.Tasks;
using IntercomPS.Emulator.Auth;
using IntercomPS.Emulator.Model;
using IntercomPS.Emulator.Storage;
using Microsoft.AspNetCore.Http;

namespace IntercomPS.Emulator.Endpoints.V2;

/// <summary>/contacts: create, get, update, delete, list, search, find by external id, archive, unarchive and block.</summary>
internal static class ContactsEndpoints
{
    private const int DefaultPerPage = 50;

    public static async Task<IResult> ListAsync(HttpContext context)
    {
        var query = context.Request.Query;
        var page = await Store(context).ListContactsAsync(PerPage(Input.Query(query, "per_page")), Input.Query(query, "starting_after"));
        return Json.Ok(w => Writer.ContactList(w, page, App(context)));
    }

    public static async Task<IResult> SearchAsync(HttpContext context)
    {
        var body = (await RequestBody.ReadAsync(context, ContactSearch.BodyFields))!.Value;
        var services = Caller.From(context).Services;
        var query = ContactSearch.Contacts(body, services.Profiles.Of(App(context)).TimeZone);
        if (services.Faults.SearchDelaySeconds is var delay and > 0)
        {
            query = query with { IndexedBy = DateTimeOffset.UtcNow.ToUnixTimeSeconds() - delay }; // the real service's indexing delay
        }

        int perPage = DefaultPerPage;
        string? startingAfter = null;
        if (Input.Field(body, "pagination") is { } pagination)
        {
            if (pagination.ValueKind != JsonValueKind.Object)
            {
                throw ContactSearch.Invalid("pagination", $"pagination must be an object {{per_page, starting_after}}, not {Input.Kind(pagination)}");
            }

            perPage = Input.Field(pagination, "per_page") is { } value
                ? PerPage(value.ValueKind == JsonValueKind.Number ? value.GetRawText() : "not a number")
                : DefaultPerPage;
            startingAfter = Input.String(pagination, "starting_after");
        }

        var page = await Store(context).SearchContactsAsync(query, perPage, startingAfter);
        return Json.Ok(w => Writer.ContactList(w, page, App(context)));
    }

    public static async Task<IResult> CreateAsync(HttpContext context)
    {
        var input = await ReadAsync(context);
        if (input.Email is null && input.ExternalId is null && input.Role is null)
        {
            throw new ApiError(400, "bad_request", "A contact needs at least one of email, external_id or role") { Code = "parameter_not_found" };
        }

        var contact = await Store(context).CreateContactAsync(input);
        return Json.Ok(w => Writer.Contact(w, contact, App(context)));
    }

    public static async Task<IResult> GetAsync(HttpContext context)
    {
        var contact = await Store(context).GetContactAsync(RouteValues.Text(context, "contact_id"));
        return Json.Ok(w => Writer.Contact(w, contact, App(context)));
    }

    public static async Task<IResult> FindByExternalIdAsync(HttpContext context)
    {
        var contact = await Store(context).FindContactByExternalIdAsync(RouteValues.Text(context, "external_id"));
        return Json.Ok(w => Writer.Contact(w, contact, App(context)));
    }

    public static async Task<IResult> UpdateAsync(HttpContext context)
    {
        var input = await ReadAsync(context);
        var contact = await Store(context).UpdateContactAsync(RouteValues.Text(context, "contact_id"), input);
        return Json.Ok(w => Writer.Contact(w, contact, App(context)));
    }

    public static async Task<IResult> DeleteAsync(HttpContext context)
    {
        var contact = await Store(context).DeleteContactAsync(RouteValues.Text(context, "contact_id"));
        return Json.Ok(w => Writer.ContactReference(w, contact, "deleted", true));
    }

    public static async Task<IResult> ArchiveAsync(HttpContext context, bool archived)
    {
        var contact = await Store(context).ArchiveContactAsync(RouteValues.Text(context, "contact_id"), archived);
        return Json.Ok(w => Writer.ContactReference(w, contact, "archived", archived));
    }

    /// <summary>POST /contacts/{id}/block: the contact_blocked reference (blocked "Always true", a repeat too); its conversations are closed.</summary>
    public static async Task<IResult> BlockAsync(HttpContext context)
    {
        var contact = await Store(context).BlockContactAsync(RouteValues.Text(context, "contact_id"));
        return Json.Ok(w => Writer.ContactReference(w, contact, "blocked", true));
    }

    /// <summary>What a contact write takes, as the description lists it; anything else is named in X-Emulator-Warning.</summary>
    private static readonly string[] WritableFields =
        ["role", "external_id", "email", "phone", "name", "avatar", "signed_up_at", "last_seen_at", "owner_id", "unsubscribed_from_emails",
         "custom_attributes", "language_override"];

    private static readonly FieldSet Writable = UnknownFields.Set(WritableFields);

    /// <summary>2.16 (ApiModel.ContactEmailVerified): and email_verified.</summary>
    private static readonly FieldSet Writable216 = UnknownFields.Set([.. WritableFields, "email_verified"]);

    /// <summary>
    /// A contact write's body, read for the version: 2.16's email_verified is a boolean or null that goes with an
    /// email in the same request (its description: without one it is a 400). It is checked and not kept, as 2.16's
    /// contact answer has no field to show it in; before 2.16 it is an unknown field, named and ignored.
    /// </summary>
    private static async Task<ContactInput> ReadAsync(HttpContext context)
    {
        var verified = Face.VersionOf(context).Model.ContactEmailVerified;
        var body = (await RequestBody.ReadAsync(context, verified ? Writable216 : Writable))!.Value;
        var input = Parse(body);
        if (verified && body.TryGetProperty("email_verified", out var given))
        {
            if (given.ValueKind is not (JsonValueKind.True or JsonValueKind.False or JsonValueKind.Null))
            {
                throw new ApiError(400, "bad_request", $"email_verified must be true, false or null, not {Input.Describe(given)}") { Code = "parameter_invalid", Field = "email_verified" };
            }

            if (input.Email is null)
            {
                throw new ApiError(400, "bad_request", "email_verified must be sent together with an email in the same request") { Code = "parameter_invalid", Field = "email_verified" };
            }
        }

        return input;
    }

    /// <summary>
    /// The writable fields we store. Others the description lists (avatar, owner_id, language_override) are
    /// checked for type and not kept; custom_attributes must name attributes that exist.
    /// </summary>
    private static ContactInput Parse(JsonElement body)
    {
        var role = Input.String(body, "role");
        if (role is not null and not "user" and not "lead")
        {
            throw new ApiError(400, "bad_request", $"role must be user or lead, not '{role}'") { Code = "parameter_invalid", Field = "role" };
        }

        var email = Input.String(body, "email");
        if (email is not null && (email.Trim().Length == 0 || !email.Contains('@', StringComparison.Ordinal)))
        {
            throw new ApiError(400, "bad_request", $"email '{email}' is not an email address") { Code = "parameter_invalid", Field = "email" };
        }

        var externalId = Input.String(body, "external_id");
        if (externalId is not null && externalId.Trim().Length == 0)
        {
            throw new ApiError(400, "bad_request", "external_id must not be empty") { Code = "parameter_invalid", Field = "external_id" };
        }

        _ = Input.String(body, "avatar");
        _ = Input.String(body, "language_override");
        if (Input.Field(body, "owner_id") is { } owner && owner.ValueKind != JsonValueKind.Number)
        {
            throw new ApiError(400, "bad_request", $"owner_id must be an admin id (a number), not {Input.Kind(owner)}") { Code = "parameter_invalid", Field = "owner_id" };
        }

        return new ContactInput(
            role, externalId, email?.Trim(), Input.String(body, "phone"), Input.String(body, "name"),
            Input.Timestamp(body, "signed_up_at"), Input.Timestamp(body, "last_seen_at"), Input.Bool(body, "unsubscribed_from_emails"),
            CustomAttributes(body));
    }

    /// <summary>custom_attributes: a flat object of strings, numbers, booleans and nulls (as v1's custom_data).</summary>
    internal static IReadOnlyDictionary<string, JsonElement>? CustomAttributes(JsonElement body)
    {
        if (Input.Field(body, "custom_attributes") is not { } value)
        {
            return null;
        }

        if (value.ValueKind != JsonValueKind.Object)
        {
            throw new ApiError(400, "bad_request", $"custom_attributes must be an object, not {Input.Kind(value)}") { Code = "parameter_invalid", Field = "custom_attributes" };
        }

        var attributes = new Dictionary<string, JsonElement>(StringComparer.Ordinal);
        foreach (var property in value.EnumerateObject())
        {
            if (property.Value.ValueKind is JsonValueKind.Object or JsonValueKind.Array || property.Name.Length == 0)
            {
                // A list is how 2.14 associates custom object instances, which the emulator does not store: say so.
                var why = property.Value.ValueKind == JsonValueKind.Array ? " (custom objects are not emulated)" : "";
                throw new ApiError(400, "bad_request", $"custom_attributes.{property.Name} must be a string, number, boolean or null, not {Input.Kind(property.Value)}{why}")
                {
                    Code = "parameter_invalid",
                    Field = "custom_attributes." + property.Name,
                };
            }

            attributes[property.Name] = property.Value.Clone();
        }

        return attributes;
    }

    /// <summary>per_page: 1 to 150 (the real API's maximum); anything else is refused, not clamped.</summary>
    internal static int PerPage(string? text)
    {
        if (text is null)
        {
            return DefaultPerPage;
        }

        return int.TryParse(text, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var n) && n is >= 1 and <= Face.MaxPerPage
            ? n
            : throw new ApiError(400, "bad_request", $"per_page must be an integer from 1 to {Face.MaxPerPage}, not '{text}'") { Code = "parameter_invalid", Field = "per_page" };
    }

    private static IAppStore Store(HttpContext context) => Caller.From(context).Store;

    private static string App(HttpContext context) => Caller.From(context).AppId;
}
