using System.Threading.Tasks;
using IntercomPS.Emulator.Auth;
using Microsoft.AspNetCore.Http;

namespace IntercomPS.Emulator.Endpoints.V2;

/// <summary>GET /me (with the app's time zone), /admins, /admins/{id}: each app has one admin, named by --admin-name/--admin-email.</summary>
internal static class AdminsEndpoints
{
    public static Task<IResult> MeAsync(HttpContext context)
    {
        var caller = Caller.From(context);
        var zone = caller.Services.Profiles.Of(caller.AppId).TimeZoneName;
        return Task.FromResult(Json.Ok(w => Writer.Admin(w, caller.Store.Admin, caller.AppId, zone, caller.Services.StartedAt)));
    }

    public static Task<IResult> ListAsync(HttpContext context)
    {
        var admin = Caller.From(context).Store.Admin;
        return Task.FromResult(Json.Ok(w =>
        {
            w.WriteStartObject();
            w.WriteString("type", "admin.list");
            w.WriteStartArray("admins");
            Writer.Admin(w, admin);
            w.WriteEndArray();
            w.WriteEndObject();
        }));
    }

    public static Task<IResult> GetAsync(HttpContext context)
    {
        var admin = Caller.From(context).Store.Admin;
        return RouteValues.Text(context, "admin_id") == admin.Id
            ? Task.FromResult(Json.Ok(w => Writer.Admin(w, admin)))
            : throw NotFound();
    }

    public static ApiError NotFound() => new(404, "not_found", "Admin not found") { Code = "admin_not_found" };
}
