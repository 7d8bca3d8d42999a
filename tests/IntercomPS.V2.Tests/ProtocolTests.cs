using System.Linq;
using System.Net.Http;
using System.Threading.Tasks;
using IntercomPS.Testing;
using Xunit;

namespace IntercomPS.V2.Tests;

/// <summary>Bearer auth, the default Intercom-Version, error.list, rate-limit headers, faults and request counting on 2.x (VersionsTests: every version).</summary>
public class ProtocolTests(EmulatorFixture fixture) : IClassFixture<EmulatorFixture>
{
    [Theory]
    [InlineData(null)]
    [InlineData("wrong-token")]
    [InlineData("other-key-but-not-quite")]
    public async Task A_missing_or_wrong_token_is_401_unauthorized(string? token)
    {
        var answer = await fixture.V2For(token).GetAsync("/me");
        Assert.Equal("Access Token Invalid", answer.Error(401, "unauthorized"));
        Assert.StartsWith("Bearer", answer.Header("WWW-Authenticate"));
    }

    [Fact]
    public async Task Basic_credentials_are_not_a_2_14_token()
    {
        var answer = await fixture.V2For(null).SendAsync(HttpMethod.Get, "/me", configure: r =>
            r.Headers.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Basic",
                System.Convert.ToBase64String(System.Text.Encoding.UTF8.GetBytes($"{EmulatorFixture.AppId}:{EmulatorFixture.ApiKey}"))));
        answer.Error(401, "unauthorized");
    }

    [Fact]
    public async Task Basic_auth_takes_the_token_as_username_with_an_empty_password_only()
    {
        Assert.Equal(EmulatorFixture.AppId, (await fixture.V2.WithBasicAuth().GetAsync("/me")).Ok()["app"].GetProperty("id_code").GetString());
        Assert.Equal(EmulatorFixture.OtherAppId, (await fixture.V2Other.WithBasicAuth().GetAsync("/me")).Ok()["app"].GetProperty("id_code").GetString());
        (await fixture.V2For("not-a-token").WithBasicAuth().GetAsync("/me")).Error(401, "unauthorized");
        var withPassword = await fixture.V2For(null).SendAsync(HttpMethod.Get, "/me", configure: r =>
            r.Headers.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Basic",
                System.Convert.ToBase64String(System.Text.Encoding.UTF8.GetBytes($"{EmulatorFixture.ApiKey}:x"))));
        withPassword.Error(401, "unauthorized");
    }

    [Fact]
    public async Task The_api_key_is_the_apps_access_token_and_each_app_sees_its_own_data()
    {
        var email = EmulatorFixture.NewEmail();
        var created = (await fixture.V2.PostAsync("/contacts", new { email })).Ok();
        var id = created["id"].GetString();
        (await fixture.V2.GetAsync($"/contacts/{id}")).Ok();
        (await fixture.V2Other.GetAsync($"/contacts/{id}")).Error(404, "not_found");
        Assert.Equal(EmulatorFixture.OtherAppId, (await fixture.V2Other.GetAsync("/me")).Ok()["app"].GetProperty("id_code").GetString());
    }

    [Theory]
    [InlineData(null)]
    [InlineData("2.14")]
    public async Task The_default_and_2_14_are_served_and_answered_as_2_14(string? version)
    {
        var answer = (await fixture.V2.WithVersion(version).GetAsync("/me")).Ok();
        Assert.Equal("2.14", answer.Header("Intercom-Version"));
    }

    [Fact]
    public async Task Every_answer_carries_a_request_id_and_rate_limit_headers()
    {
        var ok = (await fixture.V2.GetAsync("/admins")).Ok();
        var error = await fixture.V2.GetAsync("/contacts/000000000000000000000000");
        error.Error(404, "not_found");
        foreach (var answer in new[] { ok, error })
        {
            Assert.False(string.IsNullOrEmpty(answer.Header("X-Request-Id")));
            Assert.NotNull(answer.Header("X-RateLimit-Limit"));
            Assert.NotNull(answer.Header("X-RateLimit-Remaining"));
            Assert.NotNull(answer.Header("X-RateLimit-Reset"));
        }

        Assert.Equal(error.Header("X-Request-Id"), error["request_id"].GetString());
    }

    [Fact]
    public async Task An_unknown_path_or_method_is_an_error_list_not_a_bare_404()
    {
        (await fixture.V2.GetAsync("/no_such_thing")).Error(404, "not_found");
        (await fixture.V2.SendAsync(HttpMethod.Patch, "/contacts")).Error(405, "method_not_allowed");
    }

    [Theory]
    [InlineData("503", 503, "service_unavailable")]
    [InlineData("500", 500, "server_error")]
    [InlineData("429", 429, "rate_limit_exceeded")]
    public async Task X_Emulator_Fault_fails_a_2_14_request_before_it_is_applied(string fault, int status, string code)
    {
        var email = EmulatorFixture.NewEmail();
        var answer = await fixture.V2.SendAsync(HttpMethod.Post, "/contacts", new { email }, r => r.Headers.Add("X-Emulator-Fault", fault));
        answer.Error(status, code);
        var search = await fixture.V2.PostAsync("/contacts/search", new { query = new { field = "email", @operator = "=", value = email } });
        Assert.Equal(0, search.Ok()["total_count"].GetInt32());
    }

    [Fact]
    public async Task Rate_limits_apply_to_2_14_as_to_v1()
    {
        await fixture.Admin.SetFaultsAsync(new { rate_limit = 3, rate_window_seconds = 60 });
        try
        {
            var answers = await Task.WhenAll(Enumerable.Range(0, 5).Select(_ => fixture.V2Other.GetAsync("/admins")));
            Assert.Equal(3, answers.Count(a => a.Status == 200));
            var limited = answers.First(a => a.Status == 429);
            limited.Error(429, "rate_limit_exceeded");
            Assert.Equal("0", limited.Header("X-RateLimit-Remaining"));
        }
        finally
        {
            await fixture.Admin.ClearFaultsAsync();
        }
    }

    [Fact]
    public async Task A_request_refused_for_its_version_is_counted_against_the_limit_and_says_so_like_any_other()
    {
        // The limit is the app's, whatever a request asks: a version refused is still a call, as an unknown path is.
        await fixture.Admin.ResetAsync(EmulatorFixture.OtherAppId);
        await fixture.Admin.SetFaultsAsync(new { rate_limit = 2, rate_window_seconds = 86400 });
        try
        {
            var unknown = await fixture.V2Other.WithVersion("9.9").GetAsync("/admins");
            unknown.Error(400, "intercom_version_invalid");
            var lacking = await fixture.V2Other.WithVersion("2.13").GetAsync("/away_status_reasons");
            lacking.Error(400, "intercom_version_invalid");
            Assert.Equal(("2", "1"), (unknown.Header("X-RateLimit-Limit"), unknown.Header("X-RateLimit-Remaining")));
            Assert.Equal(("2", "0"), (lacking.Header("X-RateLimit-Limit"), lacking.Header("X-RateLimit-Remaining")));
            Assert.NotNull(unknown.Header("X-RateLimit-Reset"));

            var limited = await fixture.V2Other.WithVersion("9.9").GetAsync("/admins");
            limited.Error(429, "rate_limit_exceeded");
            Assert.NotNull(limited.Header("Retry-After"));
        }
        finally
        {
            await fixture.Admin.ClearFaultsAsync();
        }
    }

    [Fact]
    public async Task Admin_requests_count_2_14_routes_and_reset_empties_2_14_data()
    {
        await fixture.Admin.ResetAsync(EmulatorFixture.OtherAppId);
        var email = EmulatorFixture.NewEmail();
        (await fixture.V2Other.PostAsync("/contacts", new { email })).Ok();
        var id = (await fixture.V2Other.GetAsync("/contacts")).Ok()["data"][0].GetProperty("id").GetString();
        (await fixture.V2Other.GetAsync($"/contacts/{id}")).Ok();
        (await fixture.V2Other.GetAsync("/contacts/000000000000000000000000")).Error(404, "not_found");
        (await fixture.V2Other.PostAsync("/contacts/search", new { query = new { field = "email", @operator = "=", value = email } })).Ok();
        var counts = await fixture.Admin.GetRequestsAsync(EmulatorFixture.OtherAppId);
        Assert.Equal(1, counts.Of("POST /contacts"));
        Assert.Equal(1, counts.Of("GET /contacts"));
        Assert.Equal(2, counts.Of("GET /contacts/{contact_id}")); // by route template: bounded, whatever ids arrive
        Assert.Equal(1, counts.Of("POST /contacts/search"));
        await fixture.Admin.ResetAsync(EmulatorFixture.OtherAppId);
        Assert.Equal(0, (await fixture.V2Other.GetAsync("/contacts")).Ok()["total_count"].GetInt32());
    }
}
