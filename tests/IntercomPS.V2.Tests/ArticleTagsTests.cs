using System.Globalization;
using System.Linq;
using System.Net.Http;
using System.Text.Json;
using System.Threading.Tasks;
using IntercomPS.Testing;
using Xunit;

namespace IntercomPS.V2.Tests;

/// <summary>
/// 2.16's tags on articles (POST /articles/{id}/tags, DELETE /articles/{id}/tags/{id}, and the same on internal
/// articles): the workspace's tags, applied by the teammate or the admin named, shown on a help center article (2.16's
/// internal article has no tags), refused as the description's examples refuse, and not served before 2.16.
/// </summary>
public class ArticleTagsTests(EmulatorFixture fixture) : IClassFixture<EmulatorFixture>
{
    private V2Client Api => fixture.V2.WithVersion("2.16");

    private async Task<string> AdminAsync() => (await Api.GetAsync("/me")).Ok()["id"].GetString()!;

    private async Task<string> ArticleAsync() =>
        (await Api.PostAsync("/articles", new { title = EmulatorFixture.NewId("article"), author_id = long.Parse(await AdminAsync(), CultureInfo.InvariantCulture) })).Ok()["id"].GetString()!;

    private async Task<string> InternalArticleAsync()
    {
        var admin = long.Parse(await AdminAsync(), CultureInfo.InvariantCulture);
        return (await Api.PostAsync("/internal_articles", new { title = EmulatorFixture.NewId("internal"), body = "Body", owner_id = admin, author_id = admin })).Ok()["id"].GetString()!;
    }

    private async Task<string> TagAsync() => (await Api.PostAsync("/tags", new { name = EmulatorFixture.NewId("tag") })).Ok()["id"].GetString()!;

    private static string[] TagIds(JsonElement article) =>
        [.. article.GetProperty("tags").GetProperty("tags").EnumerateArray().Select(t => t.GetProperty("id").GetString()!)];

    [Fact]
    public async Task A_help_center_article_is_tagged_shows_its_tags_and_loses_one_taken_off()
    {
        var article = await ArticleAsync();
        var (first, second) = (await TagAsync(), await TagAsync());
        var me = await AdminAsync();
        var other = await fixture.Admin.AddAdminAsync(EmulatorFixture.AppId, "Tia Tagger", EmulatorFixture.NewEmail("tia"));

        var applied = (await Api.PostAsync($"/articles/{article}/tags", new { id = first })).Ok();
        Assert.Equal("tag", applied["type"].GetString());
        Assert.Equal(first, applied["id"].GetString());
        Assert.Equal(me, applied["applied_by"].GetProperty("id").GetString()); // no admin_id: the authenticating teammate
        var appliedAt = applied["applied_at"].GetInt64();
        Assert.Equal(other, (await Api.PostAsync($"/articles/{article}/tags", new { id = second, admin_id = other })).Ok()["applied_by"].GetProperty("id").GetString());
        // Applied again: still the first application.
        Assert.Equal(me, (await Api.PostAsync($"/articles/{article}/tags", new { id = first, admin_id = other })).Ok()["applied_by"].GetProperty("id").GetString());

        var shown = (await Api.GetAsync($"/articles/{article}")).Ok();
        Assert.Equal([first, second], TagIds(shown.Json));
        Assert.Equal(appliedAt, shown["tags"].GetProperty("tags")[0].GetProperty("applied_at").GetInt64());
        var listed = (await Api.GetAsync("/articles?per_page=150")).Ok()["data"].EnumerateArray().Single(a => a.GetProperty("id").GetString() == article);
        Assert.Equal([first, second], TagIds(listed));

        var removed = (await Api.DeleteAsync($"/articles/{article}/tags/{first}")).Ok();
        Assert.Equal(first, removed["id"].GetString());
        Assert.Equal(JsonValueKind.Null, removed["applied_at"].ValueKind);
        Assert.Equal(JsonValueKind.Null, removed["applied_by"].ValueKind);
        Assert.Equal([second], TagIds((await Api.GetAsync($"/articles/{article}")).Ok().Json));
        Assert.Equal("Tag not found", (await Api.DeleteAsync($"/articles/{article}/tags/{first}")).Error(404, "tag_not_found"));
    }

    [Fact]
    public async Task An_internal_article_is_tagged_and_untagged_and_2_16_shows_no_tags_on_it()
    {
        var article = await InternalArticleAsync();
        var tag = await TagAsync();
        var applied = (await Api.PostAsync($"/internal_articles/{article}/tags", new { id = tag })).Ok();
        Assert.Equal(tag, applied["id"].GetString());
        Assert.Equal(await AdminAsync(), applied["applied_by"].GetProperty("id").GetString());
        Assert.False((await Api.GetAsync($"/internal_articles/{article}")).Ok().Json.TryGetProperty("tags", out _));
        var removed = (await Api.DeleteAsync($"/internal_articles/{article}/tags/{tag}")).Ok();
        Assert.Equal(JsonValueKind.Null, removed["applied_at"].ValueKind);
        Assert.Equal("Tag not found", (await Api.DeleteAsync($"/internal_articles/{article}/tags/{tag}")).Error(404, "tag_not_found"));
    }

    [Fact]
    public async Task Help_center_and_internal_articles_keep_their_tags_apart()
    {
        var (article, internalArticle, tag) = (await ArticleAsync(), await InternalArticleAsync(), await TagAsync());
        (await Api.PostAsync($"/internal_articles/{internalArticle}/tags", new { id = tag })).Ok();
        Assert.Empty(TagIds((await Api.GetAsync($"/articles/{article}")).Ok().Json));
        Assert.Equal("Tag not found", (await Api.DeleteAsync($"/articles/{article}/tags/{tag}")).Error(404, "tag_not_found"));
    }

    [Fact]
    public async Task Bad_input_is_refused_with_the_description_s_errors_and_tags_nothing()
    {
        var (article, internalArticle, tag) = (await ArticleAsync(), await InternalArticleAsync(), await TagAsync());
        Assert.Equal("Article not found", (await Api.PostAsync("/articles/999999999/tags", new { id = tag })).Error(404, "article_not_found"));
        Assert.Equal("Article not found", (await Api.DeleteAsync($"/articles/999999999/tags/{tag}")).Error(404, "article_not_found"));
        Assert.Equal("Internal article not found", (await Api.PostAsync("/internal_articles/999999999/tags", new { id = tag })).Error(404, "internal_article_not_found"));
        Assert.Equal("Internal article not found", (await Api.DeleteAsync($"/internal_articles/abc/tags/{tag}")).Error(404, "internal_article_not_found"));
        Assert.Equal("Tag not found", (await Api.PostAsync($"/articles/{article}/tags", new { id = "999999999" })).Error(404, "tag_not_found"));
        Assert.Equal("Tag not found", (await Api.PostAsync($"/internal_articles/{internalArticle}/tags", new { id = "999999999" })).Error(404, "tag_not_found"));
        Assert.Equal("Tag not found", (await Api.DeleteAsync($"/articles/{article}/tags/not-a-number")).Error(404, "tag_not_found"));
        Assert.Equal("id is required (the tag's id)", (await Api.PostAsync($"/articles/{article}/tags", new { admin_id = await AdminAsync() })).Error(400, "parameter_not_found"));
        Assert.Equal("Admin not found", (await Api.PostAsync($"/articles/{article}/tags", new { id = tag, admin_id = "123" })).Error(404, "admin_not_found"));
        Assert.Empty(TagIds((await Api.GetAsync($"/articles/{article}")).Ok().Json));
    }

    [Fact]
    public async Task A_deleted_tag_or_article_takes_the_tagging_with_it()
    {
        var (article, kept, gone) = (await ArticleAsync(), await TagAsync(), await TagAsync());
        (await Api.PostAsync($"/articles/{article}/tags", new { id = kept })).Ok();
        (await Api.PostAsync($"/articles/{article}/tags", new { id = gone })).Ok();
        (await Api.DeleteAsync($"/tags/{gone}")).Ok();
        Assert.Equal([kept], TagIds((await Api.GetAsync($"/articles/{article}")).Ok().Json));
        (await Api.DeleteAsync($"/articles/{article}")).Ok();
        Assert.Equal("Article not found", (await Api.DeleteAsync($"/articles/{article}/tags/{kept}")).Error(404, "article_not_found"));
    }

    [Theory]
    [InlineData("2.11")]
    [InlineData("2.14")]
    [InlineData("2.15")]
    public async Task Versions_before_2_16_cannot_tag_articles(string version)
    {
        var (article, internalArticle, tag) = (await ArticleAsync(), await InternalArticleAsync(), await TagAsync());
        var older = fixture.V2.WithVersion(version);
        const string Refused = "Requested resource is not available in current API version";
        Assert.Equal(Refused, (await older.PostAsync($"/articles/{article}/tags", new { id = tag })).Error(400, "intercom_version_invalid"));
        Assert.Equal(Refused, (await older.DeleteAsync($"/articles/{article}/tags/{tag}")).Error(400, "intercom_version_invalid"));
        Assert.Equal(Refused, (await older.PostAsync($"/internal_articles/{internalArticle}/tags", new { id = tag })).Error(400, "intercom_version_invalid"));
        Assert.Equal(Refused, (await older.DeleteAsync($"/internal_articles/{internalArticle}/tags/{tag}")).Error(400, "intercom_version_invalid"));
        Assert.Empty(TagIds((await Api.GetAsync($"/articles/{article}")).Ok().Json));
    }
}
