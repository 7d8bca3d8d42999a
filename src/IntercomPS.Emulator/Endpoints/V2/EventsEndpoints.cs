using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Text.Json;
using System.Threading.Tasks;
using IntercomPS.Emulator.Storage;
using IntercomPS.Emulator.Auth;
using Microsoft.AspNetCore.Http;

namespace IntercomPS.Emulator.Endpoints.V2;

/// <summary>/events: submit a data event for a contact (202, no body) and list a contact's events or their summary.</summary>
internal static class EventsEndpoints
{
    private static readonly FieldSet SubmitFields = UnknownFields.Set("event_name", "created_at", "id", "user_id", "email", "metadata");

    public static async Task<IResult> SubmitAsync(HttpContext context)
    {
        var body = (await RequestBody.ReadAsync(context, SubmitFields))!.Value;
        var name = Input.String(body, "event_name");
        if (name is null || name.Trim().Length == 0)
        {
            throw new ApiError(400, "bad_request", "event_name is required") { Code = "parameter_not_found", Field = "event_name" };
        }

        var createdAt = Input.Timestamp(body, "created_at")
            ?? throw new ApiError(400, "bad_request", "created_at is required (a UNIX time)") { Code = "parameter_not_found", Field = "created_at" };
        var (id, userId, email) = (Input.String(body, "id"), Input.String(body, "user_id"), Input.String(body, "email"));
        if (id is null && userId is null && email is null)
        {
            throw new ApiError(400, "bad_request", "An event needs the contact's id, user_id or email") { Code = "parameter_not_found" };
        }

        var metadata = Metadata(body);
        var store = Caller.From(context).Store;
        var contact = await store.EventContactAsync(id, userId, email);
        await store.SubmitEventAsync(contact, name, createdAt, metadata);
        return Results.StatusCode(202);
    }

    private static readonly FieldSet SummariesFields = UnknownFields.Set(
        "user_id", "event_summaries.event_name", "event_summaries.count", "event_summaries.first", "event_summaries.last");

    /// <summary>
    /// POST /events/summaries {user_id, event_summaries: {event_name, count, first, last}}: events of one name that
    /// happened elsewhere, counted beside the contact's own; a second summary of that name replaces the first.
    /// </summary>
    public static async Task<IResult> SummariesAsync(HttpContext context)
    {
        var body = (await RequestBody.ReadAsync(context, SummariesFields))!.Value;
        var userId = Input.String(body, "user_id")
            ?? throw new ApiError(400, "bad_request", "user_id is required (the user's external id)") { Code = "parameter_not_found", Field = "user_id" };
        if (Input.Field(body, "event_summaries") is not { ValueKind: JsonValueKind.Object } given)
        {
            throw new ApiError(400, "bad_request", "event_summaries is required: an object {event_name, count, first, last}") { Code = "parameter_not_found", Field = "event_summaries" };
        }

        var name = Input.String(given, "event_name") is { Length: > 0 } named ? named
            : throw new ApiError(400, "bad_request", "event_summaries.event_name is required") { Code = "parameter_not_found", Field = "event_summaries.event_name" };
        var count = Input.Field(given, "count") is { ValueKind: JsonValueKind.Number } n && n.TryGetInt64(out var c) && c > 0 ? c
            : throw new ApiError(400, "bad_request", "event_summaries.count must be a whole number of at least 1") { Code = "parameter_invalid", Field = "event_summaries.count" };
        var first = Input.Timestamp(given, "first")
            ?? throw new ApiError(400, "bad_request", "event_summaries.first is required (a UNIX time)") { Code = "parameter_not_found", Field = "event_summaries.first" };
        var last = Input.Timestamp(given, "last") ?? first;
        if (last < first)
        {
            throw new ApiError(400, "bad_request", "event_summaries.last must not be before first") { Code = "parameter_invalid", Field = "event_summaries.last" };
        }

        var store = Caller.From(context).Store;
        var contact = await store.EventContactAsync(null, userId, null);
        await store.SubmitEventSummaryAsync(contact, name, count, first, last);
        return Results.Ok();
    }

    /// <summary>type=user and one of intercom_user_id, user_id, email; summary=true counts events by name.</summary>
    public static async Task<IResult> ListAsync(HttpContext context)
    {
        var query = context.Request.Query;
        if (Input.Query(query, "type") != "user")
        {
            throw new ApiError(400, "bad_request", "type=user is required") { Code = "parameter_invalid", Field = "type" };
        }

        var (id, userId, email) = (Input.Query(query, "intercom_user_id"), Input.Query(query, "user_id"), Input.Query(query, "email"));
        if (id is null && userId is null && email is null)
        {
            throw new ApiError(400, "bad_request", "One of intercom_user_id, user_id or email is required") { Code = "parameter_not_found" };
        }

        var summary = Input.Query(query, "summary") switch
        {
            null or "false" => false,
            "true" => true,
            var other => throw new ApiError(400, "bad_request", $"summary must be true or false, not '{other}'") { Code = "parameter_invalid", Field = "summary" },
        };
        var store = Caller.From(context).Store;
        var contact = await store.EventContactAsync(id, userId, email);
        var events = summary ? [] : await store.ListEventsAsync(contact);
        var summaries = summary ? await store.SummarizeEventsAsync(contact) : [];
        var user = contact.User;
        return Json.Ok(w =>
        {
            w.WriteStartObject();
            if (summary)
            {
                w.WriteString("type", "event.summary");
                w.WriteString("email", user.Email ?? "");
                w.WriteString("intercom_user_id", user.IntercomId);
                w.WriteString("user_id", user.UserId ?? "");
                w.WriteStartArray("events");
                foreach (var group in summaries)
                {
                    w.WriteStartObject();
                    w.WriteString("name", group.Name);
                    w.WriteString("first", Iso(group.First));
                    w.WriteString("last", Iso(group.Last));
                    w.WriteNumber("count", group.Count);
                    w.WriteString("description", "");
                    w.WriteEndObject();
                }

                w.WriteEndArray();
            }
            else
            {
                w.WriteString("type", "event.list");
                w.WriteStartArray("events");
                foreach (var e in events)
                {
                    w.WriteStartObject();
                    w.WriteString("type", "event");
                    w.WriteString("event_name", e.EventName);
                    w.WriteNumber("created_at", e.CreatedAt);
                    if (user.UserId is not null)
                    {
                        w.WriteString("user_id", user.UserId);
                    }

                    w.WriteString("intercom_user_id", user.IntercomId);
                    if (user.Email is { Length: > 0 })
                    {
                        w.WriteString("email", user.Email);
                    }

                    w.WritePropertyName("metadata");
                    w.WriteRawValue(e.Metadata, skipInputValidation: true);
                    w.WriteEndObject();
                }

                w.WriteEndArray();
                w.WriteStartObject("pages");
                w.WriteEndObject();
            }

            w.WriteEndObject();
        });
    }

    /// <summary>metadata: a flat object; its values are kept as sent (strings, numbers, booleans).</summary>
    private static string Metadata(JsonElement body)
    {
        if (Input.Field(body, "metadata") is not { } metadata)
        {
            return "{}";
        }

        if (metadata.ValueKind != JsonValueKind.Object || metadata.EnumerateObject().Any(p => p.Value.ValueKind is JsonValueKind.Object or JsonValueKind.Array))
        {
            throw new ApiError(400, "bad_request", "metadata must be an object of strings, numbers and booleans") { Code = "parameter_invalid", Field = "metadata" };
        }

        return metadata.GetRawText();
    }

    private static string Iso(long seconds) =>
        DateTimeOffset.FromUnixTimeSeconds(seconds).ToString("yyyy-MM-dd'T'HH:mm:ss.fffzzz", CultureInfo.InvariantCulture);
}
