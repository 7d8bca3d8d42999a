using System.Linq;
using System.Net.Http;
using System.Threading.Tasks;
using IntercomPS.Testing;
using Xunit;

namespace IntercomPS.V2.Tests;

/// <summary>One store, two faces: what one API writes, the other reads.</summary>
public class CrossFaceTests(EmulatorFixture fixture) : IClassFixture<EmulatorFixture>
{
    [Fact]
    public async Task An_email_a_lead_shares_with_a_user_names_the_user_on_v1_and_in_events()
    {
        // A visitor becomes a lead, then signs up: both keep the email. v1 knew only users, and 2.14's events are a
        // user's; the lead, created first, once answered v1's GET /users?email= and took v1's upsert and the events.
        var email = EmulatorFixture.NewEmail();
        var lead = (await fixture.V2.PostAsync("/contacts", new { role = "lead", email })).Ok()["id"].GetString();
        var user = (await fixture.V2.PostAsync("/contacts", new { role = "user", email })).Ok()["id"].GetString();

        var (_, found) = await fixture.V1.SendAsync(HttpMethod.Get, $"users?email={email}");
        Assert.Equal(user, found.GetProperty("intercom_id").GetString());
        var (status, saved) = await fixture.V1.SendAsync(HttpMethod.Post, "users", new { email, name = "Signed Up" });
        Assert.Equal((200, user), (status, saved.GetProperty("intercom_id").GetString()));
        Assert.Equal(System.Text.Json.JsonValueKind.Null, (await fixture.V2.GetAsync($"/contacts/{lead}")).Ok()["name"].ValueKind);

        (await fixture.V2.PostAsync("/events", new { event_name = "signed-up", created_at = 1700000000, email })).Ok(202);
        Assert.Single((await fixture.V2.GetAsync($"/events?type=user&intercom_user_id={user}")).Ok()["events"].EnumerateArray());
        Assert.Empty((await fixture.V2.GetAsync($"/events?type=user&intercom_user_id={lead}")).Ok()["events"].EnumerateArray());
    }

    [Fact]
    public async Task A_v1_user_is_a_2_14_contact_with_role_user()
    {
        var email = EmulatorFixture.NewEmail();
        var userId = EmulatorFixture.NewId("u");
        var (status, _) = await fixture.V1.SendAsync(HttpMethod.Post, "users", new
        {
            user_id = userId, email, name = "Vee One", created_at = 1300000000, last_impression_at = 1400000000, custom_data = new { plan = "pro", seats = 3 },
        });
        Assert.Equal(201, status);

        var contact = (await fixture.V2.GetAsync($"/contacts/find_by_external_id/{userId}")).Ok();
        var (_, v1User) = await fixture.V1.SendAsync(HttpMethod.Get, $"users?user_id={userId}");
        Assert.Equal(v1User.GetProperty("intercom_id").GetString(), contact["id"].GetString()); // one id, two faces
        Assert.Equal("user", contact["role"].GetString());
        Assert.Equal(email, contact["email"].GetString());
        Assert.Equal("Vee One", contact["name"].GetString());
        Assert.Equal(1300000000, contact["signed_up_at"].GetInt64());
        Assert.Equal(1400000000, contact["last_seen_at"].GetInt64());
        Assert.Equal("pro", contact["custom_attributes"].GetProperty("plan").GetString());
        Assert.Equal(3, contact["custom_attributes"].GetProperty("seats").GetInt32());

        // A custom attribute v1 wrote exists on 2.14: 2.14 may now write it.
        var updated = (await fixture.V2.PutAsync($"/contacts/{contact["id"].GetString()}", new { custom_attributes = new { plan = "team" } })).Ok();
        Assert.Equal(3, updated["custom_attributes"].GetProperty("seats").GetInt32());
        var (_, user) = await fixture.V1.SendAsync(HttpMethod.Get, $"users?user_id={userId}");
        Assert.Equal("team", user.GetProperty("custom_data").GetProperty("plan").GetString());
    }

    [Fact]
    public async Task A_2_14_contact_is_a_v1_user_and_tags_and_notes_are_shared()
    {
        var email = EmulatorFixture.NewEmail();
        var externalId = EmulatorFixture.NewId("c");
        var id = (await fixture.V2.PostAsync("/contacts", new { email, external_id = externalId, name = "Two Fourteen" })).Ok()["id"].GetString();
        var tagName = EmulatorFixture.NewId("t");
        var tag = (await fixture.V2.PostAsync("/tags", new { name = tagName })).Ok()["id"].GetString();
        (await fixture.V2.PostAsync($"/contacts/{id}/tags", new { id = tag })).Ok();
        (await fixture.V2.PostAsync($"/contacts/{id}/notes", new { body = "from 2.14" })).Ok();

        var (status, user) = await fixture.V1.SendAsync(HttpMethod.Get, $"users?user_id={externalId}");
        Assert.Equal(200, status);
        Assert.Equal("Two Fourteen", user.GetProperty("name").GetString());
        var (_, v1Tag) = await fixture.V1.SendAsync(HttpMethod.Get, $"tags?name={tagName}");
        Assert.Equal(1, v1Tag.GetProperty("tagged_user_count").GetInt32());
        Assert.Matches("^[0-9a-f]{24}$", v1Tag.GetProperty("id").GetString()); // v1's tag id is the 24-hex one; 2.14's the numeric one

        // A note v1 adds shows on 2.14, newest first.
        (await fixture.V1.SendAsync(HttpMethod.Post, "users/notes", new { user_id = externalId, body = "from v1" })).Status.Equals(200);
        var notes = (await fixture.V2.GetAsync($"/contacts/{id}/notes")).Ok()["data"].EnumerateArray().Select(n => n.GetProperty("body").GetString());
        Assert.Equal(["<p>from v1</p>", "<p>from 2.14</p>"], notes);

        // Deleting on v1 deletes the contact.
        await fixture.V1.SendAsync(HttpMethod.Delete, "users", new { user_id = externalId });
        (await fixture.V2.GetAsync($"/contacts/{id}")).Error(404, "not_found");
    }

    [Fact]
    public async Task Seeded_users_are_contacts()
    {
        await fixture.Admin.ResetAsync(EmulatorFixture.OtherAppId);
        await fixture.Admin.SeedAsync(EmulatorFixture.OtherAppId, 5, prefix: "seed", tag: "seeded");
        var tags = (await fixture.V2Other.GetAsync("/tags")).Ok()["data"];
        var tag = tags.EnumerateArray().Single(t => t.GetProperty("name").GetString() == "seeded").GetProperty("id").GetString();
        var found = (await fixture.V2Other.PostAsync("/contacts/search", new { query = new { field = "tag_id", @operator = "=", value = tag } })).Ok();
        Assert.Equal(5, found["total_count"].GetInt32());
    }

    [Fact]
    public async Task The_v1_tagged_user_count_follows_every_change_either_face_makes()
    {
        var tagName = EmulatorFixture.NewId("t");
        var externalIds = Enumerable.Range(0, 3).Select(_ => EmulatorFixture.NewId("c")).ToArray();
        var ids = new string[3];
        for (var i = 0; i < 3; i++)
        {
            ids[i] = (await fixture.V2.PostAsync("/contacts", new { external_id = externalIds[i] })).Ok()["id"].GetString()!;
        }

        var tag = (await fixture.V2.PostAsync("/tags", new { name = tagName, users = ids.Select(id => new { id }).ToArray() })).Ok()["id"].GetString();
        async Task<int> Count() => (await fixture.V1.SendAsync(HttpMethod.Get, $"tags?name={tagName}")).Json.GetProperty("tagged_user_count").GetInt32();
        Assert.Equal(3, await Count());

        (await fixture.V2.DeleteAsync($"/contacts/{ids[2]}")).Ok();
        Assert.Equal(2, await Count());
        (await fixture.V2.DeleteAsync($"/contacts/{ids[1]}/tags/{tag}")).Ok();
        Assert.Equal(1, await Count());
        (await fixture.V2.PostAsync($"/contacts/{ids[1]}/tags", new { id = tag })).Ok();
        (await fixture.V2.PostAsync($"/contacts/{ids[1]}/tags", new { id = tag })).Ok(); // already tagged: counted once
        Assert.Equal(2, await Count());
        var (status, untagged) = await fixture.V1.SendAsync(HttpMethod.Put, "tags", new { name = tagName, user_ids = new[] { externalIds[0], externalIds[2] }, tag_or_untag = "untag" });
        Assert.Equal((200, 1), (status, untagged.GetProperty("tagged_user_count").GetInt32()));
        await fixture.V1.SendAsync(HttpMethod.Delete, "users", new { user_id = externalIds[1] });
        Assert.Equal(0, await Count());
    }

    [Fact]
    public async Task A_users_reply_on_either_face_reopens_a_closed_conversation_and_reads_it()
    {
        var externalId = EmulatorFixture.NewId("c");
        var contact = (await fixture.V2.PostAsync("/contacts", new { external_id = externalId })).Ok()["id"].GetString();
        var admin = (await fixture.V2.GetAsync("/me")).Ok()["id"].GetString();
        var id = (await fixture.V2.PostAsync("/conversations", new { from = new { type = "user", id = contact }, body = "hi" })).Ok()["conversation_id"].GetString();
        async Task Close() => Assert.Equal("closed", (await fixture.V2.PostAsync($"/conversations/{id}/parts",
            new { message_type = "close", type = "admin", admin_id = admin, body = "Closing" })).Ok()["state"].GetString());

        await Close();
        var (status, _) = await fixture.V1.SendAsync(HttpMethod.Put, "users/message_threads", new { user_id = externalId, thread_id = long.Parse(id!, System.Globalization.CultureInfo.InvariantCulture), body = "One more thing" });
        Assert.Equal(200, status);
        var conversation = (await fixture.V2.GetAsync($"/conversations/{id}")).Ok();
        Assert.Equal(("open", true), (conversation["state"].GetString(), conversation["read"].GetBoolean()));

        await Close();
        var replied = (await fixture.V2.PostAsync($"/conversations/{id}/reply", new { message_type = "comment", type = "user", intercom_user_id = contact, body = "And another" })).Ok();
        Assert.Equal(("open", true), (replied["state"].GetString(), replied["read"].GetBoolean()));
    }

    [Fact]
    public async Task An_admin_message_reads_as_from_the_apps_one_admin_on_both_faces()
    {
        var externalId = EmulatorFixture.NewId("c");
        var contact = (await fixture.V2.PostAsync("/contacts", new { external_id = externalId })).Ok()["id"].GetString();
        var admin = (await fixture.V2.GetAsync("/me")).Ok();
        var id = (await fixture.V2.PostAsync("/conversations", new { from = new { type = "user", id = contact }, body = "hi" })).Ok()["conversation_id"].GetString();
        (await fixture.V2.PostAsync($"/conversations/{id}/reply", new { message_type = "comment", type = "admin", admin_id = admin["id"].GetString(), body = "Hello" })).Ok();

        var (status, thread) = await fixture.V1.SendAsync(HttpMethod.Get, $"users/message_threads?user_id={externalId}&thread_id={id}");
        Assert.Equal(200, status);
        var from = thread.GetProperty("messages")[1].GetProperty("from");
        Assert.True(from.GetProperty("is_admin").GetBoolean());
        Assert.Equal((admin["name"].GetString(), admin["email"].GetString()), (from.GetProperty("name").GetString(), from.GetProperty("email").GetString()));
        Assert.Equal(("Ada Admin", "ada@example.com"), (from.GetProperty("name").GetString(), from.GetProperty("email").GetString()));
    }
}
