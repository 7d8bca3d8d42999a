using System.Linq;
using System.Threading.Tasks;
using IntercomPS.Testing;
using Xunit;

namespace IntercomPS.V2.Tests;

public class TagsNotesAttributesTests(EmulatorFixture fixture) : IClassFixture<EmulatorFixture>
{
    private V2Client Api => fixture.V2;

    private async Task<string> NewContact() => (await Api.PostAsync("/contacts", new { email = EmulatorFixture.NewEmail() })).Ok()["id"].GetString()!;

    [Fact]
    public async Task Post_tags_creates_finds_and_renames_and_ids_are_numeric_strings()
    {
        var name = EmulatorFixture.NewId("tag");
        var created = (await Api.PostAsync("/tags", new { name })).Ok();
        var id = created["id"].GetString()!;
        Assert.Matches("^[0-9]+$", id);
        Assert.Equal(id, (await Api.PostAsync("/tags", new { name = name.ToUpperInvariant() })).Ok()["id"].GetString()); // names are case-insensitive
        Assert.Equal("renamed-" + name, (await Api.PostAsync("/tags", new { name = "renamed-" + name, id })).Ok()["name"].GetString());
        Assert.Equal("renamed-" + name, (await Api.GetAsync($"/tags/{id}")).Ok()["name"].GetString());
        Assert.Contains((await Api.GetAsync("/tags")).Ok()["data"].EnumerateArray(), t => t.GetProperty("id").GetString() == id);
        (await Api.DeleteAsync($"/tags/{id}")).Ok();
        // What the description documents and the official SDK's tests meet: not_found, as every 2.14 tag 404.
        Assert.Equal("Resource Not Found", (await Api.GetAsync($"/tags/{id}")).Error(404, "not_found"));
        Assert.Equal("Resource Not Found", (await Api.DeleteAsync($"/tags/{id}")).Error(404, "not_found"));
    }

    [Fact]
    public async Task Post_tags_with_users_tags_and_untags_them()
    {
        var a = await NewContact();
        var b = await NewContact();
        var name = EmulatorFixture.NewId("tag");
        var tag = (await Api.PostAsync("/tags", new { name, users = new[] { new { id = a }, new { id = b } } })).Ok()["id"].GetString();
        Assert.Equal([tag], (await Api.GetAsync($"/contacts/{a}/tags")).Ok()["data"].EnumerateArray().Select(t => t.GetProperty("id").GetString()));
        (await Api.PostAsync("/tags", new { name, users = new object[] { new { id = a, untag = true } } })).Ok();
        Assert.Empty((await Api.GetAsync($"/contacts/{a}/tags")).Ok()["data"].EnumerateArray());
        Assert.Single((await Api.GetAsync($"/contacts/{b}")).Ok()["tags"].GetProperty("data").EnumerateArray());

        // One unknown contact fails the whole request: nobody is half-tagged.
        var c = await NewContact();
        (await Api.PostAsync("/tags", new { name = name + "-2", users = new[] { new { id = c }, new { id = "0000000000000000000fffff" } } })).Error(404, "not_found");
        Assert.Empty((await Api.GetAsync($"/contacts/{c}/tags")).Ok()["data"].EnumerateArray());
        // Companies are tagged too (CompanyTagsTests): one that is not there is their own 404.
        (await Api.PostAsync("/tags", new { name, companies = new[] { new { id = "1" } } })).Error(404, "company_not_found");
    }

    [Fact]
    public async Task A_batch_naming_a_contact_twice_ends_as_its_last_entry_says_and_an_unknown_id_is_named()
    {
        var (a, b, c) = (await NewContact(), await NewContact(), await NewContact());
        var name = EmulatorFixture.NewId("tag");
        var tag = (await Api.PostAsync("/tags", new { name, users = new[] { new { id = a }, new { id = b }, new { id = a } } })).Ok()["id"].GetString();
        (await Api.PostAsync("/tags", new
        {
            name,
            users = new object[] { new { id = a, untag = true }, new { id = c }, new { id = a }, new { id = b }, new { id = b, untag = true } },
        })).Ok();
        async Task<bool> Tagged(string contact) =>
            (await Api.GetAsync($"/contacts/{contact}/tags")).Ok()["data"].EnumerateArray().Any(t => t.GetProperty("id").GetString() == tag);
        Assert.Equal((true, false, true), (await Tagged(a), await Tagged(b), await Tagged(c)));

        var unknown = "0000000000000000000ffffe";
        Assert.Contains(unknown, (await Api.PostAsync("/tags", new { name, users = new object[] { new { id = b }, new { id = unknown }, new { id = a, untag = true } } })).Error(404, "not_found"));
        Assert.Equal((true, false), (await Tagged(a), await Tagged(b))); // nothing of the refused batch applied
    }

    [Fact]
    public async Task Contact_tags_add_and_remove()
    {
        var contact = await NewContact();
        var tag = (await Api.PostAsync("/tags", new { name = EmulatorFixture.NewId("tag") })).Ok()["id"].GetString();
        Assert.Equal(tag, (await Api.PostAsync($"/contacts/{contact}/tags", new { id = tag })).Ok()["id"].GetString());
        var search = (await Api.PostAsync("/contacts/search", new { query = new { field = "tag_id", @operator = "=", value = tag } })).Ok();
        Assert.Equal(contact, search["data"][0].GetProperty("id").GetString());
        Assert.Equal(tag, (await Api.DeleteAsync($"/contacts/{contact}/tags/{tag}")).Ok()["id"].GetString());
        Assert.Empty((await Api.GetAsync($"/contacts/{contact}/tags")).Ok()["data"].EnumerateArray());
        Assert.Equal("Resource Not Found", (await Api.PostAsync($"/contacts/{contact}/tags", new { id = "999999" })).Error(404, "not_found"));
        Assert.Equal("Resource Not Found", (await Api.DeleteAsync($"/contacts/{contact}/tags/999999")).Error(404, "not_found"));
        (await Api.PostAsync($"/contacts/{contact}/tags", new { })).Error(400, "parameter_not_found");
    }

    [Fact]
    public async Task Notes_are_written_by_the_tokens_admin_or_the_admin_named()
    {
        var contact = await NewContact();
        var admin = (await Api.GetAsync("/me")).Ok()["id"].GetString();
        var note = (await Api.PostAsync($"/contacts/{contact}/notes", new { body = "Called about <b>billing</b>" })).Ok();
        Assert.Equal("<p>Called about &lt;b&gt;billing&lt;/b&gt;</p>", note["body"].GetString());
        Assert.Equal(admin, note["author"].GetProperty("id").GetString());
        Assert.Equal(contact, note["contact"].GetProperty("id").GetString());
        (await Api.PostAsync($"/contacts/{contact}/notes", new { body = "second", admin_id = admin })).Ok();
        // The description's "Admin not found" example of this operation: not_found, as its other 404s, not admin_not_found.
        Assert.Equal("Resource Not Found", (await Api.PostAsync($"/contacts/{contact}/notes", new { body = "third", admin_id = "1" })).Error(404, "not_found"));

        var list = (await Api.GetAsync($"/contacts/{contact}/notes")).Ok();
        Assert.Equal(2, list["total_count"].GetInt32());
        Assert.Equal("<p>second</p>", list["data"][0].GetProperty("body").GetString()); // newest first
        Assert.Equal(note["body"].GetString(), (await Api.GetAsync($"/notes/{note["id"].GetString()}")).Ok()["body"].GetString());
        Assert.Equal(2, (await Api.GetAsync($"/contacts/{contact}")).Ok()["notes"].GetProperty("total_count").GetInt32());
        (await Api.GetAsync("/notes/999999")).Error(404, "not_found");
        (await Api.PostAsync($"/contacts/{contact}/notes", new { body = "  " })).Error(400, "parameter_not_found");
    }

    [Fact]
    public async Task A_contacts_notes_and_companies_come_in_numbered_pages_and_a_page_past_the_end_is_empty()
    {
        // The official Node SDK (intercom-client 7) lists both by asking page 1, 2, 3... until one comes back empty:
        // a page that ignored `page` gave every page again, and the SDK never stopped.
        var contact = await NewContact();
        for (var n = 1; n <= 3; n++) (await Api.PostAsync($"/contacts/{contact}/notes", new { body = $"note {n}" })).Ok();
        var first = (await Api.GetAsync($"/contacts/{contact}/notes")).Ok();
        Assert.Equal(3, first["data"].GetArrayLength());
        Assert.Equal(50, first["pages"].GetProperty("per_page").GetInt32()); // as the description's example, a page of 50
        var page1 = (await Api.GetAsync($"/contacts/{contact}/notes?per_page=2")).Ok();
        var page2 = (await Api.GetAsync($"/contacts/{contact}/notes?per_page=2&page=2")).Ok();
        Assert.Equal(["<p>note 3</p>", "<p>note 2</p>", "<p>note 1</p>"],
            page1["data"].EnumerateArray().Concat(page2["data"].EnumerateArray()).Select(n => n.GetProperty("body").GetString()));
        Assert.Equal(2, page2["pages"].GetProperty("page").GetInt32());
        Assert.Equal(2, page2["pages"].GetProperty("total_pages").GetInt32());
        Assert.Equal(3, page2["total_count"].GetInt32());
        Assert.Equal(0, (await Api.GetAsync($"/contacts/{contact}/notes?page=2")).Ok()["data"].GetArrayLength());

        var company = (await Api.PostAsync("/companies", new { company_id = EmulatorFixture.NewId("paged") })).Ok()["id"].GetString();
        (await Api.PostAsync($"/contacts/{contact}/companies", new { id = company })).Ok();
        Assert.Single((await Api.GetAsync($"/contacts/{contact}/companies?page=1")).Ok()["data"].EnumerateArray());
        Assert.Equal(0, (await Api.GetAsync($"/contacts/{contact}/companies?page=2")).Ok()["data"].GetArrayLength());
        (await Api.GetAsync($"/contacts/{contact}/notes?per_page=151")).Error(400, "parameter_invalid");
    }

    [Fact]
    public async Task Data_attributes_list_the_standard_ones_and_create_custom_ones_once()
    {
        var created = (await Api.PostAsync("/data_attributes", new { name = "tier", model = "contact", data_type = "integer", description = "Support tier" })).Ok();
        Assert.True(created["custom"].GetBoolean());
        (await Api.PostAsync("/data_attributes", new { name = "tier", model = "contact", data_type = "integer" })).Error(400, "parameter_invalid");
        (await Api.PostAsync("/data_attributes", new { name = "x", model = "contact", data_type = "money" })).Error(400, "parameter_invalid");
        var spaced = (await Api.PostAsync("/data_attributes", new { name = "Monthly spend €-band_2", model = "contact", data_type = "string" })).Ok();
        Assert.Equal("Monthly spend €-band_2", spaced["name"].GetString());
        foreach (var invalid in new[] { "!nv@l!d n@me", "plan.type", "say \"hi\"", "a/b" })
        {
            var message = (await Api.PostAsync("/data_attributes", new { name = invalid, model = "contact", data_type = "string" })).Error(400, "parameter_invalid");
            Assert.Equal("Your name for this attribute must only contain alphanumeric characters, currency symbols, and hyphens", message);
        }

        var names = (await Api.GetAsync("/data_attributes?model=contact")).Ok()["data"].EnumerateArray().Select(a => a.GetProperty("name").GetString()).ToList();
        Assert.Contains("email", names);
        Assert.Contains("tier", names);
    }
}
