using System.Management.Automation;
using IntercomPS.Client;

namespace IntercomPS.Cmdlets
{
    /// <summary>
    /// Creates an office hours schedule (REST API 2.16 on): its name, IANA time zone and weekly hours as people write
    /// them ("Mon-Fri 09:00-17:00"), or -TwentyFourSeven. Hours that do not read, are off the quarter hour or overlap
    /// are refused before anything is sent; the creation is sent once.
    /// </summary>
    [Cmdlet(VerbsCommon.New, "IntercomOfficeHours", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Low, DefaultParameterSetName = HoursSet)]
    [OutputType(typeof(OfficeHours))]
    public sealed class NewIntercomOfficeHoursCommand : IntercomCmdlet
    {
        private const string HoursSet = "Hours";
        private const string AllWeekSet = "TwentyFourSeven";

        /// <summary>The schedule's name.</summary>
        [Parameter(Mandatory = true, Position = 0)]
        [ValidateNotNullOrEmpty]
        public string Name { get; set; } = string.Empty;

        /// <summary>The IANA time zone the hours are in, such as Europe/Dublin or America/New_York.</summary>
        [Parameter(Mandatory = true)]
        [ValidateNotNullOrEmpty]
        public string TimeZone { get; set; } = string.Empty;

        /// <summary>The weekly hours, one line per days and times: "Mon-Fri 09:00-17:00", "Sat 10:00-14:00".</summary>
        [Parameter(Mandatory = true, ParameterSetName = HoursSet, Position = 1)]
        [ValidateNotNullOrEmpty]
        public string[] Hours { get; set; } = System.Array.Empty<string>();

        /// <summary>Open all week, day and night.</summary>
        [Parameter(Mandatory = true, ParameterSetName = AllWeekSet)]
        public SwitchParameter TwentyFourSeven { get; set; }

        protected override void ProcessRecord()
        {
            var hours = TwentyFourSeven ? OfficeHoursText.AllWeek : ScheduleLookup.Parse(Requests, () => OfficeHoursText.ParseWeek(Hours), Name);
            if (hours is null || !ShouldProcess($"office hours '{Name}' ({TimeZone})", "Create Intercom office hours")) return;
            Requests.Submit(Name, token => Client.As<IOfficeHours>().CreateOfficeHoursAsync(Name, TimeZone, hours, token), WriteObject);
        }
    }
}
