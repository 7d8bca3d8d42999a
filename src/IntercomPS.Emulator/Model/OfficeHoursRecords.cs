using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;

namespace IntercomPS.Emulator.Model;

/// <summary>One open interval: minutes from Monday 00:00 (a schedule's) or from midnight of the exception's date.</summary>
internal sealed record OfficeHoursInterval(int StartMinute, int EndMinute);

/// <summary>An office hours schedule (2.16): its name, IANA time zone and weekly open intervals, in start order.</summary>
internal sealed record OfficeHoursScheduleRecord(
    string Id, string Name, string TimeZoneName, IReadOnlyList<OfficeHoursInterval> Intervals, long CreatedAt, long UpdatedAt)
{
    /// <summary>Open all week: the intervals, joined where they touch, cover Monday 00:00 to the week's end.</summary>
    public bool TwentyFourSeven
    {
        get
        {
            var reached = 0;
            foreach (var i in Intervals)
            {
                if (i.StartMinute > reached)
                {
                    return false;
                }

                reached = Math.Max(reached, i.EndMinute);
            }

            return reached >= OfficeHoursRules.MinutesInWeek;
        }
    }

    /// <summary>The day an interval falls on (0 = Monday): the day its start is in.</summary>
    public static int DayOf(OfficeHoursInterval i) => i.StartMinute / OfficeHoursRules.MinutesInDay;

    public bool Same(OfficeHoursScheduleRecord other) =>
        Name == other.Name && TimeZoneName == other.TimeZoneName && Intervals.SequenceEqual(other.Intervals);
}

/// <summary>
/// An office hours exception (2.16): a date of a schedule that is closed, or open only in its own intervals
/// (custom_hours; null when closed), optionally named and repeated every year.
/// </summary>
internal sealed record OfficeHoursExceptionRecord(
    string Id, string ScheduleId, DateOnly Date, string Type, string? Name, IReadOnlyList<OfficeHoursInterval>? Intervals,
    bool RecurringAnnually, long CreatedAt, long UpdatedAt)
{
    public string DateText => Date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    /// <summary>The description's day_of_week of an exception's interval: the date's, 0 = Monday.</summary>
    public int DayOfWeek => ((int)Date.DayOfWeek + 6) % 7;

    public bool Same(OfficeHoursExceptionRecord other) =>
        Date == other.Date && Type == other.Type && Name == other.Name && RecurringAnnually == other.RecurringAnnually &&
        (Intervals ?? []).SequenceEqual(other.Intervals ?? []) && (Intervals is null) == (other.Intervals is null);
}

/// <summary>A schedule write: what is null is not given.</summary>
internal sealed record OfficeHoursScheduleInput(string? Name, string? TimeZoneName, IReadOnlyList<OfficeHoursInterval>? Intervals);

/// <summary>An exception write: what is null is not given (time_intervals given as JSON null is <see cref="IntervalsGiven"/> with no intervals).</summary>
internal sealed record OfficeHoursExceptionInput(
    DateOnly? Date, string? Type, string? Name, IReadOnlyList<OfficeHoursInterval>? Intervals, bool IntervalsGiven, bool? RecurringAnnually);

/// <summary>
/// The rules of office hours writes, in one place for every store, each refusal the description's 422 (data_invalid)
/// in words that say what to send: a schedule needs its name, a time zone the service knows (IANA) and its intervals
/// (minutes 0 to 10080 from Monday 00:00, on 15-minute boundaries, each ending after it starts, none overlapping);
/// an exception needs its date and type, custom_hours its intervals (minutes 0 to 1440 of that date), closed none, and
/// a schedule has one exception a date.
/// </summary>
internal static class OfficeHoursRules
{
    public const int MinutesInDay = 1440;
    public const int MinutesInWeek = 7 * MinutesInDay;
    public const int Step = 15;

    public static readonly string[] Types = ["closed", "custom_hours"];

    public static OfficeHoursScheduleRecord Schedule(string id, OfficeHoursScheduleRecord? existing, OfficeHoursScheduleInput input, long now)
    {
        if (input.Name is { } n && n.Trim().Length == 0)
        {
            throw Invalid("name must not be blank");
        }

        if (input.TimeZoneName is { } zone && !KnownZone(zone))
        {
            throw Invalid($"time_zone_name must be an IANA time zone (such as America/New_York), not '{zone}'");
        }

        var intervals = input.Intervals is { } given ? Intervals(given, MinutesInWeek, "from the start of the week (Monday 00:00)") : null;
        if (existing is null)
        {
            return new(id,
                input.Name ?? throw Invalid("name is required: the name of the office hours schedule"),
                input.TimeZoneName ?? throw Invalid("time_zone_name is required: the IANA time zone the hours are in (such as America/New_York)"),
                intervals ?? throw Invalid("time_intervals is required: the open intervals ({start_minute, end_minute}) of the week"),
                now, now);
        }

        var changed = existing with
        {
            Name = input.Name ?? existing.Name,
            TimeZoneName = input.TimeZoneName ?? existing.TimeZoneName,
            Intervals = intervals ?? existing.Intervals,
        };
        return changed.Same(existing) ? existing : changed with { UpdatedAt = now };
    }

    /// <summary>
    /// The exception written: <paramref name="taken"/> says whether another exception of the schedule has that date. A
    /// change to closed drops the intervals; a change to custom_hours needs them, given or kept.
    /// </summary>
    public static OfficeHoursExceptionRecord Exception(
        string id, string scheduleId, OfficeHoursExceptionRecord? existing, OfficeHoursExceptionInput input, long now, Func<DateOnly, bool> taken)
    {
        if (input.Type is { } t && !Types.Contains(t))
        {
            throw Invalid($"exception_type must be closed or custom_hours, not '{t}'");
        }

        var date = input.Date ?? existing?.Date ?? throw Invalid("exception_date is required: the date of the exception (YYYY-MM-DD)");
        var type = input.Type ?? existing?.Type ?? throw Invalid("exception_type is required: closed or custom_hours");
        var given = input.Intervals is { Count: > 0 } list ? Intervals(list, MinutesInDay, "from midnight of exception_date") : null;
        IReadOnlyList<OfficeHoursInterval>? intervals;
        if (type == "closed")
        {
            if (given is not null)
            {
                throw Invalid("A closed exception has no time_intervals: omit them, or make it custom_hours");
            }

            intervals = null;
        }
        else
        {
            intervals = input.IntervalsGiven ? given : given ?? existing?.Intervals;
            if (intervals is null)
            {
                throw Invalid("A custom_hours exception needs time_intervals: the hours open that day ({start_minute, end_minute})");
            }
        }

        if (date != existing?.Date && taken(date))
        {
            throw Invalid($"The schedule already has an exception on {date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)}");
        }

        if (existing is null)
        {
            return new(id, scheduleId, date, type, input.Name, intervals, input.RecurringAnnually ?? false, now, now);
        }

        var changed = existing with
        {
            Date = date,
            Type = type,
            Name = input.Name ?? existing.Name,
            Intervals = intervals,
            RecurringAnnually = input.RecurringAnnually ?? existing.RecurringAnnually,
        };
        return changed.Same(existing) ? existing : changed with { UpdatedAt = now };
    }

    /// <summary>The 422 every refusal here is, in the description's code.</summary>
    public static ApiError Invalid(string message) => new(422, "unprocessable_entity", message) { Code = "data_invalid" };

    public static ApiError NotFound() => new(404, "not_found", "Object not found") { Code = "not_found" };

    // The system's time zone database decides (IANA names on Linux and macOS); a name without a region ("Eastern
    // Standard Time", Windows' own) is no IANA name whatever the system knows.
    private static bool KnownZone(string zone) =>
        (zone.Contains('/', StringComparison.Ordinal) || zone == "UTC") && TimeZoneInfo.TryFindSystemTimeZoneById(zone, out _);

    private static IReadOnlyList<OfficeHoursInterval> Intervals(IReadOnlyList<OfficeHoursInterval> given, int max, string from)
    {
        foreach (var i in given)
        {
            if (i.StartMinute < 0 || i.EndMinute > max || i.EndMinute <= i.StartMinute)
            {
                throw Invalid($"Each time interval must start before it ends, within minutes 0 to {max} {from}, not {i.StartMinute}-{i.EndMinute}");
            }

            if (i.StartMinute % Step != 0 || i.EndMinute % Step != 0)
            {
                throw Invalid($"start_minute and end_minute must be on a 15-minute boundary, not {i.StartMinute}-{i.EndMinute}");
            }
        }

        var sorted = given.OrderBy(i => i.StartMinute).ToList();
        for (var k = 1; k < sorted.Count; k++)
        {
            if (sorted[k].StartMinute < sorted[k - 1].EndMinute)
            {
                throw Invalid($"Time intervals must not overlap: {sorted[k - 1].StartMinute}-{sorted[k - 1].EndMinute} and {sorted[k].StartMinute}-{sorted[k].EndMinute}");
            }
        }

        return sorted;
    }
}
