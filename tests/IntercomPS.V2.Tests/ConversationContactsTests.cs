using System.Collections.Generic;
using System.Linq;
using System.Net.Http;
using System.Text.Json;
using System.Threading.Tasks;
using IntercomPS.Testing;
using Xunit;

namespace IntercomPS.V2.Tests;

/// <summary>
/// POST /conversations/{id}/customers and DELETE /conversations/{id}/customers/{contact_id}: contacts join and leave a
/// conversation, by an admin (or, joining, on behalf of a contact taking part), and every answer that shows the
/// conversation lists them; the description's errors in its words.
/// </summary>
public class ConversationContactsTests(EmulatorFixture fixture) : IClassFixture<EmulatorFixture>
{
    private V2Client Api => fixture.V2;

    private async Task<string> Me() => (await Api.GetAsync("/me")).Ok()["id"].GetString()!;

    private async Task<(string Id, string ExternalId, string Email)> NewContact(V2Client? api = null)
    {
        var email = EmulatorFixture.NewEmail();
        var externalId = EmulatorFixture.NewId("u");
        var id = (await (api ?? Api).PostAsync("/contacts", new { email, external_id = externalId })).Ok()["id"].GetString()!;
        return (id, externalId, email);
    }

    private async Task<string> Start(string contact, V2Client? api = null) =>
        (await (api ?? Api).PostAsync("/conversations", new { from = new { type = "user", id = contact }, body = "Can my colleague join?" })).Ok()["conversation_id"].GetString()!;

    private static List<string> Contacts(JsonElement conversation) =>
        [.. conversation.GetProperty("contacts").GetProperty("contacts").EnumerateArray().Select(c => c.GetProperty("id").GetString()!)];

    private static List<string> Contacts(Reply conversation) => Contacts(conversation.Json);

    private async Task<List<string>> Found(string field, string op, object value) =>
        [.. (await Api.PostAsync("/conversations/search", new { query = new { field, @operator = op, value }, pagination = new { per_page = 150 } }))
            .Ok()["conversations"].EnumerateArray().Select(c => c.GetProperty("id").GetString()!)];

    [Fact]
    public async Task An_admin_adds_a_contact_and_every_answer_lists_both()
    {
        var me = await Me();
        var owner = await NewContact();
        var guest = await NewContact();
        var id = await Start(owner.Id);

        var added = (await Api.PostAsync($"/conversations/{id}/customers", new { admin_id = me, customer = new { intercom_user_id = guest.Id } })).Ok();
        Assert.Equal("conversation", added["type"].GetString());
        Assert.Equal(id, added["id"].GetString());
        Assert.Equal([owner.Id, guest.Id], Contacts(added));
        Assert.Equal(guest.ExternalId, added["contacts"].GetProperty("contacts")[1].GetProperty("external_id").GetString());
        Assert.Equal(owner.Id, added["source"].GetProperty("author").GetProperty("id").GetString()); // the source is still the owner's

        Assert.Equal([owner.Id, guest.Id], Contacts(await Api.GetAsync($"/conversations/{id}")));
        var searched = (await Api.PostAsync("/conversations/search", new { query = new { field = "id", @operator = "=", value = id } })).Ok();
        Assert.Equal([owner.Id, guest.Id], Contacts(searched["conversations"][0]));

        // Searching by contact finds the conversations a contact takes part in, not only those it started.
        Assert.Equal([id], await Found("contact_ids", "=", guest.Id));
        Assert.Equal([id], await Found("contact_ids", "=", owner.Id));
        Assert.Equal([id], await Found("contact_ids", "IN", new[] { guest.Id, "nobody" }));
        Assert.DoesNotContain(id, await Found("contact_ids", "!=", guest.Id));
        Assert.DoesNotContain(id, await Found("contact_ids", "NIN", new[] { guest.Id }));

        // Adding a contact taking part changes nothing.
        Assert.Equal([owner.Id, guest.Id], Contacts((await Api.PostAsync($"/conversations/{id}/customers", new { admin_id = me, customer = new { intercom_user_id = guest.Id } })).Ok()));
        Assert.Equal([owner.Id, guest.Id], Contacts((await Api.PostAsync($"/conversations/{id}/customers", new { admin_id = me, customer = new { intercom_user_id = owner.Id } })).Ok()));
    }

    [Fact]
    public async Task A_contact_is_named_by_its_external_id_or_email_and_an_unknown_email_makes_a_lead()
    {
        var me = await Me();
        var owner = await NewContact();
        var byExternalId = await NewContact();
        var byEmail = await NewContact();
        var id = await Start(owner.Id);

        (await Api.PostAsync($"/conversations/{id}/customers", new { admin_id = me, customer = new { user_id = byExternalId.ExternalId } })).Ok();
        (await Api.PostAsync($"/conversations/{id}/customers", new { admin_id = long.Parse(me, System.Globalization.CultureInfo.InvariantCulture), customer = new { email = byEmail.Email } })).Ok();
        var newcomer = EmulatorFixture.NewEmail();
        var added = (await Api.PostAsync($"/conversations/{id}/customers", new { admin_id = me, customer = new { email = newcomer } })).Ok();

        var contacts = Contacts(added);
        Assert.Equal([owner.Id, byExternalId.Id, byEmail.Id], contacts.Take(3));
        Assert.Equal(4, contacts.Count);
        var lead = (await Api.GetAsync($"/contacts/{contacts[3]}")).Ok();
        Assert.Equal("lead", lead["role"].GetString());
        Assert.Equal(newcomer, lead["email"].GetString());
    }

    [Fact]
    public async Task A_contact_taking_part_may_add_another_instead_of_an_admin()
    {
        var owner = await NewContact();
        var guest = await NewContact();
        var outsider = await NewContact();
        var another = await NewContact();
        var id = await Start(owner.Id);

        var added = (await Api.PostAsync($"/conversations/{id}/customers", new { customer = new { intercom_user_id = guest.Id, customer = new { email = owner.Email } } })).Ok();
        Assert.Equal([owner.Id, guest.Id], Contacts(added));

        Assert.Equal("customer.customer must name a contact taking part in the conversation: they add the new one",
            (await Api.PostAsync($"/conversations/{id}/customers", new { customer = new { intercom_user_id = another.Id, customer = new { intercom_user_id = outsider.Id } } })).Error(400, "parameter_invalid"));
        Assert.Equal("User Not Found",
            (await Api.PostAsync($"/conversations/{id}/customers", new { customer = new { intercom_user_id = outsider.Id, customer = new { intercom_user_id = "000000000000000000000000" } } })).Error(404, "not_found"));
        Assert.Equal([owner.Id, guest.Id], Contacts(await Api.GetAsync($"/conversations/{id}")));
    }

    [Fact]
    public async Task Adding_is_refused_in_the_descriptions_words_and_changes_nothing()
    {
        var me = await Me();
        var owner = await NewContact();
        var guest = await NewContact();
        var id = await Start(owner.Id);

        Assert.Equal("Resource Not Found",
            (await Api.PostAsync("/conversations/999999999/customers", new { admin_id = me, customer = new { intercom_user_id = guest.Id } })).Error(404, "not_found"));
        Assert.Equal("User Not Found",
            (await Api.PostAsync($"/conversations/{id}/customers", new { admin_id = me, customer = new { intercom_user_id = "000000000000000000000000" } })).Error(404, "not_found"));
        Assert.Equal("User Not Found",
            (await Api.PostAsync($"/conversations/{id}/customers", new { admin_id = me, customer = new { user_id = "no-such-external-id" } })).Error(404, "not_found"));
        (await Api.PostAsync($"/conversations/{id}/customers", new { admin_id = "123", customer = new { intercom_user_id = guest.Id } })).Error(404, "admin_not_found");
        // Nobody is made for an email when the request fails: the admin is checked in the same write.
        var unknownEmail = EmulatorFixture.NewEmail();
        (await Api.PostAsync($"/conversations/{id}/customers", new { admin_id = "123", customer = new { email = unknownEmail } })).Error(404, "admin_not_found");
        Assert.Equal(0, (await Api.PostAsync("/contacts/search", new { query = new { field = "email", @operator = "=", value = unknownEmail } })).Ok()["total_count"].GetInt32());

        Assert.Equal("customer is a required parameter", (await Api.PostAsync($"/conversations/{id}/customers", new { admin_id = me })).Error(400, "parameter_not_found"));
        Assert.Equal("customer names a contact by one of intercom_user_id, user_id or email",
            (await Api.PostAsync($"/conversations/{id}/customers", new { admin_id = me, customer = new { intercom_user_id = guest.Id, email = guest.Email } })).Error(400, "parameter_invalid"));
        Assert.Equal("customer names a contact by one of intercom_user_id, user_id or email",
            (await Api.PostAsync($"/conversations/{id}/customers", new { admin_id = me, customer = new { } })).Error(400, "parameter_invalid"));
        Assert.Equal("admin_id is required (an admin's id: GET /admins lists them), or customer.customer: the contact on whose behalf",
            (await Api.PostAsync($"/conversations/{id}/customers", new { customer = new { intercom_user_id = guest.Id } })).Error(400, "parameter_invalid"));
        Assert.Equal("give admin_id or customer.customer (who adds the contact), not both",
            (await Api.PostAsync($"/conversations/{id}/customers", new { admin_id = me, customer = new { intercom_user_id = guest.Id, customer = new { intercom_user_id = owner.Id } } }))
                .Error(400, "parameter_invalid"));

        Assert.Equal([owner.Id], Contacts(await Api.GetAsync($"/conversations/{id}")));
    }

    [Fact]
    public async Task An_admin_removes_contacts_but_never_the_last_one()
    {
        var me = await Me();
        var owner = await NewContact();
        var guest = await NewContact();
        var stranger = await NewContact();
        var id = await Start(owner.Id);
        (await Api.PostAsync($"/conversations/{id}/customers", new { admin_id = me, customer = new { intercom_user_id = guest.Id } })).Ok();

        Assert.Equal("Resource Not Found",
            (await Api.SendAsync(HttpMethod.Delete, $"/conversations/999999999/customers/{guest.Id}", new { admin_id = me })).Error(404, "not_found"));
        Assert.Equal("User Not Found",
            (await Api.SendAsync(HttpMethod.Delete, $"/conversations/{id}/customers/000000000000000000000000", new { admin_id = me })).Error(404, "not_found"));
        // A contact not taking part is not found on the conversation, in the same words.
        Assert.Equal("User Not Found",
            (await Api.SendAsync(HttpMethod.Delete, $"/conversations/{id}/customers/{stranger.Id}", new { admin_id = me })).Error(404, "not_found"));
        (await Api.SendAsync(HttpMethod.Delete, $"/conversations/{id}/customers/{guest.Id}", new { admin_id = "123" })).Error(404, "admin_not_found");
        Assert.Equal("admin_id is required (an admin's id: GET /admins lists them)",
            (await Api.SendAsync(HttpMethod.Delete, $"/conversations/{id}/customers/{guest.Id}", new { })).Error(400, "parameter_invalid"));
        Assert.Equal([owner.Id, guest.Id], Contacts(await Api.GetAsync($"/conversations/{id}")));

        // The conversation's own contact may leave while another stays; the source stays its.
        var left = (await Api.SendAsync(HttpMethod.Delete, $"/conversations/{id}/customers/{owner.Id}", new { admin_id = me, customer = new { intercom_user_id = owner.Id } })).Ok();
        Assert.Equal([guest.Id], Contacts(left));
        Assert.Equal(owner.Id, left["source"].GetProperty("author").GetProperty("id").GetString());
        Assert.DoesNotContain(id, await Found("contact_ids", "=", owner.Id));
        Assert.Equal([id], await Found("contact_ids", "=", guest.Id));

        Assert.Equal("Removing the last customer is not allowed",
            (await Api.SendAsync(HttpMethod.Delete, $"/conversations/{id}/customers/{guest.Id}", new { admin_id = me })).Error(422, "parameter_invalid"));
        Assert.Equal([guest.Id], Contacts(await Api.GetAsync($"/conversations/{id}")));

        // Never added: its one contact is the last.
        var alone = await Start(stranger.Id);
        Assert.Equal("Removing the last customer is not allowed",
            (await Api.SendAsync(HttpMethod.Delete, $"/conversations/{alone}/customers/{stranger.Id}", new { admin_id = me })).Error(422, "parameter_invalid"));

        // The owner comes back, after the guest.
        Assert.Equal([guest.Id, owner.Id], Contacts((await Api.PostAsync($"/conversations/{id}/customers", new { admin_id = me, customer = new { intercom_user_id = owner.Id } })).Ok()));
    }

    [Fact]
    public async Task A_deleted_contact_leaves_the_conversations_it_was_added_to()
    {
        var me = await Me();
        var owner = await NewContact();
        var guest = await NewContact();
        var id = await Start(owner.Id);
        (await Api.PostAsync($"/conversations/{id}/customers", new { admin_id = me, customer = new { intercom_user_id = guest.Id } })).Ok();

        (await Api.DeleteAsync($"/contacts/{guest.Id}")).Ok();
        Assert.Equal([owner.Id], Contacts(await Api.GetAsync($"/conversations/{id}")));
    }

    [Fact]
    public async Task A_merged_lead_is_replaced_by_the_user_in_the_conversations_it_was_added_to()
    {
        var me = await Me();
        var owner = await NewContact();
        var user = await NewContact();
        var lead = (await Api.PostAsync("/contacts", new { role = "lead", email = EmulatorFixture.NewEmail() })).Ok()["id"].GetString()!;
        var id = await Start(owner.Id);
        (await Api.PostAsync($"/conversations/{id}/customers", new { admin_id = me, customer = new { intercom_user_id = lead } })).Ok();

        (await Api.PostAsync("/contacts/merge", new { from = lead, into = user.Id })).Ok();
        Assert.Equal([owner.Id, user.Id], Contacts(await Api.GetAsync($"/conversations/{id}")));
    }

    [Theory]
    [InlineData("2.11")]
    [InlineData("2.15")]
    [InlineData("2.16")]
    public async Task Every_version_adds_and_removes_contacts(string version)
    {
        var api = Api.WithVersion(version);
        var me = (await api.GetAsync("/me")).Ok()["id"].GetString()!;
        var owner = await NewContact(api);
        var guest = await NewContact(api);
        var id = await Start(owner.Id, api);

        Assert.Equal([owner.Id, guest.Id], Contacts((await api.PostAsync($"/conversations/{id}/customers", new { admin_id = me, customer = new { intercom_user_id = guest.Id } })).Ok()));
        Assert.Equal([owner.Id], Contacts((await api.SendAsync(HttpMethod.Delete, $"/conversations/{id}/customers/{guest.Id}", new { admin_id = me })).Ok()));
        Assert.Equal("Removing the last customer is not allowed",
            (await api.SendAsync(HttpMethod.Delete, $"/conversations/{id}/customers/{owner.Id}", new { admin_id = me })).Error(422, "parameter_invalid"));
    }

    private static (string Type, string Id, string Name, string Email) Author(JsonElement part)
    {
        var author = part.GetProperty("author");
        return (author.GetProperty("type").GetString()!, author.GetProperty("id").GetString()!, author.GetProperty("name").GetString()!, author.GetProperty("email").GetString()!);
    }

    private static List<(string Type, string Id, string Name, string Email)> PartAuthors(JsonElement conversation) =>
        [.. conversation.GetProperty("conversation_parts").GetProperty("conversation_parts").EnumerateArray().Select(Author)];

    private async Task<(string Id, string ExternalId, string Email, string Name)> NewNamedContact(V2Client api, string role = "user")
    {
        var email = EmulatorFixture.NewEmail();
        var externalId = EmulatorFixture.NewId("u");
        var name = "Guest " + externalId;
        var id = (await api.PostAsync("/contacts", new { role, email, external_id = externalId, name })).Ok()["id"].GetString()!;
        return (id, externalId, email, name);
    }

    private static object UserReply(string body, object who) => who switch
    {
        ("intercom_user_id", string v) => new { message_type = "comment", type = "user", intercom_user_id = v, body },
        ("user_id", string v) => new { message_type = "comment", type = "user", user_id = v, body },
        ("email", string v) => new { message_type = "comment", type = "user", email = v, body },
        _ => throw new System.ArgumentException("who"),
    };

    [Theory]
    [InlineData("2.11")]
    [InlineData("2.14")]
    [InlineData("2.15")]
    [InlineData("2.16")]
    public async Task A_contact_added_replies_as_itself_by_any_of_its_names_in_every_version(string version)
    {
        var api = Api.WithVersion(version);
        var me = (await api.GetAsync("/me")).Ok()["id"].GetString()!;
        var owner = await NewNamedContact(api);
        var guest = await NewNamedContact(api);
        var id = await Start(owner.Id, api);
        (await api.PostAsync($"/conversations/{id}/customers", new { admin_id = me, customer = new { intercom_user_id = guest.Id } })).Ok();

        var answered = (await api.PostAsync($"/conversations/{id}/reply", UserReply("By my id", ("intercom_user_id", guest.Id)))).Ok();
        (await api.PostAsync($"/conversations/{id}/reply", UserReply("By my external id", ("user_id", guest.ExternalId)))).Ok();
        (await api.PostAsync($"/conversations/{id}/reply", UserReply("By my email", ("email", guest.Email)))).Ok();
        (await api.PostAsync($"/conversations/{id}/reply", UserReply("The owner again", ("intercom_user_id", owner.Id)))).Ok();

        var asGuest = ("user", guest.Id, guest.Name, guest.Email);
        var asOwner = ("user", owner.Id, owner.Name, owner.Email);
        Assert.Equal([asGuest], PartAuthors(answered.Json)); // the reply's own answer already names its author
        var shown = (await api.GetAsync($"/conversations/{id}")).Ok();
        Assert.Equal([asGuest, asGuest, asGuest, asOwner], PartAuthors(shown.Json));
        Assert.Equal(asOwner, Author(shown["source"])); // the source stays the owner's
        Assert.Equal([owner.Id, guest.Id], Contacts(shown)); // replying adds nobody and removes nobody
    }

    [Fact]
    public async Task A_lead_added_replies_as_a_lead_and_v1_shows_who_wrote_each_message()
    {
        var me = await Me();
        var owner = await NewNamedContact(Api);
        var lead = await NewNamedContact(Api, "lead");
        var id = await Start(owner.Id);
        (await Api.PostAsync($"/conversations/{id}/customers", new { admin_id = me, customer = new { intercom_user_id = lead.Id } })).Ok();

        var answered = (await Api.PostAsync($"/conversations/{id}/reply", UserReply("A lead writes", ("intercom_user_id", lead.Id)))).Ok();
        Assert.Equal([("lead", lead.Id, lead.Name, lead.Email)], PartAuthors(answered.Json));

        // v1 lists the thread under its own user only, but each message says who wrote it.
        var (status, threads) = await fixture.V1.SendAsync(HttpMethod.Get, $"users/message_threads?email={owner.Email}");
        Assert.Equal(200, (int)status);
        var messages = Assert.Single(threads.EnumerateArray()).GetProperty("messages").EnumerateArray()
            .Select(m => (m.GetProperty("html").GetString(), m.GetProperty("from").GetProperty("email").GetString(), m.GetProperty("from").GetProperty("name").GetString())).ToList();
        Assert.Equal([("<p>Can my colleague join?</p>", owner.Email, owner.Name), ("<p>A lead writes</p>", lead.Email, lead.Name)], messages);
    }

    [Fact]
    public async Task A_contact_not_taking_part_gets_the_replys_404_and_nothing_is_written()
    {
        var me = await Me();
        var owner = await NewNamedContact(Api);
        var guest = await NewNamedContact(Api);
        var outsider = await NewNamedContact(Api);
        var id = await Start(owner.Id);
        (await Api.PostAsync($"/conversations/{id}/customers", new { admin_id = me, customer = new { intercom_user_id = guest.Id } })).Ok();

        foreach (var who in new object[] { ("intercom_user_id", outsider.Id), ("user_id", outsider.ExternalId), ("email", outsider.Email) })
        {
            Assert.Equal($"Resource Not Found: contact {outsider.Id} is not taking part in conversation {id}; add it first (POST /conversations/{id}/customers)",
                (await Api.PostAsync($"/conversations/{id}/reply", UserReply("Let me in", who))).Error(404, "not_found"));
        }

        // A contact that left is no longer taking part; a contact that does not exist is the contact's 404.
        (await Api.SendAsync(HttpMethod.Delete, $"/conversations/{id}/customers/{guest.Id}", new { admin_id = me })).Ok();
        Assert.Equal($"Resource Not Found: contact {guest.Id} is not taking part in conversation {id}; add it first (POST /conversations/{id}/customers)",
            (await Api.PostAsync($"/conversations/{id}/reply", UserReply("Still here?", ("intercom_user_id", guest.Id)))).Error(404, "not_found"));
        Assert.Equal("User Not Found",
            (await Api.PostAsync($"/conversations/{id}/reply", UserReply("Who am I", ("intercom_user_id", "000000000000000000000000")))).Error(404, "not_found"));

        Assert.Empty(PartAuthors((await Api.GetAsync($"/conversations/{id}")).Ok().Json));
    }

    [Fact]
    public async Task A_deleted_contacts_replies_go_with_it_and_a_merged_leads_become_the_users()
    {
        var me = await Me();
        var owner = await NewNamedContact(Api);
        var guest = await NewNamedContact(Api);
        var lead = await NewNamedContact(Api, "lead");
        var user = await NewNamedContact(Api);
        var id = await Start(owner.Id);
        foreach (var added in new[] { guest.Id, lead.Id })
        {
            (await Api.PostAsync($"/conversations/{id}/customers", new { admin_id = me, customer = new { intercom_user_id = added } })).Ok();
        }

        (await Api.PostAsync($"/conversations/{id}/reply", UserReply("From the guest", ("intercom_user_id", guest.Id)))).Ok();
        (await Api.PostAsync($"/conversations/{id}/reply", UserReply("From the lead", ("intercom_user_id", lead.Id)))).Ok();
        (await Api.PostAsync($"/contacts/merge", new { from = lead.Id, into = user.Id })).Ok();
        (await Api.DeleteAsync($"/contacts/{guest.Id}")).Ok();

        var shown = (await Api.GetAsync($"/conversations/{id}")).Ok();
        Assert.Equal([owner.Id, user.Id], Contacts(shown));
        Assert.Equal([("user", user.Id, user.Name, user.Email)], PartAuthors(shown.Json));
        (await Api.PostAsync($"/conversations/{id}/reply", UserReply("Merged and replying", ("intercom_user_id", user.Id)))).Ok();
    }

    [Fact]
    public async Task The_dummy_app_answers_as_if_added_and_keeps_its_one_contact()
    {
        var dummy = fixture.V2For("dummy-app-id");
        var me = (await dummy.GetAsync("/me")).Ok()["id"].GetString()!;
        var conversation = (await dummy.GetAsync("/conversations")).Ok()["conversations"][0];
        var id = conversation.GetProperty("id").GetString();
        var owner = Contacts(conversation).Single();
        var listed = (await dummy.GetAsync("/contacts")).Ok()["data"].EnumerateArray().Select(c => c.GetProperty("id").GetString()!).First(c => c != owner);

        Assert.Equal([owner, listed], Contacts((await dummy.PostAsync($"/conversations/{id}/customers", new { admin_id = me, customer = new { intercom_user_id = listed } })).Ok()));
        Assert.Equal([owner], Contacts(await dummy.GetAsync($"/conversations/{id}")));
        Assert.Equal("Removing the last customer is not allowed",
            (await dummy.SendAsync(HttpMethod.Delete, $"/conversations/{id}/customers/{owner}", new { admin_id = me })).Error(422, "parameter_invalid"));
        Assert.Equal("User Not Found", (await dummy.SendAsync(HttpMethod.Delete, $"/conversations/{id}/customers/{listed}", new { admin_id = me })).Error(404, "not_found"));
    }
}
