using System;
using System.Management.Automation;
using System.Threading;
using System.Threading.Tasks;
using IntercomPS.Client;

namespace IntercomPS.Cmdlets
{
    /// <summary>
    /// What Add- and Remove-IntercomCompanyUser share, held by each: the users an input names (the user-target binder),
    /// the company it names by -CompanyId (the id your workspace gave it, found once per command however many users
    /// name it), and the link of each user to it.
    /// </summary>
    internal sealed class CompanyUserLink
    {
        private readonly UserTargets _users;
        private readonly RuntimeDefinedParameter _companyId;
        private readonly bool _attach;
        private CompanyFinder? _find;

        /// <param name="attach">Attach the users (Add-), or detach them (Remove-).</param>
        public CompanyUserLink(RuntimeDefinedParameterDictionary parameters, bool attach)
        {
            _users = new UserTargets(parameters, namesOwn: new[] { typeof(Company) });
            _companyId = ComposedParameters.Add(parameters, "CompanyId", typeof(string),
                new ParameterAttribute { Mandatory = true, Position = 0, ValueFromPipelineByPropertyName = true }, new AliasAttribute("company_id"), new ValidateNotNullOrEmptyAttribute());
            _attach = attach;
        }

        /// <summary>
        /// Submits the link of each user this input names to its company, once <paramref name="shouldProcess"/> agrees;
        /// <paramref name="linked"/> gets the company after each.
        /// </summary>
        public void LinkEach(RequestRunner requests, Func<IIntercomApi> client, Func<string, string, bool> shouldProcess, Action<Company> linked)
        {
            var companyId = (string)_companyId.Value;
            var action = _attach ? $"Attach to Intercom company {companyId}" : $"Detach from Intercom company {companyId}";
            foreach (var user in _users.Of(requests))
            {
                if (!shouldProcess(user.Describe(), action)) continue;
                requests.Submit(user.Target, token => LinkAsync(client(), user.Identity(), companyId, token), linked);
            }
        }

        private async Task<Company> LinkAsync(IIntercomApi client, UserIdentity user, string companyId, CancellationToken token)
        {
            var companies = client.As<ICompanies>();
            var company = await (_find ??= companies.NewCompanyFinder())(companyId, token).ConfigureAwait(false);
            return await companies.LinkUserAsync(user, company.Id!, _attach, token).ConfigureAwait(false);
        }
    }
}
