using System;
using System.Linq;
using System.Net.Http;
using System.Text;
using System.Text.Json;
using System.Threading.Tasks;
using IntercomPS.Testing;
using Xunit;

namespace IntercomPS.Emulator.Tests.Inspector;

/// <summary>
/// The inspector over real HTTP, called as its page calls it: what a script wrote shows in its views, the request log
/// records and streams each API request, the controls keep /admin's rules, and no secret is ever in an answer.
/// (InspectorGuardTests: what other pages are refused; InspectorBrowserTests: the page itself in Chromium.)
/// </summary>
public sealed class InspectorTests(EmulatorFixture fixture) : IClassFixture<EmulatorFixture>, IAsyncLifetime
{
    private static readonly HttpClient Http = new() { Timeout = TimeSpan.FromSeconds(60) };

    private InspectorClient Inspector => new(Http, fixture.Emulator.BaseUri);

    private static string App => EmulatorFixture.AppId;

    /// <summary>An empty test app, and no live stream left open by the test before (the server notices a closed one a moment later).</summary>
    public async Task InitializeAsync()
    {
        await fixture.ResetAsync();
        for (var i = 0; i < 100 && (await Inspector.GetAsync("_inspector/api/apps")).Ok()["log"].GetProperty("inspectors_open").GetInt32() > 0; i++)
        {
            await Task.Delay(50);
        }
    }

    public Task DisposeAsync() => fixture.ClearFaultsAsync();

    [Fact]
    public async Task The_page_its_script_and_style_come_from_the_emulator_and_load_nothing_from_elsewhere()
    {
        foreach (var (path, type) in new[] { ("_inspector/", "text/html"), ("_inspector", "text/html"), ("_inspector/inspector.js", "text/javascript"), ("_inspector/inspector.css", "text/css") })
        {
            var (status, text, response) = await Inspector.GetTextAsync(path, ("Sec-Fetch-Site", null));
            Assert.Equal(200, status);
            Assert.Equal(type, response.Content.Headers.ContentType?.MediaType);
            Assert.DoesNotContain("http://", text);
            Assert.DoesNotContain("https://", text);
            Assert.DoesNotContain("//cdn", text);
            Assert.StartsWith("default-src 'none'; script-src 'self'", response.Headers.GetValues("Content-Security-Policy").Single());
            Assert.Equal("DENY", response.Headers.GetValues("X-Frame-Options").Single());
            Assert.Equal("same-origin", response.Headers.GetValues("Cross-Origin-Resource-Policy").Single());
        }

        var (_, page, _) = await Inspector.GetTextAsync("_inspector/");
        Assert.Contains("<script src=\"/_inspector/inspector.js\"", page);
        (await Inspector.GetAsync("_inspector/secrets.txt")).AssertError(404, "not_found");
    }

    [Fact]
    public async Task A_scripts_writes_show_in_every_view()
    {
        var v2 = fixture.V2;
        (await v2.PostAsync("data_attributes", new { name = "plan", model = "contact", data_type = "string", description = "Billing plan" })).Ok();
        (await v2.PostAsync("data_attributes", new { name = "tier", model = "company", data_type = "options", options = new[] { new { value = "gold" }, new { value = "silver" } } })).Ok();
        var retired = (await v2.PostAsync("data_attributes", new { name = "legacy_score", model = "contact", data_type = "integer" })).Ok()["id"].GetInt64();
        (await v2.PutAsync($"data_attributes/{retired}", new { archived = true })).Ok();
        var contact = (await v2.PostAsync("contacts", new
        {
            role = "user", email = "ada@example.com", name = "Ada Lovelace", external_id = "ada-1",
            custom_attributes = new { plan = "pro" },
        })).Ok()["id"].GetString()!;
        var tag = (await v2.PostAsync("tags", new { name = "vip", users = new[] { new { id = contact } } })).Ok()["id"].GetString()!;
        (await v2.PostAsync($"contacts/{contact}/notes", new { body = "Called about renewal" })).Ok();
        var conversation = (await v2.PostAsync("conversations", new { from = new { type = "user", id = contact }, body = "My invoice is wrong" })).Ok()["conversation_id"].GetString()!;
        var admin = (await v2.GetAsync("me")).Ok()["id"].GetString()!;
        (await v2.PostAsync($"conversations/{conversation}/reply", new { message_type = "comment", type = "admin", admin_id = admin, body = "Fixed it" })).Ok();
        (await v2.PostAsync("events", new { event_name = "invoice-viewed", created_at = 1_700_000_000, id = contact, metadata = new { invoice = "INV-7" } })).Ok(202);

        var contacts = (await Inspector.GetAsync($"_inspector/api/apps/{App}/contacts")).Ok();
        var row = Assert.Single(contacts["items"].EnumerateArray());
        Assert.Equal(("Ada Lovelace", "ada@example.com", "ada-1", "vip", 1), (row.Str("name"), row.Str("email"), row.Str("external_id"), row.Str("tags"), row.GetProperty("notes").GetInt32()));

        var shown = (await Inspector.GetAsync($"_inspector/api/apps/{App}/contacts/{contact}")).Ok();
        Assert.Equal("pro", shown["contact"].GetProperty("custom_attributes").Str("plan"));
        Assert.Equal("vip", Assert.Single(shown["tags"].EnumerateArray()).Str("name"));
        Assert.Equal("Called about renewal", Assert.Single(shown["notes"].EnumerateArray()).Str("body"));
        var listed = Assert.Single(shown["conversations"].EnumerateArray());
        Assert.Equal((conversation, "open", 2, "My invoice is wrong"), (listed.Str("id"), listed.Str("state"), listed.GetProperty("parts").GetInt32(), listed.Str("first_message")));
        var e = Assert.Single(shown["events"].EnumerateArray());
        Assert.Equal(("invoice-viewed", "INV-7"), (e.Str("event_name"), e.GetProperty("metadata").Str("invoice")));

        var tags = (await Inspector.GetAsync($"_inspector/api/apps/{App}/tags")).Ok();
        var vip = Assert.Single(tags["items"].EnumerateArray());
        Assert.Equal((tag, "vip", 1), (vip.Str("id"), vip.Str("name"), vip.GetProperty("contacts").GetInt32()));

        var thread = (await Inspector.GetAsync($"_inspector/api/apps/{App}/conversations/{conversation}")).Ok();
        Assert.Equal(("open", "Ada Lovelace"), (thread["conversation"].Str("state"), thread["conversation"].Str("contact")));
        Assert.Equal(JsonValueKind.Null, thread["conversation"].GetProperty("assignee").ValueKind);
        Assert.Equal(
            [("user", "Ada Lovelace", "My invoice is wrong"), ("admin", "Ada Admin", "Fixed it")],
            thread["parts"].EnumerateArray().Select(p => (p.Str("author_type"), p.Str("author"), p.Str("body"))).ToArray());
        Assert.Single((await Inspector.GetAsync($"_inspector/api/apps/{App}/conversations")).Ok()["items"].EnumerateArray());

        var events = (await Inspector.GetAsync($"_inspector/api/apps/{App}/events")).Ok();
        var listedEvent = Assert.Single(events["items"].EnumerateArray());
        Assert.Equal(("invoice-viewed", "Ada Lovelace", contact, 1_700_000_000), (listedEvent.Str("event_name"), listedEvent.Str("contact"), listedEvent.Str("contact_id"), listedEvent.GetProperty("created_at").GetInt32()));
        Assert.Contains("INV-7", listedEvent.Str("metadata"));

        var attributes = (await Inspector.GetAsync($"_inspector/api/apps/{App}/data_attributes")).Ok();
        Assert.Contains(attributes["items"].EnumerateArray(), a => a.Str("name") == "plan" && a.GetProperty("custom").GetBoolean() && a.Str("description") == "Billing plan");
        var byName = attributes["items"].EnumerateArray().Where(a => a.GetProperty("custom").GetBoolean()).ToLookup(a => a.Str("name")); // companies have a standard plan too
        Assert.Equal([("contact", false, "")], byName["plan"].Select(a => (a.Str("model"), a.GetProperty("archived").GetBoolean(), a.Str("options"))));
        Assert.Equal([("company", false, "gold, silver")], byName["tier"].Select(a => (a.Str("model"), a.GetProperty("archived").GetBoolean(), a.Str("options"))));
        Assert.Equal([("contact", true)], byName["legacy_score"].Select(a => (a.Str("model"), a.GetProperty("archived").GetBoolean()))); // archived, still shown
        Assert.Contains(attributes["items"].EnumerateArray(), a => a.Str("model") == "company" && !a.GetProperty("custom").GetBoolean()); // company's standard ones

        // Another app's view is its own.
        Assert.Empty((await Inspector.GetAsync($"_inspector/api/apps/{EmulatorFixture.OtherAppId}/contacts")).Ok()["items"].EnumerateArray());
        (await Inspector.GetAsync("_inspector/api/apps/nope/contacts")).AssertError(404, "not_found");
        (await Inspector.GetAsync($"_inspector/api/apps/{App}/widgets")).AssertError(404, "not_found");
    }

    [Fact]
    public async Task A_reply_by_a_contact_added_to_the_conversation_is_shown_as_theirs()
    {
        var v2 = fixture.V2;
        var me = (await v2.GetAsync("me")).Ok()["id"].GetString()!;
        var owner = (await v2.PostAsync("contacts", new { role = "user", email = "olga@example.com", name = "Olga" })).Ok()["id"].GetString()!;
        var guest = (await v2.PostAsync("contacts", new { role = "lead", email = "gus@example.com", name = "Gus" })).Ok()["id"].GetString()!;
        var conversation = (await v2.PostAsync("conversations", new { from = new { type = "user", id = owner }, body = "Gus will explain" })).Ok()["conversation_id"].GetString()!;
        (await v2.PostAsync($"conversations/{conversation}/customers", new { admin_id = me, customer = new { intercom_user_id = guest } })).Ok();
        (await v2.PostAsync($"conversations/{conversation}/reply", new { message_type = "comment", type = "user", intercom_user_id = guest, body = "Here is what happened" })).Ok();

        var thread = (await Inspector.GetAsync($"_inspector/api/apps/{App}/conversations/{conversation}")).Ok();
        Assert.Equal(
            [("user", "Olga", "Gus will explain"), ("lead", "Gus", "Here is what happened")],
            thread["parts"].EnumerateArray().Select(p => (p.Str("author_type"), p.Str("author"), p.Str("body"))).ToArray());
    }

    [Fact]
    public async Task Conversations_show_their_assignees_tags_and_typed_parts_and_the_admins_and_teams_are_listed()
    {
        var v2 = fixture.V2;
        var me = (await v2.GetAsync("me")).Ok()["id"].GetString()!;
        var ann = await fixture.Admin.AddAdminAsync(App, "Ann Agent", "ann@example.com");
        var bob = await fixture.Admin.AddAdminAsync(App, "Bob Backup", "bob@example.com", away: true);
        var billing = await fixture.Admin.AddTeamAsync(App, "Billing", ann, bob);
        await fixture.Admin.AddTeamAsync(App, "Empty team");
        var contact = (await v2.PostAsync("contacts", new { role = "user", email = "cora@example.com", name = "Cora" })).Ok()["id"].GetString()!;
        var conversation = (await v2.PostAsync("conversations", new { from = new { type = "user", id = contact }, body = "Refund please" })).Ok()["conversation_id"].GetString()!;
        var untouched = (await v2.PostAsync("conversations", new { from = new { type = "user", id = contact }, body = "Another question" })).Ok()["conversation_id"].GetString()!;
        var tag = (await v2.PostAsync("tags", new { name = "refund" })).Ok()["id"].GetString()!;
        (await v2.PostAsync($"conversations/{conversation}/reply", new { message_type = "note", type = "admin", admin_id = ann, body = "Checking the invoice" })).Ok();
        (await v2.PostAsync($"conversations/{conversation}/parts", new { message_type = "assignment", type = "admin", admin_id = me, assignee_id = ann, body = "Ann will help" })).Ok();
        (await v2.PostAsync($"conversations/{conversation}/parts", new { message_type = "assignment", type = "team", admin_id = ann, assignee_id = billing })).Ok();
        (await v2.PostAsync($"conversations/{conversation}/tags", new { id = tag, admin_id = ann })).Ok();
        (await v2.PostAsync($"conversations/{conversation}/parts", new { message_type = "close", type = "admin", admin_id = bob, body = "Refunded" })).Ok();
        (await v2.PostAsync($"conversations/{conversation}/parts", new { message_type = "snoozed", admin_id = ann, snoozed_until = 1_900_000_000 })).Ok();

        var listed = (await Inspector.GetAsync($"_inspector/api/apps/{App}/conversations")).Ok()["items"].EnumerateArray().ToDictionary(c => c.Str("id"));
        var row = listed[conversation];
        Assert.Equal(("snoozed", "Ann Agent", "Billing", "Ann Agent · Billing", "refund", 6),
            (row.Str("state"), row.Str("admin_assignee"), row.Str("team_assignee"), row.Str("assignee"), row.Str("tags"), row.GetProperty("parts").GetInt32()));
        Assert.Equal((JsonValueKind.Null, JsonValueKind.Null, ""), (listed[untouched].GetProperty("assignee").ValueKind, listed[untouched].GetProperty("admin_assignee").ValueKind, listed[untouched].Str("tags")));

        var thread = (await Inspector.GetAsync($"_inspector/api/apps/{App}/conversations/{conversation}")).Ok();
        Assert.Equal("Ann Agent · Billing", thread["conversation"].Str("assignee"));
        Assert.Equal(
            [
                ("comment", "user", "Cora", null, "Refund please"),
                ("note", "admin", "Ann Agent", null, "Checking the invoice"),
                ("assignment", "admin", "Ada Admin", "Ann Agent", "Ann will help"),
                ("assignment", "admin", "Ann Agent", "Billing", ""),
                ("close", "admin", "Bob Backup", null, "Refunded"),
                ("snoozed", "admin", "Ann Agent", null, ""),
            ],
            thread["parts"].EnumerateArray().Select(p => (p.Str("type"), p.Str("author_type"), p.Str("author"),
                p.TryGetProperty("assigned_to", out var to) ? to.GetString() : null, p.Str("body"))).ToArray());

        // Unassigned again: the part says to nobody, and the row has no assignee of that kind left.
        (await v2.PostAsync($"conversations/{conversation}/parts", new { message_type = "assignment", type = "admin", admin_id = me, assignee_id = "0" })).Ok();
        var unassigned = (await Inspector.GetAsync($"_inspector/api/apps/{App}/conversations/{conversation}")).Ok();
        Assert.Equal(("assign_and_reopen", "nobody"), (unassigned["parts"][6].Str("type"), unassigned["parts"][6].Str("assigned_to")));
        Assert.Equal((JsonValueKind.Null, "Billing"), (unassigned["conversation"].GetProperty("admin_assignee").ValueKind, unassigned["conversation"].Str("assignee")));

        // The contact's page lists its conversations the same way.
        var shown = (await Inspector.GetAsync($"_inspector/api/apps/{App}/contacts/{contact}")).Ok();
        Assert.Equal("Billing", shown["conversations"].EnumerateArray().Single(c => c.Str("id") == conversation).Str("team_assignee"));

        var admins = (await Inspector.GetAsync($"_inspector/api/apps/{App}/admins")).Ok();
        Assert.Equal(3, admins["total"].GetInt32());
        Assert.Equal(
            [(me, "Ada Admin", false, ""), (ann, "Ann Agent", false, "Billing"), (bob, "Bob Backup", true, "Billing")],
            admins["items"].EnumerateArray().Select(a => (a.Str("id"), a.Str("name"), a.GetProperty("away").GetBoolean(), a.Str("teams"))).ToArray());
        var teams = (await Inspector.GetAsync($"_inspector/api/apps/{App}/teams")).Ok();
        Assert.Equal(
            [(billing, "Billing", "Ann Agent, Bob Backup", 2), (teams["items"][1].Str("id"), "Empty team", "", 0)],
            teams["items"].EnumerateArray().Select(t => (t.Str("id"), t.Str("name"), t.Str("members"), t.GetProperty("member_count").GetInt32())).ToArray());
        Assert.Contains("admins", (await Inspector.GetAsync("_inspector/api/apps")).Ok()["resources"].EnumerateArray().Select(r => r.GetString()));

        // The other app has only its first admin, and no team.
        Assert.Equal(1, (await Inspector.GetAsync($"_inspector/api/apps/{EmulatorFixture.OtherAppId}/admins")).Ok()["total"].GetInt32());
        Assert.Empty((await Inspector.GetAsync($"_inspector/api/apps/{EmulatorFixture.OtherAppId}/teams")).Ok()["items"].EnumerateArray());
    }

    [Fact]
    public async Task Companies_show_their_tags_and_contacts_and_segments_their_members()
    {
        var v2 = fixture.V2;
        var ada = (await v2.PostAsync("contacts", new { role = "user", email = "ada@example.com", name = "Ada Lovelace" })).Ok()["id"].GetString()!;
        var grace = (await v2.PostAsync("contacts", new { role = "user", email = "grace@example.com", name = "Grace Hopper" })).Ok()["id"].GetString()!;
        var lin = (await v2.PostAsync("contacts", new { role = "lead", email = "lin@example.com", name = "Lin" })).Ok()["id"].GetString()!;
        var engines = (await v2.PostAsync("companies", new { company_id = "ae-1", name = "Analytical Engines", plan = "Pro", size = 12, industry = "Computing", monthly_spend = 150, custom_attributes = new { region = "emea" } })).Ok()["id"].GetString()!;
        var navy = (await v2.PostAsync("companies", new { company_id = "navy-1", name = "US Navy" })).Ok()["id"].GetString()!;
        (await v2.PostAsync($"contacts/{ada}/companies", new { id = engines })).Ok();
        (await v2.PostAsync($"contacts/{grace}/companies", new { id = engines })).Ok();
        (await v2.PostAsync($"contacts/{grace}/companies", new { id = navy })).Ok();
        var pioneers = await fixture.Admin.AddSegmentAsync(App, "Pioneers", [ada, grace]);
        var leads = await fixture.Admin.AddSegmentAsync(App, "Warm leads", [lin], personType: "contact");

        var companies = (await Inspector.GetAsync($"_inspector/api/apps/{App}/companies")).Ok();
        Assert.Equal(2, companies["total"].GetInt32());
        Assert.Equal(
            [(navy, "US Navy", "navy-1", 1), (engines, "Analytical Engines", "ae-1", 2)], // newest first
            companies["items"].EnumerateArray().Select(c => (c.Str("id"), c.Str("name"), c.Str("company_id"), c.GetProperty("contacts").GetInt32())).ToArray());
        var row = companies["items"][1];
        Assert.Equal(("Pro", "Computing", 12, 150), (row.Str("plan"), row.Str("industry"), row.GetProperty("size").GetInt32(), row.GetProperty("monthly_spend").GetInt32()));

        (await v2.PostAsync("tags", new { name = "Steam", companies = new[] { new { id = engines } } })).Ok();
        var company = (await Inspector.GetAsync($"_inspector/api/apps/{App}/companies/{engines}")).Ok();
        Assert.Equal("Analytical Engines", company["company"].Str("name"));
        Assert.Equal(["Steam"], company["tags"].EnumerateArray().Select(t => t.Str("name")));
        Assert.Empty((await Inspector.GetAsync($"_inspector/api/apps/{App}/companies/{navy}")).Ok()["tags"].EnumerateArray());
        Assert.Equal("emea", company["custom_attributes"].Str("region"));
        Assert.Equal(2, company["contacts_total"].GetInt32());
        Assert.Equal(["Ada Lovelace", "Grace Hopper"], company["contacts"].EnumerateArray().Select(c => c.Str("name")).Order());
        (await Inspector.GetAsync($"_inspector/api/apps/{App}/companies/nope")).AssertError(404, "not_found");

        var segments = (await Inspector.GetAsync($"_inspector/api/apps/{App}/segments")).Ok();
        Assert.Equal(
            [(pioneers, "Pioneers", "user", 2), (leads, "Warm leads", "contact", 1)],
            segments["items"].EnumerateArray().Select(g => (g.Str("id"), g.Str("name"), g.Str("person_type"), g.GetProperty("members").GetInt32())).ToArray());
        var members = (await Inspector.GetAsync($"_inspector/api/apps/{App}/contacts?segment_id={pioneers}")).Ok();
        Assert.Equal(2, members["total"].GetInt32());
        Assert.Equal(["Ada Lovelace", "Grace Hopper"], members["items"].EnumerateArray().Select(c => c.Str("name")).Order());
        Assert.Equal("Grace Hopper", Assert.Single((await Inspector.GetAsync($"_inspector/api/apps/{App}/contacts?segment_id={pioneers}&q=hopper")).Ok()["items"].EnumerateArray()).Str("name"));
        Assert.Equal("Lin", Assert.Single((await Inspector.GetAsync($"_inspector/api/apps/{App}/contacts?segment_id={leads}")).Ok()["items"].EnumerateArray()).Str("name"));

        // A contact's page names its companies and segments.
        var shown = (await Inspector.GetAsync($"_inspector/api/apps/{App}/contacts/{grace}")).Ok();
        Assert.Equal(["Analytical Engines", "US Navy"], shown["companies"].EnumerateArray().Select(c => c.Str("name")));
        Assert.Equal([pioneers], shown["segments"].EnumerateArray().Select(g => g.Str("id")));

        // Subscription types are listed, and a contact's page names its choices.
        var newsletters = await fixture.Admin.AddSubscriptionTypeAsync(App, "Newsletters", "opt_out", ["email", "sms_message"], description: "Monthly");
        (await fixture.V2.PostAsync($"/contacts/{grace}/subscriptions", new { id = newsletters, consent_type = "opt_out" })).Ok();
        var types = (await Inspector.GetAsync($"_inspector/api/apps/{App}/subscription_types")).Ok();
        Assert.Equal([(newsletters, "Newsletters", "opt_out", "email, sms_message", "live", "Monthly")],
            types["items"].EnumerateArray().Select(t => (t.Str("id"), t.Str("name"), t.Str("consent_type"), t.Str("content_types"), t.Str("state"), t.Str("description"))).ToArray());
        Assert.Equal([newsletters], (await Inspector.GetAsync($"_inspector/api/apps/{App}/contacts/{grace}")).Ok()["subscriptions"].EnumerateArray().Select(t => t.Str("id")));

        // Ticket types are listed with their attributes.
        var bug = (await fixture.V2.PostAsync("/ticket_types", new { name = "Bug Report", category = "Tracker", icon = "🐞" })).Ok()["id"].GetString()!;
        (await fixture.V2.PostAsync($"/ticket_types/{bug}/attributes", new { name = "Priority", description = "How urgent", data_type = "list", list_items = "Low,High" })).Ok();
        var ticketTypes = (await Inspector.GetAsync($"_inspector/api/apps/{App}/ticket_types")).Ok();
        Assert.Equal([(bug, "🐞 Bug Report", "Tracker", "_default_title_ (string), _default_description_ (string), Priority (list)")],
            ticketTypes["items"].EnumerateArray().Select(t => (t.Str("id"), t.Str("name"), t.Str("category"), t.Str("attributes"))).ToArray());

        // Another app holds none of them.
        Assert.Empty((await Inspector.GetAsync($"_inspector/api/apps/{EmulatorFixture.OtherAppId}/ticket_types")).Ok()["items"].EnumerateArray());
        Assert.Empty((await Inspector.GetAsync($"_inspector/api/apps/{EmulatorFixture.OtherAppId}/subscription_types")).Ok()["items"].EnumerateArray());
        Assert.Empty((await Inspector.GetAsync($"_inspector/api/apps/{EmulatorFixture.OtherAppId}/companies")).Ok()["items"].EnumerateArray());
        Assert.Empty((await Inspector.GetAsync($"_inspector/api/apps/{EmulatorFixture.OtherAppId}/segments")).Ok()["items"].EnumerateArray());
    }

    [Fact]
    public async Task Companies_page_newest_first_by_page_number()
    {
        for (var i = 1; i <= 30; i++)
        {
            (await fixture.V2.PostAsync("companies", new { company_id = "co-" + i, name = "Company " + i })).Ok();
        }

        var first = (await Inspector.GetAsync($"_inspector/api/apps/{App}/companies")).Ok();
        Assert.Equal((30, 25, "Company 30"), (first["total"].GetInt32(), first["items"].GetArrayLength(), first["items"][0].Str("name")));
        var second = (await Inspector.GetAsync($"_inspector/api/apps/{App}/companies?starting_after={first["next"].GetString()}")).Ok();
        Assert.Equal(["Company 5", "Company 4", "Company 3", "Company 2", "Company 1"], second["items"].EnumerateArray().Select(c => c.Str("name")));
        Assert.Equal(JsonValueKind.Null, second["next"].ValueKind);
    }

    [Fact]
    public async Task Contacts_page_newest_first_and_the_search_box_matches_any_part_of_a_name_email_or_id()
    {
        await fixture.SeedAsync(60, "seeded");
        var first = (await Inspector.GetAsync($"_inspector/api/apps/{App}/contacts")).Ok();
        Assert.Equal(60, first["total"].GetInt32());
        Assert.Equal(25, first["items"].GetArrayLength());
        var seen = first["items"].EnumerateArray().Select(c => c.Str("external_id")).ToList();
        var next = first["next"].GetString();
        while (next is not null)
        {
            var page = (await Inspector.GetAsync($"_inspector/api/apps/{App}/contacts?starting_after={Uri.EscapeDataString(next)}")).Ok();
            seen.AddRange(page["items"].EnumerateArray().Select(c => c.Str("external_id")));
            next = page["next"].ValueKind == JsonValueKind.Null ? null : page["next"].GetString();
        }

        Assert.Equal(Enumerable.Range(1, 60).Select(i => "seeded" + i).Order(), seen.Order());

        var found = (await Inspector.GetAsync($"_inspector/api/apps/{App}/contacts?q=SEEDED4")).Ok();
        Assert.Equal(["seeded4", "seeded40", "seeded41", "seeded42", "seeded43", "seeded44", "seeded45", "seeded46", "seeded47", "seeded48", "seeded49"],
            found["items"].EnumerateArray().Select(c => c.Str("external_id")).Order());
        Assert.Equal("seeded7", Assert.Single((await Inspector.GetAsync($"_inspector/api/apps/{App}/contacts?q=seeded7@example")).Ok()["items"].EnumerateArray()).Str("external_id"));
    }

    [Fact]
    public async Task Events_page_newest_first_across_the_apps_contacts()
    {
        var contact = (await fixture.V2.PostAsync("contacts", new { role = "user", email = "busy@example.com" })).Ok()["id"].GetString()!;
        for (var i = 1; i <= 30; i++)
        {
            (await fixture.V2.PostAsync("events", new { event_name = "step-" + i, created_at = 1_700_000_000 + i, id = contact })).Ok(202);
        }

        var first = (await Inspector.GetAsync($"_inspector/api/apps/{App}/events")).Ok();
        Assert.Equal(30, first["total"].GetInt32());
        Assert.Equal("step-30", first["items"][0].Str("event_name"));
        var second = (await Inspector.GetAsync($"_inspector/api/apps/{App}/events?starting_after={first["next"].GetString()}")).Ok();
        Assert.Equal(["step-5", "step-4", "step-3", "step-2", "step-1"], second["items"].EnumerateArray().Select(e => e.Str("event_name")));
        Assert.Equal(JsonValueKind.Null, second["next"].ValueKind);
    }

    [Fact]
    public async Task The_log_records_each_api_request_and_keeps_bodies_only_while_an_inspector_is_open()
    {
        var before = await LastIdAsync();
        (await fixture.V2.GetAsync("contacts/nope")).Error(404, "not_found");
        (await fixture.Api.PostAsync("v1/users", new { email = "grace@example.com" })).AssertStatus(201);
        await fixture.Admin.ResetAsync(EmulatorFixture.OtherAppId); // /admin is not an API request: not logged

        var log = (await Inspector.GetAsync($"_inspector/api/log?after={before}")).Ok()["items"].EnumerateArray().ToList();
        Assert.Equal(2, log.Count);
        Assert.Equal(("GET", "/contacts/nope", "GET /contacts/{contact_id}", "2.x", "2.14", 404, App), (log[0].Str("method"), log[0].Str("path"), log[0].Str("route"), log[0].Str("face"), log[0].Str("version"), log[0].GetProperty("status").GetInt32(), log[0].Str("app")));
        Assert.Equal(("POST", "/v1/users", "v1", 201), (log[1].Str("method"), log[1].Str("path"), log[1].Str("face"), log[1].GetProperty("status").GetInt32()));
        Assert.Equal(JsonValueKind.Null, log[1].GetProperty("version").ValueKind);
        Assert.False(log[1].GetProperty("captured").GetBoolean());
        Assert.True(log[1].GetProperty("ms").GetDouble() > 0);
        Assert.False(string.IsNullOrEmpty(log[0].Str("request_id")));

        var uncaptured = (await Inspector.GetAsync($"_inspector/api/log/{log[1].GetProperty("id").GetInt64()}")).Ok();
        Assert.StartsWith("No inspector was open", uncaptured["not_captured"].GetString());

        // With the live stream open, the next request streams in with its exchange kept, the body cut at 16 KiB.
        var longBody = new string('x', 20_000);
        var streamed = await Inspector.ReadStreamAsync(await LastIdAsync(), e => e.Str("path").Contains("/notes", StringComparison.Ordinal), TimeSpan.FromSeconds(30), async () =>
        {
            await Task.Delay(300);
            var contact = (await fixture.V2.PostAsync("contacts", new { role = "lead", email = "lin@example.com" })).Ok()["id"].GetString();
            (await fixture.V2.PostAsync($"contacts/{contact}/notes", new { body = longBody })).Ok();
        });
        var note = streamed[^1];
        Assert.True(note.GetProperty("captured").GetBoolean());
        var created = Assert.Single(streamed, e => e.Str("path") == "/contacts");
        var small = (await Inspector.GetAsync($"_inspector/api/log/{created.GetProperty("id").GetInt64()}")).Ok();
        Assert.Equal((false, false), (small["request"].GetProperty("cut").GetBoolean(), small["response"].GetProperty("cut").GetBoolean()));
        Assert.Contains("\"email\": \"lin@example.com\"", small["request"].Str("body")); // JSON is shown indented
        Assert.Contains("\"role\": \"lead\"", small["response"].Str("body"));
        var exchange = (await Inspector.GetAsync($"_inspector/api/log/{note.GetProperty("id").GetInt64()}")).Ok();
        var request = exchange["request"];
        Assert.True(request.GetProperty("cut").GetBoolean());
        Assert.True(request.GetProperty("length").GetInt64() > 20_000);
        Assert.Equal(16 * 1024, Encoding.UTF8.GetByteCount(request.Str("body")));
        Assert.Contains(request.GetProperty("headers").EnumerateArray(), h => h[0].GetString() == "Content-Type" && h[1].GetString()!.StartsWith("application/json", StringComparison.Ordinal));
        var answer = exchange["response"]; // it echoes the note, so it is cut too: shown as the text it is
        Assert.True(answer.GetProperty("cut").GetBoolean());
        Assert.StartsWith("{\"type\":\"note\"", answer.Str("body"));
        Assert.Contains(answer.GetProperty("headers").EnumerateArray(), h => h[0].GetString() == "Intercom-Version" && h[1].GetString() == "2.14");
    }

    [Fact]
    public async Task A_request_is_in_the_log_the_moment_its_answer_arrives_with_its_exchange_while_an_inspector_is_open()
    {
        // As a script that checks what it sent does: each answer, then at once the log over another connection.
        var contact = (await fixture.V2.PostAsync("contacts", new { role = "lead", email = "quick@example.com" })).Ok()["id"].GetString();
        for (var i = 0; i < 50; i++)
        {
            var before = await LastIdAsync();
            (await fixture.V2.GetAsync($"contacts/{contact}")).Ok();
            var entry = Assert.Single((await Inspector.GetAsync($"_inspector/api/log?after={before}")).Ok()["items"].EnumerateArray());
            Assert.Equal(($"/contacts/{contact}", 200), (entry.Str("path"), entry.GetProperty("status").GetInt32()));
        }

        // With an inspector open, the exchange is whole by then too: a large body takes longest to keep.
        await using var watching = await Inspector.WatchAsync(await LastIdAsync());

        var body = new string('n', 300_000);
        for (var i = 0; i < 30; i++)
        {
            var before = await LastIdAsync();
            (await fixture.V2.PostAsync($"contacts/{contact}/notes", new { body })).Ok();
            var entry = Assert.Single((await Inspector.GetAsync($"_inspector/api/log?after={before}")).Ok()["items"].EnumerateArray());
            Assert.Equal(($"/contacts/{contact}/notes", 200, true), (entry.Str("path"), entry.GetProperty("status").GetInt32(), entry.GetProperty("captured").GetBoolean()));
            var exchange = (await Inspector.GetAsync($"_inspector/api/log/{entry.GetProperty("id").GetInt64()}")).Ok();
            Assert.True(exchange["request"].GetProperty("length").GetInt64() > 300_000);
            Assert.Contains(exchange["response"].GetProperty("headers").EnumerateArray(), h => h[0].GetString() == "Date");
        }

        // An answer without a body is recorded when the pipeline ends, its headers as sent too (Kestrel's Date, and the
        // Content-Length of 0 Kestrel would have added itself, not chunked encoding).
        var tag = (await fixture.V2.PostAsync("tags", new { name = "bodiless answer" })).Ok()["id"].GetString();
        var beforeDelete = await LastIdAsync();
        (await fixture.V2.DeleteAsync($"tags/{tag}")).AssertStatus(200);
        var deleted = Assert.Single((await Inspector.GetAsync($"_inspector/api/log?after={beforeDelete}")).Ok()["items"].EnumerateArray());
        var sent = (await Inspector.GetAsync($"_inspector/api/log/{deleted.GetProperty("id").GetInt64()}")).Ok()["response"].GetProperty("headers")
            .EnumerateArray().Select(h => (h[0].GetString(), h[1].GetString())).ToList();
        Assert.Contains(sent, h => h.Item1 == "Date");
        Assert.Contains(("Content-Length", "0"), sent);
        Assert.DoesNotContain(sent, h => h.Item1 == "Transfer-Encoding");
    }

    [Fact]
    public async Task A_fault_shows_in_the_log_and_a_stream_resumes_after_the_last_id_it_saw()
    {
        var before = await LastIdAsync();
        (await fixture.V2.SendAsync(HttpMethod.Get, "contacts", null, r => r.Headers.Add("X-Emulator-Fault", "503"))).Error(503, "service_unavailable");
        (await Inspector.PutAsync("_inspector/api/admin/faults", """{"failure_rate": 1, "failure_status": 502}""")).Ok();
        (await fixture.V2.GetAsync("tags")).Error(502, "server_error");
        (await Inspector.DeleteAsync("_inspector/api/admin/faults")).Ok();
        var log = (await Inspector.GetAsync($"_inspector/api/log?after={before}")).Ok()["items"].EnumerateArray().ToList();
        Assert.Equal([("503 (X-Emulator-Fault)", 503), ("502 (failure rate 1)", 502)], log.Select(e => (e.Str("fault"), e.GetProperty("status").GetInt32())).ToArray());

        // A cut connection is in the log as soon as the client sees it, like an answer, and with an inspector open its
        // exchange too (a large body takes longest to keep): one lost halfway keeps the status it sent (the write was
        // applied), one cut before any answer has 0.
        var contact = (await fixture.V2.PostAsync("contacts", new { role = "lead", email = "cut@example.com" })).Ok()["id"].GetString();
        await using var watching = await Inspector.WatchAsync(await LastIdAsync());

        var body = new string('c', 1_000_000);
        for (var i = 0; i < 40; i++)
        {
            foreach (var (fault, status) in new[] { ("drop", 200), ("drop-before", 0) })
            {
                var last = await LastIdAsync();
                await Assert.ThrowsAnyAsync<HttpRequestException>(() => fixture.V2.SendAsync(HttpMethod.Post, $"contacts/{contact}/notes", new { body }, r => r.Headers.Add("X-Emulator-Fault", fault)));
                var cut = Assert.Single((await Inspector.GetAsync($"_inspector/api/log?after={last}")).Ok()["items"].EnumerateArray());
                Assert.Equal(($"{fault} (X-Emulator-Fault)", status, true), (cut.Str("fault"), cut.GetProperty("status").GetInt32(), cut.GetProperty("captured").GetBoolean()));
            }
        }

        var resumed = await Inspector.ReadStreamAsync(0, _ => true, TimeSpan.FromSeconds(30));
        Assert.True(resumed[0].GetProperty("id").GetInt64() <= log[0].GetProperty("id").GetInt64()); // a new stream starts with what the ring holds
        using var request = new HttpRequestMessage(HttpMethod.Get, new Uri(fixture.Emulator.BaseUri, "_inspector/api/log/stream"));
        request.Headers.Add("Last-Event-ID", log[0].GetProperty("id").GetInt64().ToString(System.Globalization.CultureInfo.InvariantCulture));
        request.Headers.Add("Sec-Fetch-Site", "same-origin");
        using var response = await Http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead);
        using var reader = new System.IO.StreamReader(await response.Content.ReadAsStreamAsync());
        string? line;
        while ((line = await reader.ReadLineAsync()) is not null && !line.StartsWith("id: ", StringComparison.Ordinal))
        {
        }

        Assert.Equal("id: " + log[1].GetProperty("id").GetInt64(), line);
    }

    [Fact]
    public async Task Secrets_are_masked_in_the_log_the_stream_the_exchanges_and_the_data()
    {
        var key = EmulatorFixture.ApiKey;
        var raw = new System.Collections.Generic.List<string>();
        await Inspector.ReadStreamAsync(await LastIdAsync(), e => e.Str("path").StartsWith("/v1/users/notes", StringComparison.Ordinal), TimeSpan.FromSeconds(30), async () =>
        {
            await Task.Delay(300);
            (await fixture.Api.PostAsync("v1/users", new { email = "mallory@example.com", custom_data = new { pasted = "key " + key, service_token = "real-service-token" } })).AssertStatus(201);
            var contact = (await fixture.V2.SendAsync(HttpMethod.Post, $"contacts/search?api_key={key}&access_token=real-service-token",
                new { query = new { field = "email", @operator = "=", value = "mallory@example.com" } },
                r => r.Headers.UserAgent.ParseAdd("script/1.0 (" + key + ")"))).Ok()["data"][0].Str("id");
            (await fixture.V2.PostAsync($"contacts/{contact}/notes", new { body = "the key is " + key })).Ok();
            (await fixture.Api.PostAsync("v1/users/notes", new { email = "mallory@example.com", body = "again " + key })).AssertStatus(201);
        }, raw);

        var texts = new System.Collections.Generic.List<string> { string.Join("\n", raw) };
        var log = (await Inspector.GetAsync("_inspector/api/log")).Ok();
        texts.Add(log.Text);
        foreach (var entry in log["items"].EnumerateArray())
        {
            texts.Add((await Inspector.GetAsync($"_inspector/api/log/{entry.GetProperty("id").GetInt64()}")).Ok().Text);
        }

        var contactId = (await Inspector.GetAsync($"_inspector/api/apps/{App}/contacts?q=mallory")).Ok()["items"][0].Str("id");
        texts.Add((await Inspector.GetAsync($"_inspector/api/apps/{App}/contacts/{contactId}")).Ok().Text);
        texts.Add((await Inspector.GetAsync($"_inspector/api/apps/{App}/contacts")).Ok().Text);
        texts.Add((await Inspector.GetAsync("_inspector/api/apps")).Ok().Text);
        var all = string.Join("\n", texts);
        Assert.DoesNotContain(key, all);
        Assert.DoesNotContain(EmulatorFixture.BasicHeaderValue, all);
        Assert.DoesNotContain(EmulatorFixture.OtherApiKey, all);
        Assert.DoesNotContain("real-service-token", all);
        Assert.Contains("Bearer ••••••", all); // the header is shown, its credential is not
        Assert.Contains("Basic ••••••", all);
        Assert.Contains("api_key=••••••", all);
        Assert.Contains("the key is ••••••", all);
        Assert.Contains("script/1.0 (••••••)", all);
    }

    [Fact]
    public async Task The_controls_are_admins_own_with_its_checks_and_messages()
    {
        foreach (var (path, body) in new[] { ("faults", """{"failure_rate": 2}"""), ("faults", """{"failure_status": 99}"""), ("faults", """{"route": "GET /nowhere"}"""), ("faults", """{"latency": "slow"}""") })
        {
            var viaAdmin = await Inspector.SendAsync(HttpMethod.Put, "admin/" + path, body, "application/json", ("Origin", null), ("Sec-Fetch-Site", null));
            var viaInspector = await Inspector.PutAsync("_inspector/api/admin/" + path, body);
            Assert.Equal(viaAdmin.AssertError(400, "bad_request"), viaInspector.AssertError(400, "bad_request"));
        }

        foreach (var body in new[] { """{"app_id": "test-app", "count": 0}""", """{"app_id": "nope", "count": 1}""", $$"""{"app_id": "test-app", "count": 1, "prefix": "{{new string('p', 65)}}"}""" })
        {
            var viaAdmin = await Inspector.SendAsync(HttpMethod.Post, "admin/seed", body, "application/json", ("Origin", null), ("Sec-Fetch-Site", null));
            var viaInspector = await Inspector.PostAsync("_inspector/api/admin/seed", body);
            Assert.Equal(viaAdmin.Status, viaInspector.Status);
            Assert.Equal(viaAdmin.Json.GetProperty("error").Str("message"), viaInspector.Json.GetProperty("error").Str("message"));
        }

        Assert.Equal(3, (await Inspector.PostAsync("_inspector/api/admin/seed", """{"app_id": "test-app", "count": 3, "prefix": "page", "tag": "seeded"}""")).Ok()["created"].GetInt32());
        Assert.Equal(3, (await Inspector.GetAsync($"_inspector/api/apps/{App}/contacts")).Ok()["total"].GetInt32());
        Assert.Equal("test-app", (await Inspector.PostAsync($"_inspector/api/admin/reset?app_id={App}", "{}")).Ok()["reset"].GetString());
        Assert.Equal(0, (await Inspector.GetAsync($"_inspector/api/apps/{App}/contacts")).Ok()["total"].GetInt32());

        var set = (await Inspector.PutAsync("_inspector/api/admin/faults", """{"latency_ms": 5, "route": "GET /tags"}""")).Ok();
        Assert.Equal((5, "GET /tags"), (set["latency_ms"].GetInt32(), set["route"].GetString()));
        Assert.Equal(5, (await fixture.Admin.GetFaultsAsync()).GetProperty("latency_ms").GetInt32());
        Assert.Equal(0, (await Inspector.DeleteAsync("_inspector/api/admin/faults")).Ok()["latency_ms"].GetInt32());
    }

    [Fact]
    public async Task The_log_keeps_only_the_last_n_requests_and_none_when_turned_off()
    {
        var options = new EmulatorOptions { RequestLogSize = 5 };
        options.Apps["small"] = "small-key";
        await using (var small = await IntercomEmulator.StartAsync(options))
        {
            var client = new V2Client(Http, small.BaseUri, "small-key");
            for (var i = 0; i < 8; i++)
            {
                (await client.GetAsync("tags")).Ok();
            }

            var inspector = new InspectorClient(Http, small.BaseUri);
            var kept = (await inspector.GetAsync("_inspector/api/log")).Ok()["items"].EnumerateArray().Select(e => e.GetProperty("id").GetInt64()).ToArray();
            Assert.Equal([4L, 5, 6, 7, 8], kept);
            Assert.Equal("Request 3 is not in the log: it keeps the last 5 requests", (await inspector.GetAsync("_inspector/api/log/3")).AssertError(404, "not_found"));
            Assert.Equal(5, (await inspector.GetAsync("_inspector/api/apps")).Ok()["log"].GetProperty("capacity").GetInt32());
        }

        var off = new EmulatorOptions { RequestLogSize = 0 };
        await using var quiet = await IntercomEmulator.StartAsync(off);
        (await new V2Client(Http, quiet.BaseUri, "local-key").GetAsync("tags")).Ok();
        Assert.Empty((await new InspectorClient(Http, quiet.BaseUri).GetAsync("_inspector/api/log")).Ok()["items"].EnumerateArray());
    }

    private async Task<long> LastIdAsync() =>
        (await Inspector.GetAsync("_inspector/api/log")).Ok()["items"].EnumerateArray().Select(e => e.GetProperty("id").GetInt64()).DefaultIfEmpty(0).Max();
}

internal static class JsonText
{
    /// <summary>A string property (null when it is JSON null, which the nullable annotation does not say: tests compare it anyway).</summary>
    public static string Str(this JsonElement element, string name) => element.GetProperty(name).GetString()!;
}
