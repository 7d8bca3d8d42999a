using System;
using System.Collections.Generic;
using System.Globalization;
using System.Net.Http;
using System.Text;
using System.Threading.Tasks;
using IntercomPS.Testing;
using Xunit;

namespace IntercomPS.Emulator.Tests;

/// <summary>
/// /admin can't be driven by a web page. Each test sends the request a browser would send for the attack (headers
/// as Chrome writes them) and checks both the refusal and that nothing happened.
/// </summary>
public sealed class AdminSafetyTests(EmulatorFixture fixture) : IClassFixture<EmulatorFixture>
{
    private static readonly HttpClient Http = new();

    private string Port => fixture.Emulator.BaseUri.Port.ToString(CultureInfo.InvariantCulture);

    [Fact]
    public async Task A_cross_origin_fetch_with_a_text_body_is_refused_and_resets_nothing()
    {
        // fetch("http://127.0.0.1:PORT/admin/reset", {method: "POST", body: "{}"}) on https://evil.example: a "simple"
        // request, sent without a preflight.
        var email = await NewUserAsync();
        var reply = await SendAsync(HttpMethod.Post, "admin/reset", "{}", "text/plain;charset=UTF-8",
            ("Origin", "https://evil.example"), ("Sec-Fetch-Site", "cross-site"), ("Sec-Fetch-Mode", "no-cors"), ("Referer", "https://evil.example/"));
        Assert.Equal("/admin refuses requests from web pages of other origins (Origin 'https://evil.example')", reply.AssertError(403, "forbidden"));
        (await fixture.Api.GetAsync($"v1/users?email={email}")).AssertStatus(200);
    }

    [Fact]
    public async Task A_cross_site_form_post_is_refused_with_or_without_an_origin_and_seeds_nothing()
    {
        // <form method="post" action="http://127.0.0.1:PORT/admin/seed"><input name="app_id" value="test-app"> ...
        var form = "app_id=" + EmulatorFixture.AppId + "&count=5&prefix=form";
        var withOrigin = await SendAsync(HttpMethod.Post, "admin/seed", form, "application/x-www-form-urlencoded",
            ("Origin", "null"), ("Sec-Fetch-Site", "cross-site"), ("Sec-Fetch-Mode", "navigate"));
        withOrigin.AssertError(403, "forbidden");

        // Browsers that send no Origin on a form post still cannot send JSON without a preflight.
        var withoutOrigin = await SendAsync(HttpMethod.Post, "admin/seed", form, "application/x-www-form-urlencoded");
        Assert.Equal("/admin writes need 'Content-Type: application/json', not 'application/x-www-form-urlencoded'", withoutOrigin.AssertError(415, "bad_request"));
        (await SendAsync(HttpMethod.Post, "admin/reset", "")).AssertError(415, "bad_request"); // no body, no type: not JSON either
        (await fixture.Api.GetAsync("v1/users?user_id=form1")).AssertError(404, "not_found");
    }

    [Fact]
    public async Task The_preflight_a_page_needs_for_json_is_refused_without_cors_headers()
    {
        var reply = await SendAsync(HttpMethod.Options, "admin/faults", null, null,
            ("Origin", "https://evil.example"), ("Access-Control-Request-Method", "PUT"), ("Access-Control-Request-Headers", "content-type"));
        reply.AssertError(403, "forbidden");
        Assert.Null(reply.Header("Access-Control-Allow-Origin"));
        Assert.Null(reply.Header("Access-Control-Allow-Methods"));

        var sameMachine = await SendAsync(HttpMethod.Options, "admin/faults", null, null, ("Access-Control-Request-Method", "PUT"));
        Assert.Equal("/admin answers no CORS preflight: web pages may not call it", sameMachine.AssertError(403, "forbidden"));
    }

    [Fact]
    public async Task A_page_reached_through_dns_rebinding_can_neither_read_nor_write()
    {
        // http://rebind.example:PORT/ now resolves to 127.0.0.1: to the browser the page and /admin are one origin, so a
        // GET carries no Origin at all; only the Host header gives it away.
        var host = "rebind.example:" + Port;
        var read = await SendAsync(HttpMethod.Get, "admin/requests", null, null, ("Host", host), ("Sec-Fetch-Site", "same-origin"));
        Assert.StartsWith($"/admin refuses Host '{host}'", read.AssertError(403, "forbidden"));
        var write = await SendAsync(HttpMethod.Put, "admin/faults", "{\"failure_rate\":1}", "application/json",
            ("Host", host), ("Origin", "http://" + host), ("Sec-Fetch-Site", "same-origin"));
        write.AssertError(403, "forbidden");
        Assert.Equal(0, fixture.Emulator.Faults.FailureRate);
    }

    [Fact]
    public async Task A_page_reached_through_dns_rebinding_cannot_use_the_api_with_a_well_known_key()
    {
        // The same page, now calling the API faces: same-origin to the browser, so it may send Authorization and read
        // the answer. Without the Host check it read every user with the key the README documents.
        var email = await NewUserAsync();
        var host = "rebind.example:" + Port;
        var basic = "Basic " + Convert.ToBase64String(Encoding.UTF8.GetBytes(EmulatorFixture.AppId + ":" + EmulatorFixture.ApiKey));
        var v1 = await SendAsync(HttpMethod.Get, "v1/users", null, null, ("Host", host), ("Authorization", basic), ("Sec-Fetch-Site", "same-origin"));
        Assert.Equal($"This emulator listens on loopback and answers only loopback names (localhost, 127.0.0.1, [::1]) or '127.0.0.1', not Host '{host}'",
            v1.AssertError(403, "forbidden"));
        Assert.DoesNotContain(email, v1.Text);

        var v2 = await SendAsync(HttpMethod.Post, "contacts", "{\"role\":\"user\",\"email\":\"planted@example.com\"}", "application/json",
            ("Host", host), ("Origin", "http://" + host), ("Authorization", "Bearer " + EmulatorFixture.ApiKey));
        Assert.Equal(403, (int)v2.Status);
        Assert.Contains("\"type\":\"error.list\"", v2.Text);
        (await fixture.Api.GetAsync("v1/users?email=planted@example.com")).AssertError(404, "not_found");

        // This machine's own names keep working on both faces.
        (await SendAsync(HttpMethod.Get, "v1/users?email=" + email, null, null, ("Host", "localhost:" + Port), ("Authorization", basic))).AssertStatus(200);
        (await SendAsync(HttpMethod.Get, "me", null, null, ("Host", "[::1]:" + Port), ("Authorization", "Bearer " + EmulatorFixture.ApiKey))).AssertStatus(200);
    }

    [Theory]
    [InlineData("127.0.0.1", null)]
    [InlineData("localhost", "http://localhost:3000")]
    [InlineData("app.localhost", "http://127.0.0.1:5173")]
    [InlineData("[::1]", "https://[::1]")]
    public async Task Tools_on_this_machine_keep_working(string hostName, string? origin)
    {
        var headers = new List<(string, string)> { ("Host", hostName + ":" + Port) };
        if (origin is not null)
        {
            headers.Add(("Origin", origin));
        }

        (await SendAsync(HttpMethod.Get, "admin/faults", null, null, [.. headers])).AssertStatus(200);
        (await SendAsync(HttpMethod.Put, "admin/faults", "{}", "application/json; charset=utf-8", [.. headers])).AssertStatus(200);
        (await SendAsync(HttpMethod.Delete, "admin/faults", null, null, [.. headers])).AssertStatus(200);
    }

    [Fact]
    public async Task With_an_admin_token_every_admin_call_must_send_it_and_may_then_use_any_host()
    {
        var options = new EmulatorOptions { AdminToken = "s3cret-admin" };
        await using var emulator = await IntercomEmulator.StartAsync(options);
        async Task<Reply> CallAsync(string? token, string host = "127.0.0.1")
        {
            using var request = new HttpRequestMessage(HttpMethod.Get, new Uri(emulator.BaseUri, "admin/faults"));
            request.Headers.Host = host + ":" + emulator.BaseUri.Port.ToString(CultureInfo.InvariantCulture);
            if (token is not null)
            {
                request.Headers.TryAddWithoutValidation("Authorization", "Bearer " + token);
            }

            using var response = await Http.SendAsync(request);
            return new Reply(response.StatusCode, await response.Content.ReadAsStringAsync(), response);
        }

        var missing = await CallAsync(null);
        Assert.Equal("/admin needs the emulator's admin token: send 'Authorization: Bearer TOKEN'", missing.AssertError(401, "unauthorized"));
        Assert.Equal("Bearer realm=\"intercom-emulator-admin\"", missing.Header("WWW-Authenticate"));
        (await CallAsync("wrong")).AssertError(401, "unauthorized");
        Assert.DoesNotContain("s3cret-admin", missing.Text + (await CallAsync("wrong")).Text);
        (await CallAsync("s3cret-admin")).AssertStatus(200);
        (await CallAsync("s3cret-admin", host: "192.168.1.5")).AssertStatus(200); // a machine on the LAN, by address
        (await new Api(Http, emulator.BaseUri, "local-app", "local-key").GetAsync("v1/users")).AssertStatus(200); // /v1 keeps its own auth

        // The tests' typed admin client sends the token it is given.
        using var withToken = new IntercomPS.Testing.EmulatorAdmin(emulator.BaseUri, "s3cret-admin");
        await withToken.ResetAsync();
        using var withoutToken = new IntercomPS.Testing.EmulatorAdmin(emulator.BaseUri);
        Assert.Contains("answered 401", (await Assert.ThrowsAsync<InvalidOperationException>(() => withoutToken.ResetAsync())).Message);
    }

    [Theory]
    [InlineData("0.0.0.0")]
    [InlineData("*")]
    public async Task Listening_beyond_loopback_needs_an_admin_token(string host)
    {
        var e = await Assert.ThrowsAsync<ArgumentException>(() => IntercomEmulator.StartAsync(new EmulatorOptions { Host = host }));
        Assert.Contains("set an admin token (--admin-token or INTERCOM_EMULATOR_ADMIN_TOKEN)", e.Message);
    }

    [Fact]
    public async Task The_cli_refuses_all_interfaces_without_a_token_and_with_one_prints_the_real_address_and_a_warning()
    {
        using (var refused = EmulatorProcess.Start(["--host", "0.0.0.0", "--port", "0"]))
        {
            Assert.Equal(1, await refused.ExitCodeAsync());
            Assert.Contains("cannot start: --host 0.0.0.0 (0.0.0.0) can be reached from other machines", refused.Stderr);
        }

        var env = new Dictionary<string, string> { ["INTERCOM_EMULATOR_ADMIN_TOKEN"] = "tok-123456" };
        using var child = EmulatorProcess.Start(["--host", "0.0.0.0", "--port", "0"], env);
        var listening = await child.BaseUriAsync();
        Assert.Equal("0.0.0.0", listening.Host); // the address really bound, not a loopback stand-in
        Assert.Contains($"from this machine: API http://127.0.0.1:{listening.Port}/v1/", child.Stdout);
        Assert.Contains("admin: token required", child.Stdout);
        for (var i = 0; i < 50 && !child.Stderr.Contains("WARNING", StringComparison.Ordinal); i++)
        {
            await Task.Delay(100);
        }

        Assert.Contains($"WARNING: listening on http://0.0.0.0:{listening.Port}/, which other machines can reach", child.Stderr);
        Assert.DoesNotContain("tok-123456", child.Stdout + child.Stderr);
        using var request = new HttpRequestMessage(HttpMethod.Get, $"http://127.0.0.1:{listening.Port}/admin/health");
        request.Headers.TryAddWithoutValidation("Authorization", "Bearer tok-123456");
        Assert.True((await Http.SendAsync(request)).IsSuccessStatusCode);
    }

    private async Task<string> NewUserAsync()
    {
        var email = EmulatorFixture.NewEmail();
        (await fixture.Api.PostAsync("v1/users", new { email })).AssertStatus(201);
        return email;
    }

    private async Task<Reply> SendAsync(HttpMethod method, string path, string? body, string? contentType = null, params (string Name, string Value)[] headers)
    {
        using var request = new HttpRequestMessage(method, new Uri(fixture.Emulator.BaseUri, path));
        if (body is not null)
        {
            request.Content = new ByteArrayContent(Encoding.UTF8.GetBytes(body));
            if (contentType is not null)
            {
                request.Content.Headers.TryAddWithoutValidation("Content-Type", contentType);
            }
        }

        foreach (var (name, value) in headers)
        {
            if (name == "Host")
            {
                request.Headers.Host = value;
            }
            else
            {
                request.Headers.TryAddWithoutValidation(name, value);
            }
        }

        using var response = await Http.SendAsync(request);
        return new Reply(response.StatusCode, await response.Content.ReadAsStringAsync(), response);
    }
}
