using System.Globalization;
using System.Linq;
using System.Net.Http;
using System.Text.Json;
using System.Threading.Tasks;
using IntercomPS.Testing;
using Xunit;

namespace IntercomPS.V2.Tests;

/// <summary>
/// The team inbox on the 2.x face: several admins and teams per app (seeded through /admin), admin replies and notes,
/// assignment to an admin or a team, close/open/snooze as parts of their own, conversation tags, and the conversation
/// search on assignees, tags, state, read and dates, walked by the keyset cursor. Every answer is also judged against
/// the description by <see cref="V2Client"/>.
/// </summary>
public class TeamInboxTests(EmulatorFixture fixture) : IClassFixture<EmulatorFixture>
{
    private V2Client Api => fixture.V2;

    private async Task<(string Contact, string Email, string Conversation)> NewConversation(string body = "hello there")
    {
        var email = EmulatorFixture.NewEmail();
        var contact = (await Api.PostAsync("/contacts", new { email, external_id = EmulatorFixture.NewId("u"), name = "Cora" })).Ok()["id"].GetString()!;
        var conversation = (await Api.PostAsync("/conversations", new { from = new { type = "user", id = contact }, body })).Ok()["conversation_id"].GetString()!;
        return (contact, email, conversation);
    }

    private async Task<string> Me() => (await Api.GetAsync("/me")).Ok()["id"].GetString()!;

    private Task<string> NewAdmin(bool away = false) => fixture.Admin.AddAdminAsync(EmulatorFixture.AppId, "Agent " + EmulatorFixture.NewId("a")[..10], EmulatorFixture.NewEmail("agent"), away);

    private static JsonElement[] Parts(Reply conversation) => [.. conversation["conversation_parts"].GetProperty("conversation_parts").EnumerateArray()];

    [Fact]
    public async Task An_app_has_several_admins_and_teams_seeded_through_admin()
    {
        var me = await Me();
        var ann = await NewAdmin();
        var bob = await NewAdmin(away: true);
        var team = await fixture.Admin.AddTeamAsync(EmulatorFixture.AppId, EmulatorFixture.NewId("Billing"), ann, bob);

        var admins = (await Api.GetAsync("/admins")).Ok()["admins"].EnumerateArray().ToList();
        Assert.Equal(me, admins[0].GetProperty("id").GetString()); // the token's own admin first
        var listedBob = admins.Single(a => a.GetProperty("id").GetString() == bob);
        Assert.True(listedBob.GetProperty("away_mode_enabled").GetBoolean());
        Assert.Equal([long.Parse(team, CultureInfo.InvariantCulture)], listedBob.GetProperty("team_ids").EnumerateArray().Select(t => t.GetInt64()));
        Assert.False((await Api.GetAsync($"/admins/{ann}")).Ok()["away_mode_enabled"].GetBoolean());
        (await Api.GetAsync("/admins/123")).Error(404, "admin_not_found");
        (await fixture.V2Other.GetAsync($"/admins/{ann}")).Error(404, "admin_not_found"); // another app's admin

        var teams = (await Api.GetAsync("/teams")).Ok()["teams"].EnumerateArray().ToList();
        Assert.Contains(teams, t => t.GetProperty("id").GetString() == team);
        var got = (await Api.GetAsync($"/teams/{team}")).Ok();
        Assert.Equal(new[] { ann, bob }.Order(), got["admin_ids"].EnumerateArray().Select(a => a.GetInt64().ToString(CultureInfo.InvariantCulture)).Order());
        (await Api.GetAsync("/teams/999999")).Error(404, "team_not_found");
    }

    [Fact]
    public async Task Seeding_refuses_a_taken_email_an_unknown_member_and_the_dummy_app()
    {
        var email = EmulatorFixture.NewEmail("dup");
        await fixture.Admin.AddAdminAsync(EmulatorFixture.AppId, "Dup", email);
        var again = await Assert.ThrowsAsync<System.InvalidOperationException>(() => fixture.Admin.AddAdminAsync(EmulatorFixture.AppId, "Dup", email.ToUpperInvariant()));
        Assert.Contains("already has an admin", again.Message, System.StringComparison.Ordinal);
        var unknown = await Assert.ThrowsAsync<System.InvalidOperationException>(() => fixture.Admin.AddTeamAsync(EmulatorFixture.AppId, "T", "42"));
        Assert.Contains("'42' is not an admin of this app", unknown.Message, System.StringComparison.Ordinal);
        var dummy = await Assert.ThrowsAsync<System.InvalidOperationException>(() => fixture.Admin.AddAdminAsync("dummy-app-id", "D", EmulatorFixture.NewEmail()));
        Assert.Contains("cannot be seeded", dummy.Message, System.StringComparison.Ordinal);
    }

    [Fact]
    public async Task Any_admin_of_the_app_replies_and_writes_notes_which_the_user_never_sees()
    {
        var (_, email, id) = await NewConversation();
        var annEmail = EmulatorFixture.NewEmail("ann");
        var ann = await fixture.Admin.AddAdminAsync(EmulatorFixture.AppId, "Ann", annEmail);
        Assert.True((await Api.PutAsync($"/conversations/{id}", new { read = true })).Ok()["read"].GetBoolean());

        var noted = (await Api.PostAsync($"/conversations/{id}/reply", new { message_type = "note", type = "admin", admin_id = ann, body = "Refund approved" })).Ok();
        Assert.True(noted["read"].GetBoolean()); // a note is no message to the user: still read
        var note = Parts(noted)[^1];
        Assert.Equal("note", note.GetProperty("part_type").GetString());
        Assert.Equal(ann, note.GetProperty("author").GetProperty("id").GetString());
        Assert.Equal("admin", note.GetProperty("author").GetProperty("type").GetString());

        var replied = (await Api.PostAsync($"/conversations/{id}/reply", new { message_type = "comment", type = "admin", admin_id = long.Parse(ann, CultureInfo.InvariantCulture), body = "On it" })).Ok();
        Assert.False(replied["read"].GetBoolean());
        Assert.Equal(ann, Parts(replied)[^1].GetProperty("author").GetProperty("id").GetString());
        Assert.Contains(replied["teammates"].GetProperty("teammates").EnumerateArray(), t => t.GetProperty("id").GetString() == ann);

        var (_, thread) = await fixture.V1.SendAsync(HttpMethod.Get, $"users/message_threads?email={email}&thread_id={id}");
        Assert.Equal(["<p>hello there</p>", "<p>On it</p>"], thread.GetProperty("messages").EnumerateArray().Select(m => m.GetProperty("html").GetString()));
        Assert.Equal(annEmail, thread.GetProperty("messages")[1].GetProperty("from").GetProperty("email").GetString()); // v1 shows who wrote it

        (await Api.PostAsync($"/conversations/{id}/reply", new { message_type = "note", type = "user", email, body = "x" })).Error(400, "parameter_invalid");
        (await Api.PostAsync($"/conversations/{id}/reply", new { message_type = "note", type = "admin", admin_id = "123", body = "x" })).Error(404, "admin_not_found");
    }

    [Fact]
    public async Task A_close_with_words_is_a_close_part_carrying_them_and_open_and_snooze_are_parts_too()
    {
        var (_, email, id) = await NewConversation();
        var me = await Me();
        var closed = (await Api.PostAsync($"/conversations/{id}/parts", new { message_type = "close", type = "admin", admin_id = me, body = "Goodbye :)" })).Ok();
        var close = Parts(closed)[^1];
        Assert.Equal("close", close.GetProperty("part_type").GetString()); // was written as a comment part before
        Assert.Equal("<p>Goodbye :)</p>", close.GetProperty("body").GetString());
        Assert.Single(Parts(closed));

        var snoozed = (await Api.PostAsync($"/conversations/{id}/parts", new { message_type = "snoozed", admin_id = me, snoozed_until = 1900000000 })).Ok();
        Assert.Equal("snoozed", Parts(snoozed)[^1].GetProperty("part_type").GetString());
        Assert.Equal(JsonValueKind.Null, Parts(snoozed)[^1].GetProperty("body").ValueKind);
        var opened = (await Api.PostAsync($"/conversations/{id}/parts", new { message_type = "open", admin_id = me })).Ok();
        Assert.Equal(["close", "snoozed", "open"], Parts(opened).Select(p => p.GetProperty("part_type").GetString()));

        // v1 shows the words of the close, which the user sees, and not the wordless state changes.
        var (_, thread) = await fixture.V1.SendAsync(HttpMethod.Get, $"users/message_threads?email={email}&thread_id={id}");
        Assert.Equal(["<p>hello there</p>", "<p>Goodbye :)</p>"], thread.GetProperty("messages").EnumerateArray().Select(m => m.GetProperty("html").GetString()));
    }

    [Fact]
    public async Task A_conversation_is_assigned_to_an_admin_and_a_team_and_unassigned_with_0()
    {
        var (_, _, id) = await NewConversation();
        var me = await Me();
        var ann = await NewAdmin();
        var team = await fixture.Admin.AddTeamAsync(EmulatorFixture.AppId, EmulatorFixture.NewId("Support"), ann);

        var toAnn = (await Api.PostAsync($"/conversations/{id}/parts", new { message_type = "assignment", type = "admin", admin_id = me, assignee_id = ann, body = "Ann will help" })).Ok();
        Assert.Equal(long.Parse(ann, CultureInfo.InvariantCulture), toAnn["admin_assignee_id"].GetInt64());
        var part = Parts(toAnn)[^1];
        Assert.Equal("assignment", part.GetProperty("part_type").GetString());
        Assert.Equal("admin", part.GetProperty("assigned_to").GetProperty("type").GetString());
        Assert.Equal(ann, part.GetProperty("assigned_to").GetProperty("id").GetString());
        Assert.Equal("<p>Ann will help</p>", part.GetProperty("body").GetString());

        var toTeam = (await Api.PostAsync($"/conversations/{id}/parts", new { message_type = "assignment", type = "team", admin_id = ann, assignee_id = long.Parse(team, CultureInfo.InvariantCulture) })).Ok();
        Assert.Equal(long.Parse(team, CultureInfo.InvariantCulture), toTeam["team_assignee_id"].GetInt64());
        Assert.Equal(long.Parse(ann, CultureInfo.InvariantCulture), toTeam["admin_assignee_id"].GetInt64()); // both at once

        var unassigned = (await Api.PostAsync($"/conversations/{id}/parts", new { message_type = "assignment", type = "admin", admin_id = me, assignee_id = "0" })).Ok();
        Assert.Equal(JsonValueKind.Null, unassigned["admin_assignee_id"].ValueKind);
        Assert.Equal(JsonValueKind.Null, Parts(unassigned)[^1].GetProperty("assigned_to").ValueKind);

        (await Api.PostAsync($"/conversations/{id}/parts", new { message_type = "assignment", type = "admin", admin_id = me, assignee_id = "123" })).Error(404, "admin_not_found");
        (await Api.PostAsync($"/conversations/{id}/parts", new { message_type = "assignment", type = "team", admin_id = me, assignee_id = "999999" })).Error(404, "team_not_found");
        (await Api.PostAsync($"/conversations/{id}/parts", new { message_type = "assignment", admin_id = me, assignee_id = ann })).Error(400, "parameter_invalid");
    }

    [Fact]
    public async Task Assigning_a_closed_conversation_reopens_it()
    {
        var (_, _, id) = await NewConversation();
        var me = await Me();
        (await Api.PostAsync($"/conversations/{id}/parts", new { message_type = "close", type = "admin", admin_id = me })).Ok();
        var assigned = (await Api.PostAsync($"/conversations/{id}/parts", new { message_type = "assignment", type = "admin", admin_id = me, assignee_id = me })).Ok();
        Assert.Equal("open", assigned["state"].GetString());
        Assert.Equal("assign_and_reopen", Parts(assigned)[^1].GetProperty("part_type").GetString());
    }

    [Fact]
    public async Task Conversation_tags_are_added_and_removed_with_who_and_when()
    {
        var (_, _, id) = await NewConversation();
        var me = await Me();
        var tag = (await Api.PostAsync("/tags", new { name = EmulatorFixture.NewId("vip") })).Ok()["id"].GetString()!;

        var applied = (await Api.PostAsync($"/conversations/{id}/tags", new { id = tag, admin_id = me })).Ok();
        Assert.Equal(tag, applied["id"].GetString());
        Assert.Equal(me, applied["applied_by"].GetProperty("id").GetString());
        Assert.True(applied["applied_at"].GetInt64() > 0);
        var tags = (await Api.GetAsync($"/conversations/{id}")).Ok()["tags"].GetProperty("tags").EnumerateArray().ToList();
        Assert.Equal([tag], tags.Select(t => t.GetProperty("id").GetString()));

        Assert.Equal(tag, (await Api.SendAsync(HttpMethod.Delete, $"/conversations/{id}/tags/{tag}", new { admin_id = me })).Ok()["id"].GetString());
        Assert.Empty((await Api.GetAsync($"/conversations/{id}")).Ok()["tags"].GetProperty("tags").EnumerateArray());
        (await Api.SendAsync(HttpMethod.Delete, $"/conversations/{id}/tags/{tag}", new { admin_id = me })).Error(404, "tag_not_found");
        (await Api.PostAsync($"/conversations/{id}/tags", new { id = "999999", admin_id = me })).Error(404, "tag_not_found");
        (await Api.PostAsync("/conversations/999999/tags", new { id = tag, admin_id = me })).Error(404, "not_found");

        // The conversation is looked up before the tag, whatever the tag id: one that is no number was tag_not_found first.
        foreach (var none in new[] { "abc", "999999" })
        {
            (await Api.SendAsync(HttpMethod.Delete, $"/conversations/999999/tags/{none}", new { admin_id = me })).Error(404, "not_found");
            (await Api.SendAsync(HttpMethod.Delete, $"/conversations/{id}/tags/{none}", new { admin_id = me })).Error(404, "tag_not_found");
        }
    }

    [Fact]
    public async Task The_search_filters_on_assignees_tags_state_read_and_dates()
    {
        var me = await Me();
        var ann = await NewAdmin();
        var team = await fixture.Admin.AddTeamAsync(EmulatorFixture.AppId, EmulatorFixture.NewId("Sales"), ann);
        var tag = (await Api.PostAsync("/tags", new { name = EmulatorFixture.NewId("urgent") })).Ok()["id"].GetString()!;
        var (contact, _, toAnn) = await NewConversation();
        var toTeam = (await Api.PostAsync("/conversations", new { from = new { type = "user", id = contact }, body = "b" })).Ok()["conversation_id"].GetString()!;
        var tagged = (await Api.PostAsync("/conversations", new { from = new { type = "user", id = contact }, body = "c" })).Ok()["conversation_id"].GetString()!;
        var snoozed = (await Api.PostAsync("/conversations", new { from = new { type = "user", id = contact }, body = "d" })).Ok()["conversation_id"].GetString()!;
        (await Api.PostAsync($"/conversations/{toAnn}/parts", new { message_type = "assignment", type = "admin", admin_id = me, assignee_id = ann })).Ok();
        (await Api.PostAsync($"/conversations/{toTeam}/parts", new { message_type = "assignment", type = "team", admin_id = me, assignee_id = team })).Ok();
        (await Api.PostAsync($"/conversations/{tagged}/tags", new { id = tag, admin_id = me })).Ok();
        (await Api.PostAsync($"/conversations/{snoozed}/parts", new { message_type = "snoozed", admin_id = me, snoozed_until = 1900000000 })).Ok();
        (await Api.PutAsync($"/conversations/{tagged}", new { read = false })).Ok();

        async Task<string[]> Search(object filter) =>
            [.. (await Api.PostAsync("/conversations/search", new { query = new { @operator = "AND", value = new object[] { new { field = "contact_ids", @operator = "=", value = contact }, filter } } }))
                .Ok()["conversations"].EnumerateArray().Select(c => c.GetProperty("id").GetString()!)];

        Assert.Equal([toAnn], await Search(new { field = "admin_assignee_id", @operator = "=", value = (object)long.Parse(ann, CultureInfo.InvariantCulture) }));
        Assert.Equal([toTeam], await Search(new { field = "team_assignee_id", @operator = "=", value = (object)team }));
        Assert.Equal([toTeam, tagged, snoozed], await Search(new { field = "admin_assignee_id", @operator = "=", value = (object)0 })); // no admin
        Assert.Equal([toAnn, tagged, snoozed], await Search(new { field = "team_assignee_id", @operator = "=", value = (object)0 })); // no team
        Assert.Equal([tagged], await Search(new { field = "tag_ids", @operator = "=", value = (object)tag }));
        Assert.Equal([tagged], await Search(new { field = "tag_ids", @operator = "IN", value = (object)new[] { tag, "999999" } }));
        Assert.Equal([toAnn, toTeam, snoozed], await Search(new { field = "tag_ids", @operator = "!=", value = (object)tag }));
        Assert.Equal([snoozed], await Search(new { field = "state", @operator = "=", value = (object)"snoozed" }));
        Assert.Equal([snoozed], await Search(new { field = "snoozed_until", @operator = ">", value = (object)1800000000 }));
        Assert.Equal([tagged], await Search(new { field = "read", @operator = "=", value = (object)false }));
        Assert.Equal([toAnn, toTeam, tagged, snoozed], await Search(new { field = "updated_at", @operator = ">", value = (object)1600000000 }));
        Assert.Contains("not supported for admin_assignee_id (integer)", (await Api.PostAsync("/conversations/search",
            new { query = new { field = "admin_assignee_id", @operator = "~", value = "1" } })).Error(400, "parameter_invalid"), System.StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_conversation_search_walks_by_its_own_keyset_cursor_which_no_other_search_takes()
    {
        var (contact, _, first) = await NewConversation();
        var ids = new[] { first }.Concat(await Task.WhenAll(Enumerable.Range(0, 4).Select(async i =>
            (await Api.PostAsync("/conversations", new { from = new { type = "user", id = contact }, body = "n" + i })).Ok()["conversation_id"].GetString()!))).ToList();
        var query = new { field = "contact_ids", @operator = "=", value = contact };

        var seen = new System.Collections.Generic.List<string>();
        string? cursor = null;
        string? firstCursor = null;
        do
        {
            var page = (await Api.PostAsync("/conversations/search", new { query, pagination = cursor is null ? (object)new { per_page = 2 } : new { per_page = 2, starting_after = cursor } })).Ok();
            seen.AddRange(page["conversations"].EnumerateArray().Select(c => c.GetProperty("id").GetString()!));
            cursor = page["pages"].TryGetProperty("next", out var next) ? next.GetProperty("starting_after").GetString() : null;
            firstCursor ??= cursor;
            if (seen.Count == 2) await Api.PutAsync($"/conversations/{ids[0]}", new { read = true }); // a write mid-walk moves nothing
        }
        while (cursor is not null);

        Assert.Equal(ids.Order(), seen.Order());
        Assert.Equal(seen.Distinct().Count(), seen.Count);
        Assert.DoesNotContain("at:", firstCursor, System.StringComparison.Ordinal); // the keyset cursor, not a bare offset
        var other = new { field = "state", @operator = "=", value = "open" };
        (await Api.PostAsync("/conversations/search", new { query = other, pagination = new { per_page = 2, starting_after = firstCursor } })).Error(400, "parameter_invalid");
        (await fixture.V2Other.PostAsync("/conversations/search", new { query, pagination = new { per_page = 2, starting_after = firstCursor } })).Error(400, "parameter_invalid");
    }

    [Fact]
    public async Task A_contact_note_is_written_by_the_admin_named_and_read_back_as_theirs()
    {
        var (contact, _, _) = await NewConversation();
        var ann = await NewAdmin();
        var note = (await Api.PostAsync($"/contacts/{contact}/notes", new { body = "Prefers email", admin_id = ann })).Ok();
        Assert.Equal(ann, note["author"].GetProperty("id").GetString());
        Assert.Equal(ann, (await Api.GetAsync($"/notes/{note["id"].GetString()}")).Ok()["author"].GetProperty("id").GetString());
        Assert.Equal(await Me(), (await Api.PostAsync($"/contacts/{contact}/notes", new { body = "By the token's admin" })).Ok()["author"].GetProperty("id").GetString());
        (await Api.PostAsync($"/contacts/{contact}/notes", new { body = "x", admin_id = "123" })).Error(404, "not_found"); // this operation's own 404, as its "Admin not found" example
    }

    [Fact]
    public async Task The_dummy_app_has_its_one_admin_and_no_team()
    {
        var dummy = fixture.V2For("dummy-app-id");
        var me = (await dummy.GetAsync("/me")).Ok()["id"].GetString()!;
        Assert.Equal([me], (await dummy.GetAsync("/admins")).Ok()["admins"].EnumerateArray().Select(a => a.GetProperty("id").GetString()));
        Assert.Empty((await dummy.GetAsync("/teams")).Ok()["teams"].EnumerateArray());
        var note = (await dummy.PostAsync("/conversations/5591/reply", new { message_type = "note", type = "admin", admin_id = me, body = "n" })).Ok();
        Assert.Equal("note", Parts(note)[^1].GetProperty("part_type").GetString());
    }
}
