using System.Linq;
using System.Management.Automation;
using IntercomPS.Client;

namespace IntercomPS.Cmdlets
{
    /// <summary>
    /// Gets the exceptions of an office hours schedule (REST API 2.16 on), such as holiday closures, by date: the
    /// schedule named by -Schedule or piped from Get-IntercomOfficeHours; those whose name matches -Name (wildcards).
    /// </summary>
    [Cmdlet(VerbsCommon.Get, "IntercomOfficeHoursException")]
    [OutputType(typeof(OfficeHoursException))]
    public sealed class GetIntercomOfficeHoursExceptionCommand : IntercomCmdlet
    {
        private readonly ScheduleLookup _schedules = new ScheduleLookup();

        /// <summary>The schedule: its name or Id; binds from piped schedules.</summary>
        [Parameter(Mandatory = true, Position = 0, ValueFromPipelineByPropertyName = true)]
        [Alias("ScheduleId", "office_hours_schedule_id")]
        [AllowEmptyString]
        public string Schedule { get; set; } = string.Empty;

        /// <summary>The exception's name; wildcards match several.</summary>
        [Parameter]
        [ValidateNotNullOrEmpty]
        [SupportsWildcards]
        public string? Name { get; set; }

        protected override void ProcessRecord()
        {
            var schedule = _schedules.Find(Requests, Client, Schedule, Schedule);
            if (schedule is null) return;
            var id = schedule.Id!;
            var pattern = Name is null ? null : WildcardPattern.Get(Name, WildcardOptions.IgnoreCase);
            Requests.Submit(Schedule, token => Client.As<IOfficeHours>().ListOfficeHoursExceptionsAsync(id, token), exceptions =>
            {
                foreach (var exception in exceptions.OrderBy(e => e.Date).Where(e => pattern is null || pattern.IsMatch(e.Name ?? string.Empty)))
                    WriteObject(exception);
            });
        }
    }
}
