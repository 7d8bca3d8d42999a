using System.Collections.Generic;
using System.Management.Automation;
using IntercomPS.Client;

namespace IntercomPS.Cmdlets
{
    /// <summary>
    /// Changes an office hours schedule (REST API 2.16 on), named by -Schedule or piped: its name (-NewName), time zone
    /// or weekly hours (-Hours replaces them all, -TwentyFourSeven opens it all week). What is not given stays; the
    /// changed schedule is returned. Bad hours are refused before anything is sent.
    /// </summary>
    [Cmdlet(VerbsCommon.Set, "IntercomOfficeHours", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Medium)]
    [OutputType(typeof(OfficeHours))]
    public sealed class SetIntercomOfficeHoursCommand : IntercomCmdlet
    {
        private readonly ScheduleLookup _schedules = new ScheduleLookup();

        /// <summary>The schedule: its name or Id; binds from piped schedules.</summary>
        [Parameter(Mandatory = true, Position = 0, ValueFromPipelineByPropertyName = true)]
        [Alias("ScheduleId", "office_hours_schedule_id")]
        [AllowEmptyString]
        public string Schedule { get; set; } = string.Empty;

        /// <summary>The schedule's new name.</summary>
        [Parameter]
        [ValidateNotNullOrEmpty]
        public string? NewName { get; set; }

        /// <summary>The IANA time zone the hours are in.</summary>
        [Parameter]
        [ValidateNotNullOrEmpty]
        public string? TimeZone { get; set; }

        /// <summary>The weekly hours, replacing the schedule's: "Mon-Fri 09:00-17:00", "Sat 10:00-14:00".</summary>
        [Parameter]
        [ValidateNotNullOrEmpty]
        public string[]? Hours { get; set; }

        /// <summary>Open all week, day and night (instead of -Hours).</summary>
        [Parameter]
        public SwitchParameter TwentyFourSeven { get; set; }

        protected override void ProcessRecord()
        {
            if (Hours is not null && TwentyFourSeven)
            {
                Requests.Refuse(Schedule, new PSArgumentException("Give -Hours or -TwentyFourSeven, not both."));
                return;
            }
            if (NewName is null && TimeZone is null && Hours is null && !TwentyFourSeven)
            {
                Requests.Refuse(Schedule, new PSArgumentException("Nothing to change: give -NewName, -TimeZone, -Hours or -TwentyFourSeven."));
                return;
            }
            IReadOnlyList<OfficeHoursSpan>? hours = null;
            if (TwentyFourSeven) hours = OfficeHoursText.AllWeek;
            else if (Hours is not null && (hours = ScheduleLookup.Parse(Requests, () => OfficeHoursText.ParseWeek(Hours), Schedule)) is null) return;
            var schedule = _schedules.Find(Requests, Client, Schedule, Schedule);
            if (schedule is null || !ShouldProcess(ScheduleLookup.Describe(schedule), "Change Intercom office hours")) return;
            var (id, name, zone) = (schedule.Id!, NewName, TimeZone);
            Requests.Submit(Schedule, token => Client.As<IOfficeHours>().UpdateOfficeHoursAsync(id, name, zone, hours, token), WriteObject);
        }
    }
}
