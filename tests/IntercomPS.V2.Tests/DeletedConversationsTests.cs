using System.Linq;
using System.Threading.Tasks;
using IntercomPS.Testing;
using Xunit;

namespace IntercomPS.V2.Tests;

/// <summary>
/// 2.16's GET /conversations/deleted: the ids of the app's conversations deleted by DELETE /conversations/{id} (with
/// 2.16's retain_metrics) or with their contact, the most recently deleted first or asc, by numbered pages with a next
/// link; gone on reset; refused before 2.16.
/// </summary>
public class DeletedConversationsTests(EmulatorFixture fixture) : IClassFixture<EmulatorFixture>
{
    private V2Client Api => fixture.V2.WithVersion("2.16");

    private async Task<(string Contact, string Conversation)> ConversationAsync(string? contact = null)
    {
        contact ??= (await Api.PostAsync("/contacts", new { email = EmulatorFixture.NewEmail() })).Ok()["id"].GetString()!;
        return (contact, (await Api.PostAsync("/conversations", new { from = new { type = "user", id = contact }, body = "Hello" })).Ok()["conversation_id"].GetString()!);
    }

    private async Task<string[]> IdsAsync(string query = "") =>
        (await Api.GetAsync("/conversations/deleted" + query)).Ok()["conversations"].EnumerateArray().Select(c => c.GetProperty("id").GetString()!).ToArray();

    [Fact]
    public async Task Deleted_conversations_are_listed_newest_first_by_numbered_pages_with_how_each_went()
    {
        await fixture.ResetAsync();
        var (contact, first) = await ConversationAsync();
        var (_, second) = await ConversationAsync(contact);
        var (other, third) = await ConversationAsync();
        var (_, kept) = await ConversationAsync();
        Assert.Equal(0, (await Api.GetAsync("/conversations/deleted")).Ok()["total_count"].GetInt32());

        (await Api.DeleteAsync($"/conversations/{third}?retain_metrics=false")).Ok();
        (await Api.DeleteAsync($"/contacts/{contact}")).Ok(); // its two conversations go with it

        var list = (await Api.GetAsync("/conversations/deleted")).Ok();
        Assert.Equal("conversations.list", list["type"].GetString());
        Assert.Equal(3, list["total_count"].GetInt32());
        var rows = list["conversations"].EnumerateArray().ToArray();
        Assert.Equal([second, first, third], rows.Select(c => c.GetProperty("id").GetString()));
        Assert.Equal([true, true, false], rows.Select(c => c.GetProperty("metrics_retained").GetBoolean()));
        Assert.All(rows, c => Assert.Equal("conversation", c.GetProperty("type").GetString()));
        Assert.True(rows[0].GetProperty("deleted_at").GetInt64() >= rows[2].GetProperty("deleted_at").GetInt64());
        Assert.False(list["pages"].TryGetProperty("next", out _));
        Assert.DoesNotContain(kept, await IdsAsync());
        Assert.DoesNotContain(other, await IdsAsync());

        Assert.Equal([third, first, second], await IdsAsync("?order=asc"));
        var page = (await Api.GetAsync("/conversations/deleted?per_page=2&order=asc")).Ok();
        Assert.Equal((1, 2, 2), (page["pages"].GetProperty("page").GetInt32(), page["pages"].GetProperty("per_page").GetInt32(), page["pages"].GetProperty("total_pages").GetInt32()));
        var next = page["pages"].GetProperty("next").GetString()!;
        Assert.EndsWith("/conversations/deleted?per_page=2&order=asc&page=2", next);
        Assert.Equal([second], await IdsAsync(next[next.IndexOf('?')..]));
        Assert.Empty(await IdsAsync("?page=3&per_page=2"));

        await fixture.ResetAsync();
        Assert.Empty(await IdsAsync());
    }

    [Fact]
    public async Task Bad_pages_and_orders_are_refused_naming_what_is_allowed()
    {
        Assert.Equal("per_page must be an integer from 1 to 60, not '61'", (await Api.GetAsync("/conversations/deleted?per_page=61")).Error(400, "parameter_invalid"));
        Assert.Equal("per_page must be an integer from 1 to 60, not '0'", (await Api.GetAsync("/conversations/deleted?per_page=0")).Error(400, "parameter_invalid"));
        Assert.Equal("page must be a whole number from 1, not 'x'", (await Api.GetAsync("/conversations/deleted?page=x")).Error(400, "parameter_invalid"));
        Assert.Equal("order must be asc or desc, not 'newest'", (await Api.GetAsync("/conversations/deleted?order=newest")).Error(400, "parameter_invalid"));
    }

    [Theory]
    [InlineData("2.11")]
    [InlineData("2.14")]
    [InlineData("2.15")]
    public async Task Versions_before_2_16_have_no_deleted_listing(string version)
    {
        Assert.Equal("Requested resource is not available in current API version",
            (await fixture.V2.WithVersion(version).GetAsync("/conversations/deleted")).Error(400, "intercom_version_invalid"));
    }
}
