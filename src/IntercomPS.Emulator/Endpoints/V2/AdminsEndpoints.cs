using System.Collections.Generic;
using System.Linq;
using System.Text.Json;
using System.Threading.Tasks;
using IntercomPS.Emulator.Auth;
using IntercomPS.Emulator.Model;
using Microsoft.AspNetCore.Http;

namespace IntercomPS.Emulator.Endpoints.V2;

/// <summary>
/// GET /me (the app's first admin, whose token the key is, with the app's time zone), /admins and /admins/{id}: the
/// first admin (--admin-name/--admin-email) and those /admin/admins added, with their away status and teams.
/// PUT /admins/{id}/away sets one away or back; GET /away_status_reasons lists the reasons it can give (<see cref="AwayReasons"/>).
/// GET /admins/activity_logs lists what admins did: the away mode changes, and what /admin logged; 2.16's
/// POST /admins/activity_logs/search keeps the types asked for, and GET /admins/activity_log_event_types lists them all.
/// </summary>
internal static class AdminsEndpoints
{
    public static async Task<IResult> MeAsync(HttpContext context)
    {
        var caller = Caller.From(context);
        var zone = caller.Services.Profiles.Of(caller.AppId).TimeZoneName;
        var me = await caller.Store.GetAdminAsync(caller.Store.Admin.Id); // as stored: its away status may have been set
        return Json.Ok(w => Writer.Admin(w, me, Face.VersionOf(context).Model, caller.AppId, zone, caller.Services.StartedAt));
    }

    public static async Task<IResult> ListAsync(HttpContext context)
    {
        var admins = await Caller.From(context).Store.ListAdminsAsync();
        var model = Face.VersionOf(context).Model;
        return Json.Ok(w =>
        {
            w.WriteStartObject();
            w.WriteString("type", "admin.list");
            w.WriteStartArray("admins");
            foreach (var admin in admins)
            {
                Writer.Admin(w, admin, model);
            }

            w.WriteEndArray();
            w.WriteEndObject();
        });
    }

    public static async Task<IResult> GetAsync(HttpContext context)
    {
        var admin = await Caller.From(context).Store.GetAdminAsync(RouteValues.Text(context, "admin_id"));
        return Json.Ok(w => Writer.Admin(w, admin, Face.VersionOf(context).Model));
    }

    /// <summary>The activities a page lists when per_page is not given: 20, as the description's example shows.</summary>
    internal const int DefaultActivityLogsPerPage = 20;

    /// <summary>
    /// GET /admins/activity_logs: the admins' activities from created_at_after (required, UNIX seconds, inclusive) to
    /// created_at_before (exclusive; now when not given), newest first, by numbered pages (page and per_page, which
    /// the later versions' reference names; the 2.14 description shows the pages but not how to ask for one).
    /// </summary>
    public static async Task<IResult> ListActivityLogsAsync(HttpContext context)
    {
        var query = context.Request.Query;
        var after = QueryTime(query, "created_at_after") ?? throw AfterRequired();
        var logs = await Caller.From(context).Store.ListActivityLogsAsync(after, QueryTime(query, "created_at_before"));
        var (items, page, perPage) = NumberedPages.Slice(logs, query, DefaultActivityLogsPerPage);
        return ActivityLogList(items, page, perPage, logs.Count);
    }

    private static readonly FieldSet SearchFields = UnknownFields.Set("created_at_after", "created_at_before", "event_types", "page", "per_page");

    /// <summary>The most activities a search page lists: 250, where the GET's is 150 (2.16's description of each).</summary>
    private const int MaxSearchPerPage = 250;

    /// <summary>
    /// POST /admins/activity_logs/search (2.16 on): the GET's window from the body (created_at_after required), kept
    /// to the event_types given, if any, each one of <see cref="ActivityTypes"/> (a misspelt type is a 400 naming it,
    /// not a search that quietly finds nothing); numbered pages of up to 250.
    /// </summary>
    public static async Task<IResult> SearchActivityLogsAsync(HttpContext context)
    {
        var body = (await RequestBody.ReadAsync(context, SearchFields))!.Value;
        var after = Input.Timestamp(body, "created_at_after") ?? throw AfterRequired();
        var before = Input.Timestamp(body, "created_at_before");
        var types = Input.Strings(body, "event_types");
        if (types.FirstOrDefault(t => !ActivityTypes.IsKnown(t)) is { } unknown)
        {
            throw new ApiError(400, "bad_request", $"event_types has '{unknown}', which is not an activity log event type (GET /admins/activity_log_event_types lists them)")
                { Code = "parameter_invalid", Field = "event_types" };
        }

        var page = BodyNumber(body, "page", 1, int.MaxValue) ?? 1;
        var perPage = BodyNumber(body, "per_page", 1, MaxSearchPerPage) ?? DefaultActivityLogsPerPage;
        var logs = await Caller.From(context).Store.ListActivityLogsAsync(after, before);
        var kept = types.Count == 0 ? logs : [.. logs.Where(l => types.Contains(l.Type))];
        var skip = (long)(page - 1) * perPage;
        return ActivityLogList(skip >= kept.Count ? [] : [.. kept.Skip((int)skip).Take(perPage)], page, perPage, kept.Count);
    }

    /// <summary>GET /admins/activity_log_event_types (2.16 on): every type an activity can have, as the search's event_types takes them.</summary>
    public static Task<IResult> ListActivityEventTypesAsync(HttpContext context) => Task.FromResult(Json.Ok(w =>
    {
        w.WriteStartObject();
        w.WriteString("type", "activity_log_event_type.list");
        w.WriteStartArray("event_types");
        foreach (var type in ActivityTypes.All)
        {
            w.WriteStringValue(type);
        }

        w.WriteEndArray();
        w.WriteEndObject();
    }));

    private static ApiError AfterRequired() =>
        new(400, "bad_request", "created_at_after is required (a UNIX timestamp)") { Code = "parameter_not_found", Field = "created_at_after" };

    /// <summary>A whole number from <paramref name="min"/> to <paramref name="max"/> in the body, or the 400 that names it.</summary>
    private static int? BodyNumber(JsonElement body, string name, int min, int max) => Input.Field(body, name) switch
    {
        null => null,
        { ValueKind: JsonValueKind.Number } v when v.TryGetInt64(out var n) && n >= min && n <= max => (int)n,
        { } v => throw new ApiError(400, "bad_request", $"{name} must be an integer from {min} to {max}, not {(v.ValueKind == JsonValueKind.Number ? v.GetRawText() : Input.Describe(v))}")
            { Code = "parameter_invalid", Field = name },
    };

    /// <summary>One page of activities, as the GET and the search answer it.</summary>
    private static IResult ActivityLogList(IReadOnlyList<ActivityLogRecord> items, int page, int perPage, int total) => Json.Ok(w =>
    {
        w.WriteStartObject();
        w.WriteString("type", "activity_log.list");
        Writer.Pages(w, page, perPage, total, next: null);
        w.WriteStartArray("activity_logs");
        foreach (var log in items)
        {
            ActivityLog(w, log);
        }

        w.WriteEndArray();
        w.WriteEndObject();
    });

    /// <summary>One activity as GET /admins/activity_logs lists it.</summary>
    public static void ActivityLog(Utf8JsonWriter w, ActivityLogRecord log)
    {
        w.WriteStartObject();
        w.WriteString("id", log.Id);
        w.WriteStartObject("performed_by");
        w.WriteString("type", "admin");
        w.WriteString("id", log.AdminId);
        w.WriteString("email", log.AdminEmail);
        w.WriteEndObject();
        w.WritePropertyName("metadata");
        w.WriteRawValue(log.Metadata, skipInputValidation: true); // written by the store as a JSON object
        w.WriteNumber("created_at", log.CreatedAt);
        w.WriteString("activity_type", log.Type);
        w.WriteString("activity_description", log.Description);
        w.WriteEndObject();
    }

    /// <summary>A UNIX timestamp query parameter (the description types them as strings of digits), or the 400 that names it.</summary>
    private static long? QueryTime(IQueryCollection query, string name) => Input.Query(query, name) switch
    {
        null => null,
        { } text when long.TryParse(text, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var seconds)
            && seconds <= Input.MaxTimestamp => seconds,
        { } text => throw new ApiError(400, "bad_request", $"{name} must be a UNIX timestamp (whole seconds), not '{text}'") { Code = "parameter_invalid", Field = name },
    };

    private static readonly FieldSet AwayFields = UnknownFields.Set("away_mode_enabled", "away_mode_reassign", "away_status_reason_id");

    /// <summary>2.11's request (ApiModel.AwayReasons false): no away_status_reason_id, so one sent is named as unknown.</summary>
    private static readonly FieldSet AwayFields211 = UnknownFields.Set("away_mode_enabled", "away_mode_reassign");

    /// <summary>
    /// PUT /admins/{id}/away: away_mode_enabled and away_mode_reassign are required booleans; away_status_reason_id
    /// (2.14 on; 2.11 has no such field, and names it as an unknown field and ignores it) names a reason that is not deleted. Answers the admin as it now is.
    /// </summary>
    public static async Task<IResult> SetAwayAsync(HttpContext context)
    {
        var model = Face.VersionOf(context).Model;
        var body = (await RequestBody.ReadAsync(context, model.AwayReasons ? AwayFields : AwayFields211))!.Value;
        var away = RequiredBool(body, "away_mode_enabled");
        var reassign = RequiredBool(body, "away_mode_reassign");
        var reasonId = model.AwayReasons && Input.Id(body, "away_status_reason_id") is { } id ? AwayReasons.Usable(id).Id : (long?)null;
        var admin = await Caller.From(context).Store.SetAwayAsync(RouteValues.Text(context, "admin_id"), away, reassign, reasonId);
        return Json.Ok(w => Writer.Admin(w, admin, model));
    }

    /// <summary>GET /away_status_reasons: every reason of the workspace, deleted ones too (as the description says), in their order.</summary>
    public static Task<IResult> ListAwayReasonsAsync(HttpContext context) => Task.FromResult(Json.Ok(w =>
    {
        w.WriteStartObject();
        w.WriteString("type", "list");
        w.WriteStartArray("data");
        foreach (var reason in AwayReasons.All)
        {
            w.WriteStartObject();
            w.WriteString("type", "away_status_reason");
            w.WriteString("id", Face.ToString(reason.Id));
            w.WriteString("label", reason.Label);
            w.WriteString("emoji", reason.Emoji);
            w.WriteNumber("order", reason.Order);
            w.WriteBoolean("deleted", reason.Deleted);
            w.WriteNumber("created_at", AwayReasons.CreatedAt);
            w.WriteNumber("updated_at", AwayReasons.CreatedAt);
            w.WriteEndObject();
        }

        w.WriteEndArray();
        w.WriteEndObject();
    }));

    /// <summary>A required boolean field: missing is parameter_not_found, anything but true or false parameter_invalid.</summary>
    private static bool RequiredBool(JsonElement body, string name) => Input.Field(body, name) switch
    {
        { ValueKind: JsonValueKind.True } => true,
        { ValueKind: JsonValueKind.False } => false,
        null => throw new ApiError(400, "bad_request", $"{name} is required (true or false)") { Code = "parameter_not_found", Field = name },
        { } v => throw new ApiError(400, "bad_request", $"{name} must be a boolean, not {Input.Kind(v)}") { Code = "parameter_invalid", Field = name },
    };
}
