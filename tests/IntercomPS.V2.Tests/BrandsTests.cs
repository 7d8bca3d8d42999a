using System.Linq;
using System.Threading.Tasks;
using IntercomPS.Testing;
using Xunit;

namespace IntercomPS.V2.Tests;

/// <summary>
/// Brands (2.15 on): the app's default brand (its id the workspace's), by GET /brands and /brands/{id}, and (2.16 on)
/// as a new conversation's brand_id; before 2.15 there are none.
/// </summary>
public class BrandsTests(EmulatorFixture fixture) : IClassFixture<EmulatorFixture>
{
    private V2Client Api => fixture.V2.WithVersion("2.16");

    [Theory]
    [InlineData("2.15")]
    [InlineData("2.16")]
    public async Task The_app_has_its_default_brand_named_by_the_workspace_id(string version)
    {
        var api = fixture.V2.WithVersion(version);
        var list = (await api.GetAsync("/brands")).Ok();
        Assert.Equal("list", list["type"].GetString());
        var brand = Assert.Single(list["data"].EnumerateArray());
        Assert.Equal(EmulatorFixture.AppId, brand.GetProperty("id").GetString());
        Assert.True(brand.GetProperty("is_default").GetBoolean());
        Assert.Equal("301", brand.GetProperty("help_center_id").GetString()); // the app's one help center
        Assert.Equal(brand.GetRawText(), (await api.GetAsync($"/brands/{EmulatorFixture.AppId}")).Ok().Json.GetRawText());
        Assert.Equal("Brand not found", (await api.GetAsync("/brands/3")).Error(404, "not_found"));
    }

    [Fact]
    public async Task A_conversation_takes_the_default_brand_and_refuses_another_making_nothing()
    {
        var contact = (await Api.PostAsync("/contacts", new { email = EmulatorFixture.NewEmail() })).Ok()["id"].GetString()!;
        (await Api.PostAsync("/conversations", new { from = new { type = "user", id = contact }, body = "Hi", brand_id = EmulatorFixture.AppId })).Ok();
        Assert.Equal("Brand not found", (await Api.PostAsync("/conversations", new { from = new { type = "user", id = contact }, body = "Lost", brand_id = "3" })).Error(404, "not_found"));
        Assert.Equal("brand_id must be a string, not a number",
            (await Api.PostAsync("/conversations", new { from = new { type = "user", id = contact }, body = "Lost", brand_id = 3 })).Error(400, "parameter_invalid"));
        var search = new { query = new { field = "contact_ids", @operator = "=", value = contact } };
        Assert.Equal(1, (await Api.PostAsync("/conversations/search", search)).Ok()["total_count"].GetInt32());
    }

    [Theory]
    [InlineData("2.11")]
    [InlineData("2.14")]
    public async Task Versions_before_2_15_have_no_brands(string version)
    {
        var older = fixture.V2.WithVersion(version);
        Assert.Equal("Requested resource is not available in current API version", (await older.GetAsync("/brands")).Error(400, "intercom_version_invalid"));
        Assert.Equal("Requested resource is not available in current API version",
            (await older.GetAsync($"/brands/{EmulatorFixture.AppId}")).Error(400, "intercom_version_invalid"));
    }

    [Theory]
    [InlineData("2.11")]
    [InlineData("2.14")]
    [InlineData("2.15")]
    public async Task A_conversation_names_no_brand_before_2_16(string version)
    {
        var older = fixture.V2.WithVersion(version);
        var contact = (await older.PostAsync("/contacts", new { email = EmulatorFixture.NewEmail() })).Ok()["id"].GetString()!;
        var made = await older.PostAsync("/conversations", new { from = new { type = "user", id = contact }, body = "Hi", brand_id = "3" });
        made.Ok(); // an unknown field there: named and ignored
        Assert.Contains("brand_id", made.Header("X-Emulator-Warning"));
    }
}
