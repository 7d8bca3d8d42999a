using System.Management.Automation;
using System.Threading;
using System.Threading.Tasks;
using IntercomPS.Client;

namespace IntercomPS.Cmdlets
{
    /// <summary>
    /// What Add- and Remove-IntercomCompanyUser share, held by each: the company an input names by -CompanyId (the id
    /// your workspace gave it, found once per command however many users name it) and the link of one user to it.
    /// </summary>
    internal sealed class CompanyUserLink
    {
        private readonly RuntimeDefinedParameter _companyId;
        private CompanyFinder? _find;

        public CompanyUserLink(RuntimeDefinedParameterDictionary parameters) =>
            _companyId = ComposedParameters.Add(parameters, "CompanyId", typeof(string),
                new ParameterAttribute { Mandatory = true, Position = 0, ValueFromPipelineByPropertyName = true }, new AliasAttribute("company_id"), new ValidateNotNullOrEmptyAttribute());

        /// <summary>The company this input names.</summary>
        public string CompanyId => (string)_companyId.Value;

        /// <summary>Attaches (or detaches) the user to the company <paramref name="companyId"/> names.</summary>
        public async Task<Company> LinkAsync(IIntercomApi client, UserIdentity user, string companyId, bool attach, CancellationToken token)
        {
            var companies = client.As<ICompanies>();
            var company = await (_find ??= companies.NewCompanyFinder())(companyId, token).ConfigureAwait(false);
            return await companies.LinkUserAsync(user, company.Id!, attach, token).ConfigureAwait(false);
        }
    }
}
