using System.Globalization;
using System.Threading.Tasks;
using IntercomPS.Emulator.Storage;
using Microsoft.AspNetCore.Http;

namespace IntercomPS.Emulator.Endpoints.V2;

/// <summary>
/// GET /conversations/{id}/handling_events and /conversations/{id}/side_conversations (2.16 on). Handling events are
/// teammates pausing and resuming their handling of a conversation, and side conversations are internal threads started
/// from the inbox: the API can make neither, and nothing the emulator records is one (an assignment, a reply or a
/// snooze is not a pause), so an existing conversation answers an empty list of each, shaped as described; an unknown
/// one the conversation's 404.
/// </summary>
internal static class ConversationHandlingEndpoints
{
    private const int DefaultPerPage = 25;

    /// <summary>The description's maximum per_page.</summary>
    private const int MaxPerPage = 50;

    public static async Task<IResult> HandlingEventsAsync(HttpContext context)
    {
        await ConversationsEndpoints.Store(context).GetConversationAsync(Id(context));
        return Json.Ok(w =>
        {
            w.WriteStartObject();
            w.WriteStartArray("handling_events");
            w.WriteEndArray();
            w.WriteEndObject();
        });
    }

    public static async Task<IResult> SideConversationsAsync(HttpContext context)
    {
        var query = context.Request.Query;
        var perPage = Input.Query(query, "per_page") is { } text
            ? int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var n) && n is >= 1 and <= MaxPerPage
                ? n : throw ConversationsEndpoints.Invalid("per_page", $"per_page must be an integer from 1 to {MaxPerPage}, not '{text}'")
            : DefaultPerPage;
        var page = Input.Query(query, "page") is { } asked
            ? int.TryParse(asked, NumberStyles.None, CultureInfo.InvariantCulture, out var p) && p >= 1
                ? p : throw ConversationsEndpoints.Invalid("page", $"page must be a whole number from 1, not '{asked}'")
            : 1;
        await ConversationsEndpoints.Store(context).GetConversationAsync(Id(context));
        return Json.Ok(w =>
        {
            w.WriteStartObject();
            w.WriteString("type", "side_conversation.list");
            w.WriteStartArray("side_conversations");
            w.WriteEndArray();
            w.WriteNumber("total_count", 0);
            w.WriteStartObject("pages");
            w.WriteString("type", "pages");
            w.WriteNumber("page", page);
            w.WriteNumber("per_page", perPage);
            w.WriteNumber("total_pages", 0);
            w.WriteEndObject();
            w.WriteEndObject();
        });
    }

    private static long Id(HttpContext context) => RouteValues.NumericId(context, "id", AppStore.ConversationNotFound);
}
