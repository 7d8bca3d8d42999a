using System.Threading.Tasks;
using IntercomPS.Emulator.Auth;
using IntercomPS.Emulator.Storage;
using Microsoft.AspNetCore.Http;

namespace IntercomPS.Emulator.Endpoints.V2;

/// <summary>/contacts/{id}/notes and /notes/{id}. Every note's author is the app's admin (the one it has).</summary>
internal static class NotesEndpoints
{
    public static async Task<IResult> ListAsync(HttpContext context)
    {
        var notes = await Store(context).ListNotesAsync(RouteValues.Text(context, "contact_id"));
        var author = Store(context).Admin;
        return Json.Ok(w =>
        {
            w.WriteStartObject();
            w.WriteString("type", "list");
            w.WriteStartArray("data");
            foreach (var note in notes)
            {
                Writer.Note(w, note, author);
            }

            w.WriteEndArray();
            w.WriteNumber("total_count", notes.Count);
            Writer.Pages(w, 1, System.Math.Max(notes.Count, 1), notes.Count, next: null);
            w.WriteEndObject();
        });
    }

    /// <summary>admin_id, when given, must be the app's admin; without it the token's admin writes the note.</summary>
    public static async Task<IResult> CreateAsync(HttpContext context)
    {
        var body = (await RequestBody.ReadAsync(context))!.Value;
        var text = Input.String(body, "body");
        if (text is null || text.Trim().Length == 0)
        {
            throw new ApiError(400, "bad_request", "body is required (the note's text)") { Code = "parameter_not_found", Field = "body" };
        }

        var author = Store(context).Admin;
        if (Input.Field(body, "admin_id") is { } adminId && (adminId.ValueKind is not (System.Text.Json.JsonValueKind.String or System.Text.Json.JsonValueKind.Number)
            || adminId.ToString() != author.Id))
        {
            throw AdminsEndpoints.NotFound();
        }

        var note = await Store(context).AddNoteAsync(RouteValues.Text(context, "contact_id"), text);
        return Json.Ok(w => Writer.Note(w, note, author));
    }

    public static async Task<IResult> GetAsync(HttpContext context)
    {
        var note = await Store(context).GetNoteAsync(RouteValues.NumericId(context, "note_id", AppStore.NoteNotFound));
        return Json.Ok(w => Writer.Note(w, note, Store(context).Admin));
    }

    private static IAppStore Store(HttpContext context) => Caller.From(context).Store;
}
