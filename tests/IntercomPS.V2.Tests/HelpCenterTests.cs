using System.Globalization;
using System.Linq;
using System.Threading.Tasks;
using IntercomPS.Testing;
using Xunit;

namespace IntercomPS.V2.Tests;

/// <summary>
/// The help center on the 2.14 face: articles (written, read, listed by numbered pages, searched, deleted), with their
/// other locales' content; collections and sections; the app's one fixed help center. Every answer is judged by the
/// description's schemas as every V2Client answer is.
/// </summary>
public class HelpCenterTests(EmulatorFixture fixture) : IClassFixture<EmulatorFixture>
{
    private V2Client Api => fixture.V2;

    private async Task<long> AdminAsync() => long.Parse((await Api.GetAsync("/me")).Ok()["id"].GetString()!, CultureInfo.InvariantCulture);

    private async Task<string> ArticleAsync(string title, string state = "draft", string body = "", object? parent = null) =>
        (await Api.PostAsync("/articles", new { title, body, author_id = await AdminAsync(), state, parent_id = parent })).Ok()["id"].GetString()!;

    [Fact]
    public async Task A_new_article_is_a_draft_by_its_admin_with_its_body_as_html_and_reads_back()
    {
        await fixture.ResetAsync();
        var admin = await AdminAsync();
        var created = (await Api.PostAsync("/articles", new { title = "Our old plan", description = "Pricing", body = "The Starter plan is gone.", author_id = admin })).Ok();
        Assert.Equal("article", created["type"].GetString());
        Assert.Equal("draft", created["state"].GetString());
        Assert.Equal(admin, created["author_id"].GetInt64());
        Assert.Equal("<p class=\"no-margin\">The Starter plan is gone.</p>", created["body"].GetString());
        Assert.Equal(System.Text.Json.JsonValueKind.Null, created["url"].ValueKind); // a draft has no public URL
        Assert.Equal(System.Text.Json.JsonValueKind.Null, created["parent_id"].ValueKind);
        Assert.Equal("article_statistics", created["statistics"].GetProperty("type").GetString());
        Assert.False(created.Json.TryGetProperty("translated_content", out _)); // one locale: no translated_content

        var id = created["id"].GetString()!;
        var read = (await Api.GetAsync($"/articles/{id}")).Ok();
        Assert.Equal("Our old plan", read["title"].GetString());
        Assert.Equal("Pricing", read["description"].GetString());

        var published = (await Api.PutAsync($"/articles/{id}", new { state = "published" })).Ok();
        Assert.Equal("published", published["state"].GetString());
        Assert.Equal("Our old plan", published["title"].GetString()); // what the PUT leaves out stays
        Assert.EndsWith($"/en/articles/{id}-our-old-plan", published["url"].GetString());
    }

    [Fact]
    public async Task On_2_16_an_article_has_markdown_audiences_and_ai_availability_as_an_internal_article_has()
    {
        await fixture.ResetAsync();
        var api = Api.WithVersion("2.16");
        var admin = await AdminAsync();
        var created = await api.PostAsync("/articles", new
        {
            title = "Guide", body_markdown = "# Guide\n\nSome instructions.", author_id = admin, ai_copilot_availability = true, audience_ids = System.Array.Empty<long>(),
        });
        Assert.Null(created.Header("X-Emulator-Warning"));
        Assert.Equal("# Guide\n\nSome instructions.", created.Ok()["body_markdown"].GetString());
        Assert.Equal("<p class=\"no-margin\"># Guide</p>\n<p class=\"no-margin\">Some instructions.</p>", created["body"].GetString()); // its text in paragraphs
        Assert.Equal((false, true, false), (created["ai_chatbot_availability"].GetBoolean(), created["ai_copilot_availability"].GetBoolean(), created["ai_sales_agent_availability"].GetBoolean()));
        var id = created["id"].GetString()!;
        Assert.Equal(created["body_markdown"].GetString(), (await api.GetAsync($"/articles/{id}")).Ok()["body_markdown"].GetString());

        // HTML replaces the markdown; a flag given changes, the others stay; the list and the search show them too.
        var updated = (await api.PutAsync($"/articles/{id}", new { body = "<p>New</p>", ai_chatbot_availability = true })).Ok();
        Assert.Equal(System.Text.Json.JsonValueKind.Null, updated["body_markdown"].ValueKind);
        Assert.Equal((true, true), (updated["ai_chatbot_availability"].GetBoolean(), updated["ai_copilot_availability"].GetBoolean()));
        Assert.True((await api.GetAsync("/articles")).Ok()["data"][0].GetProperty("ai_chatbot_availability").GetBoolean());
        Assert.True((await api.GetAsync("/articles/search?phrase=New")).Ok()["data"].GetProperty("articles")[0].GetProperty("ai_copilot_availability").GetBoolean());

        Assert.Equal("body and body_markdown are mutually exclusive: give one",
            (await api.PutAsync($"/articles/{id}", new { body = "a", body_markdown = "b" })).Error(400, "parameter_invalid"));
        Assert.Equal("ai_sales_agent_availability must be true or false, not a string (\"yes\")",
            (await api.PutAsync($"/articles/{id}", new { ai_sales_agent_availability = "yes" })).Error(400, "parameter_invalid"));
        // Audiences are not emulated: any is unknown, the documented 404, and nothing else of the write is kept.
        Assert.Equal("Audience 7 not found: audiences are not emulated",
            (await api.PutAsync($"/articles/{id}", new { title = "Lost", audience_ids = new[] { 7 } })).Error(404, "not_found"));
        Assert.Equal("Guide", (await api.GetAsync($"/articles/{id}")).Ok()["title"].GetString());

        // 2.16's fields are 2.14's unknown fields, named and ignored; its answers leave them out.
        var on214 = await Api.PutAsync($"/articles/{id}", new { ai_chatbot_availability = false, scheduled_publish_at = "2999-01-01T00:00:00Z" });
        Assert.StartsWith("ignored unknown fields 'ai_chatbot_availability', 'scheduled_publish_at'; ", on214.Header("X-Emulator-Warning"));
        Assert.False(on214.Ok().Json.TryGetProperty("ai_chatbot_availability", out _));
        var read = (await api.GetAsync($"/articles/{id}")).Ok();
        Assert.True(read["ai_chatbot_availability"].GetBoolean());
        Assert.Equal(System.Text.Json.JsonValueKind.Null, read["scheduled_publish_at"].ValueKind);
    }

    [Fact]
    public async Task On_2_16_a_publish_or_unpublish_is_scheduled_one_at_a_time_and_happens_when_due()
    {
        await fixture.ResetAsync();
        var api = Api.WithVersion("2.16");
        var admin = await AdminAsync();
        const string Later = "2999-12-31T09:00:00Z";
        const long LaterSeconds = 32_503_626_000;

        // With state published, a publish is scheduled instead of made; the draft has no unpublish to schedule.
        var created = (await api.PostAsync("/articles", new { title = "Launch", author_id = admin, state = "published", scheduled_publish_at = Later })).Ok();
        Assert.Equal(("draft", LaterSeconds), (created["state"].GetString(), created["scheduled_publish_at"].GetInt64()));
        Assert.Equal(System.Text.Json.JsonValueKind.Null, created["scheduled_unpublish_at"].ValueKind);
        var id = created["id"].GetString()!;
        async Task<string> Refused(object body) => (await api.PutAsync($"/articles/{id}", body)).Error(400, "parameter_invalid");
        Assert.Equal("scheduled_unpublish_at needs an article that has been published", await Refused(new { scheduled_unpublish_at = Later }));
        Assert.Equal("scheduled_publish_at cannot be combined with state draft: it schedules a publish", await Refused(new { state = "draft", scheduled_publish_at = Later }));
        Assert.Equal("scheduled_publish_at must be in the future", await Refused(new { scheduled_publish_at = "2020-01-01T00:00:00Z" }));
        Assert.Equal("scheduled_publish_at must be an ISO 8601 time (2026-12-31T09:00:00Z) or null, not a string (\"\")", await Refused(new { scheduled_publish_at = "" }));
        Assert.Equal("give scheduled_publish_at or scheduled_unpublish_at, not both: an article has at most one pending schedule",
            await Refused(new { scheduled_publish_at = Later, scheduled_unpublish_at = Later }));
        Assert.Equal(LaterSeconds, (await api.GetAsync($"/articles/{id}")).Ok()["scheduled_publish_at"].GetInt64()); // nothing refused changed it

        // null cancels the pending publish; once published, an unpublish may be scheduled, and it replaces a pending publish.
        Assert.Equal(System.Text.Json.JsonValueKind.Null, (await api.PutAsync($"/articles/{id}", """{"scheduled_publish_at":null}""")).Ok()["scheduled_publish_at"].ValueKind);
        (await api.PutAsync($"/articles/{id}", new { state = "published" })).Ok();
        (await api.PutAsync($"/articles/{id}", new { scheduled_publish_at = Later })).Ok();
        var unpublishing = (await api.PutAsync($"/articles/{id}", new { scheduled_unpublish_at = "2999-12-31T10:00:00+01:00" })).Ok();
        Assert.Equal(("published", LaterSeconds), (unpublishing["state"].GetString(), unpublishing["scheduled_unpublish_at"].GetInt64()));
        Assert.Equal(System.Text.Json.JsonValueKind.Null, unpublishing["scheduled_publish_at"].ValueKind);

        // When its time comes, a scheduled publish has happened, in every version's answers.
        var soon = System.DateTimeOffset.FromUnixTimeSeconds(System.DateTimeOffset.UtcNow.ToUnixTimeSeconds() + 2);
        var next = (await api.PostAsync("/articles", new { title = "Soon", author_id = admin, state = "published", scheduled_publish_at = soon.ToString("yyyy-MM-ddTHH:mm:ssZ", CultureInfo.InvariantCulture) })).Ok();
        Assert.Equal("draft", next["state"].GetString());
        await Task.Delay(System.TimeSpan.FromSeconds(1.1));
        (await api.PutAsync($"/articles/{id}", new { title = "Launched" })).Ok(); // updated before the publish comes due
        await Task.Delay(System.TimeSpan.FromSeconds(2.1));
        var due = (await api.GetAsync($"/articles/{next["id"].GetString()}")).Ok();
        Assert.Equal(("published", soon.ToUnixTimeSeconds()), (due["state"].GetString(), due["updated_at"].GetInt64()));
        Assert.Equal(System.Text.Json.JsonValueKind.Null, due["scheduled_publish_at"].ValueKind);
        Assert.Single((await Api.GetAsync("/articles/search?state=published&phrase=Soon")).Ok()["data"].GetProperty("articles").EnumerateArray());
        Assert.Equal(["Soon", "Launched"], (await Api.GetAsync("/articles")).Ok()["data"].EnumerateArray().Select(a => a.GetProperty("title").GetString())); // most recently updated first
    }

    [Fact]
    public async Task Title_and_author_are_required_and_the_author_must_be_an_admin()
    {
        await fixture.ResetAsync();
        Assert.Equal("author_id must be in the main body or default locale translated_content object",
            (await Api.PostAsync("/articles", new { title = "No author" })).Error(400, "parameter_not_found"));
        Assert.Equal("title must be in the main body or default locale translated_content object",
            (await Api.PostAsync("/articles", new { author_id = await AdminAsync() })).Error(400, "parameter_not_found"));
        Assert.Equal("author_id 12 is not a teammate (admin) of this workspace",
            (await Api.PostAsync("/articles", new { title = "x", author_id = 12 })).Error(400, "parameter_invalid"));
        Assert.Equal("state must be published or draft, not 'live'",
            (await Api.PostAsync("/articles", new { title = "x", author_id = await AdminAsync(), state = "live" })).Error(400, "parameter_invalid"));

        // The default locale's translated content stands in for the body's own fields.
        var fromLocale = (await Api.PostAsync("/articles", new { translated_content = new { en = new { title = "From en", author_id = await AdminAsync() } } })).Ok();
        Assert.Equal("From en", fromLocale["title"].GetString());
    }

    [Fact]
    public async Task The_parent_is_a_collection_or_section_of_the_app()
    {
        await fixture.ResetAsync();
        var collection = (await Api.PostAsync("/help_center/collections", new { name = "Billing" })).Ok()["id"].GetString()!;
        var section = (await Api.PostAsync("/help_center/collections", new { name = "Plans", parent_id = collection })).Ok()["id"].GetString()!;

        var inCollection = (await Api.GetAsync($"/articles/{await ArticleAsync("Invoices", parent: long.Parse(collection, CultureInfo.InvariantCulture))}")).Ok();
        Assert.Equal(long.Parse(collection, CultureInfo.InvariantCulture), inCollection["parent_id"].GetInt64());
        Assert.Equal("collection", inCollection["parent_type"].GetString());
        var inSection = (await Api.GetAsync($"/articles/{await ArticleAsync("Starter", parent: section)}")).Ok();
        Assert.Equal("section", inSection["parent_type"].GetString());

        Assert.Equal("parent_id 99 names no collection or section of this help center",
            (await Api.PostAsync("/articles", new { title = "x", author_id = await AdminAsync(), parent_id = 99 })).Error(400, "parameter_invalid"));
        Assert.Equal("parent_type must be collection or section, not 'folder'",
            (await Api.PostAsync("/articles", new { title = "x", author_id = await AdminAsync(), parent_type = "folder" })).Error(400, "parameter_invalid"));
    }

    [Fact]
    public async Task Other_locales_are_kept_beside_the_default_and_answered_as_translated_content()
    {
        await fixture.ResetAsync();
        var admin = await AdminAsync();
        var created = (await Api.PostAsync("/articles", new
        {
            title = "Thanks", body = "Body", author_id = admin, state = "published",
            translated_content = new { fr = new { title = "Merci", body = "Corps", state = "published" } },
        })).Ok();
        Assert.Equal("en", created["default_locale"].GetString());
        var translated = created["translated_content"];
        Assert.Equal("article_translated_content", translated.GetProperty("type").GetString());
        Assert.Equal("Thanks", translated.GetProperty("en").GetProperty("title").GetString());
        var fr = translated.GetProperty("fr");
        Assert.Equal("Merci", fr.GetProperty("title").GetString());
        Assert.Equal(admin, fr.GetProperty("author_id").GetInt64()); // the article's author, unless given
        Assert.Contains("/fr/articles/", fr.GetProperty("url").GetString());

        // A PUT changes one field of one locale; the rest of it stays.
        var id = created["id"].GetString()!;
        var changed = (await Api.PutAsync($"/articles/{id}", new { translated_content = new { fr = new { title = "Merci beaucoup" } } })).Ok();
        Assert.Equal("Merci beaucoup", changed["translated_content"].GetProperty("fr").GetProperty("title").GetString());
        Assert.Equal("<p class=\"no-margin\">Corps</p>", changed["translated_content"].GetProperty("fr").GetProperty("body").GetString());
        Assert.Equal("Thanks", changed["title"].GetString());

        Assert.Equal("translated_content.de.title is required for a locale the article does not have yet",
            (await Api.PutAsync($"/articles/{id}", new { translated_content = new { de = new { body = "Text" } } })).Error(400, "parameter_not_found"));
    }

    [Fact]
    public async Task The_list_is_numbered_pages_most_recently_updated_first()
    {
        await fixture.ResetAsync();
        var ids = new[] { await ArticleAsync("One"), await ArticleAsync("Two"), await ArticleAsync("Three") };
        await Task.Delay(1100); // updated_at is in seconds
        (await Api.PutAsync($"/articles/{ids[0]}", new { title = "One, edited" })).Ok();

        var first = (await Api.GetAsync("/articles?per_page=2")).Ok();
        Assert.Equal(3, first["total_count"].GetInt32());
        Assert.Equal(2, first["pages"].GetProperty("total_pages").GetInt32());
        Assert.Equal(1, first["pages"].GetProperty("page").GetInt32());
        var page1 = first["data"].EnumerateArray().Select(a => a.GetProperty("id").GetString()).ToList();
        var page2 = (await Api.GetAsync("/articles?per_page=2&page=2")).Ok()["data"].EnumerateArray().Select(a => a.GetProperty("id").GetString()).ToList();
        Assert.Equal(ids[0], page1[0]);
        Assert.Equal(ids.Order(), page1.Concat(page2).Order());
        Assert.Empty((await Api.GetAsync("/articles?per_page=2&page=3")).Ok()["data"].EnumerateArray());
        Assert.False(first["data"][0].TryGetProperty("statistics", out _)); // a list item has none

        Assert.Equal(25, (await Api.GetAsync("/articles")).Ok()["pages"].GetProperty("per_page").GetInt32());
        (await Api.GetAsync("/articles?per_page=151")).Error(400, "parameter_invalid");
    }

    [Fact]
    public async Task Search_finds_a_phrase_in_any_locale_by_state_and_help_center_and_highlights_it()
    {
        await fixture.ResetAsync();
        var collection = (await Api.PostAsync("/help_center/collections", new { name = "Billing" })).Ok()["id"].GetString()!;
        var published = await ArticleAsync("Moving off the Old Plan", "published", "<p>The old plan ends in May.</p>", collection);
        var draft = await ArticleAsync("Pricing", "draft", "Nothing about it");
        (await Api.PutAsync($"/articles/{draft}", new { translated_content = new { fr = new { title = "Tarifs", body = "Ancien: old plan" } } })).Ok();
        await ArticleAsync("Unrelated", "published");

        string[] Found(Reply r) => [.. r["data"].GetProperty("articles").EnumerateArray().Select(a => a.GetProperty("id").GetString()!).Order()];
        var all = (await Api.GetAsync("/articles/search?phrase=old%20plan")).Ok();
        Assert.Equal(2, all["total_count"].GetInt32());
        Assert.Equal(new[] { published, draft }.Order(), Found(all));
        Assert.Empty(all["data"].GetProperty("highlights").EnumerateArray());
        Assert.Equal([published], Found((await Api.GetAsync("/articles/search?phrase=old%20plan&state=published")).Ok()));
        Assert.Equal([draft], Found((await Api.GetAsync("/articles/search?phrase=OLD%20PLAN&state=draft")).Ok()));
        Assert.Equal([published], Found((await Api.GetAsync("/articles/search?phrase=old%20plan&help_center_id=301")).Ok()));
        Assert.Empty(Found((await Api.GetAsync("/articles/search?phrase=old%20plan&help_center_id=123")).Ok()));
        Assert.Equal(3, (await Api.GetAsync("/articles/search")).Ok()["total_count"].GetInt32()); // no phrase: every article

        var highlighted = (await Api.GetAsync("/articles/search?phrase=old%20plan&state=published&highlight=true")).Ok();
        var h = highlighted["data"].GetProperty("highlights")[0];
        Assert.Equal(published, h.GetProperty("article_id").GetString());
        Assert.Equal(["plain:Moving off the ", "highlight:Old Plan"],
            h.GetProperty("highlighted_title").EnumerateArray().Select(c => $"{c.GetProperty("type").GetString()}:{c.GetProperty("text").GetString()}"));
        Assert.Equal(["plain:The ", "highlight:old plan", "plain: ends in May."],
            h.GetProperty("highlighted_summary")[0].EnumerateArray().Select(c => $"{c.GetProperty("type").GetString()}:{c.GetProperty("text").GetString()}"));

        Assert.Equal("state must be published, draft or all, not 'live'", (await Api.GetAsync("/articles/search?state=live")).Error(400, "parameter_invalid"));
        Assert.Equal("highlight must be true or false, not 'yes'", (await Api.GetAsync("/articles/search?highlight=yes")).Error(400, "parameter_invalid"));
    }

    [Fact]
    public async Task A_deleted_article_is_gone_and_unknown_ids_are_not_found()
    {
        await fixture.ResetAsync();
        var id = await ArticleAsync("Temporary");
        var deleted = (await Api.DeleteAsync($"/articles/{id}")).Ok();
        Assert.Equal(id, deleted["id"].GetString());
        Assert.Equal("article", deleted["object"].GetString());
        Assert.True(deleted["deleted"].GetBoolean());
        foreach (var missing in new[] { id, "123", "abc" })
        {
            Assert.Equal("Resource Not Found", (await Api.GetAsync($"/articles/{missing}")).Error(404, "not_found"));
            Assert.Equal("Resource Not Found", (await Api.PutAsync($"/articles/{missing}", new { title = "x" })).Error(404, "not_found"));
            Assert.Equal("Resource Not Found", (await Api.DeleteAsync($"/articles/{missing}")).Error(404, "not_found"));
        }
    }

    [Fact]
    public async Task Collections_are_written_listed_and_deleted_with_their_sections_leaving_articles_alone()
    {
        await fixture.ResetAsync();
        Assert.Equal("Name is a required parameter.", (await Api.PostAsync("/help_center/collections", new { description = "x" })).Error(400, "parameter_not_found"));
        var collection = (await Api.PostAsync("/help_center/collections", new { name = "Billing", description = "Money" })).Ok();
        var id = collection["id"].GetString()!;
        Assert.Equal(301, collection["help_center_id"].GetInt64());
        Assert.Equal(1, collection["order"].GetInt32());
        Assert.Equal("book-bookmark", collection["icon"].GetString());
        var section = (await Api.PostAsync("/help_center/collections", new { name = "Plans", parent_id = id, translated_content = new { fr = new { name = "Forfaits" } } })).Ok();
        Assert.Equal(id, section["parent_id"].GetString());
        Assert.Equal("Forfaits", section["translated_content"].GetProperty("fr").GetProperty("name").GetString());
        var article = await ArticleAsync("Invoices", parent: section["id"].GetString());
        await Task.Delay(1100); // updated_at is in seconds

        var renamed = (await Api.PutAsync($"/help_center/collections/{id}", new { name = "Billing and plans" })).Ok();
        Assert.Equal("Billing and plans", renamed["name"].GetString());
        Assert.Equal("Money", renamed["description"].GetString());
        var list = (await Api.GetAsync("/help_center/collections")).Ok();
        Assert.Equal(2, list["total_count"].GetInt32());
        Assert.Equal(id, list["data"][0].GetProperty("id").GetString()); // most recently updated first
        Assert.Equal("help_center_id 7 names no help center of this workspace (its one help center is 301)",
            (await Api.PostAsync("/help_center/collections", new { name = "x", help_center_id = 7 })).Error(400, "parameter_invalid"));
        Assert.Equal("parent_id cannot be the collection itself",
            (await Api.PutAsync($"/help_center/collections/{id}", new { parent_id = id })).Error(400, "parameter_invalid"));

        var deleted = (await Api.DeleteAsync($"/help_center/collections/{id}")).Ok();
        Assert.Equal("collection", deleted["object"].GetString());
        Assert.Empty((await Api.GetAsync("/help_center/collections")).Ok()["data"].EnumerateArray());
        Assert.Equal("Resource Not Found", (await Api.GetAsync($"/help_center/collections/{section["id"].GetString()}")).Error(404, "not_found"));
        var orphan = (await Api.GetAsync($"/articles/{article}")).Ok();
        Assert.Equal(System.Text.Json.JsonValueKind.Null, orphan["parent_id"].ValueKind);
    }

    [Fact]
    public async Task Two_apps_articles_and_collections_are_kept_apart_and_resetting_one_app_leaves_the_others()
    {
        await fixture.ResetAsync();
        await fixture.Admin.ResetAsync(EmulatorFixture.OtherAppId);
        var other = fixture.V2Other;
        var theirAdmin = long.Parse((await other.GetAsync("/me")).Ok()["id"].GetString()!, CultureInfo.InvariantCulture);
        var theirCollection = (await other.PostAsync("/help_center/collections", new { name = "Theirs" })).Ok()["id"].GetString()!;
        var theirs = (await other.PostAsync("/articles", new { title = "Their article", author_id = theirAdmin, parent_id = long.Parse(theirCollection, CultureInfo.InvariantCulture) })).Ok()["id"].GetString()!;
        var ours = await ArticleAsync("Our article");

        // Neither app sees, changes, files under or deletes the other's.
        Assert.Equal([ours], (await Api.GetAsync("/articles")).Ok()["data"].EnumerateArray().Select(a => a.GetProperty("id").GetString()));
        Assert.Equal("Resource Not Found", (await Api.GetAsync($"/articles/{theirs}")).Error(404, "not_found"));
        Assert.Equal("Resource Not Found", (await Api.PutAsync($"/articles/{theirs}", new { title = "Mine now" })).Error(404, "not_found"));
        Assert.Equal("Resource Not Found", (await Api.DeleteAsync($"/articles/{theirs}")).Error(404, "not_found"));
        Assert.Equal("Resource Not Found", (await Api.DeleteAsync($"/help_center/collections/{theirCollection}")).Error(404, "not_found"));
        Assert.Equal($"parent_id {theirCollection} names no collection or section of this help center",
            (await Api.PutAsync($"/articles/{ours}", new { parent_id = long.Parse(theirCollection, CultureInfo.InvariantCulture) })).Error(400, "parameter_invalid"));
        Assert.Equal($"author_id {theirAdmin} is not a teammate (admin) of this workspace",
            (await Api.PutAsync($"/articles/{ours}", new { author_id = theirAdmin })).Error(400, "parameter_invalid"));
        Assert.Equal(0, (await Api.GetAsync("/articles/search?phrase=Their")).Ok()["total_count"].GetInt32());

        // Resetting this app empties its help center alone.
        await fixture.ResetAsync();
        Assert.Equal(0, (await Api.GetAsync("/articles")).Ok()["total_count"].GetInt32());
        var kept = (await other.GetAsync($"/articles/{theirs}")).Ok();
        Assert.Equal("Their article", kept["title"].GetString());
        Assert.Equal(long.Parse(theirCollection, CultureInfo.InvariantCulture), kept["parent_id"].GetInt64());
        Assert.Equal(1, (await other.GetAsync("/help_center/collections")).Ok()["total_count"].GetInt32());
        await fixture.Admin.ResetAsync(EmulatorFixture.OtherAppId);
    }

    [Fact]
    public async Task Every_app_has_one_fixed_help_center()
    {
        var list = (await Api.GetAsync("/help_center/help_centers")).Ok();
        var only = Assert.Single(list["data"].EnumerateArray());
        Assert.Equal("301", only.GetProperty("id").GetString());
        Assert.Equal(EmulatorFixture.AppId, only.GetProperty("workspace_id").GetString());
        Assert.Equal("301", (await Api.GetAsync("/help_center/help_centers/301")).Ok()["id"].GetString());
        Assert.Equal("Resource Not Found", (await Api.GetAsync("/help_center/help_centers/302")).Error(404, "not_found"));
        // Numbered pages, as the official SDK walks them until one is empty.
        Assert.Empty((await Api.GetAsync("/help_center/help_centers?page=2")).Ok()["data"].EnumerateArray());
    }
}
