using System.Management.Automation;
using IntercomPS.Client;

namespace IntercomPS.Cmdlets
{
    /// <summary>
    /// Deletes office hours schedules (REST API 2.16 on) with their exceptions, named by -Schedule or piped; asks first
    /// unless -Force or -Confirm:$false. A delete whose answer was lost is not repeated.
    /// </summary>
    [Cmdlet(VerbsCommon.Remove, "IntercomOfficeHours", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.High)]
    [OutputType(typeof(OfficeHours))]
    public sealed class RemoveIntercomOfficeHoursCommand : IntercomCmdlet
    {
        private readonly ScheduleLookup _schedules = new ScheduleLookup();

        /// <summary>The schedule: its name or Id; binds from piped schedules.</summary>
        [Parameter(Mandatory = true, Position = 0, ValueFromPipelineByPropertyName = true)]
        [Alias("ScheduleId", "office_hours_schedule_id")]
        [AllowEmptyString]
        public string Schedule { get; set; } = string.Empty;

        /// <summary>Delete without asking (-WhatIf still only describes).</summary>
        [Parameter]
        public SwitchParameter Force { get; set; }

        /// <summary>Return each deleted schedule as it was.</summary>
        [Parameter]
        public SwitchParameter PassThru { get; set; }

        protected override void ProcessRecord()
        {
            var schedule = _schedules.Find(Requests, Client, Schedule, Schedule);
            if (schedule is null || !ShouldProcessUnlessForced(Force, ScheduleLookup.Describe(schedule), "Remove Intercom office hours (with their exceptions)")) return;
            var id = schedule.Id!;
            Requests.Submit(Schedule, token => Client.As<IOfficeHours>().DeleteOfficeHoursAsync(id, token), _ => { if (PassThru) WriteObject(schedule); });
        }
    }
}
