using System.Management.Automation;
using IntercomPS.Client;

namespace IntercomPS.Cmdlets
{
    /// <summary>
    /// Gets leads (REST API 2.x contacts with role lead): by -Id or -Email (from the pipeline too), or every lead,
    /// oldest first, streamed page by page (-First, -Skip and -IncludeTotalCount count the listing's leads, as
    /// <see cref="PagedOutput"/> does). They come out as users whose Role is lead, so every user cmdlet takes them.
    /// </summary>
    [Cmdlet(VerbsCommon.Get, "IntercomLead", DefaultParameterSetName = ListSet, SupportsPaging = true)]
    [OutputType(typeof(User))]
    public sealed class GetIntercomLeadCommand : IntercomCmdlet
    {
        private const string ListSet = "List";
        private const string IdentitySet = "Identity";

        private readonly UserTargets _leads;
        private readonly PagedOutput _paged;

        public GetIntercomLeadCommand()
        {
            _leads = new UserTargets(Composed, IdentitySet, emailFirst: true, contactIdAliases: false);
            _paged = new PagedOutput(this, "leads");
        }

        protected override void ProcessRecord()
        {
            if (ParameterSetName != IdentitySet) return;
            _paged.RefuseTotalCount("the leads of the listing", "-Id, -Email or piped leads", _leads.InputObject);
            foreach (var lead in _leads.Of(Requests))
            {
                // -Skip and -First count the leads named, in order, across the whole pipeline (as Get-IntercomUser's).
                if (_paged.Done) return;
                if (!_paged.Admit()) continue;
                Requests.Submit(lead.Target, token => Client.As<ILeads>().GetLeadAsync(lead.Identity(), token), WriteUser);
            }
        }

        protected override void EndProcessing()
        {
            base.EndProcessing();
            if (ParameterSetName != ListSet || _paged.Done || Requests.Refuses(null)) return;
            using var reader = Client.As<ILeads>().ListLeads(_paged.PageSize(int.MaxValue), Requests.StopToken);
            try
            {
                _paged.Write(reader, Requests, WriteUser);
            }
            catch (IntercomApiException failure)
            {
                // A failed page ends the listing: what comes after it would be a silent gap.
                Requests.WriteFailure(failure, failure.RequestUri);
            }
        }
    }
}
