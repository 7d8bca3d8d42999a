using System.Linq;
using System.Threading.Tasks;
using IntercomPS.Testing;
using Xunit;

namespace IntercomPS.Emulator.Tests;

public sealed class NotesImpressionsThreadsTests(EmulatorFixture fixture) : IClassFixture<EmulatorFixture>
{
    private Api Api => fixture.Api;

    private async Task<string> NewUserAsync()
    {
        var email = EmulatorFixture.NewEmail();
        (await Api.PostAsync("v1/users", new { email, user_id = EmulatorFixture.NewId(), name = "Nora" })).AssertStatus(201);
        return email;
    }

    [Fact]
    public async Task A_note_comes_back_as_escaped_html_paragraphs_with_its_user()
    {
        var email = await NewUserAsync();
        var note = (await Api.PostAsync("v1/users/notes", new { email, body = "Called <about> renewal & price\n\nSecond  para\r\n\r\nthird" })).AssertStatus(201);
        Assert.Equal("<p>Called &lt;about&gt; renewal &amp; price</p>\n\n<p>Second  para</p>\n\n<p>third</p>", note["html"].GetString());
        Assert.Equal(email, note["user"].GetProperty("email").GetString());
        Assert.True(note["created_at"].GetInt64() > 0);
        (await Api.PostAsync("v1/users/notes", new { email = EmulatorFixture.NewEmail(), body = "x" })).AssertError(404, "not_found");
    }

    [Fact]
    public async Task Impressions_count_sessions_and_record_ip_agent_and_time()
    {
        var email = await NewUserAsync();
        var before = System.DateTimeOffset.UtcNow.ToUnixTimeSeconds();
        (await Api.PostAsync("v1/users/impressions", new { email, user_ip = "9.8.7.6", user_agent = "my-app/1.0", current_url = "http://x/y" })).AssertStatus(200);
        var reply = (await Api.PostAsync("v1/users/impressions", new { email, location = new { href = "http://x" } })).AssertStatus(200);
        Assert.Equal(0, reply["unread_messages"].GetInt32());
        var user = (await Api.GetAsync($"v1/users?email={email}"))!;
        Assert.Equal(2, user["session_count"].GetInt32());
        Assert.Equal("9.8.7.6", user["last_seen_ip"].GetString());
        Assert.Equal("my-app/1.0", user["last_seen_user_agent"].GetString());
        Assert.InRange(user["last_impression_at"].GetInt64(), before - 1, before + 5);
        (await Api.PostAsync("v1/users/impressions", new { email = EmulatorFixture.NewEmail() })).AssertError(404, "not_found");
    }

    [Fact]
    public async Task Threads_are_created_replied_listed_and_admin_replies_stay_unread_until_read()
    {
        var email = await NewUserAsync();
        var created = (await Api.PostAsync("v1/users/message_threads", new { email, body = "Hey Intercom, What is up?", url = "http://example.com/a" })).AssertStatus(201);
        var id = created["thread_id"].GetInt64();
        Assert.True(created["read"].GetBoolean());
        Assert.True(created["created_by_user"].GetBoolean());
        Assert.Equal("inbox", created["message_type"].GetString());
        Assert.Equal(System.Text.Json.JsonValueKind.Null, created["updated_at"].ValueKind);
        var first = created["messages"][0];
        Assert.Equal("<p>Hey Intercom, What is up?</p>", first.GetProperty("html").GetString());
        Assert.Equal("http://example.com/a", first.GetProperty("url").GetString());
        Assert.False(first.GetProperty("from").GetProperty("is_admin").GetBoolean());
        Assert.Equal(email, first.GetProperty("from").GetProperty("email").GetString());

        // Two admin replies: both unread for the user.
        for (var i = 0; i < 2; i++)
        {
            var admin = (await fixture.Anonymous.PostAsync("admin/message_threads/reply",
                new { app_id = EmulatorFixture.AppId, email, thread_id = id, body = "Not much, you?" })).AssertStatus(200);
            Assert.False(admin["read"].GetBoolean());
            Assert.True(admin["messages"].EnumerateArray().Last().GetProperty("from").GetProperty("is_admin").GetBoolean());
        }

        Assert.Equal(2, (await Api.PostAsync("v1/users/impressions", new { email }))["unread_messages"].GetInt32());

        var marked = (await Api.PutAsync("v1/users/message_threads", new { email, thread_id = id, read = true })).AssertStatus(200);
        Assert.True(marked["read"].GetBoolean());
        Assert.Equal(0, (await Api.PostAsync("v1/users/impressions", new { email }))["unread_messages"].GetInt32());
        var unmarked = (await Api.PutAsync("v1/users/message_threads", new { email, thread_id = id, read = false })).AssertStatus(200);
        Assert.False(unmarked["read"].GetBoolean());
        Assert.Equal(1, (await Api.PostAsync("v1/users/impressions", new { email }))["unread_messages"].GetInt32());

        // A user reply by PUT, and by POST with thread_id (what the Ruby client did).
        var replied = (await Api.PutAsync("v1/users/message_threads", new { email, thread_id = id, body = "Not much either :(", url = "http://e/u" })).AssertStatus(200);
        Assert.Equal(4, replied["messages"].GetArrayLength());
        Assert.True(replied["read"].GetBoolean());
        Assert.Equal(replied["messages"][3].GetProperty("created_at").GetInt64(), replied["updated_at"].GetInt64());
        var posted = (await Api.PostAsync("v1/users/message_threads", new { email, thread_id = id.ToString(System.Globalization.CultureInfo.InvariantCulture), body = "again" })).AssertStatus(200);
        Assert.Equal(5, posted["messages"].GetArrayLength());

        var second = (await Api.PostAsync("v1/users/message_threads", new { email, body = "other" })).AssertStatus(201);
        var list = (await Api.GetAsync($"v1/users/message_threads?email={email}")).AssertStatus(200);
        Assert.Equal(new[] { id, second["thread_id"].GetInt64() }, list.Json.EnumerateArray().Select(t => t.GetProperty("thread_id").GetInt64()));
        var one = (await Api.GetAsync($"v1/users/message_threads?email={email}&thread_id={id}")).AssertStatus(200);
        Assert.Equal(5, one["messages"].GetArrayLength());
    }

    [Fact]
    public async Task Threads_carry_message_id_and_interrupt_and_the_first_message_a_subject_as_the_real_service_sent()
    {
        // As in the real answers the v1-era official Ruby and Python clients kept as fixtures
        // (spec/integration/fixtures/v1-users-message_thread.json): message_id and interrupt on the thread, not on each message.
        var email = await NewUserAsync();
        var created = (await Api.PostAsync("v1/users/message_threads", new { email, body = "Hello" })).AssertStatus(201);
        var threadId = created["thread_id"].GetInt64();
        await fixture.Anonymous.PostAsync("admin/message_threads/reply", new { app_id = EmulatorFixture.AppId, email, thread_id = threadId, body = "Hi!" });
        var replied = (await Api.PutAsync("v1/users/message_threads", new { email, thread_id = threadId, body = "Thanks" })).AssertStatus(200);
        var other = (await Api.PostAsync("v1/users/message_threads", new { email, body = "Another" })).AssertStatus(201);

        var messageId = created["message_id"].GetInt64();
        Assert.True(messageId > 0);
        Assert.Equal(messageId, replied["message_id"].GetInt64()); // the first message's, whatever came after
        Assert.NotEqual(messageId, other["message_id"].GetInt64());
        Assert.True(replied["interrupt"].GetBoolean());
        var messages = replied["messages"].EnumerateArray().ToList();
        Assert.Equal(3, messages.Count);
        Assert.All(messages, m => Assert.False(m.TryGetProperty("message_id", out _) || m.TryGetProperty("interrupt", out _)));
        Assert.Equal("", messages[0].GetProperty("subject").GetString());
        Assert.All(messages.Skip(1), m => Assert.False(m.TryGetProperty("subject", out _)));

        var dummy = (await fixture.Dummy.GetAsync("v1/users/message_threads?email=ben@intercom.io")).AssertStatus(200);
        Assert.True(dummy.Json[0].GetProperty("message_id").GetInt64() > 0);
        Assert.True(dummy.Json[0].GetProperty("interrupt").GetBoolean());
    }

    [Fact]
    public async Task Another_users_thread_is_not_found()
    {
        var owner = await NewUserAsync();
        var stranger = await NewUserAsync();
        var id = (await Api.PostAsync("v1/users/message_threads", new { email = owner, body = "mine" }))["thread_id"].GetInt64();
        (await Api.GetAsync($"v1/users/message_threads?email={stranger}&thread_id={id}")).AssertError(404, "not_found");
        (await Api.PutAsync("v1/users/message_threads", new { email = stranger, thread_id = id, read = true })).AssertError(404, "not_found");
        (await Api.GetAsync($"v1/users/message_threads?email={owner}&thread_id=999999999")).AssertError(404, "not_found");
    }
}
