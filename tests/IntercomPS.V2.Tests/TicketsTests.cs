using System.Collections.Generic;
using System.Linq;
using System.Text.Json;
using System.Threading.Tasks;
using IntercomPS.Testing;
using Xunit;

namespace IntercomPS.V2.Tests;

/// <summary>
/// Ticket types, their attributes and the ticket states on the 2.14 face: made, listed, read and changed per app, every
/// answer judged by the description; the rules of their fields and the errors for what the emulator refuses.
/// </summary>
public class TicketsTests(EmulatorFixture fixture) : IClassFixture<EmulatorFixture>
{
    private V2Client Api => fixture.V2;

    private static string[] Names(JsonElement type) =>
        type.GetProperty("ticket_type_attributes").GetProperty("data").EnumerateArray().Select(a => a.GetProperty("name").GetString()!).ToArray();

    private async Task<string> TypeAsync(string name = "Bug Report") =>
        (await Api.PostAsync("/ticket_types", new { name })).Ok()["id"].GetString()!;

    [Fact]
    public async Task A_new_type_has_the_two_default_attributes_and_the_four_states()
    {
        await fixture.ResetAsync();
        var created = (await Api.PostAsync("/ticket_types", new { name = "Customer Issue", description = "Customer Report Template", category = "Back-office", icon = "🐞" })).Ok();
        Assert.Equal("ticket_type", created["type"].GetString());
        Assert.Equal("Customer Issue", created["name"].GetString());
        Assert.Equal("Customer Report Template", created["description"].GetString());
        Assert.Equal("Back-office", created["category"].GetString());
        Assert.Equal("🐞", created["icon"].GetString());
        Assert.False(created["archived"].GetBoolean());
        Assert.False(created["is_internal"].GetBoolean());
        Assert.Equal(EmulatorFixture.AppId, created["workspace_id"].GetString());

        var attributes = created["ticket_type_attributes"];
        Assert.Equal("list", attributes.GetProperty("type").GetString());
        Assert.Equal(["_default_title_", "_default_description_"], Names(created.Json));
        var (title, description) = (attributes.GetProperty("data")[0], attributes.GetProperty("data")[1]);
        Assert.True(title.GetProperty("default").GetBoolean());
        Assert.False(title.GetProperty("input_options").GetProperty("multiline").GetBoolean());
        Assert.True(description.GetProperty("input_options").GetProperty("multiline").GetBoolean());
        Assert.Equal((0, 1), (title.GetProperty("order").GetInt32(), description.GetProperty("order").GetInt32()));
        Assert.Equal(long.Parse(created["id"].GetString()!), title.GetProperty("ticket_type_id").GetInt64());

        Assert.Equal(["submitted", "in_progress", "waiting_on_customer", "resolved"],
            created["ticket_states"].GetProperty("data").EnumerateArray().Select(s => s.GetProperty("category").GetString()));

        // Without a category, icon or description: Customer, the description's default icon, empty.
        var plain = (await Api.PostAsync("/ticket_types", new { name = "Plain" })).Ok();
        Assert.Equal(("Customer", "🎟️", ""), (plain["category"].GetString(), plain["icon"].GetString(), plain["description"].GetString()));

        // Listed in creation order, each as GET /ticket_types/{id} reads it.
        var list = (await Api.GetAsync("/ticket_types")).Ok();
        Assert.Equal(["Customer Issue", "Plain"], list["data"].EnumerateArray().Select(t => t.GetProperty("name").GetString()));
        Assert.Equal(created.Text, (await Api.GetAsync($"/ticket_types/{created["id"].GetString()}")).Ok().Text);
    }

    [Fact]
    public async Task An_update_changes_what_it_gives_and_keeps_the_rest()
    {
        await fixture.ResetAsync();
        var id = (await Api.PostAsync("/ticket_types", new { name = "Bug Report", description = "Bug Report Template", category = "Tracker" })).Ok()["id"].GetString()!;
        var updated = (await Api.PutAsync($"/ticket_types/{id}", new { name = "Bug Report 2", archived = true, is_internal = true })).Ok();
        Assert.Equal(("Bug Report 2", "Bug Report Template", "Tracker"), (updated["name"].GetString(), updated["description"].GetString(), updated["category"].GetString()));
        Assert.True(updated["archived"].GetBoolean());
        Assert.True(updated["is_internal"].GetBoolean());
        Assert.Equal(updated.Text, (await Api.GetAsync($"/ticket_types/{id}")).Ok().Text);

        // An archived type is still listed, marked archived; unarchiving brings it back.
        Assert.True((await Api.GetAsync("/ticket_types")).Ok()["data"][0].GetProperty("archived").GetBoolean());
        Assert.False((await Api.PutAsync($"/ticket_types/{id}", new { archived = false })).Ok()["archived"].GetBoolean());
    }

    [Fact]
    public async Task Attributes_are_added_after_the_defaults_with_their_data_types_options()
    {
        await fixture.ResetAsync();
        var type = await TypeAsync();
        var priority = (await Api.PostAsync($"/ticket_types/{type}/attributes",
            new { name = "Priority", description = "How urgent", data_type = "list", list_items = "Low,Medium,High", required_to_create = true })).Ok();
        Assert.Equal("ticket_type_attribute", priority["type"].GetString());
        Assert.Equal(("Priority", "How urgent", "list"), (priority["name"].GetString(), priority["description"].GetString(), priority["data_type"].GetString()));
        Assert.Equal("Low,Medium,High", priority["input_options"].GetProperty("list_items").GetString());
        Assert.Equal(2, priority["order"].GetInt32());
        Assert.True(priority["required_to_create"].GetBoolean());
        Assert.False(priority["required_to_create_for_contacts"].GetBoolean());
        Assert.True(priority["visible_on_create"].GetBoolean());
        Assert.True(priority["visible_to_contacts"].GetBoolean());
        Assert.False(priority["default"].GetBoolean());
        Assert.Equal(long.Parse(type), priority["ticket_type_id"].GetInt64());

        var notes = (await Api.PostAsync($"/ticket_types/{type}/attributes", new { name = "Notes", description = "Anything else", data_type = "string", multiline = true })).Ok();
        Assert.True(notes["input_options"].GetProperty("multiline").GetBoolean());
        var screenshots = (await Api.PostAsync($"/ticket_types/{type}/attributes", new { name = "Screenshots", description = "Pictures", data_type = "files", allow_multiple_values = true })).Ok();
        Assert.True(screenshots["input_options"].GetProperty("allow_multiple_values").GetBoolean());
        var seats = (await Api.PostAsync($"/ticket_types/{type}/attributes", new { name = "Seats", description = "How many", data_type = "integer", visible_to_contacts = false })).Ok();
        Assert.Equal(JsonValueKind.Null, seats["input_options"].ValueKind);
        Assert.False(seats["visible_to_contacts"].GetBoolean());

        var read = (await Api.GetAsync($"/ticket_types/{type}")).Ok();
        Assert.Equal(["_default_title_", "_default_description_", "Priority", "Notes", "Screenshots", "Seats"], Names(read.Json));
    }

    [Fact]
    public async Task An_attribute_update_changes_what_it_gives_but_not_a_default_attributes_name_or_existence()
    {
        await fixture.ResetAsync();
        var type = await TypeAsync();
        var id = (await Api.PostAsync($"/ticket_types/{type}/attributes", new { name = "Priority", description = "How urgent", data_type = "list", list_items = "Low,High" })).Ok()["id"].GetString()!;
        var updated = (await Api.PutAsync($"/ticket_types/{type}/attributes/{id}", new { description = "How urgent it is", list_items = "Low,Medium,High", archived = true })).Ok();
        Assert.Equal(("Priority", "How urgent it is", "Low,Medium,High"),
            (updated["name"].GetString(), updated["description"].GetString(), updated["input_options"].GetProperty("list_items").GetString()));
        Assert.True(updated["archived"].GetBoolean());
        var renamed = (await Api.PutAsync($"/ticket_types/{type}/attributes/{id}", new { name = "Urgency", archived = false })).Ok();
        Assert.Equal("Urgency", renamed["name"].GetString());
        Assert.False(renamed["archived"].GetBoolean());
        Assert.Contains("Urgency", Names((await Api.GetAsync($"/ticket_types/{type}")).Ok().Json));

        var title = (await Api.GetAsync($"/ticket_types/{type}")).Ok()["ticket_type_attributes"].GetProperty("data")[0].GetProperty("id").GetString()!;
        Assert.Equal("_default_title_ is a default attribute of every ticket type: it cannot be renamed or archived",
            (await Api.PutAsync($"/ticket_types/{type}/attributes/{title}", new { name = "Subject" })).Error(400, "parameter_invalid"));
        Assert.Equal("_default_title_ is a default attribute of every ticket type: it cannot be renamed or archived",
            (await Api.PutAsync($"/ticket_types/{type}/attributes/{title}", new { archived = true })).Error(400, "parameter_invalid"));
        // Its description and visibility are the workspace's to change.
        Assert.Equal("The subject", (await Api.PutAsync($"/ticket_types/{type}/attributes/{title}", new { description = "The subject" })).Ok()["description"].GetString());
    }

    [Fact]
    public async Task What_is_refused_is_refused_with_the_field_it_names()
    {
        await fixture.ResetAsync();
        Assert.Equal("name is required: the name of the ticket type", (await Api.PostAsync("/ticket_types", new { description = "No name" })).Error(400, "parameter_not_found"));
        Assert.Equal("category must be Customer, Back-office or Tracker, not 'Bugs'",
            (await Api.PostAsync("/ticket_types", new { name = "Bug", category = "Bugs" })).Error(400, "parameter_invalid"));
        Assert.Equal("name must be a string, not a number", (await Api.PostAsync("/ticket_types", new { name = 5 })).Error(400, "parameter_invalid"));
        var type = await TypeAsync();
        Assert.Equal("category must be Customer, Back-office or Tracker, not 'customer'",
            (await Api.PutAsync($"/ticket_types/{type}", new { category = "customer" })).Error(400, "parameter_invalid"));
        Assert.Equal("archived must be a boolean, not a string", (await Api.PutAsync($"/ticket_types/{type}", new { archived = "yes" })).Error(400, "parameter_invalid"));

        var attributes = $"/ticket_types/{type}/attributes";
        Assert.Equal("description is required: the description of the attribute presented to the teammate or contact",
            (await Api.PostAsync(attributes, new { name = "Priority", data_type = "string" })).Error(400, "parameter_not_found"));
        Assert.Equal("data_type is required: one of string, list, integer, decimal, boolean, datetime, files",
            (await Api.PostAsync(attributes, new { name = "Priority", description = "d" })).Error(400, "parameter_not_found"));
        Assert.Equal("data_type must be one of string, list, integer, decimal, boolean, datetime, files, not 'float'",
            (await Api.PostAsync(attributes, new { name = "Priority", description = "d", data_type = "float" })).Error(400, "parameter_invalid"));
        Assert.Equal("A list attribute needs its list_items (a comma delimited list: 'Low,Medium,High')",
            (await Api.PostAsync(attributes, new { name = "Priority", description = "d", data_type = "list" })).Error(400, "parameter_not_found"));
        Assert.Equal("list_items must name at least one item (a comma delimited list: 'Low,Medium,High')",
            (await Api.PostAsync(attributes, new { name = "Priority", description = "d", data_type = "list", list_items = " , " })).Error(400, "parameter_invalid"));
        Assert.Equal("multiline applies to string attributes only, not integer",
            (await Api.PostAsync(attributes, new { name = "Seats", description = "d", data_type = "integer", multiline = true })).Error(400, "parameter_invalid"));
        Assert.Equal($"The ticket type 'Bug Report' ({type}) already has an attribute named '_DEFAULT_TITLE_'",
            (await Api.PostAsync(attributes, new { name = "_DEFAULT_TITLE_", description = "d", data_type = "string" })).Error(400, "parameter_invalid"));
        var seats = (await Api.PostAsync(attributes, new { name = "Seats", description = "d", data_type = "integer" })).Ok()["id"].GetString()!;
        Assert.Equal("list_items applies to list attributes only, not integer",
            (await Api.PutAsync($"{attributes}/{seats}", new { list_items = "a,b" })).Error(400, "parameter_invalid"));
        Assert.Equal($"The ticket type 'Bug Report' ({type}) already has an attribute named '_default_description_'",
            (await Api.PutAsync($"{attributes}/{seats}", new { name = "_default_description_" })).Error(400, "parameter_invalid"));

        // Nothing refused was kept.
        Assert.Equal(["Bug Report"], (await Api.GetAsync("/ticket_types")).Ok()["data"].EnumerateArray().Select(t => t.GetProperty("name").GetString()));
        Assert.Equal(["_default_title_", "_default_description_", "Seats"], Names((await Api.GetAsync($"/ticket_types/{type}")).Ok().Json));
    }

    [Fact]
    public async Task An_unknown_type_or_attribute_is_not_found_and_another_apps_type_is_unknown()
    {
        await fixture.ResetAsync();
        var type = await TypeAsync();
        foreach (var unknown in new[] { "999999", "abc", "0" })
        {
            Assert.Equal("Ticket type not found", (await Api.GetAsync($"/ticket_types/{unknown}")).Error(404, "not_found"));
            Assert.Equal("Ticket type not found", (await Api.PutAsync($"/ticket_types/{unknown}", new { name = "x" })).Error(404, "not_found"));
            Assert.Equal("Ticket type not found", (await Api.PostAsync($"/ticket_types/{unknown}/attributes", new { name = "x", description = "d", data_type = "string" })).Error(404, "not_found"));
            Assert.Equal("Ticket type attribute not found", (await Api.PutAsync($"/ticket_types/{type}/attributes/{unknown}", new { description = "d" })).Error(404, "not_found"));
        }

        // An attribute of another type is not this type's.
        var other = await TypeAsync("Other");
        var otherTitle = (await Api.GetAsync($"/ticket_types/{other}")).Ok()["ticket_type_attributes"].GetProperty("data")[0].GetProperty("id").GetString()!;
        Assert.Equal("Ticket type attribute not found", (await Api.PutAsync($"/ticket_types/{type}/attributes/{otherTitle}", new { description = "d" })).Error(404, "not_found"));

        // Another app's type: its ids name nothing here, and the other app lists none of this one's.
        var second = fixture.V2For(EmulatorFixture.OtherApiKey);
        Assert.Equal("Ticket type not found", (await second.GetAsync($"/ticket_types/{type}")).Error(404, "not_found"));
        Assert.DoesNotContain(type, (await second.GetAsync("/ticket_types")).Ok()["data"].EnumerateArray().Select(t => t.GetProperty("id").GetString()));
    }

    [Fact]
    public async Task The_four_states_list_every_type_of_the_app()
    {
        await fixture.ResetAsync();
        var states = (await Api.GetAsync("/ticket_states")).Ok();
        Assert.Equal("list", states["type"].GetString());
        var data = states["data"].EnumerateArray().ToList();
        Assert.Equal(["submitted", "in_progress", "waiting_on_customer", "resolved"], data.Select(s => s.GetProperty("category").GetString()));
        Assert.Equal(["Submitted", "In progress", "Waiting on you", "Resolved"], data.Select(s => s.GetProperty("external_label").GetString()));
        Assert.All(data, s => Assert.Empty(s.GetProperty("ticket_types").GetProperty("data").EnumerateArray()));

        var (bug, issue) = (await TypeAsync(), await TypeAsync("Customer Issue"));
        data = (await Api.GetAsync("/ticket_states")).Ok()["data"].EnumerateArray().ToList();
        Assert.All(data, s => Assert.Equal([bug, issue], s.GetProperty("ticket_types").GetProperty("data").EnumerateArray().Select(t => t.GetProperty("id").GetString())));
        // The states a type lists are these, by id.
        Assert.Equal(data.Select(s => s.GetProperty("id").GetString()),
            (await Api.GetAsync($"/ticket_types/{bug}")).Ok()["ticket_states"].GetProperty("data").EnumerateArray().Select(s => s.GetProperty("id").GetString()));
    }

    [Theory]
    [InlineData("2.11")]
    [InlineData("2.13")]
    public async Task Before_2_14_types_are_served_but_states_are_not(string version)
    {
        await fixture.ResetAsync();
        var api = Api.WithVersion(version);
        var created = (await api.PostAsync("/ticket_types", new { name = "Bug Report" })).Ok();
        var id = created["id"].GetString()!;
        Assert.Equal("Bug Report", (await api.GetAsync($"/ticket_types/{id}")).Ok()["name"].GetString());
        (await api.GetAsync("/ticket_states")).Error(400, "intercom_version_invalid");

        // 2.11's ticket_type has no ticket_states (2.14's brought them), wherever a type is written: it carried them.
        var contact = (await Api.PostAsync("/contacts", new { email = EmulatorFixture.NewEmail() })).Ok()["id"].GetString()!;
        var ticket = (await api.PostAsync("/tickets", new { ticket_type_id = id, contacts = new[] { new { id = contact } } })).Ok();
        foreach (var type in new[]
        {
            created.Json, (await api.GetAsync($"/ticket_types/{id}")).Ok().Json, (await api.GetAsync("/ticket_types")).Ok()["data"][0],
            (await api.PutAsync($"/ticket_types/{id}", new { description = "Bugs" })).Ok().Json, ticket["ticket_type"], (await api.GetAsync($"/tickets/{ticket["id"].GetString()}")).Ok()["ticket_type"],
        })
        {
            Assert.False(type.TryGetProperty("ticket_states", out _), type.GetRawText());
            Assert.Equal("Bug Report", type.GetProperty("name").GetString());
        }

        Assert.Equal(4, (await Api.GetAsync($"/ticket_types/{id}")).Ok()["ticket_states"].GetProperty("data").GetArrayLength()); // 2.14 lists them
    }

    [Fact]
    public async Task A_reset_empties_the_apps_types()
    {
        await fixture.ResetAsync();
        await TypeAsync();
        await fixture.ResetAsync();
        Assert.Empty((await Api.GetAsync("/ticket_types")).Ok()["data"].EnumerateArray());
    }

    [Fact]
    public async Task The_dummy_app_answers_its_canned_type_and_checks_writes_as_a_stored_app_does_keeping_no_ticket()
    {
        var dummy = fixture.V2For("dummy-app-id");
        var type = (await dummy.GetAsync("/ticket_types/1")).Ok();
        Assert.Equal(["_default_title_", "_default_description_", "Priority"], Names(type.Json));
        Assert.Equal("Ticket type not found", (await dummy.GetAsync("/ticket_types/2")).Error(404, "not_found"));
        Assert.Equal("Feature Request", (await dummy.PostAsync("/ticket_types", new { name = "Feature Request" })).Ok()["name"].GetString());
        Assert.Equal("The ticket type 'Bug Report' (1) already has an attribute named 'priority'",
            (await dummy.PostAsync("/ticket_types/1/attributes", new { name = "priority", description = "d", data_type = "string" })).Error(400, "parameter_invalid"));
        Assert.Equal("_default_description_ is a default attribute of every ticket type: it cannot be renamed or archived",
            (await dummy.PutAsync("/ticket_types/1/attributes/2", new { archived = true })).Error(400, "parameter_invalid"));
        // Nothing kept.
        Assert.Single((await dummy.GetAsync("/ticket_types")).Ok()["data"].EnumerateArray());

        // A ticket is answered as made, checked against the canned type, and kept nowhere.
        var ticket = (await dummy.PostAsync("/tickets", new { ticket_type_id = "1", contacts = new[] { new { email = "somebody@example.com" } }, ticket_attributes = new { Priority = "High" } })).Ok();
        Assert.Equal("High", ticket["ticket_attributes"].GetProperty("Priority").GetString());
        Assert.Equal("ticket_attributes.Priority must be one of its list items (Low, Medium, High), not 'Soon'",
            (await dummy.PostAsync("/tickets", new { ticket_type_id = "1", contacts = new[] { new { id = "x" } }, ticket_attributes = new { Priority = "Soon" } })).Error(400, "parameter_invalid"));
        Assert.Equal("Ticket not found", (await dummy.GetAsync($"/tickets/{ticket["id"].GetString()}")).Error(404, "ticket_not_found"));
        Assert.Empty((await dummy.PostAsync("/tickets/search", new { query = new { field = "open", @operator = "=", value = true } })).Ok()["tickets"].EnumerateArray());
    }

    private async Task<(string Type, string Contact, string ExternalId)> TicketWorldAsync(string category = "Customer")
    {
        await fixture.ResetAsync();
        var externalId = EmulatorFixture.NewId("ext");
        var contact = (await Api.PostAsync("/contacts", new { email = EmulatorFixture.NewEmail(), external_id = externalId })).Ok()["id"].GetString()!;
        var type = (await Api.PostAsync("/ticket_types", new { name = "Bug Report", category })).Ok()["id"].GetString()!;
        (await Api.PostAsync($"/ticket_types/{type}/attributes", new { name = "Priority", description = "How urgent", data_type = "list", list_items = "Low,High", required_to_create = true })).Ok();
        (await Api.PostAsync($"/ticket_types/{type}/attributes", new { name = "Seats", description = "How many", data_type = "integer" })).Ok();
        return (type, contact, externalId);
    }

    private static string[] PartTypes(JsonElement ticket) =>
        ticket.GetProperty("ticket_parts").GetProperty("ticket_parts").EnumerateArray().Select(p => p.GetProperty("part_type").GetString()!).ToArray();

    [Fact]
    public async Task A_ticket_is_made_for_its_contact_with_its_attributes_and_read_back()
    {
        var (type, contact, externalId) = await TicketWorldAsync();
        var created = (await Api.PostAsync("/tickets", new
        {
            ticket_type_id = type,
            contacts = new[] { new { id = contact } },
            ticket_attributes = new Dictionary<string, object> { ["_default_title_"] = "Broken", ["Priority"] = "High", ["Seats"] = 12 },
            created_at = 1_700_000_000,
        })).Ok();
        Assert.Equal("ticket", created["type"].GetString());
        Assert.Equal("1", created["ticket_id"].GetString());
        Assert.Equal("Customer", created["category"].GetString());
        Assert.Equal(("Broken", "High", 12), (created["ticket_attributes"].GetProperty("_default_title_").GetString(),
            created["ticket_attributes"].GetProperty("Priority").GetString(), created["ticket_attributes"].GetProperty("Seats").GetInt32()));
        Assert.Equal("submitted", created["ticket_state"].GetProperty("category").GetString());
        Assert.Equal(type, created["ticket_type"].GetProperty("id").GetString());
        var contacts = created["contacts"];
        Assert.Equal("contact.list", contacts.GetProperty("type").GetString());
        Assert.Equal((contact, externalId), (contacts.GetProperty("contacts")[0].GetProperty("id").GetString(), contacts.GetProperty("contacts")[0].GetProperty("external_id").GetString()));
        Assert.Equal(("0", "0"), (created["admin_assignee_id"].GetString(), created["team_assignee_id"].GetString()));
        Assert.Equal(1_700_000_000, created["created_at"].GetInt64());
        Assert.True(created["open"].GetBoolean());
        Assert.False(created["is_shared"].GetBoolean());
        Assert.Equal(["ticket_state_updated_by_admin"], PartTypes(created.Json));
        Assert.Equal(created.Text, (await Api.GetAsync($"/tickets/{created["id"].GetString()}")).Ok().Text);

        // By external id and by email; the next ticket_id; an email no contact has makes a user.
        var second = (await Api.PostAsync("/tickets", new { ticket_type_id = type, contacts = new[] { new { external_id = externalId } }, ticket_attributes = new { Priority = "Low" } })).Ok();
        Assert.Equal(("2", contact), (second["ticket_id"].GetString(), second["contacts"].GetProperty("contacts")[0].GetProperty("id").GetString()));
        var email = EmulatorFixture.NewEmail();
        var third = (await Api.PostAsync("/tickets", new { ticket_type_id = type, contacts = new[] { new { email } }, ticket_attributes = new { Priority = "Low" } })).Ok();
        var made = third["contacts"].GetProperty("contacts")[0].GetProperty("id").GetString()!;
        var user = (await Api.GetAsync($"/contacts/{made}")).Ok();
        Assert.Equal((email, "user"), (user["email"].GetString(), user["role"].GetString()));
    }

    [Fact]
    public async Task A_tickets_attributes_are_checked_against_its_types()
    {
        var (type, contact, _) = await TicketWorldAsync();
        async Task<string> Refused(object attributes, string code = "parameter_invalid") =>
            (await Api.PostAsync("/tickets", new { ticket_type_id = type, contacts = new[] { new { id = contact } }, ticket_attributes = attributes })).Error(400, code);

        Assert.Equal("Missing required ticket attributes", await Refused(new { _default_title_ = "Broken" }));
        Assert.Equal("Extra attributes provided that are not found on ticket type: Colour", await Refused(new { Priority = "Low", Colour = "red" }));
        Assert.Equal("ticket_attributes.Priority must be one of its list items (Low, High), not 'Urgent'", await Refused(new { Priority = "Urgent" }));
        Assert.Equal("ticket_attributes.Seats must be a whole number, not 1.5", await Refused(new { Priority = "Low", Seats = 1.5 }));
        Assert.Equal("ticket_attributes._default_title_ must be a string, not 5", await Refused(new { Priority = "Low", _default_title_ = 5 }));
        Assert.Equal("Ticket type not found",
            (await Api.PostAsync("/tickets", new { ticket_type_id = "999999", contacts = new[] { new { id = contact } } })).Error(404, "not_found"));
        Assert.Equal("ticket_type_id is a required parameter", (await Api.PostAsync("/tickets", new { contacts = new[] { new { id = contact } } })).Error(400, "parameter_not_found"));
        Assert.Equal("contacts must be an array of one contact (only one is allowed): [{\"id\": ...}], [{\"external_id\": ...}] or [{\"email\": ...}]",
            (await Api.PostAsync("/tickets", new { ticket_type_id = type, contacts = new[] { new { id = contact }, new { id = contact } } })).Error(400, "parameter_invalid"));
        Assert.Equal("User Not Found",
            (await Api.PostAsync("/tickets", new { ticket_type_id = type, contacts = new[] { new { id = "ffffffffffffffffffffffff" } }, ticket_attributes = new { Priority = "Low" } })).Error(404, "not_found"));
        Assert.Equal("Assignee not found", (await Api.PostAsync("/tickets", new
        {
            ticket_type_id = type, contacts = new[] { new { id = contact } }, ticket_attributes = new { Priority = "Low" }, assignment = new { admin_assignee_id = "999" },
        })).Error(404, "assignee_not_found"));

        // An archived attribute takes no value; nothing refused made a ticket.
        var seats = (await Api.GetAsync($"/ticket_types/{type}")).Ok()["ticket_type_attributes"].GetProperty("data")[3].GetProperty("id").GetString()!;
        (await Api.PutAsync($"/ticket_types/{type}/attributes/{seats}", new { archived = true })).Ok();
        Assert.Equal("Extra attributes provided that are not found on ticket type: Seats", await Refused(new { Priority = "Low", Seats = 2 }));
        Assert.Equal("1", (await Api.PostAsync("/tickets", new { ticket_type_id = type, contacts = new[] { new { id = contact } }, ticket_attributes = new { Priority = "Low" } })).Ok()["ticket_id"].GetString());
    }

    [Fact]
    public async Task An_update_changes_state_attributes_assignee_and_openness_each_with_its_part()
    {
        var (type, contact, _) = await TicketWorldAsync("Back-office");
        var admin = (await Api.GetAsync("/me")).Ok()["id"].GetString()!;
        var team = await fixture.Admin.AddTeamAsync(EmulatorFixture.AppId, EmulatorFixture.NewId("team"), admin);
        var id = (await Api.PostAsync("/tickets", new { ticket_type_id = type, contacts = new[] { new { id = contact } }, ticket_attributes = new { Priority = "Low" } })).Ok()["id"].GetString()!;

        var updated = (await Api.PutAsync($"/tickets/{id}", new { ticket_state_id = "2", ticket_attributes = new { Priority = "High" }, assignee_id = admin, admin_id = admin, is_shared = true })).Ok();
        Assert.Equal("in_progress", updated["ticket_state"].GetProperty("category").GetString());
        Assert.Equal("High", updated["ticket_attributes"].GetProperty("Priority").GetString());
        Assert.Equal((admin, "0"), (updated["admin_assignee_id"].GetString(), updated["team_assignee_id"].GetString()));
        Assert.True(updated["is_shared"].GetBoolean());
        Assert.Equal(["ticket_state_updated_by_admin", "ticket_attribute_updated_by_admin", "ticket_state_updated_by_admin", "assignment"], PartTypes(updated.Json));
        var parts = updated["ticket_parts"].GetProperty("ticket_parts");
        Assert.Equal(("in_progress", "submitted"), (parts[2].GetProperty("ticket_state").GetString(), parts[2].GetProperty("previous_ticket_state").GetString()));
        Assert.Equal(("Priority", "High"), (parts[1].GetProperty("updated_attribute_data").GetProperty("attribute").GetProperty("label").GetString(),
            parts[1].GetProperty("updated_attribute_data").GetProperty("value").GetProperty("label").GetString()));
        Assert.Equal(("admin", admin), (parts[3].GetProperty("assigned_to").GetProperty("type").GetString(), parts[3].GetProperty("assigned_to").GetProperty("id").GetString()));

        // A team by its id; 0 unassigns; snoozing keeps it open until then; closing unsnoozes.
        Assert.Equal(team, (await Api.PutAsync($"/tickets/{id}", new { assignee_id = team })).Ok()["team_assignee_id"].GetString());
        var unassigned = (await Api.PutAsync($"/tickets/{id}", new { assignee_id = "0" })).Ok();
        Assert.Equal(("0", "0"), (unassigned["admin_assignee_id"].GetString(), unassigned["team_assignee_id"].GetString()));
        Assert.Equal(JsonValueKind.Null, unassigned["ticket_parts"].GetProperty("ticket_parts").EnumerateArray().Last().GetProperty("assigned_to").ValueKind);
        var snoozed = (await Api.PutAsync($"/tickets/{id}", new { snoozed_until = 1_900_000_000 })).Ok();
        Assert.Equal(1_900_000_000, snoozed["snoozed_until"].GetInt64());
        var closed = (await Api.PutAsync($"/tickets/{id}", new { open = false })).Ok();
        Assert.False(closed["open"].GetBoolean());
        Assert.False(closed.Json.TryGetProperty("snoozed_until", out _));
        Assert.Equal(["snoozed", "close"], PartTypes(closed.Json)[^2..]);

        // Nothing given changes nothing; what is refused changes nothing.
        Assert.Equal(closed.Text, (await Api.PutAsync($"/tickets/{id}", new { })).Ok().Text);
        Assert.Equal("Ticket state id is not valid or is not associated with the ticket type",
            (await Api.PutAsync($"/tickets/{id}", new { ticket_state_id = "0" })).Error(400, "ticket_state_id_invalid"));
        Assert.Equal("Assignee not found", (await Api.PutAsync($"/tickets/{id}", new { assignee_id = "424242" })).Error(404, "assignee_not_found"));
        Assert.Equal("Assignee not found", (await Api.PutAsync($"/tickets/{id}", new { admin_id = 424242, open = true })).Error(404, "assignee_not_found"));
        Assert.Equal(closed.Text, (await Api.GetAsync($"/tickets/{id}")).Ok().Text);

        // Snoozing a closed ticket opens it until then with one snoozed part, as snoozing a closed conversation does
        // (TeamInboxTests: close, snoozed): the snooze is the reopening, so no open part comes before it.
        var resnoozed = (await Api.PutAsync($"/tickets/{id}", new { snoozed_until = 1_900_000_000 })).Ok();
        Assert.Equal((true, 1_900_000_000), (resnoozed["open"].GetBoolean(), resnoozed["snoozed_until"].GetInt64()));
        Assert.Equal(["close", "snoozed"], PartTypes(resnoozed.Json)[^2..]);
    }

    [Fact]
    public async Task Replies_notes_and_tags_land_on_the_ticket()
    {
        var (type, contact, externalId) = await TicketWorldAsync();
        var admin = (await Api.GetAsync("/me")).Ok()["id"].GetString()!;
        var id = (await Api.PostAsync("/tickets", new { ticket_type_id = type, contacts = new[] { new { id = contact } }, ticket_attributes = new { Priority = "Low" } })).Ok()["id"].GetString()!;

        var note = (await Api.PostAsync($"/tickets/{id}/reply", new { message_type = "note", type = "admin", admin_id = admin, body = "<p>Looking <b>now</b></p><script>x</script>" })).Ok();
        Assert.Equal(("ticket_part", "note", "admin", admin), (note["type"].GetString(), note["part_type"].GetString(),
            note["author"].GetProperty("type").GetString(), note["author"].GetProperty("id").GetString()));
        Assert.Equal("<p>Looking <b>now</b></p>", note["body"].GetString());
        var comment = (await Api.PostAsync($"/tickets/{id}/reply", new { message_type = "comment", type = "user", user_id = externalId, body = "Thanks <3" })).Ok();
        Assert.Equal(("comment", "user", contact, "<p>Thanks &lt;3</p>"), (comment["part_type"].GetString(), comment["author"].GetProperty("type").GetString(),
            comment["author"].GetProperty("id").GetString(), comment["body"].GetString()));
        Assert.Equal(["ticket_state_updated_by_admin", "note", "comment"], PartTypes((await Api.GetAsync($"/tickets/{id}")).Ok().Json));

        // Another contact is not the ticket's; an unknown ticket is the reply's own 404.
        var other = (await Api.PostAsync("/contacts", new { email = EmulatorFixture.NewEmail() })).Ok()["id"].GetString()!;
        Assert.Equal("The contact replying is not the ticket's contact",
            (await Api.PostAsync($"/tickets/{id}/reply", new { message_type = "comment", type = "user", intercom_user_id = other, body = "Me too" })).Error(400, "parameter_mismatch"));
        Assert.Equal("Resource Not Found",
            (await Api.PostAsync("/tickets/999999/reply", new { message_type = "note", type = "admin", admin_id = admin, body = "x" })).Error(404, "not_found"));

        var tag = (await Api.PostAsync("/tags", new { name = EmulatorFixture.NewId("tag") })).Ok()["id"].GetString()!;
        var applied = (await Api.PostAsync($"/tickets/{id}/tags", new { id = tag, admin_id = admin })).Ok();
        Assert.Equal((tag, admin), (applied["id"].GetString(), applied["applied_by"].GetProperty("id").GetString()));
        Assert.Equal(tag, (await Api.SendAsync(System.Net.Http.HttpMethod.Delete, $"/tickets/{id}/tags/{tag}", new { admin_id = admin })).Ok()["id"].GetString());
        Assert.Equal("Tag not found", (await Api.SendAsync(System.Net.Http.HttpMethod.Delete, $"/tickets/{id}/tags/{tag}", new { admin_id = admin })).Error(404, "tag_not_found"));
        Assert.Equal("Ticket not found", (await Api.PostAsync("/tickets/999999/tags", new { id = tag, admin_id = admin })).Error(404, "ticket_not_found"));
    }

    [Fact]
    public async Task Untagging_an_unknown_ticket_is_ticket_not_found_whatever_the_tag_id()
    {
        // The ticket is looked up first, as on every ticket route: a tag id that is no number (so names no tag) was the
        // 404 tag_not_found before the ticket was looked up at all, where a numeric one gave ticket_not_found.
        var (type, contact, _) = await TicketWorldAsync();
        var admin = (await Api.GetAsync("/me")).Ok()["id"].GetString()!;
        var id = (await Api.PostAsync("/tickets", new { ticket_type_id = type, contacts = new[] { new { id = contact } }, ticket_attributes = new { Priority = "Low" } })).Ok()["id"].GetString()!;
        foreach (var tag in new[] { "abc", "0", "999999" })
        {
            Assert.Equal("Ticket not found", (await Api.SendAsync(System.Net.Http.HttpMethod.Delete, $"/tickets/999999/tags/{tag}", new { admin_id = admin })).Error(404, "ticket_not_found"));
            Assert.Equal("Tag not found", (await Api.SendAsync(System.Net.Http.HttpMethod.Delete, $"/tickets/{id}/tags/{tag}", new { admin_id = admin })).Error(404, "tag_not_found"));
        }
    }

    [Fact]
    public async Task A_user_reply_on_a_back_office_ticket_is_refused()
    {
        var (type, contact, _) = await TicketWorldAsync("Back-office");
        var id = (await Api.PostAsync("/tickets", new { ticket_type_id = type, contacts = new[] { new { id = contact } }, ticket_attributes = new { Priority = "Low" } })).Ok()["id"].GetString()!;
        Assert.Equal("User replies are not allowed on Backoffice tickets",
            (await Api.PostAsync($"/tickets/{id}/reply", new { message_type = "comment", type = "user", intercom_user_id = contact, body = "Hi" })).Error(400, "parameter_mismatch"));
    }

    [Fact]
    public async Task A_deleted_ticket_is_gone_a_deleted_contact_leaves_its_tickets_without_it_and_a_merged_lead_gives_them_to_the_user()
    {
        var (type, contact, _) = await TicketWorldAsync();
        var id = (await Api.PostAsync("/tickets", new { ticket_type_id = type, contacts = new[] { new { id = contact } }, ticket_attributes = new { Priority = "Low" } })).Ok()["id"].GetString()!;
        var kept = (await Api.PostAsync("/tickets", new { ticket_type_id = type, contacts = new[] { new { id = contact } }, ticket_attributes = new { Priority = "Low" } })).Ok()["id"].GetString()!;
        var deleted = (await Api.DeleteAsync($"/tickets/{id}")).Ok();
        Assert.Equal((id, "ticket", true), (deleted["id"].GetString(), deleted["object"].GetString(), deleted["deleted"].GetBoolean()));
        Assert.Equal("Ticket not found", (await Api.GetAsync($"/tickets/{id}")).Error(404, "ticket_not_found"));
        Assert.Equal("Ticket not found", (await Api.DeleteAsync($"/tickets/{id}")).Error(404, "ticket_not_found"));
        Assert.Equal("Ticket not found", (await Api.PutAsync($"/tickets/{id}", new { open = false })).Error(404, "ticket_not_found"));

        (await Api.DeleteAsync($"/contacts/{contact}")).Ok();
        Assert.Empty((await Api.GetAsync($"/tickets/{kept}")).Ok()["contacts"].GetProperty("contacts").EnumerateArray());

        // A lead's ticket is the user's once the lead is merged into it.
        var lead = (await Api.PostAsync("/contacts", new { role = "lead" })).Ok()["id"].GetString()!;
        var user = (await Api.PostAsync("/contacts", new { email = EmulatorFixture.NewEmail() })).Ok()["id"].GetString()!;
        var leads = (await Api.PostAsync("/tickets", new { ticket_type_id = type, contacts = new[] { new { id = lead } }, ticket_attributes = new { Priority = "Low" } })).Ok()["id"].GetString()!;
        (await Api.PostAsync("/contacts/merge", new { from = lead, into = user })).Ok();
        Assert.Equal([user], (await Api.GetAsync($"/tickets/{leads}")).Ok()["contacts"].GetProperty("contacts").EnumerateArray().Select(c => c.GetProperty("id").GetString()));

        // Another app's tickets are not this one's; a reset empties the app's.
        Assert.Equal("Ticket not found", (await fixture.V2For(EmulatorFixture.OtherApiKey).GetAsync($"/tickets/{kept}")).Error(404, "ticket_not_found"));
        await fixture.ResetAsync();
        Assert.Equal("Ticket not found", (await Api.GetAsync($"/tickets/{kept}")).Error(404, "ticket_not_found"));
    }

    [Theory]
    [InlineData("2.11")]
    [InlineData("2.13")]
    public async Task Before_2_14_a_tickets_state_is_its_category_and_tickets_cannot_be_deleted(string version)
    {
        var (type, contact, _) = await TicketWorldAsync();
        var api = Api.WithVersion(version);
        var id = (await api.PostAsync("/tickets", new { ticket_type_id = type, contacts = new[] { new { id = contact } }, ticket_attributes = new { Priority = "Low" } })).Ok()["id"].GetString()!;
        var ticket = (await api.GetAsync($"/tickets/{id}")).Ok();
        // 2.11's ticket_state is the state's category, its labels beside it.
        Assert.Equal(("submitted", "Submitted", "Submitted"), (ticket["ticket_state"].GetString(), ticket["ticket_state_internal_label"].GetString(),
            ticket["ticket_state_external_label"].GetString()));
        (await api.DeleteAsync($"/tickets/{id}")).Error(400, "intercom_version_invalid");
    }

    [Theory]
    [InlineData("2.11")]
    [InlineData("2.13")]
    public async Task Before_2_14_an_update_names_the_state_by_category_and_the_assignment_as_2_11_does(string version)
    {
        var (type, contact, _) = await TicketWorldAsync();
        var api = Api.WithVersion(version);
        var admin = (await api.GetAsync("/me")).Ok()["id"].GetString()!;
        var id = (await api.PostAsync("/tickets", new { ticket_type_id = type, contacts = new[] { new { id = contact } }, ticket_attributes = new { Priority = "Low" } })).Ok()["id"].GetString()!;
        var answer = await api.PutAsync($"/tickets/{id}", new { state = "resolved", assignment = new { admin_id = admin, assignee_id = admin }, open = false });
        var updated = answer.Ok();
        Assert.Null(answer.Header("X-Emulator-Warning"));
        Assert.Equal(("resolved", admin, false), (updated["ticket_state"].GetString(), updated["admin_assignee_id"].GetString(), updated["open"].GetBoolean()));
        Assert.Equal(["ticket_state_updated_by_admin", "ticket_state_updated_by_admin", "assignment", "close"], PartTypes(updated.Json));

        // 2.11's states are its enum's three; its 404s are 2.14's.
        Assert.Contains("in_progress, waiting_on_customer or resolved", (await api.PutAsync($"/tickets/{id}", new { state = "open" })).Error(400, "parameter_invalid"));
        Assert.Equal("Assignee not found", (await api.PutAsync($"/tickets/{id}", new { assignment = new { admin_id = "123" } })).Error(404, "assignee_not_found"));
        Assert.Equal("Assignee not found", (await api.PutAsync($"/tickets/{id}", new { assignment = new { assignee_id = "456" } })).Error(404, "assignee_not_found"));
        // 2.14's names are not 2.11's: ignored with the warning that lists 2.11's.
        var later = await api.PutAsync($"/tickets/{id}", new { ticket_state_id = "2" });
        Assert.Equal("resolved", later.Ok()["ticket_state"].GetString());
        Assert.Contains("'ticket_state_id'", later.Header("X-Emulator-Warning"));
        Assert.Contains("assignment", later.Header("X-Emulator-Warning")!.Split("takes")[1]);
    }

    [Theory]
    [InlineData("2.11")]
    [InlineData("2.13")]
    public async Task Before_2_14_a_new_tickets_link_assignment_and_skip_notifications_are_unknown_fields(string version)
    {
        // 2.11's create_ticket_request and ticket replies have none of them (2.14 adds them): there the emulator
        // assigned, refused the link and checked skip_notifications as 2.14 does. Now each is named and ignored.
        var (type, contact, _) = await TicketWorldAsync();
        var api = Api.WithVersion(version);
        var admin = (await api.GetAsync("/me")).Ok()["id"].GetString()!;
        var sent = new
        {
            ticket_type_id = type, contacts = new[] { new { id = contact } }, ticket_attributes = new { Priority = "Low" },
            conversation_to_link_id = "123", assignment = new { admin_assignee_id = admin }, skip_notifications = "yes",
        };
        var answer = await api.PostAsync("/tickets", sent);
        var made = answer.Ok();
        Assert.Equal("ignored unknown fields 'conversation_to_link_id', 'assignment', 'skip_notifications'; POST /tickets takes company_id, contacts, created_at, ticket_attributes, ticket_type_id",
            answer.Header("X-Emulator-Warning"));
        Assert.Equal(("0", "submitted"), (made["admin_assignee_id"].GetString(), made["ticket_state"].GetString()));

        var id = made["id"].GetString()!;
        var reply = await api.PostAsync($"/tickets/{id}/reply", new { message_type = "comment", type = "admin", admin_id = admin, body = "On it", skip_notifications = "yes" });
        Assert.Equal("comment", reply.Ok()["part_type"].GetString());
        Assert.StartsWith($"ignored unknown field 'skip_notifications'; POST /tickets/{id}/reply takes ", reply.Header("X-Emulator-Warning"));

        // 2.14 reads all three: skip_notifications must be a boolean, the link is read (a customer ticket takes none), the assignment is made.
        Assert.Equal("skip_notifications must be a boolean, not a string", (await Api.PostAsync("/tickets", sent)).Error(400, "parameter_invalid"));
        Assert.Equal("A conversation links to a back-office or tracker ticket, not a Customer one",
            (await Api.PostAsync("/tickets", new { ticket_type_id = type, contacts = new[] { new { id = contact } }, ticket_attributes = new { Priority = "Low" }, conversation_to_link_id = "123" }))
            .Error(400, "parameter_invalid"));
        Assert.Equal("skip_notifications must be a boolean, not a string",
            (await Api.PostAsync($"/tickets/{id}/reply", new { message_type = "comment", type = "admin", admin_id = admin, body = "On it", skip_notifications = "yes" })).Error(400, "parameter_invalid"));
        var assigned = (await Api.PostAsync("/tickets", new
        {
            ticket_type_id = type, contacts = new[] { new { id = contact } }, ticket_attributes = new { Priority = "Low" }, assignment = new { admin_assignee_id = admin }, skip_notifications = true,
        })).Ok();
        Assert.Equal(admin, assigned["admin_assignee_id"].GetString());
    }

    [Fact]
    public async Task In_2_16_a_ticket_reply_takes_attachment_files_and_refuses_them_as_not_emulated()
    {
        var (type, contact, _) = await TicketWorldAsync();
        var admin = (await Api.GetAsync("/me")).Ok()["id"].GetString()!;
        var id = (await Api.PostAsync("/tickets", new { ticket_type_id = type, contacts = new[] { new { id = contact } }, ticket_attributes = new { Priority = "Low" } })).Ok()["id"].GetString()!;
        var files = new[] { new { content_type = "text/plain", data = "aGk=", name = "hi.txt" } };
        var refused = await Api.WithVersion("2.16").PostAsync($"/tickets/{id}/reply", new { message_type = "comment", type = "admin", admin_id = admin, body = "See file", attachment_files = files });
        Assert.Equal("attachment_files is not emulated: replies carry no attachments here", refused.Error(400, "parameter_invalid"));
        Assert.Null(refused.Header("X-Emulator-Warning"));
        Assert.Equal(["ticket_state_updated_by_admin"], PartTypes((await Api.GetAsync($"/tickets/{id}")).Ok().Json)); // nothing was added

        // 2.14's ticket reply has no attachment_files: named, ignored, and the reply is made.
        var answer = await Api.PostAsync($"/tickets/{id}/reply", new { message_type = "comment", type = "admin", admin_id = admin, body = "See file", attachment_files = files });
        Assert.Equal("comment", answer.Ok()["part_type"].GetString());
        Assert.StartsWith($"ignored unknown field 'attachment_files'; POST /tickets/{id}/reply takes ", answer.Header("X-Emulator-Warning"));
    }

    [Fact]
    public async Task In_2_16_a_tickets_assignees_are_integers()
    {
        var (type, contact, _) = await TicketWorldAsync();
        var api = Api.WithVersion("2.16");
        var admin = (await api.GetAsync("/me")).Ok()["id"].GetString()!;
        var id = (await api.PostAsync("/tickets", new { ticket_type_id = type, contacts = new[] { new { id = contact } }, ticket_attributes = new { Priority = "Low" } })).Ok()["id"].GetString()!;
        var assigned = (await api.PutAsync($"/tickets/{id}", new { assignee_id = admin })).Ok();
        Assert.Equal((long.Parse(admin), 0L), (assigned["admin_assignee_id"].GetInt64(), assigned["team_assignee_id"].GetInt64()));
    }

    [Fact]
    public async Task In_2_16_a_ticket_names_the_state_its_last_state_change_left()
    {
        var (type, contact, _) = await TicketWorldAsync();
        var api = Api.WithVersion("2.16");
        var created = (await api.PostAsync("/tickets", new { ticket_type_id = type, contacts = new[] { new { id = contact } }, ticket_attributes = new { Priority = "Low" } })).Ok();
        var id = created["id"].GetString()!;
        // No state change yet: null, as the description says.
        Assert.Equal(JsonValueKind.Null, created["previous_ticket_state_id"].ValueKind);
        Assert.Equal("1", (await api.PutAsync($"/tickets/{id}", new { ticket_state_id = "2" })).Ok()["previous_ticket_state_id"].GetString());
        // A change that changes nothing else keeps the last state change's.
        Assert.Equal("1", (await api.PutAsync($"/tickets/{id}", new { open = false })).Ok()["previous_ticket_state_id"].GetString());
        Assert.Equal("2", (await api.PutAsync($"/tickets/{id}", new { ticket_state_id = "4" })).Ok()["previous_ticket_state_id"].GetString());
        Assert.Equal("2", (await api.GetAsync($"/tickets/{id}")).Ok()["previous_ticket_state_id"].GetString());
        // 2.14's ticket has no such field.
        Assert.False((await Api.GetAsync($"/tickets/{id}")).Ok().Json.TryGetProperty("previous_ticket_state_id", out _));
    }

    [Fact]
    public async Task A_deleted_tickets_number_is_never_given_again()
    {
        var (type, contact, _) = await TicketWorldAsync();
        async Task<(string Id, string Number)> New()
        {
            var made = (await Api.PostAsync("/tickets", new { ticket_type_id = type, contacts = new[] { new { id = contact } }, ticket_attributes = new { Priority = "Low" } })).Ok();
            return (made["id"].GetString()!, made["ticket_id"].GetString()!);
        }

        Assert.Equal("1", (await New()).Number);
        var second = await New();
        Assert.Equal("2", second.Number);
        (await Api.DeleteAsync($"/tickets/{second.Id}")).Ok();
        // The Inbox's number 2 named the deleted ticket: the next is 3, as Intercom numbers them.
        Assert.Equal("3", (await New()).Number);

        // Another app numbers its own from 1; a reset starts the app's numbering again.
        var other = fixture.V2For(EmulatorFixture.OtherApiKey);
        await fixture.Admin.ResetAsync(EmulatorFixture.OtherAppId);
        var otherType = (await other.PostAsync("/ticket_types", new { name = "Other" })).Ok()["id"].GetString()!;
        var otherContact = (await other.PostAsync("/contacts", new { email = EmulatorFixture.NewEmail() })).Ok()["id"].GetString()!;
        var otherTicket = (await other.PostAsync("/tickets", new { ticket_type_id = otherType, contacts = new[] { new { id = otherContact } } })).Ok();
        Assert.Equal("1", otherTicket["ticket_id"].GetString());
        await fixture.ResetAsync();
        // This app's reset leaves the other app's ticket as it was, its contact, type and parts with it.
        Assert.Equal(otherTicket.Text, (await other.GetAsync($"/tickets/{otherTicket["id"].GetString()}")).Ok().Text);
        (type, contact, _) = await TicketWorldAsync();
        Assert.Equal("1", (await New()).Number);
    }

    [Fact]
    public async Task Tickets_are_searched_by_the_search_language_and_paged_by_its_cursor()
    {
        var (type, contact, _) = await TicketWorldAsync();
        var admin = (await Api.GetAsync("/me")).Ok()["id"].GetString()!;
        var tag = (await Api.PostAsync("/tags", new { name = EmulatorFixture.NewId("tag") })).Ok()["id"].GetString()!;
        var ids = new List<string>();
        for (var i = 0; i < 5; i++)
        {
            ids.Add((await Api.PostAsync("/tickets", new
            {
                ticket_type_id = type, contacts = new[] { new { id = contact } }, created_at = 1_700_000_000 + i,
                ticket_attributes = new Dictionary<string, object> { ["Priority"] = "Low", ["_default_title_"] = i % 2 == 0 ? "Login broken" : "Slow page" },
            })).Ok()["id"].GetString()!);
        }

        (await Api.PutAsync($"/tickets/{ids[1]}", new { ticket_state_id = "4", open = false, assignee_id = admin })).Ok();
        (await Api.PostAsync($"/tickets/{ids[3]}/tags", new { id = tag, admin_id = admin })).Ok();

        async Task<string[]> Found(object query) =>
            (await Api.PostAsync("/tickets/search", new { query })).Ok()["tickets"].EnumerateArray().Select(t => t.GetProperty("id").GetString()!).ToArray();

        Assert.Equal([ids[0], ids[2], ids[4]], await Found(new { field = "title", @operator = "~", value = "login" }));
        Assert.Equal([ids[1]], await Found(new { field = "state", @operator = "=", value = "resolved" }));
        Assert.Equal([ids[1]], await Found(new { field = "open", @operator = "=", value = false }));
        Assert.Equal([ids[1]], await Found(new { field = "admin_assignee_id", @operator = "=", value = admin }));
        Assert.Equal([ids[3]], await Found(new { field = "tag_ids", @operator = "=", value = tag }));
        Assert.Equal(ids, await Found(new { field = "category", @operator = "=", value = "request" }));
        Assert.Equal(ids, await Found(new { field = "contact_ids", @operator = "=", value = contact }));
        Assert.Equal([ids[3], ids[4]], await Found(new
        {
            @operator = "AND",
            value = new object[] { new { field = "created_at", @operator = ">", value = 1_700_000_002 }, new { field = "ticket_type_id", @operator = "=", value = type } },
        }));

        // Two a page: the sealed cursor walks every ticket once, newest first when sorted so.
        var first = (await Api.PostAsync("/tickets/search", new { query = new { field = "id", @operator = "!=", value = "0" }, pagination = new { per_page = 2 }, sort = new { field = "created_at", order = "descending" } })).Ok();
        Assert.Equal(("ticket.list", 5), (first["type"].GetString(), first["total_count"].GetInt32()));
        var walked = first["tickets"].EnumerateArray().Select(t => t.GetProperty("id").GetString()!).ToList();
        var next = first["pages"].GetProperty("next").GetProperty("starting_after").GetString();
        while (next is not null)
        {
            var page = (await Api.PostAsync("/tickets/search", new { query = new { field = "id", @operator = "!=", value = "0" }, pagination = new { per_page = 2, starting_after = next }, sort = new { field = "created_at", order = "descending" } })).Ok();
            walked.AddRange(page["tickets"].EnumerateArray().Select(t => t.GetProperty("id").GetString()!));
            next = page["pages"].TryGetProperty("next", out var n) ? n.GetProperty("starting_after").GetString() : null;
        }

        Assert.Equal(Enumerable.Reverse(ids), walked);
        Assert.Contains("teammate_ids", (await Api.PostAsync("/tickets/search", new { query = new { field = "teammate_ids", @operator = "=", value = admin } })).Error(400, "parameter_invalid"));
    }

    [Fact]
    public async Task A_search_walk_writes_each_ticket_once_while_tickets_are_made_and_deleted_mid_walk()
    {
        var (type, contact, _) = await TicketWorldAsync();
        async Task<string> New(long? created = null) => (await Api.PostAsync("/tickets", new
        {
            ticket_type_id = type, contacts = new[] { new { id = contact } }, created_at = created, ticket_attributes = new { Priority = "Low" },
        })).Ok()["id"].GetString()!;
        var ids = new List<string>();
        for (var i = 0; i < 6; i++)
        {
            ids.Add(await New(1_700_000_000 + i));
        }

        var query = new { field = "category", @operator = "=", value = "request" };
        var sort = new { field = "created_at", order = "ascending" };
        var first = (await Api.PostAsync("/tickets/search", new { query, sort, pagination = new { per_page = 2 } })).Ok();
        var walked = first["tickets"].EnumerateArray().Select(t => t.GetProperty("id").GetString()!).ToList();
        Assert.Equal(ids[..2], walked);

        // Mid-walk: one already read and one not yet read are deleted, and a new one is made (newest, so last).
        (await Api.DeleteAsync($"/tickets/{ids[0]}")).Ok();
        (await Api.DeleteAsync($"/tickets/{ids[3]}")).Ok();
        var made = await New();
        var next = first["pages"].GetProperty("next").GetProperty("starting_after").GetString();
        var total = 0;
        while (next is not null)
        {
            var page = (await Api.PostAsync("/tickets/search", new { query, sort, pagination = new { per_page = 2, starting_after = next } })).Ok();
            walked.AddRange(page["tickets"].EnumerateArray().Select(t => t.GetProperty("id").GetString()!));
            total = page["total_count"].GetInt32();
            next = page["pages"].TryGetProperty("next", out var n) ? n.GetProperty("starting_after").GetString() : null;
        }

        Assert.Equal([ids[0], ids[1], ids[2], ids[4], ids[5], made], walked);
        Assert.Equal(5, total);

        // Another app's search finds none of them.
        Assert.Equal(0, (await fixture.V2For(EmulatorFixture.OtherApiKey).PostAsync("/tickets/search", new { query = new { field = "id", @operator = "=", value = made } })).Ok()["total_count"].GetInt32());
    }

    [Fact]
    public async Task A_deleted_tag_leaves_the_tickets_it_was_on()
    {
        var (type, contact, _) = await TicketWorldAsync();
        var admin = (await Api.GetAsync("/me")).Ok()["id"].GetString()!;
        var tag = (await Api.PostAsync("/tags", new { name = EmulatorFixture.NewId("tag") })).Ok()["id"].GetString()!;
        var id = (await Api.PostAsync("/tickets", new { ticket_type_id = type, contacts = new[] { new { id = contact } }, ticket_attributes = new { Priority = "Low" } })).Ok()["id"].GetString()!;
        (await Api.PostAsync($"/tickets/{id}/tags", new { id = tag, admin_id = admin })).Ok();
        (await Api.DeleteAsync($"/tags/{tag}")).Ok();
        (await Api.GetAsync($"/tickets/{id}")).Ok();
        Assert.Equal("Tag not found", (await Api.SendAsync(System.Net.Http.HttpMethod.Delete, $"/tickets/{id}/tags/{tag}", new { admin_id = admin })).Error(404, "tag_not_found"));
    }

    [Fact]
    public async Task A_search_holds_each_field_to_its_type_and_operators()
    {
        await TicketWorldAsync();
        async Task<string> Refused(object query) => (await Api.PostAsync("/tickets/search", new { query })).Error(400, "parameter_invalid");
        Assert.Contains("open", await Refused(new { field = "open", @operator = "~", value = true }));
        Assert.Contains("created_at", await Refused(new { field = "created_at", @operator = "=", value = "yesterday" }));
        Assert.Contains("title", await Refused(new { field = "title", @operator = ">", value = "a" }));
        Assert.Contains("ticket_attribute.1", await Refused(new { field = "ticket_attribute.1", @operator = "=", value = "a" }));
        (await Api.PostAsync("/tickets/search", new { query = new { field = "state", @operator = "IN", value = new[] { "submitted", "resolved" } } })).Ok();
        (await Api.PostAsync("/tickets/search", new { query = new { field = "snoozed_until", @operator = ">", value = 1 } })).Ok();
    }

    [Fact]
    public async Task An_enqueued_ticket_is_made_at_once_and_its_job_names_it()
    {
        var (type, contact, _) = await TicketWorldAsync();
        var job = (await Api.PostAsync("/tickets/enqueue", new { ticket_type_id = type, contacts = new[] { new { id = contact } }, ticket_attributes = new { Priority = "High" } })).Ok();
        Assert.Equal(("job", "pending", "ticket"), (job["type"].GetString(), job["status"].GetString(), job["resource_type"].GetString()));
        Assert.Equal(JsonValueKind.Null, job["resource_id"].ValueKind);
        var id = job["id"].GetString()!;
        Assert.EndsWith($"/jobs/status/{id}", job["url"].GetString());

        var done = (await Api.GetAsync($"/jobs/status/{id}")).Ok();
        Assert.Equal("success", done["status"].GetString());
        var ticket = done["resource_id"].GetString()!;
        Assert.EndsWith($"/tickets/{ticket}", done["resource_url"].GetString());
        Assert.Equal("High", (await Api.GetAsync($"/tickets/{ticket}")).Ok()["ticket_attributes"].GetProperty("Priority").GetString());

        // A ticket that would be refused is refused before any job is made (the description's 400); an unknown job is its 404.
        Assert.Equal("Missing required ticket attributes",
            (await Api.PostAsync("/tickets/enqueue", new { ticket_type_id = type, contacts = new[] { new { id = contact } } })).Error(400, "parameter_invalid"));
        Assert.Equal("Job Not Found", (await Api.GetAsync("/jobs/status/999999")).Error(404, "job_not_found"));
        Assert.Equal("Job Not Found", (await fixture.V2For(EmulatorFixture.OtherApiKey).GetAsync($"/jobs/status/{id}")).Error(404, "job_not_found"));
        (await Api.WithVersion("2.13").GetAsync($"/jobs/status/{id}")).Error(400, "intercom_version_invalid");
    }
}
