using System;
using System.Globalization;
using System.Linq;
using System.Management.Automation;
using IntercomPS.Client;

namespace IntercomPS.Cmdlets
{
    /// <summary>
    /// Removes exceptions from an office hours schedule (REST API 2.16 on): by -Id, or piped from
    /// Get-IntercomOfficeHoursException (its ScheduleId and Id bind), or by -Date. Asks first unless -Force or
    /// -Confirm:$false; a delete whose answer was lost is not repeated.
    /// </summary>
    [Cmdlet(VerbsCommon.Remove, "IntercomOfficeHoursException", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Medium, DefaultParameterSetName = IdSet)]
    [OutputType(typeof(OfficeHoursException))]
    public sealed class RemoveIntercomOfficeHoursExceptionCommand : IntercomCmdlet
    {
        private readonly ScheduleLookup _schedules = new ScheduleLookup();

        private const string IdSet = "Id";
        private const string DateSet = "Date";

        /// <summary>The schedule: its name or Id; binds from piped exceptions' ScheduleId.</summary>
        [Parameter(Mandatory = true, Position = 0, ValueFromPipelineByPropertyName = true)]
        [Alias("ScheduleId", "office_hours_schedule_id")]
        [AllowEmptyString]
        public string Schedule { get; set; } = string.Empty;

        /// <summary>The exception's Id; binds from piped exceptions.</summary>
        [Parameter(Mandatory = true, ParameterSetName = IdSet, ValueFromPipelineByPropertyName = true)]
        [AllowEmptyString]
        public string Id { get; set; } = string.Empty;

        /// <summary>The date of the exception to remove.</summary>
        [Parameter(Mandatory = true, ParameterSetName = DateSet)]
        public DateTime Date { get; set; }

        /// <summary>Remove without asking (-WhatIf still only describes).</summary>
        [Parameter]
        public SwitchParameter Force { get; set; }

        protected override void ProcessRecord()
        {
            if (ParameterSetName == IdSet && string.IsNullOrWhiteSpace(Id))
            {
                Requests.Refuse(Schedule, new PSArgumentException("Name the exception by -Id or -Date, or pipe it from Get-IntercomOfficeHoursException (a blank cell names none)."));
                return;
            }
            var schedule = _schedules.Find(Requests, Client, Schedule, Schedule);
            if (schedule is null) return;
            var scheduleId = schedule.Id!;
            var id = Id.Trim();
            if (ParameterSetName == IdSet && id == scheduleId)
            {
                // A schedule piped in binds its own Id here: never delete an exception that happens to share it.
                Requests.Refuse(Schedule, new PSArgumentException(
                    $"-Id {id} is {ScheduleLookup.Describe(schedule)} itself, not one of its exceptions: pipe exceptions from Get-IntercomOfficeHoursException, or name one by -Id or -Date."));
                return;
            }
            var described = $"exception {id}";
            if (ParameterSetName == DateSet)
            {
                var exceptions = Requests.Invoke(Schedule, token => Client.As<IOfficeHours>().ListOfficeHoursExceptionsAsync(scheduleId, token));
                if (exceptions is null) return;
                var day = Date.Date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
                if (exceptions.FirstOrDefault(e => e.Date.Date == Date.Date) is not { } found)
                {
                    Requests.WriteFailure(new IntercomLookupException("GET", new Uri(Client.BaseUri, $"office_hours_schedules/{scheduleId}/office_hours_exceptions"),
                        IntercomApiException.NotFoundType, $"{ScheduleLookup.Describe(schedule)} has no exception on {day}."), Schedule);
                    return;
                }
                (id, described) = (found.Id!, $"exception {found}");
            }
            if (!ShouldProcessUnlessForced(Force, $"{described} of {ScheduleLookup.Describe(schedule)}", "Remove Intercom office hours exception")) return;
            Requests.Submit(Schedule, token => Client.As<IOfficeHours>().DeleteOfficeHoursExceptionAsync(scheduleId, id, token), _ => { });
        }
    }
}
