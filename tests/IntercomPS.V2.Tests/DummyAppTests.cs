using System.Linq;
using System.Threading.Tasks;
using IntercomPS.Testing;
using Xunit;

namespace IntercomPS.V2.Tests;

/// <summary>
/// The dummy app on the 2.14 face: the Bearer token dummy-app-id (or dummy_app_id) reaches it, every operation answers
/// with canned data in 2.14's shapes (the client holds each answer to the description), and nothing is kept.
/// </summary>
public class DummyAppTests(EmulatorFixture fixture) : IClassFixture<EmulatorFixture>
{
    private V2Client Dummy => fixture.V2For("dummy-app-id");

    [Theory]
    [InlineData("dummy-app-id")]
    [InlineData("dummy_app_id")]
    public async Task Its_name_is_its_token_and_it_lists_the_canned_users_as_contacts(string token)
    {
        Assert.Equal(token, (await fixture.V2For(token).GetAsync("/me")).Ok()["app"].GetProperty("id_code").GetString());
        var contacts = (await fixture.V2For(token).GetAsync("/contacts")).Ok();
        Assert.Equal(3, contacts["total_count"].GetInt32());
        Assert.Equal(["first.user@example.com", "second.user@example.com", "third.user@example.com"],
            contacts["data"].EnumerateArray().Select(c => c.GetProperty("email").GetString()));
        Assert.Equal("Free Trial", (await fixture.V2For(token).GetAsync("/tags")).Ok()["data"][0].GetProperty("name").GetString());
    }

    [Fact]
    public async Task Lists_and_searches_page_by_per_page()
    {
        var first = (await Dummy.GetAsync("/contacts?per_page=2")).Ok();
        Assert.Equal(2, first["data"].GetArrayLength());
        var cursor = first["pages"].GetProperty("next").GetProperty("starting_after").GetString();
        var second = (await Dummy.GetAsync($"/contacts?per_page=2&starting_after={cursor}")).Ok();
        Assert.Equal("third.user@example.com", Assert.Single(second["data"].EnumerateArray()).GetProperty("email").GetString());
        var found = (await Dummy.PostAsync("/contacts/search", new { query = new { field = "email", @operator = "=", value = "anyone@example.com" } })).Ok();
        Assert.Equal(3, found["total_count"].GetInt32());
    }

    [Fact]
    public async Task Writes_are_answered_as_if_applied_and_nothing_is_kept()
    {
        var created = (await Dummy.PostAsync("/contacts", new { email = "kept@example.com", name = "Kept?" })).Ok();
        Assert.Equal(("kept@example.com", "Kept?"), (created["email"].GetString(), created["name"].GetString()));
        var id = created["id"].GetString();
        Assert.NotEqual("Kept?", (await Dummy.GetAsync($"/contacts/{id}")).Ok()["name"].GetString());
        Assert.Equal(3, (await Dummy.GetAsync("/contacts")).Ok()["total_count"].GetInt32());

        var listed = (await Dummy.GetAsync("/contacts")).Ok()["data"][1].GetProperty("id").GetString();
        Assert.Equal("Renamed", (await Dummy.PutAsync($"/contacts/{listed}", new { name = "Renamed" })).Ok()["name"].GetString());
        Assert.Equal("Second User", (await Dummy.GetAsync($"/contacts/{listed}")).Ok()["name"].GetString());
        Assert.True((await Dummy.PostAsync($"/contacts/{listed}/archive")).Ok()["archived"].GetBoolean());
        Assert.True((await Dummy.DeleteAsync($"/contacts/{listed}")).Ok()["deleted"].GetBoolean());
        Assert.Equal(3, (await Dummy.GetAsync("/contacts")).Ok()["total_count"].GetInt32());
    }

    [Fact]
    public async Task Every_resource_answers_with_canned_data()
    {
        var contact = (await Dummy.GetAsync("/contacts/find_by_external_id/456")).Ok();
        Assert.Equal(("456", "Second User"), (contact["external_id"].GetString(), contact["name"].GetString()));
        var id = contact["id"].GetString();
        var admin = (await Dummy.GetAsync("/me")).Ok()["id"].GetString();

        (await Dummy.GetAsync($"/contacts/{id}/tags")).Ok();
        Assert.Equal("vip", (await Dummy.PostAsync("/tags", new { name = "vip" })).Ok()["name"].GetString());
        (await Dummy.PostAsync($"/contacts/{id}/tags", new { id = "1" })).Ok();
        Assert.Equal("<p>Called</p>", (await Dummy.PostAsync($"/contacts/{id}/notes", new { body = "Called" })).Ok()["body"].GetString());
        Assert.Equal(1, (await Dummy.GetAsync($"/contacts/{id}/notes")).Ok()["total_count"].GetInt32());

        var conversations = (await Dummy.GetAsync("/conversations")).Ok();
        var conversation = conversations["conversations"][0].GetProperty("id").GetString();
        Assert.Equal("<p>Hey Intercom, What is up?</p>\n\n<p></p>", (await Dummy.GetAsync($"/conversations/{conversation}")).Ok()["source"].GetProperty("body").GetString());
        var replied = (await Dummy.PostAsync($"/conversations/{conversation}/reply", new { message_type = "comment", type = "admin", admin_id = admin, body = "Hi" })).Ok();
        Assert.Equal("<p>Hi</p>", replied["conversation_parts"].GetProperty("conversation_parts").EnumerateArray().Last().GetProperty("body").GetString());
        Assert.Equal("closed", (await Dummy.PostAsync($"/conversations/{conversation}/parts", new { message_type = "close", type = "admin", admin_id = admin })).Ok()["state"].GetString());
        Assert.Equal("7", (await Dummy.SendAsync(System.Net.Http.HttpMethod.Delete, $"/conversations/{conversation}/tags/7", new { admin_id = admin })).Ok()["id"].GetString());
        (await Dummy.SendAsync(System.Net.Http.HttpMethod.Delete, $"/conversations/{conversation}/tags/abc", new { admin_id = admin })).Error(404, "tag_not_found");
        (await Dummy.PostAsync("/conversations", new { from = new { type = "user", id }, body = "Hello" })).Ok();
        var canned = (await Dummy.GetAsync($"/conversations/{conversation}")).Ok();
        var source = canned["source"].GetProperty("id").GetString();
        var redacted = (await Dummy.PostAsync("/conversations/redact", new { type = "source", conversation_id = conversation, source_id = source })).Ok()["source"];
        Assert.Equal(("<p><i>This message was deleted</i></p>", true), (redacted.GetProperty("body").GetString(), redacted.GetProperty("redacted").GetBoolean()));
        Assert.Equal(canned["source"].GetProperty("body").GetString(), (await Dummy.GetAsync($"/conversations/{conversation}")).Ok()["source"].GetProperty("body").GetString()); // nothing kept
        Assert.True((await Dummy.DeleteAsync($"/conversations/{conversation}")).Ok()["deleted"].GetBoolean());

        (await Dummy.PostAsync("/events", new { event_name = "ordered", created_at = 1700000000, id })).Ok(202);
        Assert.Equal("invited-friend", (await Dummy.GetAsync($"/events?type=user&intercom_user_id={id}")).Ok()["events"][0].GetProperty("event_name").GetString());
        var attributes = (await Dummy.GetAsync("/data_attributes")).Ok()["data"].EnumerateArray().Select(a => a.GetProperty("name").GetString()).ToList();
        Assert.Contains("monthly_spend", attributes);
    }

    [Fact]
    public async Task The_v1_email_conventions_hold_where_a_contact_is_named_by_email()
    {
        (await Dummy.GetAsync("/events?type=user&email=not-found@example.com")).Error(404, "not_found");
        (await Dummy.GetAsync("/events?type=user&email=server-error@example.com")).Error(500, "server_error");
        Assert.Equal("somebody@example.com", (await Dummy.GetAsync("/events?type=user&email=somebody@example.com&summary=true")).Ok()["email"].GetString());
    }

    [Fact]
    public async Task Bad_input_is_still_refused()
    {
        (await Dummy.PostAsync("/contacts", new { role = "admin" })).Error(400, "parameter_invalid");
        (await Dummy.GetAsync("/contacts?per_page=151")).Error(400, "parameter_invalid");
    }

    [Fact]
    public async Task Its_companies_and_segments_are_canned_and_writes_keep_nothing()
    {
        Assert.Equal("Blue Sun", (await Dummy.GetAsync("/companies/scroll")).Ok()["data"][0].GetProperty("name").GetString());
        var saved = (await Dummy.PostAsync("/companies", new { company_id = "kept", name = "Kept?" })).Ok();
        Assert.Equal(("kept", "Kept?"), (saved["company_id"].GetString(), saved["name"].GetString()));
        Assert.Equal("Blue Sun", (await Dummy.GetAsync($"/companies/{saved["id"].GetString()}")).Ok()["name"].GetString());
        Assert.Equal(1, (await Dummy.PostAsync("/companies/list")).Ok()["total_count"].GetInt32());
        Assert.Equal("Active", (await Dummy.GetAsync("/segments?include_count=true")).Ok()["segments"][0].GetProperty("name").GetString());
        var contact = (await Dummy.GetAsync("/contacts")).Ok()["data"][0].GetProperty("id").GetString();
        Assert.Equal("Blue Sun", (await Dummy.GetAsync($"/contacts/{contact}/companies")).Ok()["data"][0].GetProperty("name").GetString());
        Assert.Equal("Active", (await Dummy.GetAsync($"/contacts/{contact}/segments")).Ok()["data"][0].GetProperty("name").GetString());
    }
}
