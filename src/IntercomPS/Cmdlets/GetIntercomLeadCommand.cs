using System.Management.Automation;
using IntercomPS.Client;

namespace IntercomPS.Cmdlets
{
    /// <summary>
    /// Gets leads (REST API 2.x contacts with role lead): by -Id or -Email (from the pipeline too), or every lead,
    /// oldest first, streamed page by page. They come out as users whose Role is lead, so every user cmdlet takes them.
    /// </summary>
    [Cmdlet(VerbsCommon.Get, "IntercomLead", DefaultParameterSetName = ListSet)]
    [OutputType(typeof(User))]
    public sealed class GetIntercomLeadCommand : IntercomCmdlet
    {
        private const string ListSet = "List";
        private const string IdentitySet = "Identity";

        private readonly UserTargets _leads;

        public GetIntercomLeadCommand() => _leads = new UserTargets(Composed, IdentitySet, emailFirst: true, contactIdAliases: false);

        protected override void ProcessRecord()
        {
            if (ParameterSetName != IdentitySet) return;
            foreach (var lead in _leads.Of(Requests))
                Requests.Submit(lead.Target, token => Client.As<ILeads>().GetLeadAsync(lead.Identity(), token), WriteUser);
        }

        protected override void EndProcessing()
        {
            base.EndProcessing();
            if (ParameterSetName != ListSet || Requests.Refuses(null)) return;
            using var reader = Client.As<ILeads>().ListLeads(Requests.StopToken);
            try
            {
                foreach (var page in Requests.Stream(_ => reader.NextAsync()))
                {
                    foreach (var lead in page) WriteUser(lead);
                }
            }
            catch (IntercomApiException failure)
            {
                // A failed page ends the listing: what comes after it would be a silent gap.
                Requests.WriteFailure(failure, failure.RequestUri);
            }
        }
    }
}
