using System.Linq;
using System.Management.Automation;
using IntercomPS.Client;

namespace IntercomPS.Cmdlets
{
    /// <summary>
    /// Gets the workspace's away status reasons (REST API 2.14 on), which Set-IntercomAdmin -ReasonId or -Reason
    /// names; the deleted ones only with -IncludeDeleted, since an admin cannot go away with them. -Skip, -First and
    /// -IncludeTotalCount count the reasons written (<see cref="PagedOutput"/>).
    /// </summary>
    [Cmdlet(VerbsCommon.Get, "IntercomAwayReason", SupportsPaging = true)]
    [OutputType(typeof(AwayReason))]
    public sealed class GetIntercomAwayReasonCommand : IntercomCmdlet
    {
        private readonly PagedOutput _paged;

        public GetIntercomAwayReasonCommand() => _paged = new PagedOutput(this, "away reasons");

        [Parameter]
        public SwitchParameter IncludeDeleted { get; set; }

        protected override void EndProcessing()
        {
            base.EndProcessing();
            var reasons = Requests.Invoke("away_status_reasons", token => Client.As<IAwayMode>().ListAwayReasonsAsync(token));
            if (reasons is not null) _paged.Write(reasons.Where(reason => IncludeDeleted || !reason.Deleted).ToList(), WriteObject);
        }
    }
}
