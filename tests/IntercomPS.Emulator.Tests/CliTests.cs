using System;
using System.Collections;
using System.Collections.Generic;
using System.IO;
using System.Net.Http;
using System.Runtime.InteropServices;
using System.Threading.Tasks;
using IntercomPS.Testing;
using Xunit;

namespace IntercomPS.Emulator.Tests;

public sealed class CliTests
{
    [Fact]
    public void Flags_parse_in_both_forms()
    {
        var o = EmulatorOptions.Parse([
            "--port", "8080", "--host=0.0.0.0", "--data", "x.db", "--app", "a:ka", "--app=b:kb,c:kc", "--latency", "10", "--jitter", "5",
            "--failure-rate", "0.25", "--failure-status", "502", "--retry-after", "3", "--rate-limit", "100", "--rate-window", "60",
            "--fault-seed", "42",
        ]);
        Assert.Equal(8080, o.Port);
        Assert.Equal("0.0.0.0", o.Host);
        Assert.Equal("x.db", o.DataPath);
        Assert.Equal(new Dictionary<string, string> { ["a"] = "ka", ["b"] = "kb", ["c"] = "kc" }, o.Apps);
        var f = o.Faults.Snapshot();
        Assert.Equal(new FaultSnapshot(10, 5, 0.25, 502, 3, 100, 60, 0, 42), f);
    }

    [Fact]
    public void Defaults_are_in_memory_on_loopback_with_no_faults()
    {
        var o = EmulatorOptions.Parse([], new Hashtable());
        Assert.Equal("127.0.0.1", o.Host);
        Assert.Equal(0, o.Port);
        Assert.Null(o.DataPath);
        Assert.Empty(o.Apps);
        Assert.Equal(new FaultSnapshot(0, 0, 0, 503, 0, 0, 10), o.Faults.Snapshot());
        Assert.Equal(1000, o.RequestLogSize);
    }

    [Fact]
    public void The_request_log_size_takes_0_to_100000()
    {
        Assert.Equal(0, EmulatorOptions.Parse(["--request-log", "0"]).RequestLogSize);
        Assert.Equal(50, EmulatorOptions.Parse([], new Hashtable { ["INTERCOM_EMULATOR_REQUEST_LOG"] = "50" }).RequestLogSize);
        Assert.Equal("--request-log: '100001' is not a whole number from 0 to 100000 for request-log.",
            Assert.Throws<ArgumentException>(() => EmulatorOptions.Parse(["--request-log", "100001"])).Message);
    }

    [Fact]
    public void Environment_variables_set_everything_and_flags_win()
    {
        var env = new Hashtable
        {
            ["INTERCOM_EMULATOR_PORT"] = "9000", ["INTERCOM_EMULATOR_HOST"] = "::1", ["INTERCOM_EMULATOR_DATA"] = "env.db",
            ["INTERCOM_EMULATOR_APPS"] = "e1:k1, e2:k2", ["INTERCOM_EMULATOR_LATENCY"] = "7", ["INTERCOM_EMULATOR_JITTER"] = "8",
            ["INTERCOM_EMULATOR_FAILURE_RATE"] = "0.5", ["INTERCOM_EMULATOR_FAILURE_STATUS"] = "500", ["INTERCOM_EMULATOR_RETRY_AFTER"] = "9",
            ["INTERCOM_EMULATOR_RATE_LIMIT"] = "11", ["INTERCOM_EMULATOR_RATE_WINDOW"] = "12", ["INTERCOM_EMULATOR_FAULT_SEED"] = "13",
            ["UNRELATED"] = "x",
        };
        var fromEnv = EmulatorOptions.Parse([], env);
        Assert.Equal((9000, "::1", "env.db"), (fromEnv.Port, fromEnv.Host, fromEnv.DataPath));
        Assert.Equal(new Dictionary<string, string> { ["e1"] = "k1", ["e2"] = "k2" }, fromEnv.Apps);
        Assert.Equal(new FaultSnapshot(7, 8, 0.5, 500, 9, 11, 12, 0, 13), fromEnv.Faults.Snapshot());

        var flagsWin = EmulatorOptions.Parse(["--port", "1234", "--app", "f:kf"], env);
        Assert.Equal(1234, flagsWin.Port);
        Assert.Equal(new Dictionary<string, string> { ["f"] = "kf" }, flagsWin.Apps); // --app replaces the variable's apps
    }

    [Theory]
    [InlineData("--nope", "Unknown flag '--nope'")]
    [InlineData("--port", "--port needs a value")]
    [InlineData("--port abc", "--port: 'abc' is not a whole number from 0 to 65535")]
    [InlineData("--port 70000", "not a whole number from 0 to 65535")]
    [InlineData("--failure-rate 2", "--failure-rate: '2' is not a failure rate from 0 to 1")]
    [InlineData("--failure-status 200", "from 400 to 599")]
    [InlineData("--rate-window 0", "from 1 to 86400")]
    [InlineData("--fault-seed -1", "--fault-seed: '-1' is not a whole number from 0 to 2147483647")]
    [InlineData("--app nokey", "'nokey' is not ID:KEY")]
    [InlineData("--app :key", "is not ID:KEY")]
    [InlineData("--app dummy-app-id:x", "built-in dummy app")]
    [InlineData("8080", "Unexpected argument '8080'")]
    [InlineData("--app-version a=3.0", "--app-version: '3.0' is not an Intercom-Version the real service accepts (1.0, 1.1")]
    [InlineData("--app-version 2.11", "'2.11' is not ID=VERSION")]
    [InlineData("--app-timezone a=Mars/Olympus", "'Mars/Olympus' is not a time zone")]
    [InlineData("--request-ids ulid", "'ulid' is not a request id form: uuid or intercom")]
    [InlineData("--rate-limit lots", "--rate-limit: 'lots' is not a whole number")]
    [InlineData("--production=maybe", "'maybe' is not true or false")]
    public void Bad_flags_throw_a_clear_argument_exception(string args, string message)
    {
        var e = Assert.Throws<ArgumentException>(() => EmulatorOptions.Parse(args.Split(' ')));
        Assert.Contains(message, e.Message);
    }

    [Fact]
    public void Apps_get_a_default_version_and_a_time_zone_from_flags_or_the_environment()
    {
        var env = new Hashtable { ["INTERCOM_EMULATOR_APP_VERSIONS"] = "a=2.11, b=Preview", ["INTERCOM_EMULATOR_APP_TIMEZONES"] = "a=Europe/Dublin" };
        var o = EmulatorOptions.Parse(["--app-version", "b=2.16", "--app-timezone=b=America/Los_Angeles"], env);
        Assert.Equal(new Dictionary<string, string> { ["a"] = "2.11", ["b"] = "2.16" }, o.AppVersions);
        Assert.Equal(new Dictionary<string, string> { ["a"] = "Europe/Dublin", ["b"] = "America/Los_Angeles" }, o.AppTimeZones);
    }

    [Fact]
    public void Production_is_one_switch_for_the_real_rate_limits_and_request_ids_and_is_off_by_default()
    {
        var plain = EmulatorOptions.Parse([]);
        Assert.False(plain.IntercomRequestIds);
        Assert.Equal(0, plain.Faults.RateLimit);
        Assert.Equal(0, plain.Faults.SearchDelaySeconds);
        Assert.Equal(30, EmulatorOptions.Parse(["--search-delay", "30"]).Faults.SearchDelaySeconds);

        foreach (var production in new[] { EmulatorOptions.Parse(["--production"]), EmulatorOptions.Parse([], new Hashtable { ["INTERCOM_EMULATOR_PRODUCTION"] = "1" }) })
        {
            Assert.True(production.IntercomRequestIds);
            Assert.Equal((1666, 10), (production.Faults.RateLimit, production.Faults.RateWindowSeconds)); // 10,000 a minute, in sixths
            Assert.Equal(120, production.Faults.SearchDelaySeconds); // "a few minutes", the description says
        }

        Assert.False(EmulatorOptions.Parse(["--production=false"]).IntercomRequestIds);
        var preset = EmulatorOptions.Parse(["--rate-limit", "intercom", "--request-ids", "intercom"]);
        Assert.Equal((1666, 10, true), (preset.Faults.RateLimit, preset.Faults.RateWindowSeconds, preset.IntercomRequestIds));
    }

    [Fact]
    public async Task An_app_setting_for_an_app_the_emulator_does_not_have_is_refused_at_start()
    {
        var options = new EmulatorOptions();
        options.Apps["a"] = "k";
        options.AppVersions["typo"] = "2.11";
        var e = await Assert.ThrowsAsync<ArgumentException>(() => IntercomEmulator.StartAsync(options));
        Assert.Contains("'typo'", e.Message);
    }

    [Fact]
    public void A_bad_environment_variable_is_named()
    {
        var e = Assert.Throws<ArgumentException>(() => EmulatorOptions.Parse([], new Hashtable { ["INTERCOM_EMULATOR_LATENCY"] = "soon" }));
        Assert.StartsWith("INTERCOM_EMULATOR_LATENCY:", e.Message);
    }

    [Fact]
    public async Task Help_lists_every_flag_and_variable_and_exits_0()
    {
        using var child = EmulatorProcess.Start(["--help"]);
        Assert.Equal(0, await child.ExitCodeAsync());
        foreach (var word in new[] { "--port", "--host", "--data", "--app", "--latency", "--jitter", "--failure-rate", "--failure-status",
                     "--retry-after", "--rate-limit", "--rate-window", "--fault-seed", "INTERCOM_EMULATOR_FAULT_SEED", "INTERCOM_EMULATOR_APPS", "INTERCOM_EMULATOR_RATE_WINDOW", "X-Emulator-Fault",
                     "--app-version", "--app-timezone", "INTERCOM_EMULATOR_APP_VERSIONS", "--production", "INTERCOM_EMULATOR_PRODUCTION", "--request-ids", "--search-delay",
                     "--request-log", "INTERCOM_EMULATOR_REQUEST_LOG", "/_inspector/", "--version",
                     "/admin/admins", "/admin/teams", "/admin/apps/{app_id}", "/admin/apps/{app_id}/companies", "/admin/apps/{app_id}/segments", "/admin/apps/{app_id}/subscription_types" })
        {
            Assert.Contains(word, child.Stdout);
        }
    }

    [Fact]
    public async Task Version_prints_the_tools_version_and_exits_0()
    {
        using var child = EmulatorProcess.Start(["--version"]);
        Assert.Equal(0, await child.ExitCodeAsync());
        Assert.Matches(@"^intercom-emulator \d+\.\d+\.\d+(-[0-9A-Za-z.-]+)?$", child.Stdout.Trim());
        Assert.Equal("", child.Stderr.Trim());
    }

    [Fact]
    public async Task A_bad_flag_exits_2_with_the_reason_on_stderr()
    {
        using var child = EmulatorProcess.Start(["--port", "nope"]);
        Assert.Equal(2, await child.ExitCodeAsync());
        Assert.Contains("--port: 'nope' is not a whole number", child.Stderr);
        Assert.Contains("--help", child.Stderr);
    }

    [Theory]
    [InlineData("--host 8.8.8.8", "cannot start: --host 8.8.8.8 (8.8.8.8) can be reached from other machines")]
    [InlineData("--data {dir}", "cannot start: Cannot keep data in '{dir}': ")]
    [InlineData("--data {file}/x.db", "cannot start: Cannot keep data in '{file}/x.db': ")]
    [InlineData("--data {file}", "cannot start: Cannot keep data in '{file}': ")]
    [InlineData("--port {busy}", "cannot start: Failed to bind to address http://127.0.0.1:{busy}: address already in use.")]
    public async Task A_start_that_fails_exits_1_with_one_line_that_names_what_failed(string args, string message)
    {
        var dir = Directory.CreateTempSubdirectory("intercom-cli-").FullName;
        var file = Path.Combine(dir, "not-a-database");
        await File.WriteAllTextAsync(file, "these bytes are no SQLite database, and must stay as they are");
        using var busy = new System.Net.Sockets.TcpListener(System.Net.IPAddress.Loopback, 0);
        busy.Start();
        string Fill(string text) => text.Replace("{dir}", dir).Replace("{file}", file).Replace("{busy}", ((System.Net.IPEndPoint)busy.LocalEndpoint).Port.ToString(System.Globalization.CultureInfo.InvariantCulture));
        try
        {
            using var child = EmulatorProcess.Start(Fill(args).Split(' '));
            Assert.Equal(1, await child.ExitCodeAsync());
            var line = Assert.Single(child.Stderr.Split('\n', StringSplitOptions.RemoveEmptyEntries));
            Assert.StartsWith("intercom-emulator: " + Fill(message), line);
            Assert.DoesNotContain("(Parameter", line);
            Assert.Equal("", child.Stdout.Trim());
            Assert.Equal("these bytes are no SQLite database, and must stay as they are", await File.ReadAllTextAsync(file));
        }
        finally
        {
            Directory.Delete(dir, recursive: true);
        }
    }

    [Fact]
    public async Task A_data_file_another_emulator_keeps_is_refused_and_free_again_once_it_stops()
    {
        // Each emulator caches what it worked out from the data until its own next write: two on one file served
        // each other's stale total_count (1 where the file held 4).
        var dir = Directory.CreateTempSubdirectory("intercom-cli-").FullName;
        var data = Path.Combine(dir, "shared.db");
        try
        {
            await using (var first = await IntercomEmulator.StartAsync(new EmulatorOptions { DataPath = data }))
            {
                using var second = EmulatorProcess.Start(["--data", data]);
                Assert.Equal(1, await second.ExitCodeAsync());
                Assert.Equal($"intercom-emulator: cannot start: Cannot keep data in '{data}': another emulator is using it.", second.Stderr.Trim());
                using var http = new HttpClient();
                (await new Api(http, first.BaseUri, "local-app", "local-key").GetAsync("v1/users")).AssertStatus(200);
            }

            await using var after = await IntercomEmulator.StartAsync(new EmulatorOptions { DataPath = data });
        }
        finally
        {
            Directory.Delete(dir, recursive: true);
        }
    }

    [Fact]
    public async Task It_prints_its_url_and_credentials_serves_and_stops_cleanly_on_sigterm()
    {
        var env = new Dictionary<string, string> { ["INTERCOM_EMULATOR_APPS"] = "cli-app:cli-key" };
        using var child = EmulatorProcess.Start(["--port", "0"], env);
        var baseUri = await child.BaseUriAsync();
        Assert.Contains("cli-app:cli-key", child.Stdout);
        Assert.Contains("in memory", child.Stdout);
        using var http = new HttpClient();
        (await new Api(http, baseUri, "cli-app", "cli-key").GetAsync("v1/users")).AssertStatus(200);
        Assert.Contains($"REST API 2.x (every Intercom-Version, 2.14 by default) at the root, v1 under {baseUri}v1/", child.Stdout);
        Assert.DoesNotContain("v1 emulator", child.Stdout);
        Assert.Contains($"| inspector: {baseUri}_inspector/", child.Stdout);
        (await new Api(http, baseUri, null, null).SendAsync(HttpMethod.Get, "me", configure: r => r.Headers.Authorization = new("Bearer", "cli-key"))).AssertStatus(200);

        if (!OperatingSystem.IsWindows())
        {
            Assert.Equal(0, Kill(child.Id, 15));
            Assert.Equal(0, await child.ExitCodeAsync());
            Assert.Equal("", child.Stderr.Trim());
        }
    }

    [DllImport("libc", EntryPoint = "kill", SetLastError = true)]
    private static extern int Kill(int pid, int signal);
}
