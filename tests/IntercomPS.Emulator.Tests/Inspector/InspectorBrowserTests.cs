using System;
using System.IO;
using System.Net.Http;
using System.Text.RegularExpressions;
using System.Text.Json;
using System.Threading.Tasks;
using IntercomPS.Testing;
using Microsoft.Playwright;
using Xunit;
using static Microsoft.Playwright.Assertions;

namespace IntercomPS.Emulator.Tests.Inspector;

/// <summary>
/// The inspector's page in headless Chromium against a running emulator: a script's writes appear, the log streams,
/// a fault set on the page hits the next API request, a page of another origin is refused. Each view is
/// photographed into docs/inspector-*.png (the README shows them), so the pictures are always of the page as it is.
/// </summary>
public sealed class InspectorBrowserTests(EmulatorFixture fixture, ChromiumFixture chromium)
    : IClassFixture<EmulatorFixture>, IClassFixture<ChromiumFixture>, IAsyncLifetime
{
    private static readonly HttpClient Http = new() { Timeout = TimeSpan.FromSeconds(60) };

    private IBrowserContext? context;

    private static string App => EmulatorFixture.AppId;

    private string PageUri(string view) => $"{fixture.Emulator.InspectorUri}#/{App}/{view}";

    public async Task InitializeAsync()
    {
        await fixture.ResetAsync();
        await fixture.ClearFaultsAsync();
        if (Chromium.Path is not null)
        {
            context = await chromium.Browser.NewContextAsync(new BrowserNewContextOptions { ViewportSize = new ViewportSize { Width = 1280, Height = 760 } });
            context.SetDefaultTimeout(15_000);
        }
    }

    public async Task DisposeAsync()
    {
        if (context is not null)
        {
            await context.DisposeAsync();
        }

        await fixture.ClearFaultsAsync();
    }

    [BrowserFact]
    public async Task A_scripts_writes_appear_on_the_open_page_and_every_view_shows_them()
    {
        var page = await context!.NewPageAsync();
        await page.GotoAsync(PageUri("contacts"));
        await Expect(page.Locator("#live")).ToHaveTextAsync("live");
        await Expect(page.Locator("[data-view=contacts] .empty")).ToHaveTextAsync("Nothing here yet.");

        // The script: what an ops sync would do, over the API, while the page stays open.
        var v2 = fixture.V2;
        (await v2.PostAsync("data_attributes", new { name = "plan", model = "contact", data_type = "string", description = "Billing plan" })).Ok();
        var ada = (await v2.PostAsync("contacts", new { role = "user", email = "ada@example.com", name = "Ada Lovelace", external_id = "ada-1", custom_attributes = new { plan = "pro" } })).Ok()["id"].GetString()!;
        var grace = (await v2.PostAsync("contacts", new { role = "lead", email = "grace@example.com", name = "Grace Hopper" })).Ok()["id"].GetString()!;
        (await fixture.Api.PostAsync("v1/users", new { user_id = "linus-7", email = "linus@example.com", name = "Linus Torvalds" })).AssertStatus(201);
        (await v2.PostAsync("tags", new { name = "vip", users = new[] { new { id = ada }, new { id = grace } } })).Ok();
        (await v2.PostAsync("tags", new { name = "trial", users = new[] { new { id = grace } } })).Ok();
        (await v2.PostAsync($"contacts/{ada}/notes", new { body = "Called about the renewal; wants annual billing." })).Ok();
        var conversation = (await v2.PostAsync("conversations", new { from = new { type = "user", id = ada }, body = "My last invoice shows the wrong plan." })).Ok()["conversation_id"].GetString()!;
        var admin = (await v2.GetAsync("me")).Ok()["id"].GetString()!;
        var ann = await fixture.Admin.AddAdminAsync(App, "Ann Agent", "ann@example.com");
        var bob = await fixture.Admin.AddAdminAsync(App, "Bob Backup", "bob@example.com", away: true);
        var billing = await fixture.Admin.AddTeamAsync(App, "Billing", ann, bob);
        (await v2.PostAsync($"conversations/{conversation}/reply", new { message_type = "comment", type = "admin", admin_id = admin, body = "Fixed: you are on Pro from today." })).Ok();
        (await v2.PostAsync($"conversations/{conversation}/parts", new { message_type = "close", type = "admin", admin_id = admin })).Ok();
        var second = (await v2.PostAsync("conversations", new { from = new { type = "user", id = grace }, body = "Can I get a refund for the trial?" })).Ok()["conversation_id"].GetString()!;
        (await v2.PostAsync($"conversations/{second}/reply", new { message_type = "note", type = "admin", admin_id = ann, body = "Trial refunds need Billing." })).Ok();
        (await v2.PostAsync($"conversations/{second}/parts", new { message_type = "assignment", type = "admin", admin_id = admin, assignee_id = ann })).Ok();
        (await v2.PostAsync($"conversations/{second}/parts", new { message_type = "assignment", type = "team", admin_id = ann, assignee_id = billing })).Ok();
        var refund = (await v2.PostAsync("tags", new { name = "refund" })).Ok()["id"].GetString()!;
        (await v2.PostAsync($"conversations/{second}/tags", new { id = refund, admin_id = ann })).Ok();
        var navy = (await v2.PostAsync("companies", new { company_id = "navy-1", name = "US Navy", plan = "Fleet", industry = "Defense", size = 300, custom_attributes = new { region = "amer" } })).Ok()["id"].GetString()!;
        (await v2.PostAsync("companies", new { company_id = "ae-1", name = "Analytical Engines", plan = "Pro" })).Ok();
        (await v2.PostAsync($"contacts/{grace}/companies", new { id = navy })).Ok();
        (await v2.PostAsync("tags", new { name = "fleet", companies = new[] { new { company_id = "navy-1" } } })).Ok();
        await fixture.Admin.AddSegmentAsync(App, "Trial leads", [grace], personType: "contact");
        (await v2.PostAsync("events", new { event_name = "invoice-viewed", created_at = 1_765_000_000, id = ada, metadata = new { invoice = "INV-7" } })).Ok(202);

        // No reload: the page saw the writes in its live log and read the data again.
        await Expect(page.Locator("[data-view=contacts] tbody tr")).ToHaveCountAsync(3);
        await Expect(page.Locator("tr", new() { HasText = "Ada Lovelace" })).ToContainTextAsync("vip");
        await Screens.SaveAsync(page, "contacts");

        await page.FillAsync("input[type=search]", "hopper");
        await page.PressAsync("input[type=search]", "Enter");
        await Expect(page.Locator("[data-view=contacts] tbody tr")).ToHaveCountAsync(1);
        await Expect(page.Locator("[data-view=contacts] tbody tr")).ToContainTextAsync("grace@example.com");

        await page.GotoAsync(PageUri("contacts"));
        await page.ClickAsync("tr:has-text('Ada Lovelace')");
        var contact = page.Locator("[data-view=contact]");
        await Expect(contact).ToContainTextAsync("Called about the renewal; wants annual billing.");
        await Expect(contact).ToContainTextAsync("invoice-viewed");
        await Expect(contact).ToContainTextAsync("My last invoice shows the wrong plan.");
        await Expect(contact.Locator(".chip")).ToHaveTextAsync(new[] { "vip" });
        await Expect(contact.Locator("dd", new() { HasText = "pro" })).ToHaveCountAsync(1);
        await Screens.SaveAsync(page, "contact");

        await page.ClickAsync("#views a[data-view=tags]");
        await Expect(page.Locator("tr:has-text('vip') td.number")).ToHaveTextAsync("2");
        await Screens.SaveAsync(page, "tags");
        await page.ClickAsync("tr:has-text('trial')");
        await Expect(page.Locator("[data-view=contacts] tbody tr")).ToHaveCountAsync(1);
        await Expect(page.Locator("[data-view=contacts] tbody tr")).ToContainTextAsync("Grace Hopper");

        await page.ClickAsync("#views a[data-view=conversations]");
        await Expect(page.Locator("[data-view=conversations] tbody tr")).ToContainTextAsync(new[] { "open", "closed" });
        var assigned = page.Locator("[data-view=conversations] tbody tr", new() { HasText = "Can I get a refund" });
        await Expect(assigned).ToContainTextAsync("Ann Agent · Billing");
        await Expect(assigned).ToContainTextAsync("refund");
        await Expect(page.Locator("[data-view=conversations] tbody tr", new() { HasText = "wrong plan" })).ToContainTextAsync("unassigned");
        await Screens.SaveAsync(page, "conversations");
        await page.ClickAsync("[data-view=conversations] tbody tr:has-text('wrong plan')");
        await Expect(page.Locator("[data-view=conversation] .part")).ToHaveCountAsync(3);
        await Expect(page.Locator("[data-view=conversation] .part.admin.comment")).ToContainTextAsync("Fixed: you are on Pro from today.");
        await Expect(page.Locator("[data-view=conversation] .part.close")).ToContainTextAsync("Ada Admin (admin) · close");
        await Expect(page.Locator("[data-view=conversation]")).ToContainTextAsync("unassigned");
        await page.GotoAsync(PageUri("conversations/" + second));
        var thread = page.Locator("[data-view=conversation]");
        await Expect(thread.Locator(".part")).ToHaveTextAsync(new[]
        {
            new Regex("^Grace Hopper \\(lead\\) · comment · .*Can I get a refund for the trial\\?$"),
            new Regex("^Ann Agent \\(admin\\) · note · .*Trial refunds need Billing\\.$"),
            new Regex("^Ada Admin \\(admin\\) · assignment to Ann Agent · "),
            new Regex("^Ann Agent \\(admin\\) · assignment to Billing · "),
        });
        await Expect(thread.Locator("dd", new() { HasText = "Billing" })).ToHaveCountAsync(1);
        await Expect(thread.Locator("dd", new() { HasText = "refund" })).ToHaveCountAsync(1);
        await Screens.SaveAsync(page, "conversation");

        await page.ClickAsync("#views a[data-view=admins]");
        var admins = page.Locator("[data-view=admins] table").First.Locator("tbody tr");
        await Expect(admins).ToHaveCountAsync(3);
        await Expect(admins.Nth(0)).ToContainTextAsync("Ada Admin");
        await Expect(admins.Filter(new() { HasText = "Bob Backup" })).ToContainTextAsync("yes"); // away
        await Expect(admins.Filter(new() { HasText = "Ann Agent" })).ToContainTextAsync("Billing");
        await Expect(page.Locator("h2[data-view=teams]")).ToHaveTextAsync("Teams (1)");
        await Expect(page.Locator("[data-view=admins] table").Nth(1).Locator("tbody tr")).ToContainTextAsync(new[] { "Ann Agent, Bob Backup" });
        await Screens.SaveAsync(page, "admins");

        await page.ClickAsync("#views a[data-view=companies]");
        await Expect(page.Locator("[data-view=companies] tbody tr")).ToHaveCountAsync(2);
        await Expect(page.Locator("[data-view=companies] tbody tr", new() { HasText = "US Navy" })).ToContainTextAsync("Defense");
        await Screens.SaveAsync(page, "companies");
        await page.ClickAsync("tr:has-text('US Navy')");
        var company = page.Locator("[data-view=company]");
        await Expect(company.Locator("h2")).ToHaveTextAsync("US Navy");
        await Expect(company.Locator("dd", new() { HasText = "amer" })).ToHaveCountAsync(1);
        await Expect(company.Locator("h3", new() { HasText = "Contacts" })).ToHaveTextAsync("Contacts (1)");
        await Expect(company.Locator("h3", new() { HasText = "Tags" })).ToHaveTextAsync("Tags (1)");
        await Expect(company.Locator("span.chip")).ToHaveTextAsync(new[] { "fleet" });
        await Expect(company.Locator("tbody tr")).ToContainTextAsync(new[] { "Grace Hopper" });
        await Screens.SaveAsync(page, "company");
        await company.Locator("tbody tr").ClickAsync();
        await Expect(page.Locator("[data-view=contact] a.chip")).ToHaveTextAsync(new[] { "US Navy", "Trial leads" });

        await page.ClickAsync("#views a[data-view=segments]");
        await Expect(page.Locator("[data-view=segments] tbody tr")).ToContainTextAsync(new[] { "Trial leads" });
        await Screens.SaveAsync(page, "segments");
        await page.ClickAsync("tr:has-text('Trial leads')");
        await Expect(page.Locator("[data-view=contacts] .chip")).ToContainTextAsync("segment: Trial leads");
        await Expect(page.Locator("[data-view=contacts] tbody tr")).ToHaveCountAsync(1);
        await Expect(page.Locator("[data-view=contacts] tbody tr")).ToContainTextAsync("Grace Hopper");

        await page.ClickAsync("#views a[data-view=events]");
        await Expect(page.Locator("[data-view=events] tbody tr")).ToContainTextAsync(new[] { "invoice-viewed" });
        await Expect(page.Locator("[data-view=events] tbody tr")).ToContainTextAsync(new[] { "INV-7" });
        await Screens.SaveAsync(page, "events");
        await page.ClickAsync("[data-view=events] tbody tr");
        await Expect(page.Locator("[data-view=contact] h2")).ToHaveTextAsync("Ada Lovelace");

        await page.ClickAsync("#views a[data-view=data_attributes]");
        await Expect(page.Locator("tr:has-text('Billing plan')")).ToContainTextAsync("contact"); // a company's standard plan is listed too
        await Screens.SaveAsync(page, "data-attributes");
    }

    [BrowserFact]
    public async Task The_log_streams_each_request_as_it_happens_and_shows_its_exchange_with_secrets_masked()
    {
        var page = await context!.NewPageAsync();
        await page.GotoAsync(PageUri("requests"));
        await Expect(page.Locator("#live")).ToHaveTextAsync("live");

        (await fixture.V2.SendAsync(HttpMethod.Post, "contacts", new { role = "user", email = "stream@example.com", name = "Streamed" },
            r => r.Headers.UserAgent.ParseAdd("nightly-sync/2.3"))).Ok();
        (await fixture.V2.GetAsync("contacts/not-a-contact")).Error(404, "not_found");
        (await fixture.Api.GetAsync("v1/users?email=stream@example.com")).AssertStatus(200);

        var rows = page.Locator("#log-rows tr");
        await Expect(rows.Filter(new() { HasText = "/contacts/not-a-contact" })).ToContainTextAsync("404");
        await Expect(rows.Filter(new() { HasText = "POST" }).First).ToContainTextAsync("nightly-sync/2.3");
        await Expect(rows.Filter(new() { HasText = "/v1/users" }).First).ToContainTextAsync("v1");

        await page.SelectOptionAsync("#log-status", "4xx");
        await Expect(rows.Filter(new() { HasText = "not-a-contact" })).ToHaveCountAsync(1);
        await Expect(rows.Filter(new() { HasText = "stream@example.com" })).ToHaveCountAsync(0);
        Assert.All(await page.Locator("#log-rows td.status").AllTextContentsAsync(), status => Assert.StartsWith("4", status));
        await page.SelectOptionAsync("#log-status", "");
        await page.FillAsync("#log-path", "stream@");
        await Expect(rows).ToHaveCountAsync(1);
        await page.SelectOptionAsync("#log-app", EmulatorFixture.OtherAppId);
        await Expect(rows).ToHaveCountAsync(0);
        await page.SelectOptionAsync("#log-app", App);
        await page.FillAsync("#log-path", "");

        await rows.Filter(new() { HasText = "POST" }).First.ClickAsync();
        var exchange = page.Locator("#exchange");
        await Expect(exchange).ToContainTextAsync("\"email\": \"stream@example.com\"");
        await Expect(exchange).ToContainTextAsync("Authorization: Bearer ••••••");
        await Expect(exchange).ToContainTextAsync("\"type\": \"contact\"");
        Assert.DoesNotContain(EmulatorFixture.ApiKey, await page.ContentAsync());
        await Screens.SaveAsync(page, "requests", fullPage: true);
    }

    [BrowserFact]
    public async Task A_fault_set_on_the_page_applies_to_the_next_api_request_and_a_reset_asks_first()
    {
        await fixture.SeedAsync(3, "kept");
        var page = await context!.NewPageAsync();
        await page.GotoAsync(PageUri("controls"));

        await page.FillAsync("#fault-failure_rate", "1.5");
        await page.ClickAsync("#set-faults");
        var admin = await Http.PutAsync(new Uri(fixture.Emulator.BaseUri, "admin/faults"), new StringContent("""{"failure_rate": 1.5}""", System.Text.Encoding.UTF8, "application/json"));
        var refusal = JsonDocument.Parse(await admin.Content.ReadAsStringAsync()).RootElement.GetProperty("error").GetProperty("message").GetString()!;
        await Expect(page.Locator(".message.error")).ToHaveTextAsync(refusal); // /admin's own check and words

        await page.FillAsync("#fault-failure_rate", "1");
        await page.FillAsync("#fault-failure_status", "503");
        await page.FillAsync("#fault-route", "GET /contacts");
        await page.ClickAsync("#set-faults");
        await Expect(page.Locator(".message.done")).ToHaveTextAsync("Faults set: they apply from the next API request.");
        await Screens.SaveAsync(page, "controls", fullPage: true);
        (await fixture.V2.GetAsync("contacts")).Error(503, "service_unavailable");
        (await fixture.V2.GetAsync("tags")).Ok(); // only the route named

        await page.ClickAsync("#views a[data-view=requests]");
        await Expect(page.Locator("#log-rows tr", new() { HasText = "failure rate 1" }).First).ToContainTextAsync("503");

        await page.ClickAsync("#views a[data-view=controls]");
        await page.ClickAsync("#clear-faults");
        await Expect(page.Locator(".message.done")).ToHaveTextAsync("Faults cleared.");
        (await fixture.V2.GetAsync("contacts")).Ok();

        await page.ClickAsync("#reset");
        await Expect(page.Locator("#confirm")).ToBeVisibleAsync();
        await Expect(page.Locator("#confirm-text")).ToContainTextAsync($"Reset {App}?");
        await page.ClickAsync("#confirm-cancel");
        Assert.Equal(3, await TotalAsync());
        await page.ClickAsync("#reset");
        await page.ClickAsync("#confirm-ok");
        await Expect(page.Locator(".message.done").First).ToHaveTextAsync($"{App} is empty.");
        Assert.Equal(0, await TotalAsync());
    }

    /// <summary>
    /// Bodies are shown as text: a contact's words that read as a tag once decoded, and an admin's HTML, make no element
    /// and run nothing (the page writes text nodes, and its CSP allows no inline script besides).
    /// </summary>
    [BrowserFact]
    public async Task A_body_that_is_or_reads_as_html_is_shown_as_text()
    {
        var v2 = fixture.V2;
        var contact = (await v2.PostAsync("contacts", new { role = "user", email = "eve@example.com", name = "Eve" })).Ok()["id"].GetString()!;
        const string words = "<img src=x onerror=\"document.title='pwned'\"><script>document.title='pwned'</script>";
        var id = (await v2.PostAsync("conversations", new { from = new { type = "user", id = contact }, body = words })).Ok()["conversation_id"].GetString()!;
        var admin = (await v2.GetAsync("me")).Ok()["id"].GetString()!;
        (await v2.PostAsync($"conversations/{id}/reply", new { message_type = "note", type = "admin", admin_id = admin, body = "<p>Hi <b>there</b> <img src=\"https://example.com/p.png\"></p>" })).Ok();

        var page = await context!.NewPageAsync();
        var dialogs = 0;
        page.Dialog += (_, dialog) => { dialogs++; _ = dialog.DismissAsync(); };
        await page.GotoAsync(PageUri("conversations/" + id));
        var parts = page.Locator("[data-view=conversation] .part");
        await Expect(parts).ToHaveCountAsync(2);
        await Expect(parts.First).ToContainTextAsync(words);
        await Expect(parts.Last).ToContainTextAsync("Hi there");
        await Expect(page.Locator("[data-view=conversation] .part img, [data-view=conversation] .part script, [data-view=conversation] .part b")).ToHaveCountAsync(0);
        Assert.NotEqual("pwned", await page.TitleAsync());
        Assert.Equal(0, dialogs);
    }

    [BrowserFact]
    public async Task A_page_of_another_origin_can_neither_read_nor_drive_the_inspector()
    {
        // A page on another loopback port (served by the browser's own routing: it is never fetched from anywhere).
        var evil = $"http://127.0.0.1:{(fixture.Emulator.BaseUri.Port == 1 ? 2 : 1)}/evil.html";
        var page = await context!.NewPageAsync();
        await page.RouteAsync(evil, route => route.FulfillAsync(new() { ContentType = "text/html", Body = "<!doctype html><title>evil</title>" }));
        await page.GotoAsync(evil);
        var results = await page.EvaluateAsync<JsonElement>("""
            async (base) => {
              const attempt = async (work) => { try { return await work(); } catch (e) { return 'blocked: ' + e.message; } };
              return {
                read: await attempt(async () => { const r = await fetch(base + '_inspector/api/log'); return 'read ' + r.status + ' ' + await r.text(); }),
                write: await attempt(async () => (await fetch(base + '_inspector/api/admin/faults',
                  { method: 'PUT', headers: { 'Content-Type': 'application/json' }, body: '{"failure_rate": 1}' })).status),
                simple: await attempt(async () => (await fetch(base + '_inspector/api/admin/seed',
                  { method: 'POST', mode: 'no-cors', headers: { 'Content-Type': 'text/plain' }, body: '{"app_id": "test-app", "count": 5}' })).type),
                form: await attempt(async () => (await fetch(base + '_inspector/api/admin/reset?app_id=test-app',
                  { method: 'POST', mode: 'no-cors', body: new URLSearchParams({ a: '1' }) })).type),
              };
            }
            """, fixture.Emulator.BaseUri.ToString());
        Assert.StartsWith("blocked: ", results.GetProperty("read").GetString()); // no CORS header: the page reads nothing
        Assert.StartsWith("blocked: ", results.GetProperty("write").GetString()); // its preflight is refused
        Assert.StartsWith("blocked: ", results.GetProperty("simple").GetString()); // sent blind, refused by its Origin; CORP withholds even the opaque answer
        Assert.StartsWith("blocked: ", results.GetProperty("form").GetString());
        Assert.Equal(0, fixture.Emulator.Faults.FailureRate);
        Assert.Equal(0, await TotalAsync());

        // And framed, the inspector shows nothing.
        await page.SetContentAsync($"<iframe id=f src=\"{fixture.Emulator.InspectorUri}\"></iframe>");
        await page.WaitForTimeoutAsync(500);
        Assert.Null(page.Frames.Count > 1 ? await page.Frames[1].QuerySelectorAsync("#app option") : null);
    }

    private async Task<int> TotalAsync()
    {
        using var answer = await Http.SendAsync(new HttpRequestMessage(HttpMethod.Get, new Uri(fixture.Emulator.BaseUri, $"_inspector/api/apps/{App}/contacts")));
        return JsonDocument.Parse(await answer.Content.ReadAsStringAsync()).RootElement.GetProperty("total").GetInt32();
    }
}

/// <summary>The screenshots the README shows: docs/inspector-{view}.png of the repository these tests run from.</summary>
internal static class Screens
{
    private static readonly string? Docs = FindDocs();

    public static async Task SaveAsync(IPage page, string view, bool fullPage = false)
    {
        var shot = await page.ScreenshotAsync(new PageScreenshotOptions { FullPage = fullPage });
        Assert.True(shot.Length > 1000, $"the screenshot of {view} is empty");
        if (Docs is not null)
        {
            await File.WriteAllBytesAsync(Path.Combine(Docs, $"inspector-{view}.png"), shot);
        }
    }

    private static string? FindDocs()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "IntercomPS.sln")))
            {
                return Path.Combine(dir.FullName, "docs");
            }
        }

        return null;
    }
}
