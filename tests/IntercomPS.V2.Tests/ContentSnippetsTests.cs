using System.Linq;
using System.Net.Http;
using System.Text.Json;
using System.Threading.Tasks;
using IntercomPS.Testing;
using Xunit;

namespace IntercomPS.V2.Tests;

/// <summary>
/// 2.16's content snippets: made (201), read, listed by numbered pages of at most 50, changed by what is given,
/// deleted (204); the body kept as json_blocks and as markdown; tagged and untagged as articles are; the errors the
/// description documents (422 locale, 404 audiences and missing snippets) and a bad field's 400; refused before 2.16.
/// </summary>
public class ContentSnippetsTests(EmulatorFixture fixture) : IClassFixture<EmulatorFixture>
{
    private V2Client Api => fixture.V2.WithVersion("2.16");

    private static readonly object[] Blocks = [new { type = "paragraph", text = "Navigate to Settings > Security > Reset password." }];

    private async Task<string> SnippetAsync(string title = "How to reset your password") =>
        (await Api.PostAsync("/content_snippets", new { title, json_blocks = Blocks })).Ok(201)["id"].GetString()!;

    [Fact]
    public async Task A_snippet_is_made_read_listed_changed_and_deleted()
    {
        await fixture.ResetAsync();
        var made = (await Api.PostAsync("/content_snippets", new { title = "How to reset your password", json_blocks = Blocks, locale = "en", audience_ids = System.Array.Empty<int>(), ai_chatbot_availability = true })).Ok(201);
        var id = made["id"].GetString()!;
        Assert.Equal(("content_snippet", "en"), (made["type"].GetString(), made["locale"].GetString()));
        Assert.Equal("# How to reset your password\n\nNavigate to Settings > Security > Reset password.\n", made["body_markdown"].GetString());
        Assert.Equal("Navigate to Settings > Security > Reset password.", made["json_blocks"][0].GetProperty("text").GetString());
        Assert.Equal((true, 1, false, 0, false), (made["ai_chatbot_availability"].GetBoolean(), made["chatbot_availability"].GetInt32(),
            made["ai_copilot_availability"].GetBoolean(), made["copilot_availability"].GetInt32(), made["ai_sales_agent_availability"].GetBoolean()));
        Assert.Empty(made["audience_ids"].EnumerateArray());

        Assert.Equal("How to reset your password", (await Api.GetAsync($"/content_snippets/{id}")).Ok()["title"].GetString());
        var list = (await Api.GetAsync("/content_snippets")).Ok();
        Assert.Equal(("list", 1, 1, 50, 1), (list["type"].GetString(), list["total_count"].GetInt32(), list["page"].GetInt32(), list["per_page"].GetInt32(), list["total_pages"].GetInt32()));
        Assert.Equal([id], list["data"].EnumerateArray().Select(s => s.GetProperty("id").GetString()));

        var changed = (await Api.PutAsync($"/content_snippets/{id}", new { body_markdown = "First step.\n\nSecond step.", locale = "fr", ai_copilot_availability = true })).Ok();
        Assert.Equal("How to reset your password", changed["title"].GetString()); // not given, kept
        Assert.Equal(("fr", "First step.\n\nSecond step."), (changed["locale"].GetString(), changed["body_markdown"].GetString()));
        Assert.Equal(["First step.", "Second step."], changed["json_blocks"].EnumerateArray().Select(b => b.GetProperty("text").GetString()));
        Assert.True(changed["ai_chatbot_availability"].GetBoolean()); // kept
        Assert.True(changed["ai_copilot_availability"].GetBoolean());

        var deleted = await Api.DeleteAsync($"/content_snippets/{id}");
        deleted.Ok(204);
        Assert.Equal("Content snippet not found", (await Api.GetAsync($"/content_snippets/{id}")).Error(404, "not_found"));
        Assert.Empty((await Api.GetAsync("/content_snippets")).Ok()["data"].EnumerateArray());
    }

    [Fact]
    public async Task The_list_is_paged_by_number_with_at_most_50_a_page()
    {
        await fixture.ResetAsync();
        foreach (var n in Enumerable.Range(1, 3))
        {
            await SnippetAsync($"Snippet {n}");
        }

        var second = (await Api.GetAsync("/content_snippets?page=2&per_page=2")).Ok();
        Assert.Equal((3, 2, 2, 2), (second["total_count"].GetInt32(), second["page"].GetInt32(), second["per_page"].GetInt32(), second["total_pages"].GetInt32()));
        Assert.Equal(["Snippet 1"], second["data"].EnumerateArray().Select(s => s.GetProperty("title").GetString())); // the most recently updated first
        Assert.Equal("per_page must be an integer from 1 to 50, not '51'", (await Api.GetAsync("/content_snippets?per_page=51")).Error(400, "parameter_invalid"));
    }

    [Theory]
    [InlineData("""{"json_blocks":[]}""", 400, "parameter_not_found", "title is required")]
    [InlineData("""{"title":"T"}""", 400, "parameter_not_found", "json_blocks or body_markdown is required (the snippet's content)")]
    [InlineData("""{"title":" ","body_markdown":"x"}""", 400, "parameter_invalid", "title must not be blank")]
    [InlineData("""{"title":7,"body_markdown":"x"}""", 400, "parameter_invalid", "title must be a string, not a number")]
    [InlineData("""{"title":"T","json_blocks":[{"type":"paragraph","text":"x"}],"body_markdown":"x"}""", 400, "parameter_invalid", "json_blocks and body_markdown are mutually exclusive: give one")]
    [InlineData("""{"title":"T","json_blocks":"x"}""", 400, "parameter_invalid", "json_blocks must be a list of block objects, not a string (\"x\")")]
    [InlineData("""{"title":"T","body_markdown":"x","ai_chatbot_availability":"yes"}""", 400, "parameter_invalid", "ai_chatbot_availability must be true or false, not a string (\"yes\")")]
    [InlineData("""{"title":"T","body_markdown":"x","locale":"xx"}""", 422, "validation_error", "The language is not currently supported for Fin")]
    [InlineData("""{"title":"T","body_markdown":"x","audience_ids":[999]}""", 404, "parameter_invalid", "audience_ids contains unknown audience IDs: 999")]
    public async Task A_bad_snippet_is_refused_and_nothing_is_kept(string body, int status, string code, string message)
    {
        await fixture.ResetAsync();
        var reply = await Api.SendAsync(HttpMethod.Post, "/content_snippets", JsonDocument.Parse(body).RootElement);
        Assert.Equal(message, reply.Error(status, code));
        Assert.Empty((await Api.GetAsync("/content_snippets")).Ok()["data"].EnumerateArray());
    }

    [Fact]
    public async Task A_title_over_255_characters_is_refused()
    {
        var id = await SnippetAsync();
        Assert.Equal("title must be at most 255 characters, not 256", (await Api.PutAsync($"/content_snippets/{id}", new { title = new string('t', 256) })).Error(400, "parameter_invalid"));
        Assert.Equal("How to reset your password", (await Api.GetAsync($"/content_snippets/{id}")).Ok()["title"].GetString());
    }

    [Fact]
    public async Task Tags_are_applied_once_and_taken_off()
    {
        var id = await SnippetAsync();
        var tag = (await Api.PostAsync("/tags", new { name = EmulatorFixture.NewId("tag") })).Ok()["id"].GetString()!;
        var applied = (await Api.PostAsync($"/content_snippets/{id}/tags", new { id = tag })).Ok();
        Assert.Equal(("tag", tag), (applied["type"].GetString(), applied["id"].GetString()));
        Assert.NotEqual(JsonValueKind.Null, applied["applied_at"].ValueKind);
        var again = (await Api.PostAsync($"/content_snippets/{id}/tags", new { id = tag })).Ok();
        Assert.Equal(applied["applied_at"].GetInt64(), again["applied_at"].GetInt64());

        var removed = (await Api.DeleteAsync($"/content_snippets/{id}/tags/{tag}")).Ok();
        Assert.Equal((tag, JsonValueKind.Null, JsonValueKind.Null), (removed["id"].GetString(), removed["applied_at"].ValueKind, removed["applied_by"].ValueKind));
        Assert.Equal("Tag not found", (await Api.DeleteAsync($"/content_snippets/{id}/tags/{tag}")).Error(404, "tag_not_found"));
        Assert.Equal("Tag not found", (await Api.PostAsync($"/content_snippets/{id}/tags", new { id = "999999999" })).Error(404, "tag_not_found"));
        Assert.Equal("Content snippet not found", (await Api.PostAsync("/content_snippets/999/tags", new { id = tag })).Error(404, "content_snippet_not_found"));
        Assert.Equal("Content snippet not found", (await Api.DeleteAsync($"/content_snippets/999/tags/{tag}")).Error(404, "content_snippet_not_found"));
    }

    [Fact]
    public async Task Missing_snippets_are_404s()
    {
        Assert.Equal("Content snippet not found", (await Api.GetAsync("/content_snippets/999")).Error(404, "not_found"));
        Assert.Equal("Content snippet not found", (await Api.PutAsync("/content_snippets/abc", new { title = "x" })).Error(404, "not_found"));
        Assert.Equal("Content snippet not found", (await Api.DeleteAsync("/content_snippets/999")).Error(404, "not_found"));
    }

    [Fact]
    public async Task A_reset_empties_the_apps_snippets_and_their_tags_and_only_that_apps()
    {
        var other = fixture.V2Other.WithVersion("2.16");
        var kept = (await other.PostAsync("/content_snippets", new { title = "Other app's", body_markdown = "x" })).Ok(201)["id"].GetString()!;
        var id = await SnippetAsync();
        var tag = (await Api.PostAsync("/tags", new { name = EmulatorFixture.NewId("tag") })).Ok()["id"].GetString()!;
        (await Api.PostAsync($"/content_snippets/{id}/tags", new { id = tag })).Ok();
        await fixture.ResetAsync();
        Assert.Empty((await Api.GetAsync("/content_snippets")).Ok()["data"].EnumerateArray());
        Assert.Equal([kept], (await other.GetAsync("/content_snippets")).Ok()["data"].EnumerateArray().Select(s => s.GetProperty("id").GetString()));
        await fixture.Admin.ResetAsync();
        Assert.Empty((await other.GetAsync("/content_snippets")).Ok()["data"].EnumerateArray());
    }

    [Fact]
    public async Task The_dummy_app_answers_with_canned_snippets_and_keeps_nothing()
    {
        var dummy = fixture.V2For("dummy-app-id").WithVersion("2.16");
        Assert.Equal(["701", "702"], (await dummy.GetAsync("/content_snippets")).Ok()["data"].EnumerateArray().Select(s => s.GetProperty("id").GetString()));
        Assert.Equal("703", (await dummy.PostAsync("/content_snippets", new { title = "New", body_markdown = "Text." })).Ok(201)["id"].GetString());
        Assert.Equal("Renamed", (await dummy.PutAsync("/content_snippets/701", new { title = "Renamed" })).Ok()["title"].GetString());
        Assert.Equal("Reset your password", (await dummy.GetAsync("/content_snippets/701")).Ok()["title"].GetString());
        Assert.Equal("Content snippet not found", (await dummy.GetAsync("/content_snippets/703")).Error(404, "not_found"));
        Assert.Equal("Content snippet not found", (await dummy.PostAsync("/content_snippets/703/tags", new { id = "1" })).Error(404, "content_snippet_not_found"));
    }

    [Theory]
    [InlineData("2.11")]
    [InlineData("2.14")]
    [InlineData("2.15")]
    public async Task Versions_before_2_16_have_no_content_snippets(string version)
    {
        Assert.Equal("Requested resource is not available in current API version",
            (await fixture.V2.WithVersion(version).GetAsync("/content_snippets")).Error(400, "intercom_version_invalid"));
        Assert.Equal("Requested resource is not available in current API version",
            (await fixture.V2.WithVersion(version).PostAsync("/content_snippets/1/tags", new { id = "1" })).Error(400, "intercom_version_invalid"));
    }
}
