using System.Linq;
using System.Threading.Tasks;
using IntercomPS.Testing;
using Xunit;

namespace IntercomPS.V2.Tests;

/// <summary>
/// Segments (seeded through /admin as lists of contacts, read on the 2.14 face and searched by segment_id) and a lead
/// merged into a user, every answer judged by the description.
/// </summary>
public class SegmentsLeadsTests(EmulatorFixture fixture) : IClassFixture<EmulatorFixture>
{
    private V2Client Api => fixture.V2;

    [Fact]
    public async Task Seeded_segments_are_listed_with_counts_when_asked_and_searched_by_segment_id()
    {
        await fixture.ResetAsync();
        var users = new string[3];
        for (var n = 0; n < users.Length; n++) users[n] = (await Api.PostAsync("/contacts", new { email = EmulatorFixture.NewEmail() })).Ok()["id"].GetString()!;
        var lead = (await Api.PostAsync("/contacts", new { role = "lead", email = EmulatorFixture.NewEmail() })).Ok()["id"].GetString()!;
        var active = await fixture.Admin.AddSegmentAsync(EmulatorFixture.AppId, "Active", users[..2]);
        var leads = await fixture.Admin.AddSegmentAsync(EmulatorFixture.AppId, "Leads", [lead], "contact");
        await Assert.ThrowsAsync<System.InvalidOperationException>(() => fixture.Admin.AddSegmentAsync(EmulatorFixture.AppId, "Wrong", [lead], "user"));

        var plain = (await Api.GetAsync("/segments")).Ok();
        Assert.Equal("segment.list", plain["type"].GetString());
        Assert.Equal(["Active", "Leads"], plain["segments"].EnumerateArray().Select(s => s.GetProperty("name").GetString()));
        Assert.False(plain["segments"][0].TryGetProperty("count", out _));
        var counted = (await Api.GetAsync("/segments?include_count=true")).Ok();
        Assert.Equal([2, 1], counted["segments"].EnumerateArray().Select(s => s.GetProperty("count").GetInt32()));
        Assert.Equal("contact", (await Api.GetAsync($"/segments/{leads}")).Ok()["person_type"].GetString());
        Assert.Equal("Resource Not Found", (await Api.GetAsync("/segments/ffffffffffffffffffffffff")).Error(404, "not_found"));
        (await Api.GetAsync("/segments?include_count=maybe")).Error(400, "parameter_invalid");
        Assert.Equal(["Active"], (await Api.GetAsync($"/contacts/{users[1]}/segments")).Ok()["data"].EnumerateArray().Select(s => s.GetProperty("name").GetString()));

        var search = (await Api.PostAsync("/contacts/search", new { query = new { field = "segment_id", @operator = "=", value = active } })).Ok();
        Assert.Equal(users[..2], search["data"].EnumerateArray().Select(c => c.GetProperty("id").GetString()));
        var outside = (await Api.PostAsync("/contacts/search", new { query = new { field = "segment_id", @operator = "!=", value = active } })).Ok();
        Assert.Equal(2, outside["total_count"].GetInt32());

        // A contact deleted leaves its segments.
        (await Api.DeleteAsync($"/contacts/{users[0]}")).Ok();
        Assert.Equal(1, (await Api.GetAsync($"/segments/{active}")).Ok()["count"].GetInt32());
    }

    [Fact]
    public async Task A_lead_merged_into_a_user_gives_it_what_it_lacks_and_is_gone()
    {
        await fixture.ResetAsync();
        var lead = (await Api.PostAsync("/contacts", new { role = "lead", email = EmulatorFixture.NewEmail(), name = "Lead Name", phone = "+1 555 0100" })).Ok()["id"].GetString()!;
        (await Api.PostAsync($"/contacts/{lead}/notes", new { body = "From the lead" })).Ok();
        (await Api.PostAsync("/tags", new { name = "from-lead", users = new[] { new { id = lead } } })).Ok();
        (await Api.PostAsync("/events", new { event_name = "visited", created_at = 1700000000, id = lead })).Ok(202);
        var userEmail = EmulatorFixture.NewEmail();
        var user = (await Api.PostAsync("/contacts", new { email = userEmail, external_id = EmulatorFixture.NewId("u") })).Ok()["id"].GetString()!;

        (await Api.PostAsync("/contacts/merge", new { from = user, into = user })).Error(400, "parameter_invalid");
        (await Api.PostAsync("/contacts/merge", new { from = lead, into = lead })).Error(400, "parameter_invalid");
        (await Api.PostAsync("/contacts/merge", new { into = user })).Error(400, "parameter_not_found");

        var merged = (await Api.PostAsync("/contacts/merge", new { from = lead, into = user })).Ok();
        Assert.Equal(user, merged["id"].GetString());
        Assert.Equal("user", merged["role"].GetString());
        Assert.Equal(userEmail, merged["email"].GetString());
        Assert.Equal("Lead Name", merged["name"].GetString());
        Assert.Equal("+1 555 0100", merged["phone"].GetString());
        Assert.Equal(1, merged["notes"].GetProperty("total_count").GetInt32());
        Assert.Equal("from-lead", (await Api.GetAsync($"/tags/{merged["tags"].GetProperty("data")[0].GetProperty("id").GetString()}")).Ok()["name"].GetString());
        Assert.Single((await Api.GetAsync($"/events?type=user&intercom_user_id={user}")).Ok()["events"].EnumerateArray());
        (await Api.GetAsync($"/contacts/{lead}")).Error(404, "not_found");
    }

    [Fact]
    public async Task In_2_16_only_duplicates_merge_unless_skip_duplicate_validation_is_true()
    {
        // 2.16's merge: "Contacts can only be merged when they are duplicates (matching email or phone)"; its
        // skip_duplicate_validation true merges two that are not. Before 2.16 any lead merges, and the field is unknown.
        await fixture.ResetAsync();
        var api = Api.WithVersion("2.16");
        async Task<string> Lead(object body) => (await api.PostAsync("/contacts", body)).Ok()["id"].GetString()!;
        var email = EmulatorFixture.NewEmail();
        var user = (await api.PostAsync("/contacts", new { email, phone = "+1 555 0199" })).Ok()["id"].GetString()!;

        var stranger = await Lead(new { role = "lead", email = EmulatorFixture.NewEmail(), phone = "+1 555 0100" });
        Assert.Equal("Contacts can only be merged when they are duplicates (matching email or phone). Pass skip_duplicate_validation=true to override this check.",
            (await api.PostAsync("/contacts/merge", new { from = stranger, into = user })).Error(400, "invalid_merge"));
        (await api.PostAsync("/contacts/merge", new { from = stranger, into = user, skip_duplicate_validation = false })).Error(400, "invalid_merge");
        (await api.GetAsync($"/contacts/{stranger}")).Ok(); // refused: nothing moved, the lead is still there
        Assert.Contains("skip_duplicate_validation must be a boolean",
            (await api.PostAsync("/contacts/merge", new { from = stranger, into = user, skip_duplicate_validation = "yes" })).Text);
        Assert.Equal(user, (await api.PostAsync("/contacts/merge", new { from = stranger, into = user, skip_duplicate_validation = true })).Ok()["id"].GetString());
        (await api.GetAsync($"/contacts/{stranger}")).Error(404, "not_found");

        // The same email (as emails compare, without case) or the same phone is a duplicate.
        var sameEmail = await Lead(new { role = "lead", email = email.ToUpperInvariant() });
        Assert.Equal(user, (await api.PostAsync("/contacts/merge", new { from = sameEmail, into = user })).Ok()["id"].GetString());
        var samePhone = await Lead(new { role = "lead", email = EmulatorFixture.NewEmail(), phone = "+1 555 0199" });
        Assert.Equal(user, (await api.PostAsync("/contacts/merge", new { from = samePhone, into = user })).Ok()["id"].GetString());

        // 2.14 merges a lead that is no duplicate, and names skip_duplicate_validation as an unknown field.
        var other = await Lead(new { role = "lead", email = EmulatorFixture.NewEmail() });
        var merged = await Api.PostAsync("/contacts/merge", new { from = other, into = user, skip_duplicate_validation = false });
        Assert.Equal(user, merged.Ok()["id"].GetString());
        Assert.Equal("ignored unknown field 'skip_duplicate_validation'; POST /contacts/merge takes from, into", merged.Header("X-Emulator-Warning"));
    }

    [Fact]
    public async Task The_admin_of_segments_and_company_rules_refuses_what_it_cannot_keep()
    {
        await fixture.ResetAsync();
        var contact = (await Api.PostAsync("/contacts", new { email = EmulatorFixture.NewEmail() })).Ok()["id"].GetString()!;
        var unknown = await Assert.ThrowsAsync<System.InvalidOperationException>(() => fixture.Admin.AddSegmentAsync(EmulatorFixture.AppId, "Ghosts", [contact, "ffffffffffffffffffffffff"]));
        Assert.Contains("No contact has id 'ffffffffffffffffffffffff'", unknown.Message, System.StringComparison.Ordinal);
        Assert.Empty((await Api.GetAsync("/segments")).Ok()["segments"].EnumerateArray()); // nothing half-made
        var setting = await Assert.ThrowsAsync<System.InvalidOperationException>(() => fixture.Admin.SetCompaniesAsync(EmulatorFixture.AppId, new { scroll_page_size = 0 }));
        Assert.Contains("scroll_page_size must be a whole number from 1", setting.Message, System.StringComparison.Ordinal);
        var name = await Assert.ThrowsAsync<System.InvalidOperationException>(() => fixture.Admin.SetCompaniesAsync(EmulatorFixture.AppId, new { page_size = 5 }));
        Assert.Contains("Unknown company setting 'page_size'", name.Message, System.StringComparison.Ordinal);
        Assert.Equal(50, (await fixture.Admin.SetCompaniesAsync(EmulatorFixture.AppId, new { })).GetProperty("scroll_page_size").GetInt32());
        await Assert.ThrowsAsync<System.InvalidOperationException>(() => fixture.Admin.SetCompaniesAsync("no-such-app", new { }));
    }
}
