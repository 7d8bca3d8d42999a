using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Text.Json;
using System.Threading.Tasks;
using IntercomPS.Emulator.Model;
using Microsoft.Data.Sqlite;

namespace IntercomPS.Emulator.Storage;

/// <summary>
/// Office hours schedules and their exceptions (2.16): one row each, the intervals a JSON array of [start, end]. The
/// rules of a write are <see cref="OfficeHoursRules"/>; this keeps the rows. An exception belongs to its schedule
/// (a path naming it under another schedule finds nothing) and goes with it.
/// </summary>
internal sealed partial class AppStore
{
    private const string ScheduleColumns = "id, name, time_zone_name, time_intervals, created_at, updated_at";

    private const string ExceptionColumns = "id, schedule_id, exception_date, exception_type, name, time_intervals, recurring_annually, created_at, updated_at";

    public Task<IReadOnlyList<OfficeHoursScheduleRecord>> ListOfficeHoursSchedulesAsync() => Task.FromResult<IReadOnlyList<OfficeHoursScheduleRecord>>(db.Read(s =>
        s.Query($"SELECT {ScheduleColumns} FROM office_hours_schedules WHERE app = $app ORDER BY id", ReadSchedule, ("$app", app))));

    public Task<OfficeHoursScheduleRecord> GetOfficeHoursScheduleAsync(string id) =>
        Task.FromResult(db.Read(s => ScheduleById(s, id) ?? throw OfficeHoursRules.NotFound()));

    public Task<OfficeHoursScheduleRecord> CreateOfficeHoursScheduleAsync(OfficeHoursScheduleInput input) => db.WriteAsync(s =>
    {
        var schedule = OfficeHoursRules.Schedule("0", null, input, Now);
        var id = s.Scalar<long>("""
            INSERT INTO office_hours_schedules (app, name, time_zone_name, time_intervals, created_at, updated_at)
            VALUES ($app, $name, $zone, $intervals, $created, $updated) RETURNING id
            """, ("$app", app), ("$name", schedule.Name), ("$zone", schedule.TimeZoneName), ("$intervals", IntervalsJson(schedule.Intervals)),
            ("$created", schedule.CreatedAt), ("$updated", schedule.UpdatedAt));
        return ScheduleById(s, IdText(id))!;
    });

    public Task<OfficeHoursScheduleRecord> UpdateOfficeHoursScheduleAsync(string id, OfficeHoursScheduleInput input) => db.WriteAsync(s =>
    {
        var existing = ScheduleById(s, id) ?? throw OfficeHoursRules.NotFound();
        var schedule = OfficeHoursRules.Schedule(existing.Id, existing, input, Now);
        s.Execute("UPDATE office_hours_schedules SET name = $name, time_zone_name = $zone, time_intervals = $intervals, updated_at = $updated WHERE app = $app AND id = $id",
            ("$app", app), ("$id", long.Parse(existing.Id, CultureInfo.InvariantCulture)), ("$name", schedule.Name), ("$zone", schedule.TimeZoneName),
            ("$intervals", IntervalsJson(schedule.Intervals)), ("$updated", schedule.UpdatedAt));
        return schedule;
    });

    public Task<string> DeleteOfficeHoursScheduleAsync(string id) => db.WriteAsync(s =>
    {
        var schedule = ScheduleById(s, id) ?? throw OfficeHoursRules.NotFound();
        s.Execute("DELETE FROM office_hours_exceptions WHERE schedule_id = $id; DELETE FROM office_hours_schedules WHERE app = $app AND id = $id",
            ("$app", app), ("$id", long.Parse(schedule.Id, CultureInfo.InvariantCulture)));
        return schedule.Id;
    });

    public Task<IReadOnlyList<OfficeHoursExceptionRecord>> ListOfficeHoursExceptionsAsync(string scheduleId) => Task.FromResult<IReadOnlyList<OfficeHoursExceptionRecord>>(db.Read(s =>
    {
        var schedule = ScheduleById(s, scheduleId) ?? throw OfficeHoursRules.NotFound();
        return s.Query($"SELECT {ExceptionColumns} FROM office_hours_exceptions WHERE schedule_id = $schedule ORDER BY exception_date, id", ReadException,
            ("$schedule", long.Parse(schedule.Id, CultureInfo.InvariantCulture)));
    }));

    public Task<OfficeHoursExceptionRecord> GetOfficeHoursExceptionAsync(string scheduleId, string id) =>
        Task.FromResult(db.Read(s => ExceptionById(s, scheduleId, id)));

    public Task<OfficeHoursExceptionRecord> CreateOfficeHoursExceptionAsync(string scheduleId, OfficeHoursExceptionInput input) => db.WriteAsync(s =>
    {
        var schedule = ScheduleById(s, scheduleId) ?? throw OfficeHoursRules.NotFound();
        var exception = OfficeHoursRules.Exception("0", schedule.Id, null, input, Now, date => DateTaken(s, schedule.Id, date));
        var id = s.Scalar<long>($"""
            INSERT INTO office_hours_exceptions (schedule_id, exception_date, exception_type, name, time_intervals, recurring_annually, created_at, updated_at)
            VALUES ($schedule, $date, $type, $name, $intervals, $recurring, $created, $updated) RETURNING id
            """, [.. ExceptionArgs(exception), ("$created", exception.CreatedAt)]);
        return ExceptionById(s, schedule.Id, IdText(id));
    });

    public Task<OfficeHoursExceptionRecord> UpdateOfficeHoursExceptionAsync(string scheduleId, string id, OfficeHoursExceptionInput input) => db.WriteAsync(s =>
    {
        var existing = ExceptionById(s, scheduleId, id);
        var exception = OfficeHoursRules.Exception(existing.Id, existing.ScheduleId, existing, input, Now, date => DateTaken(s, existing.ScheduleId, date));
        s.Execute("""
            UPDATE office_hours_exceptions SET exception_date = $date, exception_type = $type, name = $name, time_intervals = $intervals,
            recurring_annually = $recurring, updated_at = $updated WHERE schedule_id = $schedule AND id = $id
            """, [.. ExceptionArgs(exception), ("$id", long.Parse(existing.Id, CultureInfo.InvariantCulture))]);
        return exception;
    });

    public Task<string> DeleteOfficeHoursExceptionAsync(string scheduleId, string id) => db.WriteAsync(s =>
    {
        var exception = ExceptionById(s, scheduleId, id);
        s.Execute("DELETE FROM office_hours_exceptions WHERE id = $id", ("$id", long.Parse(exception.Id, CultureInfo.InvariantCulture)));
        return exception.Id;
    });

    private static (string, object?)[] ExceptionArgs(OfficeHoursExceptionRecord e) =>
    [
        ("$schedule", long.Parse(e.ScheduleId, CultureInfo.InvariantCulture)), ("$date", e.DateText), ("$type", e.Type), ("$name", e.Name),
        ("$intervals", e.Intervals is null ? null : IntervalsJson(e.Intervals)), ("$recurring", e.RecurringAnnually), ("$updated", e.UpdatedAt),
    ];

    private static bool DateTaken(DbSession s, string scheduleId, DateOnly date) =>
        s.Scalar<long>("SELECT COUNT(*) FROM office_hours_exceptions WHERE schedule_id = $schedule AND exception_date = $date",
            ("$schedule", long.Parse(scheduleId, CultureInfo.InvariantCulture)), ("$date", date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture))) > 0;

    private OfficeHoursScheduleRecord? ScheduleById(DbSession s, string id) => PositiveId(id) is { } numeric
        ? s.First($"SELECT {ScheduleColumns} FROM office_hours_schedules WHERE app = $app AND id = $id", ReadSchedule, ("$app", app), ("$id", numeric))
        : null;

    /// <summary>The exception, of that schedule of this app, else the 404 (the schedule's, when that is what is missing).</summary>
    private OfficeHoursExceptionRecord ExceptionById(DbSession s, string scheduleId, string id)
    {
        var schedule = ScheduleById(s, scheduleId) ?? throw OfficeHoursRules.NotFound();
        return (PositiveId(id) is { } numeric
            ? s.First($"SELECT {ExceptionColumns} FROM office_hours_exceptions WHERE schedule_id = $schedule AND id = $id", ReadException,
                ("$schedule", long.Parse(schedule.Id, CultureInfo.InvariantCulture)), ("$id", numeric))
            : null) ?? throw OfficeHoursRules.NotFound();
    }

    private static string IntervalsJson(IReadOnlyList<OfficeHoursInterval> intervals) =>
        JsonSerializer.Serialize(intervals.Select(i => new[] { i.StartMinute, i.EndMinute }).ToArray());

    private static IReadOnlyList<OfficeHoursInterval> ReadIntervals(string json) =>
        JsonSerializer.Deserialize<int[][]>(json)!.Select(p => new OfficeHoursInterval(p[0], p[1])).ToList();

    private static OfficeHoursScheduleRecord ReadSchedule(SqliteDataReader r) =>
        new(IdText(r.GetInt64(0)), r.GetString(1), r.GetString(2), ReadIntervals(r.GetString(3)), r.GetInt64(4), r.GetInt64(5));

    private static OfficeHoursExceptionRecord ReadException(SqliteDataReader r) => new(
        IdText(r.GetInt64(0)), IdText(r.GetInt64(1)), DateOnly.ParseExact(r.GetString(2), "yyyy-MM-dd", CultureInfo.InvariantCulture), r.GetString(3),
        Text(r, 4), r.IsDBNull(5) ? null : ReadIntervals(r.GetString(5)), r.GetBoolean(6), r.GetInt64(7), r.GetInt64(8));
}
