using System;
using System.Linq;
using System.Text.Json;
using System.Threading.Tasks;
using IntercomPS.Testing;
using Xunit;

namespace IntercomPS.V2.Tests;

/// <summary>
/// GET /admins/activity_logs: the away mode changes PUT /admins/{id}/away logs, what /admin adds, the time window,
/// the numbered pages, and the exact errors. Each test reads only its own admin's entries: the app is shared.
/// </summary>
public class ActivityLogsTests(EmulatorFixture fixture) : IClassFixture<EmulatorFixture>
{
    private static long Now => DateTimeOffset.UtcNow.ToUnixTimeSeconds();

    [Fact]
    public async Task An_away_mode_change_is_logged_about_the_admin_and_by_the_token_s_admin_and_a_call_that_changes_nothing_is_not()
    {
        var me = (await fixture.V2.GetAsync("/me")).Ok();
        var id = await fixture.Admin.AddAdminAsync(EmulatorFixture.AppId, "Lou Logged", EmulatorFixture.NewEmail("lou"));
        var start = Now;
        (await fixture.V2.PutAsync($"/admins/{id}/away", new { away_mode_enabled = true, away_mode_reassign = true, away_status_reason_id = 103 })).Ok();
        (await fixture.V2.PutAsync($"/admins/{id}/away", new { away_mode_enabled = true, away_mode_reassign = true, away_status_reason_id = 103 })).Ok();
        (await fixture.V2.PutAsync($"/admins/{id}/away", new { away_mode_enabled = false, away_mode_reassign = false })).Ok();

        var list = (await fixture.V2.GetAsync($"/admins/activity_logs?created_at_after={start}")).Ok();
        Assert.Equal("activity_log.list", list["type"].GetString());
        var mine = Of(list.Json, id);
        Assert.Equal(2, mine.Length);
        var (back, away) = (mine[0], mine[1]); // newest first

        Assert.Equal("admin_away_mode_change", away.GetProperty("activity_type").GetString());
        Assert.True(Guid.TryParse(away.GetProperty("id").GetString(), out _));
        var by = away.GetProperty("performed_by");
        Assert.Equal("admin", by.GetProperty("type").GetString());
        Assert.Equal(id, by.GetProperty("id").GetString());
        Assert.StartsWith("lou", by.GetProperty("email").GetString());
        Assert.InRange(away.GetProperty("created_at").GetInt64(), start, Now);
        var metadata = away.GetProperty("metadata");
        Assert.True(metadata.GetProperty("away_mode").GetBoolean());
        Assert.Equal("🌴 On holiday", metadata.GetProperty("away_status_reason").GetString());
        Assert.True(metadata.GetProperty("reassign_conversations").GetBoolean());
        Assert.Equal(long.Parse(me["id"].GetString()!), metadata.GetProperty("update_by").GetInt64());
        Assert.Equal("Ada Admin", metadata.GetProperty("update_by_name").GetString());
        Assert.Equal("false", metadata.GetProperty("auto_changed").GetString());
        Assert.Equal($"admin update from api - Admin id: {me["id"].GetString()}", metadata.GetProperty("source").GetString());
        Assert.Equal("Ada Admin set Lou Logged away (On holiday).", away.GetProperty("activity_description").GetString());

        Assert.False(back.GetProperty("metadata").GetProperty("away_mode").GetBoolean());
        Assert.Equal(JsonValueKind.Null, back.GetProperty("metadata").GetProperty("away_status_reason").ValueKind);
        Assert.Equal("Ada Admin set Lou Logged back from away.", back.GetProperty("activity_description").GetString());
    }

    [Fact]
    public async Task The_window_takes_created_at_after_inclusive_and_created_at_before_exclusive()
    {
        var id = await fixture.Admin.AddAdminAsync(EmulatorFixture.AppId, "Wim Window", EmulatorFixture.NewEmail("wim"));
        foreach (var at in new long[] { 1_000_000, 1_000_100, 1_000_200 })
        {
            await fixture.Admin.AddActivityLogAsync(EmulatorFixture.AppId, "admin_login_success", id, new { sign_in_method = "email_password" }, at);
        }

        Assert.Equal(new long[] { 1_000_200, 1_000_100 }, Times(Of((await fixture.V2.GetAsync("/admins/activity_logs?created_at_after=1000100")).Ok().Json, id)));
        Assert.Equal(new long[] { 1_000_100, 1_000_000 },
            Times(Of((await fixture.V2.GetAsync("/admins/activity_logs?created_at_after=1000000&created_at_before=1000200")).Ok().Json, id)));
        Assert.Empty(Of((await fixture.V2.GetAsync("/admins/activity_logs?created_at_after=1000201")).Ok().Json, id));
        var login = Of((await fixture.V2.GetAsync("/admins/activity_logs?created_at_after=1000000&created_at_before=1000001")).Ok().Json, id).Single();
        Assert.Equal("email_password", login.GetProperty("metadata").GetProperty("sign_in_method").GetString());
        Assert.Equal("Wim Window: admin login success.", login.GetProperty("activity_description").GetString());
    }

    [Fact]
    public async Task Pages_are_numbered_twenty_to_a_page_by_default_and_every_entry_is_on_exactly_one()
    {
        var id = await fixture.Admin.AddAdminAsync(EmulatorFixture.AppId, "Pia Paged", EmulatorFixture.NewEmail("pia"));
        const long From = 2_000_000;
        for (var i = 0; i < 25; i++)
        {
            await fixture.Admin.AddActivityLogAsync(EmulatorFixture.AppId, "admin_permission_change", id, createdAt: From + i);
        }

        var window = $"created_at_after={From}&created_at_before={From + 25}";
        var first = (await fixture.V2.GetAsync($"/admins/activity_logs?{window}")).Ok();
        var pages = first["pages"];
        Assert.Equal(1, pages.GetProperty("page").GetInt32());
        Assert.Equal(20, pages.GetProperty("per_page").GetInt32());
        Assert.Equal(2, pages.GetProperty("total_pages").GetInt32());
        var second = (await fixture.V2.GetAsync($"/admins/activity_logs?{window}&page=2")).Ok();
        Assert.Equal(Enumerable.Range(0, 25).Select(i => From + 24 - i), Times(Of(first.Json, id)).Concat(Times(Of(second.Json, id))));
        Assert.Empty(Of((await fixture.V2.GetAsync($"/admins/activity_logs?{window}&page=3")).Ok().Json, id));
        Assert.Equal(3, (await fixture.V2.GetAsync($"/admins/activity_logs?{window}&per_page=10")).Ok()["pages"].GetProperty("total_pages").GetInt32());
    }

    [Theory]
    [InlineData("", "parameter_not_found", "created_at_after is required (a UNIX timestamp)")]
    [InlineData("?created_at_before=10", "parameter_not_found", "created_at_after is required (a UNIX timestamp)")]
    [InlineData("?created_at_after=yesterday", "parameter_invalid", "created_at_after must be a UNIX timestamp (whole seconds), not 'yesterday'")]
    [InlineData("?created_at_after=-5", "parameter_invalid", "created_at_after must be a UNIX timestamp (whole seconds), not '-5'")]
    [InlineData("?created_at_after=1&created_at_before=1.5", "parameter_invalid", "created_at_before must be a UNIX timestamp (whole seconds), not '1.5'")]
    [InlineData("?created_at_after=99999999999999999999", "parameter_invalid", "created_at_after must be a UNIX timestamp (whole seconds), not '99999999999999999999'")]
    [InlineData("?created_at_after=1&per_page=0", "parameter_invalid", "per_page must be an integer from 1 to 150, not '0'")]
    public async Task Bad_queries_are_refused_with_the_exact_error(string query, string code, string message) =>
        Assert.Equal(message, (await fixture.V2.GetAsync("/admins/activity_logs" + query)).Error(400, code));

    [Theory]
    [InlineData("2.11")]
    [InlineData("2.15")]
    [InlineData("2.16")]
    public async Task Every_version_lists_them(string version)
    {
        var id = await fixture.Admin.AddAdminAsync(EmulatorFixture.AppId, "Vic Versions", EmulatorFixture.NewEmail("vic"));
        await fixture.Admin.AddActivityLogAsync(EmulatorFixture.AppId, "admin_logout", id, createdAt: 3_000_000);
        var list = (await fixture.V2.WithVersion(version).GetAsync("/admins/activity_logs?created_at_after=3000000&created_at_before=3000001")).Ok();
        Assert.Equal("admin_logout", Of(list.Json, id).Single().GetProperty("activity_type").GetString());
    }

    [Fact]
    public async Task Admin_refuses_an_unknown_admin_a_type_that_is_not_one_and_metadata_that_is_not_an_object()
    {
        var admin = fixture.Admin.BaseUri;
        using var http = new System.Net.Http.HttpClient { BaseAddress = admin };
        async Task<(int Status, string Text)> Post(object body)
        {
            using var answer = await http.PostAsync("admin/activity_logs", new System.Net.Http.StringContent(JsonSerializer.Serialize(body), System.Text.Encoding.UTF8, "application/json"));
            return ((int)answer.StatusCode, await answer.Content.ReadAsStringAsync());
        }

        var unknown = await Post(new { app_id = EmulatorFixture.AppId, activity_type = "admin_logout", admin_id = "1" });
        Assert.Equal(404, unknown.Status);
        Assert.Contains("Admin not found", unknown.Text);
        var type = await Post(new { app_id = EmulatorFixture.AppId, activity_type = "Admin Logout" });
        Assert.Equal(400, type.Status);
        Assert.Contains("activity_type is one of Intercom's activity types, such as admin_login_success (lower case and _), not 'Admin Logout'", type.Text);
        var metadata = await Post(new { app_id = EmulatorFixture.AppId, activity_type = "admin_logout", metadata = "x" });
        Assert.Equal(400, metadata.Status);
        Assert.Contains("metadata must be an object, not a string", metadata.Text);
        var dummy = await Post(new { app_id = "dummy-app-id", activity_type = "admin_logout" });
        Assert.Equal(400, dummy.Status);
        Assert.Contains("The dummy app stores nothing and cannot be seeded", dummy.Text);
    }

    [Fact]
    public async Task The_dummy_app_has_no_activities()
    {
        var list = (await fixture.V2For("dummy-app-id").GetAsync("/admins/activity_logs?created_at_after=0")).Ok();
        Assert.Equal(0, list["activity_logs"].GetArrayLength());
        Assert.Equal(0, list["pages"].GetProperty("total_pages").GetInt32());
    }

    /// <summary>The entries of the list about the admin of that id, in the list's order.</summary>
    private static JsonElement[] Of(JsonElement list, string adminId) =>
        [.. list.GetProperty("activity_logs").EnumerateArray().Where(e => e.GetProperty("performed_by").GetProperty("id").GetString() == adminId)];

    private static long[] Times(JsonElement[] entries) => [.. entries.Select(e => e.GetProperty("created_at").GetInt64())];
}
