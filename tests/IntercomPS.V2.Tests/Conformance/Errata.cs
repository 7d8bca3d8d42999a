using System;
using System.Collections.Generic;
using System.Linq;
using System.Text.Json.Nodes;

namespace IntercomPS.V2.Tests.Conformance;

/// <summary>
/// The ONE list of places where Intercom's published 2.14 description contradicts its own examples, the live API or
/// the official SDK (intercom-node 7.0.3). Validation applies exactly these corrections and nothing else; each says
/// why. A correction whose location no longer exists fails loudly, so a newer description cannot silently skip one.
/// Schema locations are JSON pointers into the OpenAPI 3.1 form (component refs already renamed to $defs);
/// example locations point into the YAML as written.
/// </summary>
public static class Errata
{
    private const string Everywhere = "*";

    public static IReadOnlyList<Erratum> All { get; } =
    [
        new(Everywhere, ErratumTarget.Schema, _ => { },
            "OpenAPI 3.0 ignores keywords beside a $ref, but the description writes `nullable: true` beside a $ref "
            + "(conversation.ai_agent, conversation_part.assigned_to, .email_message_metadata, .event_details ...) to mean "
            + "\"this object or null\", and its examples, the live API and the SDK's optional types give null there. "
            + "Every such $ref becomes anyOf [$ref, null]."),
        .. new[] { "contact_tags", "contact_notes", "contact_companies" }.Select(list => new Erratum(
            $"/components/schemas/{list}/properties/url", ErratumTarget.Schema, node => node["format"] = "uri-reference",
            $"{list}.url says format uri, but its example and the live API give a path relative to the API root "
            + "(\"/contacts/5ba682d23d7cf92bef87bfd4/tags\"): a URI reference, not an absolute URI.")),
        new("/components/schemas/addressable_list/properties/type", ErratumTarget.Schema, node => ((JsonObject)node).Remove("format"),
            "addressable_list.type says format uri, but its own example is \"note\": the type of the object listed (tag, "
            + "note, company), a plain string."),
        new("/components/schemas/addressable_list/properties/url", ErratumTarget.Schema, node => node["format"] = "uri-reference",
            "addressable_list.url says format uri, but its example is \"/contacts/5ba682d23d7cf92bef87bfd4/notes\": a path "
            + "relative to the API root, a URI reference."),
        new("/paths/~1events/get/responses/200/content/application~1json/schema", ErratumTarget.Schema,
            node => ReplaceWith(node, new JsonObject
            {
                ["anyOf"] = new JsonArray(new JsonObject { ["$ref"] = "#/$defs/data_event_summary" }, new JsonObject { ["$ref"] = "#/$defs/data_event_list" }),
            }),
            "GET /events documents only the summary answer (summary=true), but without summary the API answers the "
            + "event.list the description defines as data_event_list (its next/since pages are that list's): either form."),
        new("/components/schemas/custom_attributes/additionalProperties", ErratumTarget.Schema,
            node => ((JsonArray)node["anyOf"]!).Add(new JsonObject { ["type"] = new JsonArray("number", "boolean", "null") }),
            "custom_attributes allows only string, integer, datetime or a custom object list, but its own example "
            + "holds paid_subscriber: true and monthly_spend: 155.5, and the API stores boolean and float attributes "
            + "(data_attributes.data_type lists boolean and float): numbers, booleans and null are allowed too."),
        new("/components/schemas/custom_object_instance/properties/custom_attributes/additionalProperties", ErratumTarget.Schema,
            node => node["type"] = new JsonArray("string", "number", "boolean", "null"),
            "A custom object instance's custom_attributes are typed as strings only, but the example of PUT "
            + "/contacts/{id} holds total_amount: 99.99: attribute values are any scalar, as on contacts."),
        .. Enumerable.Range(0, 4).Select(part => new Erratum(
            $"/paths/~1conversations~1{{conversation_id}}/get/responses/200/content/application~1json/examples/conversation found/value/conversation_parts/conversation_parts/{part}/id",
            ErratumTarget.Example, NumberAsString,
            "The \"conversation found\" example writes its part ids as the numbers 1 to 4, while the schema, every other "
            + "example and the SDK (ConversationPart.id: string) have part ids as strings: the example is read as \"1\" to \"4\".")),
    ];

    /// <summary>Applies the schema errata to the 3.1 document and the example errata to the raw YAML.</summary>
    public static void Apply(JsonObject document, JsonObject raw)
    {
        foreach (var erratum in All)
        {
            if (erratum.Location == Everywhere)
            {
                NullableBesideRef(raw, document);
                continue;
            }

            var node = Locate(erratum.Target == ErratumTarget.Schema ? document : raw, erratum.Location)
                ?? throw new InvalidOperationException($"Erratum location {erratum.Location} is not in the description: {erratum.Why}");
            erratum.Fix(node);
        }
    }

    /// <summary>A JSON pointer ("/components/..." with ~1 for '/').</summary>
    public static JsonNode? Locate(JsonNode root, string pointer)
    {
        JsonNode? node = root;
        foreach (var raw in pointer.TrimStart('/').Split('/'))
        {
            var part = raw.Replace("~1", "/", StringComparison.Ordinal).Replace("~0", "~", StringComparison.Ordinal);
            node = node switch
            {
                JsonObject o => o[part],
                JsonArray a when int.TryParse(part, out var i) && i < a.Count => a[i],
                _ => null,
            };
        }

        return node;
    }

    /// <summary>A bare number in an example, restated as the string the schema types it as.</summary>
    private static void NumberAsString(JsonNode node) => ReplaceWith(node, JsonValue.Create(node.ToJsonString()));

    private static void ReplaceWith(JsonNode node, JsonNode replacement)
    {
        switch (node.Parent)
        {
            case JsonObject parent:
                parent[node.GetPropertyName()] = replacement;
                break;
            case JsonArray array:
                array[node.GetElementIndex()] = replacement;
                break;
        }
    }

    /// <summary>Walks the YAML as written; where it has $ref with nullable: true, the 3.1 form gets anyOf [$ref, null].</summary>
    private static void NullableBesideRef(JsonNode raw, JsonNode converted)
    {
        if (raw is JsonObject rawObject && converted is JsonObject convertedObject)
        {
            if (rawObject["$ref"] is not null && rawObject["nullable"]?.GetValue<bool>() == true && convertedObject["$ref"] is { } reference)
            {
                convertedObject.Remove("$ref");
                convertedObject["anyOf"] = new JsonArray(new JsonObject { ["$ref"] = reference.GetValue<string>() }, new JsonObject { ["type"] = "null" });
            }

            foreach (var (name, child) in rawObject)
            {
                if (child is not null && name != "examples" && name != "example" && convertedObject[name] is { } convertedChild)
                {
                    NullableBesideRef(child, convertedChild);
                }
            }
        }
        else if (raw is JsonArray rawArray && converted is JsonArray convertedArray)
        {
            for (var i = 0; i < Math.Min(rawArray.Count, convertedArray.Count); i++)
            {
                if (rawArray[i] is { } child && convertedArray[i] is { } convertedChild)
                {
                    NullableBesideRef(child, convertedChild);
                }
            }
        }
    }
}

public enum ErratumTarget
{
    /// <summary>A schema in the description is wrong; the fix corrects it.</summary>
    Schema,

    /// <summary>A documented example is wrong; the fix restates it as the schema types it.</summary>
    Example,
}

/// <summary>One correction: where, what it does there, and why it is right.</summary>
public sealed record Erratum(string Location, ErratumTarget Target, Action<JsonNode> Fix, string Why);
