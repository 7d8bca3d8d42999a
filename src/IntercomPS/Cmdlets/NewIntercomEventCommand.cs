using System;
using System.Collections;
using System.Management.Automation;
using IntercomPS.Client;
using IntercomPS.Internal;

namespace IntercomPS.Cmdlets
{
    /// <summary>
    /// Records a data event for each user given or piped in (REST API 2.x's POST /events), always with its time to the
    /// second: the user, the name and that second make the event one, so a retried request is the same event, which
    /// Intercom ignores, and a request is retried like any idempotent one.
    /// </summary>
    [Cmdlet(VerbsCommon.New, "IntercomEvent", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Low)]
    [OutputType(typeof(DataEvent))]
    public sealed class NewIntercomEventCommand : IntercomCmdlet
    {
        private readonly UserTargets _users;

        public NewIntercomEventCommand() => _users = new UserTargets(Composed);

        /// <summary>What the user did, as a past-tense verb-noun ("placed-order").</summary>
        [Parameter(Mandatory = true, Position = 0, ValueFromPipelineByPropertyName = true)]
        [Alias("event_name")]
        [ValidateNotNullOrEmpty]
        public string EventName { get; set; } = string.Empty;

        /// <summary>
        /// When it happened; now (when the input is read) by default. Not bound from a user's CreatedAt, which is when
        /// they signed up: a CSV created_at column binds.
        /// </summary>
        [Parameter(ValueFromPipelineByPropertyName = true)]
        [Alias("created_at")]
        [DateTimeTransformation]
        public DateTime? OccurredAt { get; set; }

        /// <summary>Flat key/value data about the event; JSON text (a CSV cell) works too.</summary>
        [Parameter(ValueFromPipelineByPropertyName = true)]
        [CustomDataTransformation]
        public Hashtable? Metadata { get; set; }

        /// <summary>Return each event as recorded.</summary>
        [Parameter]
        public SwitchParameter PassThru { get; set; }

        protected override void ProcessRecord()
        {
            // Taken once per input, before any request: every retry of it sends the same second, so it is one event.
            var at = OccurredAt ?? DateTime.UtcNow;
            var name = EventName;
            var metadata = Metadata is null ? null : ParameterValues.Plain(Metadata);
            foreach (var user in _users.Of(Requests))
            {
                if (!ShouldProcess(user.Describe(), $"Record Intercom event '{name}'")) continue;
                Requests.Submit(user.Target, token => Client.As<IDataEvents>().TrackEventAsync(user.Identity(), name, at, metadata, token),
                    recorded => { if (PassThru) WriteObject(recorded); });
            }
        }
    }
}
