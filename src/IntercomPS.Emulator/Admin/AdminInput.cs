using System.Linq;
using System.Text.Json;
using System.Threading.Tasks;
using IntercomPS.Emulator.Endpoints;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace IntercomPS.Emulator.Admin;

/// <summary>
/// What /admin reads. Strict where the API faces are lenient: the API ignores an unknown field as the real service
/// did, but a typo here would quietly seed less than a test meant, or reset every app instead of one.
/// </summary>
internal static class AdminInput
{
    /// <summary>The JSON object body, refusing any field but <paramref name="fields"/>; null when empty and not <paramref name="required"/>.</summary>
    public static async Task<JsonElement?> BodyAsync(HttpContext context, bool required, params string[] fields)
    {
        var body = await RequestBody.ReadAsync(context, required);
        if (body is { } b)
        {
            foreach (var property in b.EnumerateObject())
            {
                if (!fields.Contains(property.Name))
                {
                    throw ApiError.BadRequest($"Unknown field '{property.Name}': {Takes(context, fields)}");
                }
            }
        }

        return body;
    }

    /// <summary>The required JSON object body, refusing any field but <paramref name="fields"/>.</summary>
    public static async Task<JsonElement> BodyAsync(HttpContext context, params string[] fields) =>
        (await BodyAsync(context, required: true, fields))!.Value;

    /// <summary>Refuses any query parameter but <paramref name="names"/>.</summary>
    public static void Query(HttpContext context, params string[] names)
    {
        if (context.Request.Query.Keys.FirstOrDefault(k => !names.Contains(k)) is { } unknown)
        {
            throw ApiError.BadRequest($"Unknown query parameter '{unknown}': {Takes(context, names)}");
        }
    }

    // The route by its template ("POST /admin/apps/{app_id}/segments"), and what it takes.
    private static string Takes(HttpContext context, string[] names) =>
        $"{context.Request.Method} {(context.GetEndpoint() as RouteEndpoint)?.RoutePattern.RawText ?? context.Request.Path.Value} takes {string.Join(", ", names)}";
}
