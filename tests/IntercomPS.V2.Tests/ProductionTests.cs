using System;
using System.Net.Http;
using System.Text.RegularExpressions;
using System.Threading.Tasks;
using IntercomPS.Emulator;
using IntercomPS.Testing;
using Xunit;

namespace IntercomPS.V2.Tests;

/// <summary>
/// What a "behave like production" run turns on (EmulatorOptions.BehaveLikeProduction, --production): the real
/// service's request ids, rate limits and search indexing delay. The ordinary fixture, like the quick start, runs without it.
/// </summary>
public partial class ProductionTests(EmulatorFixture fixture) : IClassFixture<EmulatorFixture>
{
    [Fact]
    public async Task Like_production_request_ids_are_the_real_services_20_lowercase_base32_characters()
    {
        await using var emulator = await StartAsync(new EmulatorOptions().BehaveLikeProduction());
        using var http = new HttpClient();
        var api = new V2Client(http, emulator.BaseUri, "key");
        var ok = (await api.GetAsync("/me")).Ok();
        var error = await api.GetAsync("/contacts/000000000000000000000000");
        error.Error(404, "not_found");
        Assert.Matches(RealRequestId(), ok.Header("X-Request-Id"));
        Assert.Matches(RealRequestId(), error["request_id"].GetString());
        Assert.Equal(error.Header("X-Request-Id"), error["request_id"].GetString());
        Assert.NotEqual(ok.Header("X-Request-Id"), error.Header("X-Request-Id"));
    }

    [Fact]
    public async Task Without_it_request_ids_are_uuids_as_the_descriptions_examples_show()
    {
        var answer = (await fixture.V2.GetAsync("/me")).Ok();
        Assert.True(Guid.TryParse(answer.Header("X-Request-Id"), out _), answer.Header("X-Request-Id"));
        Assert.Equal("100000", answer.Header("X-RateLimit-Limit")); // nominal: nothing enforced
    }

    [Fact]
    public async Task Like_production_the_rate_limit_is_10000_a_minute_shown_per_10_second_window()
    {
        await using var emulator = await StartAsync(new EmulatorOptions().BehaveLikeProduction());
        using var http = new HttpClient();
        var first = (await new V2Client(http, emulator.BaseUri, "key").GetAsync("/me")).Ok();
        Assert.Equal("1666", first.Header("X-RateLimit-Limit"));
        Assert.Equal("1665", first.Header("X-RateLimit-Remaining")); // the app's first request
        var reset = long.Parse(first.Header("X-RateLimit-Reset")!, System.Globalization.CultureInfo.InvariantCulture);
        Assert.Equal(0, reset % 10);
        Assert.InRange(reset - DateTimeOffset.UtcNow.ToUnixTimeSeconds(), 0, 10);
    }

    [Fact]
    public async Task The_admin_api_sets_the_same_preset_on_a_running_emulator()
    {
        await using var emulator = await StartAsync(new EmulatorOptions());
        using var admin = new EmulatorAdmin(emulator.BaseUri);
        await admin.SetFaultsAsync(new { rate_limit = "intercom" });
        var faults = await admin.GetFaultsAsync();
        Assert.Equal(1666, faults.GetProperty("rate_limit").GetInt32());
        Assert.Equal(10, faults.GetProperty("rate_window_seconds").GetInt32());
        using var http = new HttpClient();
        Assert.Equal("1666", (await new V2Client(http, emulator.BaseUri, "key").GetAsync("/me")).Ok().Header("X-RateLimit-Limit"));
    }

    [Fact]
    public async Task With_the_search_delay_a_new_contact_joins_searches_later_but_is_found_by_id_and_external_id_at_once()
    {
        var options = new EmulatorOptions();
        options.Faults.SearchDelaySeconds = 2;
        await using var emulator = await StartAsync(options);
        using var http = new HttpClient();
        var api = new V2Client(http, emulator.BaseUri, "key");
        var old = (await api.PostAsync("/contacts", new { email = EmulatorFixture.NewEmail("old") })).Ok()["email"].GetString()!;
        await Task.Delay(3100);

        var email = EmulatorFixture.NewEmail("new");
        var id = (await api.PostAsync("/contacts", new { email, external_id = "new-one" })).Ok()["id"].GetString();
        async Task<int> Found(string address) =>
            (await api.PostAsync("/contacts/search", new { query = new { field = "email", @operator = "=", value = address } })).Ok()["total_count"].GetInt32();
        Assert.Equal(0, await Found(email)); // not indexed yet
        Assert.Equal(1, await Found(old)); // what was made before the delay is searched as ever
        Assert.Equal(email, (await api.GetAsync($"/contacts/{id}")).Ok()["email"].GetString());
        Assert.Equal(id, (await api.GetAsync("/contacts/find_by_external_id/new-one")).Ok()["id"].GetString());
        Assert.Contains((await api.GetAsync("/contacts")).Ok()["data"].EnumerateArray(), c => c.GetProperty("id").GetString() == id); // a list is no search

        var waited = System.Diagnostics.Stopwatch.StartNew();
        while (await Found(email) == 0)
        {
            Assert.True(waited.Elapsed < TimeSpan.FromSeconds(10), "the new contact never joined the search");
            await Task.Delay(250);
        }

        Assert.InRange(waited.Elapsed.TotalSeconds, 0.5, 10);
    }

    [Fact]
    public async Task The_search_delay_is_off_unless_asked_and_the_admin_api_sets_it()
    {
        var email = EmulatorFixture.NewEmail();
        (await fixture.V2.PostAsync("/contacts", new { email })).Ok();
        Assert.Equal(1, (await fixture.V2.PostAsync("/contacts/search", new { query = new { field = "email", @operator = "=", value = email } })).Ok()["total_count"].GetInt32());

        await using var emulator = await StartAsync(new EmulatorOptions());
        using var admin = new EmulatorAdmin(emulator.BaseUri);
        Assert.Equal(0, (await admin.GetFaultsAsync()).GetProperty("search_delay_seconds").GetInt32());
        await admin.SetFaultsAsync(new { search_delay_seconds = 60 });
        using var http = new HttpClient();
        var api = new V2Client(http, emulator.BaseUri, "key");
        (await api.PostAsync("/contacts", new { email })).Ok();
        Assert.Equal(0, (await api.PostAsync("/contacts/search", new { query = new { field = "email", @operator = "=", value = email } })).Ok()["total_count"].GetInt32());
        await admin.ClearFaultsAsync();
        Assert.Equal(1, (await api.PostAsync("/contacts/search", new { query = new { field = "email", @operator = "=", value = email } })).Ok()["total_count"].GetInt32());
    }

    private static Task<IntercomEmulator> StartAsync(EmulatorOptions options)
    {
        options.Apps["app"] = "key";
        return IntercomEmulator.StartAsync(options);
    }

    [GeneratedRegex("^[0-9a-v]{20}$")]
    private static partial Regex RealRequestId();
}
