using System.Management.Automation;
using IntercomPS.Client;

namespace IntercomPS.Cmdlets
{
    /// <summary>
    /// Creates leads (REST API 2.x contacts with role lead), one per input, with the user cmdlets' fields and CSV
    /// columns. Leads may share an email, so every input makes a new lead and a failed create is never repeated blindly.
    /// </summary>
    [Cmdlet(VerbsCommon.New, "IntercomLead", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Low)]
    [OutputType(typeof(User))]
    public sealed class NewIntercomLeadCommand : UserWriteCmdlet
    {
        protected override void ProcessRecord()
        {
            foreach (var lead in Users.Of(Requests))
            {
                if (!ShouldProcess(lead.Describe(), "Create Intercom lead")) continue;
                Requests.Submit(lead.Target, token => Client.As<ILeads>().CreateLeadAsync(Changes(lead.Identity()), token), WriteUser);
            }
        }
    }
}
