using System.Collections.Generic;
using System.Threading.Tasks;
using IntercomPS.Emulator.Auth;
using IntercomPS.Emulator.Storage;
using Microsoft.AspNetCore.Http;

namespace IntercomPS.Emulator.Endpoints.V2;

/// <summary>/contacts/{id}/notes and /notes/{id}. A note's author is the admin_id it was written with, else the app's first admin.</summary>
internal static class NotesEndpoints
{
    /// <summary>A numbered page (page, per_page: 50 by default) of the contact's notes, newest first.</summary>
    public static async Task<IResult> ListAsync(HttpContext context)
    {
        var notes = await Store(context).ListNotesAsync(RouteValues.Text(context, "contact_id"));
        var admins = await Store(context).ListAdminsAsync();
        var model = Face.VersionOf(context).Model;
        return NumberedPages.Answer(notes, context.Request.Query, CompaniesEndpoints.DefaultAttachedPerPage, (w, note) => Writer.Note(w, note, Author(admins, note), model));
    }

    private static readonly FieldSet CreateFields = UnknownFields.Set("body", "admin_id");

    /// <summary>admin_id, when given, must be an admin of the app; without it the token's admin writes the note.</summary>
    public static async Task<IResult> CreateAsync(HttpContext context)
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
            { ValueKind: System.Text.Json.JsonValueKind.String or System.Text.Json.JsonValueKind.Number } given
                when System.Linq.Enumerable.Any(admins, a => a.Id == given.ToString()) => given.ToString(),
            _ => throw AdminNotFound(),
        };
        var note = await Store(context).AddNoteAsync(RouteValues.Text(context, "contact_id"), text, adminId);
        return Json.Ok(w => Writer.Note(w, note, Author(admins, note), Face.VersionOf(context).Model));
    }

    public static async Task<IResult> GetAsync(HttpContext context)
    {
        var note = await Store(context).GetNoteAsync(RouteValues.NumericId(context, "note_id", AppStore.NoteNotFound));
        var admins = await Store(context).ListAdminsAsync();
        return Json.Ok(w => Writer.Note(w, note, Author(admins, note), Face.VersionOf(context).Model));
    }

    /// <summary>
    /// An admin_id naming no admin of the app. The description's "Admin not found" example of this operation answers
    /// not_found "Resource Not Found", not the admin_not_found of /admins/{id}.
    /// </summary>
    private static ApiError AdminNotFound() => new(404, "not_found", "Resource Not Found") { Code = "not_found" };

    /// <summary>Who wrote the note: its admin, else (a v1 note, or one written without admin_id) the app's first admin.</summary>
    private static Model.AdminRecord Author(System.Collections.Generic.IReadOnlyList<Model.AdminRecord> admins, Model.NoteRecord note) =>
        System.Linq.Enumerable.FirstOrDefault(admins, a => a.Id == note.AdminId) ?? admins[0];

    private static IAppStore Store(HttpContext context) => Caller.From(context).Store;
}
