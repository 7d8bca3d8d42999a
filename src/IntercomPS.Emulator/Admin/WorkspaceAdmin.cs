using System;
using System.Linq;
using System.Text.Json;
using System.Threading.Tasks;
using IntercomPS.Emulator.Endpoints;
using IntercomPS.Emulator.Model;
using IntercomPS.Emulator.Storage;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace IntercomPS.Emulator.Admin;

/// <summary>
/// /admin for the workspace data the API only reads or bounds: an app's company settings (the list limit, the scroll's
/// page size and expiry, and a scroll page made to fail once with the real 500) and its segments, which Intercom
/// computes from rules and the API cannot write, seeded here as lists of contacts, and its subscription types and
/// (2.16) macros, which the API only reads.
/// </summary>
internal sealed class WorkspaceAdmin(EmulatorServices services)
{
    public void Map(IEndpointRouteBuilder app)
    {
        app.MapGet("/admin/apps/{app_id}/companies", ApiRoutes.Handle(context => Task.FromResult(Settings(App(context)))));
        app.MapPut("/admin/apps/{app_id}/companies", ApiRoutes.Handle(SetCompaniesAsync));
        app.MapPost("/admin/apps/{app_id}/segments", ApiRoutes.Handle(SeedSegmentAsync));
        app.MapPost("/admin/apps/{app_id}/subscription_types", ApiRoutes.Handle(DefineSubscriptionTypeAsync));
        app.MapPost("/admin/apps/{app_id}/macros", ApiRoutes.Handle(SeedMacroAsync));
    }

    /// <summary>{list_limit, scroll_page_size, scroll_expiry_seconds, fail_scroll_page (null: none)}, any of them.</summary>
    private async Task<IResult> SetCompaniesAsync(HttpContext context)
    {
        var app = App(context);
        var body = (await RequestBody.ReadAsync(context))!.Value;
        var settings = services.Database.Scrolls.SettingsOf(app);
        foreach (var property in body.EnumerateObject())
        {
            var v = property.Value;
            settings = property.Name switch
            {
                "list_limit" => settings with { ListLimit = Positive(v, property.Name) },
                "scroll_page_size" => settings with { ScrollPageSize = Positive(v, property.Name) },
                "scroll_expiry_seconds" => settings with { ScrollExpirySeconds = Positive(v, property.Name) },
                "fail_scroll_page" => settings with { FailScrollPage = v.ValueKind == JsonValueKind.Null ? null : Positive(v, property.Name) },
                _ => throw ApiError.BadRequest($"Unknown company setting '{property.Name}': list_limit, scroll_page_size, scroll_expiry_seconds or fail_scroll_page"),
            };
        }

        services.Database.Scrolls.Set(app, settings);
        return Settings(app);
    }

    /// <summary>{name, person_type (user or contact, for leads; user by default), contact_ids}: a new segment of those contacts.</summary>
    private async Task<IResult> SeedSegmentAsync(HttpContext context)
    {
        var app = App(context);
        if (DummyApp.IsDummy(app))
        {
            throw ApiError.BadRequest("The dummy app stores nothing and cannot be seeded");
        }

        var body = await AdminInput.BodyAsync(context, "name", "person_type", "contact_ids");
        var name = Input.String(body, "name") is { Length: > 0 } given ? given : throw ApiError.BadRequest("name is required");
        var personType = Input.String(body, "person_type") ?? "user";
        if (personType is not ("user" or "contact"))
        {
            throw ApiError.BadRequest($"person_type must be user or contact (leads), not '{personType}'");
        }

        var segment = await services.Stored(app).SeedSegmentAsync(name, personType, Input.Strings(body, "contact_ids"));
        return Json.Object(200, ("id", segment.Id), ("name", segment.Name), ("person_type", segment.PersonType), ("count", segment.Count));
    }

    /// <summary>
    /// {name, consent_type (opt_out or opt_in), description, locale (en), content_types ([email]; email and/or
    /// sms_message), state (live; draft or archived)}: a new subscription type, answered as GET /subscription_types
    /// lists it. Names need not be unique, as in a real workspace.
    /// </summary>
    private async Task<IResult> DefineSubscriptionTypeAsync(HttpContext context)
    {
        var app = App(context);
        if (DummyApp.IsDummy(app))
        {
            throw ApiError.BadRequest("The dummy app stores nothing and cannot be seeded");
        }

        var body = await AdminInput.BodyAsync(context, "name", "description", "locale", "consent_type", "content_types", "state");
        var name = Input.RequiredText(body, "name");
        var consentType = OneOf(Input.String(body, "consent_type") ?? throw ApiError.BadRequest("consent_type is required (opt_out or opt_in)"),
            "consent_type", SubscriptionTypeRecord.ConsentTypes);
        var state = OneOf(Input.String(body, "state") ?? "live", "state", SubscriptionTypeRecord.States);
        var contents = Input.Field(body, "content_types") is null ? ["email"] : Input.Strings(body, "content_types");
        if (contents.Count == 0)
        {
            throw ApiError.BadRequest("content_types must name email, sms_message or both");
        }

        foreach (var content in contents)
        {
            OneOf(content, "content_types", SubscriptionTypeRecord.Contents);
        }

        var type = await services.Stored(app).SeedSubscriptionTypeAsync(
            name, Input.String(body, "description") ?? "", Input.String(body, "locale") ?? "en", consentType, contents.Distinct().ToList(), state);
        return Json.Ok(w => Endpoints.V2.SubscriptionsEndpoints.SubscriptionType(w, type));
    }

    /// <summary>
    /// {name, body (HTML, placeholders as Intercom writes them: {{user.name | fallback: 'there'}}), visible_to
    /// (everyone; or specific_teams), visible_to_team_ids (the app's teams, for specific_teams), available_on ([inbox,
    /// messenger]), created_at and updated_at (UNIX seconds; now)}: a macro, answered as 2.16's GET /macros/{id} gives
    /// it. The API only reads macros (they are written in Intercom's inbox), so tests seed them here.
    /// </summary>
    private async Task<IResult> SeedMacroAsync(HttpContext context)
    {
        var app = App(context);
        if (DummyApp.IsDummy(app))
        {
            throw ApiError.BadRequest("The dummy app stores nothing and cannot be seeded");
        }

        var body = await AdminInput.BodyAsync(context, "name", "body", "visible_to", "visible_to_team_ids", "available_on", "created_at", "updated_at");
        var name = Input.RequiredText(body, "name");
        var html = Input.RequiredText(body, "body");
        var visibleTo = OneOf(Input.String(body, "visible_to") ?? "everyone", "visible_to", MacroRecord.Visibilities);
        var teams = Input.Strings(body, "visible_to_team_ids");
        if ((visibleTo == "specific_teams") != (teams.Count > 0))
        {
            throw ApiError.BadRequest("visible_to_team_ids names the teams of a specific_teams macro, and only of one");
        }

        var surfaces = Input.Field(body, "available_on") is null ? ["inbox", "messenger"] : Input.Strings(body, "available_on");
        if (surfaces.Count == 0)
        {
            throw ApiError.BadRequest("available_on must name inbox, messenger or both");
        }

        foreach (var surface in surfaces)
        {
            OneOf(surface, "available_on", MacroRecord.Surfaces);
        }

        var now = DateTimeOffset.UtcNow.ToUnixTimeSeconds();
        var created = Input.Timestamp(body, "created_at") ?? now;
        var updated = Input.Timestamp(body, "updated_at") ?? Math.Max(created, now);
        if (updated < created)
        {
            throw ApiError.BadRequest("updated_at must not be before created_at");
        }

        var macro = await services.Stored(app).SeedMacroAsync(new("", name, html, created, updated, visibleTo, [.. teams.Distinct()], [.. surfaces.Distinct()]));
        return Json.Ok(w => Endpoints.V2.MacrosEndpoints.Macro(w, macro));
    }

    private static string OneOf(string value, string name, System.Collections.Generic.IReadOnlyList<string> allowed) =>
        allowed.Contains(value) ? value : throw ApiError.BadRequest($"{name} must be {string.Join(" or ", allowed)}, not '{value}'");

    private IResult Settings(string app)
    {
        var s = services.Database.Scrolls.SettingsOf(app);
        return Json.Object(200, ("app_id", app), ("list_limit", s.ListLimit), ("scroll_page_size", s.ScrollPageSize),
            ("scroll_expiry_seconds", s.ScrollExpirySeconds), ("fail_scroll_page", s.FailScrollPage));
    }

    private string App(HttpContext context)
    {
        var app = (string)context.Request.RouteValues["app_id"]!;
        return services.Apps.IsKnown(app) ? app
            : throw ApiError.NotFound($"No app '{app}' is configured (configured: {string.Join(", ", services.Apps.Apps.Keys.Order())})");
    }

    private static int Positive(JsonElement v, string name) =>
        v.ValueKind == JsonValueKind.Number && v.TryGetInt32(out var n) && n > 0 ? n : throw ApiError.BadRequest($"{name} must be a whole number from 1 to {int.MaxValue}");
}
