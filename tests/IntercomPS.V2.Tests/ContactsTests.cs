using System.Collections.Generic;
using System.Linq;
using System.Text.Json;
using System.Threading.Tasks;
using IntercomPS.Testing;
using Xunit;

namespace IntercomPS.V2.Tests;

public class ContactsTests(EmulatorFixture fixture) : IClassFixture<EmulatorFixture>
{
    private V2Client Api => fixture.V2;

    [Fact]
    public async Task Create_get_update_and_delete_a_contact()
    {
        var email = EmulatorFixture.NewEmail();
        var externalId = EmulatorFixture.NewId();
        var created = (await Api.PostAsync("/contacts", new { email, external_id = externalId, name = "Joe Bloggs", phone = "+353871234567", signed_up_at = 1571672154 })).Ok();
        var id = created["id"].GetString()!;
        Assert.Matches("^[0-9a-f]{24}$", id);
        Assert.Equal("user", created["role"].GetString());
        Assert.Equal(1571672154, created["signed_up_at"].GetInt64());

        var read = (await Api.GetAsync($"/contacts/{id}")).Ok();
        Assert.Equal(email, read["email"].GetString());
        Assert.Equal("+353871234567", read["phone"].GetString());

        var updated = (await Api.PutAsync($"/contacts/{id}", new { name = "Joe B", last_seen_at = 1700000000 })).Ok();
        Assert.Equal("Joe B", updated["name"].GetString());
        Assert.Equal(email, updated["email"].GetString()); // not mentioned, not blanked
        Assert.Equal(1700000000, updated["last_seen_at"].GetInt64());

        var deleted = (await Api.DeleteAsync($"/contacts/{id}")).Ok();
        Assert.True(deleted["deleted"].GetBoolean());
        Assert.Equal(externalId, deleted["external_id"].GetString());
        (await Api.GetAsync($"/contacts/{id}")).Error(404, "not_found");
    }

    [Fact]
    public async Task An_update_answers_the_contact_as_a_read_after_it_finds_it()
    {
        // The update answers from the row it read before writing plus what the write returned, not from a second read:
        // tags, notes and companies it did not touch, and the details and updated_at it did, must be as stored.
        var id = (await Api.PostAsync("/contacts", new { email = EmulatorFixture.NewEmail(), name = "Before" })).Ok()["id"].GetString()!;
        var tag = (await Api.PostAsync("/tags", new { name = "update-answer-" + EmulatorFixture.NewId() })).Ok()["id"].GetString();
        (await Api.PostAsync($"/contacts/{id}/tags", new { id = tag })).Ok();
        (await Api.PostAsync($"/contacts/{id}/notes", new { body = "kept" })).Ok();
        var company = (await Api.PostAsync("/companies", new { company_id = "update-answer-" + EmulatorFixture.NewId(), name = "Kept" })).Ok()["id"].GetString();
        (await Api.PostAsync($"/contacts/{id}/companies", new { id = company })).Ok();

        foreach (var body in new object[]
        {
            new { name = "After" },
            new { phone = "+353871234567", signed_up_at = 1571672154, last_seen_at = 1700000000, unsubscribed_from_emails = true },
            new { role = "lead", external_id = EmulatorFixture.NewId() },
            // A visit later than the write: updated_at is the later of the two, in the answer as in every read.
            new { last_seen_at = 4102444800 },
        })
        {
            var updated = (await Api.PutAsync($"/contacts/{id}", body)).Ok();
            Assert.Equal((await Api.GetAsync($"/contacts/{id}")).Ok().Text, updated.Text);
        }

        Assert.Equal("lead", (await Api.GetAsync($"/contacts/{id}")).Ok()["role"].GetString());
    }

    [Fact]
    public async Task A_typo_in_a_contact_write_is_ignored_but_named_as_on_v1()
    {
        // "custom_attribute" for "custom_attributes": the real service drops it without a word; a script never learns.
        var created = (await Api.PostAsync("/contacts", new { email = EmulatorFixture.NewEmail(), custom_attribute = new { plan = "pro" } })).Ok();
        Assert.Equal("ignored unknown field 'custom_attribute'; POST /contacts takes avatar, custom_attributes, email, external_id, language_override, "
            + "last_seen_at, name, owner_id, phone, role, signed_up_at, unsubscribed_from_emails", created.Header("X-Emulator-Warning"));
        Assert.Empty(created["custom_attributes"].EnumerateObject());

        var id = created["id"].GetString();
        Assert.StartsWith("ignored unknown field 'nmae'; PUT /contacts/",
            (await Api.PutAsync($"/contacts/{id}", new { nmae = "Typo" })).Ok().Header("X-Emulator-Warning"));
        Assert.Null((await Api.PutAsync($"/contacts/{id}", new { name = "Right" })).Ok().Header("X-Emulator-Warning"));
    }

    [Fact]
    public async Task In_2_16_email_verified_goes_with_an_email_and_is_checked()
    {
        // 2.16's create and update take email_verified, "supplied together with an email in the same request; sending it
        // without an email returns a 400". 2.16's contact answer has no email_verified, so it is checked, not shown.
        var api = Api.WithVersion("2.16");
        var email = EmulatorFixture.NewEmail();
        var created = await api.PostAsync("/contacts", new { email, email_verified = true });
        Assert.Null(created.Header("X-Emulator-Warning"));
        var id = created.Ok()["id"].GetString();
        Assert.False(created.Json.TryGetProperty("email_verified", out _));

        Assert.Equal("email_verified must be sent together with an email in the same request",
            (await api.PostAsync("/contacts", new { external_id = EmulatorFixture.NewId(), email_verified = true })).Error(400, "parameter_invalid"));
        Assert.Equal("email_verified must be sent together with an email in the same request",
            (await api.PutAsync($"/contacts/{id}", new { name = "Lost", email_verified = false })).Error(400, "parameter_invalid"));
        Assert.Equal("email_verified must be true, false or null, not a string (\"yes\")",
            (await api.PutAsync($"/contacts/{id}", new { email, name = "Lost", email_verified = "yes" })).Error(400, "parameter_invalid"));
        Assert.Equal(email, (await api.GetAsync($"/contacts/{id}")).Ok()["email"].GetString()); // nothing refused was applied
        Assert.NotEqual("Lost", (await api.GetAsync($"/contacts/{id}")).Ok()["name"].GetString());

        var other = EmulatorFixture.NewEmail();
        var updated = await api.PutAsync($"/contacts/{id}", $$"""{"email":"{{other}}","email_verified":null}""");
        Assert.Null(updated.Header("X-Emulator-Warning"));
        Assert.Equal(other, updated.Ok()["email"].GetString());

        // Before 2.16 it is an unknown field: named, ignored, so no email is needed.
        var old = await Api.PutAsync($"/contacts/{id}", new { name = "Kept", email_verified = true });
        Assert.Equal("Kept", old.Ok()["name"].GetString());
        Assert.StartsWith("ignored unknown field 'email_verified'; PUT /contacts/", old.Header("X-Emulator-Warning"));
    }

    [Fact]
    public async Task A_lead_needs_only_its_role()
    {
        var lead = (await Api.PostAsync("/contacts", new { role = "lead" })).Ok();
        Assert.Equal("lead", lead["role"].GetString());
        Assert.Equal(JsonValueKind.Null, lead["external_id"].ValueKind);
    }

    [Fact]
    public async Task Find_by_external_id()
    {
        var externalId = EmulatorFixture.NewId();
        var id = (await Api.PostAsync("/contacts", new { external_id = externalId })).Ok()["id"].GetString();
        Assert.Equal(id, (await Api.GetAsync($"/contacts/find_by_external_id/{externalId}")).Ok()["id"].GetString());
        (await Api.GetAsync("/contacts/find_by_external_id/nobody-has-this")).Error(404, "not_found");
    }

    [Fact]
    public async Task An_email_or_external_id_in_use_is_the_real_apis_409_conflict_naming_the_holder()
    {
        var email = EmulatorFixture.NewEmail();
        var externalId = EmulatorFixture.NewId();
        var id = (await Api.PostAsync("/contacts", new { email, external_id = externalId })).Ok()["id"].GetString();
        Assert.Equal($"A contact matching those details already exists with id={id}",
            (await Api.PostAsync("/contacts", new { email })).Error(409, "conflict"));
        (await Api.PostAsync("/contacts", new { external_id = externalId, email = EmulatorFixture.NewEmail() })).Error(409, "conflict");
        var other = (await Api.PostAsync("/contacts", new { email = EmulatorFixture.NewEmail() })).Ok()["id"].GetString();
        (await Api.PutAsync($"/contacts/{other}", new { external_id = externalId })).Error(409, "conflict");

        // Leads may share an email with a user.
        (await Api.PostAsync("/contacts", new { email, role = "lead" })).Ok();
    }

    [Fact]
    public async Task Archive_hides_a_contact_from_lists_until_unarchived()
    {
        var email = EmulatorFixture.NewEmail();
        var id = (await Api.PostAsync("/contacts", new { email })).Ok()["id"].GetString();
        Assert.True((await Api.PostAsync($"/contacts/{id}/archive")).Ok()["archived"].GetBoolean());
        var query = new { query = new { field = "email", @operator = "=", value = email } };
        Assert.Equal(0, (await Api.PostAsync("/contacts/search", query)).Ok()["total_count"].GetInt32());
        Assert.False((await Api.PostAsync($"/contacts/{id}/unarchive")).Ok()["archived"].GetBoolean());
        Assert.Equal(1, (await Api.PostAsync("/contacts/search", query)).Ok()["total_count"].GetInt32());
    }

    [Fact]
    public async Task The_list_pages_by_cursor_up_to_150_and_visits_every_contact_once()
    {
        await fixture.Admin.ResetAsync(EmulatorFixture.OtherAppId);
        await fixture.Admin.SeedAsync(EmulatorFixture.OtherAppId, 320, prefix: "list");
        var seen = new List<string>();
        string? cursor = null;
        var pages = 0;
        do
        {
            var page = (await fixture.V2Other.GetAsync("/contacts?per_page=150" + (cursor is null ? "" : "&starting_after=" + cursor))).Ok();
            pages++;
            Assert.Equal(320, page["total_count"].GetInt32());
            var p = page["pages"];
            Assert.Equal(pages, p.GetProperty("page").GetInt32());
            Assert.Equal(3, p.GetProperty("total_pages").GetInt32());
            seen.AddRange(page["data"].EnumerateArray().Select(c => c.GetProperty("external_id").GetString()!));
            cursor = p.TryGetProperty("next", out var next) ? next.GetProperty("starting_after").GetString() : null;
        }
        while (cursor is not null);

        Assert.Equal(3, pages);
        Assert.Equal(Enumerable.Range(1, 320).Select(n => $"list{n}"), seen);
    }

    [Theory]
    [InlineData("per_page=151")]
    [InlineData("per_page=0")]
    [InlineData("per_page=ten")]
    [InlineData("starting_after=not-a-cursor")]
    public async Task Bad_paging_is_a_400_that_names_the_parameter(string query)
    {
        (await Api.GetAsync("/contacts?" + query)).Error(400, "parameter_invalid");
    }

    [Fact]
    public async Task A_custom_attribute_that_does_not_exist_is_refused_as_the_real_api_refuses_it()
    {
        var email = EmulatorFixture.NewEmail();
        var message = (await Api.PostAsync("/contacts", new { email, custom_attributes = new { plan_typo = "pro" } })).Error(400, "parameter_not_found");
        Assert.Contains("plan_typo", message);
        Assert.Equal(0, (await Api.PostAsync("/contacts/search", new { query = new { field = "email", @operator = "=", value = email } })).Ok()["total_count"].GetInt32());

        (await Api.PostAsync("/data_attributes", new { name = "plan", model = "contact", data_type = "string" })).Ok();
        var contact = (await Api.PostAsync("/contacts", new { email, custom_attributes = new { plan = "pro" } })).Ok();
        Assert.Equal("pro", contact["custom_attributes"].GetProperty("plan").GetString());
    }

    [Theory]
    [InlineData("""{"email":"not-an-email"}""", "parameter_invalid")]
    [InlineData("""{"role":"admin"}""", "parameter_invalid")]
    [InlineData("""{"name":"x"}""", "parameter_not_found")]
    [InlineData("""{"email":42}""", "parameter_invalid")]
    [InlineData("""{"role":"user","signed_up_at":"yesterday"}""", "parameter_invalid")]
    [InlineData("""{"role":"user","custom_attributes":[1]}""", "parameter_invalid")]
    [InlineData("""[1,2]""", "parameter_invalid")]
    [InlineData("""{"email":""", "parameter_invalid")]
    public async Task Bad_contact_input_is_a_400_that_loses_nothing(string body, string code)
    {
        (await Api.PostAsync("/contacts", body)).Error(400, code);
    }
}
