using System.Threading.Tasks;
using IntercomPS.Emulator.Tests.Infrastructure;
using Xunit;

namespace IntercomPS.Emulator.Tests;

public sealed class TagsTests(EmulatorFixture fixture) : IClassFixture<EmulatorFixture>
{
    private Api Api => fixture.Api;

    [Fact]
    public async Task Post_creates_a_tag_with_a_numeric_id_and_a_real_count_then_updates_it()
    {
        var name = EmulatorFixture.NewId("Free Trial");
        var a = EmulatorFixture.NewId();
        var b = EmulatorFixture.NewEmail();
        await Api.PostAsync("v1/users", new { user_id = a });
        await Api.PostAsync("v1/users", new { email = b });

        var created = (await Api.PostAsync("v1/tags", new { name, user_ids = new[] { a }, tag_or_untag = "tag" })).AssertStatus(201);
        Assert.Equal(System.Text.Json.JsonValueKind.Number, created["id"].ValueKind);
        Assert.Equal("green", created["color"].GetString());
        Assert.False(created["segment"].GetBoolean());
        Assert.Equal(1, created["tagged_user_count"].GetInt32());

        // POST on an existing name updates it (the old Ruby client saved every change by POST).
        var updated = (await Api.PostAsync("v1/tags", new { name, color = "Purple", emails = new[] { b }, tag_or_untag = "tag" })).AssertStatus(200);
        Assert.Equal(created["id"].GetInt64(), updated["id"].GetInt64());
        Assert.Equal("purple", updated["color"].GetString());
        Assert.Equal(2, updated["tagged_user_count"].GetInt32());

        var got = (await Api.GetAsync($"v1/tags?name={System.Uri.EscapeDataString(name)}")).AssertStatus(200);
        Assert.Equal(2, got["tagged_user_count"].GetInt32());
        Assert.Equal("purple", got["color"].GetString());
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
}
