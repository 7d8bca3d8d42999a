using System;
using System.Management.Automation;
using IntercomPS.Client;
using IntercomPS.Internal;

namespace IntercomPS.Cmdlets
{
    /// <summary>
    /// Records how often each user given or piped in did an event elsewhere (REST API 2.x's POST /events/summaries): a
    /// summary of the same name replaces the one before, so a retry changes nothing.
    /// </summary>
    [Cmdlet(VerbsCommon.New, "IntercomEventSummary", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Low)]
    [OutputType(typeof(EventSummary))]
    public sealed class NewIntercomEventSummaryCommand : IntercomCmdlet
    {
        private readonly UserTargets _users;

        public NewIntercomEventSummaryCommand() => _users = new UserTargets(Composed);

        [Parameter(Mandatory = true, Position = 0, ValueFromPipelineByPropertyName = true)]
        [Alias("event_name")]
        [ValidateNotNullOrEmpty]
        public string EventName { get; set; } = string.Empty;

        /// <summary>How many times the user did it.</summary>
        [Parameter(Mandatory = true, ValueFromPipelineByPropertyName = true)]
        [ValidateRange(1, long.MaxValue)]
        public long Count { get; set; }

        /// <summary>When they first did it.</summary>
        [Parameter(Mandatory = true, ValueFromPipelineByPropertyName = true)]
        [DateTimeTransformation]
        public DateTime First { get; set; }

        /// <summary>When they last did it; the first time by default.</summary>
        [Parameter(ValueFromPipelineByPropertyName = true)]
        [DateTimeTransformation]
        public DateTime? Last { get; set; }

        /// <summary>Return each summary as recorded.</summary>
        [Parameter]
        public SwitchParameter PassThru { get; set; }

        protected override void ProcessRecord()
        {
            var (name, count, first, last) = (EventName, Count, First, Last ?? First);
            foreach (var user in _users.Of(Requests))
            {
                if (!ShouldProcess(user.Describe(), $"Record an Intercom event summary of '{name}'")) continue;
                Requests.Submit(user.Target, token => Client.As<IDataEvents>().SubmitEventSummaryAsync(user.Identity(), name, count, first, last, token),
                    recorded => { if (PassThru) WriteObject(recorded); });
            }
        }
    }
}
