using System.Threading.Tasks;
using IntercomPS.Emulator.Auth;
using Microsoft.AspNetCore.Http;

namespace IntercomPS.Emulator.Endpoints.V2;

/// <summary>GET /me, /admins, /admins/{id}: each app has one admin, named by --admin-name/--admin-email.</summary>
internal sealed class AdminsEndpoints(EmulatorServices services)
{
    public Task<IResult> MeAsync(HttpContext context)
    {
        var app = Caller.From(context).AppId;
        return Task.FromResult(Json.Ok(w => Writer.Admin(w, Routes.Store(context, services).Admin, app, services.StartedAt)));
    }

    public Task<IResult> ListAsync(HttpContext context)
    {
        var admin = Routes.Store(context, services).Admin;
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

    public Task<IResult> GetAsync(HttpContext context)
    {
        var admin = Routes.Store(context, services).Admin;
        return Routes.Route(context, "admin_id") == admin.Id
            ? Task.FromResult(Json.Ok(w => Writer.Admin(w, admin)))
            : throw NotFound();
    }

    public static ApiError NotFound() => new(404, "not_found", "Admin not found") { Code = "admin_not_found" };
}
