using System.Linq;
using System.Text.Json;
using System.Threading.Tasks;
using IntercomPS.Testing;
using Xunit;

namespace IntercomPS.V2.Tests;

/// <summary>
/// POST /conversations/{id}/convert: a conversation becomes a ticket of a Customer type (its contacts, its comments and
/// notes, then the state change), once; every answer judged by the description of the version asked.
/// </summary>
public class ConvertTests(EmulatorFixture fixture) : IClassFixture<EmulatorFixture>
{
    private V2Client Api => fixture.V2;

    /// <summary>A reset app with a Customer type (Priority required), a contact and the contact's conversation.</summary>
    private async Task<(string Type, string Contact, string Conversation)> WorldAsync(string category = "Customer")
    {
        await fixture.ResetAsync();
        var contact = (await Api.PostAsync("/contacts", new { email = EmulatorFixture.NewEmail(), name = "Joe Bloggs" })).Ok()["id"].GetString()!;
        var type = (await Api.PostAsync("/ticket_types", new { name = "Checkout Problem", category })).Ok()["id"].GetString()!;
        (await Api.PostAsync($"/ticket_types/{type}/attributes", new { name = "Priority", description = "How urgent", data_type = "list", list_items = "Low,High", required_to_create = true })).Ok();
        var conversation = (await Api.PostAsync("/conversations", new { from = new { type = "user", id = contact }, body = "Checkout fails" })).Ok()["conversation_id"].GetString()!;
        return (type, contact, conversation);
    }

    private static string[] PartTypes(JsonElement ticket) =>
        ticket.GetProperty("ticket_parts").GetProperty("ticket_parts").EnumerateArray().Select(p => p.GetProperty("part_type").GetString()!).ToArray();

    [Theory]
    [InlineData("2.11")]
    [InlineData("2.14")]
    [InlineData("2.16")]
    public async Task An_archived_type_takes_no_new_ticket_made_converted_or_changed_to(string version)
    {
        var (type, contact, id) = await WorldAsync();
        var api = Api.WithVersion(version);
        var live = (await Api.PostAsync("/ticket_types", new { name = "Billing", category = "Customer" })).Ok()["id"].GetString()!;
        var ticket = (await api.PostAsync("/tickets", new { ticket_type_id = live, contacts = new[] { new { id = contact } } })).Ok()["id"].GetString()!;
        (await Api.PutAsync($"/ticket_types/{type}", new { archived = true })).Ok();
        var archived = $"Ticket type {type} is archived: an archived ticket type takes no new tickets";

        Assert.Equal(archived, (await api.PostAsync("/tickets", new { ticket_type_id = type, contacts = new[] { new { id = contact } }, ticket_attributes = new { Priority = "High" } })).Error(400, "parameter_invalid"));
        Assert.Equal(archived, (await api.PostAsync($"/conversations/{id}/convert", new { ticket_type_id = type, attributes = new { Priority = "High" } })).Error(400, "parameter_invalid"));
        if (version == "2.16")
        {
            Assert.Equal(archived, (await api.PostAsync($"/tickets/{ticket}/change_type", new { ticket_type_id = type, ticket_state_id = "1", ticket_attributes = new { Priority = "High" } })).Error(400, "parameter_invalid"));
        }

        // Nothing was made or changed: the one ticket is still of the live type, and the conversation converts once unarchived.
        Assert.Equal(1, (await Api.PostAsync("/tickets/search", new { query = new { field = "open", @operator = "=", value = true } })).Ok()["total_count"].GetInt32());
        Assert.Equal(live, (await Api.GetAsync($"/tickets/{ticket}")).Ok()["ticket_type"].GetProperty("id").GetString());
        (await Api.PutAsync($"/ticket_types/{type}", new { archived = false })).Ok();
        (await api.PostAsync($"/conversations/{id}/convert", new { ticket_type_id = type, attributes = new { Priority = "High" } })).Ok();
    }

    [Fact]
    public async Task A_conversation_becomes_a_submitted_customer_ticket_with_its_contacts_and_parts_once()
    {
        var (type, contact, id) = await WorldAsync();
        var me = (await Api.GetAsync("/me")).Ok()["id"].GetString()!;
        var guest = (await Api.PostAsync("/contacts", new { email = EmulatorFixture.NewEmail() })).Ok()["id"].GetString()!;
        (await Api.PostAsync($"/conversations/{id}/reply", new { message_type = "comment", type = "admin", admin_id = me, body = "Which card?" })).Ok();
        (await Api.PostAsync($"/conversations/{id}/reply", new { message_type = "note", type = "admin", admin_id = me, body = "Payments bug again" })).Ok();
        (await Api.PostAsync($"/conversations/{id}/customers", new { admin_id = me, customer = new { intercom_user_id = guest } })).Ok();
        (await Api.PostAsync($"/conversations/{id}/reply", new { message_type = "comment", type = "user", intercom_user_id = guest, body = "Mine too" })).Ok();
        var conversation = (await Api.GetAsync($"/conversations/{id}")).Ok();

        var ticket = (await Api.PostAsync($"/conversations/{id}/convert", new { ticket_type_id = type, attributes = new { _default_title_ = "Checkout fails", Priority = "High" } })).Ok();
        Assert.Equal(("ticket", "1", "Customer"), (ticket["type"].GetString(), ticket["ticket_id"].GetString(), ticket["category"].GetString()));
        Assert.Equal(type, ticket["ticket_type"].GetProperty("id").GetString());
        Assert.Equal(("submitted", true, true), (ticket["ticket_state"].GetProperty("category").GetString(), ticket["open"].GetBoolean(), ticket["is_shared"].GetBoolean()));
        Assert.Equal(("Checkout fails", "High"), (ticket["ticket_attributes"].GetProperty("_default_title_").GetString(), ticket["ticket_attributes"].GetProperty("Priority").GetString()));
        Assert.Equal([contact, guest], ticket["contacts"].GetProperty("contacts").EnumerateArray().Select(c => c.GetProperty("id").GetString()!).ToArray());
        Assert.Equal(conversation["created_at"].GetInt64(), ticket["created_at"].GetInt64());
        Assert.Equal(["comment", "comment", "note", "comment", "ticket_state_updated_by_admin"], PartTypes(ticket.Json));
        var parts = ticket["ticket_parts"].GetProperty("ticket_parts").EnumerateArray().ToArray();
        Assert.Equal(("<p>Checkout fails</p>", "user", contact), (parts[0].GetProperty("body").GetString(), parts[0].GetProperty("author").GetProperty("type").GetString(),
            parts[0].GetProperty("author").GetProperty("id").GetString()));
        Assert.Equal(("admin", me), (parts[1].GetProperty("author").GetProperty("type").GetString(), parts[1].GetProperty("author").GetProperty("id").GetString()));
        Assert.Equal(("<p>Mine too</p>", "user", guest), (parts[3].GetProperty("body").GetString(), parts[3].GetProperty("author").GetProperty("type").GetString(),
            parts[3].GetProperty("author").GetProperty("id").GetString())); // by the contact who wrote it, not the conversation's own
        Assert.Equal(("submitted", "submitted"), (parts[4].GetProperty("ticket_state").GetString(), parts[4].GetProperty("previous_ticket_state").GetString()));
        var ticketId = ticket["id"].GetString()!;
        Assert.Equal(ticket.Text, (await Api.GetAsync($"/tickets/{ticketId}")).Ok().Text);

        // The conversation stays, unchanged but for the ticket it names; converting it again is refused, naming the ticket, and makes no second one.
        var after = (await Api.GetAsync($"/conversations/{id}")).Ok();
        Assert.Equal(conversation.Text.Replace("\"ticket\":null", $"\"ticket\":{{\"type\":\"ticket\",\"id\":\"{ticketId}\",\"category\":\"Customer\"}}", System.StringComparison.Ordinal), after.Text);
        Assert.Equal($"Conversation {id} has already been converted to a ticket (id {ticketId})",
            (await Api.PostAsync($"/conversations/{id}/convert", new { ticket_type_id = type, attributes = new { Priority = "Low" } })).Error(400, "parameter_invalid"));
        Assert.Equal(1, (await Api.PostAsync("/tickets/search", new { query = new { field = "open", @operator = "=", value = true } })).Ok()["total_count"].GetInt32());

        // Once its ticket is deleted, the conversation may be converted again.
        (await Api.DeleteAsync($"/tickets/{ticketId}")).Ok();
        Assert.Equal("2", (await Api.PostAsync($"/conversations/{id}/convert", new { ticket_type_id = type, attributes = new { Priority = "Low" } })).Ok()["ticket_id"].GetString());
    }

    [Fact]
    public async Task What_is_refused_is_refused_as_the_description_and_post_tickets_refuse_it_and_makes_no_ticket()
    {
        var (type, _, id) = await WorldAsync();
        var backOffice = (await Api.PostAsync("/ticket_types", new { name = "Refund", category = "Back-office" })).Ok()["id"].GetString()!;
        var tracker = (await Api.PostAsync("/ticket_types", new { name = "Outage", category = "Tracker" })).Ok()["id"].GetString()!;
        async Task<string> Refused(object body, int status = 400, string code = "parameter_invalid", string? conversation = null) =>
            (await Api.PostAsync($"/conversations/{conversation ?? id}/convert", body)).Error(status, code);

        Assert.Equal("Ticket type is not a customer ticket type", await Refused(new { ticket_type_id = backOffice }));
        Assert.Equal("Ticket type is not a customer ticket type", await Refused(new { ticket_type_id = tracker }));
        Assert.Equal("ticket_type_id is a required parameter", await Refused(new { attributes = new { Priority = "Low" } }, code: "parameter_not_found"));
        Assert.Equal("Ticket type not found", await Refused(new { ticket_type_id = "999999" }, 404, "not_found"));
        Assert.Equal("Resource Not Found", await Refused(new { ticket_type_id = type, attributes = new { Priority = "Low" } }, 404, "not_found", "999999"));
        Assert.Equal("Resource Not Found", await Refused(new { ticket_type_id = type, attributes = new { Priority = "Low" } }, 404, "not_found", "abc"));
        // Attributes as POST /tickets checks them.
        Assert.Equal("Missing required ticket attributes", await Refused(new { ticket_type_id = type }));
        Assert.Equal("Extra attributes provided that are not found on ticket type: Colour", await Refused(new { ticket_type_id = type, attributes = new { Priority = "Low", Colour = "red" } }));
        Assert.Equal("attributes.Priority must be one of its list items (Low, High), not 'Urgent'", await Refused(new { ticket_type_id = type, attributes = new { Priority = "Urgent" } }));
        Assert.Equal("attributes must be an object of attribute names and values, not a string", await Refused(new { ticket_type_id = type, attributes = "Low" }));

        // Nothing refused made a ticket or marked the conversation converted.
        Assert.Equal("1", (await Api.PostAsync($"/conversations/{id}/convert", new { ticket_type_id = type, attributes = new { Priority = "Low" } })).Ok()["ticket_id"].GetString());
    }

    [Theory]
    [InlineData("2.11")]
    [InlineData("2.13")]
    public async Task Before_2_14_the_ticket_is_written_as_2_11_writes_one(string version)
    {
        var (type, _, id) = await WorldAsync();
        var ticket = (await Api.WithVersion(version).PostAsync($"/conversations/{id}/convert", new { ticket_type_id = type, attributes = new { Priority = "Low" } })).Ok();
        Assert.Equal(("submitted", "Submitted"), (ticket["ticket_state"].GetString(), ticket["ticket_state_internal_label"].GetString()));
    }

    [Fact]
    public async Task In_2_16_the_ticket_starts_in_the_state_asked_which_2_14_does_not_know()
    {
        var (type, _, id) = await WorldAsync();
        var api = Api.WithVersion("2.16");
        Assert.Equal("Ticket state id is not valid or is not associated with the ticket type",
            (await api.PostAsync($"/conversations/{id}/convert", new { ticket_type_id = type, ticket_state_id = "99", attributes = new { Priority = "Low" } })).Error(400, "ticket_state_id_invalid"));
        var ticket = (await api.PostAsync($"/conversations/{id}/convert", new { ticket_type_id = type, ticket_state_id = "2", attributes = new { Priority = "Low" } })).Ok();
        Assert.Equal("in_progress", ticket["ticket_state"].GetProperty("category").GetString());

        var (type2, _, id2) = await WorldAsync();
        var answer = await Api.PostAsync($"/conversations/{id2}/convert", new { ticket_type_id = type2, ticket_state_id = "2", attributes = new { Priority = "Low" } });
        Assert.Equal("submitted", answer.Ok()["ticket_state"].GetProperty("category").GetString());
        Assert.Contains("'ticket_state_id'", answer.Header("X-Emulator-Warning"));
    }

    [Fact]
    public async Task The_dummy_app_converts_its_canned_conversation_checked_as_a_stored_app_and_keeps_nothing()
    {
        var dummy = fixture.V2For("dummy-app-id");
        var ticket = (await dummy.PostAsync("/conversations/1/convert", new { ticket_type_id = "1", attributes = new { Priority = "High" } })).Ok();
        Assert.Equal("submitted", ticket["ticket_state"].GetProperty("category").GetString());
        Assert.Equal("ticket_state_updated_by_admin", PartTypes(ticket.Json)[^1]);
        Assert.Equal("Ticket type not found", (await dummy.PostAsync("/conversations/1/convert", new { ticket_type_id = "2" })).Error(404, "not_found"));
        Assert.Equal("attributes.Priority must be one of its list items (Low, Medium, High), not 'Urgent'",
            (await dummy.PostAsync("/conversations/1/convert", new { ticket_type_id = "1", attributes = new { Priority = "Urgent" } })).Error(400, "parameter_invalid"));
    }
}
