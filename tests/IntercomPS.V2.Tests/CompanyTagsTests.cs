using System.Collections.Generic;
using System.Linq;
using System.Text.Json;
using System.Threading.Tasks;
using IntercomPS.Testing;
using Xunit;

namespace IntercomPS.V2.Tests;

/// <summary>
/// Companies tagged through POST /tags, every answer judged by the description: tag and untag by id or company_id, all
/// or nothing, the tags in every company answer, GET /companies?tag_id= and its pages, tag and company deletion, and
/// a company's segments (none here: segments are lists of contacts).
/// </summary>
public class CompanyTagsTests(EmulatorFixture fixture) : IClassFixture<EmulatorFixture>
{
    private V2Client Api => fixture.V2;

    [Fact]
    public async Task Companies_are_tagged_by_id_or_company_id_and_every_company_answer_shows_it()
    {
        await fixture.ResetAsync();
        var acme = await CompanyAsync("acme");
        var globex = await CompanyAsync("globex");
        var contact = (await Api.PostAsync("/contacts", new { email = EmulatorFixture.NewEmail() })).Ok()["id"].GetString()!;
        (await Api.PostAsync($"/contacts/{contact}/companies", new { id = acme })).Ok();

        var tag = (await Api.PostAsync("/tags", new { name = "Enterprise", companies = new object[] { new { id = acme }, new { company_id = "globex" } } })).Ok();
        Assert.Equal(("tag", "Enterprise"), (tag["type"].GetString(), tag["name"].GetString()));
        var tagId = tag["id"].GetString()!;
        // The tag is found by name in any case, as for contacts: the same tag, not a second one.
        Assert.Equal(tagId, (await Api.PostAsync("/tags", new { name = "enterprise", companies = new[] { new { id = acme, company_id = "acme" } } })).Ok()["id"].GetString());
        Assert.Single((await Api.GetAsync("/tags")).Ok()["data"].EnumerateArray(), t => t.GetProperty("name").GetString()!.Equals("enterprise", System.StringComparison.OrdinalIgnoreCase));

        var expected = new[] { (tagId, "Enterprise") };
        Assert.Equal(expected, Tags((await Api.GetAsync($"/companies/{acme}")).Ok().Json));
        Assert.Equal(expected, Tags((await Api.GetAsync("/companies?company_id=globex")).Ok()["data"][0]));
        Assert.All((await Api.PostAsync("/companies/list")).Ok()["data"].EnumerateArray(), c => Assert.Equal(expected, Tags(c)));
        Assert.All((await Api.GetAsync("/companies")).Ok()["data"].EnumerateArray(), c => Assert.Equal(expected, Tags(c)));
        Assert.All((await Api.GetAsync("/companies/scroll")).Ok()["data"].EnumerateArray(), c => Assert.Equal(expected, Tags(c)));
        Assert.Equal(expected, Tags((await Api.GetAsync($"/contacts/{contact}/companies")).Ok()["data"][0]));
        Assert.Equal(expected, Tags((await Api.PostAsync($"/contacts/{contact}/companies", new { id = acme })).Ok().Json));
        Assert.Equal(expected, Tags((await Api.PostAsync("/companies", new { company_id = "globex", name = "Globex" })).Ok().Json));
    }

    [Fact]
    public async Task Untag_true_removes_the_tag_from_that_company_only_and_leaves_its_other_tags()
    {
        await fixture.ResetAsync();
        var acme = await CompanyAsync("acme");
        var globex = await CompanyAsync("globex");
        var vip = (await Api.PostAsync("/tags", new { name = "vip", companies = new[] { new { id = acme }, new { id = globex } } })).Ok()["id"].GetString()!;
        var churn = (await Api.PostAsync("/tags", new { name = "churn", companies = new[] { new { id = acme } } })).Ok()["id"].GetString()!;

        var untagged = (await Api.PostAsync("/tags", new { name = "vip", companies = new[] { new { company_id = "acme", untag = true } } })).Ok();
        Assert.Equal(vip, untagged["id"].GetString());
        Assert.Equal([(churn, "churn")], Tags((await Api.GetAsync($"/companies/{acme}")).Ok().Json));
        Assert.Equal([(vip, "vip")], Tags((await Api.GetAsync($"/companies/{globex}")).Ok().Json));
        // Untagging again, or a company named twice, ends as its last entry says.
        (await Api.PostAsync("/tags", new { name = "vip", companies = new[] { new { company_id = "acme", untag = true } } })).Ok();
        (await Api.PostAsync("/tags", new { name = "vip", companies = new object[] { new { id = globex, untag = true }, new { id = globex, untag = false } } })).Ok();
        Assert.Equal([(vip, "vip")], Tags((await Api.GetAsync($"/companies/{globex}")).Ok().Json));
    }

    [Fact]
    public async Task An_unknown_company_is_the_404_company_not_found_and_nothing_is_tagged_or_created()
    {
        await fixture.ResetAsync();
        var acme = await CompanyAsync("acme");
        var globex = await CompanyAsync("globex");
        var kept = (await Api.PostAsync("/tags", new { name = "kept", companies = new[] { new { id = globex } } })).Ok()["id"].GetString()!;

        var message = (await Api.PostAsync("/tags", new { name = "fresh", companies = new[] { new { company_id = "acme" }, new { company_id = "123" } } })).Error(404, "company_not_found");
        Assert.Equal("Company Not Found: no company has company_id '123'", message);
        (await Api.PostAsync("/tags", new { name = "fresh", companies = new[] { new { id = "ffffffffffffffffffffffff" } } })).Error(404, "company_not_found");
        // Both given must name one company.
        Assert.Contains("company_id 'globex'", (await Api.PostAsync("/tags", new { name = "fresh", companies = new[] { new { id = acme, company_id = "globex" } } })).Error(404, "company_not_found"));
        // An untag beside an unknown company does not untag either.
        (await Api.PostAsync("/tags", new { name = "kept", companies = new object[] { new { id = globex, untag = true }, new { company_id = "nope" } } })).Error(404, "company_not_found");

        Assert.Empty(Tags((await Api.GetAsync($"/companies/{acme}")).Ok().Json));
        Assert.Equal([(kept, "kept")], Tags((await Api.GetAsync($"/companies/{globex}")).Ok().Json));
        Assert.Equal(["kept"], (await Api.GetAsync("/tags")).Ok()["data"].EnumerateArray().Select(t => t.GetProperty("name").GetString()));
    }

    [Theory]
    [InlineData("""{"name":"t","companies":{"id":"x"}}""", "companies must be an array")]
    [InlineData("""{"name":"t","companies":[{}]}""", "companies[0] must be an object with the company's id or company_id")]
    [InlineData("""{"name":"t","companies":[{"company_id":""}]}""", "companies[0] must be an object")]
    [InlineData("""{"name":"t","companies":["acme"]}""", "companies[0] must be an object")]
    [InlineData("""{"name":"t","users":[],"companies":[]}""", "users and companies cannot be tagged in one request")]
    public async Task A_bad_companies_list_is_refused_and_creates_no_tag(string body, string says)
    {
        await fixture.ResetAsync();
        await CompanyAsync("acme");
        Assert.Contains(says, (await Api.PostAsync("/tags", body)).Error(400, "parameter_invalid"), System.StringComparison.Ordinal);
        Assert.Empty((await Api.GetAsync("/tags")).Ok()["data"].EnumerateArray());
    }

    [Fact]
    public async Task Deleting_a_tag_untags_its_companies_and_deleting_a_company_drops_its_tags()
    {
        await fixture.ResetAsync();
        var acme = await CompanyAsync("acme");
        var globex = await CompanyAsync("globex");
        var gone = (await Api.PostAsync("/tags", new { name = "gone", companies = new[] { new { id = acme } } })).Ok()["id"].GetString()!;
        var stays = (await Api.PostAsync("/tags", new { name = "stays", companies = new[] { new { id = acme }, new { id = globex } } })).Ok()["id"].GetString()!;

        (await Api.DeleteAsync($"/tags/{gone}")).Ok();
        Assert.Equal([(stays, "stays")], Tags((await Api.GetAsync($"/companies/{acme}")).Ok().Json));
        Assert.Equal(0, (await Api.GetAsync($"/companies?tag_id={gone}")).Ok()["total_count"].GetInt32());

        (await Api.DeleteAsync($"/companies/{acme}")).Ok();
        Assert.Equal(["globex"], CompanyIds((await Api.GetAsync($"/companies?tag_id={stays}")).Ok()));
        // A company made again with the same company_id is a new one, without the old one's tags.
        var again = await CompanyAsync("acme");
        Assert.Empty(Tags((await Api.GetAsync($"/companies/{again}")).Ok().Json));
    }

    [Fact]
    public async Task Companies_are_listed_by_tag_id_in_numbered_pages_oldest_first()
    {
        await fixture.ResetAsync();
        var ids = new List<string>();
        for (var n = 1; n <= 5; n++) ids.Add(await CompanyAsync($"p-{n}"));
        var tag = (await Api.PostAsync("/tags", new { name = "odd", companies = new[] { new { id = ids[4] }, new { id = ids[0] }, new { id = ids[2] } } })).Ok()["id"].GetString()!;
        (await Api.PostAsync("/tags", new { name = "other", companies = new[] { new { id = ids[1] } } })).Ok();

        var first = (await Api.GetAsync($"/companies?tag_id={tag}&per_page=2")).Ok();
        Assert.Equal(3, first["total_count"].GetInt32());
        Assert.Equal((1, 2, 2), (first["pages"].GetProperty("page").GetInt32(), first["pages"].GetProperty("per_page").GetInt32(), first["pages"].GetProperty("total_pages").GetInt32()));
        Assert.Equal(["p-1", "p-3"], CompanyIds(first));
        var second = (await Api.GetAsync($"/companies?tag_id={tag}&per_page=2&page=2")).Ok();
        Assert.Equal(["p-5"], CompanyIds(second));
        Assert.Empty(CompanyIds((await Api.GetAsync($"/companies?tag_id={tag}&per_page=2&page=3")).Ok()));
        Assert.Equal(["p-1", "p-3", "p-5"], CompanyIds((await Api.GetAsync($"/companies?tag_id={tag}")).Ok()));

        // The list limit holds for a tag's list as for the whole list.
        await fixture.Admin.SetCompaniesAsync(EmulatorFixture.AppId, new { list_limit = 2 });
        Assert.Contains("Use GET /companies/scroll", (await Api.GetAsync($"/companies?tag_id={tag}&per_page=2&page=2")).Error(400, "parameter_invalid"), System.StringComparison.Ordinal);

        var none = (await Api.GetAsync("/companies?tag_id=999999")).Ok();
        Assert.Equal(0, none["total_count"].GetInt32());
        Assert.Empty(CompanyIds(none));
        Assert.Contains("tag_id must be a tag's id", (await Api.GetAsync("/companies?tag_id=vip")).Error(400, "parameter_invalid"), System.StringComparison.Ordinal);
        Assert.Contains("segment_id", (await Api.GetAsync("/companies?segment_id=1")).Error(400, "parameter_invalid"), System.StringComparison.Ordinal);
        // Another app's tag lists none of this app's companies.
        Assert.Equal(0, (await fixture.V2Other.GetAsync($"/companies?tag_id={tag}")).Ok()["total_count"].GetInt32());
    }

    [Fact]
    public async Task A_company_is_in_no_segments_and_an_unknown_one_is_a_404()
    {
        await fixture.ResetAsync();
        var acme = await CompanyAsync("acme");
        var contact = (await Api.PostAsync("/contacts", new { email = EmulatorFixture.NewEmail() })).Ok()["id"].GetString()!;
        (await Api.PostAsync($"/contacts/{contact}/companies", new { id = acme })).Ok();
        await fixture.Admin.AddSegmentAsync(EmulatorFixture.AppId, "Everyone", [contact]);

        var segments = (await Api.GetAsync($"/companies/{acme}/segments")).Ok();
        Assert.Equal("list", segments["type"].GetString());
        Assert.Empty(segments["data"].EnumerateArray());
        Assert.Equal("Company Not Found", (await Api.GetAsync("/companies/ffffffffffffffffffffffff/segments")).Error(404, "company_not_found"));
        (await fixture.V2Other.GetAsync($"/companies/{acme}/segments")).Error(404, "company_not_found");
    }

    [Theory]
    [InlineData("2.11")]
    [InlineData("2.14")]
    [InlineData("2.15")]
    [InlineData("2.16")]
    public async Task Each_version_tags_a_company_and_shows_it_in_its_own_description(string version)
    {
        var api = Api.WithVersion(version);
        var companyId = EmulatorFixture.NewId("v");
        // With a name and remote_created_at, which 2.11's company requires.
        var id = (await api.PostAsync("/companies", new { company_id = companyId, name = "Versioned", remote_created_at = 1374138000 })).Ok()["id"].GetString()!;
        var tag = (await api.PostAsync("/tags", new { name = EmulatorFixture.NewId("tag"), companies = new[] { new { company_id = companyId } } })).Ok();
        Assert.Equal([(tag["id"].GetString()!, tag["name"].GetString()!)], Tags((await api.GetAsync($"/companies/{id}")).Ok().Json));
        Assert.Equal([companyId], CompanyIds((await api.GetAsync($"/companies?tag_id={tag["id"].GetString()}")).Ok()));
        Assert.Empty((await api.GetAsync($"/companies/{id}/segments")).Ok()["data"].EnumerateArray());
        (await api.PostAsync("/tags", new { name = tag["name"].GetString(), companies = new[] { new { id, untag = true } } })).Ok();
        Assert.Empty(Tags((await api.GetAsync($"/companies/{id}")).Ok().Json));
    }

    private async Task<string> CompanyAsync(string companyId) =>
        (await Api.PostAsync("/companies", new { company_id = companyId })).Ok()["id"].GetString()!;

    private static (string, string)[] Tags(JsonElement company)
    {
        var tags = company.GetProperty("tags");
        Assert.Equal("tag.list", tags.GetProperty("type").GetString());
        return [.. tags.GetProperty("tags").EnumerateArray().Select(t =>
        {
            Assert.Equal("tag", t.GetProperty("type").GetString());
            return (t.GetProperty("id").GetString()!, t.GetProperty("name").GetString()!);
        })];
    }

    private static string[] CompanyIds(Reply list) => [.. list["data"].EnumerateArray().Select(c => c.GetProperty("company_id").GetString()!)];
}
