using System.Collections.Generic;
using System.Linq;
using System.Text.Json;
using System.Threading.Tasks;
using IntercomPS.Testing;
using Xunit;

namespace IntercomPS.V2.Tests;

/// <summary>
/// 2.16's ticket type change (POST /tickets/{id}/change_type) and conversations linked to tracker tickets (POST and
/// DELETE /tickets/{id}/linked_conversations), with POST /tickets' conversation_to_link_id (2.14) recording the same
/// link; a ticket's linked_objects list what is linked, in every version.
/// </summary>
public class TicketLinksTests(EmulatorFixture fixture) : IClassFixture<EmulatorFixture>
{
    private V2Client Api => fixture.V2.WithVersion("2.16");

    private async Task<string> TypeAsync(string name, string category, params object[] attributes)
    {
        var type = (await Api.PostAsync("/ticket_types", new { name, category })).Ok()["id"].GetString()!;
        foreach (var attribute in attributes)
        {
            (await Api.PostAsync($"/ticket_types/{type}/attributes", attribute)).Ok();
        }

        return type;
    }

    private async Task<string> ContactAsync() => (await Api.PostAsync("/contacts", new { email = EmulatorFixture.NewEmail() })).Ok()["id"].GetString()!;

    private async Task<string> ConversationAsync(string contact) =>
        (await Api.PostAsync("/conversations", new { from = new { type = "user", id = contact }, body = "Checkout fails" })).Ok()["conversation_id"].GetString()!;

    private async Task<string> TicketAsync(string type, string contact, object? attributes = null, string? link = null, V2Client? api = null) =>
        (await (api ?? Api).PostAsync("/tickets", link is null
            ? new { ticket_type_id = type, contacts = new[] { new { id = contact } }, ticket_attributes = attributes ?? new { } }
            : (object)new { ticket_type_id = type, contacts = new[] { new { id = contact } }, ticket_attributes = attributes ?? new { }, conversation_to_link_id = link })).Ok()["id"].GetString()!;

    private static string[] Linked(JsonElement ticket)
    {
        var list = ticket.GetProperty("linked_objects");
        var data = list.GetProperty("data").EnumerateArray()
            .Select(o => $"{o.GetProperty("type").GetString()} {o.GetProperty("id").GetString()}{(o.TryGetProperty("category", out var c) ? " " + c.GetString() : "")}").ToArray();
        Assert.Equal(data.Length, list.GetProperty("total_count").GetInt32());
        return data;
    }

    private async Task<string> StateIdAsync(string category) =>
        (await Api.GetAsync("/ticket_states")).Ok()["data"].EnumerateArray().First(s => s.GetProperty("category").GetString() == category).GetProperty("id").GetString()!;

    [Fact]
    public async Task A_ticket_changes_type_in_its_category_carrying_the_attributes_both_types_have()
    {
        await fixture.ResetAsync();
        var contact = await ContactAsync();
        var from = await TypeAsync("Checkout Problem", "Customer",
            new { name = "Priority", description = "How urgent", data_type = "list", list_items = "Low,High", required_to_create = true },
            new { name = "Seats", description = "How many", data_type = "integer" },
            new { name = "Browser", description = "Which", data_type = "string" });
        var to = await TypeAsync("Billing Problem", "Customer",
            new { name = "Priority", description = "How urgent", data_type = "list", list_items = "Low,Medium", required_to_create = true },
            new { name = "Seats", description = "How many", data_type = "string" },
            new { name = "Browser", description = "Which", data_type = "string" });
        var id = await TicketAsync(from, contact, new Dictionary<string, object> { ["_default_title_"] = "Broken", ["Priority"] = "High", ["Seats"] = 12, ["Browser"] = "Firefox" });
        var inProgress = await StateIdAsync("in_progress");

        // High is not on the new list and Seats is another data type: dropped, so the required Priority must be given.
        Assert.Equal("Missing required ticket attributes",
            (await Api.PostAsync($"/tickets/{id}/change_type", new { ticket_type_id = to, ticket_state_id = inProgress })).Error(400, "parameter_invalid"));
        var changed = (await Api.PostAsync($"/tickets/{id}/change_type", new { ticket_type_id = to, ticket_state_id = inProgress, ticket_attributes = new { Priority = "Medium" } })).Ok();
        Assert.Equal(to, changed["ticket_type"].GetProperty("id").GetString());
        Assert.Equal("in_progress", changed["ticket_state"].GetProperty("category").GetString());
        Assert.Equal("""{"_default_title_":"Broken","Browser":"Firefox","Priority":"Medium"}""", changed["ticket_attributes"].GetRawText());
        var parts = changed["ticket_parts"].GetProperty("ticket_parts").EnumerateArray().ToArray();
        Assert.Equal(("in_progress", "submitted"), (parts[^1].GetProperty("ticket_state").GetString(), parts[^1].GetProperty("previous_ticket_state").GetString()));
        Assert.Equal(changed.Text, (await Api.GetAsync($"/tickets/{id}")).Ok().Text);
    }

    [Fact]
    public async Task A_type_change_is_refused_as_the_description_says_and_changes_nothing()
    {
        await fixture.ResetAsync();
        var contact = await ContactAsync();
        var from = await TypeAsync("Checkout Problem", "Customer");
        var to = await TypeAsync("Billing Problem", "Customer");
        var tracker = await TypeAsync("Outage", "Tracker");
        var id = await TicketAsync(from, contact, new { _default_title_ = "Broken" });
        var state = await StateIdAsync("submitted");
        var before = (await Api.GetAsync($"/tickets/{id}")).Ok().Text;
        async Task<string> Refused(object body, int status = 400, string code = "parameter_invalid", string? ticket = null) =>
            (await Api.PostAsync($"/tickets/{ticket ?? id}/change_type", body)).Error(status, code);

        Assert.Equal("ticket_type_id is a required parameter", await Refused(new { ticket_state_id = state }, code: "parameter_not_found"));
        Assert.Equal("ticket_state_id is a required parameter", await Refused(new { ticket_type_id = to }, code: "parameter_not_found"));
        Assert.Equal("Cannot change to the same ticket type", await Refused(new { ticket_type_id = from, ticket_state_id = state }));
        Assert.Equal("The new ticket type must be in the same category as the current type: Outage is Tracker, the ticket is Customer",
            await Refused(new { ticket_type_id = tracker, ticket_state_id = state }));
        Assert.Equal("Ticket custom state doesn't belong to the new ticket type", await Refused(new { ticket_type_id = to, ticket_state_id = "999" }));
        Assert.Equal("Extra attributes provided that are not found on ticket type: Priority",
            await Refused(new { ticket_type_id = to, ticket_state_id = state, ticket_attributes = new { Priority = "High" } }));
        Assert.Equal("Ticket type not found", await Refused(new { ticket_type_id = "999999", ticket_state_id = state }, 404, "not_found"));
        Assert.Equal("Resource Not Found", await Refused(new { ticket_type_id = to, ticket_state_id = state }, 404, "not_found", ticket: "999999"));
        Assert.Equal(before, (await Api.GetAsync($"/tickets/{id}")).Ok().Text);
    }

    [Fact]
    public async Task A_conversation_is_linked_to_one_tracker_listed_both_ways_and_unlinked()
    {
        await fixture.ResetAsync();
        var contact = await ContactAsync();
        var (first, second) = (await ConversationAsync(contact), await ConversationAsync(contact));
        var trackerType = await TypeAsync("Outage", "Tracker");
        var customerType = await TypeAsync("Checkout Problem", "Customer");
        var tracker = await TicketAsync(trackerType, contact, new { _default_title_ = "Payments down" });
        var other = await TicketAsync(trackerType, contact, new { _default_title_ = "Search down" });
        var customer = await TicketAsync(customerType, contact, new { _default_title_ = "Mine" });

        var linked = (await Api.PostAsync($"/tickets/{tracker}/linked_conversations", new { conversation_id = first })).Ok();
        Assert.Equal(("conversation", first), (linked["type"].GetString(), linked["id"].GetString()));
        (await Api.PostAsync($"/tickets/{tracker}/linked_conversations", new { conversation_id = second })).Ok();
        (await Api.PostAsync($"/tickets/{tracker}/linked_conversations", new { conversation_id = first })).Ok(); // again: no change
        Assert.Equal([$"conversation {first}", $"conversation {second}"], Linked((await Api.GetAsync($"/tickets/{tracker}")).Ok().Json));
        Assert.Equal([$"conversation {first}", $"conversation {second}"], Linked((await Api.WithVersion("2.14").GetAsync($"/tickets/{tracker}")).Ok().Json));

        // The customer ticket the conversation becomes lists the tracker its conversation is linked to.
        var converted = (await Api.PostAsync($"/conversations/{first}/convert", new { ticket_type_id = customerType })).Ok();
        Assert.Equal([$"ticket {tracker} Tracker"], Linked(converted.Json));

        async Task<string> Refused(string ticket, object body, int status = 400, string? code = null) =>
            (await Api.PostAsync($"/tickets/{ticket}/linked_conversations", body)).Error(status, code!);
        Assert.Equal("A conversation can only have one tracker ticket", await Refused(other, new { conversation_id = first }, code: "already_linked_to_tracker"));
        Assert.Equal("Only tracker tickets support linking conversations", await Refused(customer, new { conversation_id = first }, code: "invalid_ticket_type"));
        Assert.Equal("conversation_id not specified", await Refused(tracker, new { }, code: "parameter_not_found"));
        Assert.Equal("Conversation not found", await Refused(tracker, new { conversation_id = "999999" }, 404, "conversation_not_found"));
        Assert.Equal("Ticket not found", await Refused("999999", new { conversation_id = first }, 404, "ticket_not_found"));
        Assert.Empty(Linked((await Api.GetAsync($"/tickets/{other}")).Ok().Json));

        var unlinked = (await Api.DeleteAsync($"/tickets/{tracker}/linked_conversations/{first}")).Ok();
        Assert.Equal(first, unlinked["id"].GetString());
        Assert.Equal([$"conversation {second}"], Linked((await Api.GetAsync($"/tickets/{tracker}")).Ok().Json));
        Assert.Empty(Linked((await Api.GetAsync($"/tickets/{converted["id"].GetString()}")).Ok().Json));
        Assert.Equal("Conversation is not linked to this ticket",
            (await Api.DeleteAsync($"/tickets/{tracker}/linked_conversations/{first}")).Error(404, "conversation_not_found"));
        Assert.Equal("Only tracker tickets support unlinking conversations",
            (await Api.DeleteAsync($"/tickets/{customer}/linked_conversations/{first}")).Error(400, "invalid_ticket_type"));

        // Now free of a tracker, the conversation links to another; a deleted tracker takes its links with it.
        (await Api.PostAsync($"/tickets/{other}/linked_conversations", new { conversation_id = first })).Ok();
        (await Api.DeleteAsync($"/tickets/{other}")).Ok();
        (await Api.PostAsync($"/tickets/{tracker}/linked_conversations", new { conversation_id = first })).Ok();
    }

    [Fact]
    public async Task Post_tickets_conversation_to_link_id_records_the_link_the_2_16_operations_see()
    {
        await fixture.ResetAsync();
        var api = Api.WithVersion("2.14");
        var contact = await ContactAsync();
        var conversation = await ConversationAsync(contact);
        var trackerType = await TypeAsync("Outage", "Tracker");
        var backOfficeType = await TypeAsync("Refund", "Back-office");
        var customerType = await TypeAsync("Checkout Problem", "Customer");

        var tracker = (await api.PostAsync("/tickets", new { ticket_type_id = trackerType, contacts = new[] { new { id = contact } }, conversation_to_link_id = conversation })).Ok();
        Assert.Equal([$"conversation {conversation}"], Linked(tracker.Json));
        var backOffice = (await api.PostAsync("/tickets", new { ticket_type_id = backOfficeType, contacts = new[] { new { id = contact } }, conversation_to_link_id = conversation })).Ok();
        Assert.Equal([$"conversation {conversation}"], Linked(backOffice.Json)); // a back-office ticket is no tracker: both link it

        async Task<string> Refused(string type, string link, int status = 400, string code = "parameter_invalid") =>
            (await api.PostAsync("/tickets", new { ticket_type_id = type, contacts = new[] { new { id = contact } }, conversation_to_link_id = link })).Error(status, code);
        Assert.Equal("A conversation can only have one tracker ticket", await Refused(trackerType, conversation, code: "already_linked_to_tracker"));
        Assert.Equal("A conversation links to a back-office or tracker ticket, not a Customer one", await Refused(customerType, conversation));
        Assert.Equal("Conversation not found", await Refused(backOfficeType, "999999", 404, "conversation_not_found"));
        Assert.Equal("Conversation not found", await Refused(backOfficeType, "abc", 404, "conversation_not_found"));
        Assert.Equal(2, (await api.PostAsync("/tickets/search", new { query = new { field = "open", @operator = "=", value = true } })).Ok()["total_count"].GetInt32());

        Assert.Equal("Only tracker tickets support unlinking conversations",
            (await Api.DeleteAsync($"/tickets/{backOffice["id"].GetString()}/linked_conversations/{conversation}")).Error(400, "invalid_ticket_type"));
        (await Api.DeleteAsync($"/tickets/{tracker["id"].GetString()}/linked_conversations/{conversation}")).Ok();
        Assert.Empty(Linked((await api.GetAsync($"/tickets/{tracker["id"].GetString()}")).Ok().Json));
    }

    [Theory]
    [InlineData("2.11")]
    [InlineData("2.14")]
    [InlineData("2.15")]
    [InlineData("2.16")]
    public async Task A_conversation_carries_the_tickets_it_is_linked_to_and_the_ticket_it_became_in_every_answer(string version)
    {
        await fixture.ResetAsync();
        var api = Api.WithVersion(version);
        var contact = await ContactAsync();
        var (first, second, plain) = (await ConversationAsync(contact), await ConversationAsync(contact), await ConversationAsync(contact));
        var trackerType = await TypeAsync("Outage", "Tracker");
        var backOfficeType = await TypeAsync("Refund", "Back-office");
        var customerType = await TypeAsync("Checkout Problem", "Customer");
        var tracker = await TicketAsync(trackerType, contact, link: first);
        var backOffice = await TicketAsync(backOfficeType, contact, link: first);
        (await Api.PostAsync($"/tickets/{tracker}/linked_conversations", new { conversation_id = second })).Ok();
        var customer = (await api.PostAsync($"/conversations/{first}/convert", new { ticket_type_id = customerType })).Ok()["id"].GetString()!;

        // GET, the list, the search and a write's answer all carry them, as the description's examples do.
        var got = (await api.GetAsync($"/conversations/{first}")).Ok();
        Assert.Equal([$"ticket {tracker} Tracker", $"ticket {backOffice} Back-office"], Linked(got.Json));
        Assert.False(got["linked_objects"].GetProperty("has_more").GetBoolean());
        Assert.Equal($$"""{"type":"ticket","id":"{{customer}}","category":"Customer"}""", got["ticket"].GetRawText());
        var listed = (await api.GetAsync("/conversations")).Ok()["conversations"].EnumerateArray().ToDictionary(c => c.GetProperty("id").GetString()!);
        Assert.Equal([$"ticket {tracker} Tracker"], Linked(listed[second]));
        Assert.Equal((JsonValueKind.Null, 0), (listed[plain].GetProperty("ticket").ValueKind, Linked(listed[plain]).Length));
        Assert.Equal(got["ticket"].GetRawText(), listed[first].GetProperty("ticket").GetRawText());
        var found = (await api.PostAsync("/conversations/search", new { query = new { field = "id", @operator = "=", value = second } })).Ok()["conversations"][0];
        Assert.Equal([$"ticket {tracker} Tracker"], Linked(found));
        var replied = (await api.PostAsync($"/conversations/{second}/parts", new { message_type = "close", type = "admin", admin_id = (await api.GetAsync("/me")).Ok()["id"].GetString() })).Ok();
        Assert.Equal([$"ticket {tracker} Tracker"], Linked(replied.Json));

        // Unlinked, and the converted ticket deleted: the conversation says so.
        (await Api.DeleteAsync($"/tickets/{tracker}/linked_conversations/{second}")).Ok();
        (await Api.DeleteAsync($"/tickets/{customer}")).Ok();
        Assert.Empty(Linked((await api.GetAsync($"/conversations/{second}")).Ok().Json));
        Assert.Equal(JsonValueKind.Null, (await api.GetAsync($"/conversations/{first}")).Ok()["ticket"].ValueKind);
    }

    [Fact]
    public async Task A_merged_conversation_is_linked_to_the_one_it_was_merged_into()
    {
        await fixture.ResetAsync();
        var contact = await ContactAsync();
        var (secondary, primary) = (await ConversationAsync(contact), await ConversationAsync(contact));
        var merged = (await Api.PostAsync($"/conversations/{secondary}/merge", new { merge_into_conversation_id = long.Parse(primary, System.Globalization.CultureInfo.InvariantCulture) })).Ok();
        Assert.Empty(Linked(merged.Json)); // the primary, as the description's example answers it
        Assert.Equal([$"conversation {primary}"], Linked((await Api.GetAsync($"/conversations/{secondary}")).Ok().Json));
    }

    [Theory]
    [InlineData("2.11")]
    [InlineData("2.14")]
    [InlineData("2.15")]
    public async Task Versions_before_2_16_have_no_type_change_or_linked_conversations(string version)
    {
        await fixture.ResetAsync();
        var older = Api.WithVersion(version);
        var contact = await ContactAsync();
        var type = await TypeAsync("Outage", "Tracker");
        var id = await TicketAsync(type, contact);
        Assert.Equal("Requested resource is not available in current API version", (await older.PostAsync($"/tickets/{id}/change_type", new { ticket_type_id = type, ticket_state_id = "1" })).Error(400, "intercom_version_invalid"));
        Assert.Equal("Requested resource is not available in current API version", (await older.PostAsync($"/tickets/{id}/linked_conversations", new { conversation_id = "1" })).Error(400, "intercom_version_invalid"));
        Assert.Equal("Requested resource is not available in current API version", (await older.DeleteAsync($"/tickets/{id}/linked_conversations/1")).Error(400, "intercom_version_invalid"));
    }
}
