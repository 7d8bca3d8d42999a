using System.Management.Automation;
using IntercomPS.Client;

namespace IntercomPS.Cmdlets
{
    /// <summary>
    /// Gets the notes left on each company given or piped in, newest first (Intercom-Version 2.16 on), streamed page by
    /// page; -First and -Skip count them across every company, -IncludeTotalCount writes each company's total
    /// (<see cref="PagedOutput"/>).
    /// </summary>
    [Cmdlet(VerbsCommon.Get, "IntercomCompanyNote", SupportsPaging = true)]
    [OutputType(typeof(Note))]
    public sealed class GetIntercomCompanyNoteCommand : IntercomCmdlet
    {
        private readonly PagedOutput _paged;
        private readonly CompanyListing _listing;

        public GetIntercomCompanyNoteCommand()
        {
            _paged = new PagedOutput(this, "notes");
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
            _listing.Write(Requests, companies, CompanyId, (company, size, token) => companies.ListCompanyNotes(company.Id!, size, token), (note, company) =>
            {
                note.Company = company; // the whole company, as found, rather than the bare id the answer names it by
                WriteObject(note);
            });
        }
    }
}
