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
    public static IReadOnlyDictionary<string, (int Status, string Why)> Refusing { get; } = new Dictionary<string, (int, string)>
    {
        ["POST /companies"] = (400, "the documented 400 \"bad 'x' parameter\""),
        ["POST /conversations/attributes/{id}/options"] = (422, "the documented 422 \"only 'label' is accepted\", the field named"),
        ["PUT /conversations/attributes/{id}/options/{option_id}"] = (422, "as POST /conversations/attributes/{id}/options"),
    };

    /// <summary>
    /// Each other described version the emulator answers as (2.12 and 2.13 answer as 2.11), where its fields differ
    /// from its own description (known gaps not yet modelled per version), on top of <see cref="Differences"/>: Extra are taken though that version's
    /// request schema lacks them, Missing are in that schema yet unknown to the emulator in that version; each with why.
    /// </summary>
    public static IReadOnlyDictionary<string, IReadOnlyDictionary<string, (string[] Extra, string[] Missing, string Why)>> VersionDifferences { get; } =
        new Dictionary<string, IReadOnlyDictionary<string, (string[], string[], string)>>
        {
            ["2.11"] = new Dictionary<string, (string[], string[], string)>(),
            ["2.15"] = new Dictionary<string, (string[], string[], string)>(),
            ["2.16"] = new Dictionary<string, (string[], string[], string)>(),
        };

    /// <summary>The 2.14 writes with a request body, as (method, template).</summary>
    public static IEnumerable<object[]> Writes() => WritesIn(OpenApiContract.Version).Select(w => new[] { w[1], w[2] });

    /// <summary>Every described version's writes with a request body that the emulator serves, as (version, method, template).</summary>
    public static IEnumerable<object[]> VersionedWrites() => OpenApiContract.Described
        .Where(v => v == OpenApiContract.Version || OpenApiContract.IsAvailable(v))
        .SelectMany(WritesIn);

    private static IEnumerable<object[]> WritesIn(string version) => EmulatedOperations.All
        .Where(o => RequestSchema(version, o.Method, o.Template) is not null)
        .Select(o => new object[] { version, o.Method, o.Template });

    [DescriptionTheory]
    [MemberData(nameof(VersionedWrites))]
    public async Task A_write_takes_the_fields_its_request_schema_defines(string version, string method, string template)
    {
        var name = $"{method} {template}";
        var path = string.Join('/', template.Split('/').Select(s => s.StartsWith('{') ? "1" : s));
        var answer = await fixture.V2.WithVersion(version).SendAsync(new HttpMethod(method), path, new Dictionary<string, object> { [Probe] = 1 });
        if (Refusing.TryGetValue(name, out var refusal))
        {
            Assert.Equal(refusal.Status, answer.Status);
            Assert.Contains(Probe, answer.Text);
            return;
        }

        var warning = answer.Header("X-Emulator-Warning");
        var prefix = $"ignored unknown field '{Probe}'; {method} {path} takes ";
        Assert.StartsWith(prefix, warning);
        var takes = warning![prefix.Length..].Split(", ").ToHashSet();
        var described = Properties(version, RequestSchema(version, method, template)!).ToHashSet();
        // A difference of every version that a later description closes (2.16 documents sort) is no longer one there.
        var extra = Differences.TryGetValue(name, out var difference)
            ? difference.Extra.Where(f => version == OpenApiContract.Version || !described.Contains(f)).ToArray()
            : [];
        var (versionExtra, missing, _) = VersionDifferences.TryGetValue(version, out var differences) && differences.TryGetValue(name, out var found)
            ? found
            : ([], [], "");
        var expected = described.Union(extra).Union(versionExtra).Except(missing).ToHashSet();
        Assert.True(takes.SetEquals(expected), $"{name} in {version} takes, beyond its description and the differences recorded: " +
            $"[{string.Join(", ", takes.Except(expected).Order())}]; lacks: [{string.Join(", ", expected.Except(takes).Order())}]");
        Assert.All(extra.Concat(versionExtra), field => Assert.DoesNotContain(field, described)); // a difference the description has since closed
        Assert.All(missing, field => Assert.Contains(field, described));
    }

    /// <summary>Each nested object of a versioned write, but those in a field the emulator does not take in that version (a recorded difference).</summary>
    public static IEnumerable<object[]> NestedObjects() => VersionedWrites()
        .SelectMany(w => Nested((string)w[0], RequestSchema((string)w[0], (string)w[1], (string)w[2])!)
            .Where(n => !(VersionDifferences.TryGetValue((string)w[0], out var d) && d.TryGetValue($"{w[1]} {w[2]}", out var f) && f.Missing.Contains(n.Key.TrimEnd('[', ']'))))
            .Select(n => new object[] { w[0], w[1], w[2], n.Key }));

    [DescriptionTheory]
    [MemberData(nameof(NestedObjects))]
    public async Task An_object_inside_a_write_takes_the_fields_its_nested_schema_defines(string version, string method, string template, string at)
    {
        var path = string.Join('/', template.Split('/').Select(s => s.StartsWith('{') ? "1" : s));
        var probe = new Dictionary<string, object> { [Probe] = 1 };
        var parent = at.TrimEnd('[', ']');
        var body = new Dictionary<string, object> { [parent] = at.EndsWith("[]", System.StringComparison.Ordinal) ? new[] { probe } : probe };
        var answer = await fixture.V2.WithVersion(version).SendAsync(new HttpMethod(method), path, body);

        var warning = answer.Header("X-Emulator-Warning");
        Assert.StartsWith($"ignored unknown field '{at}.{Probe}'; {method} {path} takes ", warning);
        var clause = warning!.Split("; ").SingleOrDefault(c => c.StartsWith($"{at} takes ", System.StringComparison.Ordinal));
        Assert.True(clause is not null, $"no '{at} takes' in: {warning}");
        var takes = clause![$"{at} takes ".Length..].Split(", ");
        Assert.Equal(Nested(version, RequestSchema(version, method, template)!)[at].Order(), takes.Order());
    }

    [DescriptionFact]
    public void Every_difference_names_a_write_the_description_gives_a_body()
    {
        var writes = VersionedWrites().Select(w => $"{w[1]} {w[2]}").ToHashSet(); // a later version's write (2.16's options) may refuse too
        Assert.All(Differences.Keys.Concat(Refusing.Keys), name => Assert.Contains(name, writes));
        foreach (var (version, differences) in VersionDifferences.Where(v => OpenApiContract.IsAvailable(v.Key)))
        {
            var inVersion = WritesIn(version).Select(w => $"{w[1]} {w[2]}").ToHashSet();
            Assert.All(differences.Keys, name => Assert.Contains(name, inVersion));
        }
    }

    private static JsonNode? RequestSchema(string version, string method, string template) =>
        Resolve(version, OpenApiContract.For(version).Raw["paths"]?[template]?[method.ToLowerInvariant()]?["requestBody"]) is { } body
            ? body["content"]?["application/json"]?["schema"]
            : null;

    /// <summary>The properties a schema defines, through $ref and every branch of oneOf, anyOf and allOf.</summary>
    private static IEnumerable<string> Properties(string version, JsonNode schema) =>
        Branches(version, schema).SelectMany(b => b["properties"] as JsonObject ?? []).Select(p => p.Key).Distinct();

    /// <summary>
    /// Each property (through every branch) that holds an object, or an array ("name[]") of objects, with properties of
    /// its own, and the properties it takes across every branch that gives it.
    /// </summary>
    private static Dictionary<string, HashSet<string>> Nested(string version, JsonNode schema)
    {
        var nested = new Dictionary<string, HashSet<string>>();
        foreach (var branch in Branches(version, schema))
        {
            foreach (var (name, property) in branch["properties"] as JsonObject ?? [])
            {
                if (Resolve(version, property) is not { } value)
                {
                    continue; // a property the description leaves without a schema (2.16 has some) has no shape to hold to
                }

                var array = value["type"]?.GetValue<string>() == "array";
                var inner = array && value["items"] is null ? [] : Properties(version, array ? value["items"]! : value).ToList();
                if (inner.Count > 0)
                {
                    var at = array ? name + "[]" : name;
                    nested[at] = [.. nested.GetValueOrDefault(at) ?? [], .. inner];
                }
            }
        }

        return nested;
    }

    private static IEnumerable<JsonNode> Branches(string version, JsonNode schema)
    {
        var resolved = Resolve(version, schema)!;
        return new[] { "oneOf", "anyOf", "allOf" }.SelectMany(k => resolved[k] as JsonArray ?? []).SelectMany(b => Branches(version, b!)).Prepend(resolved);
    }

    private static JsonNode? Resolve(string version, JsonNode? node)
    {
        while (node?["$ref"]?.GetValue<string>() is { } reference)
        {
            node = reference.TrimStart('#', '/').Split('/').Aggregate((JsonNode?)OpenApiContract.For(version).Raw, (n, key) => n?[key]);
        }

        return node;
    }
}
