using System;
using System.Globalization;
using System.Net.Http;
using System.Text;
using System.Threading.Tasks;
using IntercomPS.Testing;
using Xunit;

namespace IntercomPS.Emulator.Tests.Inspector;

/// <summary>
/// Only the inspector's own page can read or drive it. Each test sends what Chromium sends for the attack (another
/// origin's fetch, a page on another loopback port, a form, an embed, DNS rebinding) and checks the refusal and that
/// nothing changed. The same attacks in a real browser: InspectorBrowserTests.
/// </summary>
public sealed class InspectorGuardTests(EmulatorFixture fixture) : IClassFixture<EmulatorFixture>, IAsyncLifetime
{
    private static readonly HttpClient Http = new();

    private InspectorClient Inspector => new(Http, fixture.Emulator.BaseUri);

    private string Port => fixture.Emulator.BaseUri.Port.ToString(CultureInfo.InvariantCulture);

    private string Own => Inspector.Origin;

    public Task InitializeAsync() => fixture.ResetAsync();

    public Task DisposeAsync() => fixture.ClearFaultsAsync();

    [Fact]
    public async Task A_page_on_another_loopback_port_can_neither_read_nor_drive_it()
    {
        // http://127.0.0.1:5173 (a dev server) calling fetch("http://127.0.0.1:PORT/_inspector/api/..."): same site, other origin.
        var other = "http://127.0.0.1:5173";
        var read = await Inspector.GetAsync("_inspector/api/log", ("Origin", other), ("Sec-Fetch-Site", "same-site"), ("Sec-Fetch-Mode", "cors"));
        Assert.Equal($"/_inspector answers only its own page ({Own}), not a page of '{other}'", read.AssertError(403, "forbidden"));
        Assert.Null(read.Header("Access-Control-Allow-Origin"));

        var drive = await Inspector.PutAsync("_inspector/api/admin/faults", """{"failure_rate": 1}""", ("Origin", other), ("Sec-Fetch-Site", "same-site"));
        drive.AssertError(403, "forbidden");
        var reset = await Inspector.PostAsync($"_inspector/api/admin/reset?app_id={EmulatorFixture.AppId}", "{}", ("Origin", "http://localhost:" + Port), ("Sec-Fetch-Site", "same-site"));
        reset.AssertError(403, "forbidden"); // the same port under another name is another origin too
        Assert.Equal(0, fixture.Emulator.Faults.FailureRate);
    }

    [Fact]
    public async Task What_another_page_embeds_is_refused_even_without_an_origin()
    {
        // <script src="http://127.0.0.1:PORT/_inspector/api/apps/test-app/contacts"> on another site: no Origin, no CORS.
        var embedded = await Inspector.GetAsync($"_inspector/api/apps/{EmulatorFixture.AppId}/contacts", ("Sec-Fetch-Site", "cross-site"), ("Sec-Fetch-Mode", "no-cors"), ("Sec-Fetch-Dest", "script"));
        Assert.Equal($"/_inspector answers only its own page ({Own}), not a request from another site (Sec-Fetch-Site 'cross-site')", embedded.AssertError(403, "forbidden"));
        Assert.Equal(403, (await Inspector.GetTextAsync("_inspector/inspector.js", ("Sec-Fetch-Site", "same-site"), ("Sec-Fetch-Dest", "script"))).Status);

        // <iframe src="http://127.0.0.1:PORT/_inspector/"> to click its buttons for the user: refused, and framing is denied anyway.
        var framed = await Inspector.GetTextAsync("_inspector/", ("Sec-Fetch-Site", "cross-site"), ("Sec-Fetch-Mode", "navigate"), ("Sec-Fetch-Dest", "iframe"));
        Assert.Equal(403, framed.Status);

        // A link or a typed address opens the page; it shows nothing until its own script asks.
        foreach (var site in new[] { "none", "cross-site" })
        {
            var opened = await Inspector.GetTextAsync("_inspector/", ("Sec-Fetch-Site", site), ("Sec-Fetch-Mode", "navigate"), ("Sec-Fetch-Dest", "document"));
            Assert.Equal(200, opened.Status);
            Assert.Contains("frame-ancestors 'none'", string.Join(" ", opened.Response.Headers.GetValues("Content-Security-Policy")));
        }
    }

    [Fact]
    public async Task Writes_need_the_pages_own_origin_and_json_so_no_form_or_bare_request_can_drive_it()
    {
        // <form method="post" action="http://127.0.0.1:PORT/_inspector/api/admin/seed"> on another site.
        var form = await Inspector.SendAsync(HttpMethod.Post, "_inspector/api/admin/seed", "app_id=test-app&count=5", "application/x-www-form-urlencoded",
            ("Origin", "null"), ("Sec-Fetch-Site", "cross-site"), ("Sec-Fetch-Mode", "navigate"));
        form.AssertError(403, "forbidden");

        // A write with no Origin at all (an old browser's form, a redirect that stripped it) is refused too.
        var bare = await Inspector.SendAsync(HttpMethod.Post, "_inspector/api/admin/seed", """{"app_id":"test-app","count":5}""", "application/json", ("Origin", null), ("Sec-Fetch-Site", null));
        Assert.Equal("/_inspector takes changes only from its own page: the request has no Origin", bare.AssertError(403, "forbidden"));
        (await Inspector.DeleteAsync("_inspector/api/admin/faults", ("Origin", null))).AssertError(403, "forbidden");

        // Its own origin, but not JSON: what a form on the page's own origin could send, had it one.
        var text = await Inspector.SendAsync(HttpMethod.Post, "_inspector/api/admin/seed", "app_id=test-app&count=5", "text/plain");
        Assert.Equal("/_inspector writes need 'Content-Type: application/json', not 'text/plain'", text.AssertError(415, "bad_request"));
        Assert.Equal(0, (await Inspector.GetAsync($"_inspector/api/apps/{EmulatorFixture.AppId}/contacts")).Ok()["total"].GetInt32());

        var preflight = await Inspector.SendAsync(HttpMethod.Options, "_inspector/api/admin/faults", null, null,
            ("Origin", "https://evil.example"), ("Access-Control-Request-Method", "PUT"), ("Access-Control-Request-Headers", "content-type"));
        preflight.AssertError(403, "forbidden");
        Assert.Null(preflight.Header("Access-Control-Allow-Origin"));
        Assert.Null(preflight.Header("Access-Control-Allow-Methods"));
    }

    [Fact]
    public async Task A_page_reached_through_dns_rebinding_is_refused_by_its_host()
    {
        // http://rebind.example:PORT/ resolving to 127.0.0.1: the same origin to the browser, so Origin matches Host.
        var host = "rebind.example:" + Port;
        var read = await Inspector.GetAsync("_inspector/api/log", ("Host", host));
        Assert.StartsWith($"/_inspector refuses Host '{host}'", read.AssertError(403, "forbidden"));
        var page = await Inspector.GetTextAsync("_inspector/", ("Host", host), ("Sec-Fetch-Site", "none"));
        Assert.Equal(403, page.Status);
        var write = await Inspector.PutAsync("_inspector/api/admin/faults", """{"failure_rate": 1}""", ("Host", host), ("Origin", "http://" + host));
        write.AssertError(403, "forbidden");
        Assert.Equal(0, fixture.Emulator.Faults.FailureRate);
    }

    [Fact]
    public async Task With_an_admin_token_the_browser_is_asked_for_it_and_every_call_must_carry_it()
    {
        await using var emulator = await IntercomEmulator.StartAsync(new EmulatorOptions { AdminToken = "s3cret-admin" });
        var inspector = new InspectorClient(Http, emulator.BaseUri);
        var page = await inspector.GetTextAsync("_inspector/", ("Sec-Fetch-Site", "none"));
        Assert.Equal(401, page.Status);
        Assert.Equal("Basic realm=\"intercom-emulator-inspector\"", page.Response.Headers.WwwAuthenticate.ToString());
        Assert.DoesNotContain("s3cret-admin", page.Text);
        (await inspector.GetAsync("_inspector/api/log")).AssertError(401, "unauthorized");

        string Basic(string password) => "Basic " + Convert.ToBase64String(Encoding.UTF8.GetBytes("anyone:" + password));
        (await inspector.GetAsync("_inspector/api/log", ("Authorization", Basic("wrong")))).AssertError(401, "unauthorized");
        (await inspector.GetAsync("_inspector/api/log", ("Authorization", "Basic not-base64!"))).AssertError(401, "unauthorized");
        Assert.Equal(200, (await inspector.GetTextAsync("_inspector/", ("Authorization", Basic("s3cret-admin")))).Status);
        (await inspector.GetAsync("_inspector/api/log", ("Authorization", "Bearer s3cret-admin"))).Ok();
        (await inspector.PutAsync("_inspector/api/admin/faults", """{"latency_ms": 1}""", ("Authorization", Basic("s3cret-admin")))).Ok();
        Assert.Equal(1, emulator.Faults.LatencyMs);

        // The token carried, any Host is accepted (as /admin does), but the origin rule still holds.
        (await inspector.GetAsync("_inspector/api/log", ("Authorization", Basic("s3cret-admin")), ("Host", "192.168.1.5:" + emulator.BaseUri.Port))).Ok();
        (await inspector.GetAsync("_inspector/api/log", ("Authorization", Basic("s3cret-admin")), ("Origin", "http://127.0.0.1:1"))).AssertError(403, "forbidden");

        // /admin takes the token the same two ways.
        (await inspector.SendAsync(HttpMethod.Get, "admin/faults", null, null, ("Authorization", Basic("s3cret-admin")), ("Sec-Fetch-Site", null))).Ok();
    }
}
