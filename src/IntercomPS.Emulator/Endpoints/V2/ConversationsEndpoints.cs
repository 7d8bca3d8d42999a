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
/// /conversations over v1's message threads: list, create from a contact, retrieve with its parts, reply as the
/// contact or an admin (a comment, or a note only admins see), mark read, close/open/snooze and assign to an admin or
/// a team (each a part by the admin who did it), tag and untag, add and remove contacts, search; delete one, and redact a
/// part or the contact's source message. Quick replies, conversation companies and attachments are not emulated (a 400 says so).
/// </summary>
internal static class ConversationsEndpoints
{
    private const int DefaultPerPage = 20;

    public static async Task<IResult> ListAsync(HttpContext context)
    {
        var query = context.Request.Query;
        var page = await Store(context).ListConversationsAsync(PerPage(Input.Query(query, "per_page"), DefaultPerPage), Input.Query(query, "starting_after"));
        var view = await ViewAsync(context);
        return Json.Ok(w => Writer.ConversationList(w, page, view));
    }

    public static async Task<IResult> SearchAsync(HttpContext context)
    {
        var body = (await RequestBody.ReadAsync(context, ContactSearch.BodyFields))!.Value;
        var query = ContactSearch.Conversations(body);
        var (perPage, startingAfter) = Pagination(body);
        var page = await Store(context).SearchConversationsAsync(query, perPage, startingAfter);
        var view = await ViewAsync(context);
        return Json.Ok(w => Writer.ConversationList(w, page, view));
    }

    public static async Task<IResult> GetAsync(HttpContext context)
    {
        var conversation = await Store(context).GetConversationAsync(Id(context));
        return await AnswerAsync(context, conversation);
    }

    private static readonly FieldSet CreateFields = UnknownFields.Set("from.type", "from.id", "body", "subject", "attachment_urls", "created_at");

    /// <summary>2.16's, with brand_id (ApiModel.ConversationBrands).</summary>
    private static readonly FieldSet CreateFieldsWithBrand = UnknownFields.Set("from.type", "from.id", "body", "subject", "attachment_urls", "created_at", "brand_id");

    /// <summary>from: {type: user|lead|contact, id}: the contact starts the conversation; the answer is its first message.</summary>
    public static async Task<IResult> CreateAsync(HttpContext context)
    {
        var branded = Face.VersionOf(context).Model.ConversationBrands;
        var body = (await RequestBody.ReadAsync(context, branded ? CreateFieldsWithBrand : CreateFields))!.Value;
        if (branded && Input.Field(body, "brand_id") is { } brand)
        {
            // Checked and not kept: 2.16's conversation shows no brand.
            BrandsEndpoints.Check(context, brand.ValueKind == JsonValueKind.String ? brand.GetString()! : throw Invalid("brand_id", $"brand_id must be a string, not {Input.Kind(brand)}"));
        }

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
            w.WriteString("body", text); // as sent, as the description's example answers "Hello there" (the conversation keeps the HTML)
            w.WriteString("message_type", "inapp");
            w.WriteString("conversation_id", Face.ToString(conversation.Id));
            w.WriteEndObject();
        });
    }

    private static readonly FieldSet UpdateFields = UnknownFields.Set("read", "title", "custom_attributes", "company_id");

    /// <summary>2.11's update_conversation_request (ApiModel.ConversationTitles false): no title, no company_id.</summary>
    private static readonly FieldSet UpdateFields211 = UnknownFields.Set("read", "custom_attributes");

    private static readonly (string Field, string What)[] NotNullable =
        [("read", "true or false"), ("title", "a string (an empty one removes the title)"), ("custom_attributes", "an object")];

    /// <summary>
    /// read, title (an empty one removes it) and custom_attributes (strings, numbers, booleans and nulls, merged key by
    /// key; conversation attributes are defined in Intercom's UI, which the API cannot do, so any name is taken); at
    /// least one of them. company_id is refused: conversations are linked to no company here. Before 2.14 title and
    /// company_id are unknown fields, named in the warning and ignored as any other.
    /// </summary>
    public static async Task<IResult> UpdateAsync(HttpContext context)
    {
        var titles = Face.VersionOf(context).Model.ConversationTitles;
        var body = (await RequestBody.ReadAsync(context, titles ? UpdateFields : UpdateFields211))!.Value;
        var id = Id(context);
        _ = await Store(context).GetConversationAsync(id); // a conversation that does not exist is a 404 whatever the body asks
        if (titles && Input.Field(body, "company_id") is not null)
        {
            throw Invalid("company_id", "company_id on conversations is not emulated");
        }

        // None of the three is nullable in the description (company_id is: its null removes the company): a null is
        // refused by name, not read as absent, which lost a title meant to be removed and blamed read for it.
        foreach (var (field, what) in NotNullable)
        {
            if ((titles || field != "title") && body.TryGetProperty(field, out var given) && given.ValueKind == JsonValueKind.Null)
            {
                throw Invalid(field, $"{field} must be {what}, not null");
            }
        }

        var change = new ConversationChange(Input.Bool(body, "read"), titles ? Input.String(body, "title") : null, ContactsEndpoints.CustomAttributes(body));
        if (change is { Read: null, Title: null, CustomAttributes: null })
        {
            throw Invalid("read", titles ? "give read (true or false), title or custom_attributes" : "give read (true or false) or custom_attributes");
        }

        var conversation = await Store(context).UpdateConversationAsync(id, change);
        return await AnswerAsync(context, conversation);
    }

    /// <summary>2.11's reply_conversation_request.</summary>
    private static readonly string[] ReplyFields211 =
        ["message_type", "type", "body", "admin_id", "intercom_user_id", "user_id", "email", "created_at", "attachment_urls",
         "attachment_files.content_type", "attachment_files.data", "attachment_files.name"];

    /// <summary>2.14 (ApiModel.ConversationReplyOptions): 2.11's and reply_options.</summary>
    private static readonly FieldSet ReplyFields = UnknownFields.Set([.. ReplyFields211, "reply_options.text", "reply_options.uuid"]);

    private static readonly FieldSet ReplyFieldsBefore214 = UnknownFields.Set(ReplyFields211);

    /// <summary>2.15 on (ApiModel.ReplySkipNotifications): reply_conversation_request adds skip_notifications.</summary>
    private static readonly FieldSet ReplyFields215 = UnknownFields.Set([.. ReplyFields211, "reply_options.text", "reply_options.uuid", "skip_notifications"]);

    /// <summary>
    /// type user (with intercom_user_id, email or user_id) or admin (admin_id, any admin of the app); message_type
    /// comment, or note for an admin (seen by admins only). A user may reply to conversation "last": their newest.
    /// </summary>
    public static async Task<IResult> ReplyAsync(HttpContext context)
    {
        var model = Face.VersionOf(context).Model;
        var skip = model.ReplySkipNotifications;
        var body = (await RequestBody.ReadAsync(context, skip ? ReplyFields215 : model.ConversationReplyOptions ? ReplyFields : ReplyFieldsBefore214))!.Value;
        if (skip)
        {
            _ = Input.Bool(body, "skip_notifications"); // no notifications are sent here: checked, changes nothing
        }

        var messageType = Input.String(body, "message_type");
        if (messageType is not ("comment" or "note"))
        {
            throw Invalid("message_type", messageType is "quick_reply"
                ? "message_type quick_reply is not emulated; use comment or note"
                : "message_type is required: comment (or note, for an admin)");
        }

        var text = Text(body, "body");
        var store = Store(context);
        var last = RouteValues.Text(context, "conversation_id") == "last";
        var type = Input.String(body, "type");
        if (messageType == "note" && type != "admin")
        {
            throw Invalid("type", "a note is written by an admin: type admin, with admin_id");
        }

        var conversation = type switch
        {
            "admin" when last => throw Invalid("conversation_id", "\"last\" is a user's newest conversation: reply to it with type user"),
            "admin" => await store.ReplyAsync(Id(context), text, null, AdminId(body), note: messageType == "note"),
            "user" => await ReplyAsUser(store, body, text, last ? null : Id(context)),
            _ => throw Invalid("type", "type must be user or admin"),
        };
        return await AnswerAsync(context, conversation);
    }

    private static readonly FieldSet ManageFields = UnknownFields.Set("message_type", "type", "admin_id", "assignee_id", "body", "snoozed_until");

    /// <summary>
    /// message_type close, open, snoozed (with snoozed_until) or assignment (type admin or team, assignee_id; "0"
    /// unassigns), by admin_id, any admin of the app; a close or an assignment may carry a body, kept as the part's.
    /// </summary>
    public static async Task<IResult> ManageAsync(HttpContext context)
    {
        var body = (await RequestBody.ReadAsync(context, ManageFields))!.Value;
        var adminId = AdminId(body);
        var messageType = Input.String(body, "message_type");
        var text = Input.String(body, "body") is { Length: > 0 } given && given.Trim().Length > 0 ? given : null;
        var store = Store(context);
        var id = Id(context);
        var conversation = messageType switch
        {
            "close" => await store.ManageAsync(id, adminId, "closed", null, text),
            "open" => await store.ManageAsync(id, adminId, "open", null, null),
            "snoozed" => await store.ManageAsync(id, adminId, "snoozed",
                Input.Timestamp(body, "snoozed_until") ?? throw Invalid("snoozed_until", "snoozed_until is required to snooze (a UNIX time)"), null),
            "assignment" => await store.AssignAsync(id, adminId, Input.String(body, "type") switch
            {
                "admin" => false,
                "team" => true,
                _ => throw Invalid("type", "an assignment's type is admin or team: what assignee_id names"),
            }, IdText(body, "assignee_id") ?? throw Invalid("assignee_id", "assignee_id is required (an admin's or a team's id; 0 unassigns)"), text),
            _ => throw Invalid("message_type", "message_type must be close, open, snoozed or assignment"),
        };
        return await AnswerAsync(context, conversation);
    }

    private static readonly FieldSet TagFields = UnknownFields.Set("id", "admin_id");

    /// <summary>POST /conversations/{id}/tags {id, admin_id}: the tag, as applied (when, by whom).</summary>
    public static async Task<IResult> TagAsync(HttpContext context)
    {
        var body = (await RequestBody.ReadAsync(context, TagFields))!.Value;
        var tagId = Input.Id(body, "id") ?? throw Invalid("id", "id is required (the tag's id)");
        var applied = await Store(context).TagConversationAsync(Id(context), tagId, AdminId(body));
        return Json.Ok(w => Writer.AppliedTag(w, applied));
    }

    private static readonly FieldSet UntagFields = UnknownFields.Set("admin_id");

    /// <summary>DELETE /conversations/{id}/tags/{tag_id} {admin_id}: the tag that was removed.</summary>
    public static async Task<IResult> UntagAsync(HttpContext context)
    {
        var body = (await RequestBody.ReadAsync(context, UntagFields))!.Value;
        var tagId = RouteValues.NumericIdOrNone(context, "tag_id"); // the store finds the conversation, then the admin, then the tag
        var removed = await Store(context).UntagConversationAsync(Id(context), tagId, AdminId(body));
        return Json.Ok(w => Writer.AppliedTag(w, removed));
    }

    private static readonly FieldSet AttachFields = UnknownFields.Set(
        "admin_id", "customer.intercom_user_id", "customer.user_id", "customer.email",
        "customer.customer.intercom_user_id", "customer.customer.user_id", "customer.customer.email");

    /// <summary>
    /// POST /conversations/{id}/customers {admin_id, customer: {intercom_user_id | user_id | email}}: the contact joins
    /// the conversation's contacts; the answer is the conversation (the description's schema; its example shows only a
    /// customers list). Instead of admin_id, customer.customer may name a contact taking part, on whose behalf the new
    /// one is added ("on behalf of either another contact or an admin"): one of the two, never both.
    /// </summary>
    public static async Task<IResult> AttachContactAsync(HttpContext context)
    {
        var body = (await RequestBody.ReadAsync(context, AttachFields))!.Value;
        if (Input.Field(body, "customer") is not { ValueKind: JsonValueKind.Object } customer)
        {
            throw Input.Field(body, "customer") is null
                ? Required("customer")
                : Invalid("customer", "customer must be an object: {\"intercom_user_id\": ...}, {\"user_id\": ...} or {\"email\": ...}");
        }

        var onBehalfOf = Input.Field(customer, "customer") switch
        {
            null or { ValueKind: JsonValueKind.Null } => null,
            { ValueKind: JsonValueKind.Object } acting => Customer(acting, "customer.customer"),
            _ => throw Invalid("customer.customer", "customer.customer must be an object naming the contact on whose behalf: {\"intercom_user_id\": ...}, {\"user_id\": ...} or {\"email\": ...}"),
        };
        var adminId = IdText(body, "admin_id");
        if ((adminId is null) == (onBehalfOf is null))
        {
            throw Invalid("admin_id", adminId is null
                ? "admin_id is required (an admin's id: GET /admins lists them), or customer.customer: the contact on whose behalf"
                : "give admin_id or customer.customer (who adds the contact), not both");
        }

        var conversation = await Store(context).AttachContactAsync(Id(context), Customer(customer, "customer"), adminId, onBehalfOf);
        return await AnswerAsync(context, conversation);
    }

    private static readonly FieldSet DetachFields = UnknownFields.Set("admin_id", "customer.intercom_user_id", "customer.user_id", "customer.email");

    /// <summary>
    /// DELETE /conversations/{id}/customers/{contact_id} {admin_id}: the contact leaves the conversation's contacts; the
    /// answer is the conversation. The path names the contact; a customer in the body (the description's examples send
    /// one) is taken and not used.
    /// </summary>
    public static async Task<IResult> DetachContactAsync(HttpContext context)
    {
        var body = (await RequestBody.ReadAsync(context, DetachFields))!.Value;
        var conversation = await Store(context).DetachContactAsync(Id(context), RouteValues.Text(context, "contact_id"), AdminId(body));
        return await AnswerAsync(context, conversation);
    }

    /// <summary>A customer object: exactly one of intercom_user_id, user_id or email, a string.</summary>
    private static TicketContactKey Customer(JsonElement customer, string path)
    {
        var key = new TicketContactKey(Input.String(customer, "intercom_user_id"), Input.String(customer, "user_id"), Input.String(customer, "email"));
        return new[] { key.Id, key.ExternalId, key.Email }.Count(v => v is { Length: > 0 }) == 1 ? key
            : throw Invalid(path, $"{path} names a contact by one of intercom_user_id, user_id or email");
    }

    /// <summary>
    /// DELETE /conversations/{id}: the conversation and all it holds are gone; the answer is conversation_deleted. 2.16's
    /// retain_metrics (true or false) is checked and changes nothing: there is no reporting data to keep or delete. Other
    /// versions have no such parameter, and the 2.x face ignores query parameters it does not take, as the service does.
    /// </summary>
    public static async Task<IResult> DeleteAsync(HttpContext context)
    {
        if (Face.VersionOf(context).Model.RetainMetrics && Input.Query(context.Request.Query, "retain_metrics") is { } retain && retain is not ("true" or "false"))
        {
            throw Invalid("retain_metrics", $"retain_metrics must be true or false, not '{retain}'");
        }

        var id = Id(context);
        await Store(context).DeleteConversationAsync(id, Input.Query(context.Request.Query, "retain_metrics") != "false" || !Face.VersionOf(context).Model.RetainMetrics);
        return Json.Ok(w =>
        {
            w.WriteStartObject();
            w.WriteString("id", Face.ToString(id));
            w.WriteString("object", "conversation");
            w.WriteBoolean("deleted", true);
            w.WriteEndObject();
        });
    }

    /// <summary>The most GET /conversations/deleted lists on a page, and how many by default (2.16's description).</summary>
    private const int MaxDeletedPerPage = 60, DefaultDeletedPerPage = 20;

    /// <summary>
    /// GET /conversations/deleted (2.16): the ids of the app's deleted conversations (by DELETE /conversations/{id} or
    /// with their contact), by numbered pages of 20 (page, per_page up to 60), order desc (the most recently deleted
    /// first, as the description's example has it) or asc; next is the URL of the next page while there is one.
    /// </summary>
    public static async Task<IResult> ListDeletedAsync(HttpContext context)
    {
        var query = context.Request.Query;
        var order = Input.Query(query, "order") ?? "desc";
        if (order is not ("asc" or "desc"))
        {
            throw Invalid("order", $"order must be asc or desc, not '{order}'");
        }

        var perPage = Input.Query(query, "per_page") is { } text
            ? int.TryParse(text, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var n) && n is >= 1 and <= MaxDeletedPerPage
                ? n : throw Invalid("per_page", $"per_page must be an integer from 1 to {MaxDeletedPerPage}, not '{text}'")
            : DefaultDeletedPerPage;
        var page = Input.Query(query, "page") is { } asked
            ? int.TryParse(asked, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var p) && p >= 1
                ? p : throw Invalid("page", $"page must be a whole number from 1, not '{asked}'")
            : 1;
        var all = await Store(context).ListDeletedConversationsAsync(order == "asc");
        var skip = (long)(page - 1) * perPage;
        List<DeletedConversation> items = skip >= all.Count ? [] : [.. all.Skip((int)skip).Take(perPage)];
        var totalPages = (all.Count + perPage - 1) / perPage;
        var request = context.Request;
        var next = page < totalPages
            ? $"{request.Scheme}://{request.Host}{request.PathBase}/conversations/deleted?per_page={perPage}&order={order}&page={page + 1}"
            : null;
        return Json.Ok(w =>
        {
            w.WriteStartObject();
            w.WriteString("type", "conversations.list");
            w.WriteNumber("total_count", all.Count);
            w.WriteStartObject("pages");
            w.WriteString("type", "pages");
            if (next is not null)
            {
                w.WriteString("next", next);
            }

            w.WriteNumber("page", page);
            w.WriteNumber("per_page", perPage);
            w.WriteNumber("total_pages", totalPages);
            w.WriteEndObject();
            w.WriteStartArray("conversations");
            foreach (var deleted in items)
            {
                w.WriteStartObject();
                w.WriteString("type", "conversation");
                w.WriteString("id", Face.ToString(deleted.Id));
                w.WriteBoolean("metrics_retained", deleted.MetricsRetained);
                w.WriteNumber("deleted_at", deleted.DeletedAt);
                w.WriteEndObject();
            }

            w.WriteEndArray();
            w.WriteEndObject();
        });
    }

    private static readonly FieldSet MergeFields = UnknownFields.Set("merge_into_conversation_id");

    /// <summary>
    /// POST /conversations/{id}/merge {merge_into_conversation_id} (2.16): the conversation in the path (the secondary)
    /// is closed and linked to the one named (the primary), which is answered. The id is the description's integer; a
    /// string of digits is taken too, as the other ids here.
    /// </summary>
    public static async Task<IResult> MergeAsync(HttpContext context)
    {
        var body = (await RequestBody.ReadAsync(context, MergeFields))!.Value;
        var secondary = RouteValues.NumericId(context, "id", AppStore.ConversationNotFound);
        var into = Input.Field(body, "merge_into_conversation_id") switch
        {
            { ValueKind: JsonValueKind.Number } v when v.TryGetInt64(out var n) && n > 0 => n,
            { ValueKind: JsonValueKind.String } v when AppStore.ParseId(v.GetString()!) is { } n && n > 0 => n,
            _ => throw new ApiError(400, "bad_request", "merge_into_conversation_id must be a valid integer conversation ID")
            {
                Code = "parameter_invalid",
                Field = "merge_into_conversation_id",
            },
        };
        return await AnswerAsync(context, await Store(context).MergeConversationAsync(secondary, into));
    }

    private static readonly FieldSet RedactFields = UnknownFields.Set("type", "conversation_id", "conversation_part_id", "source_id");

    /// <summary>
    /// POST /conversations/redact {type conversation_part, conversation_id, conversation_part_id} or {type source,
    /// conversation_id, source_id}: the conversation, its part or source redacted. Ids as strings (the schema) or numbers
    /// (its example); the errors of a missing field or another type are in the words of Intercom's earlier reference.
    /// </summary>
    public static async Task<IResult> RedactAsync(HttpContext context)
    {
        var body = (await RequestBody.ReadAsync(context, RedactFields))!.Value;
        var source = Input.Field(body, "type") switch
        {
            null => throw Required("type"),
            { ValueKind: JsonValueKind.String } t when t.GetString() == "conversation_part" => false,
            { ValueKind: JsonValueKind.String } t when t.GetString() == "source" => true,
            _ => throw new ApiError(400, "bad_request", "The type attribute provided should be either 'conversation_part' or 'source'")
            {
                Code = "type_mismatch",
                Field = "type",
            },
        };
        var conversationId = IdText(body, "conversation_id") ?? throw Required("conversation_id");
        var messageField = source ? "source_id" : "conversation_part_id";
        var messageId = IdText(body, messageField) ?? throw Required(messageField);
        var conversation = await Store(context).RedactAsync(conversationId, messageId, source);
        return await AnswerAsync(context, conversation);
    }

    private static ApiError Required(string field) =>
        new(400, "bad_request", $"{field} is a required parameter") { Code = "parameter_not_found", Field = field };

    /// <summary>A user's reply to a conversation, or (id null: the path said "last") to the user's newest one.</summary>
    private static async Task<ConversationRecord> ReplyAsUser(IAppStore store, JsonElement body, string text, long? id)
    {
        var contact = await ReplyingContact(store, body);
        return await store.ReplyAsync(id ?? await store.LastConversationIdAsync(contact), text, contact, adminId: null, note: false);
    }

    private static async Task<string> ReplyingContact(IAppStore store, JsonElement body) =>
        await NamedContact(store, body, "intercom_user_id") ?? throw Invalid("intercom_user_id", "a user reply needs intercom_user_id, user_id or email");

    /// <summary>
    /// The id of the contact <paramref name="who"/> names: by its contact id (in <paramref name="idField"/>), else its
    /// external user_id, else its email (no such contact: the 404); null when it names none of them.
    /// </summary>
    internal static async Task<string?> NamedContact(IAppStore store, JsonElement who, string idField)
    {
        if (Input.String(who, idField) is { } intercomId)
        {
            return intercomId;
        }

        if (Input.String(who, "user_id") is { } userId)
        {
            return (await store.FindContactByExternalIdAsync(userId)).User.IntercomId;
        }

        if (Input.String(who, "email") is { } email)
        {
            var found = await store.SearchContactsAsync(ContactSearch.Contacts(JsonDocument.Parse(
                JsonSerializer.Serialize(new { query = new { field = "email", @operator = "=", value = email } })).RootElement), 1, null);
            return found.Contacts.Count > 0 ? found.Contacts[0].User.IntercomId : throw AppStore.ContactNotFound();
        }

        return null;
    }

    /// <summary>
    /// The admin a request acts as: admin_id, a string or a number, required (whether it is an admin of the app is the
    /// store's to say: the 404 admin_not_found).
    /// </summary>
    private static string AdminId(JsonElement body) => IdText(body, "admin_id") ?? throw Invalid("admin_id", "admin_id is required (an admin's id: GET /admins lists them)");

    /// <summary>An id field as text, sent as a string or a number (the description types ids as strings, its examples as numbers).</summary>
    internal static string? IdText(JsonElement body, string name) => Input.Field(body, name) switch
    {
        null => null,
        { ValueKind: JsonValueKind.String } v => v.GetString(),
        { ValueKind: JsonValueKind.Number } v when v.TryGetInt64(out var n) && n >= 0 => n.ToString(System.Globalization.CultureInfo.InvariantCulture),
        { } v => throw Invalid(name, $"{name} must be an id (a string or a whole number), not {Input.Describe(v)}"),
    };

    private static string Text(JsonElement body, string name) =>
        Input.String(body, name) is { } text && text.Trim().Length > 0 ? text : throw new ApiError(400, "bad_request", $"{name} is required") { Code = "parameter_not_found", Field = name };

    internal static (int PerPage, string? StartingAfter) Pagination(JsonElement body)
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

    /// <summary>How this request's conversations are written: its app's admins (the authors of admin parts), its version, display_as=plaintext or HTML.</summary>
    private static async Task<ConversationView> ViewAsync(HttpContext context) =>
        new(await Store(context).ListAdminsAsync(), Face.VersionOf(context).Model, Input.Query(context.Request.Query, "display_as") == "plaintext");

    internal static async Task<IResult> AnswerAsync(HttpContext context, ConversationRecord conversation)
    {
        var view = await ViewAsync(context);
        return Json.Ok(w => Writer.Conversation(w, conversation, view));
    }

    internal static IAppStore Store(HttpContext context) => Caller.From(context).Store;

    internal static ApiError Invalid(string field, string message) => ContactSearch.Invalid(field, message);
}
