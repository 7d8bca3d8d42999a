using System;
using System.Globalization;
using System.Linq;
using System.Text.Json;
using System.Threading.Tasks;
using IntercomPS.Emulator.Endpoints;
using IntercomPS.Emulator.Faults;
using IntercomPS.Emulator.Model;
using IntercomPS.Emulator.Storage;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace IntercomPS.Emulator.Admin;

/// <summary>
/// /admin: the emulator's own control plane (moto's /moto-api, Azurite's reset). No auth: it is a local tool, bound
/// to loopback by default. Everything answers JSON, errors included.
/// </summary>
internal sealed class AdminEndpoints(EmulatorServices services)
{
    private const int MaxSeedCount = 1_000_000;
    private const int MaxSeedText = 64;

    public void Map(IEndpointRouteBuilder app)
    {
        app.MapGet("/admin/health", ApiRoutes.Handle(_ => Task.FromResult(Json.Object(200,
            ("status", "ok"), ("persistent", services.Persistent), ("apps", services.Apps.Apps.Count)))));
        MapControls(app, "/admin");
        app.MapPost("/admin/message_threads/reply", ApiRoutes.Handle(ReplyAsync));
        app.MapGet("/admin/requests", ApiRoutes.Handle(context =>
        {
            // A misspelt app or parameter would read as zero requests, and pass every "nothing was sent" check.
            AdminInput.Query(context, "app_id");
            var app = Input.Query(context.Request.Query, "app_id") is { } named ? KnownApp(named) : null;
            var (total, byRoute) = services.Requests.Snapshot(app);
            return Task.FromResult(Json.Object(200, ("total", total), ("by_route", byRoute)));
        }));
        app.MapPost("/admin/admins", ApiRoutes.Handle(AddAdminAsync));
        app.MapPost("/admin/teams", ApiRoutes.Handle(AddTeamAsync));
        app.MapPost("/admin/activity_logs", ApiRoutes.Handle(AddActivityLogAsync));
        app.MapGet("/admin/apps/{app_id}", ApiRoutes.Handle(context => Task.FromResult(Profile(KnownApp((string)context.Request.RouteValues["app_id"]!)))));
        app.MapPut("/admin/apps/{app_id}", ApiRoutes.Handle(SetProfileAsync));
        new WorkspaceAdmin(services).Map(app);
    }

    /// <summary>
    /// Reset, seed and faults under <paramref name="prefix"/>: /admin's, and the inspector's page drives the same
    /// handlers under its own guard, so each range check and message is written once.
    /// </summary>
    public void MapControls(IEndpointRouteBuilder app, string prefix)
    {
        app.MapPost(prefix + "/reset", ApiRoutes.Handle(ResetAsync));
        app.MapPost(prefix + "/seed", ApiRoutes.Handle(SeedAsync));
        app.MapGet(prefix + "/faults", ApiRoutes.Handle(_ => Task.FromResult(Faults())));
        app.MapPut(prefix + "/faults", ApiRoutes.Handle(SetFaultsAsync));
        app.MapDelete(prefix + "/faults", ApiRoutes.Handle(_ =>
        {
            services.Faults.Clear();
            return Task.FromResult(Faults());
        }));
    }

    /// <summary>{version, timezone}, either or both: an app's default Intercom-Version and its time zone, as --app-version/--app-timezone set them.</summary>
    private async Task<IResult> SetProfileAsync(HttpContext context)
    {
        var app = KnownApp((string)context.Request.RouteValues["app_id"]!);
        var body = (await RequestBody.ReadAsync(context))!.Value;
        var profile = services.Profiles.Of(app);
        foreach (var property in body.EnumerateObject())
        {
            if (property.Name is not ("version" or "timezone"))
            {
                throw ApiError.BadRequest($"Unknown app setting '{property.Name}': version or timezone");
            }

            var text = property.Value.ValueKind == JsonValueKind.String ? property.Value.GetString()!
                : throw ApiError.BadRequest($"{property.Name} must be a string, not {Input.Kind(property.Value)}");
            try
            {
                profile = property.Name == "version"
                    ? profile with { Version = AppProfiles.Version(text) }
                    : profile with { TimeZoneName = text, TimeZone = AppProfiles.TimeZone(text) };
            }
            catch (ArgumentException e)
            {
                throw ApiError.BadRequest($"{property.Name}: {e.Message}");
            }
        }

        services.Profiles.Set(app, profile);
        return Profile(app);
    }

    private IResult Profile(string app)
    {
        var profile = services.Profiles.Of(app);
        return Json.Object(200, ("app_id", app), ("version", profile.Version.Name), ("timezone", profile.TimeZoneName));
    }

    /// <summary>
    /// Wipes data, request counts and rate-limit windows: of one app (?app_id=, or app_id in the body as the other
    /// writes take it) or, when none is named, of all. Anything it cannot read is refused: misread, it would wipe all.
    /// </summary>
    private async Task<IResult> ResetAsync(HttpContext context)
    {
        AdminInput.Query(context, "app_id");
        var body = await AdminInput.BodyAsync(context, required: false, "app_id");
        var inQuery = context.Request.Query.TryGetValue("app_id", out var values)
            ? values[^1] is { Length: > 0 } named ? named : throw ApiError.BadRequest("app_id must name an app, or be left out to reset every app")
            : null;
        var inBody = body is { } b ? Input.String(b, "app_id") : null;
        if (inQuery is not null && inBody is not null && inQuery != inBody)
        {
            throw ApiError.BadRequest($"app_id is '{inQuery}' in the query and '{inBody}' in the body: name one app");
        }

        var app = (inQuery ?? inBody) is { } given ? KnownApp(given) : null;
        await services.Admin.ResetAsync(app);
        services.Requests.Reset(app);
        services.RateLimiter.Reset(app);
        return Json.Object(200, ("reset", app ?? "all"));
    }

    /// <summary>An admin answer on a user's thread; it stays unread for the user until they mark the thread read.</summary>
    private async Task<IResult> ReplyAsync(HttpContext context)
    {
        var body = await AdminInput.BodyAsync(context, "app_id", "user_id", "email", "thread_id", "body", "url");
        var store = services.Store(RequiredApp(body));
        var key = Input.UserKey(body);
        var threadId = Input.Id(body, "thread_id") ?? throw ApiError.BadRequest("thread_id is required");
        var thread = await store.UpdateThreadAsync(key, threadId, Input.RequiredText(body, "body"), Input.String(body, "url"), read: null, fromAdmin: true);
        var admins = await store.ListAdminsAsync();
        return Json.Ok(w => Json.Thread(w, thread, admins));
    }

    /// <summary>Bulk-creates {prefix}1..{prefix}{count} in one transaction (100,000 users take about a second).</summary>
    private async Task<IResult> SeedAsync(HttpContext context)
    {
        var body = await AdminInput.BodyAsync(context, "app_id", "count", "prefix", "tag");
        var app = RequiredApp(body);
        if (DummyApp.IsDummy(app))
        {
            throw ApiError.BadRequest("The dummy app stores nothing and cannot be seeded");
        }

        var count = Input.Id(body, "count") is { } n && n <= MaxSeedCount ? (int)n
            : throw ApiError.BadRequest($"count must be an integer from 1 to {MaxSeedCount}");

        // Every seeded user repeats the prefix three times (id, email, name): a long one would multiply the database.
        var prefix = Input.String(body, "prefix") ?? "user";
        if (prefix.Length > MaxSeedText)
        {
            throw ApiError.BadRequest($"prefix must be at most {MaxSeedText} characters, not {prefix.Length}");
        }

        var tag = Input.String(body, "tag");
        if (tag?.Length > MaxSeedText)
        {
            throw ApiError.BadRequest($"tag must be at most {MaxSeedText} characters, not {tag.Length}");
        }

        var created = await services.Stored(app).SeedAsync(count, tag, prefix);
        return Json.Object(200, ("app_id", app), ("created", created));
    }

    /// <summary>{app_id, name, email, away_mode_enabled?, away_mode_reassign?}: one more admin (teammate) of the app, as 2.14 shows it.</summary>
    private async Task<IResult> AddAdminAsync(HttpContext context)
    {
        var body = await AdminInput.BodyAsync(context, "app_id", "name", "email", "away_mode_enabled", "away_mode_reassign");
        var store = services.Stored(SeedableApp(body));
        var admin = await store.AddAdminAsync(SeedText(body, "name"), SeedText(body, "email"),
            Input.Bool(body, "away_mode_enabled") ?? false, Input.Bool(body, "away_mode_reassign") ?? false);
        return Json.Ok(w => Endpoints.V2.Writer.Admin(w, admin, Endpoints.V2.ApiModel.V2_14));
    }

    /// <summary>{app_id, name, admin_ids?}: a team of the app's admins, as 2.14 shows it.</summary>
    private async Task<IResult> AddTeamAsync(HttpContext context)
    {
        var body = await AdminInput.BodyAsync(context, "app_id", "name", "admin_ids");
        var store = services.Stored(SeedableApp(body));
        var team = await store.AddTeamAsync(SeedText(body, "name"), Input.Strings(body, "admin_ids"));
        return Json.Ok(w => Endpoints.V2.Writer.Team(w, team));
    }

    /// <summary>
    /// {app_id, activity_type, admin_id? (the app's first admin), metadata? ({}), activity_description?, created_at?
    /// (now)}: an activity of one of the app's admins, answered as GET /admins/activity_logs lists it. The API logs
    /// only away mode changes itself; this adds the rest (a sign-in, a permission change) a test needs.
    /// </summary>
    private async Task<IResult> AddActivityLogAsync(HttpContext context)
    {
        var body = await AdminInput.BodyAsync(context, "app_id", "activity_type", "admin_id", "metadata", "activity_description", "created_at");
        var store = services.Stored(SeedableApp(body));
        var type = SeedText(body, "activity_type");
        if (!ActivityTypes.IsKnown(type))
        {
            throw ApiError.BadRequest($"activity_type is one of Intercom's activity types, such as admin_login_success (2.16's GET /admins/activity_log_event_types lists them), not '{type}'");
        }

        var metadata = Input.Field(body, "metadata") switch
        {
            null => "{}",
            { ValueKind: JsonValueKind.Object } given => given.GetRawText(),
            { } other => throw ApiError.BadRequest($"metadata must be an object, not {Input.Kind(other)}"),
        };
        var admin = await store.GetAdminAsync(Input.String(body, "admin_id") ?? store.Admin.Id);
        var description = Input.String(body, "activity_description") ?? $"{admin.Name}: {type.Replace('_', ' ')}.";
        var log = await store.AddActivityLogAsync(admin.Id, type, metadata, description, Input.Timestamp(body, "created_at") ?? DateTimeOffset.UtcNow.ToUnixTimeSeconds());
        return Json.Ok(w => Endpoints.V2.AdminsEndpoints.ActivityLog(w, log));
    }

    /// <summary>An app whose data can be added to: a configured one, never the dummy app, which stores nothing.</summary>
    private string SeedableApp(JsonElement body)
    {
        var app = RequiredApp(body);
        return DummyApp.IsDummy(app) ? throw ApiError.BadRequest("The dummy app stores nothing and cannot be seeded") : app;
    }

    /// <summary>A required, non-blank text of a seeded row, bounded like the seed's texts.</summary>
    private static string SeedText(JsonElement body, string name)
    {
        var text = Input.RequiredText(body, name);
        return text.Length <= MaxSeedText ? text : throw ApiError.BadRequest($"{name} must be at most {MaxSeedText} characters, not {text.Length}");
    }

    private async Task<IResult> SetFaultsAsync(HttpContext context)
    {
        var body = (await RequestBody.ReadAsync(context))!.Value;
        var s = services.Faults.Snapshot();
        var reseed = false;
        foreach (var property in body.EnumerateObject())
        {
            // Accept snake_case (as returned) and the FaultOptions property names alike.
            var name = property.Name.Replace("_", "", StringComparison.Ordinal).ToLowerInvariant();
            var v = property.Value;
            reseed |= name is "faultseed" or "seed";
            s = name switch
            {
                "latencyms" or "latency" => s with { LatencyMs = Int(v, property.Name) },
                "jitterms" or "jitter" => s with { JitterMs = Int(v, property.Name) },
                "droprate" => s with { DropRate = Rate(v, property.Name) },
                "failurerate" => s with { FailureRate = Rate(v, property.Name) },
                "failurestatus" => s with { FailureStatus = Int(v, property.Name) },
                "retryafterseconds" or "retryafter" => s with { RetryAfterSeconds = Int(v, property.Name) },
                "ratelimit" when v.ValueKind == JsonValueKind.String && v.GetString() == "intercom" =>
                    s with { RateLimit = FaultOptions.IntercomLimitPerWindow, RateWindowSeconds = FaultOptions.IntercomWindowSeconds },
                "ratelimit" => s with { RateLimit = Int(v, property.Name) },
                "ratewindowseconds" or "ratewindow" => s with { RateWindowSeconds = Int(v, property.Name) },
                "searchdelayseconds" or "searchdelay" => s with { SearchDelaySeconds = Int(v, property.Name) },
                "faultseed" or "seed" => s with { Seed = v.ValueKind == JsonValueKind.Null ? null : Seed(v, property.Name) },
                "route" => s with { Route = v.ValueKind == JsonValueKind.Null ? null : ServedRoute(v, property.Name) },
                _ => throw ApiError.BadRequest($"Unknown fault setting '{property.Name}'"),
            };
        }

        try
        {
            services.Faults.Set(s, reseed);
        }
        catch (ArgumentOutOfRangeException e)
        {
            throw ApiError.BadRequest(e.Message.Split('\n')[0].Trim());
        }

        return Faults();
    }

    /// <summary>A route the emulator serves, named as /admin/requests counts it: a name no request can have would never fault.</summary>
    private static string ServedRoute(JsonElement value, string field)
    {
        var name = value.ValueKind == JsonValueKind.String ? value.GetString()! : throw ApiError.BadRequest($"{field} must be a string such as 'POST /contacts', or null");
        var space = name.IndexOf(' ');
        var served = space > 0 && ApiRoutes.RouteOf(name[..space], name[(space + 1)..]) == name;
        return served ? name
            : throw ApiError.BadRequest($"{field} '{name}' is not a route the emulator serves: name one as /admin/requests counts it, such as 'POST /contacts' or 'PUT /v1/users'");
    }

    private IResult Faults()
    {
        var f = services.Faults.Snapshot();
        return Json.Object(200,
            ("latency_ms", f.LatencyMs), ("jitter_ms", f.JitterMs), ("failure_rate", f.FailureRate), ("drop_rate", f.DropRate), ("failure_status", f.FailureStatus),
            ("retry_after_seconds", f.RetryAfterSeconds), ("rate_limit", f.RateLimit), ("rate_window_seconds", f.RateWindowSeconds), ("fault_seed", f.Seed), ("route", f.Route),
            ("search_delay_seconds", f.SearchDelaySeconds));
    }

    private string RequiredApp(JsonElement body) => KnownApp(Input.String(body, "app_id") ?? throw ApiError.BadRequest("app_id is required"));

    private string KnownApp(string app) => services.Apps.IsKnown(app) ? app
        : throw ApiError.NotFound($"No app '{app}' is configured (configured: {string.Join(", ", services.Apps.Apps.Keys.Order())})");

    /// <summary>A whole number that fits an int; the fault settings then check their own ranges.</summary>
    private static int Int(JsonElement v, string name) => v.ValueKind switch
    {
        JsonValueKind.Number when v.TryGetInt32(out var n) => n,
        JsonValueKind.Number => throw ApiError.BadRequest(string.Create(CultureInfo.InvariantCulture,
            $"{name} must be a whole number from {int.MinValue} to {int.MaxValue}, not {v.GetRawText()}")),
        _ => throw ApiError.BadRequest($"{name} must be a whole number, not {Input.Kind(v)}"),
    };

    private static double Rate(JsonElement v, string name) => v.ValueKind switch
    {
        JsonValueKind.Number when v.TryGetDouble(out var rate) && double.IsFinite(rate) => rate,
        JsonValueKind.Number => throw ApiError.BadRequest(Input.BeyondDouble(name, v)),
        _ => throw ApiError.BadRequest($"{name} must be a number from 0 to 1, not {Input.Kind(v)}"),
    };

    private static int Seed(JsonElement v, string name) =>
        v.ValueKind == JsonValueKind.Number && v.TryGetInt32(out var n) && n >= 0 ? n
            : throw ApiError.BadRequest($"{name} must be a whole number from 0 to {int.MaxValue}, or null for unseeded draws");
}
