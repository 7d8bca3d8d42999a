using System;
using System.Linq;
using System.Net.Http;
using System.Text.Json;
using System.Threading.Tasks;
using IntercomPS.Testing;
using Xunit;

namespace IntercomPS.V2.Tests;

/// <summary>A contact's tags as the description shapes them: up to 10 references inline, the count, and has_more for the rest.</summary>
public class ContactTagsTests(EmulatorFixture fixture) : IClassFixture<EmulatorFixture>
{
    private V2Client Api => fixture.V2;

    [Fact]
    public async Task A_contact_lists_at_most_ten_tag_references_and_says_there_are_more()
    {
        var contact = (await Api.PostAsync("/contacts", new { email = EmulatorFixture.NewEmail() })).Ok()["id"].GetString()!;
        var names = Enumerable.Range(1, 12).Select(n => EmulatorFixture.NewId("t" + n)).ToList();
        foreach (var name in names)
        {
            (await Api.PostAsync("/tags", new { name, users = new[] { new { id = contact } } })).Ok();
        }

        var tags = (await Api.GetAsync($"/contacts/{contact}")).Ok()["tags"];
        Assert.Equal(10, tags.GetProperty("data").GetArrayLength());
        Assert.All(tags.GetProperty("data").EnumerateArray(), tag => Assert.False(tag.TryGetProperty("name", out _)));
        Assert.Equal(12, tags.GetProperty("total_count").GetInt32());
        Assert.True(tags.GetProperty("has_more").GetBoolean());
        Assert.Equal($"/contacts/{contact}/tags", tags.GetProperty("url").GetString());

        var all = (await Api.GetAsync($"/contacts/{contact}/tags")).Ok()["data"].EnumerateArray().Select(tag => tag.GetProperty("name").GetString()).ToList();
        Assert.Equal(names.OrderBy(n => n), all.OrderBy(n => n));

        var searched = (await Api.PostAsync("/contacts/search", new { query = new { field = "id", @operator = "=", value = contact } })).Ok()["data"][0].GetProperty("tags");
        Assert.True(searched.GetProperty("has_more").GetBoolean());
    }

    [Fact]
    public async Task A_contacts_tags_say_when_and_by_which_admin_they_were_applied_on_either_face()
    {
        // 2.14's tag has applied_at and applied_by "when the tag is returned as part of a tagging operation on a
        // contact", and its examples of GET, POST and DELETE /contacts/{id}/tags carry both. The token's admin applies them.
        var me = (await Api.GetAsync("/me")).Ok()["id"].GetString();
        var email = EmulatorFixture.NewEmail();
        var contact = (await Api.PostAsync("/contacts", new { email })).Ok()["id"].GetString()!;
        var tag = (await Api.PostAsync("/tags", new { name = EmulatorFixture.NewId("applied") })).Ok()["id"].GetString()!;
        var before = DateTimeOffset.UtcNow.ToUnixTimeSeconds();
        var applied = (await Api.PostAsync($"/contacts/{contact}/tags", new { id = tag })).Ok().Json;
        Assert.InRange(applied.GetProperty("applied_at").GetInt64(), before, DateTimeOffset.UtcNow.ToUnixTimeSeconds());
        Assert.Equal(("admin", me), (applied.GetProperty("applied_by").GetProperty("type").GetString(), applied.GetProperty("applied_by").GetProperty("id").GetString()));
        Assert.Equal(applied.ToString(), (await Api.PostAsync($"/contacts/{contact}/tags", new { id = tag })).Ok().Json.ToString()); // again: as first applied
        Assert.Equal(applied.ToString(), Assert.Single((await Api.GetAsync($"/contacts/{contact}/tags")).Ok()["data"].EnumerateArray()).ToString());
        Assert.Equal(applied.ToString(), (await Api.DeleteAsync($"/contacts/{contact}/tags/{tag}")).Ok().Json.ToString()); // the tag as it was applied

        // POST /tags with users and v1's tagging record it too.
        var batch = EmulatorFixture.NewId("batch");
        (await Api.PostAsync("/tags", new { name = batch, users = new[] { new { id = contact } } })).Ok();
        var v1Tag = EmulatorFixture.NewId("v1");
        Assert.Equal(201, (await fixture.V1.SendAsync(HttpMethod.Post, "tags", new { name = v1Tag, emails = new[] { email }, tag_or_untag = "tag" })).Status); // created
        var listed = (await Api.GetAsync($"/contacts/{contact}/tags")).Ok()["data"].EnumerateArray().ToList();
        Assert.Equal([batch, v1Tag], listed.Select(t => t.GetProperty("name").GetString()).Order());
        Assert.All(listed, t => Assert.Equal(me, t.GetProperty("applied_by").GetProperty("id").GetString()));
        Assert.All(listed, t => Assert.InRange(t.GetProperty("applied_at").GetInt64(), before, DateTimeOffset.UtcNow.ToUnixTimeSeconds()));

        // A tag the contact does not have was applied by nobody: both null, as the tag schema allows (the answer stays
        // the tag: the description does not say a 404).
        var never = (await Api.DeleteAsync($"/contacts/{contact}/tags/{tag}")).Ok();
        Assert.Equal((JsonValueKind.Null, JsonValueKind.Null), (never["applied_at"].ValueKind, never["applied_by"].ValueKind));

        // Tags elsewhere stay as the description shapes them there: no applied_at on the tag itself or a contact's references.
        Assert.False((await Api.GetAsync($"/tags/{tag}")).Ok().Json.TryGetProperty("applied_at", out _));
        Assert.All((await Api.GetAsync($"/contacts/{contact}")).Ok()["tags"].GetProperty("data").EnumerateArray(), t => Assert.False(t.TryGetProperty("applied_at", out _)));
    }

    [Fact]
    public async Task A_contact_lists_its_first_ten_notes_and_companies_as_references_too()
    {
        // 2.14, of both: "Up to 10 will be displayed here. Use the url to get more." They were never shown, so a client
        // reading contact.companies.data for the contact's company found none.
        var contact = (await Api.PostAsync("/contacts", new { email = EmulatorFixture.NewEmail() })).Ok()["id"].GetString()!;
        var notes = new System.Collections.Generic.List<string>();
        for (var n = 0; n < 11; n++) notes.Add((await Api.PostAsync($"/contacts/{contact}/notes", new { body = $"note {n}" })).Ok()["id"].GetString()!);
        var company = (await Api.PostAsync("/companies", new { company_id = EmulatorFixture.NewId("co") })).Ok()["id"].GetString()!;
        (await Api.PostAsync($"/contacts/{contact}/companies", new { id = company })).Ok();

        foreach (var answer in new[]
        {
            (await Api.GetAsync($"/contacts/{contact}")).Ok().Json,
            (await Api.PostAsync("/contacts/search", new { query = new { field = "id", @operator = "=", value = contact } })).Ok()["data"][0],
        })
        {
            var inlined = answer.GetProperty("notes");
            Assert.Equal(Enumerable.Reverse(notes).Take(10), inlined.GetProperty("data").EnumerateArray().Select(n => n.GetProperty("id").GetString())); // newest first, as listed
            Assert.All(inlined.GetProperty("data").EnumerateArray(), n => Assert.Equal("note", n.GetProperty("type").GetString()));
            Assert.Equal(11, inlined.GetProperty("total_count").GetInt32());
            Assert.True(inlined.GetProperty("has_more").GetBoolean());
            var companies = answer.GetProperty("companies");
            var only = Assert.Single(companies.GetProperty("data").EnumerateArray());
            Assert.Equal(("company", company, $"/companies/{company}"),
                (only.GetProperty("type").GetString(), only.GetProperty("id").GetString(), only.GetProperty("url").GetString()));
            Assert.False(companies.GetProperty("has_more").GetBoolean());
        }
    }
}
