using System.Management.Automation;
using IntercomPS.Client;

namespace IntercomPS.Cmdlets
{
    /// <summary>Gets the data events of each user given or piped in, or with -Summary how often they did each (REST API 2.x).</summary>
    [Cmdlet(VerbsCommon.Get, "IntercomEvent")]
    [OutputType(typeof(DataEvent), typeof(EventSummary))]
    public sealed class GetIntercomEventCommand : IntercomCmdlet
    {
        private readonly UserTargets _users;

        public GetIntercomEventCommand() => _users = new UserTargets(Composed);

        /// <summary>Per event name, how many times and when first and last, instead of the events.</summary>
        [Parameter]
        public SwitchParameter Summary { get; set; }

        protected override void ProcessRecord()
        {
            foreach (var user in _users.Of(Requests))
            {
                if (Summary) Requests.Submit(user.Target, token => Client.As<IDataEvents>().GetEventSummariesAsync(user.Identity(), token), found => WriteObject(found, enumerateCollection: true));
                else Requests.Submit(user.Target, token => Client.As<IDataEvents>().GetEventsAsync(user.Identity(), token), found => WriteObject(found, enumerateCollection: true));
            }
        }
    }
}
