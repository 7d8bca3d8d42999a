using System.Linq;
using System.Threading.Tasks;
using IntercomPS.Testing;
using Xunit;

namespace IntercomPS.V2.Tests;

/// <summary>
/// Subscription types (defined through /admin, listed by GET /subscription_types) and a contact's explicit choices:
/// attached, listed and detached on the 2.14 face, every answer judged by the description.
/// </summary>
public class SubscriptionsTests(EmulatorFixture fixture) : IClassFixture<EmulatorFixture>
{
    private V2Client Api => fixture.V2;

    private async Task<(string Contact, string Newsletters, string Texts)> WorldAsync()
    {
        await fixture.ResetAsync();
        var contact = (await Api.PostAsync("/contacts", new { email = EmulatorFixture.NewEmail() })).Ok()["id"].GetString()!;
        var newsletters = await fixture.Admin.AddSubscriptionTypeAsync(EmulatorFixture.AppId, "Newsletters", "opt_out", description: "Monthly news");
        var texts = await fixture.Admin.AddSubscriptionTypeAsync(EmulatorFixture.AppId, "Product texts", "opt_in", ["sms_message", "email"], "draft");
        return (contact, newsletters, texts);
    }

    [Fact]
    public async Task Defined_types_are_listed_with_their_translation_consent_content_and_state()
    {
        var (_, newsletters, texts) = await WorldAsync();
        var list = (await Api.GetAsync("/subscription_types")).Ok();
        Assert.Equal("list", list["type"].GetString());
        var data = list["data"].EnumerateArray().ToList();
        Assert.Equal([newsletters, texts], data.Select(t => t.GetProperty("id").GetString()));
        Assert.Equal("subscription", data[0].GetProperty("type").GetString());
        Assert.Equal("opt_out", data[0].GetProperty("consent_type").GetString());
        Assert.Equal("live", data[0].GetProperty("state").GetString());
        Assert.Equal("Newsletters", data[0].GetProperty("default_translation").GetProperty("name").GetString());
        Assert.Equal("Monthly news", data[0].GetProperty("default_translation").GetProperty("description").GetString());
        Assert.Equal("en", data[0].GetProperty("translations")[0].GetProperty("locale").GetString());
        Assert.Equal(["email"], data[0].GetProperty("content_types").EnumerateArray().Select(c => c.GetString()));
        Assert.Equal(["sms_message", "email"], data[1].GetProperty("content_types").EnumerateArray().Select(c => c.GetString()));
        Assert.Equal("draft", data[1].GetProperty("state").GetString());

        // A reset app has none: a fresh app is seeded with no subscription types, like segments and teams.
        await fixture.ResetAsync();
        Assert.Empty((await Api.GetAsync("/subscription_types")).Ok()["data"].EnumerateArray());
    }

    [Fact]
    public async Task Attaching_lists_the_choice_and_detaching_returns_the_contact_to_the_default()
    {
        var (contact, newsletters, texts) = await WorldAsync();
        Assert.Empty((await Api.GetAsync($"/contacts/{contact}/subscriptions")).Ok()["data"].EnumerateArray());

        var attached = (await Api.PostAsync($"/contacts/{contact}/subscriptions", new { id = newsletters, consent_type = "opt_out" })).Ok();
        Assert.Equal(newsletters, attached["id"].GetString());
        Assert.Equal("opt_out", attached["consent_type"].GetString());
        // The description's own example sends the id as a number.
        (await Api.PostAsync($"/contacts/{contact}/subscriptions", new { id = long.Parse(texts), consent_type = "opt_in" })).Ok();
        // Attaching again changes nothing.
        (await Api.PostAsync($"/contacts/{contact}/subscriptions", new { id = newsletters, consent_type = "opt_out" })).Ok();
        Assert.Equal([newsletters, texts], (await Api.GetAsync($"/contacts/{contact}/subscriptions")).Ok()["data"].EnumerateArray().Select(t => t.GetProperty("id").GetString()));

        var detached = (await Api.DeleteAsync($"/contacts/{contact}/subscriptions/{newsletters}")).Ok();
        Assert.Equal(newsletters, detached["id"].GetString());
        Assert.Equal([texts], (await Api.GetAsync($"/contacts/{contact}/subscriptions")).Ok()["data"].EnumerateArray().Select(t => t.GetProperty("id").GetString()));

        // Detaching a type the contact is not attached to leaves it at the default and answers the type, as untagging does.
        Assert.Equal(newsletters, (await Api.DeleteAsync($"/contacts/{contact}/subscriptions/{newsletters}")).Ok()["id"].GetString());
        Assert.Equal([texts], (await Api.GetAsync($"/contacts/{contact}/subscriptions")).Ok()["data"].EnumerateArray().Select(t => t.GetProperty("id").GetString()));
    }

    [Fact]
    public async Task An_unknown_contact_is_User_Not_Found_and_an_unknown_type_Resource_Not_Found()
    {
        var (contact, newsletters, _) = await WorldAsync();
        const string nobody = "ffffffffffffffffffffffff";
        Assert.Equal("User Not Found", (await Api.GetAsync($"/contacts/{nobody}/subscriptions")).Error(404, "not_found"));
        Assert.Equal("User Not Found", (await Api.PostAsync($"/contacts/{nobody}/subscriptions", new { id = newsletters, consent_type = "opt_out" })).Error(404, "not_found"));
        Assert.Equal("User Not Found", (await Api.DeleteAsync($"/contacts/{nobody}/subscriptions/{newsletters}")).Error(404, "not_found"));

        foreach (var unknown in new[] { "999999", "invalid_id", "0", "-1" })
        {
            Assert.Equal("Resource Not Found", (await Api.PostAsync($"/contacts/{contact}/subscriptions", new { id = unknown, consent_type = "opt_out" })).Error(404, "not_found"));
            Assert.Equal("Resource Not Found", (await Api.DeleteAsync($"/contacts/{contact}/subscriptions/{unknown}")).Error(404, "not_found"));
        }

        // Another app's type is no type of this app.
        var theirs = await fixture.Admin.AddSubscriptionTypeAsync(EmulatorFixture.OtherAppId, "Theirs", "opt_out");
        Assert.Equal("Resource Not Found", (await Api.PostAsync($"/contacts/{contact}/subscriptions", new { id = theirs, consent_type = "opt_out" })).Error(404, "not_found"));
        Assert.Empty((await Api.GetAsync($"/contacts/{contact}/subscriptions")).Ok()["data"].EnumerateArray());
    }

    [Fact]
    public async Task The_consent_type_must_be_given_and_be_the_types_own()
    {
        var (contact, newsletters, texts) = await WorldAsync();
        Assert.Equal("consent_type must be the subscription type's own: 'Newsletters' (" + newsletters + ") is opt_out, not opt_in",
            (await Api.PostAsync($"/contacts/{contact}/subscriptions", new { id = newsletters, consent_type = "opt_in" })).Error(400, "parameter_invalid"));
        Assert.Equal("consent_type must be the subscription type's own: 'Product texts' (" + texts + ") is opt_in, not opt_out",
            (await Api.PostAsync($"/contacts/{contact}/subscriptions", new { id = texts, consent_type = "opt_out" })).Error(400, "parameter_invalid"));
        Assert.Equal("consent_type must be opt_out or opt_in, not 'unsubscribe'",
            (await Api.PostAsync($"/contacts/{contact}/subscriptions", new { id = newsletters, consent_type = "unsubscribe" })).Error(400, "parameter_invalid"));
        Assert.Equal("consent_type must be opt_out or opt_in, not a boolean",
            (await Api.PostAsync($"/contacts/{contact}/subscriptions", new { id = newsletters, consent_type = true })).Error(400, "parameter_invalid"));
        Assert.Equal("consent_type is required (opt_out or opt_in, the subscription type's own)",
            (await Api.PostAsync($"/contacts/{contact}/subscriptions", new { id = newsletters })).Error(400, "parameter_not_found"));
        Assert.Equal("id is required (the subscription type's id)",
            (await Api.PostAsync($"/contacts/{contact}/subscriptions", new { consent_type = "opt_out" })).Error(400, "parameter_not_found"));
        // The id is read as every 2.x body id is (a string, or a whole number as the description's example sends it): a
        // fraction or a negative number was a 404 here and a 400 everywhere else.
        foreach (var (id, kind) in new (object, string)[] { (true, "a boolean"), (1.5, "a number (1.5)"), (-1, "a number (-1)") })
        {
            var refused = await Api.PostAsync($"/contacts/{contact}/subscriptions", new { id, consent_type = "opt_out" });
            Assert.Equal($"id must be an id (a string or a whole number), not {kind}", refused.Error(400, "parameter_invalid"));
            Assert.Equal("id", refused["errors"][0].GetProperty("field").GetString());
        }

        Assert.Equal("Newsletters", (await Api.PostAsync($"/contacts/{contact}/subscriptions", new { id = long.Parse(newsletters), consent_type = "opt_out" })).Ok()["default_translation"].GetProperty("name").GetString());
        (await Api.DeleteAsync($"/contacts/{contact}/subscriptions/{newsletters}")).Ok();
        Assert.Empty((await Api.GetAsync($"/contacts/{contact}/subscriptions")).Ok()["data"].EnumerateArray());
    }

    [Fact]
    public async Task A_deleted_contact_takes_its_choices_with_it()
    {
        var (contact, newsletters, _) = await WorldAsync();
        (await Api.PostAsync($"/contacts/{contact}/subscriptions", new { id = newsletters, consent_type = "opt_out" })).Ok();
        (await Api.DeleteAsync($"/contacts/{contact}")).Ok();
        Assert.Equal("User Not Found", (await Api.GetAsync($"/contacts/{contact}/subscriptions")).Error(404, "not_found"));
    }

    [Fact]
    public async Task A_lead_merged_into_a_user_gives_it_the_choices_it_lacks()
    {
        var (user, newsletters, texts) = await WorldAsync();
        var lead = (await Api.PostAsync("/contacts", new { role = "lead", email = EmulatorFixture.NewEmail() })).Ok()["id"].GetString()!;
        (await Api.PostAsync($"/contacts/{lead}/subscriptions", new { id = newsletters, consent_type = "opt_out" })).Ok();
        (await Api.PostAsync($"/contacts/{lead}/subscriptions", new { id = texts, consent_type = "opt_in" })).Ok();
        (await Api.PostAsync($"/contacts/{user}/subscriptions", new { id = texts, consent_type = "opt_in" })).Ok();

        (await Api.PostAsync("/contacts/merge", new { from = lead, into = user })).Ok();
        Assert.Equal([newsletters, texts], (await Api.GetAsync($"/contacts/{user}/subscriptions")).Ok()["data"].EnumerateArray().Select(t => t.GetProperty("id").GetString()));
        Assert.Equal("User Not Found", (await Api.GetAsync($"/contacts/{lead}/subscriptions")).Error(404, "not_found"));
    }

    [Fact]
    public async Task The_admin_definition_is_strict()
    {
        await fixture.ResetAsync();
        await Assert.ThrowsAsync<System.InvalidOperationException>(() => fixture.Admin.AddSubscriptionTypeAsync(EmulatorFixture.AppId, "Bad", "opt_maybe"));
        await Assert.ThrowsAsync<System.InvalidOperationException>(() => fixture.Admin.AddSubscriptionTypeAsync(EmulatorFixture.AppId, "Bad", "opt_in", ["fax"]));
        await Assert.ThrowsAsync<System.InvalidOperationException>(() => fixture.Admin.AddSubscriptionTypeAsync(EmulatorFixture.AppId, "Bad", "opt_in", [], "live"));
        await Assert.ThrowsAsync<System.InvalidOperationException>(() => fixture.Admin.AddSubscriptionTypeAsync(EmulatorFixture.AppId, "Bad", "opt_in", state: "retired"));
        await Assert.ThrowsAsync<System.InvalidOperationException>(() => fixture.Admin.AddSubscriptionTypeAsync(EmulatorFixture.AppId, " ", "opt_in"));
        Assert.Empty((await Api.GetAsync("/subscription_types")).Ok()["data"].EnumerateArray());
    }

    [Fact]
    public async Task The_dummy_app_answers_canned_types()
    {
        var dummy = fixture.V2For("dummy-app-id");
        var types = (await dummy.GetAsync("/subscription_types")).Ok()["data"].EnumerateArray().ToList();
        Assert.Equal(["opt_out", "opt_in"], types.Select(t => t.GetProperty("consent_type").GetString()));
        var contact = (await dummy.GetAsync("/contacts")).Ok()["data"][0].GetProperty("id").GetString();
        Assert.Single((await dummy.GetAsync($"/contacts/{contact}/subscriptions")).Ok()["data"].EnumerateArray());
        (await dummy.PostAsync($"/contacts/{contact}/subscriptions", new { id = "136", consent_type = "opt_in" })).Ok();
        (await dummy.PostAsync($"/contacts/{contact}/subscriptions", new { id = "136", consent_type = "opt_out" })).Error(400, "parameter_invalid");
        Assert.Equal("Resource Not Found", (await dummy.DeleteAsync($"/contacts/{contact}/subscriptions/1")).Error(404, "not_found"));
    }
}
