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
        private CompanyFinder? _find;

        public GetIntercomCompanyNoteCommand() => _paged = new PagedOutput(this, "notes");

        /// <summary>The id your workspace gave the company; binds from piped companies and CSV company_id columns.</summary>
        [Parameter(Mandatory = true, Position = 0, ValueFromPipelineByPropertyName = true)]
        [Alias("company_id")]
        [ValidateNotNullOrEmpty]
        public string CompanyId { get; set; } = string.Empty;

        protected override void ProcessRecord()
        {
            if (_paged.Done || Requests.Refuses(CompanyId)) return;
            var companyId = CompanyId;
            var companies = Client.As<ICompanies>();
            var company = Requests.Invoke(companyId, token => (_find ??= companies.NewCompanyFinder())(companyId, token));
            if (company is null) return;
            using var reader = companies.ListCompanyNotes(company.Id!, _paged.PageSize(int.MaxValue), Requests.StopToken);
            try
            {
                _paged.Write(reader, Requests, note =>
                {
                    note.Company = company; // the whole company, as found, rather than the bare id the answer names it by
                    WriteObject(note);
                });
            }
            catch (IntercomApiException failure)
            {
                // A failed page ends this company's listing: what comes after it would be a silent gap.
                Requests.WriteFailure(failure, companyId);
            }
        }
    }
}
