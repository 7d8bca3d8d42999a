using System.Threading.Tasks;
using IntercomPS.Emulator.Auth;
using Microsoft.AspNetCore.Http;

namespace IntercomPS.Emulator.Endpoints;

/// <summary>POST /v1/users/notes: a note on a user, answered with its HTML and the user.</summary>
internal static class NotesEndpoints
{
    public static async Task<IResult> CreateAsync(HttpContext context)
    {
        var body = (await RequestBody.ReadAsync(context, UnknownFields.Note))!.Value;
        var key = Input.UserKey(body);
        var note = await Caller.From(context).Store.AddNoteAsync(key, Input.RequiredText(body, "body"));
        return Json.Result(201, w => Json.Note(w, note));
    }
}
