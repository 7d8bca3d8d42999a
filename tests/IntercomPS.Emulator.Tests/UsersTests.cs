using System;
using System.Linq;
using System.Threading.Tasks;
using IntercomPS.Testing;
using Xunit;

namespace IntercomPS.Emulator.Tests;

public sealed class UsersTests(EmulatorFixture fixture) : IClassFixture<EmulatorFixture>
{
    private Api Api => fixture.Api;

    [Fact]
    public async Task Post_creates_with_201_then_updates_with_200_and_get_finds_by_email_or_user_id()
    {
        var email = EmulatorFixture.NewEmail();
        var id = EmulatorFixture.NewId();
        var created = (await Api.PostAsync("v1/users", new { email, user_id = id, name = "Ann", created_at = 1257553080 })).AssertStatus(201);
        Assert.Equal("Ann", created["name"].GetString());
        Assert.Equal(1257553080, created["created_at"].GetInt64());
        Assert.Equal(System.Text.Json.JsonValueKind.Null, created["last_impression_at"].ValueKind);
        Assert.Equal(0, created["session_count"].GetInt32());

        var again = (await Api.PostAsync("v1/users", new { email, name = "Ann B" })).AssertStatus(200);
        Assert.Equal(id, again["user_id"].GetString());
        Assert.Equal("Ann B", again["name"].GetString());

        Assert.Equal("Ann B", (await Api.GetAsync($"v1/users?email={email}")).AssertStatus(200)["name"].GetString());
        Assert.Equal(email, (await Api.GetAsync($"v1/users/?user_id={id}")).AssertStatus(200)["email"].GetString());
    }

    [Fact]
    public async Task Created_at_defaults_to_now_and_fields_not_sent_are_kept()
    {
        var email = EmulatorFixture.NewEmail();
        var now = System.DateTimeOffset.UtcNow.ToUnixTimeSeconds();
        var user = (await Api.PostAsync("v1/users", new { email, last_seen_ip = "1.2.3.4", unsubscribed_from_emails = true })).AssertStatus(201);
        Assert.InRange(user["created_at"].GetInt64(), now - 5, now + 5);
        var updated = (await Api.PutAsync("v1/users", new { email, last_seen_user_agent = "ie6" })).AssertStatus(200);
        Assert.Equal("1.2.3.4", updated["last_seen_ip"].GetString());
        Assert.Equal("ie6", updated["last_seen_user_agent"].GetString());
        Assert.True(updated["unsubscribed_from_emails"].GetBoolean());
    }

    [Fact]
    public async Task User_id_identifies_the_user_when_both_are_given_and_the_email_is_updated()
    {
        var id = EmulatorFixture.NewId();
        await Api.PostAsync("v1/users", new { email = EmulatorFixture.NewEmail(), user_id = id });
        var newEmail = EmulatorFixture.NewEmail("moved");
        var updated = (await Api.PutAsync("v1/users", new { email = newEmail, user_id = id })).AssertStatus(200);
        Assert.Equal(newEmail, updated["email"].GetString());
        Assert.Equal(id, (await Api.GetAsync($"v1/users?email={newEmail}")).AssertStatus(200)["user_id"].GetString());
    }

    [Fact]
    public async Task A_user_known_by_email_only_adopts_the_user_id_it_is_later_sent_with()
    {
        var email = EmulatorFixture.NewEmail();
        await Api.PostAsync("v1/users", new { email });
        var id = EmulatorFixture.NewId();
        (await Api.PostAsync("v1/users", new { email, user_id = id })).AssertStatus(200);
        Assert.Equal(id, (await Api.GetAsync($"v1/users?email={email}")).AssertStatus(200)["user_id"].GetString());
    }

    [Fact]
    public async Task Put_of_an_unknown_user_is_404_and_creates_nothing()
    {
        var email = EmulatorFixture.NewEmail();
        (await Api.PutAsync("v1/users", new { email, name = "x" })).AssertError(404, "not_found");
        (await Api.GetAsync($"v1/users?email={email}")).AssertError(404, "not_found");
    }

    [Fact]
    public async Task Custom_data_merges_key_by_key_and_keeps_value_kinds()
    {
        var email = EmulatorFixture.NewEmail();
        await Api.PostAsync("v1/users", new { email, custom_data = new { plan = "pro", seats = 3 } });
        var user = (await Api.PutAsync("v1/users", new { email, custom_data = new { paid = true, seats = 4.5, note = (string?)null } })).AssertStatus(200);
        var data = user["custom_data"];
        Assert.Equal("pro", data.GetProperty("plan").GetString());
        Assert.Equal(4.5, data.GetProperty("seats").GetDouble());
        Assert.True(data.GetProperty("paid").GetBoolean());
        Assert.Equal(System.Text.Json.JsonValueKind.Null, data.GetProperty("note").ValueKind);
    }

    [Fact]
    public async Task Read_only_fields_are_ignored_and_companies_are_accepted_but_not_returned()
    {
        var email = EmulatorFixture.NewEmail();
        var user = (await Api.PostAsync("v1/users", new
        {
            email, session_count = 99, relationship_score = 5, companies = new[] { new { id = 6, name = "Intercom" } },
        })).AssertStatus(201);
        Assert.Equal(0, user["session_count"].GetInt32());
        Assert.Equal(0, user["relationship_score"].GetInt32());
        Assert.False(user.Json.TryGetProperty("companies", out _));
    }

    [Fact]
    public async Task Last_request_at_is_an_alias_of_last_impression_at()
    {
        var email = EmulatorFixture.NewEmail();
        var user = (await Api.PostAsync("v1/users", new { email, last_request_at = 1300000000 })).AssertStatus(201);
        Assert.Equal(1300000000, user["last_impression_at"].GetInt64());
        Assert.False(user.Json.TryGetProperty("last_request_at", out _));
    }

    [Fact]
    public async Task Delete_by_body_or_query_returns_the_user_and_removes_notes_threads_and_tag_links()
    {
        var email = EmulatorFixture.NewEmail();
        var tag = EmulatorFixture.NewId("tag");
        await Api.PostAsync("v1/users", new { email, name = "Gone" });
        await Api.PostAsync("v1/users/notes", new { email, body = "n" });
        await Api.PostAsync("v1/users/message_threads", new { email, body = "hi" });
        await Api.PostAsync("v1/tags", new { name = tag, emails = new[] { email }, tag_or_untag = "tag" });
        Assert.Equal(1, (await Api.GetAsync($"v1/tags?name={tag}"))["tagged_user_count"].GetInt32());

        var deleted = (await Api.DeleteAsync("v1/users", new { email })).AssertStatus(200);
        Assert.Equal("Gone", deleted["name"].GetString());
        Assert.Equal(0, (await Api.GetAsync($"v1/tags?name={tag}"))["tagged_user_count"].GetInt32());
        (await Api.GetAsync($"v1/users?email={email}")).AssertError(404, "not_found");
        (await Api.DeleteAsync("v1/users", new { email })).AssertError(404, "not_found");

        // Re-created with the same email, the user starts with no threads: the old ones were destroyed.
        await Api.PostAsync("v1/users", new { email });
        Assert.Equal(0, (await Api.GetAsync($"v1/users/message_threads?email={email}")).AssertStatus(200).Json.GetArrayLength());

        var id = EmulatorFixture.NewId();
        await Api.PostAsync("v1/users", new { user_id = id });
        Assert.Equal(id, (await Api.DeleteAsync($"v1/users?user_id={id}")).AssertStatus(200)["user_id"].GetString());
    }

    [Fact]
    public async Task List_pages_in_creation_order_with_an_exact_envelope_and_filters_by_tag()
    {
        // A fresh app keeps the counts exact.
        var api = fixture.Other;
        await fixture.Admin.ResetAsync(EmulatorFixture.OtherAppId);
        for (var i = 1; i <= 7; i++)
        {
            await api.PostAsync("v1/users", new { user_id = $"p{i}", email = $"p{i}@example.com" });
        }

        var page2 = (await api.GetAsync("v1/users?per_page=3&page=2")).AssertStatus(200);
        Assert.Equal(new[] { "p4", "p5", "p6" }, page2["users"].EnumerateArray().Select(u => u.GetProperty("user_id").GetString()));
        Assert.Equal(7, page2["total_count"].GetInt32());
        Assert.Equal(2, page2["page"].GetInt32());
        Assert.Equal(3, page2["next_page"].GetInt32());
        Assert.Equal(1, page2["previous_page"].GetInt32());
        Assert.Equal(3, page2["total_pages"].GetInt32());
        var last = (await api.GetAsync("v1/users?per_page=3&page=3")).AssertStatus(200);
        Assert.Equal(System.Text.Json.JsonValueKind.Null, last["next_page"].ValueKind);
        Assert.Single(last["users"].EnumerateArray());

        var all = (await api.GetAsync("v1/users?per_page=100000")).AssertStatus(200);
        Assert.Equal(7, all["users"].GetArrayLength()); // per_page is clamped to 500, not refused
        Assert.Equal(1, all["total_pages"].GetInt32());

        var tag = (await api.PostAsync("v1/tags", new { name = "vip", user_ids = new[] { "p2", "p5", "nobody" }, tag_or_untag = "tag" })).AssertStatus(201);
        var byName = (await api.GetAsync("v1/users?tag_name=vip")).AssertStatus(200);
        Assert.Equal(new[] { "p2", "p5" }, byName["users"].EnumerateArray().Select(u => u.GetProperty("user_id").GetString()));
        Assert.Equal(2, byName["total_count"].GetInt32());
        var byId = (await api.GetAsync($"v1/users?tag_id={tag["id"].GetString()}&per_page=1&page=2")).AssertStatus(200);
        Assert.Equal("p5", byId["users"][0].GetProperty("user_id").GetString());
        Assert.Equal(0, (await api.GetAsync("v1/users?tag_name=unknown")).AssertStatus(200)["total_count"].GetInt32());
    }

    [Fact]
    public async Task Users_carry_a_stable_24_hex_intercom_id_an_avatar_url_and_company_ids_as_the_real_service_sent()
    {
        var email = EmulatorFixture.NewEmail();
        var before = DateTimeOffset.UtcNow.ToUnixTimeSeconds();
        var created = (await Api.PostAsync("v1/users", new { email, created_at = 1257553080 })).AssertStatus(201);
        var id = created["intercom_id"].GetString()!;
        Assert.Matches("^[0-9a-f]{24}$", id);
        // Like a MongoDB ObjectId, it starts with the time the record was made (not the created_at a client sets).
        Assert.InRange(Convert.ToInt64(id[..8], 16), before - 5, DateTimeOffset.UtcNow.ToUnixTimeSeconds() + 5);
        Assert.Equal(System.Text.Json.JsonValueKind.Null, created["avatar_url"].ValueKind);
        Assert.Equal(0, created["company_ids"].GetArrayLength());

        Assert.Equal(id, (await Api.PutAsync("v1/users", new { email, name = "Renamed" })).AssertStatus(200)["intercom_id"].GetString());
        Assert.Equal(id, (await Api.GetAsync($"v1/users?email={email}")).AssertStatus(200)["intercom_id"].GetString());
        Assert.Equal(id, (await Api.PostAsync("v1/users/notes", new { email, body = "hi" })).AssertStatus(201)["user"].GetProperty("intercom_id").GetString());
        var other = (await Api.PostAsync("v1/users", new { email = EmulatorFixture.NewEmail() })).AssertStatus(201)["intercom_id"].GetString();
        Assert.NotEqual(id, other);

        var dummy = (await fixture.Dummy.GetAsync("v1/users?email=ben@intercom.io")).AssertStatus(200)["intercom_id"].GetString();
        Assert.Matches("^[0-9a-f]{24}$", dummy);
        Assert.Equal(dummy, (await fixture.Dummy.GetAsync("v1/users?email=ben@intercom.io")).AssertStatus(200)["intercom_id"].GetString());
    }

    [Theory]
    [InlineData(-62135596800L)] // 0001-01-01T00:00:00Z
    [InlineData(-86400L)]
    [InlineData(253402300799L)] // 9999-12-31T23:59:59Z
    public async Task Any_timestamp_a_DateTime_can_hold_is_kept_exactly(long seconds)
    {
        var email = EmulatorFixture.NewEmail();
        (await Api.PostAsync("v1/users", new { email, created_at = seconds, last_request_at = seconds })).AssertStatus(201);
        var user = (await Api.GetAsync($"v1/users?email={email}")).AssertStatus(200);
        Assert.Equal(seconds, user["created_at"].GetInt64());
        Assert.Equal(seconds, user["last_impression_at"].GetInt64());
    }

    [Fact]
    public async Task Increments_add_to_numeric_custom_data_atomically_as_the_ruby_clients_increment_sent()
    {
        var email = EmulatorFixture.NewEmail();
        var created = (await Api.PostAsync("v1/users", new { email, custom_data = new { plan = "pro", score = 1.5 }, increments = new { logins = 2 } })).AssertStatus(201);
        Assert.Equal(2, created["custom_data"].GetProperty("logins").GetInt64()); // a missing key counts from 0
        var updated = (await Api.PutAsync("v1/users", new { email, increments = new { logins = 3, score = 1 } })).AssertStatus(200);
        Assert.Equal("5", updated["custom_data"].GetProperty("logins").GetRawText()); // whole numbers stay whole
        Assert.Equal(2.5, updated["custom_data"].GetProperty("score").GetDouble());
        Assert.Equal("pro", updated["custom_data"].GetProperty("plan").GetString());
        var both = (await Api.PostAsync("v1/users", new { email, custom_data = new { logins = 10 }, increments = new { logins = -1 } })).AssertStatus(200);
        Assert.Equal(9, both["custom_data"].GetProperty("logins").GetInt64()); // custom_data is set first, then incremented

        await Task.WhenAll(Enumerable.Range(0, 20).Select(_ => Api.PutAsync("v1/users", new { email, increments = new { logins = 1 } })));
        Assert.Equal(29, (await Api.GetAsync($"v1/users?email={email}")).AssertStatus(200)["custom_data"].GetProperty("logins").GetInt64());
    }

    [Theory]
    [InlineData("{\"increments\":{\"plan\":1},\"name\":\"Changed\"}", "increments.plan: custom_data.plan is a string, not a number, so it cannot be incremented")]
    [InlineData("{\"increments\":{\"logins\":\"1\"}}", "increments.logins must be a number, not a string (\"1\")")]
    [InlineData("{\"increments\":{\"logins\":1e400}}", "increments.logins is a number beyond what a double can hold (1e400)")] // it is a number: "must be a number, not a number" read wrong
    [InlineData("{\"increments\":[\"logins\"]}", "increments must be an object of custom_data keys and numbers, not an array")]
    [InlineData("{\"increments\":{\"big\":1}}", "increments.big: 9223372036854775807 + 1 is beyond a 64-bit integer")]
    public async Task An_increment_that_cannot_apply_is_a_400_and_writes_nothing(string change, string message)
    {
        var email = EmulatorFixture.NewEmail();
        (await Api.PostAsync("v1/users", new { email, name = "Same", custom_data = new { plan = "pro", logins = 4, big = long.MaxValue } })).AssertStatus(201);
        var body = "{\"email\":\"" + email + "\"," + change[1..];
        Assert.Equal(message, (await Api.PutAsync("v1/users", body)).AssertError(400, "bad_request"));
        var user = (await Api.GetAsync($"v1/users?email={email}")).AssertStatus(200);
        Assert.Equal("Same", user["name"].GetString());
        Assert.Equal(4, user["custom_data"].GetProperty("logins").GetInt64());
    }

    [Fact]
    public async Task Trailing_slashes_work_on_every_route()
    {
        var email = EmulatorFixture.NewEmail();
        (await Api.PostAsync("v1/users/", new { email })).AssertStatus(201);
        (await Api.GetAsync($"v1/users/?email={email}")).AssertStatus(200);
        (await Api.PostAsync("v1/users/impressions/", new { email })).AssertStatus(200);
        (await Api.GetAsync($"v1/users/message_threads/?email={email}")).AssertStatus(200);
        (await Api.PostAsync("v1/tags/", new { name = EmulatorFixture.NewId() })).AssertStatus(201);
    }

    [Fact]
    public async Task Unicode_and_html_in_fields_round_trip_exactly()
    {
        var email = EmulatorFixture.NewEmail("é");
        var name = "Zoë <b>\"Ø\"</b> 😀 \u202e";
        var user = (await Api.PostAsync("v1/users", new { email, name, custom_data = new { città = "Zürich" } })).AssertStatus(201);
        Assert.Equal(name, user["name"].GetString());
        Assert.Equal(email, (await Api.GetAsync($"v1/users?email={System.Uri.EscapeDataString(email)}")).AssertStatus(200)["email"].GetString());
        Assert.Equal("Zürich", user["custom_data"].GetProperty("città").GetString());
    }
}
