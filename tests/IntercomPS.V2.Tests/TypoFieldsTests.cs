using System;
using System.Collections.Generic;
using System.Linq;
using System.Net.Http;
using System.Text.Json.Nodes;
using System.Threading.Tasks;
using IntercomPS.Testing;
using Xunit;

namespace IntercomPS.V2.Tests;

/// <summary>
/// Every 2.x write with a body (but POST and PUT /contacts, in ContactsTests, and POST /companies, which refuses: see
/// RequestFieldsTests) ignores a field it does not take, as the real service does, and names it in X-Emulator-Warning;
/// a clean request draws no warning; and the warning changes nothing else: the same request without the typo, sent
/// against objects made the same way, gets the same status and the same body (but for ids, times and made-up names).
/// </summary>
public class TypoFieldsTests(EmulatorFixture fixture) : IClassFixture<EmulatorFixture>
{
    private V2Client Api => fixture.V2;

    /// <summary>A request, its typo field, and the values made up for it, which differ from one run to the next.</summary>
    private sealed record Write(HttpMethod Method, string Path, Dictionary<string, object> Body, string Typo, params string[] Made);

    private static readonly Dictionary<string, Func<TypoFieldsTests, Task<Write>>> Writes = new()
    {
        ["POST /tags"] = t =>
        {
            var name = EmulatorFixture.NewId("tag");
            return Task.FromResult(new Write(HttpMethod.Post, "/tags", new() { ["name"] = name }, "user", name));
        },
        ["POST /contacts/{contact_id}/tags"] = async t =>
        {
            var (contact, tag) = (await t.ContactAsync(), await t.TagAsync());
            return new(HttpMethod.Post, $"/contacts/{contact}/tags", new() { ["id"] = tag.Id }, "tag_id");
        },
        ["POST /conversations/{conversation_id}/tags"] = async t =>
        {
            var (conversation, admin, tag) = (await t.ConversationAsync(), await t.AdminAsync(), await t.TagAsync());
            return new(HttpMethod.Post, $"/conversations/{conversation}/tags", new() { ["id"] = tag.Id, ["admin_id"] = admin }, "tag_name");
        },
        ["DELETE /conversations/{conversation_id}/tags/{tag_id}"] = async t =>
        {
            var (conversation, admin, tag) = (await t.ConversationAsync(), await t.AdminAsync(), await t.TagAsync());
            (await t.Api.PostAsync($"/conversations/{conversation}/tags", new { id = tag.Id, admin_id = admin })).Ok();
            return new(HttpMethod.Delete, $"/conversations/{conversation}/tags/{tag.Id}", new() { ["admin_id"] = admin }, "adminId");
        },
        ["POST /conversations/{conversation_id}/customers"] = async t =>
        {
            var (conversation, admin, contact) = (await t.ConversationAsync(), await t.AdminAsync(), await t.ContactAsync());
            return new(HttpMethod.Post, $"/conversations/{conversation}/customers", new() { ["admin_id"] = admin, ["customer"] = new { intercom_user_id = contact } }, "contact_id");
        },
        ["DELETE /conversations/{conversation_id}/customers/{contact_id}"] = async t =>
        {
            var (conversation, admin, contact) = (await t.ConversationAsync(), await t.AdminAsync(), await t.ContactAsync());
            (await t.Api.PostAsync($"/conversations/{conversation}/customers", new { admin_id = admin, customer = new { intercom_user_id = contact } })).Ok();
            return new(HttpMethod.Delete, $"/conversations/{conversation}/customers/{contact}", new() { ["admin_id"] = admin }, "adminId");
        },
        ["POST /contacts/{contact_id}/notes"] = async t =>
        {
            var contact = await t.ContactAsync();
            return new(HttpMethod.Post, $"/contacts/{contact}/notes", new() { ["body"] = "Called back" }, "admin");
        },
        ["POST /conversations"] = async t =>
        {
            var contact = await t.ContactAsync();
            return new(HttpMethod.Post, "/conversations", new() { ["from"] = new { type = "user", id = contact }, ["body"] = "Help?" }, "subjet");
        },
        ["PUT /conversations/{conversation_id}"] = async t =>
        {
            var conversation = await t.ConversationAsync();
            return new(HttpMethod.Put, $"/conversations/{conversation}", new() { ["read"] = true }, "raed");
        },
        ["POST /conversations/{conversation_id}/reply"] = async t =>
        {
            var (conversation, admin) = (await t.ConversationAsync(), await t.AdminAsync());
            return new(HttpMethod.Post, $"/conversations/{conversation}/reply",
                new() { ["message_type"] = "comment", ["type"] = "admin", ["admin_id"] = admin, ["body"] = "On it" }, "attachment_url");
        },
        ["POST /conversations/redact"] = async t =>
        {
            var (conversation, admin) = (await t.ConversationAsync(), await t.AdminAsync());
            var replied = (await t.Api.PostAsync($"/conversations/{conversation}/reply",
                new { message_type = "comment", type = "admin", admin_id = admin, body = "Your code is 1234" })).Ok();
            var part = t.Made(replied["conversation_parts"].GetProperty("conversation_parts")[0].GetProperty("id").GetString()!);
            return new(HttpMethod.Post, "/conversations/redact",
                new() { ["type"] = "conversation_part", ["conversation_id"] = conversation, ["conversation_part_id"] = part }, "part_id");
        },
        ["POST /conversations/{conversation_id}/parts"] = async t =>
        {
            var (conversation, admin) = (await t.ConversationAsync(), await t.AdminAsync());
            return new(HttpMethod.Post, $"/conversations/{conversation}/parts",
                new() { ["message_type"] = "close", ["type"] = "admin", ["admin_id"] = admin }, "bdy");
        },
        ["POST /contacts/search"] = async t =>
        {
            var contact = await t.ContactAsync();
            return new(HttpMethod.Post, "/contacts/search", new() { ["query"] = new { field = "id", @operator = "=", value = contact } }, "paginaton");
        },
        ["POST /conversations/search"] = async t =>
        {
            var conversation = await t.ConversationAsync();
            return new(HttpMethod.Post, "/conversations/search", new() { ["query"] = new { field = "id", @operator = "=", value = conversation } }, "sort_by");
        },
        ["POST /events"] = async t =>
        {
            var contact = await t.ContactAsync();
            return new(HttpMethod.Post, "/events", new() { ["event_name"] = "logged-in", ["created_at"] = 1700000000, ["id"] = contact }, "meta_data");
        },
        ["POST /events/summaries"] = async t =>
        {
            var externalId = EmulatorFixture.NewId("ext");
            (await t.Api.PostAsync("/contacts", new { external_id = externalId })).Ok();
            return new(HttpMethod.Post, "/events/summaries",
                new() { ["user_id"] = externalId, ["event_summaries"] = new { event_name = "logged-in", count = 2, first = 1600000000 } },
                "summaries", externalId);
        },
        ["POST /data_attributes"] = t =>
        {
            var name = "attr" + Guid.NewGuid().ToString("N")[..12];
            var body = new Dictionary<string, object> { ["model"] = "contact", ["name"] = name, ["data_type"] = "string" };
            return Task.FromResult(new Write(HttpMethod.Post, "/data_attributes", body, "descripton", name));
        },
        ["PUT /data_attributes/{data_attribute_id}"] = async t =>
        {
            var name = "attr" + Guid.NewGuid().ToString("N")[..12];
            var id = (await t.Api.PostAsync("/data_attributes", new { model = "contact", name, data_type = "string" })).Ok()["id"].GetRawText();
            return new(HttpMethod.Put, $"/data_attributes/{id}", new() { ["description"] = "Plan" }, "archive", id, name);
        },
        ["POST /contacts/{contact_id}/companies"] = async t =>
        {
            var (contact, companyId) = (await t.ContactAsync(), EmulatorFixture.NewId("co"));
            var company = (await t.Api.PostAsync("/companies", new { company_id = companyId, name = companyId })).Ok()["id"].GetString()!;
            return new(HttpMethod.Post, $"/contacts/{contact}/companies", new() { ["id"] = company }, "company_id", company, companyId);
        },
        ["POST /contacts/{contact_id}/subscriptions"] = async t =>
        {
            var (contact, type) = (await t.ContactAsync(), await t.SubscriptionTypeAsync());
            return new(HttpMethod.Post, $"/contacts/{contact}/subscriptions", new() { ["id"] = type, ["consent_type"] = "opt_out" }, "consent");
        },
        ["PUT /companies/{company_id}"] = async t =>
        {
            var companyId = EmulatorFixture.NewId("co");
            var company = (await t.Api.PostAsync("/companies", new { company_id = companyId, name = "Acme" })).Ok()["id"].GetString()!;
            return new(HttpMethod.Put, $"/companies/{company}", new() { ["plan"] = "pro" }, "company_id", company, companyId);
        },
        ["POST /contacts/merge"] = async t =>
        {
            var lead = (await t.Api.PostAsync("/contacts", new { role = "lead" })).Ok()["id"].GetString()!;
            var user = await t.ContactAsync();
            return new(HttpMethod.Post, "/contacts/merge", new() { ["from"] = lead, ["into"] = user }, "to", lead);
        },
        ["POST /messages"] = async t =>
        {
            var (contact, admin) = (await t.ContactAsync(), await t.AdminAsync());
            return new(HttpMethod.Post, "/messages", new()
            {
                ["message_type"] = "inapp", ["from"] = new { type = "admin", id = admin }, ["to"] = new { type = "user", id = contact }, ["body"] = "Hi",
            }, "reply_to");
        },
        ["POST /articles"] = async t =>
        {
            var admin = long.Parse(await t.AdminAsync(), System.Globalization.CultureInfo.InvariantCulture);
            return new(HttpMethod.Post, "/articles", new() { ["title"] = "Billing", ["body"] = "Plans", ["author_id"] = admin }, "author");
        },
        ["PUT /articles/{article_id}"] = async t =>
        {
            var article = await t.ArticleAsync();
            return new(HttpMethod.Put, $"/articles/{article}", new() { ["title"] = "Billing FAQ", ["state"] = "published" }, "status");
        },
        ["POST /internal_articles"] = async t =>
        {
            var admin = long.Parse(await t.AdminAsync(), System.Globalization.CultureInfo.InvariantCulture);
            return new(HttpMethod.Post, "/internal_articles", new() { ["title"] = "Refunds", ["body"] = "Within 30 days", ["owner_id"] = admin, ["author_id"] = admin }, "locale");
        },
        ["PUT /internal_articles/{internal_article_id}"] = async t =>
        {
            var article = await t.InternalArticleAsync();
            return new(HttpMethod.Put, $"/internal_articles/{article}", new() { ["title"] = "Refunds FAQ" }, "ai_chatbot_availability");
        },
        ["POST /help_center/collections"] = async t =>
        {
            // Under a collection of its own, so both runs' collections come first among their siblings.
            var parent = await t.CollectionAsync();
            return new(HttpMethod.Post, "/help_center/collections", new() { ["name"] = "Billing", ["parent_id"] = parent }, "title");
        },
        ["PUT /help_center/collections/{collection_id}"] = async t =>
        {
            var collection = await t.SectionAsync();
            return new(HttpMethod.Put, $"/help_center/collections/{collection}", new() { ["name"] = "Billing and plans" }, "help_center_id");
        },
        ["PUT /admins/{admin_id}/away"] = async t =>
        {
            var admin = await t.AdminAsync();
            return new(HttpMethod.Put, $"/admins/{admin}/away", new() { ["away_mode_enabled"] = false, ["away_mode_reassign"] = false }, "away_status_reason");
        },
        ["POST /ticket_types"] = t => Task.FromResult(new Write(HttpMethod.Post, "/ticket_types", new() { ["name"] = "Bug Report", ["category"] = "Back-office" }, "categroy")),
        ["PUT /ticket_types/{ticket_type_id}"] = async t =>
        {
            var type = await t.TicketTypeAsync();
            return new(HttpMethod.Put, $"/ticket_types/{type}", new() { ["name"] = "Bug Report 2" }, "archive");
        },
        ["POST /ticket_types/{ticket_type_id}/attributes"] = async t =>
        {
            var type = await t.TicketTypeAsync();
            return new(HttpMethod.Post, $"/ticket_types/{type}/attributes",
                new() { ["name"] = "Priority", ["description"] = "How urgent", ["data_type"] = "list", ["list_items"] = "Low,High" }, "options");
        },
        ["PUT /ticket_types/{ticket_type_id}/attributes/{attribute_id}"] = async t =>
        {
            var type = await t.TicketTypeAsync();
            var attribute = t.Made((await t.Api.PostAsync($"/ticket_types/{type}/attributes", new { name = "Priority", description = "How urgent", data_type = "string" })).Ok()["id"].GetString()!);
            return new(HttpMethod.Put, $"/ticket_types/{type}/attributes/{attribute}", new() { ["description"] = "How urgent it is" }, "required");
        },
        ["POST /tickets"] = async t =>
        {
            var (type, contact) = (await t.TicketTypeAsync(), await t.ContactAsync());
            return new(HttpMethod.Post, "/tickets",
                new() { ["ticket_type_id"] = type, ["contacts"] = new[] { new { id = contact } }, ["ticket_attributes"] = new Dictionary<string, object> { ["_default_title_"] = "Broken" } },
                "ticket_attribute");
        },
        ["POST /tickets/enqueue"] = async t =>
        {
            var (type, contact) = (await t.TicketTypeAsync(), await t.ContactAsync());
            return new(HttpMethod.Post, "/tickets/enqueue", new() { ["ticket_type_id"] = type, ["contacts"] = new[] { new { id = contact } } }, "skip_notification");
        },
        ["POST /conversations/{conversation_id}/convert"] = async t =>
        {
            var (conversation, type) = (await t.ConversationAsync(), await t.TicketTypeAsync());
            return new(HttpMethod.Post, $"/conversations/{conversation}/convert", new() { ["ticket_type_id"] = type }, "ticket_attributes");
        },
        ["POST /tickets/search"] = async t =>
        {
            var ticket = await t.TicketAsync();
            return new(HttpMethod.Post, "/tickets/search", new() { ["query"] = new { field = "id", @operator = "=", value = ticket } }, "paginaton");
        },
        ["PUT /tickets/{ticket_id}"] = async t =>
        {
            var ticket = await t.TicketAsync();
            return new(HttpMethod.Put, $"/tickets/{ticket}", new() { ["ticket_state_id"] = "2" }, "state");
        },
        ["POST /tickets/{ticket_id}/reply"] = async t =>
        {
            var (ticket, admin) = (await t.TicketAsync(), await t.AdminAsync());
            return new(HttpMethod.Post, $"/tickets/{ticket}/reply", new() { ["message_type"] = "note", ["type"] = "admin", ["admin_id"] = admin, ["body"] = "Looking" }, "bdy");
        },
        ["POST /tickets/{ticket_id}/tags"] = async t =>
        {
            var (ticket, admin, tag) = (await t.TicketAsync(), await t.AdminAsync(), await t.TagAsync());
            return new(HttpMethod.Post, $"/tickets/{ticket}/tags", new() { ["id"] = tag.Id, ["admin_id"] = admin }, "tag_id");
        },
        ["DELETE /tickets/{ticket_id}/tags/{tag_id}"] = async t =>
        {
            var (ticket, admin, tag) = (await t.TicketAsync(), await t.AdminAsync(), await t.TagAsync());
            (await t.Api.PostAsync($"/tickets/{ticket}/tags", new { id = tag.Id, admin_id = admin })).Ok();
            return new(HttpMethod.Delete, $"/tickets/{ticket}/tags/{tag.Id}", new() { ["admin_id"] = admin }, "adminId");
        },
    };

    public static IEnumerable<object[]> Operations() => Writes.Keys.Select(k => new object[] { k });

    [Theory]
    [MemberData(nameof(Operations))]
    public async Task A_typo_in_a_write_is_ignored_but_named_and_changes_nothing_else(string operation)
    {
        var typoed = await Writes[operation](this);
        var typoMade = Take(typoed);
        var typoAnswer = await Api.SendAsync(typoed.Method, typoed.Path, new Dictionary<string, object>(typoed.Body) { [typoed.Typo] = "typo" });
        var clean = await Writes[operation](this);
        var cleanMade = Take(clean);
        var cleanAnswer = await Api.SendAsync(clean.Method, clean.Path, clean.Body);

        Assert.StartsWith($"ignored unknown field '{typoed.Typo}'; {typoed.Method} {typoed.Path} takes ", typoAnswer.Header("X-Emulator-Warning"));
        Assert.Null(cleanAnswer.Header("X-Emulator-Warning"));
        Assert.True(cleanAnswer.Status is >= 200 and < 300, $"{operation}: {cleanAnswer.Status} {cleanAnswer.Text}");
        Assert.Equal(cleanAnswer.Status, typoAnswer.Status);
        Assert.Equal(Comparable(cleanAnswer.Text, cleanMade), Comparable(typoAnswer.Text, typoMade));
    }

    [Fact]
    public async Task A_typo_inside_an_object_is_named_by_its_path_and_changes_nothing_else()
    {
        var contact = await ContactAsync();
        object Query(bool typo)
        {
            var filter = new Dictionary<string, object> { ["field"] = "id", ["operator"] = "=", ["value"] = contact };
            if (typo)
            {
                filter["valeu"] = contact;
            }

            return new { @operator = "AND", value = new object[] { filter } };
        }

        var typoed = await Api.SendAsync(HttpMethod.Post, "/contacts/search", new Dictionary<string, object> { ["query"] = Query(true), ["pagination"] = new { per_pag = 1 } });
        var clean = await Api.SendAsync(HttpMethod.Post, "/contacts/search", new Dictionary<string, object> { ["query"] = Query(false) });

        Assert.Equal(
            "ignored unknown fields 'query.value[].valeu', 'pagination.per_pag'; POST /contacts/search takes pagination, query, sort; "
            + "query.value[] takes field, operator, value; pagination takes per_page, starting_after",
            typoed.Header("X-Emulator-Warning"));
        Assert.Equal(200, typoed.Status);
        Assert.Equal(clean.Text, typoed.Text);
    }

    [Conformance.DescriptionFact]
    public void Every_write_the_description_gives_a_body_has_a_typo_test()
    {
        string[] ownTests = ["POST /contacts", "PUT /contacts/{contact_id}", "POST /companies"]; // ContactsTests; RequestFieldsTests
        var writes = Conformance.RequestFieldsTests.Writes().Select(w => $"{w[0]} {w[1]}");
        Assert.Empty(writes.Except(Writes.Keys).Except(ownTests));
    }

    /// <summary>An answer with what each run makes differ put aside: its made-up values, ids and times.</summary>
    private static string Comparable(string text, string[] made)
    {
        if (text.Length == 0)
        {
            return text;
        }

        // A short value (a numeric id) only as a whole JSON string: "12" must not change a 12 inside a time.
        for (var i = 0; i < made.Length; i++)
        {
            text = made[i].Length >= 8 ? text.Replace(made[i], $"<made {i}>", StringComparison.Ordinal)
                : text.Replace($"\"{made[i]}\"", $"\"<made {i}>\"", StringComparison.Ordinal);
        }

        var node = JsonNode.Parse(text)!;
        Scrub(node);
        return node.ToJsonString();

        static void Scrub(JsonNode? node)
        {
            if (node is JsonObject o)
            {
                // ids a write makes (a message's conversation too, an attribute's ticket type, an article's or collection's url) and times (waiting_since too: the two runs may be a second apart)
                var volatileKeys = o.Select(p => p.Key).Where(k => k is "id" or "conversation_id" or "ticket_type_id" or "ticket_id" or "request_id" or "waiting_since" or "url" || k.EndsWith("_at", StringComparison.Ordinal));
                foreach (var key in volatileKeys.ToList())
                {
                    o.Remove(key);
                }

                foreach (var (_, value) in o)
                {
                    Scrub(value);
                }
            }
            else if (node is JsonArray a)
            {
                foreach (var item in a)
                {
                    Scrub(item);
                }
            }
        }
    }

    /// <summary>What the helpers below made for one run, then the write's own, in the order they were made.</summary>
    private readonly List<string> made = [];

    private string[] Take(Write write)
    {
        string[] all = [.. made, .. write.Made];
        made.Clear();
        return all;
    }

    private string Made(string value)
    {
        made.Add(value);
        return value;
    }

    private async Task<string> ContactAsync() =>
        Made((await Api.PostAsync("/contacts", new { email = Made(EmulatorFixture.NewEmail()) })).Ok()["id"].GetString()!);

    private async Task<string> ConversationAsync() => Made((await Api.PostAsync("/conversations",
        new { from = new { type = "user", id = await ContactAsync() }, body = "Hello?" })).Ok()["conversation_id"].GetString()!);

    private async Task<string> SubscriptionTypeAsync() => Made(await fixture.Admin.AddSubscriptionTypeAsync(EmulatorFixture.AppId, "Newsletters", "opt_out"));

    /// <summary>A first-level collection (whose order differs from run to run: only its id appears in answers).</summary>
    private async Task<string> CollectionAsync() =>
        Made((await Api.PostAsync("/help_center/collections", new { name = Made(EmulatorFixture.NewId("collection")) })).Ok()["id"].GetString()!);

    /// <summary>A section, the first in a collection of its own, so its order is the same in both runs.</summary>
    private async Task<string> SectionAsync() =>
        Made((await Api.PostAsync("/help_center/collections", new { name = "Plans", parent_id = await CollectionAsync() })).Ok()["id"].GetString()!);

    private async Task<string> ArticleAsync() => Made((await Api.PostAsync("/articles",
        new { title = "Billing", author_id = long.Parse(await AdminAsync(), System.Globalization.CultureInfo.InvariantCulture) })).Ok()["id"].GetString()!);
    private async Task<string> InternalArticleAsync()
    {
        var admin = long.Parse(await AdminAsync(), System.Globalization.CultureInfo.InvariantCulture);
        return Made((await Api.PostAsync("/internal_articles", new { title = "Refunds", owner_id = admin, author_id = admin })).Ok()["id"].GetString()!);
    }

    private async Task<string> TicketTypeAsync() => Made((await Api.PostAsync("/ticket_types", new { name = "Bug Report" })).Ok()["id"].GetString()!);

    private async Task<string> TicketAsync()
    {
        var (type, contact) = (await TicketTypeAsync(), await ContactAsync());
        return Made((await Api.PostAsync("/tickets", new { ticket_type_id = type, contacts = new[] { new { id = contact } } })).Ok()["id"].GetString()!);
    }

    private async Task<string> AdminAsync() => (await Api.GetAsync("/me")).Ok()["id"].GetString()!;

    private async Task<(string Id, string Name)> TagAsync()
    {
        var name = Made(EmulatorFixture.NewId("tag"));
        return (Made((await Api.PostAsync("/tags", new { name })).Ok()["id"].GetString()!), name);
    }
}
