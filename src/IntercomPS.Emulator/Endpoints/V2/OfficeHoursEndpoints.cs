using System;
using System.Collections.Generic;
using System.Globalization;
using System.Text.Json;
using System.Threading.Tasks;
using IntercomPS.Emulator.Auth;
using IntercomPS.Emulator.Model;
using Microsoft.AspNetCore.Http;

namespace IntercomPS.Emulator.Endpoints.V2;

/// <summary>
/// Office hours schedules and their exceptions (2.16 on): listed (whole, no pages, as the description's lists),
/// made (201), read, changed (only what is given) and deleted, a schedule taking its exceptions with it. The rules
/// and their 422s are <see cref="OfficeHoursRules"/>; a field of the wrong type is the same 422, naming it.
/// </summary>
internal static class OfficeHoursEndpoints
{
    /// <summary>create_ and update_office_hours_schedule_request (the same fields), each interval the time interval schema's, day_of_week (read-only) ignored.</summary>
    private static readonly FieldSet ScheduleFields = UnknownFields.Set(
        "name", "time_zone_name", "time_intervals.start_minute", "time_intervals.end_minute", "time_intervals.day_of_week");

    /// <summary>create_ and update_office_hours_exception_request (the same fields).</summary>
    private static readonly FieldSet ExceptionFields = UnknownFields.Set(
        "exception_date", "exception_type", "name", "recurring_annually", "time_intervals.start_minute", "time_intervals.end_minute", "time_intervals.day_of_week");

    public static async Task<IResult> ListSchedulesAsync(HttpContext context)
    {
        var schedules = await Store(context).ListOfficeHoursSchedulesAsync();
        return Json.Ok(w => List(w, "office_hours_schedule.list", schedules, Schedule));
    }

    public static async Task<IResult> GetScheduleAsync(HttpContext context)
    {
        var schedule = await Store(context).GetOfficeHoursScheduleAsync(RouteValues.Text(context, "id"));
        return Json.Ok(w => Schedule(w, schedule));
    }

    public static async Task<IResult> CreateScheduleAsync(HttpContext context)
    {
        var body = (await RequestBody.ReadAsync(context, ScheduleFields))!.Value;
        var schedule = await Store(context).CreateOfficeHoursScheduleAsync(ScheduleInput(body));
        return Json.Result(201, w => Schedule(w, schedule));
    }

    public static async Task<IResult> UpdateScheduleAsync(HttpContext context)
    {
        var body = await RequestBody.ReadAsync(context, ScheduleFields, required: false);
        var input = body is { } given ? ScheduleInput(given) : new(null, null, null);
        var schedule = await Store(context).UpdateOfficeHoursScheduleAsync(RouteValues.Text(context, "id"), input);
        return Json.Ok(w => Schedule(w, schedule));
    }

    public static async Task<IResult> DeleteScheduleAsync(HttpContext context)
    {
        var id = await Store(context).DeleteOfficeHoursScheduleAsync(RouteValues.Text(context, "id"));
        return Deleted(id, "office_hours_schedule");
    }

    public static async Task<IResult> ListExceptionsAsync(HttpContext context)
    {
        var exceptions = await Store(context).ListOfficeHoursExceptionsAsync(ScheduleId(context));
        return Json.Ok(w => List(w, "office_hours_exception.list", exceptions, Exception));
    }

    public static async Task<IResult> GetExceptionAsync(HttpContext context)
    {
        var exception = await Store(context).GetOfficeHoursExceptionAsync(ScheduleId(context), RouteValues.Text(context, "id"));
        return Json.Ok(w => Exception(w, exception));
    }

    public static async Task<IResult> CreateExceptionAsync(HttpContext context)
    {
        var body = (await RequestBody.ReadAsync(context, ExceptionFields))!.Value;
        var exception = await Store(context).CreateOfficeHoursExceptionAsync(ScheduleId(context), ExceptionInput(body));
        return Json.Result(201, w => Exception(w, exception));
    }

    public static async Task<IResult> UpdateExceptionAsync(HttpContext context)
    {
        var body = await RequestBody.ReadAsync(context, ExceptionFields, required: false);
        var input = body is { } given ? ExceptionInput(given) : new(null, null, null, null, false, null);
        var exception = await Store(context).UpdateOfficeHoursExceptionAsync(ScheduleId(context), RouteValues.Text(context, "id"), input);
        return Json.Ok(w => Exception(w, exception));
    }

    public static async Task<IResult> DeleteExceptionAsync(HttpContext context)
    {
        var id = await Store(context).DeleteOfficeHoursExceptionAsync(ScheduleId(context), RouteValues.Text(context, "id"));
        return Deleted(id, "office_hours_exception");
    }

    private static OfficeHoursScheduleInput ScheduleInput(JsonElement body) =>
        new(Text(body, "name"), Text(body, "time_zone_name"), Intervals(body));

    private static OfficeHoursExceptionInput ExceptionInput(JsonElement body)
    {
        DateOnly? date = Text(body, "exception_date") is { } text
            ? DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var d)
                ? d
                : throw OfficeHoursRules.Invalid($"exception_date must be a date as YYYY-MM-DD (such as 2026-12-25), not '{text}'")
            : null;
        var recurring = Input.Field(body, "recurring_annually") switch
        {
            null => (bool?)null,
            { ValueKind: JsonValueKind.True } => true,
            { ValueKind: JsonValueKind.False } => false,
            { } v => throw OfficeHoursRules.Invalid($"recurring_annually must be a boolean, not {Input.Kind(v)}"),
        };
        return new(date, Text(body, "exception_type"), Text(body, "name"), Intervals(body), body.TryGetProperty("time_intervals", out _), recurring);
    }

    private static string? Text(JsonElement body, string name) => Input.Field(body, name) switch
    {
        null => null,
        { ValueKind: JsonValueKind.String } v => v.GetString(),
        { } v => throw OfficeHoursRules.Invalid($"{name} must be a string, not {Input.Kind(v)}"),
    };

    /// <summary>time_intervals: an array of {start_minute, end_minute}, whole numbers; null when not given.</summary>
    private static List<OfficeHoursInterval>? Intervals(JsonElement body)
    {
        if (Input.Field(body, "time_intervals") is not { } value)
        {
            return null;
        }

        if (value.ValueKind != JsonValueKind.Array)
        {
            throw OfficeHoursRules.Invalid($"time_intervals must be an array of {{start_minute, end_minute}}, not {Input.Kind(value)}");
        }

        var intervals = new List<OfficeHoursInterval>();
        foreach (var item in value.EnumerateArray())
        {
            if (item.ValueKind != JsonValueKind.Object)
            {
                throw OfficeHoursRules.Invalid($"time_intervals must hold objects {{start_minute, end_minute}}, not {Input.Kind(item)}");
            }

            intervals.Add(new(Minute(item, "start_minute"), Minute(item, "end_minute")));
        }

        return intervals;
    }

    private static int Minute(JsonElement interval, string name) => Input.Field(interval, name) switch
    {
        null => throw OfficeHoursRules.Invalid($"Each time interval needs its {name} (a whole number of minutes)"),
        { ValueKind: JsonValueKind.Number } v when v.TryGetInt32(out var minute) => minute,
        { } v => throw OfficeHoursRules.Invalid($"{name} must be a whole number of minutes, not {Input.Describe(v)}"),
    };

    private static string ScheduleId(HttpContext context) => RouteValues.Text(context, "office_hours_schedule_id");

    private static void List<T>(Utf8JsonWriter w, string type, IReadOnlyList<T> items, Action<Utf8JsonWriter, T> write)
    {
        w.WriteStartObject();
        w.WriteString("type", type);
        w.WriteStartArray("data");
        foreach (var item in items)
        {
            write(w, item);
        }

        w.WriteEndArray();
        w.WriteEndObject();
    }

    /// <summary>A schedule in the field order of the description's examples; each interval's day_of_week is the day its start falls on.</summary>
    private static void Schedule(Utf8JsonWriter w, OfficeHoursScheduleRecord s)
    {
        w.WriteStartObject();
        w.WriteString("type", "office_hours_schedule");
        w.WriteString("id", s.Id);
        w.WriteString("name", s.Name);
        w.WriteString("time_zone_name", s.TimeZoneName);
        w.WriteStartArray("time_intervals");
        foreach (var i in s.Intervals)
        {
            Interval(w, i, OfficeHoursScheduleRecord.DayOf(i));
        }

        w.WriteEndArray();
        w.WriteBoolean("twenty_four_seven", s.TwentyFourSeven);
        w.WriteNumber("created_at", s.CreatedAt);
        w.WriteNumber("updated_at", s.UpdatedAt);
        w.WriteEndObject();
    }

    /// <summary>An exception as the description's examples: time_intervals null when closed, each interval's day_of_week the date's.</summary>
    private static void Exception(Utf8JsonWriter w, OfficeHoursExceptionRecord e)
    {
        w.WriteStartObject();
        w.WriteString("type", "office_hours_exception");
        w.WriteString("id", e.Id);
        w.WriteString("office_hours_schedule_id", e.ScheduleId);
        w.WriteString("exception_date", e.DateText);
        w.WriteString("exception_type", e.Type);
        if (e.Name is { } name)
        {
            w.WriteString("name", name);
        }
        else
        {
            w.WriteNull("name");
        }

        if (e.Intervals is { } intervals)
        {
            w.WriteStartArray("time_intervals");
            foreach (var i in intervals)
            {
                Interval(w, i, e.DayOfWeek);
            }

            w.WriteEndArray();
        }
        else
        {
            w.WriteNull("time_intervals");
        }

        w.WriteBoolean("recurring_annually", e.RecurringAnnually);
        w.WriteNumber("created_at", e.CreatedAt);
        w.WriteNumber("updated_at", e.UpdatedAt);
        w.WriteEndObject();
    }

    private static void Interval(Utf8JsonWriter w, OfficeHoursInterval i, int day)
    {
        w.WriteStartObject();
        w.WriteNumber("start_minute", i.StartMinute);
        w.WriteNumber("end_minute", i.EndMinute);
        w.WriteNumber("day_of_week", day);
        w.WriteEndObject();
    }

    private static IResult Deleted(string id, string type) => Json.Ok(w =>
    {
        w.WriteStartObject();
        w.WriteString("id", id);
        w.WriteString("object", type);
        w.WriteBoolean("deleted", true);
        w.WriteEndObject();
    });

    private static IAppStore Store(HttpContext context) => Caller.From(context).Store;
}
