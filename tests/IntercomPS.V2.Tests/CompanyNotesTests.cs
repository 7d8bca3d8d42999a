using System.Linq;
using System.Text.Json;
using System.Threading.Tasks;
using IntercomPS.Testing;
using Xunit;

namespace IntercomPS.V2.Tests;

/// <summary>
/// 2.16's notes on a company (GET/POST /companies/{id}/notes): written and listed as a contact's are, found by GET
/// /notes/{id} among the contacts' notes, gone with their company, and refused before 2.16.
/// </summary>
public class CompanyNotesTests(EmulatorFixture fixture) : IClassFixture<EmulatorFixture>
{
    private V2Client Api => fixture.V2.WithVersion("2.16");

    private async Task<string> NewCompany() =>
        (await fixture.V2.PostAsync("/companies", new { company_id = EmulatorFixture.NewId("co"), name = "Noted Ltd" })).Ok()["id"].GetString()!;

    [Fact]
    public async Task A_company_note_is_written_by_the_admin_named_listed_newest_first_and_found_by_its_id()
    {
        var company = await NewCompany();
        var admin = await fixture.Admin.AddAdminAsync(EmulatorFixture.AppId, "Nia Notes", EmulatorFixture.NewEmail("nia"));
        var first = (await Api.PostAsync($"/companies/{company}/notes", new { body = "Renewal due in May" })).Ok();
        Assert.Equal("note", first["type"].GetString());
        Assert.Equal("company", first["company"].GetProperty("type").GetString());
        Assert.Equal(company, first["company"].GetProperty("id").GetString());
        Assert.False(first.Json.TryGetProperty("contact", out _)); // "attached to either a contact or a company, never both"
        Assert.Equal("<p>Renewal due in May</p>", first["body"].GetString());
        Assert.Equal("Ada Admin", first["author"].GetProperty("name").GetString());
        var second = (await Api.PostAsync($"/companies/{company}/notes", new { body = "Called", admin_id = admin })).Ok();
        Assert.Equal(admin, second["author"].GetProperty("id").GetString());

        var list = (await Api.GetAsync($"/companies/{company}/notes")).Ok();
        Assert.Equal("list", list["type"].GetString());
        Assert.Equal(2, list["total_count"].GetInt32());
        Assert.Equal([second["id"].GetString(), first["id"].GetString()], list["data"].EnumerateArray().Select(n => n.GetProperty("id").GetString()));
        Assert.Equal(1, (await Api.GetAsync($"/companies/{company}/notes?per_page=1&page=2")).Ok()["data"].GetArrayLength());

        var found = (await Api.GetAsync($"/notes/{first["id"].GetString()}")).Ok();
        Assert.Equal(company, found["company"].GetProperty("id").GetString());
        Assert.Equal(first["body"].GetString(), found["body"].GetString());
    }

    [Fact]
    public async Task Contact_and_company_notes_share_ids_and_neither_list_shows_the_other()
    {
        var company = await NewCompany();
        var contact = (await Api.PostAsync("/contacts", new { email = EmulatorFixture.NewEmail() })).Ok()["id"].GetString()!;
        var onContact = (await Api.PostAsync($"/contacts/{contact}/notes", new { body = "about the person" })).Ok()["id"].GetString();
        var onCompany = (await Api.PostAsync($"/companies/{company}/notes", new { body = "about the account" })).Ok()["id"].GetString();
        Assert.NotEqual(onContact, onCompany);
        Assert.Equal([onContact], (await Api.GetAsync($"/contacts/{contact}/notes")).Ok()["data"].EnumerateArray().Select(n => n.GetProperty("id").GetString()));
        Assert.Equal([onCompany], (await Api.GetAsync($"/companies/{company}/notes")).Ok()["data"].EnumerateArray().Select(n => n.GetProperty("id").GetString()));
        Assert.Equal(contact, (await Api.GetAsync($"/notes/{onContact}")).Ok()["contact"].GetProperty("id").GetString());
    }

    [Fact]
    public async Task Bad_input_is_refused_with_the_description_s_errors_and_writes_nothing()
    {
        var company = await NewCompany();
        Assert.Equal("Company Not Found", (await Api.PostAsync("/companies/5f4d3c1c-7b1b-4d7d-a97e-6095715c6632/notes", new { body = "Hello" })).Error(404, "company_not_found"));
        Assert.Equal("Company Not Found", (await Api.GetAsync("/companies/5f4d3c1c-7b1b-4d7d-a97e-6095715c6632/notes")).Error(404, "company_not_found"));
        Assert.Equal("Resource Not Found", (await Api.PostAsync($"/companies/{company}/notes", new { body = "Hello", admin_id = "123" })).Error(404, "not_found"));
        Assert.Equal("body is required (the note's text)", (await Api.PostAsync($"/companies/{company}/notes", new { admin_id = "123" })).Error(400, "parameter_not_found"));
        Assert.Equal(0, (await Api.GetAsync($"/companies/{company}/notes")).Ok()["total_count"].GetInt32());
    }

    [Fact]
    public async Task A_deleted_company_takes_its_notes_with_it()
    {
        var company = await NewCompany();
        var note = (await Api.PostAsync($"/companies/{company}/notes", new { body = "soon gone" })).Ok()["id"].GetString();
        (await Api.DeleteAsync($"/companies/{company}")).Ok();
        Assert.Equal("Note not found", (await Api.GetAsync($"/notes/{note}")).Error(404, "not_found"));
    }

    [Theory]
    [InlineData("2.11")]
    [InlineData("2.14")]
    [InlineData("2.15")]
    public async Task Versions_before_2_16_have_no_company_notes(string version)
    {
        var company = await NewCompany();
        var note = (await Api.PostAsync($"/companies/{company}/notes", new { body = "2.16 only" })).Ok()["id"].GetString();
        var older = fixture.V2.WithVersion(version);
        Assert.Equal("Requested resource is not available in current API version",
            (await older.PostAsync($"/companies/{company}/notes", new { body = "x" })).Error(400, "intercom_version_invalid"));
        Assert.Equal("Requested resource is not available in current API version",
            (await older.GetAsync($"/companies/{company}/notes")).Error(400, "intercom_version_invalid"));
        Assert.Equal("Note not found", (await older.GetAsync($"/notes/{note}")).Error(404, "not_found")); // a version without company notes has none to show
        Assert.Equal(JsonValueKind.Object, (await fixture.V2.WithVersion("Unstable").GetAsync($"/notes/{note}")).Ok()["company"].ValueKind);
    }
}
