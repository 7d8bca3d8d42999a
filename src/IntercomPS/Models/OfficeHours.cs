using System;

namespace IntercomPS
{
    /// <summary>
    /// An office hours schedule (REST API 2.16 on): the weekly hours a workspace is open, in its IANA time zone. Hours
    /// reads as people write them ("Mon-Fri 09:00-17:00"); Intervals are Intercom's minutes from Monday 00:00.
    /// </summary>
    public sealed class OfficeHours
    {
        public string? Id { get; set; }
        public string? Name { get; set; }
        public string? TimeZone { get; set; }
        public string[] Hours { get; set; } = Array.Empty<string>();
        public bool TwentyFourSeven { get; set; }
        public OfficeHoursInterval[] Intervals { get; set; } = Array.Empty<OfficeHoursInterval>();
        public DateTime? CreatedAt { get; set; }
        public DateTime? UpdatedAt { get; set; }

        /// <summary>The schedule's Id again, under the name the exception cmdlets' -Schedule binds, so a schedule pipes into them.</summary>
        public string? ScheduleId => Id;

        public override string ToString() => Name ?? Id ?? string.Empty;
    }

    /// <summary>
    /// An exception to a schedule's hours on one date (REST API 2.16 on), such as a holiday: closed all day, or open
    /// only in its own Hours ("09:00-13:00"); Recurring when it repeats every year.
    /// </summary>
    public sealed class OfficeHoursException
    {
        public string? Id { get; set; }
        public string? ScheduleId { get; set; }
        public DateTime Date { get; set; }
        public string? Name { get; set; }

        /// <summary>closed (all day) or custom_hours (open in Hours only).</summary>
        public string? Type { get; set; }

        public bool Closed => Type == "closed";
        public string[] Hours { get; set; } = Array.Empty<string>();
        public bool Recurring { get; set; }
        public OfficeHoursInterval[] Intervals { get; set; } = Array.Empty<OfficeHoursInterval>();
        public DateTime? CreatedAt { get; set; }
        public DateTime? UpdatedAt { get; set; }

        public override string ToString() =>
            Date.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture) + (Name is null ? string.Empty : $" ({Name})");
    }

    /// <summary>One open interval as Intercom sends it: minutes from Monday 00:00 (a schedule's) or from midnight of the exception's date, and the day (0 = Monday).</summary>
    public sealed class OfficeHoursInterval
    {
        public int StartMinute { get; set; }
        public int EndMinute { get; set; }
        public int DayOfWeek { get; set; }
    }
}
