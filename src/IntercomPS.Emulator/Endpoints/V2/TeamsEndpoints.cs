using System.Threading.Tasks;
using IntercomPS.Emulator.Auth;
using IntercomPS.Emulator.Storage;
using Microsoft.AspNetCore.Http;

namespace IntercomPS.Emulator.Endpoints.V2;

/// <summary>
/// GET /teams and /teams/{id}: the teams /admin/teams added to the app, with their admins' ids; 2.16's
/// GET /teams/{team_id}/metrics: each of a team's admins' open, idle and snoozed conversations, counted now.
/// </summary>
internal static class TeamsEndpoints
{
    /// <summary>idle_threshold's default, and the range the description says it is clamped to (seconds).</summary>
    private const long DefaultIdleSeconds = 1800, MinIdleSeconds = 1, MaxIdleSeconds = 86400;

    public static async Task<IResult> ListAsync(HttpContext context)
    {
        var teams = await Caller.From(context).Store.ListTeamsAsync();
        return Json.Ok(w =>
        {
            w.WriteStartObject();
            w.WriteString("type", "team.list");
            w.WriteStartArray("teams");
            foreach (var team in teams)
            {
                Writer.Team(w, team);
            }

            w.WriteEndArray();
            w.WriteEndObject();
        });
    }

    public static async Task<IResult> GetAsync(HttpContext context)
    {
        var team = await Caller.From(context).Store.GetTeamAsync(RouteValues.NumericId(context, "team_id", AppStore.TeamNotFound));
        return Json.Ok(w => Writer.Team(w, team));
    }

    /// <summary>
    /// GET /teams/{team_id}/metrics?idle_threshold=: a team_metric.list, one team_metric per admin of the team. The
    /// threshold is clamped to 1..86400 seconds as the description says, not refused; one that is not a whole number
    /// is our 400 (the description names no error for it). The realtime_monitoring feature is always on here.
    /// </summary>
    public static async Task<IResult> MetricsAsync(HttpContext context)
    {
        var team = RouteValues.NumericId(context, "team_id", AppStore.TeamNotFound);
        var idle = Input.Query(context.Request.Query, "idle_threshold") is not { } text ? DefaultIdleSeconds
            : long.TryParse(text, System.Globalization.NumberStyles.AllowLeadingSign, System.Globalization.CultureInfo.InvariantCulture, out var seconds)
                ? System.Math.Clamp(seconds, MinIdleSeconds, MaxIdleSeconds)
                : throw new ApiError(400, "bad_request", $"idle_threshold must be a whole number of seconds, not '{text}'") { Code = "parameter_invalid", Field = "idle_threshold" };
        var metrics = await Caller.From(context).Store.TeamMetricsAsync(team, idle);
        return Json.Ok(w =>
        {
            w.WriteStartObject();
            w.WriteString("type", "team_metric.list");
            w.WriteStartArray("data");
            foreach (var metric in metrics)
            {
                w.WriteStartObject();
                w.WriteString("type", "team_metric");
                w.WriteString("admin_id", metric.AdminId);
                w.WriteNumber("open", metric.Open);
                w.WriteNumber("idle", metric.Idle);
                w.WriteNumber("snoozed", metric.Snoozed);
                w.WriteEndObject();
            }

            w.WriteEndArray();
            w.WriteEndObject();
        });
    }
}
