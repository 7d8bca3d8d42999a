using System.Collections.Generic;
using System.Linq;
using System.Net.Http;
using System.Text.Json.Nodes;
using System.Threading.Tasks;
using IntercomPS.Testing;
using Xunit;

namespace IntercomPS.V2.Tests.Conformance;

/// <summary>
/// The fields each 2.x write takes, against the description's request schema: a body with one field no schema has is
/// sent to every served operation that has a request body, and the X-Emulator-Warning that names it lists what the
/// operation takes, which must be exactly the properties the description defines for it (across oneOf, anyOf and
/// allOf), but for the deliberate differences below. The emulator's lists live beside their handlers; this reads them
/// the way a script author does, so no second list exists. Inside a body, each object (or array of objects) the
/// description gives a fixed shape is held to its nested schema the same way.
/// </summary>
public class RequestFieldsTests(EmulatorFixture fixture) : IClassFixture<EmulatorFixture>
{
    private const string Probe = "emulator_probe_field";

    /// <summary>The ONE list of writes whose fields differ from the description's on purpose, each with why.</summary>
    public static IReadOnlyDictionary<string, (string[] Extra, string Why)> Differences { get; } = new Dictionary<string, (string[], string)>
    {
        ["POST /contacts"] = (["language_override"], "a contact answer carries it, so a fetched contact sent back is no typo; checked for type, not kept"),
        ["PUT /contacts/{contact_id}"] = (["language_override"], "as POST /contacts"),
        ["PUT /companies/{company_id}"] = (["remote_created_at"], "applied on update as on create; the create schema has it"),
        ["POST /contacts/search"] = (["sort"], "Intercom documents sort {field, order} in prose and the emulator applies it"),
        ["POST /conversations/search"] = (["sort"], "as POST /contacts/search"),
        ["POST /tickets/search"] = (["sort"], "as POST /contacts/search"),
        ["PUT /data_attributes/{data_attribute_id}"] = (["data_type"], "refused with its own 400 (a type cannot change), not ignored"),
        ["DELETE /conversations/{conversation_id}/customers/{contact_id}"] = (["customer"],
            "the description's own request examples send the contact as customer beside admin_id; taken, the path names the contact"),
    };

    /// <summary>Writes that refuse an unknown field outright rather than ignore it: nothing is silent, so no warning.</summary>
    public static IReadOnlyDictionary<string, string> Refusing { get; } = new Dictionary<string, string>
    {
        ["POST /companies"] = "the documented 400 \"bad 'x' parameter\"",
    };

    public static IEnumerable<object[]> Writes() => EmulatedOperations.All
        .Where(o => RequestSchema(o.Method, o.Template) is not null)
        .Select(o => new object[] { o.Method, o.Template });

    [DescriptionTheory]
    [MemberData(nameof(Writes))]
    public async Task A_write_takes_the_fields_its_request_schema_defines(string method, string template)
    {
        var name = $"{method} {template}";
        var path = string.Join('/', template.Split('/').Select(s => s.StartsWith('{') ? "1" : s));
        var answer = await fixture.V2.SendAsync(new HttpMethod(method), path, new Dictionary<string, object> { [Probe] = 1 });
        if (Refusing.ContainsKey(name))
        {
            Assert.Equal(400, answer.Status);
            Assert.Contains(Probe, answer.Text);
            return;
        }

        var warning = answer.Header("X-Emulator-Warning");
        var prefix = $"ignored unknown field '{Probe}'; {method} {path} takes ";
        Assert.StartsWith(prefix, warning);
        var takes = warning![prefix.Length..].Split(", ").ToHashSet();
        var described = Properties(RequestSchema(method, template)!).ToHashSet();
        var extra = Differences.TryGetValue(name, out var difference) ? difference.Extra : [];
        Assert.Equal(described.Union(extra).Order(), takes.Order());
        Assert.All(extra, field => Assert.DoesNotContain(field, described)); // a difference the description has since closed
    }

    public static IEnumerable<object[]> NestedObjects() => Writes()
        .SelectMany(w => Nested(RequestSchema((string)w[0], (string)w[1])!).Select(n => new object[] { w[0], w[1], n.Key }));

    [DescriptionTheory]
    [MemberData(nameof(NestedObjects))]
    public async Task An_object_inside_a_write_takes_the_fields_its_nested_schema_defines(string method, string template, string at)
    {
        var path = string.Join('/', template.Split('/').Select(s => s.StartsWith('{') ? "1" : s));
        var probe = new Dictionary<string, object> { [Probe] = 1 };
        var parent = at.TrimEnd('[', ']');
        var body = new Dictionary<string, object> { [parent] = at.EndsWith("[]", System.StringComparison.Ordinal) ? new[] { probe } : probe };
        var answer = await fixture.V2.SendAsync(new HttpMethod(method), path, body);

        var warning = answer.Header("X-Emulator-Warning");
        Assert.StartsWith($"ignored unknown field '{at}.{Probe}'; {method} {path} takes ", warning);
        var clause = warning!.Split("; ").SingleOrDefault(c => c.StartsWith($"{at} takes ", System.StringComparison.Ordinal));
        Assert.True(clause is not null, $"no '{at} takes' in: {warning}");
        var takes = clause![$"{at} takes ".Length..].Split(", ");
        Assert.Equal(Nested(RequestSchema(method, template)!)[at].Order(), takes.Order());
    }

    [DescriptionFact]
    public void Every_difference_names_a_write_the_description_gives_a_body()
    {
        var writes = Writes().Select(w => $"{w[0]} {w[1]}").ToHashSet();
        Assert.All(Differences.Keys.Concat(Refusing.Keys), name => Assert.Contains(name, writes));
    }

    private static JsonNode? RequestSchema(string method, string template) =>
        Resolve(OpenApiContract.Instance.Raw["paths"]?[template]?[method.ToLowerInvariant()]?["requestBody"]) is { } body
            ? body["content"]?["application/json"]?["schema"]
            : null;

    /// <summary>The properties a schema defines, through $ref and every branch of oneOf, anyOf and allOf.</summary>
    private static IEnumerable<string> Properties(JsonNode schema) =>
        Branches(schema).SelectMany(b => b["properties"] as JsonObject ?? []).Select(p => p.Key).Distinct();

    /// <summary>
    /// Each property (through every branch) that holds an object, or an array ("name[]") of objects, with properties of
    /// its own, and the properties it takes across every branch that gives it.
    /// </summary>
    private static Dictionary<string, HashSet<string>> Nested(JsonNode schema)
    {
        var nested = new Dictionary<string, HashSet<string>>();
        foreach (var branch in Branches(schema))
        {
            foreach (var (name, property) in branch["properties"] as JsonObject ?? [])
            {
                var value = Resolve(property)!;
                var array = value["type"]?.GetValue<string>() == "array";
                var inner = Properties(array ? value["items"]! : value).ToList();
                if (inner.Count > 0)
                {
                    var at = array ? name + "[]" : name;
                    nested[at] = [.. nested.GetValueOrDefault(at) ?? [], .. inner];
                }
            }
        }

        return nested;
    }

    private static IEnumerable<JsonNode> Branches(JsonNode schema)
    {
        var resolved = Resolve(schema)!;
        return new[] { "oneOf", "anyOf", "allOf" }.SelectMany(k => resolved[k] as JsonArray ?? []).SelectMany(b => Branches(b!)).Prepend(resolved);
    }

    private static JsonNode? Resolve(JsonNode? node)
    {
        while (node?["$ref"]?.GetValue<string>() is { } reference)
        {
            node = reference.TrimStart('#', '/').Split('/').Aggregate((JsonNode?)OpenApiContract.Instance.Raw, (n, key) => n?[key]);
        }

        return node;
    }
}
