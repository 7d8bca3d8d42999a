using System.Collections.Generic;
using System.Linq;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Threading.Tasks;
using IntercomPS.Testing;
using IntercomPS.V2.Tests.Conformance;
using Xunit;

namespace IntercomPS.V2.Tests;

/// <summary>
/// An unset field the description defines as nullable, and whose example of the same operation the real service sends
/// (as null, mostly), is sent, not left out: a client reading it (the Node SDK's types make every one a key) found
/// undefined where the API gives null. The description decides which fields; the answer must carry each of them.
/// </summary>
public class NullFieldsTests(EmulatorFixture fixture) : IClassFixture<EmulatorFixture>
{
    private V2Client Api => fixture.V2;

    [DescriptionFact]
    public async Task A_contact_sends_every_nullable_field_its_examples_send()
    {
        var id = (await Api.PostAsync("/contacts", new { email = EmulatorFixture.NewEmail() })).Ok()["id"].GetString();
        Assert.Empty(Missing((await Api.GetAsync($"/contacts/{id}")).Ok().Json, "/contacts/{contact_id}", "get", "successful"));
    }

    [DescriptionFact]
    public async Task A_conversation_and_its_parts_send_every_nullable_field_the_examples_send()
    {
        var contact = (await Api.PostAsync("/contacts", new { email = EmulatorFixture.NewEmail() })).Ok()["id"].GetString();
        var admin = (await Api.GetAsync("/me")).Ok()["id"].GetString();
        var id = (await Api.PostAsync("/conversations", new { from = new { type = "user", id = contact }, body = "Hello?" })).Ok()["conversation_id"].GetString();
        (await Api.PostAsync($"/conversations/{id}/reply", new { message_type = "comment", type = "admin", admin_id = admin, body = "Hi" })).Ok();
        var answer = (await Api.GetAsync($"/conversations/{id}")).Ok().Json;
        const string Template = "/conversations/{conversation_id}";
        Assert.Empty(Missing(answer, Template, "get", "conversation found"));
        Assert.Equal(answer.GetProperty("created_at").GetInt64(), answer.GetProperty("first_contact_reply").GetProperty("created_at").GetInt64()); // the contact's first message

        var example = OpenApiContract.Instance.Example(Template, "get", 200, "conversation found");
        var part = Assert.Single(answer.GetProperty("conversation_parts").GetProperty("conversation_parts").EnumerateArray());
        Assert.Empty(Missing(part, example.GetProperty("conversation_parts").GetProperty("conversation_parts")[0], Schema("conversation_part")));
        Assert.Empty(Missing(answer.GetProperty("source"), example.GetProperty("source"), Schema("conversation_source")));
    }

    [DescriptionFact]
    public async Task Admins_notes_tags_and_companies_send_every_nullable_field_the_examples_send()
    {
        var contact = (await Api.PostAsync("/contacts", new { email = EmulatorFixture.NewEmail() })).Ok()["id"].GetString();
        var me = (await Api.GetAsync("/me")).Ok();
        Assert.Empty(Missing(me.Json, "/me", "get", "Successful response"));
        Assert.Empty(Missing((await Api.GetAsync($"/admins/{me["id"].GetString()}")).Ok().Json, "/admins/{admin_id}", "get", "Admin found"));
        var note = (await Api.PostAsync($"/contacts/{contact}/notes", new { body = "n" })).Ok()["id"].GetString();
        Assert.Empty(Missing((await Api.GetAsync($"/notes/{note}")).Ok().Json, "/notes/{note_id}", "get", "Note found"));
        var tag = (await Api.PostAsync("/tags", new { name = EmulatorFixture.NewId("null") })).Ok()["id"].GetString();
        Assert.Empty(Missing((await Api.GetAsync($"/tags/{tag}")).Ok().Json, "/tags/{tag_id}", "get", "Tag found"));
        Assert.Empty(Missing((await Api.PostAsync($"/contacts/{contact}/tags", new { id = tag })).Ok().Json, "/contacts/{contact_id}/tags", "post", "successful"));
        var company = (await Api.PostAsync("/companies", new { company_id = EmulatorFixture.NewId("co") })).Ok()["id"].GetString();
        Assert.Empty(Missing((await Api.GetAsync($"/companies/{company}")).Ok().Json, "/companies/{company_id}", "get", "Successful"));
    }

    /// <summary>
    /// The fields the example <paramref name="name"/> of the operation's 200 sends, that its schema defines as nullable,
    /// which <paramref name="answer"/> leaves out.
    /// </summary>
    private static List<string> Missing(JsonElement answer, string template, string method, string name)
    {
        var schema = OpenApiContract.Instance.Raw["paths"]![template]![method]!["responses"]!["200"]!["content"]!["application/json"]!["schema"]!;
        return Missing(answer, OpenApiContract.Instance.Example(template, method, 200, name), schema);
    }

    private static List<string> Missing(JsonElement answer, JsonElement example, JsonNode schema)
    {
        var nullable = Properties(schema).Where(p => IsNullable(p.Value)).Select(p => p.Key).ToHashSet();
        return [.. example.EnumerateObject().Select(p => p.Name).Where(field => nullable.Contains(field) && !answer.TryGetProperty(field, out _))];
    }

    /// <summary>A schema's properties, its allOf parts' included, as the description writes them (3.0: nullable beside type).</summary>
    private static Dictionary<string, JsonNode> Properties(JsonNode schema)
    {
        var found = new Dictionary<string, JsonNode>();
        void Collect(JsonNode part)
        {
            part = Resolve(part);
            foreach (var inner in part["allOf"]?.AsArray() ?? [])
            {
                Collect(inner!);
            }

            foreach (var (field, property) in part["properties"]?.AsObject() ?? [])
            {
                found[field] = property!;
            }
        }

        Collect(schema);
        return found;
    }

    private static bool IsNullable(JsonNode property) => Resolve(property)["nullable"]?.GetValue<bool>() == true || property["nullable"]?.GetValue<bool>() == true;

    private static JsonNode Schema(string component) => Resolve(new JsonObject { ["$ref"] = "#/components/schemas/" + component });

    private static JsonNode Resolve(JsonNode schema) => schema["$ref"] is { } reference
        ? OpenApiContract.Instance.Raw["components"]!["schemas"]![reference.GetValue<string>().Split('/')[^1]]!
        : schema;
}
