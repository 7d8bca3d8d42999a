using System;
using System.Collections.Generic;
using System.Linq;
using System.Net.Http;
using System.Text.Json;
using System.Threading.Tasks;
using IntercomPS.Testing;
using Xunit;

namespace IntercomPS.V2.Tests;

/// <summary>Conversations are v1's message threads: the same id, the same messages, read from either face.</summary>
public class ConversationsTests(EmulatorFixture fixture) : IClassFixture<EmulatorFixture>
{
    private V2Client Api => fixture.V2;

    private async Task<(string Contact, string Email, string Admin)> NewContact()
    {
        var email = EmulatorFixture.NewEmail();
        var contact = (await Api.PostAsync("/contacts", new { email, external_id = EmulatorFixture.NewId("u"), name = "Cora" })).Ok()["id"].GetString()!;
        return (contact, email, (await Api.GetAsync("/me")).Ok()["id"].GetString()!);
    }

    [Theory]
    [InlineData("2.15")]
    [InlineData("2.16")]
    [InlineData("Preview")]
    public async Task From_2_15_a_conversation_reply_takes_skip_notifications(string version)
    {
        // 2.15's reply_conversation_request adds skip_notifications (2.14 has it on ticket replies only): it was named
        // as an unknown field in every version. The emulator sends no notifications, so it is checked and changes nothing.
        var (contact, _, admin) = await NewContact();
        var id = (await Api.PostAsync("/conversations", new { from = new { type = "user", id = contact }, body = "Hello" })).Ok()["conversation_id"].GetString();
        var api = Api.WithVersion(version);
        var replied = (await api.PostAsync($"/conversations/{id}/reply", new { message_type = "comment", type = "admin", admin_id = admin, body = "Hi", skip_notifications = true })).Ok();
        Assert.Null(replied.Header("X-Emulator-Warning"));
        var bad = await api.PostAsync($"/conversations/{id}/reply", new { message_type = "comment", type = "admin", admin_id = admin, body = "Lost", skip_notifications = "yes" });
        Assert.Equal(400, bad.Status);
        Assert.Contains("skip_notifications must be a boolean, not a string", bad.Text);

        var old = await Api.PostAsync($"/conversations/{id}/reply", new { message_type = "comment", type = "admin", admin_id = admin, body = "Old", skip_notifications = true });
        Assert.StartsWith("ignored unknown field 'skip_notifications'; ", old.Ok().Header("X-Emulator-Warning"));
        var parts = (await Api.GetAsync($"/conversations/{id}")).Ok()["conversation_parts"].GetProperty("conversation_parts").EnumerateArray().Select(p => p.GetProperty("body").GetString()).ToList();
        Assert.DoesNotContain("Lost", parts);
    }

    [Theory]
    [InlineData("2.11")]
    [InlineData("2.13")]
    public async Task Before_2_14_a_conversation_reply_names_reply_options_as_an_unknown_field(string version)
    {
        // 2.11's reply_conversation_request has no reply_options (2.14 adds them): named as any unknown field, and the reply is made.
        var (contact, _, admin) = await NewContact();
        var id = (await Api.PostAsync("/conversations", new { from = new { type = "user", id = contact }, body = "Hello" })).Ok()["conversation_id"].GetString();
        var options = new[] { new { text = "Yes", uuid = "22d6d1f4-1a19-41d0-94c2-e54031f78aca" } };
        var old = await Api.WithVersion(version).PostAsync($"/conversations/{id}/reply", new { message_type = "comment", type = "admin", admin_id = admin, body = "Old", reply_options = options });
        old.Ok();
        Assert.Equal($"ignored unknown field 'reply_options'; POST /conversations/{id}/reply takes admin_id, attachment_files, attachment_urls, body, created_at, email, " +
            "intercom_user_id, message_type, type, user_id", old.Header("X-Emulator-Warning"));

        var current = await Api.PostAsync($"/conversations/{id}/reply", new { message_type = "comment", type = "admin", admin_id = admin, body = "New", reply_options = options });
        current.Ok();
        Assert.Null(current.Header("X-Emulator-Warning"));
        var parts = (await Api.GetAsync($"/conversations/{id}")).Ok()["conversation_parts"].GetProperty("conversation_parts").EnumerateArray().Select(p => p.GetProperty("body").GetString()).ToList();
        Assert.Equal(["<p>Old</p>", "<p>New</p>"], parts.TakeLast(2));
    }

    [Fact]
    public async Task A_contact_starts_a_conversation_and_admin_and_contact_reply()
    {
        var (contact, email, admin) = await NewContact();
        var message = (await Api.PostAsync("/conversations", new { from = new { type = "user", id = contact }, body = "Hello, I need help" })).Ok();
        Assert.Equal("user_message", message["type"].GetString());
        Assert.Equal("Hello, I need help", message["body"].GetString()); // the body as sent, as the description's example answers
        var id = message["conversation_id"].GetString();

        var replied = (await Api.PostAsync($"/conversations/{id}/reply", new { message_type = "comment", type = "admin", admin_id = admin, body = "Happy to help" })).Ok();
        Assert.False(replied["read"].GetBoolean()); // the admin's reply is unread for the contact
        (await Api.PostAsync($"/conversations/{id}/reply", new { message_type = "comment", type = "user", email, body = "Thanks!" })).Ok();

        var conversation = (await Api.GetAsync($"/conversations/{id}")).Ok();
        Assert.Equal("<p>Hello, I need help</p>", conversation["source"].GetProperty("body").GetString());
        Assert.Equal(contact, conversation["source"].GetProperty("author").GetProperty("id").GetString());
        var parts = conversation["conversation_parts"].GetProperty("conversation_parts").EnumerateArray().ToList();
        Assert.Equal(["admin", "user"], parts.Select(p => p.GetProperty("author").GetProperty("type").GetString()));
        Assert.Equal("<p>Thanks!</p>", parts[1].GetProperty("body").GetString());
        Assert.True(conversation["read"].GetBoolean()); // the contact replying has read it
        Assert.Equal(contact, conversation["contacts"].GetProperty("contacts")[0].GetProperty("id").GetString());
    }

    [Fact]
    public async Task Waiting_since_is_when_the_contact_began_waiting_and_null_once_an_admin_replies()
    {
        // 2.14: "The last time a Contact responded to an Admin. In other words, the time a customer started waiting
        // for a response. Set to null if last reply is from an Admin." It was always null.
        var (contact, email, admin) = await NewContact();
        var id = (await Api.PostAsync("/conversations", new { from = new { type = "user", id = contact }, body = "Hello?" })).Ok()["conversation_id"].GetString();
        var started = (await Api.GetAsync($"/conversations/{id}")).Ok();
        Assert.Equal(started["created_at"].GetInt64(), started["waiting_since"].GetInt64());

        Assert.Equal(System.Text.Json.JsonValueKind.Null,
            (await Api.PostAsync($"/conversations/{id}/reply", new { message_type = "comment", type = "admin", admin_id = admin, body = "Hi" })).Ok()["waiting_since"].ValueKind);
        (await Api.PostAsync($"/conversations/{id}/reply", new { message_type = "note", type = "admin", admin_id = admin, body = "internal" })).Ok();
        Assert.Equal(System.Text.Json.JsonValueKind.Null, (await Api.GetAsync($"/conversations/{id}")).Ok()["waiting_since"].ValueKind); // a note is no reply

        (await Api.PostAsync($"/conversations/{id}/reply", new { message_type = "comment", type = "user", email, body = "Still there?" })).Ok();
        await Task.Delay(1100); // the next reply in a later second: waiting began with the first, not the latest
        var waiting = (await Api.PostAsync($"/conversations/{id}/reply", new { message_type = "comment", type = "user", email, body = "Hello??" })).Ok();
        var parts = waiting["conversation_parts"].GetProperty("conversation_parts").EnumerateArray().ToList();
        Assert.Equal(parts[2].GetProperty("created_at").GetInt64(), waiting["waiting_since"].GetInt64());
        Assert.NotEqual(parts[3].GetProperty("created_at").GetInt64(), waiting["waiting_since"].GetInt64());
        var listed = (await Api.PostAsync("/conversations/search", new { query = new { field = "id", @operator = "=", value = id } })).Ok();
        Assert.Equal(waiting["waiting_since"].GetInt64(), listed["conversations"][0].GetProperty("waiting_since").GetInt64());

        Assert.Equal(System.Text.Json.JsonValueKind.Null,
            (await Api.PostAsync($"/conversations/{id}/reply", new { message_type = "comment", type = "admin", admin_id = admin, body = "Yes" })).Ok()["waiting_since"].ValueKind);
    }

    [Fact]
    public async Task Waiting_since_is_searched_as_the_answers_give_it()
    {
        // 2.14 lists waiting_since among the searchable fields, a date as created_at and snoozed_until are: it was a 400.
        var (contact, _, admin) = await NewContact();
        async Task<string> Start(string body) => (await Api.PostAsync("/conversations", new { from = new { type = "user", id = contact }, body })).Ok()["conversation_id"].GetString()!;
        string[] ids = [await Start("waiting"), await Start("answered"), await Start("noted"), await Start("closed")];
        (await Api.PostAsync($"/conversations/{ids[1]}/reply", new { message_type = "comment", type = "admin", admin_id = admin, body = "Hi" })).Ok();
        (await Api.PostAsync($"/conversations/{ids[2]}/reply", new { message_type = "note", type = "admin", admin_id = admin, body = "internal" })).Ok(); // no reply
        (await Api.PostAsync($"/conversations/{ids[3]}/parts", new { message_type = "close", type = "admin", admin_id = admin, body = "Solved" })).Ok(); // a reply
        var answered = new long?[ids.Length];
        for (var i = 0; i < ids.Length; i++)
        {
            var since = (await Api.GetAsync($"/conversations/{ids[i]}")).Ok()["waiting_since"];
            answered[i] = since.ValueKind == System.Text.Json.JsonValueKind.Null ? null : since.GetInt64();
        }

        Assert.Equal([true, false, true, false], answered.Select(a => a.HasValue));
        async Task<string[]> Search(string op, long value) =>
            [.. (await Api.PostAsync("/conversations/search", new { query = new { @operator = "AND", value = new object[] { new { field = "contact_ids", @operator = "=", value = contact }, new { field = "waiting_since", @operator = op, value } } } }))
                .Ok()["conversations"].EnumerateArray().Select(c => c.GetProperty("id").GetString()!)];
        var first = answered[0]!.Value;
        foreach (var (op, value) in new[] { ("=", first), (">", first - 1), ("<", first + 1), (">", first), ("<", first) })
        {
            var expected = ids.Where((_, i) => answered[i] is { } since && op switch { "=" => since == value, ">" => since > value, _ => since < value });
            Assert.Equal(expected, await Search(op, value));
        }

        Assert.Contains("not supported for waiting_since", (await Api.PostAsync("/conversations/search",
            new { query = new { field = "waiting_since", @operator = "!=", value = first } })).Error(400, "parameter_invalid"), System.StringComparison.Ordinal);

        // Sorted by it too, a page at a time by the keyset cursor: each conversation once, those no one waits on last.
        var walked = new System.Collections.Generic.List<string>();
        string? cursor = null;
        do
        {
            var page = (await Api.PostAsync("/conversations/search", new
            {
                query = new { field = "contact_ids", @operator = "=", value = contact },
                sort = new { field = "waiting_since", order = "descending" },
                pagination = cursor is null ? (object)new { per_page = 1 } : new { per_page = 1, starting_after = cursor },
            })).Ok();
            walked.AddRange(page["conversations"].EnumerateArray().Select(c => c.GetProperty("id").GetString()!));
            cursor = page["pages"].TryGetProperty("next", out var next) ? next.GetProperty("starting_after").GetString() : null;
        }
        while (cursor is not null);
        Assert.Equal(ids.Order(), walked.Order());
        Assert.Equal(new[] { ids[1], ids[3] }.Order(), walked.TakeLast(2).Order());
    }

    [Fact]
    public async Task Display_as_plaintext_gives_bodies_as_plain_text_and_html_stays_the_default()
    {
        var (contact, _, admin) = await NewContact();
        var id = (await Api.PostAsync("/conversations", new { from = new { type = "user", id = contact }, body = "Is 2 < 3 & \"x\" 'y'?\n\nSecond paragraph" })).Ok()["conversation_id"].GetString();
        (await Api.PostAsync($"/conversations/{id}/reply", new { message_type = "comment", type = "admin", admin_id = admin, body = "Yes." })).Ok();

        foreach (var plain in new[] { (await Api.GetAsync($"/conversations/{id}?display_as=plaintext")).Ok(), (await Api.PutAsync($"/conversations/{id}?display_as=plaintext", new { read = true })).Ok() })
        {
            Assert.Equal("Is 2 < 3 & \"x\" 'y'?\n\nSecond paragraph", plain["source"].GetProperty("body").GetString());
            Assert.Equal("Yes.", plain["conversation_parts"].GetProperty("conversation_parts")[0].GetProperty("body").GetString());
        }

        var html = (await Api.GetAsync($"/conversations/{id}")).Ok();
        Assert.Equal("<p>Is 2 &lt; 3 &amp; &quot;x&quot; &#39;y&#39;?</p>\n\n<p>Second paragraph</p>", html["source"].GetProperty("body").GetString());
        Assert.Equal("<p>Yes.</p>", html["conversation_parts"].GetProperty("conversation_parts")[0].GetProperty("body").GetString());
    }

    [Fact]
    public async Task A_user_replies_to_last_their_newest_conversation()
    {
        var (contact, _, admin) = await NewContact();
        (await Api.PostAsync("/conversations/last/reply", new { message_type = "comment", type = "user", intercom_user_id = contact, body = "Anyone?" })).Error(404, "not_found");
        (await Api.PostAsync("/conversations", new { from = new { type = "user", id = contact }, body = "first" })).Ok();
        var newest = (await Api.PostAsync("/conversations", new { from = new { type = "user", id = contact }, body = "second" })).Ok()["conversation_id"].GetString();
        (await Api.PostAsync("/conversations", new { from = new { type = "user", id = (await NewContact()).Contact }, body = "someone else's" })).Ok();

        var replied = (await Api.PostAsync("/conversations/last/reply", new { message_type = "comment", type = "user", intercom_user_id = contact, body = "Thanks again :)" })).Ok();
        Assert.Equal(newest, replied["id"].GetString());
        Assert.Equal("<p>Thanks again :)</p>", replied["conversation_parts"].GetProperty("conversation_parts")[0].GetProperty("body").GetString());
        var message = (await Api.PostAsync("/conversations/last/reply", new { message_type = "comment", type = "admin", admin_id = admin, body = "Hi" })).Error(400, "parameter_invalid");
        Assert.Contains("type user", message, System.StringComparison.Ordinal);
    }

    [Fact]
    public async Task Close_snooze_open_and_read()
    {
        var (contact, _, admin) = await NewContact();
        var id = (await Api.PostAsync("/conversations", new { from = new { type = "user", id = contact }, body = "hi" })).Ok()["conversation_id"].GetString();
        var closed = (await Api.PostAsync($"/conversations/{id}/parts", new { message_type = "close", type = "admin", admin_id = admin, body = "Closing" })).Ok();
        Assert.Equal("closed", closed["state"].GetString());
        Assert.False(closed["open"].GetBoolean());
        var snoozed = (await Api.PostAsync($"/conversations/{id}/parts", new { message_type = "snoozed", admin_id = admin, snoozed_until = 1900000000 })).Ok();
        Assert.Equal("snoozed", snoozed["state"].GetString());
        Assert.Equal(1900000000, snoozed["snoozed_until"].GetInt64());
        Assert.Equal("open", (await Api.PostAsync($"/conversations/{id}/parts", new { message_type = "open", admin_id = admin })).Ok()["state"].GetString());
        Assert.True((await Api.PutAsync($"/conversations/{id}", new { read = true })).Ok()["read"].GetBoolean());
        (await Api.PostAsync($"/conversations/{id}/parts", new { message_type = "close", type = "admin", admin_id = "1" })).Error(404, "admin_not_found");
        (await Api.PostAsync($"/conversations/{id}/parts", new { message_type = "snoozed", admin_id = admin })).Error(400, "parameter_invalid");
    }

    [Fact]
    public async Task Marking_a_conversation_unread_leaves_unseen_only_a_message_the_user_sees_never_a_close_or_a_note()
    {
        // Unread means an admin's message waits for the user: a close without words, or a note, is none, so v1's unread
        // count of the same thread stays at what the user really has to read.
        var (contact, email, admin) = await NewContact();
        var id = (await Api.PostAsync("/conversations", new { from = new { type = "user", id = contact }, body = "hi" })).Ok()["conversation_id"].GetString();
        (await Api.PostAsync($"/conversations/{id}/reply", new { message_type = "note", type = "admin", admin_id = admin, body = "Internal" })).Ok();
        (await Api.PostAsync($"/conversations/{id}/parts", new { message_type = "close", type = "admin", admin_id = admin })).Ok();
        Assert.False((await Api.PutAsync($"/conversations/{id}", new { read = false })).Ok()["read"].GetBoolean());
        var (_, nothing) = await fixture.V1.SendAsync(HttpMethod.Post, "users/impressions", new { email });
        Assert.Equal(0, nothing.GetProperty("unread_messages").GetInt32());

        (await Api.PostAsync($"/conversations/{id}/reply", new { message_type = "comment", type = "admin", admin_id = admin, body = "Fixed" })).Ok();
        (await Api.PutAsync($"/conversations/{id}", new { read = true })).Ok();
        (await Api.PostAsync($"/conversations/{id}/parts", new { message_type = "close", type = "admin", admin_id = admin })).Ok();
        (await Api.PutAsync($"/conversations/{id}", new { read = false })).Ok();
        var (_, one) = await fixture.V1.SendAsync(HttpMethod.Post, "users/impressions", new { email });
        Assert.Equal(1, one.GetProperty("unread_messages").GetInt32()); // the reply, not the close after it
    }

    [Fact]
    public async Task A_conversation_keeps_its_title_and_custom_attributes_merged_key_by_key_and_a_body_without_either_or_read_is_refused()
    {
        var (contact, _, _) = await NewContact();
        var id = (await Api.PostAsync("/conversations", new { from = new { type = "user", id = contact }, body = "hi" })).Ok()["conversation_id"].GetString();
        var before = (await Api.GetAsync($"/conversations/{id}")).Ok();
        Assert.Equal(JsonValueKind.Null, before["title"].ValueKind);

        var set = (await Api.PutAsync($"/conversations/{id}", new { title = "Invoice", custom_attributes = new { issue_type = "Billing", priority = 2 } })).Ok();
        Assert.Equal("Invoice", set["title"].GetString());
        Assert.Equal("""{"issue_type":"Billing","priority":2}""", set["custom_attributes"].GetRawText());
        Assert.Equal(before["read"].GetBoolean(), set["read"].GetBoolean()); // read is left as it was

        var merged = (await Api.PutAsync($"/conversations/{id}", new { read = false, custom_attributes = new { priority = 3, vip = true } })).Ok();
        Assert.Equal("Invoice", merged["title"].GetString());
        Assert.Equal("""{"issue_type":"Billing","priority":3,"vip":true}""", merged["custom_attributes"].GetRawText());
        Assert.False(merged["read"].GetBoolean());

        var untitled = (await Api.PutAsync($"/conversations/{id}", new { title = "" })).Ok();
        Assert.Equal(JsonValueKind.Null, untitled["title"].ValueKind);
        var stored = (await Api.GetAsync($"/conversations/{id}")).Ok();
        Assert.Equal(JsonValueKind.Null, stored["title"].ValueKind);
        Assert.Equal("""{"issue_type":"Billing","priority":3,"vip":true}""", stored["custom_attributes"].GetRawText());

        Assert.Equal("give read (true or false), title or custom_attributes",
            (await Api.PutAsync($"/conversations/{id}", new { })).Error(400, "parameter_invalid"));
        Assert.Equal("custom_attributes.order must be a string, number, boolean or null, not an array (custom objects are not emulated)",
            (await Api.PutAsync($"/conversations/{id}", new { custom_attributes = new { order = new[] { "21" } } })).Error(400, "parameter_invalid"));
        Assert.Equal("company_id on conversations is not emulated",
            (await Api.PutAsync($"/conversations/{id}", new { company_id = "c1" })).Error(400, "parameter_invalid"));
        (await Api.PutAsync("/conversations/999999999", new { title = "x" })).Error(404, "not_found");
        Assert.Equal("""{"issue_type":"Billing","priority":3,"vip":true}""", (await Api.GetAsync($"/conversations/{id}")).Ok()["custom_attributes"].GetRawText());
    }

    [Fact]
    public async Task A_null_read_title_or_custom_attributes_is_refused_by_its_name_and_changes_nothing()
    {
        // The description types title as a string, read as a boolean and custom_attributes as an object, none nullable
        // (company_id says "Set to nil to remove company"; title does not). {"title": null} was read as no field at all
        // and blamed read ("give read ..."); beside read it was dropped silently and the title stayed.
        var (contact, _, _) = await NewContact();
        var id = (await Api.PostAsync("/conversations", new { from = new { type = "user", id = contact }, body = "hi" })).Ok()["conversation_id"].GetString();
        (await Api.PutAsync($"/conversations/{id}", new { title = "Invoice", read = false })).Ok();

        foreach (var (body, field, message) in new (string, string, string)[]
        {
            ("""{"title":null}""", "title", "title must be a string (an empty one removes the title), not null"),
            ("""{"title":null,"read":true}""", "title", "title must be a string (an empty one removes the title), not null"),
            ("""{"read":null,"title":"Other"}""", "read", "read must be true or false, not null"),
            ("""{"custom_attributes":null,"read":true}""", "custom_attributes", "custom_attributes must be an object, not null"),
        })
        {
            var refused = await Api.PutAsync($"/conversations/{id}", body);
            Assert.Equal(message, refused.Error(400, "parameter_invalid"));
            Assert.Equal(field, refused["errors"][0].GetProperty("field").GetString());
        }

        var kept = (await Api.GetAsync($"/conversations/{id}")).Ok();
        Assert.Equal(("Invoice", false), (kept["title"].GetString(), kept["read"].GetBoolean()));
        Assert.Equal(JsonValueKind.Null, (await Api.PutAsync($"/conversations/{id}", new { title = "" })).Ok()["title"].ValueKind); // "" removes it
    }

    [Theory]
    [InlineData(true, "Closing")]
    [InlineData(true, null)]
    [InlineData(false, "Closing")]
    [InlineData(false, null)]
    public async Task An_admin_closing_a_conversation_leaves_its_read_state_as_it_was(bool read, string? body)
    {
        // The description's PUT example reads a closed conversation as read: true, and the official SDK's tests mark
        // a conversation read and then close it: closing is a state change, not a message the contact has to read.
        var (contact, email, admin) = await NewContact();
        var id = (await Api.PostAsync("/conversations", new { from = new { type = "user", id = contact }, body = "hi" })).Ok()["conversation_id"].GetString();
        Assert.Equal(read, (await Api.PutAsync($"/conversations/{id}", new { read })).Ok()["read"].GetBoolean());
        var closed = (await Api.PostAsync($"/conversations/{id}/parts", body is null
            ? new { message_type = "close", type = "admin", admin_id = admin }
            : (object)new { message_type = "close", type = "admin", admin_id = admin, body })).Ok();
        Assert.Equal("closed", closed["state"].GetString());
        Assert.Equal(read, closed["read"].GetBoolean());
        Assert.Equal(read, (await Api.GetAsync($"/conversations/{id}")).Ok()["read"].GetBoolean());
        var (_, thread) = await fixture.V1.SendAsync(HttpMethod.Get, $"users/message_threads?email={email}&thread_id={id}");
        Assert.Equal(read, thread.GetProperty("read").GetBoolean()); // the v1 thread of the same data agrees
    }

    [Fact]
    public async Task List_and_search_conversations()
    {
        var (contact, _, admin) = await NewContact();
        var a = (await Api.PostAsync("/conversations", new { from = new { type = "user", id = contact }, body = "one" })).Ok()["conversation_id"].GetString();
        var b = (await Api.PostAsync("/conversations", new { from = new { type = "user", id = contact }, body = "two" })).Ok()["conversation_id"].GetString();
        (await Api.PostAsync($"/conversations/{b}/parts", new { message_type = "close", type = "admin", admin_id = admin })).Ok();
        var list = (await Api.GetAsync("/conversations?per_page=150")).Ok();
        Assert.Contains(list["conversations"].EnumerateArray(), c => c.GetProperty("id").GetString() == a);

        var query = new { @operator = "AND", value = new object[] { new { field = "contact_ids", @operator = "=", value = contact }, new { field = "state", @operator = "=", value = "closed" } } };
        var found = (await Api.PostAsync("/conversations/search", new { query })).Ok();
        Assert.Equal([b], found["conversations"].EnumerateArray().Select(c => c.GetProperty("id").GetString()));

        // contact_ids is a String in the description, so it takes the string operators too
        var byPrefix = new { @operator = "AND", value = new object[] { new { field = "contact_ids", @operator = "^", value = contact }, new { field = "state", @operator = "!=", value = "closed" } } };
        var open = (await Api.PostAsync("/conversations/search", new { query = byPrefix })).Ok();
        Assert.Equal([a], open["conversations"].EnumerateArray().Select(c => c.GetProperty("id").GetString()));
    }

    [Theory]
    [InlineData("=", "support", "need,great")] // a word of the body, not the whole body
    [InlineData("=", "SUPPORT", "need,great")]
    [InlineData("=", "need support", "")] // two words are no one word
    [InlineData("!=", "support", "supportive")]
    [InlineData("~", "port", "need,great,supportive")]
    [InlineData("!~", "great", "need,supportive")]
    [InlineData("^", "supp", "need,great,supportive")]
    [InlineData("$", "ive", "supportive")]
    [InlineData("IN", "need|great", "need,great")]
    [InlineData("NIN", "need|great", "supportive")]
    public async Task Source_body_is_searched_word_by_word(string op, string value, string expected)
    {
        var (contact, _, admin) = await NewContact();
        var ids = new Dictionary<string, string>();
        foreach (var (key, body) in new[] { ("need", "I need support"), ("great", "Support is <great>!\n\nThanks"), ("supportive", "Such supportive words") })
        {
            ids[(await Api.PostAsync("/conversations", new { from = new { type = "user", id = contact }, body })).Ok()["conversation_id"].GetString()!] = key;
        }

        (await Api.PostAsync($"/conversations/{ids.Keys.First()}/reply", new { message_type = "comment", type = "admin", admin_id = admin, body = "supportive reply" })).Ok(); // parts are not the source
        object filter = op is "IN" or "NIN" ? new { field = "source.body", @operator = op, value = value.Split('|') } : new { field = "source.body", @operator = op, value };
        var query = new { @operator = "AND", value = new[] { new { field = "contact_ids", @operator = "=", value = (object)contact }, filter } };
        var found = (await Api.PostAsync("/conversations/search", new { query })).Ok()["conversations"].EnumerateArray().Select(c => ids[c.GetProperty("id").GetString()!]);
        Assert.Equal(expected.Split(',', StringSplitOptions.RemoveEmptyEntries), found);
    }

    [Fact]
    public async Task A_source_body_search_that_cannot_work_is_a_400()
    {
        Assert.Contains("query.value for source.body must be a string", (await Api.PostAsync("/conversations/search", new { query = new { field = "source.body", @operator = "=", value = 5 } })).Error(400, "parameter_invalid"));
        Assert.Contains("operator '>' is not supported for source.body", (await Api.PostAsync("/conversations/search", new { query = new { field = "source.body", @operator = ">", value = "a" } })).Error(400, "parameter_invalid"));
        Assert.Contains("sort.field 'source.body'", (await Api.PostAsync("/conversations/search", new { query = new { field = "open", @operator = "=", value = true }, sort = new { field = "source.body", order = "ascending" } })).Error(400, "parameter_invalid"));
    }

    [Fact]
    public async Task The_conversation_id_is_searched_as_the_string_the_description_types_it()
    {
        var (contact, _, _) = await NewContact();
        var ids = new List<string>();
        for (var i = 0; i < 3; i++)
        {
            ids.Add((await Api.PostAsync("/conversations", new { from = new { type = "user", id = contact }, body = $"n{i}" })).Ok()["conversation_id"].GetString()!);
        }

        async Task<string[]> Search(object filter, object? sort = null)
        {
            var query = new { @operator = "AND", value = new[] { new { field = "contact_ids", @operator = "=", value = (object)contact }, filter } };
            var answer = (await Api.PostAsync("/conversations/search", sort is null ? new { query } : new { query, sort })).Ok();
            return answer["conversations"].EnumerateArray().Select(c => c.GetProperty("id").GetString()!).ToArray();
        }

        Assert.Equal([ids[1]], await Search(new { field = "id", @operator = "=", value = (object)ids[1] }));
        Assert.Equal([ids[0], ids[2]], await Search(new { field = "id", @operator = "IN", value = (object)new[] { ids[2], ids[0] } }));
        Assert.Equal([ids[0], ids[2]], await Search(new { field = "id", @operator = "!=", value = (object)ids[1] }));
        Assert.Equal([ids[2]], await Search(new { field = "id", @operator = "$", value = (object)ids[2] }));
        Assert.Equal([ids[2], ids[1], ids[0]], await Search(new { field = "id", @operator = "!=", value = (object)"none" }, new { field = "id", order = "descending" }));

        // A number is not the String the description asks for; nor is an integer-only operator allowed.
        var query = new { field = "id", @operator = "=", value = long.Parse(ids[0], System.Globalization.CultureInfo.InvariantCulture) };
        Assert.Contains("must be a string", (await Api.PostAsync("/conversations/search", new { query })).Error(400, "parameter_invalid"));
        var greater = new { field = "id", @operator = ">", value = ids[0] };
        Assert.Contains("not supported for id (string)", (await Api.PostAsync("/conversations/search", new { query = greater })).Error(400, "parameter_invalid"));
    }

    [Fact]
    public async Task The_v1_thread_of_the_same_data_reads_the_same()
    {
        var (contact, email, admin) = await NewContact();
        var id = (await Api.PostAsync("/conversations", new { from = new { type = "user", id = contact }, body = "from 2.14" })).Ok()["conversation_id"].GetString();
        (await Api.PostAsync($"/conversations/{id}/reply", new { message_type = "comment", type = "admin", admin_id = admin, body = "admin answer" })).Ok();

        var (status, thread) = await fixture.V1.SendAsync(HttpMethod.Get, $"users/message_threads?email={email}&thread_id={id}");
        Assert.Equal(200, status);
        Assert.Equal(long.Parse(id!, System.Globalization.CultureInfo.InvariantCulture), thread.GetProperty("thread_id").GetInt64());
        Assert.Equal(["<p>from 2.14</p>", "<p>admin answer</p>"], thread.GetProperty("messages").EnumerateArray().Select(m => m.GetProperty("html").GetString()));

        // The user replies on v1; 2.14 sees the part.
        await fixture.V1.SendAsync(HttpMethod.Put, "users/message_threads", new { email, thread_id = long.Parse(id!, System.Globalization.CultureInfo.InvariantCulture), body = "v1 reply" });
        var parts = (await Api.GetAsync($"/conversations/{id}")).Ok()["conversation_parts"].GetProperty("conversation_parts");
        Assert.Equal("<p>v1 reply</p>", parts[parts.GetArrayLength() - 1].GetProperty("body").GetString());
    }

    [Theory]
    [InlineData("""{"body":"x"}""")]
    [InlineData("""{"from":{"type":"bot","id":"x"},"body":"x"}""")]
    [InlineData("""{"from":{"type":"user"},"body":"x"}""")]
    public async Task Bad_conversation_input_is_a_400(string body)
    {
        (await Api.PostAsync("/conversations", body)).Error(400, "parameter_invalid");
    }
}
