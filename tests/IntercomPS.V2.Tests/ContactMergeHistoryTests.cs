using System.Linq;
using System.Text.Json;
using System.Threading.Tasks;
using IntercomPS.Testing;
using Xunit;

namespace IntercomPS.V2.Tests;

/// <summary>
/// 2.16's GET /contacts/{id}/merge_history: the leads POST /contacts/merge merged into a user, newest first (or oldest
/// with order=asc), paged by an opaque next_cursor; a lead or an unknown contact is the described 404.
/// </summary>
public class ContactMergeHistoryTests(EmulatorFixture fixture) : IClassFixture<EmulatorFixture>
{
    private V2Client Api => fixture.V2.WithVersion("2.16");

    private async Task<string> ContactAsync(string role) =>
        (await Api.PostAsync("/contacts", new { role, email = EmulatorFixture.NewEmail() })).Ok()["id"].GetString()!;

    private static string[] Sources(JsonElement list) =>
        list.GetProperty("data").EnumerateArray().Select(e => e.GetProperty("source_contact_id").GetString()!).ToArray();

    [Fact]
    public async Task A_user_lists_the_leads_merged_into_it_newest_first_paged_by_cursor()
    {
        await fixture.ResetAsync();
        var user = await ContactAsync("user");
        var other = await ContactAsync("user");
        var leads = new string[3];
        for (var i = 0; i < leads.Length; i++)
        {
            leads[i] = await ContactAsync("lead");
            (await Api.PostAsync("/contacts/merge", new { from = leads[i], into = user, skip_duplicate_validation = true })).Ok();
        }

        var all = (await Api.GetAsync($"/contacts/{user}/merge_history")).Ok();
        Assert.Equal("list", all["type"].GetString());
        Assert.Equal([leads[2], leads[1], leads[0]], Sources(all.Json));
        Assert.False(all["has_more"].GetBoolean());
        Assert.False(all.Json.TryGetProperty("next_cursor", out _)); // absent on the last page, as the schema says
        var entry = all["data"][0];
        Assert.Equal(("merge_history", "lead"), (entry.GetProperty("type").GetString(), entry.GetProperty("source_contact_role").GetString()));
        Assert.True(entry.GetProperty("merged_at").GetInt64() > 0);

        var first = (await Api.GetAsync($"/contacts/{user}/merge_history?per_page=2&order=asc")).Ok();
        Assert.Equal([leads[0], leads[1]], Sources(first.Json));
        Assert.True(first["has_more"].GetBoolean());
        var second = (await Api.GetAsync($"/contacts/{user}/merge_history?per_page=2&order=asc&cursor={first["next_cursor"].GetString()}")).Ok();
        Assert.Equal([leads[2]], Sources(second.Json));
        Assert.False(second["has_more"].GetBoolean());

        Assert.Empty(Sources((await Api.GetAsync($"/contacts/{other}/merge_history")).Ok().Json));
    }

    [Fact]
    public async Task A_lead_an_unknown_contact_and_bad_paging_are_refused_and_older_versions_lack_it()
    {
        await fixture.ResetAsync();
        var user = await ContactAsync("user");
        var lead = await ContactAsync("lead");
        Assert.Equal("Contact not found", (await Api.GetAsync($"/contacts/{lead}/merge_history")).Error(404, "not_found"));
        Assert.Equal("Contact not found", (await Api.GetAsync("/contacts/nobody/merge_history")).Error(404, "not_found"));
        Assert.Equal("per_page must be an integer from 1 to 150, not '151'", (await Api.GetAsync($"/contacts/{user}/merge_history?per_page=151")).Error(400, "parameter_invalid"));
        Assert.Equal("order must be asc or desc, not 'up'", (await Api.GetAsync($"/contacts/{user}/merge_history?order=up")).Error(400, "parameter_invalid"));
        Assert.Equal("cursor is not valid: pass the next_cursor of a previous page", (await Api.GetAsync($"/contacts/{user}/merge_history?cursor=abc")).Error(400, "parameter_invalid"));
        Assert.Equal("Requested resource is not available in current API version",
            (await Api.WithVersion("2.15").GetAsync($"/contacts/{user}/merge_history")).Error(400, "intercom_version_invalid"));

        // The user deleted takes its history with it.
        var merged = await ContactAsync("lead");
        (await Api.PostAsync("/contacts/merge", new { from = merged, into = user, skip_duplicate_validation = true })).Ok();
        (await Api.DeleteAsync($"/contacts/{user}")).Ok();
        Assert.Equal("Contact not found", (await Api.GetAsync($"/contacts/{user}/merge_history")).Error(404, "not_found"));
    }
}
