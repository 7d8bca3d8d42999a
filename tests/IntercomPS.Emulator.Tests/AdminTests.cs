using System.Collections.Generic;
using System.Linq;
using System.Threading.Tasks;
using IntercomPS.Testing;
using Xunit;

namespace IntercomPS.Emulator.Tests;

public sealed class AdminTests(EmulatorFixture fixture) : IClassFixture<EmulatorFixture>
{
    private Api Admin => fixture.Anonymous;

    [Fact]
    public async Task Health_is_ok()
    {
        var health = (await Admin.GetAsync("admin/health")).AssertStatus(200);
        Assert.Equal("ok", health["status"].GetString());
        Assert.False(health["persistent"].GetBoolean());
    }

    [Fact]
    public async Task Apps_settings_are_read_and_set_and_bad_ones_refused_by_name()
    {
        var settings = (await Admin.GetAsync("admin/apps/" + EmulatorFixture.OtherAppId)).AssertStatus(200);
        Assert.Equal(("2.14", "Etc/UTC"), (settings["version"].GetString(), settings["timezone"].GetString()));
        try
        {
            var set = (await Admin.PutAsync("admin/apps/" + EmulatorFixture.OtherAppId, new { version = "Preview", timezone = "Europe/Dublin" })).AssertStatus(200);
            Assert.Equal(("Preview", "Europe/Dublin"), (set["version"].GetString(), set["timezone"].GetString()));
            Assert.Equal("Preview", (await Admin.GetAsync("admin/apps/" + EmulatorFixture.OtherAppId))["version"].GetString());
            Assert.Equal("2.14", (await Admin.GetAsync("admin/apps/" + EmulatorFixture.AppId))["version"].GetString()); // per app

            Assert.Contains("not an Intercom-Version", (await Admin.PutAsync("admin/apps/" + EmulatorFixture.OtherAppId, new { version = "9.9" })).AssertError(400, "bad_request"));
            Assert.Contains("not a time zone", (await Admin.PutAsync("admin/apps/" + EmulatorFixture.OtherAppId, new { timezone = "Nowhere" })).AssertError(400, "bad_request"));
            Assert.Contains("Unknown app setting 'colour'", (await Admin.PutAsync("admin/apps/" + EmulatorFixture.OtherAppId, new { colour = "red" })).AssertError(400, "bad_request"));
            Assert.Contains("Unknown app setting 'colour'", (await Admin.PutAsync("admin/apps/" + EmulatorFixture.OtherAppId, new { colour = 1 })).AssertError(400, "bad_request")); // named before its type is judged
            (await Admin.PutAsync("admin/apps/no-such-app", new { version = "2.11" })).AssertError(404, "not_found");
            Assert.Equal("Preview", (await Admin.GetAsync("admin/apps/" + EmulatorFixture.OtherAppId))["version"].GetString()); // refused ones changed nothing
        }
        finally
        {
            await Admin.PutAsync("admin/apps/" + EmulatorFixture.OtherAppId, new { version = "2.14", timezone = "Etc/UTC" });
        }
    }

    [Fact]
    public async Task Reset_of_one_app_wipes_its_data_and_counters_only_and_reset_all_wipes_everything()
    {
        var mine = EmulatorFixture.NewEmail();
        var theirs = EmulatorFixture.NewEmail();
        await fixture.Api.PostAsync("v1/users", new { email = mine });
        await fixture.Other.PostAsync("v1/users", new { email = theirs });

        (await Admin.PostAsync("admin/reset?app_id=" + EmulatorFixture.AppId, "{}")).AssertStatus(200);
        (await fixture.Api.GetAsync($"v1/users?email={mine}")).AssertError(404, "not_found");
        (await fixture.Other.GetAsync($"v1/users?email={theirs}")).AssertStatus(200);
        Assert.Equal(1, (await Admin.GetAsync("admin/requests?app_id=" + EmulatorFixture.AppId))["total"].GetInt32());

        (await Admin.PostAsync("admin/reset", "{}")).AssertStatus(200);
        (await fixture.Other.GetAsync($"v1/users?email={theirs}")).AssertError(404, "not_found");
        Assert.Equal(0, (await fixture.Other.GetAsync("v1/users"))["total_count"].GetInt32());
    }

    [Theory]
    [InlineData("admin/reset?app_id=ghost", "{}", 404, "No app 'ghost' is configured")]
    [InlineData("admin/reset?app_id=", "{}", 400, "app_id must name an app")]
    [InlineData("admin/reset?appid=test-app", "{}", 400, "Unknown query parameter 'appid': POST /admin/reset takes app_id")]
    [InlineData("admin/reset", "{\"app\":\"test-app\"}", 400, "Unknown field 'app': POST /admin/reset takes app_id")]
    [InlineData("admin/reset?app_id=test-app", "{\"app_id\":\"other-app\"}", 400, "app_id is 'test-app' in the query and 'other-app' in the body")]
    public async Task Reset_refuses_what_it_cannot_read_and_wipes_nothing(string path, string body, int status, string message)
    {
        // A reset that misread its app would wipe every app: each of these once did (or answered 200 and did nothing).
        var email = EmulatorFixture.NewEmail();
        (await fixture.Api.PostAsync("v1/users", new { email })).AssertStatus(201);
        Assert.Contains(message, (await Admin.PostAsync(path, body)).AssertError(status, status == 404 ? "not_found" : "bad_request"));
        (await fixture.Api.GetAsync($"v1/users?email={email}")).AssertStatus(200);
    }

    [Fact]
    public async Task Reset_takes_its_app_from_the_body_as_every_other_admin_write_does()
    {
        var mine = EmulatorFixture.NewEmail();
        var theirs = EmulatorFixture.NewEmail();
        await fixture.Api.PostAsync("v1/users", new { email = mine });
        await fixture.Other.PostAsync("v1/users", new { email = theirs });

        Assert.Equal(EmulatorFixture.OtherAppId, (await Admin.PostAsync("admin/reset", new { app_id = EmulatorFixture.OtherAppId })).AssertStatus(200)["reset"].GetString());
        (await fixture.Other.GetAsync($"v1/users?email={theirs}")).AssertError(404, "not_found");
        (await fixture.Api.GetAsync($"v1/users?email={mine}")).AssertStatus(200);
    }

    [Theory]
    [InlineData("admin/seed", "{\"app_id\":\"test-app\",\"count\":3,\"prefix\":\"typo\",\"tags\":\"vip\"}", "Unknown field 'tags': POST /admin/seed takes app_id, count, prefix, tag")]
    [InlineData("admin/admins", "{\"app_id\":\"test-app\",\"name\":\"Typo\",\"email\":\"typo@example.com\",\"away\":true}", "Unknown field 'away': POST /admin/admins takes app_id, name, email, away_mode_enabled, away_mode_reassign")]
    [InlineData("admin/teams", "{\"app_id\":\"test-app\",\"name\":\"Typo\",\"admins\":[]}", "Unknown field 'admins': POST /admin/teams takes app_id, name, admin_ids")]
    [InlineData("admin/message_threads/reply", "{\"app_id\":\"test-app\",\"email\":\"typo@example.com\",\"thread_id\":1,\"message\":\"x\"}", "Unknown field 'message': POST /admin/message_threads/reply takes app_id, user_id, email, thread_id, body, url")]
    [InlineData("admin/apps/test-app/segments", "{\"name\":\"Typo\",\"contacts\":[]}", "Unknown field 'contacts': POST /admin/apps/{app_id}/segments takes name, person_type, contact_ids")]
    [InlineData("admin/apps/test-app/subscription_types", "{\"name\":\"Typo\",\"consent_type\":\"opt_in\",\"content\":\"email\"}", "Unknown field 'content': POST /admin/apps/{app_id}/subscription_types takes name, description, locale, consent_type, content_types, state")]
    [InlineData("admin/activity_logs", "{\"app_id\":\"test-app\",\"activity_type\":\"admin_logout\",\"activity_description\":\"Typo\",\"type\":\"x\"}", "Unknown field 'type': POST /admin/activity_logs takes app_id, activity_type, admin_id, metadata, activity_description, created_at")]
    public async Task Admin_writes_refuse_a_field_they_do_not_take_and_write_nothing(string path, string body, string message)
    {
        var users = (await fixture.Api.GetAsync("v1/users?per_page=1"))["total_count"].GetInt64();
        Assert.Equal(message, (await Admin.PostAsync(path, body)).AssertError(400, "bad_request"));
        Assert.Equal(users, (await fixture.Api.GetAsync("v1/users?per_page=1"))["total_count"].GetInt64());
        (await fixture.V2.GetAsync("admins")).Ok()["admins"].EnumerateArray().ToList().ForEach(a => Assert.NotEqual("Typo", a.GetProperty("name").GetString()));
        (await fixture.V2.GetAsync("teams")).Ok()["teams"].EnumerateArray().ToList().ForEach(t => Assert.NotEqual("Typo", t.GetProperty("name").GetString()));
        (await fixture.V2.GetAsync("segments")).Ok()["segments"].EnumerateArray().ToList().ForEach(s => Assert.NotEqual("Typo", s.GetProperty("name").GetString()));
        (await fixture.V2.GetAsync("subscription_types")).Ok()["data"].EnumerateArray().ToList().ForEach(s => Assert.NotEqual("Typo", s.GetProperty("default_translation").GetProperty("name").GetString()));
        (await fixture.V2.GetAsync("admins/activity_logs?created_at_after=0")).Ok()["activity_logs"].EnumerateArray().ToList().ForEach(l => Assert.NotEqual("Typo", l.GetProperty("activity_description").GetString()));
    }

    [Fact]
    public async Task Requests_are_counted_per_app_and_route_including_failed_ones()
    {
        await Admin.PostAsync("admin/reset?app_id=" + EmulatorFixture.OtherAppId, "{}");
        var api = fixture.Other;
        for (var i = 0; i < 3; i++)
        {
            await api.PutAsync("v1/tags/", new { name = "nope" }); // 404s count too
        }

        await api.GetAsync("v1/users");
        await api.SendAsync(System.Net.Http.HttpMethod.Get, "v1/users", null, r => r.Headers.Add("X-Emulator-Fault", "503"));
        await fixture.For(EmulatorFixture.OtherAppId, "wrong").GetAsync("v1/users"); // counted under the claimed app

        var counts = (await Admin.GetAsync("admin/requests?app_id=" + EmulatorFixture.OtherAppId)).AssertStatus(200);
        Assert.Equal(6, counts["total"].GetInt32());
        var byRoute = counts["by_route"].EnumerateObject().ToDictionary(p => p.Name, p => p.Value.GetInt32());
        Assert.Equal(new Dictionary<string, int> { ["PUT /v1/tags"] = 3, ["GET /v1/users"] = 3 }, byRoute);
        Assert.True((await Admin.GetAsync("admin/requests"))["total"].GetInt32() >= 6);
    }

    [Theory]
    [InlineData("admin/requests?app_id=ghost", 404, "No app 'ghost' is configured")]
    [InlineData("admin/requests?app=test-app", 400, "Unknown query parameter 'app': GET /admin/requests takes app_id")]
    public async Task Request_counts_of_an_app_it_does_not_have_are_refused_not_zero(string path, int status, string message)
    {
        // A zero for a misspelt app would pass every "no request was sent" assertion.
        await fixture.Api.GetAsync("v1/users?per_page=1");
        Assert.Contains(message, (await Admin.GetAsync(path)).AssertError(status, status == 404 ? "not_found" : "bad_request"));
    }

    [Fact]
    public async Task Seed_creates_users_fast_in_creation_order_tagged_and_skips_existing_ones()
    {
        await Admin.PostAsync("admin/reset?app_id=" + EmulatorFixture.OtherAppId, "{}");
        var watch = System.Diagnostics.Stopwatch.StartNew();
        var seeded = (await Admin.PostAsync("admin/seed", new { app_id = EmulatorFixture.OtherAppId, count = 20_000, tag = "seeded", prefix = "s" })).AssertStatus(200);
        Assert.Equal(20_000, seeded["created"].GetInt32());
        Assert.True(watch.Elapsed.TotalSeconds < 20, $"seeding took {watch.Elapsed}");
        Assert.Equal(5, (await Admin.PostAsync("admin/seed", new { app_id = EmulatorFixture.OtherAppId, count = 20_005, prefix = "s" }))["created"].GetInt32());

        var user = (await fixture.Other.GetAsync("v1/users?user_id=s123")).AssertStatus(200);
        Assert.Equal("s123@example.com", user["email"].GetString());

        // Walk every page: each user exactly once, in creation order.
        var seen = new List<string>();
        for (int? page = 1; page is not null;)
        {
            var reply = (await fixture.Other.GetAsync($"v1/users?page={page}")).AssertStatus(200);
            Assert.Equal(20_005, reply["total_count"].GetInt32());
            Assert.Equal(41, reply["total_pages"].GetInt32());
            seen.AddRange(reply["users"].EnumerateArray().Select(u => u.GetProperty("user_id").GetString()!));
            page = reply["next_page"].ValueKind == System.Text.Json.JsonValueKind.Number ? reply["next_page"].GetInt32() : null;
        }

        Assert.Equal(Enumerable.Range(1, 20_005).Select(n => $"s{n}"), seen);
        Assert.Equal(20_000, (await fixture.Other.GetAsync("v1/tags?name=seeded"))["tagged_user_count"].GetInt32());
    }

    [Theory]
    [InlineData("{\"app_id\":\"dummy-app-id\",\"count\":5}", 400, "bad_request")]
    [InlineData("{\"app_id\":\"ghost\",\"count\":5}", 404, "not_found")]
    [InlineData("{\"count\":5}", 400, "bad_request")]
    [InlineData("{\"app_id\":\"test-app\",\"count\":0}", 400, "bad_request")]
    [InlineData("{\"app_id\":\"test-app\",\"count\":\"many\"}", 400, "bad_request")]
    [InlineData("{\"app_id\":\"test-app\",\"count\":1000001}", 400, "bad_request")]
    public async Task Seed_refuses_bad_requests(string body, int status, string type) =>
        (await Admin.PostAsync("admin/seed", body)).AssertError(status, type);

    [Fact]
    public async Task Admin_reply_needs_a_known_app_user_and_thread()
    {
        var email = EmulatorFixture.NewEmail();
        await fixture.Api.PostAsync("v1/users", new { email });
        (await Admin.PostAsync("admin/message_threads/reply", new { app_id = EmulatorFixture.AppId, email, thread_id = 999999, body = "x" })).AssertError(404, "not_found");
        (await Admin.PostAsync("admin/message_threads/reply", new { app_id = "ghost", email, thread_id = 1, body = "x" })).AssertError(404, "not_found");
        (await Admin.PostAsync("admin/message_threads/reply", new { app_id = EmulatorFixture.AppId, email, thread_id = 1 })).AssertError(400, "bad_request");
    }

    [Theory]
    [InlineData("prefix", 65, "prefix must be at most 64 characters, not 65")]
    [InlineData("prefix", 300_000, "prefix must be at most 64 characters, not 300000")]
    [InlineData("tag", 65, "tag must be at most 64 characters, not 65")]
    public async Task Seed_caps_the_text_every_seeded_user_repeats(string field, int length, string message)
    {
        var body = new Dictionary<string, object> { ["app_id"] = EmulatorFixture.OtherAppId, ["count"] = 1000, ["prefix"] = "cap", [field] = new string('x', length) };
        var before = (await fixture.Other.GetAsync("v1/users?per_page=1"))["total_count"].GetInt64();
        Assert.Equal(message, (await Admin.PostAsync("admin/seed", body)).AssertError(400, "bad_request"));
        Assert.Equal(before, (await fixture.Other.GetAsync("v1/users?per_page=1"))["total_count"].GetInt64());
        (await Admin.PostAsync("admin/seed", new Dictionary<string, object> { ["app_id"] = EmulatorFixture.OtherAppId, ["count"] = 1, [field] = new string('x', 64) })).AssertStatus(200);
    }

    [Fact]
    public async Task The_request_counter_keeps_known_apps_and_routes_only_whatever_arrives()
    {
        await Admin.PostAsync("admin/reset", "{}");
        for (var i = 0; i < 300; i++)
        {
            var path = $"v1/{System.Guid.NewGuid():N}/x{i}";
            await fixture.For($"app-{System.Guid.NewGuid():N}", "k").GetAsync(path); // unknown apps, random paths
            await fixture.Api.GetAsync(path); // a known app, random paths
        }

        await fixture.Api.GetAsync("v1/users?per_page=1");
        await fixture.Api.GetAsync("V1/Users/?per_page=1");
        var all = (await Admin.GetAsync("admin/requests")).AssertStatus(200);
        Assert.Equal(602, all["total"].GetInt64());
        Assert.Equal(["GET /v1/users", "other"], all["by_route"].EnumerateObject().Select(p => p.Name).ToArray());
        Assert.Equal(2, all["by_route"].GetProperty("GET /v1/users").GetInt64());
        var mine = (await Admin.GetAsync("admin/requests?app_id=" + EmulatorFixture.AppId)).AssertStatus(200);
        Assert.Equal(302, mine["total"].GetInt64());
        Assert.True(all.Text.Length < 200, all.Text);
    }
}
