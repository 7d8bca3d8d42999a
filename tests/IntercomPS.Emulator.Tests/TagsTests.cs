using System;
using System.Linq;
using System.Threading.Tasks;
using IntercomPS.Emulator.Storage;
using IntercomPS.Testing;
using Xunit;

namespace IntercomPS.Emulator.Tests;

public sealed class TagsTests(EmulatorFixture fixture) : IClassFixture<EmulatorFixture>
{
    private Api Api => fixture.Api;

    [Fact]
    public async Task Post_creates_a_tag_with_a_24_hex_string_id_and_a_real_count_then_updates_it()
    {
        var name = EmulatorFixture.NewId("Free Trial");
        var a = EmulatorFixture.NewId();
        var b = EmulatorFixture.NewEmail();
        await Api.PostAsync("v1/users", new { user_id = a });
        await Api.PostAsync("v1/users", new { email = b });

        var created = (await Api.PostAsync("v1/tags", new { name, user_ids = new[] { a }, tag_or_untag = "tag" })).AssertStatus(201);
        Assert.Matches("^[0-9a-f]{24}$", created["id"].GetString()); // a string, as the real service sent (52322b4150233908a800013c)
        Assert.Equal("green", created["color"].GetString());
        Assert.False(created["segment"].GetBoolean());
        Assert.Equal(1, created["tagged_user_count"].GetInt32());

        // POST on an existing name updates it (the old Ruby client saved every change by POST).
        var updated = (await Api.PostAsync("v1/tags", new { name, color = "Purple", emails = new[] { b }, tag_or_untag = "tag" })).AssertStatus(200);
        Assert.Equal(created["id"].GetString(), updated["id"].GetString());
        Assert.Equal("purple", updated["color"].GetString());
        Assert.Equal(2, updated["tagged_user_count"].GetInt32());

        var got = (await Api.GetAsync($"v1/tags?name={System.Uri.EscapeDataString(name)}")).AssertStatus(200);
        Assert.Equal(2, got["tagged_user_count"].GetInt32());
        Assert.Equal("purple", got["color"].GetString());
        Assert.Equal(created["id"].GetString(), got["id"].GetString());
    }

    [Fact]
    public async Task Tag_id_filters_take_the_string_id_and_refuse_a_number()
    {
        var user = EmulatorFixture.NewId();
        await Api.PostAsync("v1/users", new { user_id = user });
        var first = (await Api.PostAsync("v1/tags", new { name = EmulatorFixture.NewId("a") })).AssertStatus(201)["id"].GetString()!;
        var second = (await Api.PostAsync("v1/tags", new { name = EmulatorFixture.NewId("b"), user_ids = new[] { user }, tag_or_untag = "tag" })).AssertStatus(201)["id"].GetString()!;
        Assert.NotEqual(first, second);

        var tagged = (await Api.GetAsync($"v1/users?tag_id={second}")).AssertStatus(200);
        Assert.Equal(user, tagged["users"].EnumerateArray().Single().GetProperty("user_id").GetString());
        Assert.Equal(1, (await Api.GetAsync($"v1/users?tag_id={second.ToUpperInvariant()}")).AssertStatus(200)["total_count"].GetInt32());
        Assert.Equal(0, (await Api.GetAsync($"v1/users?tag_id={first}")).AssertStatus(200)["total_count"].GetInt32());
        Assert.Equal(0, (await Api.GetAsync("v1/users?tag_id=000000000000000000000000")).AssertStatus(200)["total_count"].GetInt32());

        // A client that kept the id as a number has a bug the real service would have hidden by matching nothing.
        Assert.Contains("not '2'", (await Api.GetAsync("v1/users?tag_id=2")).AssertError(400, "bad_request"));
    }

    [Fact]
    public async Task Put_tags_and_untags_users_and_is_404_for_an_unknown_tag()
    {
        var name = EmulatorFixture.NewId("t");
        var ids = new[] { EmulatorFixture.NewId(), EmulatorFixture.NewId() };
        foreach (var id in ids)
        {
            await Api.PostAsync("v1/users", new { user_id = id });
        }

        await Api.PostAsync("v1/tags", new { name });
        Assert.Equal(2, (await Api.PutAsync("v1/tags", new { name, user_ids = ids, tag_or_untag = "tag" })).AssertStatus(200)["tagged_user_count"].GetInt32());
        Assert.Equal(2, (await Api.PutAsync("v1/tags", new { name, user_ids = ids, tag_or_untag = "tag" })).AssertStatus(200)["tagged_user_count"].GetInt32());
        Assert.Equal(1, (await Api.PutAsync("v1/tags", new { name, user_ids = new[] { ids[0] }, tag_or_untag = "untag" })).AssertStatus(200)["tagged_user_count"].GetInt32());
        Assert.Equal("red", (await Api.PutAsync("v1/tags", new { name, color = "red" })).AssertStatus(200)["color"].GetString());

        (await Api.PutAsync("v1/tags", new { name = EmulatorFixture.NewId("none") })).AssertError(404, "not_found");
        (await Api.GetAsync($"v1/tags?name={EmulatorFixture.NewId("none")}")).AssertError(404, "not_found");
    }

    [Fact]
    public async Task Untag_is_refused_only_when_the_post_creates_the_tag()
    {
        var name = EmulatorFixture.NewId("t");
        var message = (await Api.PostAsync("v1/tags", new { name, user_ids = new[] { "x" }, tag_or_untag = "untag" })).AssertError(400, "bad_request");
        Assert.Contains("untag", message);
        (await Api.GetAsync($"v1/tags?name={name}")).AssertError(404, "not_found"); // nothing was created

        await Api.PostAsync("v1/tags", new { name });
        (await Api.PostAsync("v1/tags", new { name, user_ids = new[] { "x" }, tag_or_untag = "untag" })).AssertStatus(200);
    }

    [Fact]
    public async Task A_batch_mixing_user_ids_emails_duplicates_and_unknown_ids_tags_and_untags_exactly_the_users_it_names()
    {
        var name = EmulatorFixture.NewId("batch");
        var (a, b, quoted) = (EmulatorFixture.NewId(), EmulatorFixture.NewId(), EmulatorFixture.NewId("o'brien \"ü\""));
        var (bMail, cMail) = (EmulatorFixture.NewEmail(), EmulatorFixture.NewEmail());
        await Api.PostAsync("v1/users", new { user_id = a });
        await Api.PostAsync("v1/users", new { user_id = b, email = bMail });
        await Api.PostAsync("v1/users", new { email = cMail });
        await Api.PostAsync("v1/users", new { user_id = quoted });
        await fixture.Other.PostAsync("v1/users", new { user_id = a, email = cMail }); // another app's namesake: never tagged here

        var tagged = (await Api.PostAsync("v1/tags", new
        {
            name,
            user_ids = new[] { a, b, a, quoted, EmulatorFixture.NewId("unknown") },
            emails = new[] { cMail, cMail, bMail, EmulatorFixture.NewEmail("nobody") },
            tag_or_untag = "tag",
        })).AssertStatus(201);
        Assert.Equal(4, tagged["tagged_user_count"].GetInt32()); // a, b (by id and by email), c, quoted
        Assert.Equal(4, (await Api.GetAsync($"v1/users?tag_id={tagged["id"].GetString()}")).AssertStatus(200)["total_count"].GetInt32());

        var untagged = (await Api.PutAsync("v1/tags", new { name, user_ids = new[] { b, EmulatorFixture.NewId("unknown") }, emails = new[] { cMail }, tag_or_untag = "untag" })).AssertStatus(200);
        Assert.Equal(2, untagged["tagged_user_count"].GetInt32());
        Assert.Equal(2, (await Api.PutAsync("v1/tags", new { name, user_ids = new[] { b }, emails = new[] { bMail }, tag_or_untag = "untag" })).AssertStatus(200)["tagged_user_count"].GetInt32());
        var left = (await Api.GetAsync($"v1/users?tag_id={tagged["id"].GetString()}")).AssertStatus(200)["users"].EnumerateArray();
        Assert.Equal(new[] { a, quoted }, left.Select(u => u.GetProperty("user_id").GetString()));
    }

    [Fact]
    public void A_batch_finds_each_named_user_by_one_index_seek()
    {
        using var db = new Database(null);
        string Plan(string sql) => string.Join(" | ", db.Read(s => s.Query("EXPLAIN QUERY PLAN " + sql, r => r.GetString(3),
            ("$tag", 1L), ("$app", "a"), ("$values", "[\"x\"]"), ("$now", 0L), ("$admin", "1"))));

        foreach (var sql in new[] { AppStore.TagByUserId, AppStore.UntagByUserId })
        {
            Assert.Matches(@"SCAN j VIRTUAL TABLE INDEX \d+:.* \| SEARCH u USING (COVERING )?INDEX ux_users_user_id \(app=\? AND user_id=\?\)", Plan(sql));
        }

        foreach (var sql in new[] { AppStore.TagByEmail, AppStore.UntagByEmail })
        {
            Assert.Matches(@"SCAN j VIRTUAL TABLE INDEX \d+:.* \| SEARCH u USING (COVERING )?INDEX ix_users_email \(app=\? AND email=\?\)", Plan(sql));
        }

        foreach (var sql in new[] { AppStore.UntagByUserId, AppStore.UntagByEmail })
        {
            // Each found user's link is one seek on both columns, never a walk of the tag's users.
            Assert.Matches(@"SEARCH user_tags USING (COVERING INDEX ix_user_tags_user \(user_seq=\? AND tag_id=\?\)|PRIMARY KEY \(tag_id=\? AND user_seq=\?\))", Plan(sql));
        }

        // The 2.14 batch: its contacts by one seek each on the intercom_id index, then one statement per direction.
        Assert.Matches(@"SCAN j VIRTUAL TABLE INDEX \d+:.* \| SEARCH u USING (COVERING )?INDEX ux_users_intercom_id \(intercom_id=\?\)", Plan(AppStore.ContactSeqs));
        Assert.Matches(@"SEARCH user_tags USING (COVERING INDEX ix_user_tags_user \(user_seq=\? AND tag_id=\?\)|PRIMARY KEY \(tag_id=\? AND user_seq=\?\))", Plan(AppStore.UntagSeqs));
    }

    [Fact]
    public void A_company_batch_finds_each_named_company_by_one_index_seek()
    {
        using var db = new Database(null);
        string Plan(string sql) => string.Join(" | ", db.Read(s => s.Query("EXPLAIN QUERY PLAN " + sql, r => r.GetString(3),
            ("$tag", 1L), ("$app", "a"), ("$values", "[[\"x\", null]]"))));

        // By Intercom's id on its index, by company_id on (app, company_id); never a walk of the app's companies.
        var found = Plan(AppStore.CompanySeqs);
        Assert.Matches(@"SEARCH c USING INDEX ux_companies_intercom_id \(intercom_id=\?\)", found);
        Assert.Matches(@"SEARCH c USING (COVERING )?INDEX sqlite_autoindex_companies_1 \(app=\? AND company_id=\?\)", found);
        Assert.DoesNotContain("SCAN c", found, System.StringComparison.Ordinal);
        Assert.Matches(@"SEARCH company_tags USING (COVERING INDEX ix_company_tags_company \(company_seq=\? AND tag_id=\?\)|PRIMARY KEY \(tag_id=\? AND company_seq=\?\))", Plan(AppStore.UntagCompanySeqs));
    }
}
