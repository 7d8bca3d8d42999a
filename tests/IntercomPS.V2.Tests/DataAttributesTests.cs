using System.Collections.Generic;
using System.Linq;
using System.Threading.Tasks;
using IntercomPS.Testing;
using Xunit;

namespace IntercomPS.V2.Tests;

/// <summary>Data attributes of both models: defining, updating and archiving them, and their types on every contact write.</summary>
public class DataAttributesTests(EmulatorFixture fixture) : IClassFixture<EmulatorFixture>
{
    private V2Client Api => fixture.V2;

    private async Task<List<string?>> Names(string query) =>
        (await Api.GetAsync("/data_attributes" + query)).Ok()["data"].EnumerateArray().Select(a => a.GetProperty("name").GetString()).ToList();

    [Fact]
    public async Task Conversation_attributes_are_not_listed_here_and_2_16_refuses_the_model()
    {
        // Before 2.16 the query takes model=conversation, but the data_attribute schema has no conversation model: none are listed.
        (await fixture.V2.WithVersion("2.16").PostAsync("/conversations/attributes", new { name = EmulatorFixture.NewId("tier"), data_type = "string" })).Ok();
        foreach (var version in new[] { "2.11", "2.14", "2.15" })
        {
            Assert.Empty((await fixture.V2.WithVersion(version).GetAsync("/data_attributes?model=conversation")).Ok()["data"].EnumerateArray());
        }

        Assert.Equal("Conversation attributes are no longer listed here: use GET /conversations/attributes",
            (await fixture.V2.WithVersion("2.16").GetAsync("/data_attributes?model=conversation")).Error(422, "parameter_invalid"));
    }

    [Fact]
    public async Task Company_attributes_are_listed_by_model_and_a_name_is_unique_across_models()
    {
        var name = EmulatorFixture.NewId("tier");
        var created = (await Api.PostAsync("/data_attributes", new { name, model = "company", data_type = "integer" })).Ok();
        Assert.Equal("company", created["model"].GetString());
        Assert.Equal(name, created["full_name"].GetString());

        Assert.Contains(name, await Names("?model=company"));
        Assert.Contains("monthly_spend", await Names("?model=company"));
        Assert.DoesNotContain(name, await Names("?model=contact"));
        var message = (await Api.PostAsync("/data_attributes", new { name, model = "contact", data_type = "string" })).Error(400, "parameter_invalid");
        Assert.Equal($"You already have '{name}' in your company data. To save this as new people data, use a different name.", message);
    }

    [Fact]
    public async Task An_attribute_is_updated_by_id_and_archived_ones_leave_the_list_unless_asked_for()
    {
        var name = EmulatorFixture.NewId("plan");
        var id = (await Api.PostAsync("/data_attributes", new { name, model = "contact", data_type = "options", options = new[] { new { value = "free" }, new { value = "pro" } } }))
            .Ok()["id"].GetInt64();

        var updated = (await Api.PutAsync($"/data_attributes/{id}", new { description = "Billing plan", options = new[] { new { value = "free" }, new { value = "pro" }, new { value = "team" } } })).Ok();
        Assert.Equal("Billing plan", updated["description"].GetString());
        Assert.Equal(["free", "pro", "team"], updated["options"].EnumerateArray().Select(o => o.GetString()));
        Assert.Equal("string", updated["data_type"].GetString());

        (await Api.PutAsync($"/data_attributes/{id}", new { archived = true })).Ok();
        Assert.DoesNotContain(name, await Names("?model=contact"));
        Assert.Contains(name, await Names("?model=contact&include_archived=true"));

        Assert.Equal("Options isn't an array", (await Api.PutAsync($"/data_attributes/{id}", new { options = new { value = "x" } })).Error(400, "parameter_invalid"));
        (await Api.PutAsync($"/data_attributes/{id}", new { data_type = "integer" })).Error(400, "parameter_invalid");
        Assert.Equal("We couldn't find that data attribute to update", (await Api.PutAsync("/data_attributes/999999999", new { archived = false })).Error(404, "field_not_found"));
    }

    [Fact]
    public async Task An_attribute_a_contact_holds_a_value_in_cannot_be_archived_until_the_values_are_cleared()
    {
        var name = EmulatorFixture.NewId("seats");
        var id = (await Api.PostAsync("/data_attributes", new { name, model = "contact", data_type = "integer" })).Ok()["id"].GetInt64();
        var contact = (await Api.PostAsync("/contacts", new { email = EmulatorFixture.NewEmail(), custom_attributes = new Dictionary<string, object> { [name] = 3 } })).Ok()["id"].GetString();

        (await Api.PutAsync($"/data_attributes/{id}", new { archived = true })).Error(422, "data_invalid");
        (await Api.PutAsync($"/contacts/{contact}", new { custom_attributes = new Dictionary<string, object?> { [name] = null } })).Ok();
        Assert.True((await Api.PutAsync($"/data_attributes/{id}", new { archived = true })).Ok()["archived"].GetBoolean());
    }

    [Fact]
    public async Task Every_contact_write_gives_a_defined_attribute_a_value_of_its_type_on_both_faces()
    {
        var seats = EmulatorFixture.NewId("seats");
        var paid = EmulatorFixture.NewId("paid");
        (await Api.PostAsync("/data_attributes", new { name = seats, model = "contact", data_type = "integer" })).Ok();
        (await Api.PostAsync("/data_attributes", new { name = paid, model = "contact", data_type = "boolean" })).Ok();
        var email = EmulatorFixture.NewEmail();
        var contact = (await Api.PostAsync("/contacts", new { email, custom_attributes = new Dictionary<string, object> { [seats] = 3, [paid] = true } })).Ok()["id"].GetString();

        var message = (await Api.PutAsync($"/contacts/{contact}", new { custom_attributes = new Dictionary<string, object> { [seats] = "notanumber" } })).Error(400, "parameter_invalid");
        Assert.Equal($"custom_attributes.{seats} must be an integer, as the attribute is defined, not a string \"notanumber\"", message);
        (await Api.PutAsync($"/contacts/{contact}", new { custom_attributes = new Dictionary<string, object> { [seats] = 2.5 } })).Error(400, "parameter_invalid");
        (await Api.PostAsync("/contacts", new { email = EmulatorFixture.NewEmail(), custom_attributes = new Dictionary<string, object> { [paid] = "yes" } })).Error(400, "parameter_invalid");

        // The v1 face writes the same store, so the same rule holds there.
        var v1 = await fixture.V1.PutAsync("users", new { email, custom_data = new Dictionary<string, object> { [seats] = "lots" } });
        Assert.Contains($"custom_data.{seats} must be an integer", v1.AssertError(400, "bad_request"));
        (await fixture.V1.PutAsync("users", new { email, increments = new Dictionary<string, object> { [paid] = 1 } })).AssertError(400, "bad_request");

        var stored = (await Api.GetAsync($"/contacts/{contact}")).Ok()["custom_attributes"];
        Assert.Equal(3, stored.GetProperty(seats).GetInt64());
        Assert.True(stored.GetProperty(paid).GetBoolean());
    }
}
