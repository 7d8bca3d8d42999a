using System.Linq;
using System.Net.Http;
using System.Text.Json;
using System.Threading.Tasks;
using IntercomPS.Testing;
using Xunit;

namespace IntercomPS.V2.Tests;

/// <summary>
/// The GDPR side of the team inbox on the 2.x face: DELETE /conversations/{id} removes a conversation with all it holds
/// from every read of both faces, and POST /conversations/redact empties one part or the contact's source message while
/// keeping it. Every answer is also judged against the description by <see cref="V2Client"/>.
/// </summary>
public class RedactionTests(EmulatorFixture fixture) : IClassFixture<EmulatorFixture>
{
    private const string Deleted = "<p><i>This message was deleted</i></p>";

    private V2Client Api => fixture.V2;

    private async Task<(string Contact, string ExternalId, string Conversation)> NewConversation(string body = "my card is 4242")
    {
        var externalId = EmulatorFixture.NewId("u");
        var contact = (await Api.PostAsync("/contacts", new { email = EmulatorFixture.NewEmail(), external_id = externalId, name = "Rae" })).Ok()["id"].GetString()!;
        var conversation = (await Api.PostAsync("/conversations", new { from = new { type = "user", id = contact }, body })).Ok()["conversation_id"].GetString()!;
        return (contact, externalId, conversation);
    }

    private async Task<string> Me() => (await Api.GetAsync("/me")).Ok()["id"].GetString()!;

    private static JsonElement[] Parts(Reply conversation) => [.. conversation["conversation_parts"].GetProperty("conversation_parts").EnumerateArray()];

    private Task<Reply> Redact(string conversation, string part) =>
        Api.PostAsync("/conversations/redact", new { type = "conversation_part", conversation_id = conversation, conversation_part_id = part });

    private Task<Reply> RedactSource(string conversation, string source) =>
        Api.PostAsync("/conversations/redact", new { type = "source", conversation_id = conversation, source_id = source });

    private async Task<long> SearchCount(object query) =>
        (await Api.PostAsync("/conversations/search", new { query })).Ok()["total_count"].GetInt64();

    [Fact]
    public async Task A_deleted_conversation_is_gone_from_every_read_of_both_faces_with_its_parts_and_tags()
    {
        var (contact, externalId, id) = await NewConversation();
        var (_, _, kept) = await NewConversation();
        var me = await Me();
        (await Api.PostAsync($"/conversations/{id}/reply", new { message_type = "comment", type = "admin", admin_id = me, body = "An answer you have not read" })).Ok();
        var tag = (await Api.PostAsync("/tags", new { name = EmulatorFixture.NewId("gdpr") })).Ok()["id"].GetString()!;
        foreach (var tagged in new[] { id, kept })
        {
            (await Api.PostAsync($"/conversations/{tagged}/tags", new { id = tag, admin_id = me })).Ok();
        }

        var (_, before) = await fixture.V1.SendAsync(HttpMethod.Post, "users/impressions", new { user_id = externalId });
        Assert.Equal(1, before.GetProperty("unread_messages").GetInt32());
        var listed = (await Api.GetAsync("/conversations")).Ok()["total_count"].GetInt64();

        var deleted = (await Api.DeleteAsync($"/conversations/{id}")).Ok();
        Assert.Equal((id, "conversation", true), (deleted["id"].GetString(), deleted["object"].GetString(), deleted["deleted"].GetBoolean()));

        Assert.Equal("Resource Not Found", (await Api.GetAsync($"/conversations/{id}")).Error(404, "not_found"));
        Assert.Equal(listed - 1, (await Api.GetAsync("/conversations")).Ok()["total_count"].GetInt64());
        Assert.Equal(0, await SearchCount(new { field = "contact_ids", @operator = "=", value = contact }));
        Assert.Equal(1, await SearchCount(new { field = "tag_ids", @operator = "=", value = tag })); // the other conversation keeps the tag
        Assert.Equal(tag, (await Api.GetAsync($"/tags/{tag}")).Ok()["id"].GetString()); // the tag itself stays
        var (status, threads) = await fixture.V1.SendAsync(HttpMethod.Get, $"users/message_threads?user_id={externalId}");
        Assert.Equal((200, 0), (status, threads.GetArrayLength()));
        var (_, after) = await fixture.V1.SendAsync(HttpMethod.Post, "users/impressions", new { user_id = externalId });
        Assert.Equal(0, after.GetProperty("unread_messages").GetInt32()); // the unread admin reply went with it
        Assert.Equal(contact, (await Api.GetAsync($"/contacts/{contact}")).Ok()["id"].GetString()); // the contact stays
        (await Api.PostAsync($"/conversations/{id}/reply", new { message_type = "comment", type = "admin", admin_id = me, body = "Still there?" })).Error(404, "not_found");

        Assert.Equal("Resource Not Found", (await Api.DeleteAsync($"/conversations/{id}")).Error(404, "not_found")); // a second delete finds nothing
    }

    [Fact]
    public async Task Deleting_what_is_no_conversation_of_the_app_is_the_404_and_older_versions_lack_the_operation()
    {
        var (_, _, id) = await NewConversation();
        (await Api.DeleteAsync("/conversations/999999999")).Error(404, "not_found");
        (await Api.DeleteAsync("/conversations/not-a-number")).Error(404, "not_found");
        (await fixture.V2Other.DeleteAsync($"/conversations/{id}")).Error(404, "not_found"); // another app's
        // "Delete a conversation" came with 2.13 (Intercom's changelog): 2.11 and 2.12 refuse it as the real service does.
        (await Api.WithVersion("2.12").DeleteAsync($"/conversations/{id}")).Error(400, "intercom_version_invalid");
        (await Api.WithVersion("2.13").DeleteAsync($"/conversations/{id}")).Ok();
    }

    [Fact]
    public async Task On_2_16_retain_metrics_is_true_or_false_and_either_deletes_the_conversation()
    {
        // 2.16 documents retain_metrics: true (the default) keeps the reporting data, false deletes it too. The emulator
        // keeps none, so both delete what there is; a value that is neither was ignored and the conversation deleted.
        var v216 = Api.WithVersion("2.16");
        var (_, _, kept) = await NewConversation();
        Assert.Equal("retain_metrics must be true or false, not 'maybe'", (await v216.DeleteAsync($"/conversations/{kept}?retain_metrics=maybe")).Error(400, "parameter_invalid"));
        Assert.Equal("retain_metrics", (await v216.DeleteAsync($"/conversations/{kept}?retain_metrics=1"))["errors"][0].GetProperty("field").GetString());
        (await Api.GetAsync($"/conversations/{kept}")).Ok(); // nothing was deleted

        foreach (var retain in new[] { "true", "false" })
        {
            var (_, _, id) = await NewConversation();
            Assert.True((await v216.DeleteAsync($"/conversations/{id}?retain_metrics={retain}")).Ok()["deleted"].GetBoolean());
            (await Api.GetAsync($"/conversations/{id}")).Error(404, "not_found");
        }

        // 2.14 and 2.15 have no retain_metrics: like any query parameter the 2.x face does not take, it is ignored.
        (await Api.DeleteAsync($"/conversations/{kept}?retain_metrics=maybe")).Ok();
    }

    [Fact]
    public async Task Redacting_a_part_keeps_it_and_empties_its_words_everywhere()
    {
        var (contact, externalId, id) = await NewConversation("hello");
        var reply = (await Api.PostAsync($"/conversations/{id}/reply", new { message_type = "comment", type = "user", intercom_user_id = contact, body = "my password is hunter2" })).Ok();
        var part = Parts(reply).Single();
        var partId = part.GetProperty("id").GetString()!;
        await Task.Delay(1100); // so the redaction's time is not the reply's

        var redacted = (await Redact(id, partId)).Ok();
        var after = Parts(redacted).Single();
        Assert.Equal((partId, "comment", "user", contact), (after.GetProperty("id").GetString(), after.GetProperty("part_type").GetString(),
            after.GetProperty("author").GetProperty("type").GetString(), after.GetProperty("author").GetProperty("id").GetString()));
        Assert.Equal(Deleted, after.GetProperty("body").GetString());
        Assert.True(after.GetProperty("redacted").GetBoolean());
        Assert.Equal(part.GetProperty("created_at").GetInt64(), after.GetProperty("created_at").GetInt64());
        Assert.True(after.GetProperty("updated_at").GetInt64() > after.GetProperty("created_at").GetInt64());
        Assert.Equal(after.GetProperty("updated_at").GetInt64(), redacted["updated_at"].GetInt64());
        Assert.False(redacted["source"].GetProperty("redacted").GetBoolean()); // only the part named
        Assert.Equal("<p>hello</p>", redacted["source"].GetProperty("body").GetString());

        Assert.Equal(Deleted, Parts((await Api.GetAsync($"/conversations/{id}")).Ok()).Single().GetProperty("body").GetString());
        Assert.Equal("This message was deleted", Parts((await Api.GetAsync($"/conversations/{id}?display_as=plaintext")).Ok()).Single().GetProperty("body").GetString());
        var (_, thread) = await fixture.V1.SendAsync(HttpMethod.Get, $"users/message_threads?user_id={externalId}&thread_id={id}");
        Assert.DoesNotContain("hunter2", thread.GetRawText());
    }

    [Fact]
    public async Task Redacting_the_contacts_source_message_empties_it_and_searches_no_longer_find_its_words()
    {
        var secret = "card" + System.Guid.NewGuid().ToString("N")[..12]; // one word, found by no other test
        var (_, _, id) = await NewConversation($"my card is {secret}");
        var source = (await Api.GetAsync($"/conversations/{id}")).Ok()["source"];
        Assert.Equal(1, await SearchCount(new { field = "source.body", @operator = "~", value = secret }));

        var redacted = (await RedactSource(id, source.GetProperty("id").GetString()!)).Ok();
        var after = redacted["source"];
        Assert.Equal((source.GetProperty("id").GetString(), Deleted, true),
            (after.GetProperty("id").GetString(), after.GetProperty("body").GetString(), after.GetProperty("redacted").GetBoolean()));
        Assert.Equal("customer_initiated", after.GetProperty("delivered_as").GetString());
        Assert.Equal(0, await SearchCount(new { field = "source.body", @operator = "~", value = secret }));
    }

    [Fact]
    public async Task A_redacted_source_keeps_the_url_it_was_sent_from_and_shows_no_attachments()
    {
        // Redaction is of the message (the description: "redact ... the source message"; its redacted part shows the
        // deleted body and attachments: []). The source's url is where the conversation was started, a fact about the
        // conversation that first_contact_reply repeats, not the words redacted, so it stays; attachments are not
        // emulated, so there are none to remove. The words are gone from every read of both faces.
        var externalId = EmulatorFixture.NewId("u");
        (await Api.PostAsync("/contacts", new { email = EmulatorFixture.NewEmail(), external_id = externalId })).Ok();
        const string Url = "https://shop.example.com/checkout";
        var (_, started) = await fixture.V1.SendAsync(HttpMethod.Post, "users/message_threads", new { user_id = externalId, body = "my card is 4242", url = Url });
        var id = started.GetProperty("thread_id").GetInt64().ToString(System.Globalization.CultureInfo.InvariantCulture);
        var source = (await Api.GetAsync($"/conversations/{id}")).Ok()["source"];
        Assert.Equal(Url, source.GetProperty("url").GetString());

        var redacted = (await RedactSource(id, source.GetProperty("id").GetString()!)).Ok();
        var after = redacted["source"];
        Assert.Equal((Deleted, true, Url, 0), (after.GetProperty("body").GetString(), after.GetProperty("redacted").GetBoolean(),
            after.GetProperty("url").GetString(), after.GetProperty("attachments").GetArrayLength()));
        Assert.Equal(Url, redacted["first_contact_reply"].GetProperty("url").GetString());
        Assert.DoesNotContain("4242", (await Api.GetAsync($"/conversations/{id}?display_as=plaintext")).Ok().Text);
        var (_, thread) = await fixture.V1.SendAsync(HttpMethod.Get, $"users/message_threads?user_id={externalId}&thread_id={id}");
        Assert.DoesNotContain("4242", thread.GetRawText());
    }

    [Fact]
    public async Task Redacting_twice_answers_the_conversation_as_the_first_redaction_left_it()
    {
        var (contact, _, id) = await NewConversation();
        var partId = Parts((await Api.PostAsync($"/conversations/{id}/reply", new { message_type = "comment", type = "user", intercom_user_id = contact, body = "oops" })).Ok()).Single().GetProperty("id").GetString()!;
        var first = (await Redact(id, partId)).Ok();
        await Task.Delay(1100);
        var second = (await Redact(id, partId)).Ok();
        Assert.Equal(first["updated_at"].GetInt64(), second["updated_at"].GetInt64()); // nothing changed
        Assert.Equal(Parts(first).Single().GetRawText(), Parts(second).Single().GetRawText());
    }

    [Fact]
    public async Task A_part_without_words_or_a_source_an_admin_wrote_is_not_redactable()
    {
        var (_, _, id) = await NewConversation();
        var me = await Me();
        var closed = (await Api.PostAsync($"/conversations/{id}/parts", new { message_type = "close", type = "admin", admin_id = me })).Ok();
        var close = Parts(closed).Single();
        Assert.Equal(JsonValueKind.Null, close.GetProperty("body").ValueKind);
        Assert.Equal("Part can't be redacted", (await Redact(id, close.GetProperty("id").GetString()!)).Error(400, "conversation_part_not_redactable"));

        // An admin's words are a part with a body: redactable like the contact's.
        var noted = (await Api.PostAsync($"/conversations/{id}/reply", new { message_type = "note", type = "admin", admin_id = me, body = "Customer's SSN is 078-05-1120" })).Ok();
        var note = Parts(noted).Last().GetProperty("id").GetString()!;
        Assert.Equal(Deleted, Parts((await Redact(id, note)).Ok()).Last().GetProperty("body").GetString());

        var to = (await Api.PostAsync("/contacts", new { email = EmulatorFixture.NewEmail() })).Ok()["id"].GetString()!;
        (await Api.PostAsync("/messages", new { message_type = "inapp", body = "Hi from us", from = new { type = "admin", id = me }, to = new { type = "user", id = to }, create_conversation_without_contact_reply = true })).Ok();
        var started = (await Api.PostAsync("/conversations/search", new { query = new { field = "contact_ids", @operator = "=", value = to } })).Ok()["conversations"][0];
        var adminSource = started.GetProperty("source");
        Assert.Equal("admin_initiated", adminSource.GetProperty("delivered_as").GetString());
        Assert.Equal("Part can't be redacted",
            (await RedactSource(started.GetProperty("id").GetString()!, adminSource.GetProperty("id").GetString()!)).Error(400, "conversation_part_not_redactable"));
        Assert.Equal("<p>Hi from us</p>", (await Api.GetAsync($"/conversations/{started.GetProperty("id").GetString()}")).Ok()["source"].GetProperty("body").GetString());
    }

    [Fact]
    public async Task Ids_that_name_no_part_or_source_of_that_conversation_are_the_documented_404()
    {
        var (contact, _, id) = await NewConversation();
        var (_, _, other) = await NewConversation();
        var conversation = (await Api.PostAsync($"/conversations/{id}/reply", new { message_type = "comment", type = "user", intercom_user_id = contact, body = "a part" })).Ok();
        var part = Parts(conversation).Single().GetProperty("id").GetString()!;
        var source = conversation["source"].GetProperty("id").GetString()!;

        foreach (var missing in new[]
        {
            Redact("999999999", part),
            Redact("really_123_doesnt_exist", "really_123_doesnt_exist"),
            Redact(id, "999999999"),
            Redact(other, part), // a part of another conversation
            Redact(id, source), // the source is no part: type source redacts it
            RedactSource(id, part), // a part is no source
            fixture.V2Other.PostAsync("/conversations/redact", new { type = "conversation_part", conversation_id = id, conversation_part_id = part }),
        })
        {
            Assert.Equal("Conversation part or message not found", (await missing).Error(404, "conversation_part_or_message_not_found"));
        }

        Assert.Equal("<p>a part</p>", Parts((await Api.GetAsync($"/conversations/{id}")).Ok()).Single().GetProperty("body").GetString());
    }

    [Fact]
    public async Task Ids_may_be_numbers_and_a_request_missing_a_field_or_of_another_type_is_a_400()
    {
        var (contact, _, id) = await NewConversation();
        var part = Parts((await Api.PostAsync($"/conversations/{id}/reply", new { message_type = "comment", type = "user", intercom_user_id = contact, body = "numbers" })).Ok()).Single().GetProperty("id").GetString()!;

        Assert.Equal("type is a required parameter", (await Api.PostAsync("/conversations/redact", new { conversation_id = id, conversation_part_id = part })).Error(400, "parameter_not_found"));
        Assert.Equal("The type attribute provided should be either 'conversation_part' or 'source'",
            (await Api.PostAsync("/conversations/redact", new { type = "note", conversation_id = id, conversation_part_id = part })).Error(400, "type_mismatch"));
        Assert.Equal("conversation_id is a required parameter", (await Api.PostAsync("/conversations/redact", new { type = "conversation_part", conversation_part_id = part })).Error(400, "parameter_not_found"));
        Assert.Equal("conversation_part_id is a required parameter", (await Api.PostAsync("/conversations/redact", new { type = "conversation_part", conversation_id = id, source_id = part })).Error(400, "parameter_not_found"));
        Assert.Equal("source_id is a required parameter", (await Api.PostAsync("/conversations/redact", new { type = "source", conversation_id = id, conversation_part_id = part })).Error(400, "parameter_not_found"));

        // The description's example sends the ids as numbers.
        var redacted = (await Api.PostAsync("/conversations/redact", new { type = "conversation_part", conversation_id = long.Parse(id), conversation_part_id = long.Parse(part) })).Ok();
        Assert.True(Parts(redacted).Single().GetProperty("redacted").GetBoolean());
    }
}
