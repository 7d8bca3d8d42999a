using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;

namespace IntercomPS.Client
{
    /// <summary>
    /// Office hours schedules and their exceptions (holiday closures and short days), which only REST API 2.16 on has.
    /// A schedule is named by its Id or its name (<see cref="FindOfficeHoursAsync"/>); creations are sent once.
    /// </summary>
    public interface IOfficeHours
    {
        /// <summary>GET /office_hours_schedules: every schedule.</summary>
        Task<OfficeHours[]> ListOfficeHoursAsync(CancellationToken cancellationToken = default);

        Task<OfficeHours> GetOfficeHoursAsync(string id, CancellationToken cancellationToken = default);

        /// <summary>The schedule <paramref name="nameOrId"/> names: its Id, else its name (ignoring case). None, or several of that name, is an error naming those there are.</summary>
        Task<OfficeHours> FindOfficeHoursAsync(string nameOrId, CancellationToken cancellationToken = default);

        /// <summary>POST /office_hours_schedules, sent once: a lost answer is not repeated (it would make a second schedule).</summary>
        Task<OfficeHours> CreateOfficeHoursAsync(string name, string timeZone, IReadOnlyList<OfficeHoursSpan> hours, CancellationToken cancellationToken = default);

        /// <summary>PUT /office_hours_schedules/{id} with what is given (each sets a value, so a lost answer may be repeated).</summary>
        Task<OfficeHours> UpdateOfficeHoursAsync(string id, string? name, string? timeZone, IReadOnlyList<OfficeHoursSpan>? hours, CancellationToken cancellationToken = default);

        /// <summary>DELETE /office_hours_schedules/{id}, its exceptions with it; not repeated once it may have been applied.</summary>
        Task<string> DeleteOfficeHoursAsync(string id, CancellationToken cancellationToken = default);

        /// <summary>GET /office_hours_schedules/{id}/office_hours_exceptions: the schedule's exceptions, by date.</summary>
        Task<OfficeHoursException[]> ListOfficeHoursExceptionsAsync(string scheduleId, CancellationToken cancellationToken = default);

        /// <summary>
        /// POST .../office_hours_exceptions for one date, sent once: closed all day when <paramref name="hours"/> is
        /// empty, else open only then (custom_hours).
        /// </summary>
        Task<OfficeHoursException> AddOfficeHoursExceptionAsync(string scheduleId, DateTime date, string? name, IReadOnlyList<OfficeHoursSpan> hours, bool recurring,
            CancellationToken cancellationToken = default);

        /// <summary>DELETE .../office_hours_exceptions/{id}; not repeated once it may have been applied.</summary>
        Task<string> DeleteOfficeHoursExceptionAsync(string scheduleId, string id, CancellationToken cancellationToken = default);
    }

    /// <summary>An open span in Intercom's minutes: from Monday 00:00 for a schedule, from midnight for an exception's date.</summary>
    public sealed class OfficeHoursSpan
    {
        public OfficeHoursSpan(int startMinute, int endMinute)
        {
            StartMinute = startMinute;
            EndMinute = endMinute;
        }

        public int StartMinute { get; }
        public int EndMinute { get; }
    }

    /// <summary>
    /// Office hours as people write them, and back: a week's as "Mon-Fri 09:00-17:00", "Sat 10:00-14:00" or
    /// "Mon,Wed 08:00-12:00"; a day's as "09:00-13:00". Times are on the quarter hour (Intercom's rule), 24:00 ends a
    /// day, and spans may not overlap; what breaks that is an ArgumentException saying so, before anything is sent.
    /// </summary>
    public static class OfficeHoursText
    {
        private const int Day = 1440;
        private static readonly string[] Days = { "Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun" };
        private static readonly string[] FullDays = { "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday" };

        /// <summary>The whole week, open throughout.</summary>
        public static IReadOnlyList<OfficeHoursSpan> AllWeek { get; } = new[] { new OfficeHoursSpan(0, 7 * Day) };

        /// <summary>Weekly spans from lines such as "Mon-Fri 09:00-17:00", in start order.</summary>
        public static IReadOnlyList<OfficeHoursSpan> ParseWeek(IEnumerable<string> lines)
        {
            var spans = new List<OfficeHoursSpan>();
            foreach (var line in lines ?? Enumerable.Empty<string>())
            {
                var text = (line ?? string.Empty).Trim();
                var space = text.LastIndexOf(' ');
                if (space < 0)
                    throw new ArgumentException($"'{text}' is not office hours: write the days and the times, such as 'Mon-Fri 09:00-17:00'.");
                var (start, end) = Times(text.Substring(space + 1), text);
                foreach (var day in DaysOf(text.Substring(0, space).Trim(), text)) spans.Add(new OfficeHoursSpan(day * Day + start, day * Day + end));
            }
            return Checked(spans, week: true);
        }

        /// <summary>A day's spans from lines such as "09:00-13:00", in start order.</summary>
        public static IReadOnlyList<OfficeHoursSpan> ParseDay(IEnumerable<string> lines) =>
            Checked((lines ?? Enumerable.Empty<string>()).Select(line =>
            {
                var (start, end) = Times((line ?? string.Empty).Trim(), line ?? string.Empty);
                return new OfficeHoursSpan(start, end);
            }).ToList(), week: false);

        /// <summary>A week's spans as lines: days with the same times together ("Mon-Fri 09:00-17:00"); a span over several days from its first day and time to its last ("Mon 00:00-Sun 24:00").</summary>
        public static string[] FormatWeek(IEnumerable<OfficeHoursSpan> spans)
        {
            var lines = new List<string>();
            var runs = new List<(int First, int Last, int Start, int End)>();
            foreach (var span in spans.OrderBy(s => s.StartMinute))
            {
                var day = span.StartMinute / Day;
                if (span.EndMinute > (day + 1) * Day)
                {
                    runs.Add((-1, -1, span.StartMinute, span.EndMinute));
                    continue;
                }
                var (start, end) = (span.StartMinute - day * Day, span.EndMinute - day * Day);
                var previous = runs.FindLastIndex(r => r.First >= 0 && r.Start == start && r.End == end && r.Last == day - 1);
                if (previous >= 0) runs[previous] = (runs[previous].First, day, start, end);
                else runs.Add((day, day, start, end));
            }
            foreach (var run in runs)
            {
                if (run.First < 0)
                {
                    var endDay = Math.Min(6, (run.End - 1) / Day);
                    lines.Add($"{Days[run.Start / Day]} {Clock(run.Start % Day)}-{Days[endDay]} {Clock(run.End - endDay * Day)}");
                    continue;
                }
                var days = run.First == run.Last ? Days[run.First] : $"{Days[run.First]}-{Days[run.Last]}";
                lines.Add($"{days} {Clock(run.Start)}-{Clock(run.End)}");
            }
            return lines.ToArray();
        }

        /// <summary>A day's spans as lines ("09:00-13:00").</summary>
        public static string[] FormatDay(IEnumerable<OfficeHoursSpan> spans) =>
            spans.OrderBy(s => s.StartMinute).Select(s => $"{Clock(s.StartMinute)}-{Clock(s.EndMinute)}").ToArray();

        private static string Clock(int minutes) => $"{minutes / 60:00}:{minutes % 60:00}";

        private static (int Start, int End) Times(string text, string line)
        {
            var dash = text.IndexOf('-');
            if (dash < 0)
                throw new ArgumentException($"'{line.Trim()}' has no times: write them as HH:mm-HH:mm, such as 09:00-17:00.");
            var start = Minute(text.Substring(0, dash), line);
            var end = Minute(text.Substring(dash + 1), line);
            if (end <= start)
                throw new ArgumentException($"'{line.Trim()}' ends before it starts: hours end on the day they start (24:00 at the latest).");
            return (start, end);
        }

        private static int Minute(string time, string line)
        {
            var parts = time.Trim().Split(':');
            if (parts.Length != 2 || !int.TryParse(parts[0], NumberStyles.None, CultureInfo.InvariantCulture, out var hour) ||
                !int.TryParse(parts[1], NumberStyles.None, CultureInfo.InvariantCulture, out var minute) || parts[1].Length != 2 ||
                minute > 59 || hour > 24 || (hour == 24 && minute != 0))
                throw new ArgumentException($"'{time.Trim()}' in '{line.Trim()}' is not a time: write HH:mm, 00:00 to 24:00.");
            if (minute % 15 != 0)
                throw new ArgumentException($"'{time.Trim()}' in '{line.Trim()}' is not on the quarter hour, as Intercom's office hours must be (:00, :15, :30 or :45).");
            return hour * 60 + minute;
        }

        private static IEnumerable<int> DaysOf(string text, string line)
        {
            var days = new List<int>();
            foreach (var part in text.Split(','))
            {
                var range = part.Split('-');
                if (range.Length > 2) throw NoDay(part, line);
                var first = DayOf(range[0], line);
                var last = range.Length == 2 ? DayOf(range[1], line) : first;
                if (last < first) throw new ArgumentException($"'{part.Trim()}' in '{line.Trim()}' runs backwards: the week starts on Monday (write Sat-Sun, not Sun-Sat).");
                for (var day = first; day <= last; day++) days.Add(day);
            }
            return days;
        }

        private static int DayOf(string name, string line)
        {
            var wanted = name.Trim();
            for (var day = 0; day < 7; day++)
                if (string.Equals(wanted, Days[day], StringComparison.OrdinalIgnoreCase) || string.Equals(wanted, FullDays[day], StringComparison.OrdinalIgnoreCase))
                    return day;
            throw NoDay(name, line);
        }

        private static ArgumentException NoDay(string name, string line) =>
            new ArgumentException($"'{name.Trim()}' in '{line.Trim()}' is not a day: write Mon, Tue, Wed, Thu, Fri, Sat or Sun, or a range such as Mon-Fri.");

        private static IReadOnlyList<OfficeHoursSpan> Checked(List<OfficeHoursSpan> spans, bool week)
        {
            var sorted = spans.OrderBy(s => s.StartMinute).ToList();
            for (var i = 1; i < sorted.Count; i++)
                if (sorted[i].StartMinute < sorted[i - 1].EndMinute)
                    throw new ArgumentException($"The hours overlap: {Describe(sorted[i - 1], week)} and {Describe(sorted[i], week)}.");
            return sorted;
        }

        private static string Describe(OfficeHoursSpan span, bool week) =>
            week ? FormatWeek(new[] { span })[0] : FormatDay(new[] { span })[0];
    }
}
