using System;
using System.Collections.Generic;
using System.Linq;
using System.Text.Json.Nodes;

namespace IntercomPS.V2.Tests.Conformance;

/// <summary>
/// The ONE list of places where Intercom's published descriptions (2.14, and the other versions the suite reads) contradict their own examples, the live API or
/// the official SDK (intercom-node 7.0.3). Validation applies exactly these corrections and nothing else; each says
/// why. A correction whose location no longer exists fails loudly, so a newer description cannot silently skip one.
/// Schema locations are JSON pointers into the OpenAPI 3.1 form (component refs already renamed to $defs);
/// example locations point into the YAML as written.
/// </summary>
public static class Errata
{
    private const string Everywhere = "*";

    /// <summary>Corrections of what 2.14 added (custom_attributes typed per value, 2.14's "conversation found" example), and so only in 2.14 and later.</summary>
    private static readonly string[] Since214 = ["2.14", "2.15", "2.16"];

    public static IReadOnlyList<Erratum> All { get; } =
    [
        new(Everywhere, ErratumTarget.Schema, _ => { },
            "OpenAPI 3.0 ignores keywords beside a $ref, but the description writes `nullable: true` beside a $ref "
            + "(conversation.ai_agent, conversation_part.assigned_to, .email_message_metadata, .event_details ...) to mean "
            + "\"this object or null\", and its examples, the live API and the SDK's optional types give null there. "
            + "Every such $ref becomes anyOf [$ref, null]."),
        new("/components/schemas", ErratumTarget.Schema,
            node => node["custom_attributes"] = new JsonObject
            {
                ["type"] = "object",
                ["additionalProperties"] = new JsonObject { ["type"] = new JsonArray("string", "number", "boolean", "null") },
            },
            "2.11's conversation, conversation_list_item, create_phone_switch_request and update_conversation_request refer "
            + "to #/components/schemas/custom_attributes, which 2.11 does not define (2.14 does): without it no conversation "
            + "can be judged. It is defined as what the API stores there, a flat object of scalar values.",
            ["2.11"]),
        .. new[] { "admin", "admin_with_app" }.Select(admin => new Erratum(
            $"/components/schemas/{admin}/required", ErratumTarget.Schema,
            DropRequired("job_title", "away_mode_enabled", "away_mode_reassign", "has_inbox_seat", "team_ids"),
            $"2.11's {admin} requires job_title, away_mode_enabled, away_mode_reassign, has_inbox_seat and team_ids, but its "
            + "own examples of GET /me, GET /admins, /admins/{id} and a note's author leave them out (2.14 requires none of "
            + "them): not required.",
            ["2.11"])),
        new("/components/schemas/tag/required", ErratumTarget.Schema, DropRequired("applied_at", "applied_by"),
            "2.11's tag requires applied_at and applied_by, but says they are \"only present when the tag is returned as part "
            + "of a tagging operation\", and its examples of GET /tags, POST /tags and GET /tags/{id} leave them out (2.14 "
            + "requires neither): not required.",
            ["2.11"]),
        new("/components/schemas/message/required", ErratumTarget.Schema, DropRequired("subject", "conversation_id"),
            "2.11's message requires subject and conversation_id, but its example of POST /conversations leaves out the "
            + "subject, and its \"admin message created\" of POST /messages the conversation_id (2.14 requires neither): "
            + "not required.",
            ["2.11"]),
        new("/components/schemas/data_attribute/required", ErratumTarget.Schema, DropRequired("description"),
            "2.11's data_attribute requires description, but its example of POST /data_attributes leaves it out (2.14 "
            + "requires nothing): not required.",
            ["2.11"]),
        .. new[] { "conversation_rating", "conversation_teammates", "conversation_first_contact_reply", "conversation_statistics" }.Select(component => new Erratum(
            $"/components/schemas/{component}/type", ErratumTarget.Schema, node => ReplaceWith(node, new JsonArray("object", "null")),
            $"2.11's {component} is not nullable (2.14 makes it so), yet its examples of every conversation answer give null "
            + "there: the object or null.",
            ["2.11"])),
        new("/components/schemas/error/properties/request_id", ErratumTarget.Schema,
            node =>
            {
                ((JsonObject)node).Remove("format");
                node["anyOf"] = new JsonArray(new JsonObject { ["format"] = "uuid" }, new JsonObject { ["pattern"] = "^[0-9a-v]{20}$" });
            },
            "error.request_id says format uuid, as its examples show, but answers captured from the real service carry "
            + "20 lowercase base32 characters (\"000hjqhpf95ef3b8f8v0\" in airbyte's source-intercom tests), the form the "
            + "emulator gives when asked: a UUID or that."),
        new("/components/schemas/tag/properties/applied_by", ErratumTarget.Schema,
            node => ReplaceWith(node, new JsonObject
            {
                ["anyOf"] = new JsonArray(new JsonObject { ["$ref"] = "#/$defs/reference" }, new JsonObject { ["type"] = "null" }),
            }),
            "tag.applied_by writes `nullable: true` beside an allOf of the reference schema, to mean \"the admin or null\" (it "
            + "is only given when a tagging operation returns the tag, and 2.11 requires the field on every tag), but in 3.1 "
            + "the allOf refuses the null the nullable allows: the admin reference or null."),
        .. new[] { "contact_tags", "contact_notes", "contact_companies" }.Select(list => new Erratum(
            $"/components/schemas/{list}/properties/url", ErratumTarget.Schema, node => node["format"] = "uri-reference",
            $"{list}.url says format uri, but its example and the live API give a path relative to the API root "
            + "(\"/contacts/5ba682d23d7cf92bef87bfd4/tags\"): a URI reference, not an absolute URI.")),
        new("/components/schemas/company_data/properties/url", ErratumTarget.Schema, node => node["format"] = "uri-reference",
            "company_data.url says format uri, but describes it as \"The relative URL of the company\" and its example is "
            + "\"/companies/5ba682d23d7cf92bef87bfd4\": a path relative to the API root, a URI reference.",
            Since214),
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
        new("/paths/~1admins~1{admin_id}~1away/put/responses/400/content/application~1json", ErratumTarget.Schema,
            node => node["schema"] = new JsonObject { ["$ref"] = "#/$defs/error" },
            "PUT /admins/{id}/away documents its 400s (parameter_invalid, away_status_reason_mandatory) with examples of the "
            + "error list but no schema, which every other 400 of the description has: the error schema.",
            Since214),
        new("/components/schemas/ticket_part/required", ErratumTarget.Schema, DropRequired("body", "ticket_state"),
            "2.11's ticket_part requires body and ticket_state, but its examples of POST /tickets, GET and PUT /tickets/{id} "
            + "give parts without a body (a state change) and without a ticket_state (an assignment, an attribute's change, "
            + "a snooze), as 2.14 on require neither: not required.",
            ["2.11"]),
        new("/paths/~1tickets~1{ticket_id}/put/responses/404/content/application~1json", ErratumTarget.Schema,
            node => node["schema"] = new JsonObject { ["$ref"] = "#/$defs/error" },
            "PUT /tickets/{id} documents its 404s (assignee_not_found) with examples of the error list but no schema, which "
            + "every other 404 of the description has: the error schema."),
        new("/paths/~1tickets~1{ticket_id}/put/responses/400/content/application~1json", ErratumTarget.Schema,
            node => node["schema"] = new JsonObject { ["$ref"] = "#/$defs/error" },
            "PUT /tickets/{id} documents its 400 (ticket_state_id_invalid) with an example of the error list but no schema, "
            + "which every other 400 of the description has: the error schema.",
            Since214),
        new("/components/schemas/custom_attributes/additionalProperties", ErratumTarget.Schema,
            node => ((JsonArray)node["anyOf"]!).Add(new JsonObject { ["type"] = new JsonArray("number", "boolean", "null") }),
            "custom_attributes allows only string, integer, datetime or a custom object list, but its own example "
            + "holds paid_subscriber: true and monthly_spend: 155.5, and the API stores boolean and float attributes "
            + "(data_attributes.data_type lists boolean and float): numbers, booleans and null are allowed too.",
            Since214),
        new("/components/schemas/custom_object_instance/properties/custom_attributes/additionalProperties", ErratumTarget.Schema,
            node => node["type"] = new JsonArray("string", "number", "boolean", "null"),
            "A custom object instance's custom_attributes are typed as strings only, but the example of PUT "
            + "/contacts/{id} holds total_amount: 99.99: attribute values are any scalar, as on contacts.",
            Since214),
        new("/components/schemas/article_list_item/required", ErratumTarget.Schema, DropRequired("default_locale", "translated_content", "statistics"),
            "2.11's article_list_item requires default_locale, translated_content and statistics, but says the first two are "
            + "\"only returned for multilingual help centers\", and every one of its article examples (the list, the search, "
            + "one article) leaves them out, a list item statistics too (2.14 requires none of them): not required.",
            ["2.11"]),
        new("/components/schemas/article_statistics/required", ErratumTarget.Schema, DropRequired("conversions"),
            "2.11's article_statistics requires conversions, but its examples of an article write \"conversations\" instead; "
            + "the emulator answers conversions, the property both the schema and the SDK (ArticleStatistics.conversions) name, "
            + "and 2.14 requires nothing: not required.",
            ["2.11"]),
        new("/components/schemas/collection/required", ErratumTarget.Schema, DropRequired("default_locale"),
            "2.11's collection requires default_locale, but says it is \"only returned for multilingual help centers\" and "
            + "every one of its collection examples leaves it out (2.14 requires nothing): not required.",
            ["2.11"]),
        new("/components/schemas/company/required", ErratumTarget.Schema, DropRequired("last_request_at", "size", "website", "industry"),
            "2.11's company requires last_request_at, size, website and industry, but every one of its company examples "
            + "(POST /companies, GET /companies/{id}, the list, the scroll, a contact's companies) leaves them out, as a "
            + "company that never set them is answered (2.14 requires none of them): not required.",
            ["2.11"]),
        new("/components/schemas/contact_attached_companies/required", ErratumTarget.Schema, DropRequired("companies"),
            "2.11's contact_attached_companies requires companies, but its example of GET /contacts/{id}/companies lists "
            + "them in data, as every other list does (2.14 requires neither): not required.",
            ["2.11"]),
        new("/components/schemas/company_attached_segments/required", ErratumTarget.Schema, DropRequired("total_count"),
            "2.11's company_attached_segments requires total_count, which it does not define, and its example of GET "
            + "/companies/{id}/segments leaves it out (2.14 requires nothing): not required.",
            ["2.11"]),
        new("/components/schemas/company_scroll/properties/pages", ErratumTarget.Schema,
            node => ReplaceWith(node, new JsonObject
            {
                ["anyOf"] = new JsonArray(new JsonObject { ["$ref"] = "#/$defs/cursor_pages" }, new JsonObject { ["type"] = "null" }),
            }),
            "2.11's company_scroll.pages is a cursor_pages, which 2.11 does not make nullable (2.14 does), yet its example of "
            + "GET /companies/scroll gives null there, as a scroll has no pages: the object or null.",
            ["2.11"]),
        new("/components/schemas/company/properties/custom_attributes/additionalProperties", ErratumTarget.Schema,
            node => node["type"] = new JsonArray("string", "number", "boolean", "null"),
            "A company's custom_attributes are typed as strings only, but the schema's own example holds paid_subscriber: "
            + "true, monthly_spend: 155.5 and team_mates: 9, and companies take boolean and number attributes as contacts "
            + "do: any scalar."),
        new("/components/schemas/ticket_type_attribute/properties/input_options/type", ErratumTarget.Schema, node => ReplaceWith(node, new JsonArray("object", "null")),
            "ticket_type_attribute.input_options is typed as an object, but the examples of GET /ticket_types, GET and PUT "
            + "/ticket_types/{id} give null there for an attribute that has no input options: the object or null."),
        new("/components/schemas/ticket_type_attribute_list", ErratumTarget.Schema,
            node =>
            {
                ((JsonObject)node).Remove("required");
                ((JsonObject)node["properties"]!["type"]!).Remove("enum");
            },
            "2.11's ticket_type_attribute_list requires type `ticket_type_attributes.list` and a ticket_type_attributes array, "
            + "but every ticket type example of 2.11 (as of 2.14 on, which require neither) lists the attributes as "
            + "{type: list, data: [...]}, the form the emulator answers: neither is required, and type is any string.",
            ["2.11"]),
        new("/components/schemas/ticket_type_list", ErratumTarget.Schema,
            node => ReplaceWith(node, new JsonObject
            {
                ["type"] = "object",
                ["properties"] = new JsonObject
                {
                    ["type"] = new JsonObject { ["type"] = "string" },
                    ["data"] = new JsonObject { ["type"] = "array", ["items"] = new JsonObject { ["$ref"] = "#/$defs/ticket_type" } },
                },
            }),
            "2.11's ticket_type_list requires type `ticket_type_attributes.list` and a ticket_types array, but its example of "
            + "GET /ticket_types is {type: list, data: [...]}, the form 2.14 on describe: 2.14's schema.",
            ["2.11"]),
        new("/components/schemas/ticket_type_attribute/required", ErratumTarget.Schema, DropRequired("input_options"),
            "2.11's ticket_type_attribute requires input_options, but its example of PUT /ticket_types/{id}/attributes/{id} "
            + "leaves it out (2.14 requires nothing): not required.",
            ["2.11"]),
        .. Enumerable.Range(0, 4).Select(part => new Erratum(
            $"/paths/~1conversations~1{{conversation_id}}/get/responses/200/content/application~1json/examples/conversation found/value/conversation_parts/conversation_parts/{part}/id",
            ErratumTarget.Example, NumberAsString,
            "The \"conversation found\" example writes its part ids as the numbers 1 to 4, while the schema, every other "
            + "example and the SDK (ConversationPart.id: string) have part ids as strings: the example is read as \"1\" to \"4\".",
            Since214)),
        new("/paths/~1admins~1{admin_id}~1away/put/responses/200/content/application~1json/examples/Successful response/value/away_status_reason_id",
            ErratumTarget.Example, node => ReplaceWith(node, JsonValue.Create(long.Parse(node.GetValue<string>(), System.Globalization.CultureInfo.InvariantCulture))),
            "The example of PUT /admins/{id}/away writes away_status_reason_id as the string '12345', while the admin schema "
            + "types it as an integer (null when not away), as the request's own away_status_reason_id is: read as 12345.",
            Since214),
        new("/paths/~1brands~1{id}/get/responses/404/content/application~1json/examples/Brand not found/value/request_id",
            ErratumTarget.Example, node => ReplaceWith(node, JsonValue.Create("b6b3c2de-2a8c-4a6a-9f36-1a7c2e5d4f10")),
            "The \"Brand not found\" example of GET /brands/{id} writes its request_id as \"req_12345\", which is neither the "
            + "UUID the error schema says nor the real service's own form: read as a UUID.",
            ["2.15", "2.16"]),
        .. new[] { ("400", "Missing ticket_type_id"), ("400", "Missing ticket_state_id"), ("400", "Same ticket type"), ("400", "Ticket state not in new ticket type"),
            ("400", "Unknown ticket attribute"), ("401", "Unauthorized"), ("404", "Ticket not found") }.Select(e => new Erratum(
            $"/paths/~1tickets~1{{ticket_id}}~1change_type/post/responses/{e.Item1}/content/application~1json/examples/{e.Item2}/value/request_id",
            ErratumTarget.Example, node => ReplaceWith(node, JsonValue.Create("b6b3c2de-2a8c-4a6a-9f36-1a7c2e5d4f10")),
            $"The \"{e.Item2}\" example of POST /tickets/{{id}}/change_type writes its request_id with letters past f (\"f90a55j9-...\"), "
            + "neither the UUID the error schema says nor the real service's own form: read as a UUID.",
            ["2.16"])),
        .. new[] { ("403", "feature_disabled", "req-456"), ("404", "team_not_found", "req-789") }.Select(e => new Erratum(
            $"/paths/~1teams~1{{team_id}}~1metrics/get/responses/{e.Item1}/content/application~1json/examples/{e.Item2}/value/request_id",
            ErratumTarget.Example, node => ReplaceWith(node, JsonValue.Create("b6b3c2de-2a8c-4a6a-9f36-1a7c2e5d4f10")),
            $"The \"{e.Item2}\" example of GET /teams/{{team_id}}/metrics writes its request_id as \"{e.Item3}\", which is neither the "
            + "UUID the error schema says nor the real service's own form: read as a UUID.",
            ["2.16"])),
        new("/paths/~1tickets~1{ticket_id}~1change_type/post/responses/200/content/application~1json/examples/Successful response/value/ticket_state",
            ErratumTarget.Example, node => ReplaceWith(node, new JsonObject
            {
                ["type"] = "ticket_state", ["id"] = "1", ["category"] = "submitted", ["internal_label"] = "Submitted", ["external_label"] = "Submitted",
            }),
            "The 200 example of POST /tickets/{id}/change_type writes ticket_state as 2.11 did, the category \"submitted\" (with its labels "
            + "beside it), while 2.16's ticket schema, as every other 2.16 ticket example, has the ticket_state object: read as that object.",
            ["2.16"]),
        new("/paths/~1conversations~1{id}~1merge/post/responses/200/content/application~1json/examples/Conversation merged/value",
            ErratumTarget.Example, node =>
            {
                node["admin_assignee_id"] = 0;
                node["team_assignee_id"] = 0;
            },
            "The \"Conversation merged\" example of POST /conversations/{id}/merge writes its unassigned admin_assignee_id "
            + "and team_assignee_id as null, while 2.16's conversation types both as integers and its other examples write an "
            + "unassigned conversation's as 0: read as 0.",
            ["2.16"]),
        .. new[] { "body", "body_text" }.Select(field => new Erratum($"/components/schemas/macro/properties/{field}/type", ErratumTarget.Schema,
            node => ReplaceWith(node, new JsonArray("string", "null")),
            $"The macro schema types {field} as a string, while the \"large_list_preview\" example of GET /macros gives it as null "
            + "(\"when returning 30+ macros, body rendering may be skipped for performance\"): nullable. The emulator always renders it.",
            ["2.16"])),
        new("/components/schemas/activity_log_metadata/properties", ErratumTarget.Schema, node =>
            {
                node["before"] = new JsonObject { ["description"] = "The value or settings before the change." };
                node["after"] = new JsonObject { ["description"] = "The value or settings after the change." };
            },
            "activity_log_metadata types before and after as objects whose \"structure varies by activity type\", while the "
            + "example of GET /admins/activity_logs gives an app_name_change's before and after as the names themselves "
            + "(strings). The SDK types them as objects too but checks nothing it is sent: the example is taken as what the "
            + "service writes, any value.",
            Since214),
        .. new[] { ("post", "/conversations/{conversation_id}/customers", "Attach a contact to a conversation"),
            ("delete", "/conversations/{conversation_id}/customers/{contact_id}", "Detach a contact from a group conversation") }.Select(op => new Erratum(
            $"/paths/{op.Item2.Replace("/", "~1", StringComparison.Ordinal)}/{op.Item1}/responses/200/content/application~1json/examples/{op.Item3}/value",
            ErratumTarget.Example, ConversationOfCustomers,
            $"The 200 example of {op.Item1.ToUpperInvariant()} {op.Item2} is only {{customers: [{{type, id}}]}}, a list no conversation has, while "
            + "the schema is the conversation (2.11's requires its id, source, contacts, state ...) and the SDK types the answer "
            + "Intercom.Conversation: read as the \"conversation found\" example of GET /conversations/{id} with those customers as its contacts.")),
    ];

    /// <summary>The "conversation found" example of GET /conversations/{id}, its contacts the customers the example lists.</summary>
    private static void ConversationOfCustomers(JsonNode node)
    {
        var found = Locate(node.Root, "/paths/~1conversations~1{conversation_id}/get/responses/200/content/application~1json/examples/conversation found/value")!.DeepClone();
        var contacts = (JsonArray)found["contacts"]!["contacts"]!;
        var reference = contacts[0]!;
        var customers = ((JsonArray)node["customers"]!).Select(customer =>
        {
            var contact = reference.DeepClone();
            contact["id"] = customer!["id"]!.GetValue<string>();
            return (JsonNode?)contact;
        }).ToArray();
        found["contacts"]!["contacts"] = new JsonArray(customers);
        ReplaceWith(node, found);
    }

    /// <summary>Applies the schema errata of <paramref name="version"/> to its 3.1 document and the example errata to its raw YAML.</summary>
    public static void Apply(string version, JsonObject document, JsonObject raw)
    {
        foreach (var erratum in All.Where(e => e.Versions is null || e.Versions.Contains(version)))
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

    /// <summary>Takes <paramref name="names"/> out of a schema's required list.</summary>
    private static Action<JsonNode> DropRequired(params string[] names) => node =>
    {
        foreach (var name in names)
        {
            var listed = ((JsonArray)node).FirstOrDefault(n => n!.GetValue<string>() == name)
                ?? throw new InvalidOperationException($"{name} is not required at {node.GetPath()}: the erratum is no longer needed");
            ((JsonArray)node).Remove(listed);
        }
    };

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

/// <summary>One correction: where, what it does there, and why it is right; in the descriptions of <paramref name="Versions"/> (null: every one).</summary>
public sealed record Erratum(string Location, ErratumTarget Target, Action<JsonNode> Fix, string Why, IReadOnlyList<string>? Versions = null);
