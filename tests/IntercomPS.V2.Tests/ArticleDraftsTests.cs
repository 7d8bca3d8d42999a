using System.Globalization;
using System.Linq;
using System.Net.Http;
using System.Text.Json;
using System.Threading.Tasks;
using IntercomPS.Testing;
using Xunit;

namespace IntercomPS.V2.Tests;

/// <summary>
/// 2.16's drafts and versions of a help center article: changes staged on a published article leave it live as it
/// was until the draft is published; every write that changes the content leaves a version; refused as the
/// description refuses, and not served before 2.16.
/// </summary>
public class ArticleDraftsTests(EmulatorFixture fixture) : IClassFixture<EmulatorFixture>
{
    private V2Client Api => fixture.V2.WithVersion("2.16");

    private async Task<long> AdminAsync() => long.Parse((await Api.GetAsync("/me")).Ok()["id"].GetString()!, CultureInfo.InvariantCulture);

    private async Task<(string Id, string Title)> ArticleAsync(string state = "published")
    {
        var title = EmulatorFixture.NewId("Live title");
        var id = (await Api.PostAsync("/articles", new { title, body = "<p>Live body</p>", author_id = await AdminAsync(), state })).Ok()["id"].GetString()!;
        return (id, title);
    }

    [Fact]
    public async Task A_staged_draft_leaves_the_live_article_alone_until_it_is_published()
    {
        var (id, title) = await ArticleAsync();
        var live = (await Api.GetAsync($"/articles/{id}")).Ok();
        Assert.False(live["has_unpublished_changes"].GetBoolean());
        Assert.Equal(JsonValueKind.Null, live["draft_updated_at"].ValueKind);
        Assert.Equal("Object not found", (await Api.GetAsync($"/articles/{id}/draft")).Error(404, "not_found"));

        var staged = (await Api.PutAsync($"/articles/{id}/draft", new { title = "Draft title", body_markdown = "Draft body", ai_chatbot_availability = true, state = "draft" })).Ok();
        Assert.Equal("Draft title", staged["title"].GetString());
        Assert.Equal("<p class=\"no-margin\">Draft body</p>", staged["body"].GetString());
        Assert.Equal("Draft body", staged["body_markdown"].GetString());
        Assert.Equal("published", staged["state"].GetString()); // state is not versioned content: ignored
        Assert.False(staged["ai_chatbot_availability"].GetBoolean()); // nor are the AI flags
        Assert.True(staged["has_unpublished_changes"].GetBoolean());
        Assert.Equal(staged["updated_at"].GetInt64(), staged["draft_updated_at"].GetInt64());
        Assert.Equal(live["url"].GetString(), staged["url"].GetString()); // the live article's page

        var still = (await Api.GetAsync($"/articles/{id}")).Ok();
        Assert.Equal(title, still["title"].GetString());
        Assert.Equal("<p class=\"no-margin\">Live body</p>", still["body"].GetString());
        Assert.False(still["ai_chatbot_availability"].GetBoolean());
        Assert.True(still["has_unpublished_changes"].GetBoolean());
        Assert.Equal(staged["draft_updated_at"].GetInt64(), still["draft_updated_at"].GetInt64());
        var listed = (await Api.GetAsync("/articles?per_page=150")).Ok()["data"].EnumerateArray().Single(a => a.GetProperty("id").GetString() == id);
        Assert.True(listed.GetProperty("has_unpublished_changes").GetBoolean());
        Assert.Equal(title, listed.GetProperty("title").GetString());

        // Staged again: on top of the draft, the title kept.
        var again = (await Api.PutAsync($"/articles/{id}/draft", new { description = "Draft description" })).Ok();
        Assert.Equal("Draft title", again["title"].GetString());
        Assert.Equal("Draft description", (await Api.GetAsync($"/articles/{id}/draft")).Ok()["description"].GetString());

        var published = (await Api.SendAsync(HttpMethod.Post, $"/articles/{id}/draft/publish")).Ok();
        Assert.Equal("Draft title", published["title"].GetString());
        Assert.Equal("Draft description", published["description"].GetString());
        Assert.Equal("Draft body", published["body_markdown"].GetString());
        Assert.False(published["has_unpublished_changes"].GetBoolean());
        Assert.Equal(JsonValueKind.Null, published["draft_updated_at"].ValueKind);
        Assert.Equal("Draft title", (await Api.GetAsync($"/articles/{id}")).Ok()["title"].GetString());
        Assert.Equal("Object not found", (await Api.GetAsync($"/articles/{id}/draft")).Error(404, "not_found"));
        Assert.Equal("Article has no draft to publish", (await Api.PostAsync($"/articles/{id}/draft/publish")).Error(422, "parameter_invalid"));
    }

    [Fact]
    public async Task Writes_that_change_the_content_leave_versions_newest_first()
    {
        var (id, title) = await ArticleAsync();
        (await Api.PutAsync($"/articles/{id}", new { ai_copilot_availability = true })).Ok(); // no content changed: no version
        (await Api.PutAsync($"/articles/{id}", new { title = "Second title" })).Ok();
        (await Api.PutAsync($"/articles/{id}/draft", new { title = "Third title" })).Ok(); // staged: no version yet
        Assert.Equal(2, (await Api.GetAsync($"/articles/{id}/versions")).Ok()["total_count"].GetInt32());
        (await Api.PostAsync($"/articles/{id}/draft/publish", new { locales = new[] { "en" } })).Ok();

        var list = (await Api.GetAsync($"/articles/{id}/versions")).Ok();
        Assert.Equal("list", list["type"].GetString());
        Assert.Equal(3, list["total_count"].GetInt32());
        var versions = list["data"].EnumerateArray().ToList();
        Assert.Equal(["Third title", "Second title", title], versions.Select(v => v.GetProperty("title").GetString()));
        Assert.Equal(["published", "draft", "draft"], versions.Select(v => v.GetProperty("state").GetString()));
        Assert.Equal(versions[1].GetProperty("id").GetString(), versions[0].GetProperty("from_version_id").GetString());
        Assert.Equal(JsonValueKind.Null, versions[2].GetProperty("from_version_id").ValueKind);
        Assert.All(versions, v => Assert.Equal(id, v.GetProperty("article_id").GetString()));
        Assert.All(versions, v => Assert.False(v.TryGetProperty("body", out _))); // the list is metadata only

        var page = (await Api.GetAsync($"/articles/{id}/versions?per_page=1&page=2")).Ok();
        Assert.Equal("Second title", page["data"][0].GetProperty("title").GetString());
        Assert.Equal(3, page["pages"].GetProperty("total_pages").GetInt32());
        Assert.Equal(0, (await Api.GetAsync($"/articles/{id}/versions?locale=fr")).Ok()["data"].GetArrayLength()); // drafts and versions are the default locale's

        var first = (await Api.GetAsync($"/articles/{id}/versions/{versions[2].GetProperty("id").GetString()}?locale=en")).Ok();
        Assert.Equal(title, first["title"].GetString());
        Assert.Equal("<p class=\"no-margin\">Live body</p>", first["body"].GetString());
        Assert.Equal(JsonValueKind.Null, first["body_markdown"].ValueKind);
        Assert.Equal("draft", first["state"].GetString());

        // Unpublished, the article has no live version.
        (await Api.PutAsync($"/articles/{id}", new { state = "draft" })).Ok();
        Assert.Equal("draft", (await Api.GetAsync($"/articles/{id}/versions")).Ok()["data"][0].GetProperty("state").GetString());
    }

    [Fact]
    public async Task Bad_requests_get_the_description_s_errors_and_change_nothing()
    {
        var (id, title) = await ArticleAsync();
        var (draftOnly, _) = await ArticleAsync("draft");
        var (other, _) = await ArticleAsync();
        Assert.Equal("Article must be published before a draft can be staged", (await Api.PutAsync($"/articles/{draftOnly}/draft", new { title = "X" })).Error(422, "parameter_invalid"));
        Assert.Equal("Object not found", (await Api.PutAsync("/articles/999999999/draft", new { title = "X" })).Error(404, "not_found"));
        Assert.Equal("Object not found", (await Api.GetAsync("/articles/abc/draft")).Error(404, "not_found"));
        Assert.Equal("Object not found", (await Api.PostAsync("/articles/999999999/draft/publish")).Error(404, "not_found"));
        Assert.Equal("Object not found", (await Api.GetAsync("/articles/999999999/versions")).Error(404, "not_found"));
        Assert.Equal("title must not be blank", (await Api.PutAsync($"/articles/{id}/draft", new { title = " " })).Error(400, "parameter_invalid"));
        Assert.Equal("author_id 123 is not a teammate (admin) of this workspace", (await Api.PutAsync($"/articles/{id}/draft", new { author_id = 123 })).Error(400, "parameter_invalid"));
        Assert.Equal("Object not found", (await Api.GetAsync($"/articles/{id}/draft")).Error(404, "not_found"));

        (await Api.PutAsync($"/articles/{id}/draft", new { title = "Staged" })).Ok();
        Assert.Equal("Cannot publish a draft for locale(s) without pending changes: fr", (await Api.PostAsync($"/articles/{id}/draft/publish", new { locales = new[] { "en", "fr" } })).Error(422, "parameter_invalid"));
        Assert.Equal("locales must be specified to publish a draft on a multilingual workspace", (await Api.PostAsync($"/articles/{id}/draft/publish", new { locales = new string[0] })).Error(422, "parameter_not_found"));
        Assert.Equal("locales must be a list of locales (strings), not a string (\"en\")", (await Api.PostAsync($"/articles/{id}/draft/publish", new { locales = "en" })).Error(400, "parameter_invalid"));
        Assert.Equal(title, (await Api.GetAsync($"/articles/{id}")).Ok()["title"].GetString());
        Assert.Equal("Staged", (await Api.GetAsync($"/articles/{id}/draft")).Ok()["title"].GetString());

        Assert.Equal("Unknown locale", (await Api.GetAsync($"/articles/{id}/versions?locale=xx")).Error(400, "parameter_invalid"));
        var version = (await Api.GetAsync($"/articles/{id}/versions")).Ok()["data"][0].GetProperty("id").GetString();
        Assert.Equal("Unknown locale", (await Api.GetAsync($"/articles/{id}/versions/{version}?locale=xx")).Error(400, "parameter_invalid"));
        Assert.Equal("Object not found", (await Api.GetAsync($"/articles/{other}/versions/{version}")).Error(404, "not_found")); // another article's version
        Assert.Equal("Object not found", (await Api.GetAsync($"/articles/{id}/versions/999999999")).Error(404, "not_found"));
    }

    [Fact]
    public async Task A_deleted_article_takes_its_draft_and_versions_with_it()
    {
        var (id, _) = await ArticleAsync();
        (await Api.PutAsync($"/articles/{id}/draft", new { title = "Staged" })).Ok();
        (await Api.DeleteAsync($"/articles/{id}")).Ok();
        Assert.Equal("Object not found", (await Api.GetAsync($"/articles/{id}/draft")).Error(404, "not_found"));
        Assert.Equal("Object not found", (await Api.GetAsync($"/articles/{id}/versions")).Error(404, "not_found"));
    }

    [Theory]
    [InlineData("2.11")]
    [InlineData("2.14")]
    [InlineData("2.15")]
    public async Task Versions_before_2_16_have_no_drafts_or_versions(string version)
    {
        var (id, _) = await ArticleAsync();
        var older = fixture.V2.WithVersion(version);
        const string Refused = "Requested resource is not available in current API version";
        Assert.Equal(Refused, (await older.GetAsync($"/articles/{id}/draft")).Error(400, "intercom_version_invalid"));
        Assert.Equal(Refused, (await older.PutAsync($"/articles/{id}/draft", new { title = "X" })).Error(400, "intercom_version_invalid"));
        Assert.Equal(Refused, (await older.PostAsync($"/articles/{id}/draft/publish")).Error(400, "intercom_version_invalid"));
        Assert.Equal(Refused, (await older.GetAsync($"/articles/{id}/versions")).Error(400, "intercom_version_invalid"));
        Assert.Equal(Refused, (await older.GetAsync($"/articles/{id}/versions/1")).Error(400, "intercom_version_invalid"));
        var article = (await older.GetAsync($"/articles/{id}")).Ok();
        Assert.False(article.Json.TryGetProperty("has_unpublished_changes", out _));
        Assert.Equal("Object not found", (await Api.GetAsync($"/articles/{id}/draft")).Error(404, "not_found"));
    }
}
