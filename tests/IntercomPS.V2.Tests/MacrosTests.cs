using System;
using System.Linq;
using System.Text;
using System.Threading.Tasks;
using IntercomPS.Testing;
using Xunit;

namespace IntercomPS.V2.Tests;

/// <summary>
/// 2.16's macros, seeded through /admin (the API only reads them): newest update first, paged by the description's
/// Base64 [updated_at, "id"] cursor, filtered by updated_since, placeholders transformed, a team's macro seen only by
/// an admin of that team; the 400s for bad paging; before 2.16, the real 400.
/// </summary>
public class MacrosTests(EmulatorFixture fixture) : IClassFixture<EmulatorFixture>
{
    private V2Client Api => fixture.V2.WithVersion("2.16");

    [Fact]
    public async Task Macros_are_listed_newest_first_paged_and_filtered()
    {
        await fixture.ResetAsync();
        var old = await fixture.Admin.AddMacroAsync(EmulatorFixture.AppId, "Thank you", "<p>Thanks!</p>", updatedAt: 1_752_766_224);
        var middle = await fixture.Admin.AddMacroAsync(EmulatorFixture.AppId, "Welcome", "<p>Welcome!</p>", updatedAt: 1_753_109_075);
        var newest = await fixture.Admin.AddMacroAsync(EmulatorFixture.AppId, "Refund", "<p>Refunded.</p>", availableOn: ["inbox"], updatedAt: 1_753_186_000);

        var first = (await Api.GetAsync("/macros?per_page=2")).Ok();
        Assert.Equal([newest, middle], first["data"].EnumerateArray().Select(m => m.GetProperty("id").GetString()));
        Assert.Equal(2, first["pages"].GetProperty("per_page").GetInt32());
        var cursor = first["pages"].GetProperty("next").GetProperty("starting_after").GetString()!;
        Assert.Equal($"[1753109075.0, \"{middle}\"]", Encoding.UTF8.GetString(Convert.FromBase64String(cursor)));
        var second = (await Api.GetAsync($"/macros?per_page=2&starting_after={Uri.EscapeDataString(cursor)}")).Ok();
        Assert.Equal([old], second["data"].EnumerateArray().Select(m => m.GetProperty("id").GetString()));
        Assert.Equal(System.Text.Json.JsonValueKind.Null, second["pages"].GetProperty("next").ValueKind);

        Assert.Equal([newest, middle], (await Api.GetAsync("/macros?updated_since=1752766224")).Ok()["data"].EnumerateArray().Select(m => m.GetProperty("id").GetString()));
        var refund = (await Api.GetAsync($"/macros/{newest}")).Ok();
        Assert.Equal("2025-07-22T12:06:40.000Z", refund["updated_at"].GetString());
        Assert.Equal(["inbox"], refund["available_on"].EnumerateArray().Select(s => s.GetString()));
    }

    [Fact]
    public async Task Placeholders_are_transformed_as_the_description_says()
    {
        await fixture.ResetAsync();
        var id = await fixture.Admin.AddMacroAsync(EmulatorFixture.AppId, "Order",
            "<p>Hi {{user.name | fallback: 'there & you'}},</p><p>Order #{{conversation.custom_attributes.order_number}} is ready.</p>");
        var macro = (await Api.GetAsync($"/macros/{id}")).Ok();
        Assert.Equal("<p>Hi <attribute key=\"user.name\" default=\"there &amp; you\"/>,</p><p>Order #<attribute key=\"conversation.custom_attributes.order_number\"/> is ready.</p>",
            macro["body"].GetString());
        Assert.Equal("Hi {{user.name|fallback:\"there & you\"}},\n\nOrder #{{conversation.custom_attributes.order_number}} is ready.", macro["body_text"].GetString());
        Assert.Equal("everyone", macro["visible_to"].GetString());
    }

    [Fact]
    public async Task A_team_macro_is_seen_only_by_an_admin_of_the_team()
    {
        await fixture.ResetAsync();
        var other = await fixture.Admin.AddAdminAsync(EmulatorFixture.AppId, "Kaylee", "kaylee@example.com");
        var me = (await Api.GetAsync("/me")).Ok()["id"].GetString()!; // the token's admin
        var mine = await fixture.Admin.AddTeamAsync(EmulatorFixture.AppId, "Support", me);
        var theirs = await fixture.Admin.AddTeamAsync(EmulatorFixture.AppId, "Sales", other);
        var seen = await fixture.Admin.AddMacroAsync(EmulatorFixture.AppId, "Support reply", "<p>On it.</p>", teamIds: [mine]);
        var hidden = await fixture.Admin.AddMacroAsync(EmulatorFixture.AppId, "Sales reply", "<p>Buy.</p>", teamIds: [theirs]);

        Assert.Equal([seen], (await Api.GetAsync("/macros")).Ok()["data"].EnumerateArray().Select(m => m.GetProperty("id").GetString()));
        Assert.Equal([mine], (await Api.GetAsync($"/macros/{seen}")).Ok()["visible_to_team_ids"].EnumerateArray().Select(t => t.GetString()));
        Assert.Equal("Macro not found", (await Api.GetAsync($"/macros/{hidden}")).Error(404, "not_found"));
        Assert.Equal("Macro not found", (await Api.GetAsync("/macros/999")).Error(404, "not_found"));
    }

    [Fact]
    public async Task Bad_paging_is_refused()
    {
        Assert.Equal("Invalid updated_since timestamp", (await Api.GetAsync("/macros?updated_since=yesterday")).Error(400, "parameter_invalid"));
        Assert.Equal("per_page must be an integer from 1 to 150, not '151'", (await Api.GetAsync("/macros?per_page=151")).Error(400, "parameter_invalid"));
        Assert.Equal("Invalid starting_after cursor: pass pages.next.starting_after of the previous page",
            (await Api.GetAsync("/macros?starting_after=bm9wZQ==")).Error(400, "parameter_invalid"));
    }

    [Fact]
    public async Task The_dummy_app_has_canned_macros_and_conversation_attributes_and_keeps_no_write()
    {
        var dummy = fixture.V2For("dummy-app-id").WithVersion("2.16");
        var macros = (await dummy.GetAsync("/macros")).Ok()["data"].EnumerateArray().ToList();
        Assert.Equal(["3", "2", "1"], macros.Select(m => m.GetProperty("id").GetString()));
        Assert.Equal("<p>Hi <attribute key=\"user.name\" default=\"there\"/>, your order #<attribute key=\"conversation.custom_attributes.order_number\"/> is ready for pickup!</p>",
            (await dummy.GetAsync("/macros/2")).Ok()["body"].GetString());

        Assert.Equal(["Order number", "Priority level"], (await dummy.GetAsync("/conversations/attributes")).Ok()["data"].EnumerateArray().Select(a => a.GetProperty("name").GetString()));
        var added = (await dummy.PostAsync("/conversations/attributes/2/options", new { label = "Urgent" })).Ok();
        Assert.Equal(3, added["options"].GetArrayLength());
        Assert.Equal(2, (await dummy.GetAsync("/conversations/attributes/2")).Ok()["options"].GetArrayLength()); // answered as applied, never kept
    }

    [Fact]
    public async Task Versions_before_2_16_have_no_macros()
    {
        Assert.Equal("Requested resource is not available in current API version", (await fixture.V2.WithVersion("2.15").GetAsync("/macros")).Error(400, "intercom_version_invalid"));
        Assert.Equal("Requested resource is not available in current API version", (await fixture.V2.WithVersion("2.14").GetAsync("/macros/1")).Error(400, "intercom_version_invalid"));
    }
}
