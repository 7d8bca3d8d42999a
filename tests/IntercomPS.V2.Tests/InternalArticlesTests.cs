using System.Globalization;
using System.Linq;
using System.Text.Json;
using System.Threading.Tasks;
using IntercomPS.Testing;
using Xunit;

namespace IntercomPS.V2.Tests;

/// <summary>
/// Internal articles (the teammates' knowledge base) on the 2.14 face, 2.16's additions, and 2.11's refusal: written
/// by admins of the app, read, listed by numbered pages, searched by folder, deleted. Every answer is judged by the
/// description's schemas as every V2Client answer is.
/// </summary>
public class InternalArticlesTests(EmulatorFixture fixture) : IClassFixture<EmulatorFixture>
{
    private V2Client Api => fixture.V2;

    private async Task<long> AdminAsync() => long.Parse((await Api.GetAsync("/me")).Ok()["id"].GetString()!, CultureInfo.InvariantCulture);

    private async Task<string> ArticleAsync(string title, V2Client? api = null)
    {
        var admin = await AdminAsync();
        return (await (api ?? Api).PostAsync("/internal_articles", new { title, body = "Body", owner_id = admin, author_id = admin })).Ok()["id"].GetString()!;
    }

    [Fact]
    public async Task A_new_internal_article_is_by_its_admins_in_en_and_reads_back_as_written()
    {
        await fixture.ResetAsync();
        var admin = await AdminAsync();
        var created = (await Api.PostAsync("/internal_articles", new { title = "Refunds", body = "<p>Within 30 days</p>", owner_id = admin, author_id = admin })).Ok();
        Assert.Equal("internal_article", created["type"].GetString());
        Assert.Equal("Refunds", created["title"].GetString());
        Assert.Equal("<p>Within 30 days</p>", created["body"].GetString()); // kept as written, as the description's examples echo it
        Assert.Equal(admin, created["owner_id"].GetInt64());
        Assert.Equal(admin, created["author_id"].GetInt64());
        Assert.Equal("en", created["locale"].GetString());
        Assert.Equal(created["created_at"].GetInt64(), created["updated_at"].GetInt64());
        Assert.False(created.Json.TryGetProperty("body_markdown", out _)); // 2.16's, not 2.14's
        Assert.Null(created.Header("X-Emulator-Warning"));

        var id = created["id"].GetString()!;
        Assert.True(long.Parse(id, CultureInfo.InvariantCulture) > 6_860_000);
        var read = (await Api.GetAsync($"/internal_articles/{id}")).Ok();
        Assert.Equal(created.Text, read.Text);

        // Without a body it is an empty one.
        Assert.Equal("", (await Api.PostAsync("/internal_articles", new { title = "No body", owner_id = admin, author_id = admin })).Ok()["body"].GetString());
    }

    [Fact]
    public async Task Title_owner_and_author_are_required_and_must_be_admins_of_the_app()
    {
        await fixture.ResetAsync();
        var admin = await AdminAsync();
        // The description's bad_request example: title and body only.
        Assert.Equal("author_id must be in the main body or default locale translated_content object",
            (await Api.PostAsync("/internal_articles", new { title = "Thanks for everything", body = "Body of the Internal Article" })).Error(400, "parameter_not_found"));
        Assert.Equal("owner_id must be in the main body or default locale translated_content object",
            (await Api.PostAsync("/internal_articles", new { title = "x", author_id = admin })).Error(400, "parameter_not_found"));
        Assert.Equal("title must be in the main body or default locale translated_content object",
            (await Api.PostAsync("/internal_articles", new { owner_id = admin, author_id = admin })).Error(400, "parameter_not_found"));
        Assert.Equal("author_id 12 is not a teammate (admin) of this workspace",
            (await Api.PostAsync("/internal_articles", new { title = "x", owner_id = admin, author_id = 12 })).Error(400, "parameter_invalid"));
        Assert.Equal("owner_id 13 is not a teammate (admin) of this workspace",
            (await Api.PostAsync("/internal_articles", new { title = "x", owner_id = 13, author_id = admin })).Error(400, "parameter_invalid"));
        Assert.Equal("title must not be blank",
            (await Api.PostAsync("/internal_articles", new { title = " ", owner_id = admin, author_id = admin })).Error(400, "parameter_invalid"));
        Assert.Equal("body must be a string, not a number",
            (await Api.PostAsync("/internal_articles", new { title = "x", body = 5, owner_id = admin, author_id = admin })).Error(400, "parameter_invalid"));
        Assert.Equal("owner_id must be an admin's id (a positive integer), not a string (\"me\")",
            (await Api.PostAsync("/internal_articles", new { title = "x", owner_id = "me", author_id = admin })).Error(400, "parameter_invalid"));
        // The admin's id as a string of digits is taken.
        Assert.Equal(admin, (await Api.PostAsync("/internal_articles", new { title = "x", owner_id = admin.ToString(CultureInfo.InvariantCulture), author_id = admin })).Ok()["owner_id"].GetInt64());
        // Nothing refused was kept.
        Assert.Equal(1, (await Api.GetAsync("/internal_articles")).Ok()["total_count"].GetInt32());
    }

    [Fact]
    public async Task An_update_changes_what_it_gives_and_stamps_updated_at_and_an_unknown_field_is_named()
    {
        await fixture.ResetAsync();
        var admin = await AdminAsync();
        var other = long.Parse(await fixture.Admin.AddAdminAsync(EmulatorFixture.AppId, "Ops Owner", EmulatorFixture.NewEmail()), CultureInfo.InvariantCulture);
        var id = await ArticleAsync("Christmas");
        var updated = (await Api.PutAsync($"/internal_articles/{id}", new { title = "Christmas is here!", owner_id = other })).Ok();
        Assert.Equal("Christmas is here!", updated["title"].GetString());
        Assert.Equal("Body", updated["body"].GetString()); // what the PUT leaves out stays
        Assert.Equal(other, updated["owner_id"].GetInt64());
        Assert.Equal(admin, updated["author_id"].GetInt64());
        Assert.Equal(updated.Text, (await Api.GetAsync($"/internal_articles/{id}")).Ok().Text);

        Assert.Equal("author_id 12 is not a teammate (admin) of this workspace",
            (await Api.PutAsync($"/internal_articles/{id}", new { author_id = 12 })).Error(400, "parameter_invalid"));
        var typo = (await Api.PutAsync($"/internal_articles/{id}", new { titel = "Oops" })).Ok();
        Assert.Contains("titel", typo.Header("X-Emulator-Warning"));
        Assert.Equal("Christmas is here!", typo["title"].GetString());
    }

    [Fact]
    public async Task A_missing_internal_article_is_the_documented_404_for_read_update_and_delete()
    {
        await fixture.ResetAsync();
        foreach (var path in new[] { "/internal_articles/999", "/internal_articles/0", "/internal_articles/abc" })
        {
            Assert.Equal("Resource Not Found", (await Api.GetAsync(path)).Error(404, "not_found"));
            Assert.Equal("Resource Not Found", (await Api.PutAsync(path, new { title = "Christmas is here!" })).Error(404, "not_found"));
            Assert.Equal("Resource Not Found", (await Api.DeleteAsync(path)).Error(404, "not_found"));
        }

        // Another app's article is not this app's.
        var id = await ArticleAsync("Mine");
        (await fixture.V2Other.GetAsync($"/internal_articles/{id}")).Error(404, "not_found");
    }

    [Fact]
    public async Task Delete_answers_the_deleted_object_and_the_article_is_gone()
    {
        await fixture.ResetAsync();
        var id = await ArticleAsync("Old process");
        var deleted = (await Api.DeleteAsync($"/internal_articles/{id}")).Ok();
        Assert.Equal(id, deleted["id"].GetString());
        Assert.Equal("internal_article", deleted["object"].GetString());
        Assert.True(deleted["deleted"].GetBoolean());
        (await Api.GetAsync($"/internal_articles/{id}")).Error(404, "not_found");
        (await Api.DeleteAsync($"/internal_articles/{id}")).Error(404, "not_found");
    }

    [Fact]
    public async Task The_list_is_by_numbered_pages_most_recently_updated_first()
    {
        await fixture.ResetAsync();
        var ids = new[] { await ArticleAsync("One"), await ArticleAsync("Two"), await ArticleAsync("Three") };
        var first = (await Api.GetAsync("/internal_articles?per_page=2")).Ok();
        Assert.Equal("list", first["type"].GetString());
        Assert.Equal(3, first["total_count"].GetInt32());
        Assert.Equal((1, 2, 2), (first["pages"].GetProperty("page").GetInt32(), first["pages"].GetProperty("per_page").GetInt32(), first["pages"].GetProperty("total_pages").GetInt32()));
        var second = (await Api.GetAsync("/internal_articles?per_page=2&page=2")).Ok();
        var listed = first["data"].EnumerateArray().Concat(second["data"].EnumerateArray()).Select(a => a.GetProperty("id").GetString()).ToList();
        Assert.Equal(ids.Reverse(), listed); // made in the same second: the newest id first
        Assert.Empty((await Api.GetAsync("/internal_articles?per_page=2&page=3")).Ok()["data"].EnumerateArray());
        Assert.Equal(25, (await Api.GetAsync("/internal_articles")).Ok()["pages"].GetProperty("per_page").GetInt32());
        (await Api.GetAsync("/internal_articles?per_page=0")).Error(400, "parameter_invalid");
    }

    [Fact]
    public async Task Search_by_folder_finds_none_since_no_article_is_in_a_folder_and_without_one_finds_all()
    {
        await fixture.ResetAsync();
        var id = await ArticleAsync("Escalations");
        var all = (await Api.GetAsync("/internal_articles/search")).Ok();
        Assert.Equal("list", all["type"].GetString());
        Assert.Equal(1, all["total_count"].GetInt32());
        Assert.Equal(id, all["data"].GetProperty("internal_articles")[0].GetProperty("id").GetString());
        Assert.Equal(10, all["pages"].GetProperty("per_page").GetInt32());

        var inFolder = (await Api.GetAsync("/internal_articles/search?folder_id=123")).Ok();
        Assert.Equal(0, inFolder["total_count"].GetInt32());
        Assert.Empty(inFolder["data"].GetProperty("internal_articles").EnumerateArray());
        Assert.Equal("folder_id must be a folder's id (a whole number), not 'abc'",
            (await Api.GetAsync("/internal_articles/search?folder_id=abc")).Error(400, "parameter_invalid"));
    }

    [Fact]
    public async Task Every_operation_needs_a_valid_token()
    {
        var nobody = fixture.V2For("no-app-has-this-token");
        (await nobody.GetAsync("/internal_articles")).Error(401, "unauthorized");
        (await nobody.PostAsync("/internal_articles", new { title = "x" })).Error(401, "unauthorized");
        (await nobody.GetAsync("/internal_articles/1")).Error(401, "unauthorized");
        (await nobody.PutAsync("/internal_articles/1", new { title = "x" })).Error(401, "unauthorized");
        (await nobody.DeleteAsync("/internal_articles/1")).Error(401, "unauthorized");
        (await nobody.GetAsync("/internal_articles/search")).Error(401, "unauthorized");
    }

    [Fact]
    public async Task Before_2_14_every_operation_is_refused_as_the_real_service_refuses_what_a_version_lacks()
    {
        await fixture.ResetAsync();
        var id = await ArticleAsync("Kept");
        var old = Api.WithVersion("2.13");
        (await old.GetAsync("/internal_articles")).Error(400, "intercom_version_invalid");
        (await old.PostAsync("/internal_articles", new { title = "x" })).Error(400, "intercom_version_invalid");
        (await old.GetAsync($"/internal_articles/{id}")).Error(400, "intercom_version_invalid");
        (await old.PutAsync($"/internal_articles/{id}", new { title = "x" })).Error(400, "intercom_version_invalid");
        (await old.DeleteAsync($"/internal_articles/{id}")).Error(400, "intercom_version_invalid");
        (await old.GetAsync("/internal_articles/search")).Error(400, "intercom_version_invalid");
        Assert.Equal("Kept", (await Api.WithVersion("2.15").GetAsync($"/internal_articles/{id}")).Ok()["title"].GetString());
    }

    [Fact]
    public async Task On_2_16_an_article_has_markdown_audiences_and_ai_availability()
    {
        await fixture.ResetAsync();
        var api = Api.WithVersion("2.16");
        var admin = await AdminAsync();
        var created = (await api.PostAsync("/internal_articles", new
        {
            title = "Guide", body_markdown = "# Internal Guide\n\nSome instructions.", owner_id = admin, author_id = admin, ai_copilot_availability = true, audience_ids = System.Array.Empty<long>(),
        })).Ok();
        Assert.Equal("# Internal Guide\n\nSome instructions.", created["body_markdown"].GetString());
        Assert.Equal("<p># Internal Guide</p>\n\n<p>Some instructions.</p>", created["body"].GetString()); // its text in paragraphs: no markdown is rendered
        Assert.Empty(created["audience_ids"].EnumerateArray());
        Assert.Equal((false, true, false), (created["ai_chatbot_availability"].GetBoolean(), created["ai_copilot_availability"].GetBoolean(), created["ai_sales_agent_availability"].GetBoolean()));
        var id = created["id"].GetString()!;

        // HTML replaces the markdown; a flag given changes, the others stay.
        var updated = (await api.PutAsync($"/internal_articles/{id}", new { body = "<p>New</p>", ai_chatbot_availability = true })).Ok();
        Assert.Equal("<p>New</p>", updated["body"].GetString());
        Assert.Equal(JsonValueKind.Null, updated["body_markdown"].ValueKind);
        Assert.Equal((true, true), (updated["ai_chatbot_availability"].GetBoolean(), updated["ai_copilot_availability"].GetBoolean()));

        Assert.Equal("body and body_markdown are mutually exclusive: give one",
            (await api.PutAsync($"/internal_articles/{id}", new { body = "a", body_markdown = "b" })).Error(400, "parameter_invalid"));
        Assert.Equal("ai_sales_agent_availability must be true or false, not a string (\"yes\")",
            (await api.PutAsync($"/internal_articles/{id}", new { ai_sales_agent_availability = "yes" })).Error(400, "parameter_invalid"));
        Assert.Equal("audience_ids must be a list of audience ids (positive integers), not a string (\"1\")",
            (await api.PutAsync($"/internal_articles/{id}", new { audience_ids = "1" })).Error(400, "parameter_invalid"));
        // Audiences are not emulated: any is unknown, the documented 404, and nothing else of the write is kept.
        Assert.Equal("Audience 7 not found: audiences are not emulated",
            (await api.PutAsync($"/internal_articles/{id}", new { title = "Lost", audience_ids = new[] { 7 } })).Error(404, "not_found"));
        Assert.Equal("Guide", (await api.GetAsync($"/internal_articles/{id}")).Ok()["title"].GetString());
        (await api.PostAsync("/internal_articles", new { title = "x", owner_id = admin, author_id = admin, audience_ids = new[] { 1 } })).Error(404, "not_found");

        // 2.16's fields are 2.14's unknown fields, named and ignored; its answers leave them out.
        var on214 = (await Api.PutAsync($"/internal_articles/{id}", new { ai_chatbot_availability = false })).Ok();
        Assert.Contains("ai_chatbot_availability", on214.Header("X-Emulator-Warning"));
        Assert.False(on214.Json.TryGetProperty("ai_chatbot_availability", out _));
        Assert.True((await api.GetAsync($"/internal_articles/{id}")).Ok()["ai_chatbot_availability"].GetBoolean());
        Assert.Single((await api.GetAsync("/internal_articles/search")).Ok()["data"].GetProperty("internal_articles").EnumerateArray());
        Assert.Single((await api.GetAsync("/internal_articles")).Ok()["data"].EnumerateArray());
    }

    [Fact]
    public async Task The_dummy_app_answers_from_canned_articles_and_keeps_nothing()
    {
        var dummy = fixture.V2For("dummy-app-id");
        var admin = long.Parse((await dummy.GetAsync("/me")).Ok()["id"].GetString()!, CultureInfo.InvariantCulture);
        var listed = (await dummy.GetAsync("/internal_articles")).Ok();
        Assert.Equal(["601", "602"], listed["data"].EnumerateArray().Select(a => a.GetProperty("id").GetString()));
        Assert.Equal("Refund policy", (await dummy.GetAsync("/internal_articles/601")).Ok()["title"].GetString());
        Assert.Equal(2, (await dummy.GetAsync("/internal_articles/search")).Ok()["total_count"].GetInt32());

        var created = (await dummy.PostAsync("/internal_articles", new { title = "New", owner_id = admin, author_id = admin })).Ok();
        Assert.Equal("603", created["id"].GetString());
        Assert.Equal("Renamed", (await dummy.PutAsync("/internal_articles/601", new { title = "Renamed" })).Ok()["title"].GetString());
        Assert.True((await dummy.DeleteAsync("/internal_articles/602")).Ok()["deleted"].GetBoolean());
        // Nothing was kept.
        Assert.Equal("Refund policy", (await dummy.GetAsync("/internal_articles/601")).Ok()["title"].GetString());
        Assert.Equal(2, (await dummy.GetAsync("/internal_articles")).Ok()["total_count"].GetInt32());
        (await dummy.GetAsync("/internal_articles/603")).Error(404, "not_found");
        // The same rules as a stored app's.
        (await dummy.PostAsync("/internal_articles", new { title = "x", owner_id = admin, author_id = 12 })).Error(400, "parameter_invalid");
    }
}
