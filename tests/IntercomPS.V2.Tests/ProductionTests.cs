using System;
using System.Net.Http;
using System.Text.RegularExpressions;
using System.Threading.Tasks;
using IntercomPS.Emulator;
using IntercomPS.Testing;
using IntercomPS.V2.Tests.Infrastructure;
using Xunit;

namespace IntercomPS.V2.Tests;

/// <summary>
/// What a "behave like production" run turns on (EmulatorOptions.BehaveLikeProduction, --production): the real
/// service's request ids and rate limits. The ordinary fixture, like the quick start, runs without it.
/// </summary>
public partial class ProductionTests(V2Fixture fixture) : IClassFixture<V2Fixture>
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
        var answer = (await fixture.Api.GetAsync("/me")).Ok();
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

    private static Task<IntercomEmulator> StartAsync(EmulatorOptions options)
    {
        options.Apps["app"] = "key";
        return IntercomEmulator.StartAsync(options);
    }

    [GeneratedRegex("^[0-9a-v]{20}$")]
    private static partial Regex RealRequestId();
}
