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
/// /contacts/{id}/notes, 2.16's /companies/{id}/notes, and /notes/{id}. A note's author is the admin_id it was written
/// with, else the app's first admin.
/// </summary>
internal static class NotesEndpoints
{
    /// <summary>A numbered page (page, per_page: 50 by default) of the contact's notes, newest first.</summary>
    public static async Task<IResult> ListAsync(HttpContext context) =>
        await PageAsync(context, await Store(context).ListNotesAsync(RouteValues.Text(context, "contact_id")));

    /// <summary>The company's notes (2.16), as a contact's are listed.</summary>
    public static async Task<IResult> ListForCompanyAsync(HttpContext context) =>
        await PageAsync(context, await Store(context).ListCompanyNotesAsync(RouteValues.Text(context, "company_id")));

    public static async Task<IResult> CreateAsync(HttpContext context)
    {
        var (text, adminId, admins) = await ReadAsync(context);
        return Answer(context, await Store(context).AddNoteAsync(RouteValues.Text(context, "contact_id"), text, adminId), admins);
    }

    /// <summary>A note on the company (2.16), taking what a contact's note takes.</summary>
    public static async Task<IResult> CreateForCompanyAsync(HttpContext context)
    {
        var (text, adminId, admins) = await ReadAsync(context);
        return Answer(context, await Store(context).AddCompanyNoteAsync(RouteValues.Text(context, "company_id"), text, adminId), admins);
    }

    /// <summary>Any note by its id; a company's only from 2.16, the first version with company notes (before, its 404).</summary>
    public static async Task<IResult> GetAsync(HttpContext context)
    {
        var note = await Store(context).GetNoteAsync(RouteValues.NumericId(context, "note_id", AppStore.NoteNotFound));
        if (note.Company is not null && ApiVersions.Lacks(Face.VersionOf(context), CompanyNotesRoute))
        {
            throw AppStore.NoteNotFound();
        }

        return Answer(context, note, await Store(context).ListAdminsAsync());
    }

    /// <summary>The operation whose version (ApiVersions) is the first with company notes.</summary>
    private const string CompanyNotesRoute = "GET /companies/{company_id}/notes";

    private static readonly FieldSet CreateFields = UnknownFields.Set("body", "admin_id");

    /// <summary>The note's text (required) and admin_id, which when given must be an admin of the app; without it the token's admin writes the note.</summary>
    private static async Task<(string Text, string? AdminId, IReadOnlyList<AdminRecord> Admins)> ReadAsync(HttpContext context)
    {
        var body = (await RequestBody.ReadAsync(context, CreateFields))!.Value;
        var text = Input.String(body, "body");
        if (text is null || text.Trim().Length == 0)
        {
            throw new ApiError(400, "bad_request", "body is required (the note's text)") { Code = "parameter_not_found", Field = "body" };
        }

        var admins = await Store(context).ListAdminsAsync();
        var adminId = Input.Field(body, "admin_id") switch
        {
            null => null,
            { ValueKind: JsonValueKind.String or JsonValueKind.Number } given when admins.Any(a => a.Id == given.ToString()) => given.ToString(),
            _ => throw AdminNotFound(),
        };
        return (text, adminId, admins);
    }

    private static async Task<IResult> PageAsync(HttpContext context, IReadOnlyList<NoteRecord> notes)
    {
        var admins = await Store(context).ListAdminsAsync();
        var model = Face.VersionOf(context).Model;
        return NumberedPages.Answer(notes, context.Request.Query, CompaniesEndpoints.DefaultAttachedPerPage, (w, note) => Writer.Note(w, note, Author(admins, note), model));
    }

    private static IResult Answer(HttpContext context, NoteRecord note, IReadOnlyList<AdminRecord> admins) =>
        Json.Ok(w => Writer.Note(w, note, Author(admins, note), Face.VersionOf(context).Model));

    /// <summary>
    /// An admin_id naming no admin of the app. The description's "Admin not found" example of this operation answers
    /// not_found "Resource Not Found", not the admin_not_found of /admins/{id}.
    /// </summary>
    private static ApiError AdminNotFound() => new(404, "not_found", "Resource Not Found") { Code = "not_found" };

    /// <summary>Who wrote the note: its admin, else (a v1 note, or one written without admin_id) the app's first admin.</summary>
    private static AdminRecord Author(IReadOnlyList<AdminRecord> admins, NoteRecord note) => admins.FirstOrDefault(a => a.Id == note.AdminId) ?? admins[0];

    private static IAppStore Store(HttpContext context) => Caller.From(context).Store;
}
