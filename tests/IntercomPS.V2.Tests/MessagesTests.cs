using System.Linq;
using System.Net.Http;
using System.Threading.Tasks;
using IntercomPS.Testing;
using Xunit;

namespace IntercomPS.V2.Tests;

/// <summary>
/// POST /messages: an admin's message to a contact, in-app or email, kept as a conversation the admin started, so it
/// is read as one on 2.14 and as a message thread on v1.
/// </summary>
public class MessagesTests(EmulatorFixture fixture) : IClassFixture<EmulatorFixture>
{
    private V2Client Api => fixture.V2;

    private async Task<(string Contact, string Email, string ExternalId, string Admin)> NewContact()
    {
        var email = EmulatorFixture.NewEmail();
        var externalId = EmulatorFixture.NewId("u");
        var contact = (await Api.PostAsync("/contacts", new { email, external_id = externalId, name = "Mira" })).Ok()["id"].GetString()!;
        return (contact, email, externalId, (await Api.GetAsync("/me")).Ok()["id"].GetString()!);
    }

    [Fact]
    public async Task An_in_app_message_is_a_conversation_the_admin_started_unread_by_the_contact()
    {
        var (contact, _, _, admin) = await NewContact();
        var message = (await Api.PostAsync("/messages", new
        {
            message_type = "inapp",
            body = "Your trial ends <b>soon</b>",
            from = new { type = "admin", id = admin },
            to = new { type = "user", id = contact },
        })).Ok();
        Assert.Equal("admin_message", message["type"].GetString());
        Assert.Equal("inapp", message["message_type"].GetString());
        Assert.Equal("Your trial ends <b>soon</b>", message["body"].GetString());
        Assert.False(message.Json.TryGetProperty("subject", out _)); // "only present if message_type: email"
        Assert.Equal(admin, message["owner"].GetProperty("id").GetString());

        var conversation = (await Api.GetAsync($"/conversations/{message["conversation_id"].GetString()}")).Ok();
        var source = conversation["source"];
        Assert.Equal(message["id"].GetString(), source.GetProperty("id").GetString());
        Assert.Equal("admin_initiated", source.GetProperty("delivered_as").GetString());
        Assert.Equal("conversation", source.GetProperty("type").GetString());
        Assert.Equal("admin", source.GetProperty("author").GetProperty("type").GetString());
        Assert.Equal(admin, source.GetProperty("author").GetProperty("id").GetString());
        Assert.Equal(message["created_at"].GetInt64(), conversation["created_at"].GetInt64());
        Assert.False(conversation["read"].GetBoolean()); // the contact has not read it yet
        Assert.Equal(contact, conversation["contacts"].GetProperty("contacts")[0].GetProperty("id").GetString());
    }

    [Fact]
    public async Task An_email_keeps_its_subject_and_is_found_among_the_contacts_conversations()
    {
        var (contact, _, externalId, admin) = await NewContact();
        var message = (await Api.PostAsync("/messages", new
        {
            message_type = "email",
            subject = "Renewal",
            body = "Time to renew",
            template = "personal",
            from = new { type = "admin", id = long.Parse(admin, System.Globalization.CultureInfo.InvariantCulture) }, // the description types it an integer
            to = new { type = "user", user_id = externalId }, // as the description's example names the contact
        })).Ok();
        Assert.Equal("email", message["message_type"].GetString());
        Assert.Equal("Renewal", message["subject"].GetString());

        var found = (await Api.PostAsync("/conversations/search", new { query = new { field = "contact_ids", @operator = "=", value = contact } })).Ok();
        var conversation = Assert.Single(found["conversations"].EnumerateArray());
        Assert.Equal(message["conversation_id"].GetString(), conversation.GetProperty("id").GetString());
        Assert.Equal("email", conversation.GetProperty("source").GetProperty("type").GetString());
        Assert.Equal("Renewal", conversation.GetProperty("source").GetProperty("subject").GetString());
    }

    [Fact]
    public async Task A_v1_user_reads_the_message_as_an_unread_thread_from_the_admin()
    {
        var (contact, email, _, admin) = await NewContact();
        var id = (await Api.PostAsync("/messages", new
        {
            message_type = "email",
            subject = "Hello from us",
            body = "Welcome aboard",
            from = new { type = "admin", id = admin },
            to = new { type = "contact", email },
        })).Ok()["conversation_id"].GetString();

        var (status, thread) = await fixture.V1.SendAsync(HttpMethod.Get, $"users/message_threads?email={email}&thread_id={id}");
        Assert.Equal(200, status);
        Assert.False(thread.GetProperty("created_by_user").GetBoolean());
        Assert.False(thread.GetProperty("read").GetBoolean());
        var first = Assert.Single(thread.GetProperty("messages").EnumerateArray());
        Assert.Equal("<p>Welcome aboard</p>", first.GetProperty("html").GetString());
        Assert.Equal("Hello from us", first.GetProperty("subject").GetString());
        Assert.True(first.GetProperty("from").GetProperty("is_admin").GetBoolean());
        var (_, impression) = await fixture.V1.SendAsync(HttpMethod.Post, "users/impressions", new { email });
        Assert.Equal(1, impression.GetProperty("unread_messages").GetInt32());
    }

    [Fact]
    public async Task Without_from_the_default_sender_is_the_apps_admin()
    {
        var (contact, _, _, admin) = await NewContact();
        var message = (await Api.PostAsync("/messages", new { message_type = "inapp", body = "Hi", to = new { type = "user", id = contact } })).Ok();
        Assert.Equal(admin, message["owner"].GetProperty("id").GetString());
    }

    [Fact]
    public async Task Bad_input_is_refused_in_the_descriptions_words_and_nothing_is_sent()
    {
        var (contact, _, _, admin) = await NewContact();
        var from = new { type = "admin", id = admin };
        var to = new { type = "user", id = contact };
        // The description's examples: a missing body is the 400 parameter_invalid, a missing subject the 422 parameter_not_found.
        Assert.Equal("Body is required", (await Api.PostAsync("/messages", new { message_type = "inapp", from, to, body = (string?)null })).Error(400, "parameter_invalid"));
        Assert.Equal("Body is required", (await Api.PostAsync("/messages", new { message_type = "email", subject = "Hi", from, to, body = "  " })).Error(400, "parameter_invalid"));
        Assert.Equal("No subject supplied for email message", (await Api.PostAsync("/messages", new { message_type = "email", from, to, body = "Hi" })).Error(422, "parameter_not_found"));
        Assert.Contains("message_type", (await Api.PostAsync("/messages", new { message_type = "sms", from, to, body = "Hi" })).Error(400, "parameter_invalid"));
        Assert.Contains("message_type", (await Api.PostAsync("/messages", new { from, to, body = "Hi" })).Error(400, "parameter_invalid"));
        Assert.Contains("template", (await Api.PostAsync("/messages", new { message_type = "email", subject = "Hi", template = "fancy", from, to, body = "Hi" })).Error(400, "parameter_invalid"));
        Assert.Contains("from.type", (await Api.PostAsync("/messages", new { message_type = "inapp", from = new { type = "user", id = contact }, to, body = "Hi" })).Error(400, "parameter_invalid"));
        Assert.Contains("to is required", (await Api.PostAsync("/messages", new { message_type = "inapp", from, body = "Hi" })).Error(400, "parameter_invalid"));
        Assert.Contains("to.type", (await Api.PostAsync("/messages", new { message_type = "inapp", from, to = new { type = "admin", id = admin }, body = "Hi" })).Error(400, "parameter_invalid"));
        Assert.Contains("not emulated", (await Api.PostAsync("/messages", new { message_type = "inapp", from, to = new[] { to, to }, body = "Hi" })).Error(400, "parameter_invalid"));
        Assert.Contains("not emulated", (await Api.PostAsync("/messages", new { message_type = "inapp", from, to, cc = to, body = "Hi" })).Error(400, "parameter_invalid"));
        Assert.Equal("create_conversation_without_contact_reply must be true or false, not a string",
            (await Api.PostAsync("/messages", new { message_type = "inapp", from, to, body = "Hi", create_conversation_without_contact_reply = "true" })).Error(400, "parameter_invalid"));

        (await Api.PostAsync("/messages", new { message_type = "inapp", from = new { type = "admin", id = "1" }, to, body = "Hi" })).Error(404, "admin_not_found");
        (await Api.PostAsync("/messages", new { message_type = "inapp", from, to = new { type = "user", id = "5f0000000000000000000000" }, body = "Hi" })).Error(404, "not_found");
        (await Api.PostAsync("/messages", new { message_type = "inapp", from, to = new { type = "user", user_id = "nobody-has-this" }, body = "Hi" })).Error(404, "not_found");

        var found = (await Api.PostAsync("/conversations/search", new { query = new { field = "contact_ids", @operator = "=", value = contact } })).Ok();
        Assert.Empty(found["conversations"].EnumerateArray());
    }

    [Fact]
    public async Task In_2_11_cc_and_bcc_are_unknown_fields_and_the_message_is_sent()
    {
        // 2.11's create_message_request has no cc or bcc: there they are unknown fields, named and ignored, and the
        // message is sent (the emulator refused it as "cc is not emulated", failing a 2.11 script the real service serves).
        var (contact, _, _, admin) = await NewContact();
        var from = new { type = "admin", id = admin };
        var to = new { type = "user", id = contact };
        var sent = (await Api.WithVersion("2.11").PostAsync("/messages", new { message_type = "inapp", from, to, cc = to, bcc = to, body = "Copied" })).Ok();
        Assert.Matches("^ignored unknown fields '(bcc|cc)', '(bcc|cc)'; POST /messages takes ", sent.Header("X-Emulator-Warning"));
        Assert.Equal("Copied", sent["body"].GetString());
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task The_conversation_opens_at_once_with_create_conversation_without_contact_reply_or_without(bool open)
    {
        // The real service opens it without the flag only once the contact replies (README: how it differs).
        var (contact, _, _, admin) = await NewContact();
        var message = (await Api.PostAsync("/messages", new
        {
            message_type = "inapp",
            body = "Hi",
            from = new { type = "admin", id = admin },
            to = new { type = "user", id = contact },
            create_conversation_without_contact_reply = open,
        })).Ok();
        Assert.Equal(message["id"].GetString(), (await Api.GetAsync($"/conversations/{message["conversation_id"].GetString()}")).Ok()["source"].GetProperty("id").GetString());
    }

    [Fact]
    public async Task Created_at_dates_the_message_and_its_conversation()
    {
        // 2.14: "The time the message was created. If not provided, the current time will be used." (what the Node SDK sends as created_at)
        var (contact, _, _, admin) = await NewContact();
        var message = (await Api.PostAsync("/messages", new
        {
            message_type = "email",
            subject = "Back then",
            body = "Hi",
            template = "plain",
            from = new { type = "admin", id = admin },
            to = new { type = "user", id = contact },
            created_at = 1590000000,
        })).Ok();
        Assert.Equal(1590000000, message["created_at"].GetInt64());
        var conversation = (await Api.GetAsync($"/conversations/{message["conversation_id"].GetString()}")).Ok();
        Assert.Equal(1590000000, conversation["created_at"].GetInt64());
        Assert.Equal(1590000000, conversation["updated_at"].GetInt64());

        Assert.Contains("created_at", (await Api.PostAsync("/messages", new { message_type = "inapp", body = "Hi", to = new { type = "user", id = contact }, created_at = "yesterday" })).Error(400, "parameter_invalid"));
    }

    [Theory]
    [InlineData("2.14", "message_type must be inapp or email, not 'whatsapp'")]
    [InlineData("2.15", "message_type must be inapp or email, not 'whatsapp'")]
    [InlineData("2.16", "message_type whatsapp is not emulated; send inapp or email")] // 2.16 documents whatsapp; 2.14 and 2.15 do not
    public async Task A_whatsapp_message_is_refused_as_each_version_documents_it(string version, string error)
    {
        var (contact, _, _, admin) = await NewContact();
        var answer = await Api.WithVersion(version).PostAsync("/messages", new
        {
            message_type = "whatsapp",
            template = "keep_live",
            from = new { type = "admin", id = admin },
            to = new { type = "user", id = contact },
        });
        Assert.Equal(error, answer.Error(400, "parameter_invalid"));
    }

    [Fact]
    public async Task A_one_recipient_list_is_one_message()
    {
        var (contact, _, _, admin) = await NewContact();
        var message = (await Api.PostAsync("/messages", new { message_type = "inapp", body = "Hi", from = new { type = "admin", id = admin }, to = new[] { new { type = "lead", id = contact } } })).Ok();
        Assert.Equal(contact, (await Api.GetAsync($"/conversations/{message["conversation_id"].GetString()}")).Ok()["contacts"].GetProperty("contacts")[0].GetProperty("id").GetString());
        Assert.Single((await Api.PostAsync("/conversations/search", new { query = new { field = "contact_ids", @operator = "=", value = contact } })).Ok()["conversations"].EnumerateArray().ToList());
    }
}
