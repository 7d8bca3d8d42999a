using System.Management.Automation;
using IntercomPS.Client;

namespace IntercomPS.Cmdlets
{
    /// <summary>
    /// Gets the users (and leads) attached to a company (REST API 2.x), streamed page by page; -First and -Skip count
    /// them across every company piped in, -IncludeTotalCount writes each company's total (<see cref="PagedOutput"/>).
    /// </summary>
    [Cmdlet(VerbsCommon.Get, "IntercomCompanyUser", SupportsPaging = true)]
    [OutputType(typeof(User))]
    public sealed class GetIntercomCompanyUserCommand : IntercomCmdlet
    {
        private readonly PagedOutput _paged;
        private readonly CompanyListing _listing;

        public GetIntercomCompanyUserCommand()
        {
            _paged = new PagedOutput(this, "users");
            _listing = new CompanyListing(_paged);
        }

        /// <summary>The id your workspace gave the company; binds from piped companies and CSV company_id columns.</summary>
        [Parameter(Mandatory = true, Position = 0, ValueFromPipelineByPropertyName = true)]
        [Alias("company_id")]
        [ValidateNotNullOrEmpty]
        public string CompanyId { get; set; } = string.Empty;

        protected override void ProcessRecord()
        {
            if (_paged.Done || Requests.Refuses(CompanyId)) return;
            var companies = Client.As<ICompanies>();
            _listing.Write(Requests, companies, CompanyId, (company, size, token) => companies.ListCompanyUsers(company.Id!, size, token), (user, _) => WriteUser(user));
        }
    }
}
