using System.Threading.Tasks;
using IntercomPS.Emulator.Auth;
using IntercomPS.Emulator.Storage;
using Microsoft.AspNetCore.Http;

namespace IntercomPS.Emulator.Endpoints.V2;

/// <summary>
/// GET /me (the app's first admin, whose token the key is, with the app's time zone), /admins and /admins/{id}: the
/// first admin (--admin-name/--admin-email) and those /admin/admins added, with their away status and teams.
/// </summary>
internal static class AdminsEndpoints
{
    public static Task<IResult> MeAsync(HttpContext context)
    {
        var caller = Caller.From(context);
        var zone = caller.Services.Profiles.Of(caller.AppId).TimeZoneName;
        return Task.FromResult(Json.Ok(w => Writer.Admin(w, caller.Store.Admin, caller.AppId, zone, caller.Services.StartedAt)));
    }

    public static async Task<IResult> ListAsync(HttpContext context)
    {
        var admins = await Caller.From(context).Store.ListAdminsAsync();
        return Json.Ok(w =>
        {
            w.WriteStartObject();
            w.WriteString("type", "admin.list");
            w.WriteStartArray("admins");
            foreach (var admin in admins)
            {
                Writer.Admin(w, admin);
            }

            w.WriteEndArray();
            w.WriteEndObject();
        });
    }

    public static async Task<IResult> GetAsync(HttpContext context)
    {
        var admin = await Caller.From(context).Store.GetAdminAsync(RouteValues.Text(context, "admin_id"));
        return Json.Ok(w => Writer.Admin(w, admin));
    }
}
