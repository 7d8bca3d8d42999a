using System.Threading.Tasks;
using IntercomPS.Testing;
using Xunit;

namespace IntercomPS.V2.Tests;

/// <summary>
/// 2.16's GET /conversations/{id}/handling_events and /side_conversations: the API can make neither a teammate's pause
/// nor a side conversation, and what a conversation goes through (an assignment, an admin's reply, a snooze) is
/// neither, so each answers its empty list as described; an unknown conversation is a 404; refused before 2.16.
/// </summary>
public class ConversationHandlingTests(EmulatorFixture fixture) : IClassFixture<EmulatorFixture>
{
    private V2Client Api => fixture.V2.WithVersion("2.16");

    private async Task<string> HandledConversationAsync()
    {
        var contact = (await Api.PostAsync("/contacts", new { email = EmulatorFixture.NewEmail() })).Ok()["id"].GetString()!;
        var id = (await Api.PostAsync("/conversations", new { from = new { type = "user", id = contact }, body = "Hello" })).Ok()["conversation_id"].GetString()!;
        var admin = (await Api.GetAsync("/me")).Ok()["id"].GetString()!;
        (await Api.PostAsync($"/conversations/{id}/parts", new { message_type = "assignment", type = "admin", admin_id = admin, assignee_id = admin })).Ok();
        (await Api.PostAsync($"/conversations/{id}/reply", new { message_type = "comment", type = "admin", admin_id = admin, body = "On it" })).Ok();
        (await Api.PostAsync($"/conversations/{id}/parts", new { message_type = "snoozed", type = "admin", admin_id = admin, snoozed_until = 1_900_000_000 })).Ok();
        return id;
    }

    [Fact]
    public async Task A_handled_conversation_has_no_handling_events_the_api_could_have_made()
    {
        var id = await HandledConversationAsync();
        var list = (await Api.GetAsync($"/conversations/{id}/handling_events")).Ok();
        Assert.Equal(0, list["handling_events"].GetArrayLength());
    }

    [Fact]
    public async Task Side_conversations_are_an_empty_page_as_asked()
    {
        var id = await HandledConversationAsync();
        var list = (await Api.GetAsync($"/conversations/{id}/side_conversations")).Ok();
        Assert.Equal("side_conversation.list", list["type"].GetString());
        Assert.Equal(0, list["side_conversations"].GetArrayLength());
        Assert.Equal(0, list["total_count"].GetInt32());
        var pages = list["pages"];
        Assert.Equal(("pages", 1, 25, 0), (pages.GetProperty("type").GetString(), pages.GetProperty("page").GetInt32(), pages.GetProperty("per_page").GetInt32(), pages.GetProperty("total_pages").GetInt32()));

        pages = (await Api.GetAsync($"/conversations/{id}/side_conversations?page=2&per_page=50")).Ok()["pages"];
        Assert.Equal((2, 50), (pages.GetProperty("page").GetInt32(), pages.GetProperty("per_page").GetInt32()));
    }

    [Fact]
    public async Task Bad_pages_are_refused_naming_what_is_allowed()
    {
        var id = await HandledConversationAsync();
        Assert.Equal("per_page must be an integer from 1 to 50, not '51'", (await Api.GetAsync($"/conversations/{id}/side_conversations?per_page=51")).Error(400, "parameter_invalid"));
        Assert.Equal("page must be a whole number from 1, not '0'", (await Api.GetAsync($"/conversations/{id}/side_conversations?page=0")).Error(400, "parameter_invalid"));
    }

    [Theory]
    [InlineData("handling_events")]
    [InlineData("side_conversations")]
    public async Task An_unknown_conversation_is_not_found(string list)
    {
        Assert.Equal("Resource Not Found", (await Api.GetAsync($"/conversations/999999999/{list}")).Error(404, "not_found"));
    }

    [Theory]
    [InlineData("2.11", "handling_events")]
    [InlineData("2.14", "handling_events")]
    [InlineData("2.15", "side_conversations")]
    public async Task Versions_before_2_16_have_neither(string version, string list)
    {
        var id = await HandledConversationAsync();
        Assert.Equal("Requested resource is not available in current API version",
            (await fixture.V2.WithVersion(version).GetAsync($"/conversations/{id}/{list}")).Error(400, "intercom_version_invalid"));
    }
}
