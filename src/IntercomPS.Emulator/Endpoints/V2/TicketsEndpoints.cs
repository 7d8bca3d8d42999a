using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Text.Json;
using System.Threading.Tasks;
using IntercomPS.Emulator.Auth;
using IntercomPS.Emulator.Model;
using Microsoft.AspNetCore.Http;

namespace IntercomPS.Emulator.Endpoints.V2;

/// <summary>
/// Tickets: made (POST /tickets, or enqueued: made at once, its job read at /jobs/status/{id}), read, changed and
/// deleted (/tickets/{id}), searched, replied to and tagged.
/// </summary>
internal static class TicketsEndpoints
{
    /// <summary>2.11's create_ticket_request; ticket_attributes is free-form.</summary>
    private static readonly string[] CreateFields211 =
        ["ticket_type_id", "contacts.id", "contacts.external_id", "contacts.email", "company_id", "created_at", "ticket_attributes"];

    /// <summary>POST /tickets' request schema from 2.14 on (ApiModel.TicketWriteOptions): 2.11's, a link, an assignment and skip_notifications.</summary>
    private static readonly FieldSet CreateFields = UnknownFields.Set(
        [.. CreateFields211, "conversation_to_link_id", "assignment.admin_assignee_id", "assignment.team_assignee_id", "skip_notifications"]);

    private static readonly FieldSet CreateFieldsBefore214 = UnknownFields.Set(CreateFields211);

    /// <summary>PUT /tickets/{id}'s request schema (update_ticket_request, and skip_notifications).</summary>
    private static readonly FieldSet UpdateFields = UnknownFields.Set(
        "ticket_attributes", "ticket_state_id", "company_id", "open", "is_shared", "snoozed_until", "admin_id", "assignee_id", "skip_notifications");

    /// <summary>2.11's update_ticket_request (before 2.14): the state by its category, the admin and assignee in assignment.</summary>
    private static readonly FieldSet UpdateFields211 = UnknownFields.Set(
        "ticket_attributes", "state", "open", "is_shared", "snoozed_until", "assignment.admin_id", "assignment.assignee_id");

    /// <summary>The states 2.11's update_ticket_request may set (its enum: a ticket cannot be put back to submitted).</summary>
    private static readonly string[] States211 = ["in_progress", "waiting_on_customer", "resolved"];

    /// <summary>2.11's POST /tickets/{id}/reply request schema: a contact's reply or an admin's.</summary>
    private static readonly string[] ReplyFields211 =
        ["message_type", "type", "body", "created_at", "attachment_urls", "reply_options.text", "reply_options.uuid", "intercom_user_id", "user_id", "email", "admin_id", "cross_post"];

    /// <summary>2.14 on (ApiModel.TicketWriteOptions): 2.11's and skip_notifications.</summary>
    private static readonly FieldSet ReplyFields = UnknownFields.Set([.. ReplyFields211, "skip_notifications"]);

    private static readonly FieldSet ReplyFieldsBefore214 = UnknownFields.Set(ReplyFields211);

    /// <summary>2.16 (ApiModel.TicketReplyFiles): 2.14's and attachment_files.</summary>
    private static readonly FieldSet ReplyFields216 = UnknownFields.Set(
        [.. ReplyFields211, "skip_notifications", "attachment_files.content_type", "attachment_files.data", "attachment_files.name"]);

    /// <summary>POST /conversations/{id}/convert's request schema (convert_conversation_to_ticket_request); attributes is free-form.</summary>
    private static readonly FieldSet ConvertFields = UnknownFields.Set("ticket_type_id", "attributes");

    /// <summary>2.16's convert_conversation_to_ticket_request: the state to start in as well.</summary>
    private static readonly FieldSet ConvertFields216 = UnknownFields.Set("ticket_type_id", "ticket_state_id", "attributes");

    private static readonly FieldSet TagFields = UnknownFields.Set("id", "admin_id");

    /// <summary>2.16's change_ticket_type_request; ticket_attributes is free-form.</summary>
    private static readonly FieldSet ChangeTypeFields = UnknownFields.Set("ticket_type_id", "ticket_state_id", "ticket_attributes");

    private static readonly FieldSet LinkFields = UnknownFields.Set("conversation_id");

    private static readonly FieldSet UntagFields = UnknownFields.Set("admin_id");

    /// <summary>POST /tickets/search: the conversation search's language over ContactSearch's ticket fields, paged by the same sealed cursor.</summary>
    public static async Task<IResult> SearchAsync(HttpContext context)
    {
        var body = (await RequestBody.ReadAsync(context, ContactSearch.BodyFields))!.Value;
        var query = ContactSearch.Tickets(body);
        var (perPage, startingAfter) = ConversationsEndpoints.Pagination(body);
        var page = await Caller.From(context).Store.SearchTicketsAsync(query, perPage, startingAfter);
        var (appId, model) = (Caller.From(context).AppId, Face.VersionOf(context).Model);
        return Json.Ok(w =>
        {
            w.WriteStartObject();
            w.WriteString("type", "ticket.list");
            w.WriteStartArray("tickets");
            foreach (var ticket in page.Tickets)
            {
                Ticket(w, ticket, appId, model);
            }

            w.WriteEndArray();
            w.WriteNumber("total_count", page.TotalCount);
            Writer.Pages(w, page.Page, page.PerPage, page.TotalCount, page.Next);
            w.WriteEndObject();
        });
    }

    public static async Task<IResult> GetAsync(HttpContext context)
    {
        var ticket = await Caller.From(context).Store.GetTicketAsync(Id(context));
        return Json.Ok(w => Ticket(w, ticket, Caller.From(context).AppId, Face.VersionOf(context).Model));
    }

    /// <summary>
    /// {ticket_type_id, contacts (one: {id} | {external_id} | {email}), ticket_attributes, created_at, company_id,
    /// assignment {admin_assignee_id, team_assignee_id}, conversation_to_link_id (a conversation linked to a back-office or tracker ticket)}.
    /// </summary>
    public static async Task<IResult> CreateAsync(HttpContext context)
    {
        var ticket = await Caller.From(context).Store.CreateTicketAsync(await InputAsync(context));
        return Json.Ok(w => Ticket(w, ticket, Caller.From(context).AppId, Face.VersionOf(context).Model));
    }

    /// <summary>
    /// POST /tickets/enqueue: what POST /tickets takes, checked alike (a ticket that would be refused is, and no job is
    /// made); the ticket is made at once, and the job is answered pending, as the description's example is, until GET
    /// /jobs/status/{id} reads it (success, naming the ticket).
    /// </summary>
    public static async Task<IResult> EnqueueAsync(HttpContext context)
    {
        var job = await Caller.From(context).Store.EnqueueTicketAsync(await InputAsync(context));
        return Json.Ok(w => Job(w, context, job, null));
    }

    /// <summary>
    /// POST /conversations/{id}/convert {ticket_type_id, attributes (checked as POST /tickets checks ticket_attributes),
    /// and 2.16's ticket_state_id}: the ticket the conversation became, as GET /tickets/{id} writes it.
    /// </summary>
    public static async Task<IResult> ConvertAsync(HttpContext context)
    {
        var id = RouteValues.NumericId(context, "conversation_id", Storage.AppStore.ConversationNotFound);
        var model = Face.VersionOf(context).Model;
        var body = (await RequestBody.ReadAsync(context, model.ConvertTicketState ? ConvertFields216 : ConvertFields))!.Value;
        var typeId = ConversationsEndpoints.IdText(body, "ticket_type_id") ?? throw TicketTypes.Missing("ticket_type_id", "ticket_type_id is a required parameter");
        var attributes = Input.Field(body, "attributes") switch
        {
            null => new Dictionary<string, JsonElement>(),
            { ValueKind: JsonValueKind.Object } o => o.EnumerateObject().ToDictionary(p => p.Name, p => p.Value.Clone()),
            { } v => throw TicketTypes.Invalid("attributes", $"attributes must be an object of attribute names and values, not {Input.Kind(v)}"),
        };
        var state = model.ConvertTicketState ? ConversationsEndpoints.IdText(body, "ticket_state_id") : null;
        var ticket = await Caller.From(context).Store.ConvertConversationAsync(id, new TicketConversion(typeId, attributes, state));
        return Json.Ok(w => Ticket(w, ticket, Caller.From(context).AppId, model));
    }

    /// <summary>GET /jobs/status/{id}: an enqueued ticket's job, done (the ticket was made when it was enqueued).</summary>
    public static async Task<IResult> JobAsync(HttpContext context)
    {
        var id = RouteValues.Text(context, "job_id");
        var ticket = await Caller.From(context).Store.TicketOfJobAsync(id);
        return Json.Ok(w => Job(w, context, long.Parse(id, CultureInfo.InvariantCulture), ticket));
    }

    /// <summary>A job: pending with no resource yet, or success with the ticket it made; its urls on the host the request came to.</summary>
    private static void Job(Utf8JsonWriter w, HttpContext context, long id, long? ticket)
    {
        var root = $"{context.Request.Scheme}://{context.Request.Host}";
        w.WriteStartObject();
        w.WriteString("type", "job");
        w.WriteString("id", id.ToString(CultureInfo.InvariantCulture));
        w.WriteString("url", $"{root}/jobs/status/{id}");
        w.WriteString("status", ticket is null ? "pending" : "success");
        w.WriteString("resource_type", "ticket");
        if (ticket is { } made)
        {
            w.WriteString("resource_id", made.ToString(CultureInfo.InvariantCulture));
            w.WriteString("resource_url", $"{root}/tickets/{made}");
        }
        else
        {
            w.WriteNull("resource_id");
            w.WriteNull("resource_url");
        }

        w.WriteEndObject();
    }

    private static async Task<TicketInput> InputAsync(HttpContext context)
    {
        // Before 2.14 the link, the assignment and skip_notifications are unknown fields: named, ignored, never read.
        var options = Face.VersionOf(context).Model.TicketWriteOptions;
        var body = (await RequestBody.ReadAsync(context, options ? CreateFields : CreateFieldsBefore214))!.Value;
        var typeId = ConversationsEndpoints.IdText(body, "ticket_type_id") ?? throw TicketTypes.Missing("ticket_type_id", "ticket_type_id is a required parameter");
        // A conversation's id is digits: any other names none.
        var link = options && ConversationsEndpoints.IdText(body, "conversation_to_link_id") is { } linkId
            ? long.TryParse(linkId, NumberStyles.None, CultureInfo.InvariantCulture, out var thread) && thread > 0 ? thread : throw Tickets.LinkedConversationNotFound()
            : (long?)null;

        if (options)
        {
            _ = Input.Bool(body, "skip_notifications");
        }

        var contact = Contact(body);
        var assignment = options ? Input.Field(body, "assignment") : null;
        if (assignment is { ValueKind: not JsonValueKind.Object } a)
        {
            throw TicketTypes.Invalid("assignment", $"assignment must be an object ({{admin_assignee_id, team_assignee_id}}), not {Input.Kind(a)}");
        }

        var input = new TicketInput(typeId, contact, Attributes(body) ?? new Dictionary<string, JsonElement>(), ConversationsEndpoints.IdText(body, "company_id"),
            Input.Timestamp(body, "created_at"),
            assignment is { } given ? Assignee(given, "admin_assignee_id") : null, assignment is { } given2 ? Assignee(given2, "team_assignee_id") : null, link);
        return input;
    }

    /// <summary>Any of {ticket_attributes, ticket_state_id, company_id (null or "" removes it), open, is_shared, snoozed_until, admin_id, assignee_id (0 unassigns)}; before 2.14, 2.11's fields.</summary>
    public static async Task<IResult> UpdateAsync(HttpContext context)
    {
        var id = Id(context);
        var model = Face.VersionOf(context).Model;
        if (!model.TicketStateObjects)
        {
            return await Update211Async(context, id, model);
        }

        var body = (await RequestBody.ReadAsync(context, UpdateFields))!.Value;
        _ = Input.Bool(body, "skip_notifications");
        var company = body.TryGetProperty("company_id", out var c) && c.ValueKind == JsonValueKind.Null ? "" : ConversationsEndpoints.IdText(body, "company_id");
        var change = new TicketChange(Attributes(body), ConversationsEndpoints.IdText(body, "ticket_state_id"), company, Input.Bool(body, "open"),
            Input.Bool(body, "is_shared"), Input.Timestamp(body, "snoozed_until"), ConversationsEndpoints.IdText(body, "admin_id"), ConversationsEndpoints.IdText(body, "assignee_id"));
        var ticket = await Caller.From(context).Store.UpdateTicketAsync(id, change);
        return Json.Ok(w => Ticket(w, ticket, Caller.From(context).AppId, model));
    }

    /// <summary>
    /// 2.11's update: {ticket_attributes, state (in_progress, waiting_on_customer or resolved), open, is_shared,
    /// snoozed_until, assignment {admin_id, assignee_id}}, applied as 2.14's is (the state by its category's id).
    /// </summary>
    private static async Task<IResult> Update211Async(HttpContext context, string id, ApiModel model)
    {
        var body = (await RequestBody.ReadAsync(context, UpdateFields211))!.Value;
        var state = Input.String(body, "state") is { } category
            ? States211.Contains(category) ? TicketStates.All.First(s => s.Category == category).Id.ToString(CultureInfo.InvariantCulture)
                : throw TicketTypes.Invalid("state", $"state must be in_progress, waiting_on_customer or resolved, not '{category}'")
            : null;
        var assignment = Input.Field(body, "assignment");
        if (assignment is { ValueKind: not JsonValueKind.Object } a)
        {
            throw TicketTypes.Invalid("assignment", $"assignment must be an object ({{admin_id, assignee_id}}), not {Input.Kind(a)}");
        }

        var change = new TicketChange(Attributes(body), state, null, Input.Bool(body, "open"), Input.Bool(body, "is_shared"), Input.Timestamp(body, "snoozed_until"),
            assignment is { } by ? ConversationsEndpoints.IdText(by, "admin_id") : null, assignment is { } to ? ConversationsEndpoints.IdText(to, "assignee_id") : null);
        var ticket = await Caller.From(context).Store.UpdateTicketAsync(id, change);
        return Json.Ok(w => Ticket(w, ticket, Caller.From(context).AppId, model));
    }

    /// <summary>
    /// 2.16's POST /tickets/{id}/change_type {ticket_type_id, ticket_state_id (both required, the description's words
    /// when missing), ticket_attributes}: the ticket on its new type, as GET /tickets/{id} writes it.
    /// </summary>
    public static async Task<IResult> ChangeTypeAsync(HttpContext context)
    {
        var id = Id(context);
        var body = (await RequestBody.ReadAsync(context, ChangeTypeFields))!.Value;
        var typeId = ConversationsEndpoints.IdText(body, "ticket_type_id") ?? throw TicketTypes.Missing("ticket_type_id", "ticket_type_id is a required parameter");
        var stateId = ConversationsEndpoints.IdText(body, "ticket_state_id") ?? throw TicketTypes.Missing("ticket_state_id", "ticket_state_id is a required parameter");
        var change = new TicketTypeChange(typeId, stateId, Attributes(body) ?? new Dictionary<string, JsonElement>());
        var ticket = await Caller.From(context).Store.ChangeTicketTypeAsync(id, change);
        return Json.Ok(w => Ticket(w, ticket, Caller.From(context).AppId, Face.VersionOf(context).Model));
    }

    /// <summary>2.16's POST /tickets/{id}/linked_conversations {conversation_id}: the conversation linked, as GET /conversations/{id} writes it.</summary>
    public static async Task<IResult> LinkAsync(HttpContext context)
    {
        var id = Id(context);
        var body = (await RequestBody.ReadAsync(context, LinkFields))!.Value;
        var conversation = ConversationsEndpoints.IdText(body, "conversation_id") ?? throw TicketTypes.Missing("conversation_id", "conversation_id not specified");
        var thread = long.TryParse(conversation, NumberStyles.None, CultureInfo.InvariantCulture, out var n) && n > 0 ? n : -1; // digits name a conversation; the store finds the ticket first
        var linked = await Caller.From(context).Store.LinkConversationAsync(id, thread);
        return await ConversationsEndpoints.AnswerAsync(context, linked);
    }

    /// <summary>2.16's DELETE /tickets/{id}/linked_conversations/{id}: the conversation unlinked, as GET /conversations/{id} writes it.</summary>
    public static async Task<IResult> UnlinkAsync(HttpContext context)
    {
        var id = Id(context);
        var thread = RouteValues.NumericIdOrNone(context, "id");
        var unlinked = await Caller.From(context).Store.UnlinkConversationAsync(id, thread);
        return await ConversationsEndpoints.AnswerAsync(context, unlinked);
    }

    public static async Task<IResult> DeleteAsync(HttpContext context)
    {
        var ticket = await Caller.From(context).Store.DeleteTicketAsync(Id(context));
        return Json.Object(200, ("id", ticket.Id.ToString(CultureInfo.InvariantCulture)), ("object", "ticket"), ("deleted", true));
    }

    /// <summary>
    /// An admin's {message_type comment, note or quick_reply (with reply_options), type admin, admin_id, body} or the
    /// ticket's contact's {message_type comment, type user, intercom_user_id | user_id | email, body}; attachments are refused (not emulated).
    /// </summary>
    public static async Task<IResult> ReplyAsync(HttpContext context)
    {
        var id = Id(context);
        var model = Face.VersionOf(context).Model;
        var body = (await RequestBody.ReadAsync(context, model.TicketReplyFiles ? ReplyFields216 : model.TicketWriteOptions ? ReplyFields : ReplyFieldsBefore214))!.Value;
        if (model.TicketWriteOptions)
        {
            _ = Input.Bool(body, "skip_notifications");
        }

        _ = Input.Bool(body, "cross_post"); // read, not acted on: the reply is not copied to the ticket's linked conversations
        foreach (var attachments in (string[])(model.TicketReplyFiles ? ["attachment_urls", "attachment_files"] : ["attachment_urls"]))
        {
            if (Input.Field(body, attachments) is not null)
            {
                throw TicketTypes.Invalid(attachments, $"{attachments} is not emulated: replies carry no attachments here");
            }
        }

        var messageType = Input.String(body, "message_type") ?? throw TicketTypes.Missing("message_type", "message_type is required: comment, note or quick_reply");
        var created = Input.Timestamp(body, "created_at");
        var text = Input.String(body, "body");
        TicketReply reply;
        switch (Input.String(body, "type"))
        {
            case "admin":
                var admin = ConversationsEndpoints.IdText(body, "admin_id") ?? throw TicketTypes.Missing("admin_id", "admin_id is required (an admin's id: GET /admins lists them)");
                if (messageType is not ("comment" or "note" or "quick_reply"))
                {
                    throw TicketTypes.Invalid("message_type", $"message_type must be comment, note or quick_reply, not '{messageType}'");
                }

                if (messageType == "quick_reply")
                {
                    ReplyOptions(body);
                }
                else if (text is null || text.Trim().Length == 0)
                {
                    throw TicketTypes.Missing("body", "body is required");
                }

                reply = new(messageType, text is null || messageType == "quick_reply" ? null : Html.Reply(text, byAdmin: true), admin, null, created);
                break;
            case "user":
                if (messageType != "comment")
                {
                    throw TicketTypes.Invalid("message_type", $"a contact's reply is a comment, not '{messageType}'");
                }

                if (text is null || text.Trim().Length == 0)
                {
                    throw TicketTypes.Missing("body", "body is required");
                }

                var key = new TicketContactKey(Input.String(body, "intercom_user_id"), Input.String(body, "user_id"), Input.String(body, "email"));
                if (key is { Id: null, ExternalId: null, Email: null })
                {
                    throw TicketTypes.Missing("intercom_user_id", "a contact's reply names the contact: intercom_user_id, user_id or email");
                }

                reply = new("comment", Html.Reply(text, byAdmin: false), null, key, created);
                break;
            case var other:
                throw TicketTypes.Invalid("type", $"type must be admin or user, not {(other is null ? "missing" : $"'{other}'")}");
        }

        var part = await Caller.From(context).Store.ReplyTicketAsync(id, reply);
        return Json.Ok(w => Part(w, part));
    }

    /// <summary>POST /tickets/{id}/tags {id, admin_id}: the tag, as applied.</summary>
    public static async Task<IResult> TagAsync(HttpContext context)
    {
        var id = Id(context);
        var body = (await RequestBody.ReadAsync(context, TagFields))!.Value;
        var tagId = Input.Id(body, "id") ?? throw TicketTypes.Missing("id", "id is required (the tag's id)");
        var admin = ConversationsEndpoints.IdText(body, "admin_id") ?? throw TicketTypes.Missing("admin_id", "admin_id is required (an admin's id: GET /admins lists them)");
        var applied = await Caller.From(context).Store.TagTicketAsync(id, tagId, admin);
        return Json.Ok(w => Writer.AppliedTag(w, applied));
    }

    /// <summary>DELETE /tickets/{id}/tags/{tag_id} {admin_id}: the tag that was removed.</summary>
    public static async Task<IResult> UntagAsync(HttpContext context)
    {
        var id = Id(context);
        var body = (await RequestBody.ReadAsync(context, UntagFields))!.Value;
        var tagId = RouteValues.NumericIdOrNone(context, "tag_id"); // the store finds the ticket, then the admin, then the tag
        var admin = ConversationsEndpoints.IdText(body, "admin_id") ?? throw TicketTypes.Missing("admin_id", "admin_id is required (an admin's id: GET /admins lists them)");
        var removed = await Caller.From(context).Store.UntagTicketAsync(id, tagId, admin);
        return Json.Ok(w => Writer.AppliedTag(w, removed));
    }

    private static string Id(HttpContext context) => RouteValues.Text(context, "ticket_id");

    /// <summary>contacts: exactly one, as the description allows, each {id} | {external_id} | {email}.</summary>
    private static TicketContactKey Contact(JsonElement body)
    {
        if (Input.Field(body, "contacts") is not { } contacts)
        {
            throw TicketTypes.Missing("contacts", "contacts is a required parameter: one contact, [{\"id\": ...}], [{\"external_id\": ...}] or [{\"email\": ...}]");
        }

        if (contacts.ValueKind != JsonValueKind.Array || contacts.GetArrayLength() != 1 || contacts[0].ValueKind != JsonValueKind.Object)
        {
            throw TicketTypes.Invalid("contacts", "contacts must be an array of one contact (only one is allowed): [{\"id\": ...}], [{\"external_id\": ...}] or [{\"email\": ...}]");
        }

        var entry = contacts[0];
        var key = new TicketContactKey(Input.String(entry, "id"), Input.String(entry, "external_id"), Input.String(entry, "email"));
        var given = new[] { key.Id, key.ExternalId, key.Email }.Count(v => v is not null);
        return given == 1 ? key
            : throw TicketTypes.Invalid("contacts", "a contact is named by one of id, external_id or email");
    }

    private static IReadOnlyDictionary<string, JsonElement>? Attributes(JsonElement body) => Input.Field(body, "ticket_attributes") switch
    {
        null => null,
        { ValueKind: JsonValueKind.Object } o => o.EnumerateObject().ToDictionary(p => p.Name, p => p.Value.Clone()),
        { } v => throw TicketTypes.Invalid("ticket_attributes", $"ticket_attributes must be an object of attribute names and values, not {Input.Kind(v)}"),
    };

    private static string? Assignee(JsonElement assignment, string name) =>
        ConversationsEndpoints.IdText(assignment, name) is { } id && id != "0" ? id : null;

    /// <summary>A quick reply's reply_options: at least one {text, uuid}.</summary>
    private static void ReplyOptions(JsonElement body)
    {
        if (Input.Field(body, "reply_options") is not { ValueKind: JsonValueKind.Array } options || options.GetArrayLength() == 0
            || options.EnumerateArray().Any(o => o.ValueKind != JsonValueKind.Object || Input.String(o, "text") is null || Input.String(o, "uuid") is null))
        {
            throw TicketTypes.Invalid("reply_options", "a quick_reply needs its reply_options: [{\"text\": ..., \"uuid\": ...}, ...]");
        }
    }

    /// <summary>A ticket: its state (as the version writes it) and type in full, its contact, its parts (at most 500, as the description says the list holds) and its linked objects (the first 1,000, as the description says the list holds).</summary>
    public static void Ticket(Utf8JsonWriter w, TicketRecord t, string workspaceId, ApiModel model)
    {
        w.WriteStartObject();
        w.WriteString("type", "ticket");
        w.WriteString("id", t.Id.ToString(CultureInfo.InvariantCulture));
        w.WriteString("ticket_id", t.Number.ToString(CultureInfo.InvariantCulture));
        w.WriteString("category", t.Type.Category);
        w.WritePropertyName("ticket_attributes");
        w.WriteRawValue(t.Attributes);
        if (model.TicketStateObjects)
        {
            w.WriteStartObject("ticket_state");
            TicketTypesEndpoints.StateFields(w, t.State);
            w.WriteEndObject();
        }
        else
        {
            w.WriteString("ticket_state", t.State.Category);
            w.WriteString("ticket_state_internal_label", t.State.InternalLabel);
            w.WriteString("ticket_state_external_label", t.State.ExternalLabel);
        }

        if (model.TicketPreviousState)
        {
            // The creation's part names the first state as both new and previous: a change is a part whose two differ.
            var previous = t.Parts.LastOrDefault(p => p.State is not null && p.PreviousState != p.State)?.PreviousState;
            var state = previous is null ? null : TicketStates.All.FirstOrDefault(s => s.Category == previous);
            w.WriteString("previous_ticket_state_id", state?.Id.ToString(CultureInfo.InvariantCulture));
        }

        w.WritePropertyName("ticket_type");
        TicketTypesEndpoints.TicketType(w, t.Type, workspaceId, model);
        w.WriteStartObject("contacts");
        w.WriteString("type", "contact.list");
        w.WriteStartArray("contacts");
        foreach (var (id, externalId) in t.Contacts)
        {
            w.WriteStartObject();
            w.WriteString("type", "contact");
            w.WriteString("id", id);
            w.WriteString("external_id", externalId);
            w.WriteEndObject();
        }

        w.WriteEndArray();
        w.WriteEndObject();
        if (model.TicketAssigneeNumbers)
        {
            // 2.16's integers: an admin's id is digits here as in Intercom (a team's always is).
            w.WriteNumber("admin_assignee_id", long.TryParse(t.AdminAssigneeId, NumberStyles.None, CultureInfo.InvariantCulture, out var admin) ? admin : 0);
            w.WriteNumber("team_assignee_id", long.Parse(t.TeamAssigneeId, CultureInfo.InvariantCulture));
        }
        else
        {
            w.WriteString("admin_assignee_id", t.AdminAssigneeId);
            w.WriteString("team_assignee_id", t.TeamAssigneeId);
        }

        w.WriteNumber("created_at", t.CreatedAt);
        w.WriteNumber("updated_at", t.UpdatedAt);
        w.WriteStartObject("ticket_parts");
        w.WriteString("type", "ticket_part.list");
        w.WriteStartArray("ticket_parts");
        foreach (var part in t.Parts.Take(500))
        {
            Part(w, part);
        }

        w.WriteEndArray();
        w.WriteNumber("total_count", t.Parts.Count);
        w.WriteEndObject();
        w.WriteBoolean("open", t.Open);
        if (t.SnoozedUntil is { } until)
        {
            w.WriteNumber("snoozed_until", until);
        }

        Writer.LinkedObjects(w, t.Links ?? []);
        w.WriteBoolean("is_shared", t.IsShared);
        w.WriteEndObject();
    }

    /// <summary>A ticket_part (a reply's answer, ticket_reply, is one too): what it changed, who made it.</summary>
    private static void Part(Utf8JsonWriter w, TicketPartRecord p)
    {
        w.WriteStartObject();
        w.WriteString("type", "ticket_part");
        w.WriteString("id", p.Id.ToString(CultureInfo.InvariantCulture));
        w.WriteString("part_type", p.PartType);
        if (p.Body is not null)
        {
            w.WriteString("body", p.Body);
        }

        if (p.State is not null)
        {
            w.WriteString("ticket_state", p.State);
            w.WriteString("previous_ticket_state", p.PreviousState);
        }

        w.WriteNumber("created_at", p.CreatedAt);
        w.WriteNumber("updated_at", p.CreatedAt);
        if (p.PartType == "assignment")
        {
            w.WritePropertyName("assigned_to");
            if (p.AssignedTo is { } assigned)
            {
                w.WriteStartObject();
                w.WriteString("type", assigned.Type);
                w.WriteString("id", assigned.Id);
                w.WriteEndObject();
            }
            else
            {
                w.WriteNullValue();
            }
        }

        w.WriteStartObject("author");
        w.WriteString("id", p.AuthorId);
        w.WriteString("type", p.AuthorType);
        w.WriteString("name", p.AuthorName);
        if (p.AuthorEmail is not null)
        {
            w.WriteString("email", p.AuthorEmail);
        }

        w.WriteEndObject();
        w.WriteStartArray("attachments");
        w.WriteEndArray();
        w.WriteBoolean("redacted", false);
        if (p.Attribute is { } attribute)
        {
            w.WriteStartObject("updated_attribute_data");
            w.WriteStartObject("attribute");
            w.WriteString("type", "attribute");
            w.WriteString("id", attribute.Id.ToString(CultureInfo.InvariantCulture));
            w.WriteString("label", attribute.Name);
            w.WriteEndObject();
            w.WriteStartObject("value");
            w.WriteString("type", "value");
            w.WriteString("id", attribute.Value);
            w.WriteString("label", attribute.Value);
            w.WriteEndObject();
            w.WriteEndObject();
        }

        w.WriteEndObject();
    }
}
