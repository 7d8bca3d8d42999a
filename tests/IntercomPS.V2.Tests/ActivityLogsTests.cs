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
        Assert.Contains("activity_type is one of Intercom's activity types, such as admin_login_success (2.16's GET /admins/activity_log_event_types lists them), not 'Admin Logout'", type.Text);
        var unknownType = await Post(new { app_id = EmulatorFixture.AppId, activity_type = "admin_log_out" });
        Assert.Equal(400, unknownType.Status);
        Assert.Contains("not 'admin_log_out'", unknownType.Text);
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

    [Fact]
    public async Task The_2_16_search_keeps_the_event_types_asked_for_in_the_window_by_numbered_pages()
    {
        var id = await fixture.Admin.AddAdminAsync(EmulatorFixture.AppId, "Sam Search", EmulatorFixture.NewEmail("sam"));
        const long From = 4_000_000;
        var types = new[] { "app_name_change", "admin_logout", "message_state_change" };
        for (var i = 0; i < 30; i++)
        {
            await fixture.Admin.AddActivityLogAsync(EmulatorFixture.AppId, types[i % 3], id, createdAt: From + i);
        }

        var v216 = fixture.V2.WithVersion("2.16");
        var both = (await v216.PostAsync("/admins/activity_logs/search",
            new { created_at_after = From, created_at_before = From + 30, event_types = new[] { "app_name_change", "message_state_change" } })).Ok();
        Assert.Equal("activity_log.list", both["type"].GetString());
        Assert.Equal(1, both["pages"].GetProperty("total_pages").GetInt32());
        Assert.Equal(Enumerable.Range(0, 30).Where(i => i % 3 != 1).Select(i => From + i).Reverse(), Times(Of(both.Json, id)));

        var window = (await v216.PostAsync("/admins/activity_logs/search", new { created_at_after = From + 10, created_at_before = From + 20 })).Ok();
        Assert.Equal(Enumerable.Range(10, 10).Select(i => From + i).Reverse(), Times(Of(window.Json, id)));

        var paged = new { created_at_after = From, created_at_before = From + 30, event_types = new[] { "admin_logout" }, per_page = 4 };
        var first = (await v216.PostAsync("/admins/activity_logs/search", paged)).Ok();
        Assert.Equal(3, first["pages"].GetProperty("total_pages").GetInt32());
        Assert.Equal(4, first["pages"].GetProperty("per_page").GetInt32());
        var third = (await v216.PostAsync("/admins/activity_logs/search", new { paged.created_at_after, paged.created_at_before, paged.event_types, paged.per_page, page = 3 })).Ok();
        Assert.Equal([From + 4, From + 1], Times(Of(third.Json, id))); // 10 logouts, 4 to a page: 28 to 19, 16 to 7, then these
        Assert.Equal(250, (await v216.PostAsync("/admins/activity_logs/search", new { created_at_after = From, per_page = 250 })).Ok()["pages"].GetProperty("per_page").GetInt32());
    }

    [Theory]
    [InlineData("{}", "parameter_not_found", "created_at_after is required (a UNIX timestamp)")]
    [InlineData("{\"created_at_after\":\"yesterday\"}", "parameter_invalid", "created_at_after must be a UNIX timestamp (whole seconds since 1970), not a string (\"yesterday\")")]
    [InlineData("{\"created_at_after\":1,\"event_types\":\"app_name_change\"}", "parameter_invalid", "event_types must be an array of strings, not a string")]
    [InlineData("{\"created_at_after\":1,\"event_types\":[\"app_name_change\",\"App Name Change\"]}", "parameter_invalid",
        "event_types has 'App Name Change', which is not an activity log event type (GET /admins/activity_log_event_types lists them)")]
    [InlineData("{\"created_at_after\":1,\"per_page\":251}", "parameter_invalid", "per_page must be an integer from 1 to 250, not 251")]
    [InlineData("{\"created_at_after\":1,\"page\":0}", "parameter_invalid", "page must be an integer from 1 to 2147483647, not 0")]
    [InlineData("{\"created_at_after\":1,\"per_page\":\"20\"}", "parameter_invalid", "per_page must be an integer from 1 to 250, not a string (\"20\")")]
    public async Task Bad_searches_are_refused_with_the_exact_error(string body, string code, string message) =>
        Assert.Equal(message, (await fixture.V2.WithVersion("2.16").SendAsync(System.Net.Http.HttpMethod.Post, "/admins/activity_logs/search", body)).Error(400, code));

    [Fact]
    public async Task The_2_16_event_types_list_every_type_once_and_the_search_takes_each()
    {
        var list = (await fixture.V2.WithVersion("2.16").GetAsync("/admins/activity_log_event_types")).Ok();
        Assert.Equal("activity_log_event_type.list", list["type"].GetString());
        var types = list["event_types"].EnumerateArray().Select(t => t.GetString()!).ToArray();
        Assert.Equal(types.Distinct(), types);
        Assert.Contains("admin_away_mode_change", types);
        Assert.Contains("admin_login_success", types);
        (await fixture.V2.WithVersion("2.16").PostAsync("/admins/activity_logs/search", new { created_at_after = 1, event_types = types })).Ok();
    }

    [Theory]
    [InlineData("2.11")]
    [InlineData("2.14")]
    [InlineData("2.15")]
    public async Task Versions_before_2_16_have_neither_the_search_nor_the_types(string version)
    {
        var client = fixture.V2.WithVersion(version);
        Assert.Equal("Requested resource is not available in current API version",
            (await client.PostAsync("/admins/activity_logs/search", new { created_at_after = 1 })).Error(400, "intercom_version_invalid"));
        Assert.Equal("Requested resource is not available in current API version",
            (await client.GetAsync("/admins/activity_log_event_types")).Error(400, "intercom_version_invalid"));
        (await fixture.V2.WithVersion("Unstable").GetAsync("/admins/activity_log_event_types")).Ok();
    }

    /// <summary>The entries of the list about the admin of that id, in the list's order.</summary>
    private static JsonElement[] Of(JsonElement list, string adminId) =>
        [.. list.GetProperty("activity_logs").EnumerateArray().Where(e => e.GetProperty("performed_by").GetProperty("id").GetString() == adminId)];

    private static long[] Times(JsonElement[] entries) => [.. entries.Select(e => e.GetProperty("created_at").GetInt64())];
}
