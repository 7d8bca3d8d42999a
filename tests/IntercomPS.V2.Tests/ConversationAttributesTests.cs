using System.Linq;
using System.Threading.Tasks;
using IntercomPS.Testing;
using Xunit;

namespace IntercomPS.V2.Tests;

/// <summary>
/// 2.16's conversation attributes: made of each data type with its own fields, renamed, archived by DELETE, a list
/// attribute's options added, renamed and archived by their UUIDs (never below two active); the description's 422s
/// and 404s, a refused write changing nothing; and before 2.16, the real 400.
/// </summary>
public class ConversationAttributesTests(EmulatorFixture fixture) : IClassFixture<EmulatorFixture>
{
    private V2Client Api => fixture.V2.WithVersion("2.16");

    [Fact]
    public async Task An_attribute_is_made_read_renamed_and_archived()
    {
        await fixture.ResetAsync();
        var made = (await Api.PostAsync("/conversations/attributes", new { name = "Order number", data_type = "string", description = "The order", multiline = true })).Ok();
        Assert.Equal("conversation_attribute", made["type"].GetString());
        Assert.Equal("string", made["data_type"].GetString());
        Assert.True(made["multiline"].GetBoolean());
        Assert.False(made["archived"].GetBoolean());
        var id = made["id"].GetInt64();
        Assert.Equal(made.Json.GetRawText(), (await Api.GetAsync($"/conversations/attributes/{id}")).Ok().Json.GetRawText());

        var renamed = (await Api.PutAsync($"/conversations/attributes/{id}", new { name = "Order ref", required = true })).Ok();
        Assert.Equal("Order ref", renamed["name"].GetString());
        Assert.Equal("The order", renamed["description"].GetString());
        Assert.True(renamed["required"].GetBoolean());

        var archived = (await Api.DeleteAsync($"/conversations/attributes/{id}")).Ok();
        Assert.True(archived["archived"].GetBoolean());
        Assert.Empty((await Api.GetAsync("/conversations/attributes")).Ok()["data"].EnumerateArray());
        Assert.Equal([id], (await Api.GetAsync("/conversations/attributes?include_archived=true")).Ok()["data"].EnumerateArray().Select(a => a.GetProperty("id").GetInt64()));
    }

    [Fact]
    public async Task Each_type_answers_its_own_fields_only()
    {
        await fixture.ResetAsync();
        var number = (await Api.PostAsync("/conversations/attributes", new { name = "Seats", data_type = "integer" })).Ok();
        Assert.False(number.Json.TryGetProperty("multiline", out _));
        Assert.False(number.Json.TryGetProperty("options", out _));
        var link = (await Api.PostAsync("/conversations/attributes", new { name = "Orders", data_type = "relationship", reference = new { type = "many", object_type_id = "Order" } })).Ok();
        Assert.Equal("many", link["reference"].GetProperty("type").GetString());
        Assert.Equal("Order", link["reference"].GetProperty("object_type_id").GetString());
    }

    [Fact]
    public async Task A_list_attributes_options_are_added_renamed_and_archived_by_uuid()
    {
        await fixture.ResetAsync();
        var list = (await Api.PostAsync("/conversations/attributes", new { name = "Priority level", data_type = "list", options = new[] { new { label = "Low" }, new { label = "Medium" } } })).Ok();
        var id = list["id"].GetInt64();
        var options = list["options"].EnumerateArray().ToList();
        Assert.Equal(["Low", "Medium"], options.Select(o => o.GetProperty("label").GetString()));
        Assert.All(options, o => Assert.Matches("^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$", o.GetProperty("id").GetString()));
        var low = options[0].GetProperty("id").GetString();

        var added = (await Api.PostAsync($"/conversations/attributes/{id}/options", new { label = "High" })).Ok();
        Assert.Equal(["Low", "Medium", "High"], added["options"].EnumerateArray().Select(o => o.GetProperty("label").GetString()));
        var renamed = (await Api.PutAsync($"/conversations/attributes/{id}/options/{low}", new { label = "Lowest" })).Ok();
        Assert.Equal("Lowest", renamed["options"][0].GetProperty("label").GetString());
        var archived = (await Api.DeleteAsync($"/conversations/attributes/{id}/options/{low}")).Ok();
        Assert.True(archived["options"][0].GetProperty("archived").GetBoolean());
        Assert.Equal(3, archived["options"].GetArrayLength()); // archived, not removed

        // Two active options remain: neither may go.
        var medium = archived["options"][1].GetProperty("id").GetString();
        Assert.Equal("A list attribute must have at least 2 active options",
            (await Api.DeleteAsync($"/conversations/attributes/{id}/options/{medium}")).Error(422, "parameter_invalid"));
        Assert.False((await Api.GetAsync($"/conversations/attributes/{id}")).Ok()["options"][1].GetProperty("archived").GetBoolean());
    }

    [Fact]
    public async Task Bad_input_gets_the_descriptions_errors_and_changes_nothing()
    {
        await fixture.ResetAsync();
        Assert.Equal("data_type 'invalid_type' is not valid. Allowed types: string, integer, list, decimal, boolean, datetime, relationship, files",
            (await Api.PostAsync("/conversations/attributes", new { name = "x", data_type = "invalid_type" })).Error(422, "parameter_invalid"));
        Assert.Equal("name is required", (await Api.PostAsync("/conversations/attributes", new { data_type = "string" })).Error(422, "parameter_invalid"));
        Assert.Equal("A list attribute must have at least 2 active options",
            (await Api.PostAsync("/conversations/attributes", new { name = "One", data_type = "list", options = new[] { new { label = "Only" } } })).Error(422, "parameter_invalid"));
        Assert.Equal("multiline is only for string attributes, not integer",
            (await Api.PostAsync("/conversations/attributes", new { name = "n", data_type = "integer", multiline = true })).Error(422, "parameter_invalid"));
        var text = (await Api.PostAsync("/conversations/attributes", new { name = "Notes", data_type = "string" })).Ok()["id"].GetInt64();
        Assert.Equal("A conversation attribute named 'notes' already exists",
            (await Api.PostAsync("/conversations/attributes", new { name = "notes", data_type = "string" })).Error(422, "parameter_invalid"));

        Assert.Equal("Options can only be managed on list attributes",
            (await Api.PostAsync($"/conversations/attributes/{text}/options", new { label = "High" })).Error(422, "parameter_invalid"));
        var list = (await Api.PostAsync("/conversations/attributes", new { name = "Tier", data_type = "list", options = new[] { new { label = "A" }, new { label = "B" } } })).Ok();
        var id = list["id"].GetInt64();
        Assert.Equal("label is required", (await Api.PostAsync($"/conversations/attributes/{id}/options", new { })).Error(422, "parameter_invalid"));
        Assert.Equal("label must be a string", (await Api.PostAsync($"/conversations/attributes/{id}/options", new { label = 3 })).Error(422, "parameter_invalid"));
        Assert.Equal("only 'label' is accepted", (await Api.PostAsync($"/conversations/attributes/{id}/options", new { label = "C", archived = true })).Error(422, "parameter_invalid"));
        Assert.Equal("An option labelled 'a' already exists on this attribute",
            (await Api.PostAsync($"/conversations/attributes/{id}/options", new { label = "a" })).Error(422, "parameter_invalid"));
        Assert.Equal(list.Json.GetRawText(), (await Api.GetAsync($"/conversations/attributes/{id}")).Ok().Json.GetRawText());

        Assert.Equal("Conversation attribute not found", (await Api.GetAsync("/conversations/attributes/999")).Error(404, "conversation_attribute_not_found"));
        Assert.Equal("Conversation attribute not found", (await Api.PutAsync("/conversations/attributes/abc", new { name = "x" })).Error(404, "conversation_attribute_not_found"));
        Assert.Equal("List option not found",
            (await Api.PutAsync($"/conversations/attributes/{id}/options/nope", new { label = "x" })).Error(404, "conversation_attribute_not_found"));
    }

    [Theory]
    [InlineData("2.14")]
    [InlineData("2.15")]
    public async Task Versions_before_2_16_have_no_conversation_attributes(string version)
    {
        var older = fixture.V2.WithVersion(version);
        Assert.Equal("Requested resource is not available in current API version", (await older.GetAsync("/conversations/attributes")).Error(400, "intercom_version_invalid"));
        Assert.Equal("Requested resource is not available in current API version",
            (await older.PostAsync("/conversations/attributes", new { name = "x", data_type = "string" })).Error(400, "intercom_version_invalid"));
    }
}
