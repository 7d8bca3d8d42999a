using System.Management.Automation;

namespace IntercomPS.Cmdlets
{
    /// <summary>Attaches users (given or piped in) to the company -CompanyId names (REST API 2.x).</summary>
    [Cmdlet(VerbsCommon.Add, "IntercomCompanyUser", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Low)]
    [OutputType(typeof(Company))]
    public sealed class AddIntercomCompanyUserCommand : IntercomCmdlet
    {
        private readonly UserTargets _users;
        private readonly CompanyUserLink _company;

        public AddIntercomCompanyUserCommand()
        {
            _users = new UserTargets(Composed);
            _company = new CompanyUserLink(Composed);
        }

        /// <summary>Return the company after each user is attached (its UserCount counts them).</summary>
        [Parameter]
        public SwitchParameter PassThru { get; set; }

        protected override void ProcessRecord()
        {
            var companyId = _company.CompanyId;
            foreach (var user in _users.Of(Requests))
            {
                if (!ShouldProcess(user.Describe(), $"Attach to Intercom company {companyId}")) continue;
                Requests.Submit(user.Target, token => _company.LinkAsync(Client, user.Identity(), companyId, attach: true, token), company => { if (PassThru) WriteObject(company); });
            }
        }
    }
}
