using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Net;
using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;
using System.Threading.Tasks;
using IntercomPS.Emulator.Auth;
using IntercomPS.Emulator.Model;
using Microsoft.AspNetCore.Http;

namespace IntercomPS.Emulator.Endpoints.V2;

/// <summary>
/// 2.16's GET /macros and /macros/{id}: the app's macros the token's admin may see (everyone's, and those of a team
/// the admin is in), newest update first, paged by the description's cursor, Base64 of [updated_at, "id"]. A body's
/// placeholders, {{user.name | fallback: 'there'}} as written, are answered as the description transforms them:
/// &lt;attribute key="user.name" default="there"/&gt; in body, {{user.name|fallback:"there"}} in body_text.
/// </summary>
internal static partial class MacrosEndpoints
{
    private const int DefaultPerPage = 50;
    private const int MaxPerPage = 150;

    public static async Task<IResult> ListAsync(HttpContext context)
    {
        var query = context.Request.Query;
        var perPage = Input.Query(query, "per_page") switch
        {
            null => DefaultPerPage,
            var text when int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var n) && n is >= 1 and <= MaxPerPage => n,
            var text => throw Invalid($"per_page must be an integer from 1 to {MaxPerPage}, not '{text}'", "per_page"),
        };
        var since = Input.Query(query, "updated_since") switch
        {
            null => (long?)null,
            var text when long.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var t) && t <= Input.MaxTimestamp => t,
            _ => throw Invalid("Invalid updated_since timestamp", "updated_since"), // the description's words
        };
        var after = Input.Query(query, "starting_after") is { } cursor ? Cursor(cursor) : ((long, long)?)null;

        var visible = await VisibleAsync(context);
        var matching = visible.Where(m => since is null || m.UpdatedAt > since)
            .Where(m => after is not { } a || (m.UpdatedAt, Numeric(m)).CompareTo(a) < 0)
            .ToList();
        var page = matching.Take(perPage).ToList();
        var next = matching.Count > perPage ? CursorOf(page[^1]) : null;
        return Json.Ok(w =>
        {
            w.WriteStartObject();
            w.WriteString("type", "list");
            w.WriteStartArray("data");
            foreach (var macro in page)
            {
                Macro(w, macro);
            }

            w.WriteEndArray();
            w.WriteStartObject("pages");
            w.WriteString("type", "pages");
            w.WriteNumber("per_page", perPage);
            if (next is null)
            {
                w.WriteNull("next");
            }
            else
            {
                w.WriteStartObject("next");
                w.WriteString("starting_after", next);
                w.WriteEndObject();
            }

            w.WriteEndObject();
            w.WriteEndObject();
        });
    }

    public static async Task<IResult> GetAsync(HttpContext context)
    {
        var id = RouteValues.Text(context, "id");
        var macro = (await VisibleAsync(context)).FirstOrDefault(m => m.Id == id)
            ?? throw new ApiError(404, "not_found", "Macro not found") { Code = "not_found" }; // also one the admin may not see, as the description says
        return Json.Ok(w => Macro(w, macro));
    }

    /// <summary>The app's macros the token's admin may see, newest update first (then the higher id).</summary>
    private static async Task<List<MacroRecord>> VisibleAsync(HttpContext context)
    {
        var store = Caller.From(context).Store;
        var admin = await store.GetAdminAsync(store.Admin.Id);
        var teams = (admin.TeamIds ?? []).Select(t => t.ToString(CultureInfo.InvariantCulture)).ToHashSet();
        return (await store.ListMacrosAsync())
            .Where(m => m.VisibleTo == "everyone" || m.VisibleToTeamIds.Any(teams.Contains))
            .OrderByDescending(m => m.UpdatedAt).ThenByDescending(Numeric)
            .ToList();
    }

    public static void Macro(Utf8JsonWriter w, MacroRecord m)
    {
        w.WriteStartObject();
        w.WriteString("type", "macro");
        w.WriteString("id", m.Id);
        w.WriteString("name", m.Name);
        if (m.Body is null)
        {
            w.WriteNull("body");
            w.WriteNull("body_text");
        }
        else
        {
            w.WriteString("body", Body(m.Body));
            w.WriteString("body_text", BodyText(m.Body));
        }

        w.WriteString("created_at", Iso(m.CreatedAt));
        w.WriteString("updated_at", Iso(m.UpdatedAt));
        w.WriteString("visible_to", m.VisibleTo);
        w.WriteStartArray("visible_to_team_ids");
        foreach (var team in m.VisibleToTeamIds)
        {
            w.WriteStringValue(team);
        }

        w.WriteEndArray();
        w.WriteStartArray("available_on");
        foreach (var surface in m.AvailableOn)
        {
            w.WriteStringValue(surface);
        }

        w.WriteEndArray();
        w.WriteEndObject();
    }

    /// <summary>The HTML body, each placeholder as &lt;attribute key=".." default=".."/&gt;, its default HTML-escaped (as the description says).</summary>
    public static string Body(string body) => Placeholder().Replace(body, m => m.Groups["default"].Success
        ? $"<attribute key=\"{m.Groups["key"].Value}\" default=\"{Html.Escape(WebUtility.HtmlDecode(m.Groups["default"].Value))}\"/>"
        : $"<attribute key=\"{m.Groups["key"].Value}\"/>");

    /// <summary>The body as text: paragraphs apart by a blank line, no markup, placeholders as {{key|fallback:"default"}}.</summary>
    public static string BodyText(string body)
    {
        var text = Placeholder().Replace(body, m => m.Groups["default"].Success
            ? $"{{{{{m.Groups["key"].Value}|fallback:\"{m.Groups["default"].Value}\"}}}}"
            : $"{{{{{m.Groups["key"].Value}}}}}");
        text = ParagraphBreak().Replace(text, "\n\n");
        return Html.PlainText(text);
    }

    private static string Iso(long seconds) =>
        DateTimeOffset.FromUnixTimeSeconds(seconds).UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture);

    private static long Numeric(MacroRecord m) => long.TryParse(m.Id, NumberStyles.None, CultureInfo.InvariantCulture, out var n) ? n : 0;

    /// <summary>The description's cursor: Base64 of a JSON array [updated_at, "id"], as its example "[1719493757.0, \"123\"]".</summary>
    private static string CursorOf(MacroRecord m) =>
        Convert.ToBase64String(Encoding.UTF8.GetBytes($"[{m.UpdatedAt.ToString(CultureInfo.InvariantCulture)}.0, \"{m.Id}\"]"));

    private static (long UpdatedAt, long Id) Cursor(string text)
    {
        try
        {
            using var doc = JsonDocument.Parse(Convert.FromBase64String(text));
            var items = doc.RootElement.EnumerateArray().ToList();
            if (items.Count == 2 && items[0].TryGetDouble(out var updated) && items[1].ValueKind == JsonValueKind.String
                && long.TryParse(items[1].GetString(), NumberStyles.None, CultureInfo.InvariantCulture, out var id))
            {
                return ((long)updated, id);
            }
        }
        catch (Exception e) when (e is FormatException or JsonException or InvalidOperationException)
        {
            // answered below, as any other cursor this list did not give
        }

        throw Invalid("Invalid starting_after cursor: pass pages.next.starting_after of the previous page", "starting_after");
    }

    private static ApiError Invalid(string message, string field) => new(400, "bad_request", message) { Code = "parameter_invalid", Field = field };

    /// <summary>{{key}} or {{key | fallback: 'x'}} (or "x"), with any spacing: Intercom's placeholder as a macro is written.</summary>
    [GeneratedRegex(@"\{\{\s*(?<key>[A-Za-z0-9_.\-]+)\s*(?:\|\s*fallback\s*:\s*(?<q>['""])(?<default>.*?)\k<q>\s*)?\}\}")]
    private static partial Regex Placeholder();

    [GeneratedRegex(@"</p>\s*<p(?:\s[^>]*)?>", RegexOptions.IgnoreCase)]
    private static partial Regex ParagraphBreak();
}
