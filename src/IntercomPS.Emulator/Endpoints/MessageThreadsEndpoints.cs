using System.Threading.Tasks;
using IntercomPS.Emulator.Auth;
using Microsoft.AspNetCore.Http;

namespace IntercomPS.Emulator.Endpoints;

/// <summary>
/// /v1/users/message_threads: list or get (GET), start or reply (POST), reply or mark read (PUT). An admin message is
/// shown from the admin who wrote it (on 2.14; the app's first admin for v1's own admin replies).
/// </summary>
internal static class MessageThreadsEndpoints
{
    public static async Task<IResult> GetAsync(HttpContext context)
    {
        var query = context.Request.Query;
        UnknownFields.WarnQuery(context, UnknownFields.ThreadQuery);
        var key = Input.UserKey(query);
        var store = Caller.From(context).Store;
        var admins = await store.ListAdminsAsync();
        if (Input.QueryNumber(query, "thread_id") is { } threadId)
        {
            var thread = await store.GetThreadAsync(key, threadId);
            return Json.Ok(w => Json.Thread(w, thread, admins));
        }

        var threads = await store.ListThreadsAsync(key);
        return Json.Ok(w => Json.Threads(w, threads, admins));
    }

    /// <summary>Without thread_id a new thread from the user (201); with one, a reply (the old Ruby client did this).</summary>
    public static async Task<IResult> PostAsync(HttpContext context)
    {
        var body = (await RequestBody.ReadAsync(context, UnknownFields.ThreadPost))!.Value;
        var key = Input.UserKey(body);
        var text = Input.RequiredText(body, "body");
        var url = Input.String(body, "url");
        var store = Caller.From(context).Store;
        var admins = await store.ListAdminsAsync();
        if (Input.Id(body, "thread_id") is { } threadId)
        {
            var reply = await store.UpdateThreadAsync(key, threadId, text, url, read: null, fromAdmin: false);
            return Json.Ok(w => Json.Thread(w, reply, admins));
        }

        var thread = await store.CreateThreadAsync(key, text, url);
        return Json.Result(201, w => Json.Thread(w, thread, admins));
    }

    public static async Task<IResult> PutAsync(HttpContext context)
    {
        var body = (await RequestBody.ReadAsync(context, UnknownFields.ThreadPut))!.Value;
        var key = Input.UserKey(body);
        var threadId = Input.Id(body, "thread_id") ?? throw ApiError.BadRequest("thread_id is required");
        var text = Input.String(body, "body");
        var read = Input.Bool(body, "read");
        if (string.IsNullOrWhiteSpace(text))
        {
            text = null;
            if (read is null)
            {
                throw ApiError.BadRequest("body (a reply) or read (true or false) is required");
            }
        }

        var store = Caller.From(context).Store;
        var admins = await store.ListAdminsAsync();
        var thread = await store.UpdateThreadAsync(key, threadId, text, Input.String(body, "url"), read, fromAdmin: false);
        return Json.Ok(w => Json.Thread(w, thread, admins));
    }
}
