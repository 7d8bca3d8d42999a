using System.Linq;
using System.Text.Json;
using System.Threading.Tasks;
using IntercomPS.Testing;
using Xunit;

namespace IntercomPS.V2.Tests;

/// <summary>
/// 2.16's POST /conversations/{id}/merge: the secondary (the path's) closed and linked to the primary, which gets a
/// merged_primary_conversation part and is answered; each keeps its own parts, contacts, tags and ticket; the
/// description's 422s, our 400 for a primary merged away, and no merge before 2.16.
/// </summary>
public class ConversationMergeTests(EmulatorFixture fixture) : IClassFixture<EmulatorFixture>
{
    private V2Client Api => fixture.V2.WithVersion("2.16");

    private async Task<(string Contact, string Conversation)> ConversationAsync(string body)
    {
        var contact = (await Api.PostAsync("/contacts", new { email = EmulatorFixture.NewEmail() })).Ok()["id"].GetString()!;
        return (contact, (await Api.PostAsync("/conversations", new { from = new { type = "user", id = contact }, body })).Ok()["conversation_id"].GetString()!);
    }

    private static string[] PartTypes(JsonElement conversation) =>
        conversation.GetProperty("conversation_parts").GetProperty("conversation_parts").EnumerateArray().Select(p => p.GetProperty("part_type").GetString()!).ToArray();

    [Fact]
    public async Task The_secondary_is_closed_and_the_primary_answered_with_a_merge_part_each_keeping_its_own()
    {
        var (contact, primary) = await ConversationAsync("Checkout fails");
        var (other, secondary) = await ConversationAsync("Checkout fails for me too");
        var me = (await Api.GetAsync("/me")).Ok()["id"].GetString()!;
        var tag = (await Api.PostAsync("/tags", new { name = EmulatorFixture.NewId("merge") })).Ok()["id"].GetString()!;
        (await Api.PostAsync($"/conversations/{secondary}/tags", new { id = tag, admin_id = me })).Ok();
        (await Api.PostAsync($"/conversations/{secondary}/reply", new { message_type = "note", type = "admin", admin_id = me, body = "Same bug" })).Ok();

        var merged = (await Api.PostAsync($"/conversations/{secondary}/merge", new { merge_into_conversation_id = long.Parse(primary, System.Globalization.CultureInfo.InvariantCulture) })).Ok();
        Assert.Equal(primary, merged["id"].GetString());
        Assert.Equal(["merged_primary_conversation"], PartTypes(merged.Json));
        var part = merged["conversation_parts"].GetProperty("conversation_parts")[0];
        Assert.Equal(("admin", me), (part.GetProperty("author").GetProperty("type").GetString(), part.GetProperty("author").GetProperty("id").GetString()));
        Assert.Equal(("open", true), (merged["state"].GetString(), merged["open"].GetBoolean()));
        Assert.Equal([contact], merged["contacts"].GetProperty("contacts").EnumerateArray().Select(c => c.GetProperty("id").GetString()));
        Assert.Equal(0, merged["tags"].GetProperty("tags").GetArrayLength());
        Assert.Equal(merged.Text, (await Api.GetAsync($"/conversations/{primary}")).Ok().Text);

        var gone = (await Api.GetAsync($"/conversations/{secondary}")).Ok();
        Assert.Equal(("closed", false), (gone["state"].GetString(), gone["open"].GetBoolean()));
        Assert.Equal(["note", "close"], PartTypes(gone.Json));
        Assert.Equal([other], gone["contacts"].GetProperty("contacts").EnumerateArray().Select(c => c.GetProperty("id").GetString()));
        Assert.Equal([tag], gone["tags"].GetProperty("tags").EnumerateArray().Select(t => t.GetProperty("id").GetString()));

        // merged once: again, or into another, is the description's 422 and writes nothing
        Assert.Equal("Secondary conversation has already been merged",
            (await Api.PostAsync($"/conversations/{secondary}/merge", new { merge_into_conversation_id = primary })).Error(422, "merge_failed"));
        Assert.Equal(["merged_primary_conversation"], PartTypes((await Api.GetAsync($"/conversations/{primary}")).Ok().Json));
    }

    [Fact]
    public async Task Bad_merges_are_refused_with_the_description_s_errors_or_ours_and_write_nothing()
    {
        var (_, primary) = await ConversationAsync("First");
        var (_, secondary) = await ConversationAsync("Second");
        var (_, third) = await ConversationAsync("Third");
        Assert.Equal("Cannot merge a conversation into itself",
            (await Api.PostAsync($"/conversations/{secondary}/merge", new { merge_into_conversation_id = secondary })).Error(422, "merge_failed"));
        Assert.Equal("Primary conversation not found",
            (await Api.PostAsync($"/conversations/{secondary}/merge", new { merge_into_conversation_id = 999999999 })).Error(422, "merge_failed"));
        Assert.Equal("Resource Not Found",
            (await Api.PostAsync("/conversations/999999999/merge", new { merge_into_conversation_id = primary })).Error(404, "not_found"));
        foreach (var bad in new object[] { new { }, new { merge_into_conversation_id = "abc" }, new { merge_into_conversation_id = 1.5 }, new { merge_into_conversation_id = -3 } })
        {
            Assert.Equal("merge_into_conversation_id must be a valid integer conversation ID",
                (await Api.PostAsync($"/conversations/{secondary}/merge", bad)).Error(400, "parameter_invalid"));
        }

        Assert.Equal(("open", 0), await StateAsync(secondary));

        // a conversation merged away is no primary: ours, naming the one that survives
        (await Api.PostAsync($"/conversations/{third}/merge", new { merge_into_conversation_id = primary })).Ok();
        Assert.Equal($"Conversation {third} has been merged into conversation {primary}; merge into {primary} instead",
            (await Api.PostAsync($"/conversations/{secondary}/merge", new { merge_into_conversation_id = third })).Error(400, "parameter_invalid"));
        Assert.Equal(("open", 0), await StateAsync(secondary));
    }

    private async Task<(string State, int Parts)> StateAsync(string id)
    {
        var conversation = (await Api.GetAsync($"/conversations/{id}")).Ok();
        return (conversation["state"].GetString()!, PartTypes(conversation.Json).Length);
    }

    [Fact]
    public async Task A_deleted_primary_takes_the_link_and_its_secondary_may_merge_again()
    {
        var (_, primary) = await ConversationAsync("First");
        var (_, secondary) = await ConversationAsync("Second");
        var (_, next) = await ConversationAsync("Next");
        (await Api.PostAsync($"/conversations/{secondary}/merge", new { merge_into_conversation_id = primary })).Ok();
        (await Api.DeleteAsync($"/conversations/{primary}")).Ok();
        Assert.Equal(next, (await Api.PostAsync($"/conversations/{secondary}/merge", new { merge_into_conversation_id = next })).Ok()["id"].GetString());
    }

    [Fact]
    public async Task A_conversation_made_a_ticket_merges_and_keeps_its_ticket()
    {
        var (_, primary) = await ConversationAsync("First");
        var (_, secondary) = await ConversationAsync("Second");
        var type = (await Api.PostAsync("/ticket_types", new { name = EmulatorFixture.NewId("Merge type"), category = "Customer" })).Ok()["id"].GetString()!;
        var ticket = (await Api.PostAsync($"/conversations/{secondary}/convert", new { ticket_type_id = type })).Ok()["id"].GetString();
        (await Api.PostAsync($"/conversations/{secondary}/merge", new { merge_into_conversation_id = primary })).Ok();
        Assert.Equal(ticket, (await Api.GetAsync($"/tickets/{ticket}")).Ok()["id"].GetString());
        Assert.Equal(("closed", 1), await StateAsync(secondary));
    }

    [Theory]
    [InlineData("2.11")]
    [InlineData("2.14")]
    [InlineData("2.15")]
    public async Task Versions_before_2_16_have_no_merge(string version)
    {
        var (_, primary) = await ConversationAsync("First");
        var (_, secondary) = await ConversationAsync("Second");
        Assert.Equal("Requested resource is not available in current API version",
            (await fixture.V2.WithVersion(version).PostAsync($"/conversations/{secondary}/merge", new { merge_into_conversation_id = primary })).Error(400, "intercom_version_invalid"));
        Assert.Equal(("open", 0), await StateAsync(secondary));
    }
}
