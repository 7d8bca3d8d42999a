using System.Linq;
using System.Net.Http;
using System.Text.Json;
using System.Threading.Tasks;
using IntercomPS.Testing;
using Xunit;

namespace IntercomPS.V2.Tests;

/// <summary>
/// POST /contacts/{id}/block: the description's contact_blocked answer, its conversations "archived", which here is
/// closed (a conversation has no other state for it), by a close part of the app's admin; a repeat answers the same
/// and closes what was opened since; an unknown contact is the contact 404; the versions before 2.13 lack it; the v1
/// face is unchanged. Every answer is also judged against the description by <see cref="V2Client"/>.
/// </summary>
public class BlockTests(EmulatorFixture fixture) : IClassFixture<EmulatorFixture>
{
    private V2Client Api => fixture.V2;

    private async Task<string> Me() => (await Api.GetAsync("/me")).Ok()["id"].GetString()!;

    private async Task<string> Conversation(string contact, string body) =>
        (await Api.PostAsync("/conversations", new { from = new { type = "user", id = contact }, body })).Ok()["conversation_id"].GetString()!;

    private async Task<Reply> Read(string conversation) => (await Api.GetAsync($"/conversations/{conversation}")).Ok();

    private static string[] PartTypes(Reply conversation) =>
        [.. conversation["conversation_parts"].GetProperty("conversation_parts").EnumerateArray().Select(p => p.GetProperty("part_type").GetString()!)];

    [Fact]
    public async Task Blocking_answers_the_blocked_reference_and_closes_every_conversation_not_closed_yet()
    {
        var me = await Me();
        var email = EmulatorFixture.NewEmail();
        var externalId = EmulatorFixture.NewId("b");
        var contact = (await Api.PostAsync("/contacts", new { email, external_id = externalId, name = "Spammer" })).Ok()["id"].GetString()!;
        var open = await Conversation(contact, "buy now");
        var snoozed = await Conversation(contact, "cheap pills");
        (await Api.PostAsync($"/conversations/{snoozed}/parts", new { message_type = "snoozed", admin_id = me, snoozed_until = 1900000000 })).Ok();
        var closed = await Conversation(contact, "old spam");
        (await Api.PostAsync($"/conversations/{closed}/parts", new { message_type = "close", type = "admin", admin_id = me })).Ok();
        var otherContact = (await Api.PostAsync("/contacts", new { email = EmulatorFixture.NewEmail() })).Ok()["id"].GetString()!;
        var others = await Conversation(otherContact, "a real question");
        var before = (await Api.GetAsync($"/contacts/{contact}")).Ok();
        var readBefore = (await Read(open))["read"].GetBoolean();

        var blocked = (await Api.PostAsync($"/contacts/{contact}/block")).Ok();
        Assert.Equal(["id", "external_id", "type", "blocked"], blocked.Json.EnumerateObject().Select(p => p.Name));
        Assert.Equal(contact, blocked["id"].GetString());
        Assert.Equal(externalId, blocked["external_id"].GetString());
        Assert.Equal("contact", blocked["type"].GetString());
        Assert.True(blocked["blocked"].GetBoolean());

        foreach (var id in new[] { open, snoozed })
        {
            var conversation = await Read(id);
            Assert.Equal("closed", conversation["state"].GetString());
            Assert.False(conversation["open"].GetBoolean());
            Assert.Equal(JsonValueKind.Null, conversation["snoozed_until"].ValueKind);
            var close = conversation["conversation_parts"].GetProperty("conversation_parts").EnumerateArray().Last();
            Assert.Equal("close", close.GetProperty("part_type").GetString());
            Assert.Equal(me, close.GetProperty("author").GetProperty("id").GetString()); // the admin whose token blocked
        }

        Assert.Equal(readBefore, (await Read(open))["read"].GetBoolean()); // a close is no message the contact must read
        Assert.Equal(["snoozed", "close"], PartTypes(await Read(snoozed)));
        Assert.Equal(["close"], PartTypes(await Read(closed))); // already closed: no second close
        Assert.Equal("open", (await Read(others))["state"].GetString());

        // The contact itself is as it was: its schema has no blocked field, and it is still read, listed and searched.
        var after = (await Api.GetAsync($"/contacts/{contact}")).Ok();
        Assert.False(after.Json.TryGetProperty("blocked", out _));
        Assert.Equal(before.Text, after.Text);
        var found = (await Api.PostAsync("/contacts/search", new { query = new { field = "email", @operator = "=", value = email } })).Ok();
        Assert.Equal(1, found["total_count"].GetInt32());
    }

    [Fact]
    public async Task Blocking_again_answers_the_same_and_closes_only_what_was_opened_since()
    {
        var email = EmulatorFixture.NewEmail();
        var contact = (await Api.PostAsync("/contacts", new { email, role = "lead" })).Ok()["id"].GetString()!; // a lead is a contact too
        var conversation = await Conversation(contact, "spam");
        (await Api.PostAsync($"/contacts/{contact}/block")).Ok();
        var again = (await Api.PostAsync($"/contacts/{contact}/block")).Ok();
        Assert.True(again["blocked"].GetBoolean());
        Assert.Equal(["close"], PartTypes(await Read(conversation))); // nothing to close the second time

        // The contact's reply reopens it, as any reply to a closed conversation does; blocking again closes it again.
        (await Api.PostAsync($"/conversations/{conversation}/reply", new { message_type = "comment", type = "user", intercom_user_id = contact, body = "more spam" })).Ok();
        Assert.Equal("open", (await Read(conversation))["state"].GetString());
        (await Api.PostAsync($"/contacts/{contact}/block")).Ok();
        var closedAgain = await Read(conversation);
        Assert.Equal("closed", closedAgain["state"].GetString());
        Assert.Equal(["close", "comment", "close"], PartTypes(closedAgain));
    }

    [Fact]
    public async Task An_unknown_contact_is_the_contact_404_and_nothing_is_closed()
    {
        var contact = (await Api.PostAsync("/contacts", new { email = EmulatorFixture.NewEmail() })).Ok()["id"].GetString()!;
        var conversation = await Conversation(contact, "hello");
        Assert.Equal("User Not Found", (await Api.PostAsync("/contacts/000000000000000000000000/block")).Error(404, "not_found"));
        Assert.Equal("open", (await Read(conversation))["state"].GetString());
    }

    [Theory]
    [InlineData("2.11", false)]
    [InlineData("2.12", false)]
    [InlineData("2.13", true)]
    [InlineData("2.16", true)]
    public async Task It_came_with_2_13_and_older_versions_lack_it(string version, bool served)
    {
        var contact = (await Api.PostAsync("/contacts", new { email = EmulatorFixture.NewEmail() })).Ok()["id"].GetString()!;
        var conversation = await Conversation(contact, "hello");
        var answer = await Api.WithVersion(version).PostAsync($"/contacts/{contact}/block");
        if (served)
        {
            Assert.True(answer.Ok()["blocked"].GetBoolean());
        }
        else
        {
            Assert.Equal("Requested resource is not available in current API version", answer.Error(400, "intercom_version_invalid"));
        }

        Assert.Equal(served ? "closed" : "open", (await Read(conversation))["state"].GetString());
    }

    [Fact]
    public async Task The_v1_face_has_no_block_and_still_shows_the_users_threads_as_they_were()
    {
        var email = EmulatorFixture.NewEmail();
        var contact = (await Api.PostAsync("/contacts", new { email })).Ok()["id"].GetString()!;
        var conversation = await Conversation(contact, "hello there");
        (await Api.PostAsync($"/contacts/{contact}/block")).Ok();

        var (status, threads) = await fixture.V1.SendAsync(HttpMethod.Get, $"users/message_threads?email={email}");
        Assert.Equal(200, (int)status);
        var thread = Assert.Single(threads.EnumerateArray());
        Assert.Equal(conversation, thread.GetProperty("thread_id").ToString());
        Assert.Equal(["<p>hello there</p>"], thread.GetProperty("messages").EnumerateArray().Select(m => m.GetProperty("html").GetString())); // a wordless close is no v1 message
        var (v1Block, _) = await fixture.V1.SendAsync(HttpMethod.Post, $"users/block");
        Assert.Equal(404, (int)v1Block);
    }

    [Fact]
    public async Task The_dummy_app_answers_a_blocked_reference_and_keeps_nothing()
    {
        var dummy = fixture.V2For("dummy-app-id");
        var id = (await dummy.GetAsync("/contacts?per_page=1")).Ok()["data"][0].GetProperty("id").GetString()!;
        var blocked = (await dummy.PostAsync($"/contacts/{id}/block")).Ok();
        Assert.Equal(id, blocked["id"].GetString());
        Assert.True(blocked["blocked"].GetBoolean());
    }
}
