using System.Management.Automation;

namespace IntercomPS.Cmdlets
{
    /// <summary>Attaches users (given or piped in) to the company -CompanyId names (REST API 2.x).</summary>
    [Cmdlet(VerbsCommon.Add, "IntercomCompanyUser", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Low)]
    [OutputType(typeof(Company))]
    public sealed class AddIntercomCompanyUserCommand : IntercomCmdlet
    {
        private readonly CompanyUserLink _link;

        public AddIntercomCompanyUserCommand() => _link = new CompanyUserLink(Composed, attach: true);

        /// <summary>Return the company after each user is attached (its UserCount counts them).</summary>
        [Parameter]
        public SwitchParameter PassThru { get; set; }

        protected override void ProcessRecord() =>
            _link.LinkEach(Requests, () => Client, ShouldProcess, company => { if (PassThru) WriteObject(company); });
    }
}
