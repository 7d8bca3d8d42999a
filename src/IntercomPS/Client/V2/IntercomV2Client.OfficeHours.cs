using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Net.Http;
using System.Text.Json;
using System.Text.Json.Serialization;
using System.Threading;
using System.Threading.Tasks;
using IntercomPS.Json;

namespace IntercomPS.Client.V2
{
    /// <summary>Office hours schedules and their exceptions (Intercom-Version 2.16 on).</summary>
    public sealed partial class IntercomV2Client : IOfficeHours
    {
        private const string Schedules = "office_hours_schedules";

        public async Task<OfficeHours[]> ListOfficeHoursAsync(CancellationToken cancellationToken = default) =>
            ((await SendAsync(HttpMethod.Get, Schedules, null, V2JsonContext.Default.OfficeHoursScheduleList, idempotent: true, cancellationToken).ConfigureAwait(false)).Data
                ?? Array.Empty<OfficeHoursScheduleObject>()).Where(schedule => schedule is not null).Select(schedule => schedule.ToOfficeHours()).ToArray();

        public async Task<OfficeHours> GetOfficeHoursAsync(string id, CancellationToken cancellationToken = default) =>
            (await SendAsync(HttpMethod.Get, SchedulePath(id), null, V2JsonContext.Default.OfficeHoursScheduleObject, idempotent: true, cancellationToken)
                .ConfigureAwait(false)).ToOfficeHours();

        public async Task<OfficeHours> FindOfficeHoursAsync(string nameOrId, CancellationToken cancellationToken = default)
        {
            var wanted = (nameOrId ?? string.Empty).Trim();
            if (wanted.Length == 0) throw new ArgumentException("Name the office hours schedule by its name or Id (Get-IntercomOfficeHours lists them).");
            var schedules = await ListOfficeHoursAsync(cancellationToken).ConfigureAwait(false);
            if (schedules.FirstOrDefault(schedule => schedule.Id == wanted) is { } byId) return byId;
            var named = schedules.Where(schedule => string.Equals(schedule.Name, wanted, StringComparison.OrdinalIgnoreCase)).ToArray();
            if (named.Length == 1) return named[0];
            if (named.Length > 1)
                throw new ArgumentException($"{named.Length} office hours schedules are named '{wanted}' (Ids {string.Join(", ", named.Select(schedule => schedule.Id))}): name it by its Id.");
            throw new IntercomLookupException("GET", new Uri(BaseUri, Schedules), IntercomApiException.NotFoundType,
                $"No office hours schedule is named '{wanted}'. " + (schedules.Length == 0
                    ? "The workspace has none."
                    : $"The workspace's are {string.Join(", ", schedules.Select(schedule => $"'{schedule.Name}'"))} (Get-IntercomOfficeHours lists them)."));
        }

        public async Task<OfficeHours> CreateOfficeHoursAsync(string name, string timeZone, IReadOnlyList<OfficeHoursSpan> hours, CancellationToken cancellationToken = default)
        {
            if (string.IsNullOrWhiteSpace(name)) throw new ArgumentException("An office hours schedule needs a name.");
            if (string.IsNullOrWhiteSpace(timeZone)) throw new ArgumentException("An office hours schedule needs a time zone (an IANA name such as Europe/Dublin).");
            if (hours is null) throw new ArgumentNullException(nameof(hours));
            return (await SendAsync(HttpMethod.Post, Schedules, writer => WriteSchedule(writer, name, timeZone, hours),
                V2JsonContext.Default.OfficeHoursScheduleObject, idempotent: false, cancellationToken).ConfigureAwait(false)).ToOfficeHours();
        }

        public async Task<OfficeHours> UpdateOfficeHoursAsync(string id, string? name, string? timeZone, IReadOnlyList<OfficeHoursSpan>? hours, CancellationToken cancellationToken = default) =>
            (await SendAsync(HttpMethod.Put, SchedulePath(id), writer => WriteSchedule(writer, name, timeZone, hours),
                V2JsonContext.Default.OfficeHoursScheduleObject, idempotent: true, cancellationToken).ConfigureAwait(false)).ToOfficeHours();

        public async Task<string> DeleteOfficeHoursAsync(string id, CancellationToken cancellationToken = default) =>
            (await SendAsync(HttpMethod.Delete, SchedulePath(id), null, V2JsonContext.Default.DeletedObject, idempotent: false, cancellationToken).ConfigureAwait(false)).Id ?? id.Trim();

        public async Task<OfficeHoursException[]> ListOfficeHoursExceptionsAsync(string scheduleId, CancellationToken cancellationToken = default) =>
            ((await SendAsync(HttpMethod.Get, ExceptionsPath(scheduleId), null, V2JsonContext.Default.OfficeHoursExceptionList, idempotent: true, cancellationToken)
                .ConfigureAwait(false)).Data ?? Array.Empty<OfficeHoursExceptionObject>()).Where(exception => exception is not null).Select(exception => exception.ToException()).ToArray();

        public async Task<OfficeHoursException> AddOfficeHoursExceptionAsync(string scheduleId, DateTime date, string? name, IReadOnlyList<OfficeHoursSpan> hours, bool recurring,
            CancellationToken cancellationToken = default)
        {
            if (hours is null) throw new ArgumentNullException(nameof(hours));
            return (await SendAsync(HttpMethod.Post, ExceptionsPath(scheduleId), writer =>
            {
                writer.WriteStartObject();
                writer.WriteString("exception_date", date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
                writer.WriteString("exception_type", hours.Count == 0 ? "closed" : "custom_hours");
                if (!string.IsNullOrEmpty(name)) writer.WriteString("name", name);
                if (hours.Count > 0) WriteSpans(writer, hours);
                writer.WriteBoolean("recurring_annually", recurring);
                writer.WriteEndObject();
            }, V2JsonContext.Default.OfficeHoursExceptionObject, idempotent: false, cancellationToken).ConfigureAwait(false)).ToException();
        }

        public async Task<string> DeleteOfficeHoursExceptionAsync(string scheduleId, string id, CancellationToken cancellationToken = default) =>
            (await SendAsync(HttpMethod.Delete, ExceptionsPath(scheduleId) + "/" + Number(id, "An office hours exception's Id"), null, V2JsonContext.Default.DeletedObject,
                idempotent: false, cancellationToken).ConfigureAwait(false)).Id ?? id.Trim();

        private static string SchedulePath(string id) => Schedules + "/" + Number(id, "An office hours schedule's Id");

        private static string ExceptionsPath(string scheduleId) => SchedulePath(scheduleId) + "/office_hours_exceptions";

        private static void WriteSchedule(Utf8JsonWriter writer, string? name, string? timeZone, IReadOnlyList<OfficeHoursSpan>? hours)
        {
            writer.WriteStartObject();
            if (name is not null) writer.WriteString("name", name);
            if (timeZone is not null) writer.WriteString("time_zone_name", timeZone);
            if (hours is not null) WriteSpans(writer, hours);
            writer.WriteEndObject();
        }

        private static void WriteSpans(Utf8JsonWriter writer, IReadOnlyList<OfficeHoursSpan> hours)
        {
            writer.WriteStartArray("time_intervals");
            foreach (var span in hours)
            {
                writer.WriteStartObject();
                writer.WriteNumber("start_minute", span.StartMinute);
                writer.WriteNumber("end_minute", span.EndMinute);
                writer.WriteEndObject();
            }
            writer.WriteEndArray();
        }
    }

    /// <summary>An office_hours_schedule: {id, name, time_zone_name, time_intervals, twenty_four_seven, created_at, updated_at}.</summary>
    internal sealed class OfficeHoursScheduleObject : ICheckedAnswer
    {
        string? ICheckedAnswer.Problem => Id is null ? "an office hours schedule without an id" : null;

        [JsonPropertyName("id")] public string? Id { get; set; }
        [JsonPropertyName("name")] public string? Name { get; set; }
        [JsonPropertyName("time_zone_name")] public string? TimeZoneName { get; set; }
        [JsonPropertyName("time_intervals")] public OfficeHoursIntervalObject[]? TimeIntervals { get; set; }
        [JsonPropertyName("twenty_four_seven")] public bool TwentyFourSeven { get; set; }
        [JsonPropertyName("created_at"), JsonConverter(typeof(UnixTimeConverter))] public DateTime? CreatedAt { get; set; }
        [JsonPropertyName("updated_at"), JsonConverter(typeof(UnixTimeConverter))] public DateTime? UpdatedAt { get; set; }

        public OfficeHours ToOfficeHours()
        {
            var intervals = (TimeIntervals ?? Array.Empty<OfficeHoursIntervalObject>()).Where(i => i is not null).Select(i => i.ToInterval()).ToArray();
            return new OfficeHours
            {
                Id = Id,
                Name = Name,
                TimeZone = TimeZoneName,
                Intervals = intervals,
                Hours = OfficeHoursText.FormatWeek(intervals.Select(i => new OfficeHoursSpan(i.StartMinute, i.EndMinute))),
                TwentyFourSeven = TwentyFourSeven,
                CreatedAt = CreatedAt,
                UpdatedAt = UpdatedAt,
            };
        }
    }

    internal sealed class OfficeHoursScheduleList
    {
        [JsonPropertyName("data")] public OfficeHoursScheduleObject[]? Data { get; set; }
    }

    /// <summary>An office_hours_exception: {id, office_hours_schedule_id, exception_date, exception_type, name, time_intervals (null when closed), recurring_annually, ...}.</summary>
    internal sealed class OfficeHoursExceptionObject : ICheckedAnswer
    {
        string? ICheckedAnswer.Problem => Id is null ? "an office hours exception without an id"
            : !DateTime.TryParseExact(ExceptionDate, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out _) ? $"an office hours exception dated '{ExceptionDate}'"
            : null;

        [JsonPropertyName("id")] public string? Id { get; set; }
        [JsonPropertyName("office_hours_schedule_id")] public string? ScheduleId { get; set; }
        [JsonPropertyName("exception_date")] public string? ExceptionDate { get; set; }
        [JsonPropertyName("exception_type")] public string? ExceptionType { get; set; }
        [JsonPropertyName("name")] public string? Name { get; set; }
        [JsonPropertyName("time_intervals")] public OfficeHoursIntervalObject[]? TimeIntervals { get; set; }
        [JsonPropertyName("recurring_annually")] public bool RecurringAnnually { get; set; }
        [JsonPropertyName("created_at"), JsonConverter(typeof(UnixTimeConverter))] public DateTime? CreatedAt { get; set; }
        [JsonPropertyName("updated_at"), JsonConverter(typeof(UnixTimeConverter))] public DateTime? UpdatedAt { get; set; }

        public OfficeHoursException ToException()
        {
            var intervals = (TimeIntervals ?? Array.Empty<OfficeHoursIntervalObject>()).Where(i => i is not null).Select(i => i.ToInterval()).ToArray();
            return new OfficeHoursException
            {
                Id = Id,
                ScheduleId = ScheduleId,
                Date = DateTime.ParseExact(ExceptionDate!, "yyyy-MM-dd", CultureInfo.InvariantCulture),
                Type = ExceptionType,
                Name = Name,
                Intervals = intervals,
                Hours = OfficeHoursText.FormatDay(intervals.Select(i => new OfficeHoursSpan(i.StartMinute, i.EndMinute))),
                Recurring = RecurringAnnually,
                CreatedAt = CreatedAt,
                UpdatedAt = UpdatedAt,
            };
        }
    }

    internal sealed class OfficeHoursExceptionList
    {
        [JsonPropertyName("data")] public OfficeHoursExceptionObject[]? Data { get; set; }
    }

    internal sealed class OfficeHoursIntervalObject
    {
        [JsonPropertyName("start_minute")] public int StartMinute { get; set; }
        [JsonPropertyName("end_minute")] public int EndMinute { get; set; }
        [JsonPropertyName("day_of_week")] public int DayOfWeek { get; set; }

        public OfficeHoursInterval ToInterval() => new OfficeHoursInterval { StartMinute = StartMinute, EndMinute = EndMinute, DayOfWeek = DayOfWeek };
    }
}
