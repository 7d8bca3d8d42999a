using System.Threading.Tasks;
using IntercomPS.Testing;
using Xunit;

namespace IntercomPS.V2.Tests;

public class AdminsTests(EmulatorFixture fixture) : IClassFixture<EmulatorFixture>
{
    [Fact]
    public async Task Me_is_the_configured_admin_with_its_app()
    {
        var me = (await fixture.V2.GetAsync("/me")).Ok();
        Assert.Equal("admin", me["type"].GetString());
        Assert.Equal("Ada Admin", me["name"].GetString());
        Assert.Equal("ada@example.com", me["email"].GetString());
        Assert.Equal(EmulatorFixture.AppId, me["app"].GetProperty("id_code").GetString());
        Assert.Equal("Etc/UTC", me["app"].GetProperty("timezone").GetString());
    }

    [Fact]
    public async Task Me_shows_the_time_zone_set_for_the_app_and_only_for_it()
    {
        try
        {
            await fixture.Admin.SetAppAsync(EmulatorFixture.OtherAppId, timezone: "America/Los_Angeles");
            Assert.Equal("America/Los_Angeles", (await fixture.V2Other.GetAsync("/me")).Ok()["app"].GetProperty("timezone").GetString());
            Assert.Equal("Etc/UTC", (await fixture.V2.GetAsync("/me")).Ok()["app"].GetProperty("timezone").GetString());
        }
        finally
        {
            await fixture.Admin.SetAppAsync(EmulatorFixture.OtherAppId, timezone: "Etc/UTC");
        }
    }

    [Fact]
    public async Task Admins_lists_it_and_admins_id_finds_it()
    {
        var id = (await fixture.V2.GetAsync("/me")).Ok()["id"].GetString()!;
        var list = (await fixture.V2.GetAsync("/admins")).Ok();
        Assert.Equal("admin.list", list["type"].GetString());
        Assert.Equal(id, list["admins"][0].GetProperty("id").GetString());
        Assert.Equal("Ada Admin", (await fixture.V2.GetAsync($"/admins/{id}")).Ok()["name"].GetString());
        (await fixture.V2.GetAsync("/admins/1")).Error(404, "admin_not_found");
    }
}
