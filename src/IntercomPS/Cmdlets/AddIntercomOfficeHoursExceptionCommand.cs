using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Management.Automation;
using IntercomPS.Client;

namespace IntercomPS.Cmdlets
{
    /// <summary>
    /// Adds exceptions to an office hours schedule (REST API 2.16 on): each date from -Start to -End (inclusive; one
    /// date without -End) closed all day, or open only in -Hours ("09:00-13:00"); -Recurring repeats them every year.
    /// The schedule is named by -Schedule or piped. A range that runs backwards or is longer than a year, bad hours, or
    /// a date the schedule already has an exception on is refused before anything is sent; each date is sent once.
    /// </summary>
    [Cmdlet(VerbsCommon.Add, "IntercomOfficeHoursException", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Low)]
    [OutputType(typeof(OfficeHoursException))]
    public sealed class AddIntercomOfficeHoursExceptionCommand : IntercomCmdlet
    {
        private readonly ScheduleLookup _schedules = new ScheduleLookup();

        /// <summary>The most dates one command adds: a year's.</summary>
        public const int MaxDays = 366;

        /// <summary>The schedule: its name or Id; binds from piped schedules.</summary>
        [Parameter(Mandatory = true, Position = 0, ValueFromPipelineByPropertyName = true)]
        [Alias("ScheduleId", "office_hours_schedule_id")]
        [AllowEmptyString]
        public string Schedule { get; set; } = string.Empty;

        /// <summary>The first date (its time of day is ignored).</summary>
        [Parameter(Mandatory = true)]
        [Alias("Date")]
        public DateTime Start { get; set; }

        /// <summary>The last date, inclusive; without it, -Start alone.</summary>
        [Parameter]
        public DateTime? End { get; set; }

        /// <summary>The exceptions' name, such as Christmas.</summary>
        [Parameter]
        [ValidateNotNullOrEmpty]
        public string? Name { get; set; }

        /// <summary>Open only in these hours on each date ("09:00-13:00"), instead of closed all day.</summary>
        [Parameter]
        [ValidateNotNullOrEmpty]
        public string[]? Hours { get; set; }

        /// <summary>Repeat the exceptions every year on the same dates.</summary>
        [Parameter]
        public SwitchParameter Recurring { get; set; }

        protected override void ProcessRecord()
        {
            var first = Start.Date;
            var last = (End ?? Start).Date;
            if (last < first)
            {
                Requests.Refuse(Schedule, new PSArgumentException($"-End ({Day(last)}) is before -Start ({Day(first)})."));
                return;
            }
            var count = (int)(last - first).TotalDays + 1;
            if (count > MaxDays)
            {
                Requests.Refuse(Schedule, new PSArgumentException($"{Day(first)} to {Day(last)} is {count} days: add at most {MaxDays} at once."));
                return;
            }
            var hours = Hours is null ? Array.Empty<OfficeHoursSpan>() : ScheduleLookup.Parse(Requests, () => OfficeHoursText.ParseDay(Hours), Schedule);
            if (hours is null) return;
            var schedule = _schedules.Find(Requests, Client, Schedule, Schedule);
            if (schedule is null) return;
            var id = schedule.Id!;
            var existing = Requests.Invoke(Schedule, token => Client.As<IOfficeHours>().ListOfficeHoursExceptionsAsync(id, token));
            if (existing is null) return;
            var dates = Enumerable.Range(0, count).Select(day => first.AddDays(day)).ToList();
            var taken = existing.Where(e => dates.Contains(e.Date.Date)).OrderBy(e => e.Date).ToList();
            if (taken.Count > 0)
            {
                Requests.Refuse(Schedule, new PSArgumentException(
                    $"{ScheduleLookup.Describe(schedule)} already has an exception on {string.Join(", ", taken.Select(e => e.ToString()))}: remove it first (Remove-IntercomOfficeHoursException). Nothing was added."));
                return;
            }
            var what = (hours.Count == 0 ? "closed" : "open " + string.Join(", ", OfficeHoursText.FormatDay(hours))) + (Recurring ? ", every year" : string.Empty);
            var range = count == 1 ? Day(first) : $"{Day(first)} to {Day(last)}";
            if (!ShouldProcess(ScheduleLookup.Describe(schedule), $"Add an exception on {range} ({what})")) return;
            var (name, recurring) = (Name, Recurring.IsPresent);
            foreach (var date in dates)
                Requests.Submit(Schedule, token => Client.As<IOfficeHours>().AddOfficeHoursExceptionAsync(id, date, name, hours, recurring, token), WriteObject);
        }

        private static string Day(DateTime date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
    }
}
