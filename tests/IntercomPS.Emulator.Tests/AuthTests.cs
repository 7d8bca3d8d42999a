using System.Net.Http;
using System.Threading.Tasks;
using IntercomPS.Testing;
using Xunit;

namespace IntercomPS.Emulator.Tests;

public sealed class AuthTests(EmulatorFixture fixture) : IClassFixture<EmulatorFixture>
{
    [Fact]
    public async Task Missing_wrong_key_unknown_app_and_garbage_all_get_the_identical_401()
    {
        var missing = await fixture.Anonymous.GetAsync("v1/users");
        var wrongKey = await fixture.For(EmulatorFixture.AppId, "not-the-key").GetAsync("v1/users");
        var unknownApp = await fixture.For("no-such-app", EmulatorFixture.ApiKey).GetAsync("v1/users");
        var otherAppsKey = await fixture.For(EmulatorFixture.AppId, EmulatorFixture.OtherApiKey).GetAsync("v1/users");
        var garbage = await fixture.Anonymous.SendAsync(HttpMethod.Get, "v1/users", null, r => r.Headers.TryAddWithoutValidation("Authorization", "Basic !!!notbase64"));
        var bearer = await fixture.Anonymous.SendAsync(HttpMethod.Get, "v1/users", null, r => r.Headers.TryAddWithoutValidation("Authorization", "Bearer abc"));
        foreach (var reply in new[] { missing, wrongKey, unknownApp, otherAppsKey, garbage, bearer })
        {
            reply.AssertError(401, "unauthorized");
            Assert.Equal(missing.Text, reply.Text);
            Assert.Equal("Basic realm=\"Intercom\"", reply.Header("WWW-Authenticate"));
        }

        // Nothing in the answer echoes what was sent.
        Assert.DoesNotContain("not-the-key", wrongKey.Text);
        Assert.DoesNotContain("no-such-app", unknownApp.Text);
    }

    [Fact]
    public async Task Writes_are_refused_without_credentials_and_not_applied()
    {
        var email = EmulatorFixture.NewEmail();
        (await fixture.For(EmulatorFixture.AppId, "wrong").PostAsync("v1/users", new { email })).AssertError(401, "unauthorized");
        (await fixture.Api.GetAsync($"v1/users?email={email}")).AssertError(404, "not_found");
    }

    [Fact]
    public async Task Apps_are_isolated_from_each_other()
    {
        var email = EmulatorFixture.NewEmail();
        var tag = EmulatorFixture.NewId("tag");
        (await fixture.Api.PostAsync("v1/users", new { email, name = "Mine" })).AssertStatus(201);
        (await fixture.Api.PostAsync("v1/tags", new { name = tag })).AssertStatus(201);

        (await fixture.Other.GetAsync($"v1/users?email={email}")).AssertError(404, "not_found");
        (await fixture.Other.GetAsync($"v1/tags?name={tag}")).AssertError(404, "not_found");
        (await fixture.Other.PostAsync("v1/users", new { email, name = "Theirs" })).AssertStatus(201);
        Assert.Equal("Mine", (await fixture.Api.GetAsync($"v1/users?email={email}"))["name"].GetString());
        Assert.Equal("Theirs", (await fixture.Other.GetAsync($"v1/users?email={email}"))["name"].GetString());
    }

    [Fact]
    public async Task The_default_app_is_local_app_local_key_when_none_is_configured()
    {
        await using var emulator = await IntercomEmulator.StartAsync(new EmulatorOptions());
        Assert.Equal("local-key", Assert.Single(emulator.Apps).Value);
        Assert.Equal(new System.Uri(emulator.BaseUri, "v1/"), emulator.ApiUri);
        using var http = new HttpClient();
        var api = new Api(http, emulator.BaseUri, "local-app", "local-key");
        (await api.GetAsync("v1/users")).AssertStatus(200);
        (await new Api(http, emulator.BaseUri, EmulatorFixture.AppId, EmulatorFixture.ApiKey).GetAsync("v1/users")).AssertError(401, "unauthorized");
    }
}
