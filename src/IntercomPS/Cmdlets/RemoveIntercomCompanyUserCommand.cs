using System.Management.Automation;

namespace IntercomPS.Cmdlets
{
    /// <summary>Detaches users (given or piped in) from the company -CompanyId names (REST API 2.x); the users stay.</summary>
    [Cmdlet(VerbsCommon.Remove, "IntercomCompanyUser", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Medium)]
    [OutputType(typeof(Company))]
    public sealed class RemoveIntercomCompanyUserCommand : IntercomCmdlet
    {
        private readonly UserTargets _users;
        private readonly CompanyUserLink _company;

        public RemoveIntercomCompanyUserCommand()
        {
            _users = new UserTargets(Composed);
            _company = new CompanyUserLink(Composed);
        }

        /// <summary>Return the company after each user is detached.</summary>
        [Parameter]
        public SwitchParameter PassThru { get; set; }

        protected override void ProcessRecord()
        {
            var companyId = _company.CompanyId;
            foreach (var user in _users.Of(Requests))
            {
                if (!ShouldProcess(user.Describe(), $"Detach from Intercom company {companyId}")) continue;
                Requests.Submit(user.Target, token => _company.LinkAsync(Client, user.Identity(), companyId, attach: false, token), company => { if (PassThru) WriteObject(company); });
            }
        }
    }
}
