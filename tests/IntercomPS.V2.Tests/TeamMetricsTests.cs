using System.Globalization;
using System.Linq;
using System.Threading.Tasks;
using IntercomPS.Testing;
using Xunit;

namespace IntercomPS.V2.Tests;

/// <summary>
/// A team's real-time metrics (2.16's GET /teams/{team_id}/metrics): for each admin of the team, in its admin_ids
/// order, the conversations assigned to them that are open, open and quiet for idle_threshold seconds (idle), and
/// snoozed; the threshold clamped to 1..86400 as the description says; older versions refuse the operation.
/// </summary>
public class TeamMetricsTests(EmulatorFixture fixture) : IClassFixture<EmulatorFixture>
{
    private V2Client Api => fixture.V2.WithVersion("2.16");

    private async Task<string> NewConversation()
    {
        var contact = (await Api.PostAsync("/contacts", new { email = EmulatorFixture.NewEmail() })).Ok()["id"].GetString()!;
        return (await Api.PostAsync("/conversations", new { from = new { type = "user", id = contact }, body = "Help" })).Ok()["conversation_id"].GetString()!;
    }

    private async Task<string> AssignedTo(string admin, string me, string? then = null)
    {
        var id = await NewConversation();
        (await Api.PostAsync($"/conversations/{id}/parts", new { message_type = "assignment", type = "admin", admin_id = me, assignee_id = admin })).Ok();
        if (then == "snoozed") (await Api.PostAsync($"/conversations/{id}/parts", new { message_type = "snoozed", admin_id = me, snoozed_until = 1900000000 })).Ok();
        if (then == "close") (await Api.PostAsync($"/conversations/{id}/parts", new { message_type = "close", type = "admin", admin_id = me })).Ok();
        return id;
    }

    /// <summary>Each admin's line, in the order of the team's admin_ids (which the metrics list keeps).</summary>
    private async Task<(string Admin, long Open, long Idle, long Snoozed)[]> Metrics(string team, string query = "")
    {
        var list = (await Api.GetAsync($"/teams/{team}/metrics{query}")).Ok();
        Assert.Equal("team_metric.list", list["type"].GetString());
        var members = (await Api.GetAsync($"/teams/{team}")).Ok()["admin_ids"].EnumerateArray().Select(id => id.GetInt64().ToString(CultureInfo.InvariantCulture));
        var lines = list["data"].EnumerateArray().Select(m =>
        {
            Assert.Equal("team_metric", m.GetProperty("type").GetString());
            return (m.GetProperty("admin_id").GetString()!, m.GetProperty("open").GetInt64(), m.GetProperty("idle").GetInt64(), m.GetProperty("snoozed").GetInt64());
        }).ToArray();
        Assert.Equal(members, lines.Select(line => line.Item1));
        return lines;
    }

    private static (long, long, long) Of((string Admin, long Open, long Idle, long Snoozed)[] lines, string admin) =>
        lines.Single(line => line.Admin == admin) is var l ? (l.Open, l.Idle, l.Snoozed) : default;

    [Fact]
    public async Task Each_admin_of_the_team_has_their_open_idle_and_snoozed_conversations_counted()
    {
        var me = (await Api.GetAsync("/me")).Ok()["id"].GetString()!;
        var ann = await fixture.Admin.AddAdminAsync(EmulatorFixture.AppId, "Ann", EmulatorFixture.NewEmail("ann"));
        var bob = await fixture.Admin.AddAdminAsync(EmulatorFixture.AppId, "Bob", EmulatorFixture.NewEmail("bob"));
        var cy = await fixture.Admin.AddAdminAsync(EmulatorFixture.AppId, "Cy", EmulatorFixture.NewEmail("cy"));
        var team = await fixture.Admin.AddTeamAsync(EmulatorFixture.AppId, EmulatorFixture.NewId("Metrics"), ann, bob, cy);
        var first = await AssignedTo(ann, me);
        await AssignedTo(ann, me);
        await AssignedTo(ann, me, then: "snoozed");
        await AssignedTo(ann, me, then: "close");
        await AssignedTo(bob, me);

        // Nothing has been quiet for the default 30 minutes; Cy has nothing assigned and still has a line.
        var now = await Metrics(team);
        Assert.Equal(3, now.Length);
        Assert.Equal((2L, 0L, 1L), Of(now, ann));
        Assert.Equal((1L, 0L, 0L), Of(now, bob));
        Assert.Equal((0L, 0L, 0L), Of(now, cy));

        // Quiet for 2 seconds: every open conversation is idle, until someone writes in one.
        await Task.Delay(2500);
        var quiet = await Metrics(team, "?idle_threshold=2");
        Assert.Equal((2L, 2L, 1L), Of(quiet, ann));
        Assert.Equal((1L, 1L, 0L), Of(quiet, bob));
        (await Api.PostAsync($"/conversations/{first}/reply", new { message_type = "comment", type = "admin", admin_id = ann, body = "On it" })).Ok();
        Assert.Equal((2L, 1L, 1L), Of(await Metrics(team, "?idle_threshold=2"), ann));
    }

    [Fact]
    public async Task The_threshold_is_clamped_to_a_second_and_a_day_and_must_be_a_number()
    {
        var me = (await Api.GetAsync("/me")).Ok()["id"].GetString()!;
        var ann = await fixture.Admin.AddAdminAsync(EmulatorFixture.AppId, "Ann", EmulatorFixture.NewEmail("ann"));
        var team = await fixture.Admin.AddTeamAsync(EmulatorFixture.AppId, EmulatorFixture.NewId("Clamp"), ann);
        await AssignedTo(ann, me);
        await Task.Delay(1500);
        Assert.Equal((1L, 1L, 0L), Of(await Metrics(team, "?idle_threshold=0"), ann)); // 1 second
        Assert.Equal((1L, 1L, 0L), Of(await Metrics(team, "?idle_threshold=-5"), ann));
        Assert.Equal((1L, 0L, 0L), Of(await Metrics(team, "?idle_threshold=999999"), ann)); // a day
        Assert.Equal("idle_threshold must be a whole number of seconds, not '1.5'",
            (await Api.GetAsync($"/teams/{team}/metrics?idle_threshold=1.5")).Error(400, "parameter_invalid"));
    }

    [Fact]
    public async Task An_unknown_team_is_the_described_404_and_another_apps_team_is_unknown()
    {
        Assert.Equal("Team not found", (await Api.GetAsync("/teams/999999/metrics")).Error(404, "team_not_found"));
        var ann = await fixture.Admin.AddAdminAsync(EmulatorFixture.AppId, "Ann", EmulatorFixture.NewEmail("ann"));
        var team = await fixture.Admin.AddTeamAsync(EmulatorFixture.AppId, EmulatorFixture.NewId("Mine"), ann);
        Assert.Equal("Team not found", (await fixture.V2Other.WithVersion("2.16").GetAsync($"/teams/{team}/metrics")).Error(404, "team_not_found"));
    }

    [Theory]
    [InlineData("2.11")]
    [InlineData("2.14")]
    [InlineData("2.15")]
    public async Task Versions_before_2_16_have_no_team_metrics(string version)
    {
        var ann = await fixture.Admin.AddAdminAsync(EmulatorFixture.AppId, "Ann", EmulatorFixture.NewEmail("ann"));
        var team = await fixture.Admin.AddTeamAsync(EmulatorFixture.AppId, EmulatorFixture.NewId("Old"), ann);
        Assert.Equal("Requested resource is not available in current API version",
            (await fixture.V2.WithVersion(version).GetAsync($"/teams/{team}/metrics")).Error(400, "intercom_version_invalid"));
    }
}
