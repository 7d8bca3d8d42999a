using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Net.Http;
using System.Text.Json.Nodes;
using System.Threading.Tasks;
using IntercomPS.Testing;
using Xunit;

namespace IntercomPS.V2.Tests.Conformance;

/// <summary>
/// The description's REQUEST examples, replayed: for every operation the emulator serves, each requestBody example
/// (or, without one, the operation's parameter examples) is sent to the emulator, read straight from the YAML as
/// written. Ids that name objects are first made real in the test's own app, so the replay exercises real behaviour.
/// The answer must be the status the example documents and, as every answer of <see cref="V2Client"/>, conform to
/// the description's schema; an example naming a feature that is not emulated must get the emulator's clear 400.
/// </summary>
public class RequestExamplesTests(EmulatorFixture fixture) : IClassFixture<EmulatorFixture>
{
    private const string ParametersOnly = "(parameters)";

    /// <summary>
    /// The ONE list of request examples the emulator cannot serve as written, each with why (a feature the README lists
    /// as not emulated) and words of the 400's message, which must say so.
    /// </summary>
    public static IReadOnlyList<NotEmulated> NotServed { get; } =
    [
        new("PUT", "/contacts/{contact_id}", "update_a_contact_with_an_association_to_a_custom_object_instance", "custom objects are not emulated",
            "the example associates custom object instances (a list of their ids); custom objects are not emulated"),
        new("PUT", "/conversations/{conversation_id}", "update_a_conversation_with_an_association_to_a_custom_object_instance",
            "custom objects are not emulated", "the example associates custom object instances (a list of their ids); custom objects are not emulated"),
        .. new[] { "admin_quick_reply_reply", "contact_quick_reply_reply" }.Select(example => new NotEmulated(
            "POST", "/conversations/{conversation_id}/reply", example, "message_type quick_reply is not emulated",
            "quick replies are not emulated")),
        new("POST", "/messages", "user_message_created", "a message from a contact is not emulated",
            "the schema's from is always an admin; a contact starts a conversation with POST /conversations"),
        new("POST", "/messages", "lead_message_created", "a message from a contact is not emulated",
            "the schema's from is always an admin; a contact starts a conversation with POST /conversations"),
        new("POST", "/messages", "admin_message_created", "message_type conversation is not emulated",
            "a group message (message_type conversation, several recipients, cc and bcc) is not emulated; inapp and email to one contact are"),
    ];

    public static IEnumerable<object[]> Examples()
    {
        var raw = OpenApiContract.Instance.Raw;
        foreach (var (method, template) in EmulatedOperations.InContract)
        {
            var operation = raw["paths"]![template]![method.ToLowerInvariant()]!;
            if (operation["requestBody"]?["content"]?["application/json"]?["examples"] is JsonObject bodies)
            {
                foreach (var (name, _) in bodies)
                {
                    yield return [method, template, name];
                }
            }
            else if (operation["requestBody"] is null && Parameters(raw, template, operation).All(p =>
                p["in"]?.GetValue<string>() != "query" || p["required"]?.GetValue<bool>() != true || Written(p) is not null))
            {
                // No body to replay: the operation's path and query parameters (their examples where given) are the request.
                yield return [method, template, ParametersOnly];
            }
        }
    }

    [DescriptionFact]
    public void Every_operation_is_replayed_but_those_whose_request_has_no_example()
    {
        // POST /events and /events/summaries document a body but no example of it, GET /events its required filter
        // and type but no example of them: EventsTests covers them.
        var replayed = Examples().Select(e => $"{e[0]} {e[1]}").ToHashSet();
        Assert.Equal(["POST /events", "GET /events", "POST /events/summaries"],
            EmulatedOperations.InContract.Select(o => $"{o.Method} {o.Template}").Where(o => !replayed.Contains(o)));
    }

    [DescriptionFact]
    public void Every_example_not_served_is_in_the_description_once_and_explained()
    {
        var examples = Examples().Select(e => $"{e[0]} {e[1]} {e[2]}").ToHashSet();
        Assert.All(NotServed, n =>
        {
            Assert.Contains($"{n.Method} {n.Template} {n.Example}", examples);
            Assert.False(string.IsNullOrWhiteSpace(n.Why));
        });
        Assert.Equal(NotServed.Count, NotServed.Select(n => (n.Method, n.Template, n.Example)).Distinct().Count());
    }

    [DescriptionTheory]
    [MemberData(nameof(Examples))]
    public async Task Documented_request_example_is_served(string method, string template, string example)
    {
        var contract = OpenApiContract.Instance;
        var operation = contract.Raw["paths"]![template]![method.ToLowerInvariant()]!;
        var world = await World.CreateAsync(fixture);
        var missing = Missing(template, example);

        var path = template;
        var query = new List<string>();
        foreach (var parameter in Parameters(contract.Raw, template, operation))
        {
            var name = parameter["name"]!.GetValue<string>();
            var written = Written(parameter);
            switch (parameter["in"]?.GetValue<string>())
            {
                case "path" when name == "conversation_id" && example.Contains("last_conversation", StringComparison.Ordinal):
                    // The example replies to the user's last conversation: the parameter's documented "last" form.
                    path = path.Replace("{" + name + "}", "last", StringComparison.Ordinal);
                    break;
                case "path":
                    var value = world.Substitute(KindOf(template, [name]), missing, written);
                    path = path.Replace("{" + name + "}", Uri.EscapeDataString(Scalar(value)), StringComparison.Ordinal);
                    break;
                case "query" when written is not null:
                    query.Add($"{Uri.EscapeDataString(name)}={Uri.EscapeDataString(Scalar(written))}");
                    break;
            }
        }

        if (query.Count > 0)
        {
            path += "?" + string.Join("&", query);
        }

        string? body = null;
        if (example != ParametersOnly)
        {
            // An example whose value is null (POST /contacts/{id}/companies' bad_request) is a request without a body.
            if (operation["requestBody"]!["content"]!["application/json"]!["examples"]![example]!["value"]?.DeepClone() is { } value)
            {
                world.SubstituteIds(template, missing, value, []);
                body = value.ToJsonString();
            }
        }

        if (example.EndsWith("already_exists", StringComparison.Ordinal) && NotServedAs(method, template, example) is null)
        {
            // The example is about an object that already exists: the same request makes it exist first.
            (await fixture.V2.SendAsync(new HttpMethod(method), path, body)).Ok(Expected(operation, ParametersOnly));
        }

        if (example == "detach_a_contact_from_a_group_conversation")
        {
            // The example takes a contact off a group conversation: the world's conversation gets a second contact first
            // (with its one contact, the answer is the documented 422 of the last customer, which "last_customer" replays).
            var other = (await fixture.V2.PostAsync("/contacts", new { email = EmulatorFixture.NewEmail() })).Ok()["id"].GetString();
            (await fixture.V2.PostAsync($"/conversations/{world[IdKind.Conversation]}/customers", new { admin_id = world[IdKind.Admin], customer = new { intercom_user_id = other } })).Ok();
        }

        if (template == "/conversations/{conversation_id}/convert" && example == "successful")
        {
            // Only a Customer type takes a conversation (its bad_request example is one that is not): the world's type,
            // Back-office, becomes one for the successful example.
            (await fixture.V2.PutAsync($"/ticket_types/{world[IdKind.TicketType]}", new { category = "Customer" })).Ok();
        }

        // An example of the 401 (PUT /admins/{id}/away's "unauthorized") is a request with a token that is no app's.
        var client = example == "unauthorized" ? fixture.V2For("no-app-has-this-token") : fixture.V2;
        var answer = await client.SendAsync(new HttpMethod(method), path, body);

        Assert.True(answer.Status < 500, $"{method} {path} -> {answer.Status}: {answer.Text}");
        if (NotServedAs(method, template, example) is { } notServed)
        {
            Assert.True(answer.Status == 400, $"{method} {path} with {body}: expected the 400 of a feature not emulated, got {answer.Status}: {answer.Text}");
            Assert.Contains(notServed.Says, answer.Json.GetProperty("errors")[0].GetProperty("message").GetString(), StringComparison.Ordinal);
        }
        else
        {
            var expected = Expected(operation, example);
            Assert.True(answer.Status == expected, $"{method} {path} with {body}: expected {expected}, got {answer.Status}: {answer.Text}");
            if (path.Contains("/last/", StringComparison.Ordinal))
            {
                Assert.Equal(world[IdKind.Conversation], answer["id"].GetString());
            }
        }
    }

    /// <summary>
    /// The status the example documents: the one whose response example has the same name ("contact_not_found" is
    /// "Contact not found"); otherwise the operation's success.
    /// </summary>
    private static int Expected(JsonNode operation, string example)
    {
        var responses = (JsonObject)operation["responses"]!;
        foreach (var (status, response) in responses)
        {
            if (response?["content"]?["application/json"]?["examples"] is JsonObject examples
                && examples.Any(e => Normalize(e.Key) == Normalize(example)))
            {
                return int.Parse(status, CultureInfo.InvariantCulture);
            }
        }

        return responses.Select(r => int.Parse(r.Key, CultureInfo.InvariantCulture)).First(s => s < 300);
    }

    /// <summary>An example's name as words (a response example's may end in a full stop its request example's key cannot have).</summary>
    private static string Normalize(string name) =>
        string.Join('_', new string(name.ToLowerInvariant().Select(c => char.IsLetterOrDigit(c) ? c : ' ').ToArray()).Split(' ', StringSplitOptions.RemoveEmptyEntries));

    private static NotEmulated? NotServedAs(string method, string template, string example) =>
        NotServed.FirstOrDefault(n => n.Method == method && n.Template == template && n.Example == example);

    /// <summary>
    /// The object an example says is missing ("contact_not_found", "user_not_found", "tag_not_found",
    /// "admin_not_found"; a bare "not_found" is the object the path names last): its ids stay as written, since they
    /// name nothing in the test's app. Every other id is substituted.
    /// </summary>
    private static IdKind? Missing(string template, string example) => example switch
    {
        "contact_not_found" or "user_not_found" => IdKind.Contact,
        "tag_not_found" => IdKind.Tag,
        "company_not_found" => IdKind.Company,
        "admin_not_found" => IdKind.Admin,
        "conversation_not_found" => IdKind.Conversation,
        "attribute_not_found" => IdKind.DataAttribute,
        "article_not_found" => IdKind.Article,
        "collection_not_found" => IdKind.Collection,
        "internal_article_not_found" => IdKind.InternalArticle,
        "ticket_not_found" => IdKind.Ticket,
        "assignee_not_found" => IdKind.Admin, // both the admin_id and the assignee_id of PUT /tickets/{id} stay as written
        "ticket_state_id_is_not_valid_or_is_not_associated_with_the_ticket_type" => IdKind.TicketState,
        "not_found" when template == "/conversations/redact" => IdKind.ConversationPart, // the part its ids name; the conversation is real
        "resource_not_found" when template.StartsWith("/contacts/{contact_id}/subscriptions", StringComparison.Ordinal) => IdKind.SubscriptionType,
        "not_found" => KindOf(template, [template.Split('{').Last().Split('}')[0]]),
        _ => null,
    };

    /// <summary>
    /// Which object an id names, by where it stands: a path parameter by its name, a body field by its path in the
    /// body (from.id of a new conversation and users[].id of POST /tags are contacts, from.id of a message an admin; id sent
    /// to a contact's tags is a tag).
    /// </summary>
    private static IdKind? KindOf(string template, string[] location) => location switch
    {
        // POST /messages: from is the admin who sends it, to the contact (by id, or by user_id as an example names it).
        ["from", "id"] when template == "/messages" => IdKind.Admin,
        ["to", "id"] or ["to", _, "id"] when template == "/messages" => IdKind.Contact,
        ["to", "user_id"] when template == "/messages" => IdKind.ExternalId,
        [.., "contact_id" or "intercom_user_id"] or ["from", "id"] or ["users", _, "id"] => IdKind.Contact,
        ["external_id"] => IdKind.ExternalId,
        [.., "admin_id" or "assignee_id"] => IdKind.Admin,
        [.., "author_id"] when template.StartsWith("/articles", StringComparison.Ordinal) => IdKind.Admin,
        ["parent_id"] when template.StartsWith("/articles", StringComparison.Ordinal) => IdKind.Collection,
        ["article_id"] => IdKind.Article,
        ["internal_article_id"] => IdKind.InternalArticle,
        ["author_id" or "owner_id"] when template.StartsWith("/internal_articles", StringComparison.Ordinal) => IdKind.Admin,
        ["collection_id"] => IdKind.Collection,
        ["help_center_id"] => IdKind.HelpCenter,
        ["tag_id"] => IdKind.Tag,
        ["id"] when template is "/contacts/{contact_id}/tags" or "/conversations/{conversation_id}/tags" => IdKind.Tag,
        ["team_id"] => IdKind.Team,
        ["note_id"] => IdKind.Note,
        ["company_id"] when template != "/companies" => IdKind.Company, // the path's Intercom id; POST /companies' body holds the workspace's own
        ["id"] when template == "/contacts/{contact_id}/companies" => IdKind.Company,
        ["segment_id"] => IdKind.Segment,
        ["from"] when template == "/contacts/merge" => IdKind.Lead,
        ["into"] when template == "/contacts/merge" => IdKind.Contact,
        ["conversation_id"] => IdKind.Conversation,
        ["conversation_part_id"] => IdKind.ConversationPart,
        ["source_id"] => IdKind.ConversationSource,
        ["data_attribute_id"] => IdKind.DataAttribute,
        ["away_status_reason_id"] => IdKind.AwayReason,
        ["subscription_id"] => IdKind.SubscriptionType,
        ["id"] when template == "/contacts/{contact_id}/subscriptions" => IdKind.SubscriptionType,
        ["ticket_type_id"] => IdKind.TicketType,
        ["ticket_id"] => IdKind.Ticket,
        ["ticket_state_id"] => IdKind.TicketState,
        ["job_id"] => IdKind.Job,
        ["contacts", _, "id"] when template is "/tickets" or "/tickets/enqueue" => IdKind.Contact,
        ["id"] when template == "/tickets/{ticket_id}/tags" => IdKind.Tag,
        ["attribute_id"] when template.StartsWith("/ticket_types/", StringComparison.Ordinal) => IdKind.TicketTypeAttribute,
        _ => null,
    };

    /// <summary>Path-level then operation-level parameters, $refs into components/parameters resolved.</summary>
    private static IEnumerable<JsonNode> Parameters(JsonObject raw, string template, JsonNode operation) =>
        new[] { raw["paths"]![template]!["parameters"], operation["parameters"] }
            .OfType<JsonArray>()
            .SelectMany(list => list)
            .Select(p => p!["$ref"] is { } reference
                ? Errata.Locate(raw, reference.GetValue<string>().TrimStart('#'))!
                : p!);

    private static JsonNode? Written(JsonNode parameter) => parameter["example"] ?? parameter["schema"]?["example"];

    private static string Scalar(JsonNode? value) => value switch
    {
        null => "",
        JsonValue v when v.TryGetValue<string>(out var s) => s,
        JsonValue v when v.TryGetValue<bool>(out var b) => b ? "true" : "false",
        _ => value.ToJsonString(),
    };

    private enum IdKind
    {
        Contact,
        ExternalId,
        Admin,
        Tag,
        Note,
        Conversation,
        ConversationPart,
        ConversationSource,
        Team,
        DataAttribute,
        Company,
        Segment,
        Lead,
        AwayReason,
        SubscriptionType,
        Article,
        Collection,
        HelpCenter,
        InternalArticle,
        TicketType,
        TicketTypeAttribute,
        Ticket,
        TicketState,
        Job,
    }

    /// <summary>
    /// The objects the examples refer to, made real in an app emptied first: a contact (with an external id) that has
    /// a tag, a note and a conversation (which has the tag too, and the contact's reply as a part), is in a segment and belongs to a company (company_id
    /// 12345, named "my company", as GET /companies' parameter examples name it); a lead, the app's admin (GET /me) and
    /// a team, an away status reason that is not deleted, an opt_in subscription type the contact is attached to, the help center's collection and an article in it by the admin, an internal article by the admin, a ticket type (Bug Report) with an attribute of its own besides the defaults; and a custom attribute (a list) that the contact holds a value in, so archiving it meets the 422 of an
    /// attribute with a dependant object.
    /// </summary>
    private sealed class World
    {
        private readonly Dictionary<IdKind, string> ids = [];

        public string this[IdKind kind] => ids[kind];

        public static async Task<World> CreateAsync(EmulatorFixture fixture)
        {
            await fixture.Admin.ResetAsync(EmulatorFixture.AppId);
            var api = fixture.V2;
            var world = new World();
            var externalId = EmulatorFixture.NewId("ext");
            var contact = (await api.PostAsync("/contacts", new { email = EmulatorFixture.NewEmail(), external_id = externalId })).Ok()["id"].GetString()!;
            var tag = (await api.PostAsync("/tags", new { name = EmulatorFixture.NewId("tag"), users = new[] { new { id = contact } } })).Ok()["id"].GetString()!;
            var note = (await api.PostAsync($"/contacts/{contact}/notes", new { body = "A note" })).Ok()["id"].GetString()!;
            var conversation = (await api.PostAsync("/conversations", new { from = new { type = "user", id = contact }, body = "Hello" })).Ok()["conversation_id"].GetString()!;
            world.ids[IdKind.Contact] = contact;
            world.ids[IdKind.ExternalId] = externalId;
            world.ids[IdKind.Tag] = tag;
            world.ids[IdKind.Note] = note;
            world.ids[IdKind.Conversation] = conversation;
            world.ids[IdKind.Admin] = (await api.GetAsync("/me")).Ok()["id"].GetString()!;
            (await api.PostAsync($"/conversations/{conversation}/tags", new { id = tag, admin_id = world.ids[IdKind.Admin] })).Ok();
            // The contact's reply: a part with a body, which the redaction example redacts.
            var replied = (await api.PostAsync($"/conversations/{conversation}/reply", new { message_type = "comment", type = "user", intercom_user_id = contact, body = "A reply" })).Ok();
            world.ids[IdKind.ConversationPart] = replied["conversation_parts"].GetProperty("conversation_parts")[0].GetProperty("id").GetString()!;
            world.ids[IdKind.ConversationSource] = replied["source"].GetProperty("id").GetString()!;
            world.ids[IdKind.Team] = await fixture.Admin.AddTeamAsync(EmulatorFixture.AppId, EmulatorFixture.NewId("team"), world.ids[IdKind.Admin]);
            // A spare one first, so the world's attribute is never id 1, which the not-found example names.
            (await api.PostAsync("/data_attributes", new { name = EmulatorFixture.NewId("spare"), model = "contact", data_type = "string" })).Ok();
            var ring = EmulatorFixture.NewId("ring");
            var attribute = (await api.PostAsync("/data_attributes", new { name = ring, model = "contact", data_type = "string" })).Ok()["id"].GetInt64();
            (await api.PutAsync($"/contacts/{contact}", new { custom_attributes = new Dictionary<string, string> { [ring] = "mithril" } })).Ok();
            world.ids[IdKind.DataAttribute] = attribute.ToString(CultureInfo.InvariantCulture);
            var company = (await api.PostAsync("/companies", new { company_id = "12345", name = "my company" })).Ok()["id"].GetString()!;
            (await api.PostAsync($"/contacts/{contact}/companies", new { id = company })).Ok();
            world.ids[IdKind.Company] = company;
            world.ids[IdKind.Segment] = await fixture.Admin.AddSegmentAsync(EmulatorFixture.AppId, "John segment", [contact]);
            world.ids[IdKind.Lead] = (await api.PostAsync("/contacts", new { role = "lead", email = EmulatorFixture.NewEmail() })).Ok()["id"].GetString()!;
            var reasons = (await api.GetAsync("/away_status_reasons")).Ok()["data"].EnumerateArray();
            world.ids[IdKind.AwayReason] = reasons.First(r => !r.GetProperty("deleted").GetBoolean()).GetProperty("id").GetString()!;
            // The examples attach an opt_in type (consent_type opt_in): the contact has made that choice already.
            world.ids[IdKind.SubscriptionType] = await fixture.Admin.AddSubscriptionTypeAsync(EmulatorFixture.AppId, "Newsletters", "opt_in", ["sms_message"]);
            (await api.PostAsync($"/contacts/{contact}/subscriptions", new { id = world.ids[IdKind.SubscriptionType], consent_type = "opt_in" })).Ok();
            // The help center: its one help center, a collection and an article in it by the app's admin.
            world.ids[IdKind.HelpCenter] = (await api.GetAsync("/help_center/help_centers")).Ok()["data"][0].GetProperty("id").GetString()!;
            world.ids[IdKind.Collection] = (await api.PostAsync("/help_center/collections", new { name = "Getting started" })).Ok()["id"].GetString()!;
            world.ids[IdKind.Article] = (await api.PostAsync("/articles", new
            {
                title = "Welcome", body = "Start here", author_id = long.Parse(world.ids[IdKind.Admin], CultureInfo.InvariantCulture),
                parent_id = long.Parse(world.ids[IdKind.Collection], CultureInfo.InvariantCulture),
            })).Ok()["id"].GetString()!;
            world.ids[IdKind.InternalArticle] = (await api.PostAsync("/internal_articles", new
            {
                title = "Refunds", body = "Within 30 days", author_id = long.Parse(world.ids[IdKind.Admin], CultureInfo.InvariantCulture),
                owner_id = long.Parse(world.ids[IdKind.Admin], CultureInfo.InvariantCulture),
            })).Ok()["id"].GetString()!;
            world.ids[IdKind.TicketType] = (await api.PostAsync("/ticket_types", new { name = "Bug Report", description = "Bug Report Template", category = "Back-office" })).Ok()["id"].GetString()!;
            world.ids[IdKind.TicketTypeAttribute] = (await api.PostAsync($"/ticket_types/{world.ids[IdKind.TicketType]}/attributes",
                new { name = "name", description = "description", data_type = "string" })).Ok()["id"].GetString()!;
            world.ids[IdKind.Ticket] = (await api.PostAsync("/tickets", new { ticket_type_id = world.ids[IdKind.TicketType], contacts = new[] { new { id = contact } } })).Ok()["id"].GetString()!;
            (await api.PostAsync($"/tickets/{world.ids[IdKind.Ticket]}/tags", new { id = tag, admin_id = world.ids[IdKind.Admin] })).Ok();
            world.ids[IdKind.Job] = (await api.PostAsync("/tickets/enqueue", new { ticket_type_id = world.ids[IdKind.TicketType], contacts = new[] { new { id = contact } } })).Ok()["id"].GetString()!;
            world.ids[IdKind.TicketState] = (await api.GetAsync("/ticket_states")).Ok()["data"].EnumerateArray().First(st => st.GetProperty("category").GetString() == "in_progress").GetProperty("id").GetString()!;
            return world;
        }

        /// <summary>
        /// The real id for a value the example wrote, in the JSON type it was written in (a number stays a number, as
        /// real clients send it); the missing object's, and anything that names no object, stay as written.
        /// </summary>
        public JsonNode? Substitute(IdKind? kind, IdKind? missing, JsonNode? written)
        {
            if (kind is not { } known || known == missing)
            {
                Assert.False(kind is { } k && Scalar(written) == ids[k], $"the example's missing {kind} {Scalar(written)} names a real one");
                return written?.DeepClone();
            }

            var id = ids[known];
            return written is JsonValue number && number.TryGetValue<long>(out _) && long.TryParse(id, NumberStyles.None, CultureInfo.InvariantCulture, out var numeric)
                ? JsonValue.Create(numeric)
                : JsonValue.Create(id);
        }

        /// <summary>Replaces, in place, every id of the body that names an object (see KindOf).</summary>
        public void SubstituteIds(string template, IdKind? missing, JsonNode node, string[] location)
        {
            switch (node)
            {
                case JsonObject o:
                    foreach (var name in o.Select(p => p.Key).ToList())
                    {
                        Replace(o[name], [.. location, name], value => o[name] = value);
                    }

                    break;
                case JsonArray a:
                    for (var i = 0; i < a.Count; i++)
                    {
                        var index = i;
                        Replace(a[i], [.. location, i.ToString(CultureInfo.InvariantCulture)], value => a[index] = value);
                    }

                    break;
            }

            void Replace(JsonNode? child, string[] at, Action<JsonNode?> set)
            {
                if (child is JsonObject or JsonArray)
                {
                    SubstituteIds(template, missing, child, at);
                }
                else if (KindOf(template, at) is { } kind)
                {
                    set(Substitute(kind, missing, child));
                }
            }
        }
    }
}

/// <summary>A request example the emulator answers with a 400 whose message contains <paramref name="Says"/>, and why.</summary>
public sealed record NotEmulated(string Method, string Template, string Example, string Says, string Why);
