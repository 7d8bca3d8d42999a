using System.Threading.Tasks;
using IntercomPS.Emulator.Auth;
using Microsoft.AspNetCore.Http;

namespace IntercomPS.Emulator.Endpoints;

/// <summary>POST /v1/users/impressions: a visit; answers how many admin messages the user has not read.</summary>
internal static class ImpressionsEndpoints
{
    public static async Task<IResult> CreateAsync(HttpContext context)
    {
        var body = (await RequestBody.ReadAsync(context, UnknownFields.Impression))!.Value;
        var key = Input.UserKey(body);
        var ip = Input.String(body, "user_ip");
        var agent = Input.String(body, "user_agent");
        _ = Input.String(body, "current_url"); // accepted (and type-checked); auto messages are not emulated
        // "location" is what old clients sent instead of current_url; it is accepted in any shape and ignored.
        var unread = await Caller.From(context).Store.RecordImpressionAsync(key, ip, agent);
        return Json.Object(200, ("unread_messages", unread));
    }
}
