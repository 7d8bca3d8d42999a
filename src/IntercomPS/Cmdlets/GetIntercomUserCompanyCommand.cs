using System.Management.Automation;
using IntercomPS.Client;

namespace IntercomPS.Cmdlets
{
    /// <summary>Gets the companies each user given or piped in is attached to (REST API 2.x).</summary>
    [Cmdlet(VerbsCommon.Get, "IntercomUserCompany")]
    [OutputType(typeof(Company))]
    public sealed class GetIntercomUserCompanyCommand : IntercomCmdlet
    {
        private readonly UserTargets _users;

        public GetIntercomUserCompanyCommand() => _users = new UserTargets(Composed);

        protected override void ProcessRecord()
        {
            foreach (var user in _users.Of(Requests))
                Requests.Submit(user.Target, token => Client.As<ICompanies>().GetUserCompaniesAsync(user.Identity(), token), companies => WriteObject(companies, enumerateCollection: true));
        }
    }
}
