using System.Linq;
using System.Threading.Tasks;
using IntercomPS.Testing;
using Xunit;

namespace IntercomPS.Emulator.Tests;

/// <summary>The spec's dummy app: any key, canned data, nothing stored, and the old client's conventions.</summary>
public sealed class DummyAppTests(EmulatorFixture fixture) : IClassFixture<EmulatorFixture>
{
    [Theory]
    [InlineData("dummy-app-id")]
    [InlineData("dummy_app_id")]
    public async Task Both_spellings_take_any_key(string appId)
    {
        var list = (await fixture.For(appId, "anything at all").GetAsync("v1/users?per_page=3")).AssertStatus(200);
        Assert.Equal(3, list["total_count"].GetInt32());
        Assert.Equal("first.user@example.com", list["users"][0].GetProperty("email").GetString());
    }

    [Fact]
    public async Task Somebody_has_a_read_first_thread_and_unread_messages_elsewhere()
    {
        var user = (await fixture.Dummy.GetAsync("v1/users?email=somebody@example.com")).AssertStatus(200);
        Assert.Equal("Somebody", user["name"].GetString());
        Assert.Equal(1, (await fixture.Dummy.PostAsync("v1/users/impressions", new { email = "somebody@example.com" }))["unread_messages"].GetInt32());

        // As the real dummy answered: the first thread is read, and the unread admin answer is in another one.
        var threads = (await fixture.Dummy.GetAsync("v1/users/message_threads?email=somebody@example.com")).AssertStatus(200);
        Assert.Equal(2, threads.Json.GetArrayLength());
        Assert.True(threads.Json[0].GetProperty("read").GetBoolean());
        var unread = threads.Json[1];
        Assert.False(unread.GetProperty("read").GetBoolean());
        Assert.True(unread.GetProperty("messages").EnumerateArray().Last().GetProperty("from").GetProperty("is_admin").GetBoolean());
        var id = unread.GetProperty("thread_id").GetInt64();
        Assert.False((await fixture.Dummy.GetAsync($"v1/users/message_threads?email=somebody@example.com&thread_id={id}")).AssertStatus(200)["read"].GetBoolean());
    }

    [Theory]
    [InlineData("GET", "v1/users?email=not-found@example.com", null)]
    [InlineData("PUT", "v1/users", "{\"email\":\"not-found@example.com\",\"name\":\"x\"}")]
    [InlineData("POST", "v1/users/notes", "{\"email\":\"not-found@example.com\",\"body\":\"x\"}")]
    [InlineData("GET", "v1/users/message_threads?email=not-found@example.com", null)]
    public async Task Not_found_is_404(string method, string path, string? body) =>
        (await fixture.Dummy.SendAsync(new System.Net.Http.HttpMethod(method), path, body)).AssertError(404, "not_found");

    [Fact]
    public async Task Server_error_is_500_server_error()
    {
        (await fixture.Dummy.GetAsync("v1/users?email=server-error@example.com")).AssertError(500, "server_error");
        (await fixture.Dummy.PostAsync("v1/users/impressions", new { email = "server-error@example.com" })).AssertError(500, "server_error");
    }

    [Fact]
    public async Task Writes_are_answered_but_nothing_is_stored()
    {
        var created = (await fixture.Dummy.PostAsync("v1/users", new { email = "kept@example.com", name = "Kept?", custom_data = new { plan = "pro" } })).AssertStatus(201);
        Assert.Equal("Kept?", created["name"].GetString());
        Assert.Equal("pro", created["custom_data"].GetProperty("plan").GetString());
        Assert.NotEqual("Kept?", (await fixture.Dummy.GetAsync("v1/users?email=kept@example.com"))["name"].GetString());
    }

    [Fact]
    public async Task A_note_comes_back_with_paragraph_html_and_its_user()
    {
        var note = (await fixture.Dummy.PostAsync("v1/users/notes", new { email = "somebody@example.com", body = "body" })).AssertStatus(201);
        Assert.Equal("<p>body</p>", note["html"].GetString());
        Assert.Equal("Somebody", note["user"].GetProperty("name").GetString());
    }

    [Fact]
    public async Task Bad_input_is_still_refused()
    {
        (await fixture.Dummy.PostAsync("v1/users", new { name = 5, email = "a@b.c" })).AssertError(400, "bad_request");
        (await fixture.Dummy.PostAsync("v1/tags", new { name = "x", color = "pink" })).AssertError(400, "bad_request");
    }
}
