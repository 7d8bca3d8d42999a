using System.Management.Automation;

namespace IntercomPS.Cmdlets
{
    /// <summary>Detaches users (given or piped in) from the company -CompanyId names (REST API 2.x); the users stay.</summary>
    [Cmdlet(VerbsCommon.Remove, "IntercomCompanyUser", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Medium)]
    [OutputType(typeof(Company))]
    public sealed class RemoveIntercomCompanyUserCommand : IntercomCmdlet
    {
        private readonly CompanyUserLink _link;

        public RemoveIntercomCompanyUserCommand() => _link = new CompanyUserLink(Composed, attach: false);

        /// <summary>Return the company after each user is detached.</summary>
        [Parameter]
        public SwitchParameter PassThru { get; set; }

        protected override void ProcessRecord() =>
            _link.LinkEach(Requests, () => Client, ShouldProcess, company => { if (PassThru) WriteObject(company); });
    }
}
