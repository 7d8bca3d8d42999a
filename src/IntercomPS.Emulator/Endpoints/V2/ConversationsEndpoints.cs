using System.Text.Json;
using System.Threading.Tasks;
using IntercomPS.Emulator.Auth;
using IntercomPS.Emulator.Model;
using IntercomPS.Emulator.Storage;
using Microsoft.AspNetCore.Http;

namespace IntercomPS.Emulator.Endpoints.V2;

/// <summary>
/// /conversations over v1's message threads: list, create from a contact, retrieve with its parts, reply as the
/// contact or the admin, mark read, close/open/snooze, search. Notes inside conversations, assignment, tags on
/// conversations and attachments are not emulated (a 400 says so).
/// </summary>
internal static class ConversationsEndpoints
{
    private const int DefaultPerPage = 20;

    public static async Task<IResult> ListAsync(HttpContext context)
    {
        var query = context.Request.Query;
        var page = await Store(context).ListConversationsAsync(PerPage(Input.Query(query, "per_page"), DefaultPerPage), Input.Query(query, "starting_after"));
        return Json.Ok(w => Writer.ConversationList(w, page, View(context)));
    }

    public static async Task<IResult> SearchAsync(HttpContext context)
    {
        var body = (await RequestBody.ReadAsync(context))!.Value;
        var query = ContactSearch.Conversations(body);
        var (perPage, startingAfter) = Pagination(body);
        var page = await Store(context).SearchConversationsAsync(query, perPage, startingAfter);
        return Json.Ok(w => Writer.ConversationList(w, page, View(context)));
    }

    public static async Task<IResult> GetAsync(HttpContext context)
    {
        var conversation = await Store(context).GetConversationAsync(Id(context));
        return Json.Ok(w => Writer.Conversation(w, conversation, View(context)));
    }

    /// <summary>from: {type: user|lead|contact, id}: the contact starts the conversation; the answer is its first message.</summary>
    public static async Task<IResult> CreateAsync(HttpContext context)
    {
        var body = (await RequestBody.ReadAsync(context))!.Value;
        if (Input.Field(body, "from") is not { ValueKind: JsonValueKind.Object } from)
        {
            throw Invalid("from", "from is required: {\"type\": \"user\", \"id\": contact id}");
        }

        if (Input.String(from, "type") is not ("user" or "lead" or "contact"))
        {
            throw Invalid("from.type", "from.type must be user, lead or contact");
        }

        var contactId = Input.String(from, "id") ?? throw Invalid("from.id", "from.id is required (the contact's id)");
        var text = Text(body, "body");
        var (conversation, message) = await Store(context).CreateConversationAsync(contactId, text);
        return Json.Ok(w =>
        {
            w.WriteStartObject();
            w.WriteString("type", "user_message");
            w.WriteString("id", Face.ToString(message.Id));
            w.WriteNumber("created_at", message.CreatedAt);
            w.WriteString("body", message.Html);
            w.WriteString("message_type", "inapp");
            w.WriteString("conversation_id", Face.ToString(conversation.Id));
            w.WriteEndObject();
        });
    }

    /// <summary>read: the one field of PUT /conversations/{id} the emulator stores; title and custom attributes are refused.</summary>
    public static async Task<IResult> UpdateAsync(HttpContext context)
    {
        var body = (await RequestBody.ReadAsync(context))!.Value;
        var id = Id(context);
        _ = await Store(context).GetConversationAsync(id); // a conversation that does not exist is a 404 whatever the body asks
        foreach (var unsupported in new[] { "title", "custom_attributes", "company_id" })
        {
            if (Input.Field(body, unsupported) is not null)
            {
                throw Invalid(unsupported, $"{unsupported} on conversations is not emulated");
            }
        }

        var read = Input.Bool(body, "read") ?? throw Invalid("read", "read is required (true or false)");
        var conversation = await Store(context).MarkReadAsync(id, read);
        return Json.Ok(w => Writer.Conversation(w, conversation, View(context)));
    }

    /// <summary>
    /// type user (with intercom_user_id, email or user_id) or admin (admin_id); message_type comment. A user may reply
    /// to conversation "last": their newest conversation.
    /// </summary>
    public static async Task<IResult> ReplyAsync(HttpContext context)
    {
        var body = (await RequestBody.ReadAsync(context))!.Value;
        var messageType = Input.String(body, "message_type");
        if (messageType != "comment")
        {
            throw Invalid("message_type", messageType is "note" or "quick_reply"
                ? $"message_type {messageType} is not emulated; use comment"
                : "message_type is required: comment");
        }

        var text = Text(body, "body");
        var store = Store(context);
        var last = RouteValues.Text(context, "conversation_id") == "last";
        var conversation = Input.String(body, "type") switch
        {
            "admin" when last => throw Invalid("conversation_id", "\"last\" is a user's newest conversation: reply to it with type user"),
            "admin" => await store.ReplyAsync(Id(context), text, null, fromAdmin: CheckAdmin(context, body)),
            "user" => await ReplyAsUser(store, body, text, last ? null : Id(context)),
            _ => throw Invalid("type", "type must be user or admin"),
        };
        return Json.Ok(w => Writer.Conversation(w, conversation, View(context)));
    }

    /// <summary>message_type close, open or snoozed (with snoozed_until), by the app's admin.</summary>
    public static async Task<IResult> ManageAsync(HttpContext context)
    {
        var body = (await RequestBody.ReadAsync(context))!.Value;
        CheckAdmin(context, body);
        var messageType = Input.String(body, "message_type");
        var (state, until) = messageType switch
        {
            "close" => ("closed", (long?)null),
            "open" => ("open", null),
            "snoozed" => ("snoozed", Input.Timestamp(body, "snoozed_until") ?? throw Invalid("snoozed_until", "snoozed_until is required to snooze (a UNIX time)")),
            "assignment" => throw Invalid("message_type", "assignment is not emulated: each app has one admin"),
            _ => throw Invalid("message_type", "message_type must be close, open or snoozed"),
        };
        var text = Input.String(body, "body") is { Length: > 0 } given && given.Trim().Length > 0 ? given : null;
        var conversation = await Store(context).ManageAsync(Id(context), state, until, messageType == "close" ? text : null);
        return Json.Ok(w => Writer.Conversation(w, conversation, View(context)));
    }

    /// <summary>A user's reply to a conversation, or (id null: the path said "last") to the user's newest one.</summary>
    private static async Task<ConversationRecord> ReplyAsUser(IAppStore store, JsonElement body, string text, long? id)
    {
        var contact = await ReplyingContact(store, body);
        return await store.ReplyAsync(id ?? await store.LastConversationIdAsync(contact), text, contact, fromAdmin: false);
    }

    private static async Task<string> ReplyingContact(IAppStore store, JsonElement body)
    {
        if (Input.String(body, "intercom_user_id") is { } intercomId)
        {
            return intercomId;
        }

        if (Input.String(body, "user_id") is { } userId)
        {
            return (await store.FindContactByExternalIdAsync(userId)).User.IntercomId;
        }

        if (Input.String(body, "email") is { } email)
        {
            var found = await store.SearchContactsAsync(ContactSearch.Contacts(JsonDocument.Parse(
                JsonSerializer.Serialize(new { query = new { field = "email", @operator = "=", value = email } })).RootElement), 1, null);
            return found.Contacts.Count > 0 ? found.Contacts[0].User.IntercomId : throw AppStore.ContactNotFound();
        }

        throw Invalid("intercom_user_id", "a user reply needs intercom_user_id, user_id or email");
    }

    /// <summary>admin_id is required and must be the app's admin; returns true (an admin acts).</summary>
    private static bool CheckAdmin(HttpContext context, JsonElement body)
    {
        var adminId = Input.Field(body, "admin_id") ?? throw Invalid("admin_id", "admin_id is required (the admin's id, GET /me)");
        if (adminId.ValueKind is not (JsonValueKind.String or JsonValueKind.Number) || adminId.ToString() != Author(context).Id)
        {
            throw AdminsEndpoints.NotFound();
        }

        return true;
    }

    private static string Text(JsonElement body, string name) =>
        Input.String(body, name) is { } text && text.Trim().Length > 0 ? text : throw new ApiError(400, "bad_request", $"{name} is required") { Code = "parameter_not_found", Field = name };

    private static (int PerPage, string? StartingAfter) Pagination(JsonElement body)
    {
        if (Input.Field(body, "pagination") is not { } pagination)
        {
            return (DefaultPerPage, null);
        }

        if (pagination.ValueKind != JsonValueKind.Object)
        {
            throw Invalid("pagination", "pagination must be an object {per_page, starting_after}");
        }

        var perPage = Input.Field(pagination, "per_page") is { } value ? PerPage(value.GetRawText(), DefaultPerPage) : DefaultPerPage;
        return (perPage, Input.String(pagination, "starting_after"));
    }

    private static int PerPage(string? text, int fallback) => text is null ? fallback
        : int.TryParse(text, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var n) && n is >= 1 and <= Face.MaxPerPage
            ? n
            : throw Invalid("per_page", $"per_page must be an integer from 1 to {Face.MaxPerPage}, not '{text}'");

    private static long Id(HttpContext context) => RouteValues.NumericId(context, "conversation_id", AppStore.ConversationNotFound);

    private static AdminRecord Author(HttpContext context) => Store(context).Admin;

    /// <summary>How this request's conversations are written: its app's admin, its version, display_as=plaintext or HTML.</summary>
    private static ConversationView View(HttpContext context) =>
        new(Author(context), Face.VersionOf(context).Model, Input.Query(context.Request.Query, "display_as") == "plaintext");

    private static IAppStore Store(HttpContext context) => Caller.From(context).Store;

    private static ApiError Invalid(string field, string message) => ContactSearch.Invalid(field, message);
}
