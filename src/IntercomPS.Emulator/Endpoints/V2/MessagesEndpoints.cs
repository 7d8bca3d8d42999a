using System.Collections.Generic;
using System.Text.Json;
using System.Threading.Tasks;
using IntercomPS.Emulator.Model;
using Microsoft.AspNetCore.Http;
using static IntercomPS.Emulator.Endpoints.V2.ConversationsEndpoints;

namespace IntercomPS.Emulator.Endpoints.V2;

/// <summary>
/// POST /messages: an admin's message to one contact, in-app or email, kept as a conversation the admin started. The
/// real service opens that conversation only once the contact replies, unless create_conversation_without_contact_reply
/// is true, and only then names it; here it exists at once and is named either way (the flag is checked, nothing
/// more), so a script can read back what it sent (GET /conversations/{id}, the contact's conversations, v1's message
/// threads). Several recipients, cc, bcc and message_type conversation are not emulated (a 400 says so; 2.11, which has
/// no cc or bcc, names them as unknown fields and sends).
/// </summary>
internal static class MessagesEndpoints
{
    private const string OpenConversation = "create_conversation_without_contact_reply";
    private static readonly FieldSet CreateFields = UnknownFields.Set(
        "message_type", "from.type", "from.id", "to.type", "to.id", "cc.type", "cc.id", "bcc.type", "bcc.id", "subject", "body", "template", "created_at", OpenConversation);

    /// <summary>2.11's create_message_request (ApiModel.MessageCopies false): no cc or bcc, so they are unknown fields, named and ignored.</summary>
    private static readonly FieldSet CreateFields211 = UnknownFields.Set(
        "message_type", "from.type", "from.id", "to.type", "to.id", "subject", "body", "template", "created_at", OpenConversation);

    public static async Task<IResult> CreateAsync(HttpContext context)
    {
        var copies = Face.VersionOf(context).Model.MessageCopies;
        var body = (await RequestBody.ReadAsync(context, copies ? CreateFields : CreateFields211))!.Value;
        var store = Store(context);
        var adminId = Input.Field(body, "from") switch
        {
            null => store.Admin.Id, // "If not provided, the default sender will be used"
            { ValueKind: JsonValueKind.Object } from when Input.String(from, "type") == "admin" =>
                IdText(from, "id") ?? throw Invalid("from.id", "from.id is required (an admin's id: GET /admins lists them)"),
            { ValueKind: JsonValueKind.Object } => throw Invalid("from.type",
                "from.type must be admin: a message from a contact is not emulated here (a contact starts a conversation with POST /conversations)"),
            _ => throw Invalid("from", "from must be an object {type: admin, id}"),
        };

        var model = Face.VersionOf(context).Model;
        var messageType = Input.String(body, "message_type") switch
        {
            "inapp" or "in_app" => "inapp", // the description's request enum says in_app; its examples and its answers, inapp
            "email" => "email",
            "conversation" => throw Invalid("message_type", "message_type conversation is not emulated; send inapp or email"),
            "whatsapp" when model.WhatsAppMessages => throw Invalid("message_type", "message_type whatsapp is not emulated; send inapp or email"),
            null => throw Invalid("message_type", "message_type is required: inapp or email"),
            { } other => throw Invalid("message_type", $"message_type must be inapp or email, not '{other}'"),
        };

        // The description's own examples: no body is the 400 parameter_invalid, an email without a subject the 422.
        var text = Input.String(body, "body") is { } given && given.Trim().Length > 0 ? given : throw Invalid("body", "Body is required");
        var subject = Input.String(body, "subject") is { } title && title.Trim().Length > 0 ? title : null;
        if (messageType == "email" && subject is null)
        {
            throw new ApiError(422, "unprocessable_entity", "No subject supplied for email message") { Code = "parameter_not_found", Field = "subject" };
        }

        if (Input.String(body, "template") is { } template && template is not ("plain" or "personal"))
        {
            throw Invalid("template", $"template must be plain or personal, not '{template}'");
        }

        if (Input.Field(body, OpenConversation) is { ValueKind: not (JsonValueKind.True or JsonValueKind.False) } open)
        {
            throw Invalid(OpenConversation, $"{OpenConversation} must be true or false, not {Input.Kind(open)}");
        }

        foreach (var copy in copies ? new[] { "cc", "bcc" } : [])
        {
            if (Input.Field(body, copy) is not null)
            {
                throw Invalid(copy, $"{copy} is not emulated: a message goes to the one contact in to");
            }
        }

        var to = Recipient(body);
        var contactId = await NamedContact(store, to, "id") ?? throw Invalid("to.id", "to needs the contact's id (or its user_id or email)");
        var conversation = await store.SendMessageAsync(
            adminId, contactId, messageType, messageType == "email" ? subject : null, text, Input.Timestamp(body, "created_at"));
        var owner = await store.GetAdminAsync(adminId);
        return Json.Ok(w =>
        {
            var message = conversation.Messages[0];
            w.WriteStartObject();
            w.WriteString("type", "admin_message");
            w.WriteString("id", Face.ToString(message.Id));
            w.WriteNumber("created_at", message.CreatedAt);
            if (conversation.Subject is { } sent)
            {
                w.WriteString("subject", sent); // "only present if message_type: email"
            }

            w.WriteString("body", text); // as sent, as POST /conversations answers (the conversation keeps the HTML)
            w.WriteString("message_type", messageType);
            w.WriteString("conversation_id", Face.ToString(conversation.Id));
            w.WritePropertyName("owner");
            Writer.Admin(w, owner, model);
            w.WriteEndObject();
        });
    }

    /// <summary>to: one recipient {type user|lead|contact, id, or user_id or email}, or a list of exactly one.</summary>
    private static JsonElement Recipient(JsonElement body)
    {
        var to = Input.Field(body, "to") switch
        {
            null => throw Invalid("to", "to is required: {type: user, id: the contact's id}"),
            { ValueKind: JsonValueKind.Array } list when list.GetArrayLength() == 1 => list[0],
            { ValueKind: JsonValueKind.Array } => throw Invalid("to", "a message to several recipients is not emulated: send one message per contact"),
            { } one => one,
        };

        if (to.ValueKind != JsonValueKind.Object)
        {
            throw Invalid("to", $"to must be an object {{type, id}}, not {Input.Kind(to)}");
        }

        return Input.String(to, "type") is "user" or "lead" or "contact" ? to : throw Invalid("to.type", "to.type must be user, lead or contact");
    }
}
