using System.Management.Automation;
using IntercomPS.Client;

namespace IntercomPS.Cmdlets
{
    /// <summary>Updates existing leads, found by -Id or -Email; an unknown lead is that input's not_found error, and nothing is created.</summary>
    [Cmdlet(VerbsCommon.Set, "IntercomLead", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Medium)]
    [OutputType(typeof(User))]
    public sealed class SetIntercomLeadCommand : UserWriteCmdlet
    {
        /// <summary>Return the updated lead.</summary>
        [Parameter]
        public SwitchParameter PassThru { get; set; }

        protected override void ProcessRecord()
        {
            foreach (var lead in Users.Of(Requests))
            {
                if (!ShouldProcess(lead.Describe(), "Update Intercom lead")) continue;
                // The lead is named by id or email; the change carries no identity of its own to write.
                Requests.Submit(lead.Target, Write(lead, (identity, changes, token) => Client.As<ILeads>().UpdateLeadAsync(identity, changes, token)), updated => { if (PassThru) WriteUser(updated); });
            }
        }
    }
}
