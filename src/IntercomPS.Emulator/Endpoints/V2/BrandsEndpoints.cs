using System.Text.Json;
using System.Threading.Tasks;
using IntercomPS.Emulator.Auth;
using IntercomPS.Emulator.Model;
using Microsoft.AspNetCore.Http;

namespace IntercomPS.Emulator.Endpoints.V2;

/// <summary>
/// GET /brands and /brands/{id} (2.15 on): every app has its default brand only (the API cannot make another), whose
/// id is the workspace's, as the description says, with the app's one help center.
/// </summary>
internal static class BrandsEndpoints
{
    /// <summary>When every default brand was made (UNIX seconds): fixed, so answers are the same on every run.</summary>
    private const long CreatedAt = 1_734_537_243;

    /// <summary>The default brand's email settings, which are not emulated: one id, named and never served.</summary>
    private const string AddressSettingsId = "1";

    public static Task<IResult> ListAsync(HttpContext context) => Task.FromResult(Json.Ok(w =>
    {
        w.WriteStartObject();
        w.WriteString("type", "list");
        w.WriteStartArray("data");
        Brand(w, Caller.From(context).AppId);
        w.WriteEndArray();
        w.WriteEndObject();
    }));

    public static Task<IResult> GetAsync(HttpContext context)
    {
        var app = Caller.From(context).AppId;
        return Task.FromResult(RouteValues.Text(context, "id") == app ? Json.Ok(w => Brand(w, app)) : throw NotFound());
    }

    /// <summary>The brand a write names by <paramref name="id"/>: the app's default brand, else the 404 GET /brands/{id} gives.</summary>
    public static void Check(HttpContext context, string id)
    {
        if (id != Caller.From(context).AppId)
        {
            throw NotFound();
        }
    }

    private static ApiError NotFound() => new(404, "not_found", "Brand not found") { Code = "not_found" };

    private static void Brand(Utf8JsonWriter w, string app)
    {
        w.WriteStartObject();
        w.WriteString("type", "brand");
        w.WriteString("id", app);
        w.WriteString("name", "Default Brand");
        w.WriteBoolean("is_default", true);
        w.WriteNumber("created_at", CreatedAt);
        w.WriteNumber("updated_at", CreatedAt);
        w.WriteString("help_center_id", Face.ToString(HelpCenter.Id));
        w.WriteString("default_address_settings_id", AddressSettingsId);
        w.WriteEndObject();
    }
}
