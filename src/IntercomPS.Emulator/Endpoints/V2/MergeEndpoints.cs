using System;
using System.Collections.Generic;
using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Threading.Tasks;
using IntercomPS.Emulator.Auth;
using Microsoft.AspNetCore.Http;

namespace IntercomPS.Emulator.Endpoints.V2;

/// <summary>
/// POST /contacts/merge {from: a lead's id, into: a user's id}: answers the user as it is after the merge. In 2.16
/// (ApiModel.MergeDuplicatesOnly) only duplicates merge (the same email or phone) unless skip_duplicate_validation is true.
/// Each merge is remembered: 2.16's GET /contacts/{id}/merge_history lists the user's.
/// </summary>
internal static class MergeEndpoints
{
    private static readonly FieldSet MergeFields = UnknownFields.Set("from", "into");

    private static readonly FieldSet MergeFields216 = UnknownFields.Set("from", "into", "skip_duplicate_validation");

    public static async Task<IResult> MergeAsync(HttpContext context)
    {
        var duplicatesOnly = Face.VersionOf(context).Model.MergeDuplicatesOnly;
        var body = (await RequestBody.ReadAsync(context, duplicatesOnly ? MergeFields216 : MergeFields))!.Value;
        var skip = duplicatesOnly && Input.Bool(body, "skip_duplicate_validation") == true;
        var from = Input.String(body, "from") is { Length: > 0 } lead ? lead
            : throw new ApiError(400, "bad_request", "from is required (the lead's id)") { Code = "parameter_not_found", Field = "from" };
        var into = Input.String(body, "into") is { Length: > 0 } user ? user
            : throw new ApiError(400, "bad_request", "into is required (the user's id)") { Code = "parameter_not_found", Field = "into" };
        var caller = Caller.From(context);
        var merged = await caller.Store.MergeContactsAsync(from, into, duplicatesOnly && !skip);
        return Json.Ok(w => Writer.Contact(w, merged, caller.AppId));
    }

    /// <summary>
    /// 2.16's GET /contacts/{id}/merge_history?cursor&amp;per_page&amp;order: the merge_history_list of the contacts merged
    /// into the user, newest first unless order=asc; per_page 1 to 150 (50 by default). The cursor is opaque, as the
    /// description's example is (base64 JSON naming the last entry); one this did not give is a 400.
    /// </summary>
    public static async Task<IResult> HistoryAsync(HttpContext context)
    {
        var query = context.Request.Query;
        var perPage = ContactsEndpoints.PerPage(Input.Query(query, "per_page"));
        var ascending = Input.Query(query, "order") switch
        {
            null or "desc" => false,
            "asc" => true,
            var other => throw new ApiError(400, "bad_request", $"order must be asc or desc, not '{other}'") { Code = "parameter_invalid", Field = "order" },
        };
        var after = Input.Query(query, "cursor") is { } cursor ? Cursor(cursor) : (long?)null;
        var page = await Caller.From(context).Store.ListMergeHistoryAsync(RouteValues.Text(context, "id"), perPage, ascending, after);
        return Json.Ok(w =>
        {
            w.WriteStartObject();
            w.WriteString("type", "list");
            w.WriteStartArray("data");
            foreach (var entry in page.Entries)
            {
                w.WriteStartObject();
                w.WriteString("type", "merge_history");
                w.WriteString("source_contact_id", entry.SourceContactId);
                w.WriteString("source_contact_role", entry.SourceRole);
                w.WriteNumber("merged_at", entry.MergedAt);
                w.WriteEndObject();
            }

            w.WriteEndArray();
            if (page.NextAfter is { } next)
            {
                // Absent on the last page, as the schema says.
                w.WriteString("next_cursor", Convert.ToBase64String(Encoding.UTF8.GetBytes($$"""{"id":"{{next.ToString(CultureInfo.InvariantCulture)}}"}""")));
            }

            w.WriteBoolean("has_more", page.NextAfter is not null);
            w.WriteEndObject();
        });
    }

    /// <summary>The entry id a next_cursor names.</summary>
    private static long Cursor(string cursor)
    {
        try
        {
            using var named = JsonDocument.Parse(Convert.FromBase64String(cursor));
            if (named.RootElement.ValueKind == JsonValueKind.Object && named.RootElement.TryGetProperty("id", out var id) && id.ValueKind == JsonValueKind.String
                && long.TryParse(id.GetString(), NumberStyles.None, CultureInfo.InvariantCulture, out var after) && after > 0)
            {
                return after;
            }
        }
        catch (Exception e) when (e is FormatException or JsonException)
        {
        }

        throw new ApiError(400, "bad_request", "cursor is not valid: pass the next_cursor of a previous page") { Code = "parameter_invalid", Field = "cursor" };
    }
}
