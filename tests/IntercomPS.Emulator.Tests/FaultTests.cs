using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Net.Http;
using System.Text.Json;
using System.Threading.Tasks;
using IntercomPS.Testing;
using Xunit;

namespace IntercomPS.Emulator.Tests;

/// <summary>Fault injection. Faults are emulator-wide, so this class has its own emulator and clears them after each test.</summary>
public sealed class FaultTests(EmulatorFixture fixture) : IClassFixture<EmulatorFixture>, IDisposable
{
    private Api Api => fixture.Api;

    private FaultOptions Faults => fixture.Emulator.Faults;

    public void Dispose() => Faults.Clear();

    [Fact]
    public async Task Latency_and_jitter_delay_every_v1_request_at_least_the_fixed_part()
    {
        Faults.LatencyMs = 300;
        var watch = Stopwatch.StartNew();
        (await Api.GetAsync("v1/users?per_page=1")).AssertStatus(200);
        Assert.True(watch.ElapsedMilliseconds >= 300, $"took {watch.ElapsedMilliseconds} ms");

        Faults.LatencyMs = 100;
        Faults.JitterMs = 100;
        watch.Restart();
        (await fixture.Anonymous.GetAsync("v1/users")).AssertError(401, "unauthorized"); // even rejected requests wait
        Assert.True(watch.ElapsedMilliseconds >= 100, $"took {watch.ElapsedMilliseconds} ms");
    }

    [Fact]
    public async Task Admin_faults_reads_sets_partially_and_clears()
    {
        var set = (await fixture.Anonymous.PutAsync("admin/faults", new { latency_ms = 200, retry_after_seconds = 3 })).AssertStatus(200);
        Assert.Equal(200, set["latency_ms"].GetInt32());
        Assert.Equal(503, set["failure_status"].GetInt32());
        (await fixture.Anonymous.PutAsync("admin/faults", new { FailureStatus = 502 })).AssertStatus(200);
        Assert.Equal(200, Faults.LatencyMs);
        Assert.Equal(502, Faults.FailureStatus);
        Assert.Equal(3, Faults.RetryAfterSeconds);

        var watch = Stopwatch.StartNew();
        await Api.GetAsync("v1/users?per_page=1");
        // The delay's timer may fire a tick before the stopwatch reads 200 ms (199 ms was seen): allow that tick,
        // which still tells a 200 ms latency from none.
        Assert.True(watch.ElapsedMilliseconds >= 195, $"took {watch.ElapsedMilliseconds} ms");

        (await fixture.Anonymous.PutAsync("admin/faults", new { failure_rate = 2 })).AssertError(400, "bad_request");
        (await fixture.Anonymous.PutAsync("admin/faults", new { latency_ms = "slow" })).AssertError(400, "bad_request");
        (await fixture.Anonymous.PutAsync("admin/faults", new { speed = 1 })).AssertError(400, "bad_request");
        Assert.Equal(200, Faults.LatencyMs); // refused updates change nothing

        var cleared = (await fixture.Anonymous.DeleteAsync("admin/faults")).AssertStatus(200);
        Assert.Equal(0, cleared["latency_ms"].GetInt32());
        Assert.Equal(0, (await fixture.Anonymous.GetAsync("admin/faults"))["retry_after_seconds"].GetInt32());
    }

    [Fact]
    public async Task Failure_rate_1_fails_every_request_with_the_chosen_status_and_applies_no_write()
    {
        Faults.FailureRate = 1.0;
        Faults.RetryAfterSeconds = 2;
        var email = EmulatorFixture.NewEmail();
        for (var i = 0; i < 20; i++)
        {
            var reply = await Api.PostAsync("v1/users", new { email });
            reply.AssertError(503, "server_error");
            Assert.Equal("2", reply.Header("Retry-After"));
        }

        Faults.FailureStatus = 500;
        (await Api.GetAsync("v1/users")).AssertError(500, "server_error");
        Faults.FailureStatus = 402;
        (await Api.GetAsync("v1/users")).AssertError(402, "request_failed");
        Faults.FailureRate = 0;
        (await Api.GetAsync($"v1/users?email={email}")).AssertError(404, "not_found");
    }

    [Fact]
    public async Task Rate_limit_sends_headers_then_429_with_retry_after_per_app_and_applies_no_write()
    {
        await fixture.Anonymous.PostAsync("admin/reset", "{}");
        Faults.RateLimit = 5;
        Faults.RateWindowSeconds = 3600; // one window for the whole test ...
        var now = DateTimeOffset.UtcNow.ToUnixTimeSeconds();
        if (3600 - (now % 3600) < 10)
        {
            // ... unless it is about to end (windows are aligned to the epoch): start in the next one.
            await Task.Delay(TimeSpan.FromSeconds(3600 - (now % 3600) + 1));
            now = DateTimeOffset.UtcNow.ToUnixTimeSeconds();
        }

        for (var i = 1; i <= 5; i++)
        {
            var ok = (await Api.GetAsync("v1/users?per_page=1")).AssertStatus(200);
            Assert.Equal("5", ok.Header("X-RateLimit-Limit"));
            Assert.Equal((5 - i).ToString(CultureInfo.InvariantCulture), ok.Header("X-RateLimit-Remaining"));
            Assert.InRange(long.Parse(ok.Header("X-RateLimit-Reset")!, CultureInfo.InvariantCulture), now, now + 3601);
        }

        var email = EmulatorFixture.NewEmail();
        var limited = await Api.PostAsync("v1/users", new { email });
        limited.AssertError(429, "rate_limited");
        Assert.Equal("0", limited.Header("X-RateLimit-Remaining"));
        Assert.InRange(int.Parse(limited.Header("Retry-After")!, CultureInfo.InvariantCulture), 1, 3600);

        (await fixture.Other.GetAsync("v1/users")).AssertStatus(200); // another app has its own window
        Faults.RateLimit = 0;
        (await Api.GetAsync($"v1/users?email={email}")).AssertError(404, "not_found");
    }

    [Fact]
    public async Task Concurrent_requests_each_get_their_own_remaining_count_and_one_reset()
    {
        await fixture.Anonymous.PostAsync("admin/reset?app_id=" + EmulatorFixture.AppId, "{}");
        Faults.RateLimit = 10;
        Faults.RateWindowSeconds = FaultOptions.MaxSeconds; // one window (a day, aligned to the epoch) for the whole burst

        var answers = await Task.WhenAll(Enumerable.Range(0, 40).Select(i =>
            i % 2 == 0 ? Api.GetAsync("v1/users?per_page=1") : fixture.V2.GetAsync("/admins"))); // both faces, one count

        var allowed = answers.Where(a => a.Status == 200).ToList();
        Assert.Equal(10, allowed.Count);
        Assert.Equal(Enumerable.Range(0, 10).Select(n => n.ToString(CultureInfo.InvariantCulture)), allowed.Select(a => a.Header("X-RateLimit-Remaining")).Order());
        Assert.All(answers.Where(a => a.Status != 200), a => Assert.Equal((429, "0"), (a.Status, a.Header("X-RateLimit-Remaining"))));
        Assert.Single(answers.Select(a => a.Header("X-RateLimit-Reset")).Distinct());
    }

    [Fact]
    public async Task A_429_from_the_failure_rate_looks_like_the_rate_limits_own_on_both_faces()
    {
        // A client backing off reads Remaining and Retry-After: a 429 saying "99,999 left" and no wait is no rate limit.
        Faults.FailureRate = 1;
        Faults.FailureStatus = 429;
        var v1 = await Api.GetAsync("v1/users?per_page=1");
        v1.AssertError(429, "rate_limited");
        var v2 = await fixture.V2.GetAsync("/admins");
        v2.Error(429, "rate_limit_exceeded");
        foreach (var limited in new[] { v1, v2 })
        {
            Assert.Equal("0", limited.Header("X-RateLimit-Remaining"));
            var reset = long.Parse(limited.Header("X-RateLimit-Reset")!, CultureInfo.InvariantCulture);
            Assert.InRange(int.Parse(limited.Header("Retry-After")!, CultureInfo.InvariantCulture), 1, reset - DateTimeOffset.UtcNow.ToUnixTimeSeconds() + 1);
        }

        Faults.RetryAfterSeconds = 7; // a Retry-After set for injected failures wins, as on X-Emulator-Fault
        Assert.Equal("7", (await Api.GetAsync("v1/users?per_page=1")).Header("Retry-After"));
    }

    [Fact]
    public async Task Without_a_limit_the_headers_report_a_nominal_unenforced_limit()
    {
        var reply = (await Api.GetAsync("v1/users?per_page=1")).AssertStatus(200);
        Assert.Equal("100000", reply.Header("X-RateLimit-Limit"));
        Assert.NotNull(reply.Header("X-RateLimit-Remaining"));
        Assert.NotNull(reply.Header("X-RateLimit-Reset"));
        Assert.Null((await fixture.Anonymous.GetAsync("admin/health")).Header("X-RateLimit-Limit"));
    }

    [Theory]
    [InlineData("503", 503, "server_error", null)]
    [InlineData("503; retry-after=2", 503, "server_error", "2")]
    [InlineData("502;Retry-After=7", 502, "server_error", "7")]
    [InlineData("429", 429, "rate_limited", "*")]
    [InlineData("429; retry-after=1", 429, "rate_limited", "1")]
    [InlineData("404", 404, "not_found", null)]
    [InlineData("401", 401, "unauthorized", null)]
    public async Task X_Emulator_Fault_status_forces_that_error_and_applies_no_write(string header, int status, string type, string? retryAfter)
    {
        var email = EmulatorFixture.NewEmail();
        var reply = await Api.SendAsync(HttpMethod.Post, "v1/users", new { email }, r => r.Headers.Add("X-Emulator-Fault", header));
        reply.AssertError(status, type);
        Assert.Equal(status == 401 ? "Basic realm=\"Intercom\"" : null, reply.Header("WWW-Authenticate"));
        if (retryAfter == "*")
        {
            Assert.NotNull(reply.Header("Retry-After"));
        }
        else
        {
            Assert.Equal(retryAfter, reply.Header("Retry-After"));
        }

        (await Api.GetAsync($"v1/users?email={email}")).AssertError(404, "not_found");
    }

    [Theory]
    [InlineData("bogus")]
    [InlineData("200")]
    [InlineData("503; retry=2")]
    [InlineData("drop; retry-after=1")]
    public async Task A_malformed_X_Emulator_Fault_is_400(string header)
    {
        var reply = await Api.SendAsync(HttpMethod.Get, "v1/users?per_page=1", null, r => r.Headers.Add("X-Emulator-Fault", header));
        Assert.Contains("X-Emulator-Fault", reply.AssertError(400, "bad_request"));
    }

    [Fact]
    public async Task A_route_limits_the_failure_and_drop_rates_to_requests_of_that_route()
    {
        var set = (await fixture.Anonymous.PutAsync("admin/faults", new { failure_rate = 1, route = "POST /v1/users" })).AssertStatus(200);
        Assert.Equal("POST /v1/users", set["route"].GetString());
        (await Api.GetAsync("v1/users?per_page=1")).AssertStatus(200);
        (await Api.PostAsync("v1/users", new { email = EmulatorFixture.NewEmail() })).AssertError(503, "server_error");

        // 2.14 routes are named by their templates, as /admin/requests counts them.
        (await fixture.Anonymous.PutAsync("admin/faults", new { route = "GET /contacts/{contact_id}" })).AssertStatus(200);
        Assert.Equal("GET /contacts/{contact_id}", Faults.Route);

        Assert.Equal("route 'GET /nowhere' is not a route the emulator serves: name one as /admin/requests counts it, such as 'POST /contacts' or 'PUT /v1/users'",
            (await fixture.Anonymous.PutAsync("admin/faults", new { route = "GET /nowhere" })).AssertError(400, "bad_request"));
        Assert.Equal("route must be a string such as 'POST /contacts', or null",
            (await fixture.Anonymous.PutAsync("admin/faults", new { route = 5 })).AssertError(400, "bad_request"));
        Assert.Equal("GET /contacts/{contact_id}", Faults.Route); // refused updates change nothing
        Assert.Throws<ArgumentException>(() => Faults.Route = "POST/contacts");

        Assert.Equal(JsonValueKind.Null, (await fixture.Anonymous.DeleteAsync("admin/faults")).AssertStatus(200)["route"].ValueKind);
        Assert.Null(Faults.Route);
    }

    [Fact]
    public async Task Drop_applies_the_write_then_loses_the_response()
    {
        var email = EmulatorFixture.NewEmail();
        using var http = new HttpClient();
        var api = new Api(http, fixture.Emulator.BaseUri, EmulatorFixture.AppId, EmulatorFixture.ApiKey);
        var error = await Record.ExceptionAsync(() => api.SendAsync(HttpMethod.Post, "v1/users", new { email, name = "Dropped" }, r => r.Headers.Add("X-Emulator-Fault", "drop")));
        Assert.True(error is HttpRequestException or IOException, $"expected a transport error, got {error}");
        Assert.Equal("Dropped", (await Api.GetAsync($"v1/users?email={email}")).AssertStatus(200)["name"].GetString());
    }

    [Fact]
    public async Task Drop_before_aborts_without_applying_the_write()
    {
        var email = EmulatorFixture.NewEmail();
        using var http = new HttpClient();
        var api = new Api(http, fixture.Emulator.BaseUri, EmulatorFixture.AppId, EmulatorFixture.ApiKey);
        var error = await Record.ExceptionAsync(() => api.SendAsync(HttpMethod.Post, "v1/users", new { email }, r => r.Headers.Add("X-Emulator-Fault", "drop-before")));
        Assert.True(error is HttpRequestException or IOException, $"expected a transport error, got {error}");
        (await Api.GetAsync($"v1/users?email={email}")).AssertError(404, "not_found");
        (await fixture.Anonymous.GetAsync("admin/health")).AssertStatus(200);
    }

    [Fact]
    public async Task Drop_rate_applies_each_write_and_loses_that_share_of_answers()
    {
        (await fixture.Anonymous.PutAsync("admin/faults", new { drop_rate = 0.5 })).AssertStatus(200);
        Assert.Equal(0.5, (await fixture.Anonymous.GetAsync("admin/faults"))["drop_rate"].GetDouble());
        var emails = Enumerable.Range(0, 40).Select(_ => EmulatorFixture.NewEmail()).ToList();
        var lost = 0;
        foreach (var email in emails)
        {
            using var http = new HttpClient(); // a fresh connection each time: HttpClient may resend on a reused one
            var api = new Api(http, fixture.Emulator.BaseUri, EmulatorFixture.AppId, EmulatorFixture.ApiKey);
            if (await Record.ExceptionAsync(() => api.SendAsync(HttpMethod.Post, "v1/users", new { email })) is HttpRequestException or IOException) lost++;
        }
        Faults.Clear();

        Assert.InRange(lost, 5, 35);
        foreach (var email in emails) (await Api.GetAsync($"v1/users?email={email}")).AssertStatus(200);
        Assert.Equal(0, (await fixture.Anonymous.GetAsync("admin/faults"))["drop_rate"].GetDouble());
    }

    [Fact]
    public async Task Faults_set_on_the_options_before_start_are_live_on_the_emulator()
    {
        Assert.Equal(0.25, EmulatorOptions.Parse(["--drop-rate", "0.25"]).Faults.DropRate);
        var options = EmulatorOptions.Parse(["--failure-rate", "1", "--failure-status", "504", "--retry-after", "4"]);
        await using var emulator = await IntercomEmulator.StartAsync(options);
        using var http = new HttpClient();
        var api = new Api(http, emulator.BaseUri, "local-app", "local-key");
        var reply = await api.GetAsync("v1/users");
        reply.AssertError(504, "server_error");
        Assert.Equal("4", reply.Header("Retry-After"));
        emulator.Faults.FailureRate = 0;
        (await api.GetAsync("v1/users")).AssertStatus(200);
        Assert.Equal(0, (await new Api(http, emulator.BaseUri, null, null).GetAsync("admin/faults"))["failure_rate"].GetDouble());
    }

    [Fact]
    public async Task The_same_fault_seed_replays_the_same_failures_and_drops_and_another_seed_does_not()
    {
        var first = await OutcomesAsync(new { fault_seed = 1234, failure_rate = 0.3, drop_rate = 0.2 });
        Assert.Equal(1234, (await fixture.Anonymous.GetAsync("admin/faults"))["fault_seed"].GetInt32());
        var replay = await OutcomesAsync(new { fault_seed = 1234 }); // setting the seed again restarts its sequence
        var other = await OutcomesAsync(new { fault_seed = 4321 });

        Assert.Contains("200", first);
        Assert.Contains("503", first);
        Assert.Contains("drop", first);
        Assert.Equal(first, replay);
        Assert.NotEqual(first, other);
        (await fixture.Anonymous.PutAsync("admin/faults", new { fault_seed = (int?)null })).AssertStatus(200);
        Assert.Equal(JsonValueKind.Null, (await fixture.Anonymous.GetAsync("admin/faults"))["fault_seed"].ValueKind);
        (await fixture.Anonymous.PutAsync("admin/faults", new { fault_seed = -1 })).AssertError(400, "bad_request");
        (await fixture.Anonymous.PutAsync("admin/faults", new { fault_seed = "x" })).AssertError(400, "bad_request");
    }

    [Fact]
    public async Task A_fault_seed_given_at_start_replays_across_emulator_runs()
    {
        async Task<string> RunAsync()
        {
            await using var emulator = await IntercomEmulator.StartAsync(EmulatorOptions.Parse(["--fault-seed", "99", "--failure-rate", "0.5"]));
            using var http = new HttpClient();
            var api = new Api(http, emulator.BaseUri, "local-app", "local-key");
            var codes = new System.Text.StringBuilder();
            for (var i = 0; i < 40; i++)
            {
                codes.Append((await api.GetAsync("v1/users?per_page=1")).Status).Append(' ');
            }

            return codes.ToString();
        }

        var first = await RunAsync();
        Assert.Contains("200", first);
        Assert.Contains("503", first);
        Assert.Equal(first, await RunAsync());
    }

    [Fact]
    public void Seeded_jitter_draws_repeat_and_stay_within_the_jitter()
    {
        var a = new FaultOptions { Seed = 5 };
        var b = new FaultOptions { Seed = 5 };
        var jitterA = Enumerable.Range(0, 200).Select(_ => a.Draw().JitterMs(250)).ToList();
        var jitterB = Enumerable.Range(0, 200).Select(_ => b.Draw().JitterMs(250)).ToList();
        Assert.Equal(jitterA, jitterB);
        Assert.All(jitterA, ms => Assert.InRange(ms, 0, 250));
        Assert.True(jitterA.Distinct().Count() > 100, "the draws should spread over the range");

        a.Clear(); // turning faults off keeps the seed and where its sequence is
        b.Clear();
        Assert.Equal(5, a.Seed);
        Assert.Equal(a.Draw(), b.Draw());
    }

    /// <summary>Sets the faults, then sends 60 GETs one at a time on fresh connections: each is "200", "503" or "drop".</summary>
    private async Task<List<string>> OutcomesAsync(object faults)
    {
        (await fixture.Anonymous.PutAsync("admin/faults", faults)).AssertStatus(200);
        var outcomes = new List<string>();
        for (var i = 0; i < 60; i++)
        {
            using var http = new HttpClient();
            var api = new Api(http, fixture.Emulator.BaseUri, EmulatorFixture.AppId, EmulatorFixture.ApiKey);
            try
            {
                outcomes.Add((await api.GetAsync("v1/users?per_page=1")).Status.ToString(CultureInfo.InvariantCulture));
            }
            catch (Exception e) when (e is HttpRequestException or IOException)
            {
                outcomes.Add("drop");
            }
        }

        return outcomes;
    }

    [Theory]
    [InlineData("jitter_ms", 2147483647L, "JitterMs must be from 0 to 600000.")]
    [InlineData("latency_ms", 600001L, "LatencyMs must be from 0 to 600000.")]
    [InlineData("retry_after_seconds", 86401L, "RetryAfterSeconds must be from 0 to 86400.")]
    [InlineData("rate_window_seconds", 86401L, "RateWindowSeconds must be from 1 to 86400.")]
    [InlineData("latency_ms", 2147483648L, "latency_ms must be a whole number from -2147483648 to 2147483647, not 2147483648")] // a number: "must be a number" read wrong
    [InlineData("latency_ms", "1.5", "latency_ms must be a whole number from -2147483648 to 2147483647, not 1.5")]
    [InlineData("latency_ms", "\"5\"", "latency_ms must be a whole number, not a string")]
    [InlineData("failure_rate", "1e400", "failure_rate is a number beyond what a double can hold (1e400)")]
    [InlineData("drop_rate", "true", "drop_rate must be a number from 0 to 1, not a boolean")]
    public async Task Fault_settings_out_of_range_are_refused_and_change_nothing(string field, object value, string message)
    {
        var body = value is string json ? $"{{\"{field}\":{json}}}" : (object)new Dictionary<string, object> { [field] = value };
        Assert.Equal(message, (await fixture.Anonymous.PutAsync("admin/faults", body)).AssertError(400, "bad_request"));
        Assert.Equal(new FaultSnapshot(0, 0, 0, 503, 0, 0, 10), Faults.Snapshot());
        (await Api.GetAsync("v1/users?per_page=1")).AssertStatus(200);
    }

    [Fact]
    public void The_longest_latency_and_jitter_add_up_without_overflow()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => new FaultOptions { JitterMs = int.MaxValue });
        var f = new FaultOptions { LatencyMs = FaultOptions.MaxDelayMs, JitterMs = FaultOptions.MaxDelayMs, Seed = 1 };
        var most = Enumerable.Range(0, 1000).Max(_ => f.LatencyMs + f.Draw().JitterMs(f.JitterMs));
        Assert.InRange(most, FaultOptions.MaxDelayMs, 2 * FaultOptions.MaxDelayMs);
    }
}
