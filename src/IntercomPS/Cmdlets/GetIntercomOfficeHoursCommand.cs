using System.Linq;
using System.Management.Automation;
using IntercomPS.Client;

namespace IntercomPS.Cmdlets
{
    /// <summary>
    /// Gets the workspace's office hours schedules (REST API 2.16 on): by -Id (from the pipeline too), or all of them,
    /// those whose name matches -Name (wildcards, ignoring case). A -Name without wildcards that matches none is a not_found.
    /// </summary>
    [Cmdlet(VerbsCommon.Get, "IntercomOfficeHours", DefaultParameterSetName = ListSet)]
    [OutputType(typeof(OfficeHours))]
    public sealed class GetIntercomOfficeHoursCommand : IntercomCmdlet
    {
        private const string ListSet = "List";
        private const string IdSet = "Id";

        private readonly PipedObject _piped;

        public GetIntercomOfficeHoursCommand() => _piped = new PipedObject(Composed, PipedKind.OfficeHours, IdSet);

        /// <summary>The id Intercom gave the schedule.</summary>
        [Parameter(Mandatory = true, ParameterSetName = IdSet, ValueFromPipelineByPropertyName = true)]
        [Alias("office_hours_schedule_id")]
        [AllowEmptyString]
        public string? Id { get; set; }

        /// <summary>The schedule's name; wildcards match several.</summary>
        [Parameter(ParameterSetName = ListSet, Position = 0)]
        [ValidateNotNullOrEmpty]
        [SupportsWildcards]
        public string? Name { get; set; }

        protected override void ProcessRecord()
        {
            if (ParameterSetName != IdSet || _piped.Refuses(Requests)) return;
            if (string.IsNullOrWhiteSpace(Id))
            {
                Requests.Refuse(Id, new PSArgumentException("Name the office hours schedule by -Id (a blank cell names none)."));
                return;
            }
            var id = Id!.Trim();
            Requests.Submit(id, token => Client.As<IOfficeHours>().GetOfficeHoursAsync(id, token), WriteObject);
        }

        protected override void EndProcessing()
        {
            base.EndProcessing();
            if (ParameterSetName == IdSet) return;
            var schedules = Requests.Invoke("office_hours_schedules", token => Client.As<IOfficeHours>().ListOfficeHoursAsync(token));
            if (schedules is null) return;
            var pattern = Name is null ? null : WildcardPattern.Get(Name, WildcardOptions.IgnoreCase);
            var found = schedules.Where(schedule => pattern is null || pattern.IsMatch(schedule.Name ?? string.Empty)).ToList();
            if (found.Count == 0 && Name is not null && !WildcardPattern.ContainsWildcardCharacters(Name))
            {
                Requests.WriteFailure(new IntercomLookupException("GET", new System.Uri(Client.BaseUri, "office_hours_schedules"), IntercomApiException.NotFoundType,
                    $"No office hours schedule is named '{Name}'."), Name);
                return;
            }
            foreach (var schedule in found) WriteObject(schedule);
        }
    }
}
