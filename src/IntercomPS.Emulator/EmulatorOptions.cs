using System;
using System.Collections;
using System.Collections.Generic;
using System.Globalization;

namespace IntercomPS.Emulator;

/// <summary>How to run the emulator: from code, or parsed from the command line and INTERCOM_EMULATOR_* variables.</summary>
public sealed class EmulatorOptions
{
    internal const string DefaultAppId = "local-app";
    internal const string DefaultApiKey = "local-key";

    public string Host { get; set; } = "127.0.0.1";

    /// <summary>TCP port; 0 picks a free one (read the real one from <see cref="IntercomEmulator.BaseUri"/>).</summary>
    public int Port { get; set; }

    /// <summary>SQLite file to keep data in; null keeps everything in memory for the emulator's lifetime.</summary>
    public string? DataPath { get; set; }

    /// <summary>App id to API key. Empty means the single default app local-app:local-key.</summary>
    public IDictionary<string, string> Apps { get; } = new Dictionary<string, string>(StringComparer.Ordinal);

    public FaultOptions Faults { get; } = new();

    /// <summary>The admin every app has on the 2.14 face (GET /me, note authors).</summary>
    public string AdminName { get; set; } = "Emulator Admin";

    public string AdminEmail { get; set; } = "admin@example.com";

    /// <summary>
    /// A token every /admin call must send as "Authorization: Bearer TOKEN". Required when <see cref="Host"/> is not a
    /// loopback address, since /admin can wipe and rewrite everything.
    /// </summary>
    public string? AdminToken { get; set; }

    /// <summary>How many API requests the inspector's request log keeps (the last N); 0 keeps none.</summary>
    public int RequestLogSize { get; set; } = Inspector.RequestLog.DefaultCapacity;

    /// <summary>Where the emulator notes what a developer should see (ignored unknown fields); null keeps it quiet.</summary>
    public System.IO.TextWriter? Log { get; set; }

    /// <summary>Each app's default Intercom-Version (app id to version), what a request naming none gets; 2.14 unless set.</summary>
    public IDictionary<string, string> AppVersions { get; } = new Dictionary<string, string>(StringComparer.Ordinal);

    /// <summary>Each app's time zone (app id to IANA name), as GET /me's app.timezone shows it; UTC unless set.</summary>
    public IDictionary<string, string> AppTimeZones { get; } = new Dictionary<string, string>(StringComparer.Ordinal);

    /// <summary>
    /// Request ids as the real service writes them (20 lowercase base32 characters, e.g. 000hjqhpf95ef3b8f8v0)
    /// instead of UUIDs, the form the descriptions' examples show.
    /// </summary>
    public bool IntercomRequestIds { get; set; }

    /// <summary>The search indexing delay <see cref="BehaveLikeProduction"/> sets: "a few minutes", as the description says.</summary>
    public const int ProductionSearchDelaySeconds = 120;

    /// <summary>
    /// Everything a "behave like production" run needs, in one call (--production): the real rate limits
    /// (<see cref="FaultOptions.UseIntercomRateLimits"/>), the real service's request ids and its search indexing delay
    /// (<see cref="ProductionSearchDelaySeconds"/>). The quick start and the tests run without it, unless they test it.
    /// </summary>
    public EmulatorOptions BehaveLikeProduction()
    {
        Faults.UseIntercomRateLimits();
        Faults.SearchDelaySeconds = ProductionSearchDelaySeconds;
        IntercomRequestIds = true;
        return this;
    }

    /// <summary>One flag: its name, environment variable, value placeholder, help text and how it applies.</summary>
    /// <summary>A flag without a <see cref="Flag.Value"/> is a switch: given, it applies "true".</summary>
    private sealed record Flag(string Name, string Value, string Help, Action<EmulatorOptions, string> Apply)
    {
        public string Variable => "INTERCOM_EMULATOR_" + Name.ToUpperInvariant().Replace('-', '_') + (Name.StartsWith("app", StringComparison.Ordinal) ? "S" : "");

        public bool IsSwitch => Value.Length == 0;
    }

    private static readonly Flag[] Flags =
    [
        new("port", "N", "TCP port to listen on; 0 picks a free port (default 0)", (o, v) => o.Port = Int(v, "port", 0, 65535)),
        new("host", "ADDRESS", "address to bind (default 127.0.0.1)", (o, v) => o.Host = NotEmpty(v, "host")),
        new("admin-token", "TOKEN", "token /admin and inspector calls must send (Authorization: Bearer TOKEN); required unless --host is loopback", (o, v) => o.AdminToken = NotEmpty(v, "admin-token")),
        new("data", "FILE", "SQLite file to keep data in (default: in memory)", (o, v) => o.DataPath = NotEmpty(v, "data")),
        new("app", "ID:KEY", "an app and its API key; repeat for more (env: comma-separated). Default local-app:local-key", AddApps),
        new("app-version", "ID=VERSION", "an app's default Intercom-Version, for requests naming none (default 2.14); repeat for more", (o, v) => AddPairs(o.AppVersions, v, "VERSION", name => AppProfiles.Version(name).Name)),
        new("app-timezone", "ID=ZONE", "an app's time zone, an IANA name (default Etc/UTC): GET /me's app.timezone; repeat for more", (o, v) => AddPairs(o.AppTimeZones, v, "ZONE", name => AppProfiles.TimeZone(name).Id)),
        new("production", "", "behave like the real service: its rate limits (--rate-limit intercom), request ids (--request-ids intercom) and search delay (--search-delay 120)", LikeProduction),
        new("search-delay", "SECONDS", "seconds a new contact takes to join contact searches, as the real service's indexing (default 0)", (o, v) => o.Faults.SearchDelaySeconds = Int(v, "search-delay", 0, FaultOptions.MaxSeconds)),
        new("request-ids", "uuid|intercom", "request ids as UUIDs (default) or as the real service writes them (20 lowercase base32 characters)", (o, v) => o.IntercomRequestIds = RequestIds(v)),
        new("request-log", "N", $"how many API requests the inspector (/_inspector/) keeps in its request log (default {Inspector.RequestLog.DefaultCapacity}); 0 keeps none", (o, v) => o.RequestLogSize = Int(v, "request-log", 0, Inspector.RequestLog.MaxCapacity)),
        new("admin-name", "NAME", "name of each app's one admin, who writes its admin messages and notes (default Emulator Admin)", (o, v) => o.AdminName = NotEmpty(v, "admin-name")),
        new("admin-email", "EMAIL", "email of that admin (default admin@example.com)", (o, v) => o.AdminEmail = NotEmpty(v, "admin-email")),
        new("latency", "MS", "fixed delay added to every API request (2.x and v1)", (o, v) => o.Faults.LatencyMs = Int(v, "latency", 0, FaultOptions.MaxDelayMs)),
        new("jitter", "MS", "extra random delay of 0..MS per API request", (o, v) => o.Faults.JitterMs = Int(v, "jitter", 0, FaultOptions.MaxDelayMs)),
        new("failure-rate", "0..1", "share of API requests failed (not applied) with --failure-status", (o, v) => o.Faults.FailureRate = Rate(v)),
        new("drop-rate", "0..1", "share of API requests applied, then cut off mid-answer (a lost response)", (o, v) => o.Faults.DropRate = Rate(v)),
        new("failure-status", "N", "status of injected failures, 400..599 (default 503)", (o, v) => o.Faults.FailureStatus = Int(v, "failure-status", 400, 599)),
        new("retry-after", "SECONDS", "Retry-After sent with injected failures (default: none)", (o, v) => o.Faults.RetryAfterSeconds = Int(v, "retry-after", 0, FaultOptions.MaxSeconds)),
        new("rate-limit", "N|intercom", "requests allowed per app per window, then 429 (default 0: not enforced); intercom: the real limits, 10,000 a minute per app in 10-second windows", RateLimit),
        new("rate-window", "SECONDS", "rate-limit window length (default 10)", (o, v) => o.Faults.RateWindowSeconds = Int(v, "rate-window", 1, FaultOptions.MaxSeconds)),
        new("fault-seed", "N", "seed for jitter, failure-rate and drop-rate draws: replays a run exactly", (o, v) => o.Faults.Seed = Int(v, "fault-seed", 0, int.MaxValue)),
    ];

    /// <summary>
    /// Reads INTERCOM_EMULATOR_* variables from <paramref name="environment"/>, then the flags, which win
    /// (an --app flag replaces INTERCOM_EMULATOR_APPS). Throws <see cref="ArgumentException"/> naming the bad input.
    /// </summary>
    public static EmulatorOptions Parse(string[] args, IDictionary? environment = null)
    {
        ArgumentNullException.ThrowIfNull(args);
        var options = new EmulatorOptions();
        if (environment is not null)
        {
            foreach (var flag in Flags)
            {
                if (environment[flag.Variable] is string value && value.Length > 0)
                {
                    Apply(options, flag, value, flag.Variable);
                }
            }
        }

        var appsFromFlags = false;
        for (var i = 0; i < args.Length; i++)
        {
            var arg = args[i];
            if (!arg.StartsWith("--", StringComparison.Ordinal))
            {
                throw new ArgumentException($"Unexpected argument '{arg}'. Flags start with --.");
            }

            var eq = arg.IndexOf('=', StringComparison.Ordinal);
            var name = eq > 0 ? arg[2..eq] : arg[2..];
            var flag = Array.Find(Flags, f => f.Name == name)
                ?? throw new ArgumentException($"Unknown flag '--{name}'.");
            string value;
            if (flag.IsSwitch)
            {
                value = eq > 0 ? arg[(eq + 1)..] : "true";
            }
            else if (eq > 0)
            {
                value = arg[(eq + 1)..];
            }
            else if (i + 1 < args.Length)
            {
                value = args[++i];
            }
            else
            {
                throw new ArgumentException($"--{name} needs a value ({flag.Value}).");
            }

            if (flag.Name == "app" && !appsFromFlags)
            {
                options.Apps.Clear();
                appsFromFlags = true;
            }

            Apply(options, flag, value, "--" + name);
        }

        return options;
    }

    internal static string HelpText()
    {
        var text = new System.Text.StringBuilder()
            .AppendLine($"IntercomPS emulator: a local Intercom for tests and scripts, REST API 2.x (every Intercom-Version; {Endpoints.V2.ApiVersions.DefaultName} unless")
            .AppendLine("a request or its app names another) at the root (an app's key is its Bearer token) and the v1 API under /v1/")
            .AppendLine("(HTTP Basic app_id:key), over one store.")
            .AppendLine()
            .AppendLine("Usage: intercom-emulator [flags]   (from the repository: dotnet run --project src/IntercomPS.Emulator -- [flags])")
            .AppendLine()
            .AppendLine("Flags (each also read from its environment variable; flags win):");
        foreach (var flag in Flags)
        {
            text.Append(("  --" + flag.Name + (flag.IsSwitch ? "" : " " + flag.Value)).PadRight(30)).AppendLine(flag.Help)
                .Append(' ', 30).Append("env ").AppendLine(flag.Variable);
        }

        return text
            .AppendLine("  --help".PadRight(30) + "show this help")
            .AppendLine("  --version".PadRight(30) + "show the emulator's version")
            .AppendLine()
            .AppendLine("The dummy app always answers with canned data: on v1 as user dummy-app-id or dummy_app_id (any key), on 2.x with")
            .AppendLine("the token dummy-app-id (or dummy_app_id).")
            .AppendLine("Admin endpoints (the README describes each): /admin/health, /admin/reset, /admin/faults, /admin/requests, /admin/seed,")
            .AppendLine("/admin/message_threads/reply, /admin/admins, /admin/teams, /admin/apps/{app_id}, /admin/apps/{app_id}/companies,")
            .AppendLine("/admin/apps/{app_id}/segments, /admin/apps/{app_id}/subscription_types. No auth on loopback unless --admin-token;")
            .AppendLine("web pages are refused (Origin, Host,")
            .AppendLine("writes need Content-Type: application/json). Per request: header X-Emulator-Fault: 503[; retry-after=2] | 429 | drop | drop-before.")
            .AppendLine("Inspector: open /_inspector/ in a browser (the banner prints its address) to see each app's data and the requests")
            .AppendLine("live, and to reset, seed and set faults (with --admin-token the browser asks for it: any user name, the token as the password).")
            .ToString();
    }

    private static void Apply(EmulatorOptions options, Flag flag, string value, string source)
    {
        try
        {
            flag.Apply(options, value);
        }
        catch (Exception e) when (e is ArgumentException or FormatException)
        {
            throw new ArgumentException($"{source}: {Reason(e)}", e);
        }
    }

    // ArgumentOutOfRangeException appends "(Parameter ...) Actual value ..." to Message; keep the first line only.
    private static string Reason(Exception e) => e.Message.Split('\n')[0].Trim();

    private static void AddApps(EmulatorOptions options, string value)
    {
        foreach (var pair in value.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            var colon = pair.IndexOf(':', StringComparison.Ordinal);
            if (colon <= 0 || colon == pair.Length - 1)
            {
                throw new FormatException($"'{pair}' is not ID:KEY (both parts required).");
            }

            var id = pair[..colon];
            if (DummyApp.IsDummy(id))
            {
                throw new FormatException($"'{id}' is the built-in dummy app and cannot be redefined.");
            }

            options.Apps[id] = pair[(colon + 1)..];
        }
    }

    /// <summary>ID=VALUE pairs (comma-separated in the environment) into <paramref name="into"/>, each value checked by <paramref name="check"/>.</summary>
    private static void AddPairs(IDictionary<string, string> into, string value, string what, Func<string, string> check)
    {
        foreach (var pair in value.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            var eq = pair.IndexOf('=', StringComparison.Ordinal);
            if (eq <= 0 || eq == pair.Length - 1)
            {
                throw new FormatException($"'{pair}' is not ID={what} (both parts required).");
            }

            into[pair[..eq]] = check(pair[(eq + 1)..]);
        }
    }

    private static void LikeProduction(EmulatorOptions options, string value)
    {
        if (Switch(value, "production"))
        {
            options.BehaveLikeProduction();
        }
    }

    private static void RateLimit(EmulatorOptions options, string value)
    {
        if (value == "intercom")
        {
            options.Faults.UseIntercomRateLimits();
        }
        else
        {
            options.Faults.RateLimit = Int(value, "rate-limit", 0, int.MaxValue);
        }
    }

    private static bool RequestIds(string value) => value switch
    {
        "uuid" => false,
        "intercom" => true,
        _ => throw new FormatException($"'{value}' is not a request id form: uuid or intercom."),
    };

    private static bool Switch(string value, string name) => value.ToLowerInvariant() switch
    {
        "true" or "1" or "yes" => true,
        "false" or "0" or "no" => false,
        _ => throw new FormatException($"'{value}' is not true or false for {name}."),
    };

    private static int Int(string value, string name, int min, int max) =>
        int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var n) && n >= min && n <= max
            ? n
            : throw new FormatException($"'{value}' is not a whole number from {min} to {max} for {name}.");

    private static double Rate(string value) =>
        double.TryParse(value, NumberStyles.Float, CultureInfo.InvariantCulture, out var r) && r is >= 0 and <= 1
            ? r
            : throw new FormatException($"'{value}' is not a failure rate from 0 to 1.");

    private static string NotEmpty(string value, string name) =>
        string.IsNullOrWhiteSpace(value) ? throw new FormatException($"{name} must not be empty.") : value;
}
