using System.Linq;
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
