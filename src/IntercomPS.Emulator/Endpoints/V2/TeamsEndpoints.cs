using System.Threading.Tasks;
using IntercomPS.Emulator.Auth;
using IntercomPS.Emulator.Storage;
using Microsoft.AspNetCore.Http;

namespace IntercomPS.Emulator.Endpoints.V2;

/// <summary>GET /teams and /teams/{id}: the teams /admin/teams added to the app, with their admins' ids.</summary>
internal static class TeamsEndpoints
{
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
}
