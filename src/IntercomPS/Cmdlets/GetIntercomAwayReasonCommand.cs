using System.Linq;
using System.Management.Automation;
using IntercomPS.Client;

namespace IntercomPS.Cmdlets
{
    /// <summary>
    /// Gets the workspace's away status reasons (REST API 2.14 on), which Set-IntercomAdmin -ReasonId or -Reason
    /// names; the deleted ones only with -IncludeDeleted, since an admin cannot go away with them.
    /// </summary>
    [Cmdlet(VerbsCommon.Get, "IntercomAwayReason")]
    [OutputType(typeof(AwayReason))]
    public sealed class GetIntercomAwayReasonCommand : IntercomCmdlet
    {
        [Parameter]
        public SwitchParameter IncludeDeleted { get; set; }

        protected override void EndProcessing()
        {
            base.EndProcessing();
            var reasons = Requests.Invoke("away_status_reasons", token => Client.As<IAwayMode>().ListAwayReasonsAsync(token));
            foreach (var reason in reasons?.Where(reason => IncludeDeleted || !reason.Deleted) ?? Enumerable.Empty<AwayReason>()) WriteObject(reason);
        }
    }
}
