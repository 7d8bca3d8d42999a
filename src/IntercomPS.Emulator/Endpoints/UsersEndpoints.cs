using System.Text.Json;
using System.Threading.Tasks;
using IntercomPS.Emulator.Auth;
using IntercomPS.Emulator.Model;
using Microsoft.AspNetCore.Http;

namespace IntercomPS.Emulator.Endpoints;

/// <summary>/v1/users: list, get, create-or-update (POST), update (PUT), delete.</summary>
internal static class UsersEndpoints
{
    public const int MaxPerPage = 500;

    public static async Task<IResult> GetAsync(HttpContext context)
    {
        var query = context.Request.Query;
        UnknownFields.WarnQuery(context, UnknownFields.UserQuery);
        var store = Caller.From(context).Store;
        if (Input.Query(query, "user_id") is not null || Input.Query(query, "email") is not null)
        {
            var user = await store.GetUserAsync(Input.UserKey(query));
            return Json.Ok(w => Json.User(w, user));
        }

        var page = Input.QueryNumber(query, "page") ?? 1;
        var perPage = Input.QueryNumber(query, "per_page") ?? MaxPerPage;
        if (page > int.MaxValue)
        {
            throw ApiError.BadRequest($"page must be at most {int.MaxValue}");
        }

        // per_page above the maximum is clamped, as the spec says ("max value of 500"), not refused.
        var users = await store.ListUsersAsync((int)page, (int)System.Math.Min(perPage, MaxPerPage),
            Input.QueryIntercomId(query, "tag_id"), Input.Query(query, "tag_name"));
        return Json.Ok(w => Json.UserPage(w, users));
    }

    public static async Task<IResult> SaveAsync(HttpContext context, bool create)
    {
        var body = (await RequestBody.ReadAsync(context, UnknownFields.UserWrite))!.Value;
        var (user, created) = await Caller.From(context).Store.SaveUserAsync(ParseUser(body), create);
        return Json.Result(created ? 201 : 200, w => Json.User(w, user));
    }

    public static async Task<IResult> DeleteAsync(HttpContext context)
    {
        // The spec sends the identifiers as a JSON body; clients that cannot send a DELETE body use the query string.
        var body = await RequestBody.ReadAsync(context, UnknownFields.UserDelete, required: false);
        if (body is null)
        {
            UnknownFields.WarnQuery(context, UnknownFields.UserDelete);
        }

        var key = body is { } json ? Input.UserKey(json) : Input.UserKey(context.Request.Query);
        var user = await Caller.From(context).Store.DeleteUserAsync(key);
        return Json.Ok(w => Json.User(w, user));
    }

    /// <summary>
    /// The writable fields. relationship_score and session_count are read-only and ignored (clients send back whole
    /// objects they fetched); companies are checked and dropped (never returned, per the spec).
    /// </summary>
    private static UserInput ParseUser(JsonElement body)
    {
        if (Input.Field(body, "companies") is { } companies
            && (companies.ValueKind != JsonValueKind.Array || !AllObjects(companies)))
        {
            throw ApiError.BadRequest("companies must be an array of objects");
        }

        return new UserInput(
            Input.UserKey(body),
            Input.String(body, "name"),
            Input.Timestamp(body, "created_at"),
            Input.Timestamp(body, "last_impression_at") ?? Input.Timestamp(body, "last_request_at"),
            Input.CustomData(body),
            Input.String(body, "last_seen_ip"),
            Input.String(body, "last_seen_user_agent"),
            Input.Bool(body, "unsubscribed_from_emails"),
            Input.Increments(body));
    }

    private static bool AllObjects(JsonElement array)
    {
        foreach (var item in array.EnumerateArray())
        {
            if (item.ValueKind != JsonValueKind.Object)
            {
                return false;
            }
        }

        return true;
    }
}
