using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading.Tasks;
using IntercomPS.Testing;
using Xunit;

namespace IntercomPS.V2.Tests;

/// <summary>
/// Companies on the 2.14 face, every answer judged by the description: create or update by company_id, find, the
/// list and its limit, the scroll and its rules (one per app, expiry, the empty page that ends it, the failing page
/// that leaves it open), company-contact links on both sides, delete.
/// </summary>
public class CompaniesTests(EmulatorFixture fixture) : IClassFixture<EmulatorFixture>
{
    private V2Client Api => fixture.V2;

    [Fact]
    public async Task A_company_is_created_then_updated_by_its_company_id()
    {
        await fixture.ResetAsync();
        var created = (await Api.PostAsync("/companies", new { company_id = "c-1", name = "One", plan = "Pro", monthly_spend = 155.98, custom_attributes = new { region = "emea" } })).Ok();
        var id = created["id"].GetString()!;
        Assert.Matches("^[0-9a-f]{24}$", id);
        Assert.Equal(155, created["monthly_spend"].GetInt64());
        var updated = (await Api.PostAsync("/companies", new { company_id = "c-1", size = 12, custom_attributes = new { tier = "gold" } })).Ok();
        Assert.Equal(id, updated["id"].GetString());
        Assert.Equal("One", updated["name"].GetString());
        Assert.Equal("Pro", updated["plan"].GetProperty("name").GetString());
        Assert.Equal("emea", updated["custom_attributes"].GetProperty("region").GetString());
        Assert.Equal("gold", updated["custom_attributes"].GetProperty("tier").GetString());
        Assert.Equal("c-1", (await Api.GetAsync($"/companies/{id}")).Ok()["company_id"].GetString());
        Assert.Equal(1, (await Api.PostAsync("/companies/list")).Ok()["total_count"].GetInt32());
    }

    [Theory]
    [InlineData("""{"name":"No id"}""", 400, "parameter_not_found")]
    [InlineData("""{"company_id":"c","test":"invalid"}""", 400, "bad_request")]
    [InlineData("""{"company_id":""}""", 400, "parameter_invalid")]
    [InlineData("""{"company_id":"c","size":"many"}""", 400, "parameter_invalid")]
    [InlineData("""{"company_id":"c","custom_attributes":{"a":{"b":1}}}""", 400, "parameter_invalid")]
    public async Task A_bad_company_is_refused_and_not_stored(string body, int status, string code)
    {
        await fixture.ResetAsync();
        (await Api.PostAsync("/companies", body)).Error(status, code);
        Assert.Equal(0, (await Api.PostAsync("/companies/list")).Ok()["total_count"].GetInt32());
    }

    [Fact]
    public async Task A_defined_company_attribute_takes_only_its_type_and_a_refused_create_stores_nothing()
    {
        await fixture.ResetAsync();
        (await Api.PostAsync("/data_attributes", new { name = "seats", model = "company", data_type = "integer" })).Ok();
        var refused = (await Api.PostAsync("/companies", new { company_id = "t-1", custom_attributes = new { seats = "notanumber" } })).Error(400, "parameter_invalid");
        Assert.Contains("custom_attributes.seats must be an integer", refused);
        Assert.Equal(0, (await Api.PostAsync("/companies/list")).Ok()["total_count"].GetInt32());

        var company = (await Api.PostAsync("/companies", new { company_id = "t-1", custom_attributes = new { seats = 12, region = "emea" } })).Ok();
        Assert.Equal(12, company["custom_attributes"].GetProperty("seats").GetInt64());
        (await Api.PostAsync("/companies", new { company_id = "t-1", custom_attributes = new { seats = 1.5 } })).Error(400, "parameter_invalid");
        // A contact attribute of the same name does not type the company's, nor the other way round.
        (await Api.PostAsync("/data_attributes", new { name = "region", model = "contact", data_type = "integer" })).Ok();
        (await Api.PostAsync("/companies", new { company_id = "t-1", custom_attributes = new { region = "apac" } })).Ok();
    }

    [Fact]
    public async Task Companies_are_found_by_company_id_or_name_and_a_missing_one_is_a_404()
    {
        await fixture.ResetAsync();
        (await Api.PostAsync("/companies", new { company_id = "f-1", name = "Same" })).Ok();
        (await Api.PostAsync("/companies", new { company_id = "f-2", name = "Same" })).Ok();
        Assert.Equal(["f-1"], (await Api.GetAsync("/companies?company_id=f-1")).Ok()["data"].EnumerateArray().Select(c => c.GetProperty("company_id").GetString()));
        Assert.Equal(2, (await Api.GetAsync("/companies?name=Same")).Ok()["data"].GetArrayLength());
        Assert.Equal("Company Not Found", (await Api.GetAsync("/companies?company_id=nope")).Error(404, "company_not_found"));
        (await Api.GetAsync("/companies/ffffffffffffffffffffffff")).Error(404, "company_not_found");
        (await Api.GetAsync("/companies?segment_id=1")).Error(400, "parameter_invalid"); // tag_id: CompanyTagsTests
    }

    [Fact]
    public async Task The_list_stops_at_the_apps_limit_and_points_to_the_scroll()
    {
        await fixture.ResetAsync();
        await fixture.Admin.SetCompaniesAsync(EmulatorFixture.AppId, new { list_limit = 5 });
        for (var n = 1; n <= 7; n++) (await Api.PostAsync("/companies", new { company_id = $"l-{n}" })).Ok();
        var first = (await Api.PostAsync("/companies/list?page=1&per_page=4&order=asc")).Ok();
        Assert.Equal(7, first["total_count"].GetInt32());
        Assert.Equal(["l-1", "l-2", "l-3", "l-4"], first["data"].EnumerateArray().Select(c => c.GetProperty("company_id").GetString()));
        Assert.Equal(["l-5"], (await Api.PostAsync("/companies/list?page=2&per_page=4&order=asc")).Ok()["data"].EnumerateArray().Select(c => c.GetProperty("company_id").GetString()));
        Assert.Contains("Use GET /companies/scroll", (await Api.PostAsync("/companies/list?page=3&per_page=4")).Error(400, "parameter_invalid"), StringComparison.Ordinal);
        Assert.Equal("l-7", (await Api.PostAsync("/companies/list?per_page=1")).Ok()["data"][0].GetProperty("company_id").GetString());
        (await Api.PostAsync("/companies/list?order=sideways")).Error(400, "parameter_invalid");
    }

    [Fact]
    public async Task The_scroll_walks_every_company_once_and_its_empty_page_ends_it()
    {
        await fixture.ResetAsync();
        await fixture.Admin.SetCompaniesAsync(EmulatorFixture.AppId, new { list_limit = 2, scroll_page_size = 3 });
        for (var n = 1; n <= 7; n++) (await Api.PostAsync("/companies", new { company_id = $"s-{n}" })).Ok();
        var seen = new List<string>();
        string? param = null;
        for (var pages = 0; ; pages++)
        {
            var page = (await Api.GetAsync("/companies/scroll" + (param is null ? "" : "?scroll_param=" + param))).Ok();
            Assert.Equal(System.Text.Json.JsonValueKind.Null, page["total_count"].ValueKind);
            param ??= page["scroll_param"].GetString();
            Assert.Equal(param, page["scroll_param"].GetString());
            var ids = page["data"].EnumerateArray().Select(c => c.GetProperty("company_id").GetString()!).ToList();
            if (ids.Count == 0)
            {
                Assert.Equal(3, pages);
                break;
            }

            seen.AddRange(ids);
        }

        Assert.Equal(Enumerable.Range(1, 7).Select(n => $"s-{n}"), seen);
        // The end closed it: its param is gone, and a new scroll may open at once.
        (await Api.GetAsync("/companies/scroll?scroll_param=" + param)).Error(404, "not_found");
        (await Api.GetAsync("/companies/scroll")).Ok();
    }

    [Fact]
    public async Task One_scroll_per_app_at_a_time_until_it_expires()
    {
        await fixture.ResetAsync();
        await fixture.Admin.SetCompaniesAsync(EmulatorFixture.AppId, new { scroll_page_size = 1, scroll_expiry_seconds = 1 });
        for (var n = 1; n <= 3; n++) (await Api.PostAsync("/companies", new { company_id = $"o-{n}" })).Ok();
        var param = (await Api.GetAsync("/companies/scroll")).Ok()["scroll_param"].GetString();
        Assert.Equal("scroll already exists for this app", (await Api.GetAsync("/companies/scroll")).Error(400, "scroll_exists"));
        (await fixture.V2Other.GetAsync("/companies/scroll")).Ok(); // another app has its own
        await Task.Delay(1100);
        (await Api.GetAsync("/companies/scroll?scroll_param=" + param)).Error(404, "not_found");
        (await Api.GetAsync("/companies/scroll")).Ok();
    }

    [Fact]
    public async Task A_failing_scroll_page_is_the_real_500_and_leaves_the_scroll_open_until_it_expires()
    {
        await fixture.ResetAsync();
        await fixture.Admin.SetCompaniesAsync(EmulatorFixture.AppId, new { scroll_page_size = 1, scroll_expiry_seconds = 1, fail_scroll_page = 2 });
        for (var n = 1; n <= 3; n++) (await Api.PostAsync("/companies", new { company_id = $"x-{n}" })).Ok();
        var param = (await Api.GetAsync("/companies/scroll")).Ok()["scroll_param"].GetString();
        Assert.Equal("Request failed due to an internal network error. Please restart the scroll operation.",
            (await Api.GetAsync("/companies/scroll?scroll_param=" + param)).Error(500, "server_error"));
        (await Api.GetAsync("/companies/scroll")).Error(400, "scroll_exists");
        await Task.Delay(1100);
        var restarted = (await Api.GetAsync("/companies/scroll")).Ok();
        Assert.Equal("x-1", restarted["data"][0].GetProperty("company_id").GetString());
        Assert.Equal(System.Text.Json.JsonValueKind.Null, (await fixture.Admin.SetCompaniesAsync(EmulatorFixture.AppId, new { })).GetProperty("fail_scroll_page").ValueKind);
    }

    [Fact]
    public async Task Contacts_are_attached_and_detached_and_listed_on_both_sides()
    {
        await fixture.ResetAsync();
        var company = (await Api.PostAsync("/companies", new { company_id = "a-1", name = "Attach" })).Ok()["id"].GetString()!;
        var contacts = new List<string>();
        for (var n = 0; n < 3; n++) contacts.Add((await Api.PostAsync("/contacts", new { email = EmulatorFixture.NewEmail() })).Ok()["id"].GetString()!);
        foreach (var contact in contacts) Assert.Equal(company, (await Api.PostAsync($"/contacts/{contact}/companies", new { id = company })).Ok()["id"].GetString());
        (await Api.PostAsync($"/contacts/{contacts[0]}/companies", new { id = company })).Ok(); // twice: still one link
        Assert.Equal(3, (await Api.GetAsync($"/companies/{company}")).Ok()["user_count"].GetInt32());

        var page1 = (await Api.GetAsync($"/companies/{company}/contacts?per_page=2")).Ok();
        Assert.Equal(3, page1["total_count"].GetInt32());
        Assert.Equal(2, page1["pages"].GetProperty("total_pages").GetInt32());
        var page2 = (await Api.GetAsync($"/companies/{company}/contacts?per_page=2&page=2")).Ok();
        Assert.Equal(contacts, page1["data"].EnumerateArray().Concat(page2["data"].EnumerateArray()).Select(c => c.GetProperty("id").GetString()));
        Assert.Equal(["a-1"], (await Api.GetAsync($"/contacts/{contacts[1]}/companies")).Ok()["data"].EnumerateArray().Select(c => c.GetProperty("company_id").GetString()));

        Assert.Equal(2, (await Api.DeleteAsync($"/contacts/{contacts[1]}/companies/{company}")).Ok()["user_count"].GetInt32());
        Assert.Equal(0, (await Api.GetAsync($"/contacts/{contacts[1]}/companies")).Ok()["data"].GetArrayLength());
        Assert.Equal("company not specified", (await Api.PostAsync($"/contacts/{contacts[1]}/companies", new { })).Error(400, "parameter_not_found"));
        (await Api.PostAsync($"/contacts/{contacts[1]}/companies", new { id = "123" })).Error(404, "company_not_found");
        (await Api.PostAsync($"/contacts/ffffffffffffffffffffffff/companies", new { id = company })).Error(404, "not_found");
    }

    [Fact]
    public async Task Deleting_a_company_detaches_its_contacts_who_stay_and_deleting_a_contact_detaches_it()
    {
        await fixture.ResetAsync();
        var company = (await Api.PostAsync("/companies", new { company_id = "d-1" })).Ok()["id"].GetString()!;
        var kept = (await Api.PostAsync("/contacts", new { email = EmulatorFixture.NewEmail() })).Ok()["id"].GetString()!;
        var gone = (await Api.PostAsync("/contacts", new { email = EmulatorFixture.NewEmail() })).Ok()["id"].GetString()!;
        (await Api.PostAsync($"/contacts/{kept}/companies", new { id = company })).Ok();
        (await Api.PostAsync($"/contacts/{gone}/companies", new { id = company })).Ok();
        (await Api.DeleteAsync($"/contacts/{gone}")).Ok();
        Assert.Equal(1, (await Api.GetAsync($"/companies/{company}")).Ok()["user_count"].GetInt32());

        var deleted = (await Api.DeleteAsync($"/companies/{company}")).Ok();
        Assert.True(deleted["deleted"].GetBoolean());
        (await Api.GetAsync($"/companies/{company}")).Error(404, "company_not_found");
        Assert.Equal(0, (await Api.GetAsync($"/contacts/{kept}/companies")).Ok()["data"].GetArrayLength());
        (await Api.GetAsync($"/contacts/{kept}")).Ok();
    }
}
