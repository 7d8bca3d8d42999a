using System.Collections.Generic;
using System.Text.Json;
using System.Threading.Tasks;
using IntercomPS.Emulator.Auth;
using IntercomPS.Emulator.Model;
using Microsoft.AspNetCore.Http;

namespace IntercomPS.Emulator.Endpoints.V2;

/// <summary>/segments and a contact's segments: read only, as on the real API (segments are seeded through /admin here).</summary>
internal static class SegmentsEndpoints
{
    /// <summary>GET /segments; include_count=true adds each segment's count of contacts.</summary>
    public static async Task<IResult> ListAsync(HttpContext context)
    {
        var withCount = Input.Query(context.Request.Query, "include_count") switch
        {
            null or "false" => false,
            "true" => true,
            var other => throw new ApiError(400, "bad_request", $"include_count must be true or false, not '{other}'") { Code = "parameter_invalid", Field = "include_count" },
        };
        var segments = await Caller.From(context).Store.ListSegmentsAsync();
        return Json.Ok(w =>
        {
            w.WriteStartObject();
            w.WriteString("type", "segment.list");
            WriteAll(w, "segments", segments, withCount);
            w.WriteStartObject("pages");
            w.WriteEndObject();
            w.WriteEndObject();
        });
    }

    public static async Task<IResult> GetAsync(HttpContext context)
    {
        var segment = await Caller.From(context).Store.GetSegmentAsync(RouteValues.Text(context, "segment_id"));
        return Json.Ok(w => Segment(w, segment, withCount: true));
    }

    public static async Task<IResult> OfContactAsync(HttpContext context)
    {
        var segments = await Caller.From(context).Store.ListContactSegmentsAsync(RouteValues.Text(context, "contact_id"));
        return Json.Ok(w =>
        {
            w.WriteStartObject();
            w.WriteString("type", "list");
            WriteAll(w, "data", segments, withCount: false);
            w.WriteEndObject();
        });
    }

    private static void WriteAll(Utf8JsonWriter w, string name, IEnumerable<SegmentRecord> segments, bool withCount)
    {
        w.WriteStartArray(name);
        foreach (var segment in segments)
        {
            Segment(w, segment, withCount);
        }

        w.WriteEndArray();
    }

    private static void Segment(Utf8JsonWriter w, SegmentRecord s, bool withCount)
    {
        w.WriteStartObject();
        w.WriteString("type", "segment");
        w.WriteString("id", s.Id);
        w.WriteString("name", s.Name);
        w.WriteNumber("created_at", s.CreatedAt);
        w.WriteNumber("updated_at", s.UpdatedAt);
        w.WriteString("person_type", s.PersonType);
        if (withCount)
        {
            w.WriteNumber("count", s.Count);
        }

        w.WriteEndObject();
    }
}
