using System.Management.Automation;
using System.Threading;
using System.Threading.Tasks;
using IntercomPS.Client;

namespace IntercomPS.Cmdlets
{
    /// <summary>
    /// Leaves a note on each company given or piped in (Intercom-Version 2.16 on). The company is found by the id your
    /// workspace gave it, once per command however many notes name it; a note is never written twice.
    /// </summary>
    [Cmdlet(VerbsCommon.Add, "IntercomCompanyNote", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Low)]
    [OutputType(typeof(Note))]
    public sealed class AddIntercomCompanyNoteCommand : IntercomCmdlet
    {
        private CompanyFinder? _find;

        /// <summary>The note's text; Intercom renders it as HTML paragraphs.</summary>
        [Parameter(Mandatory = true, Position = 0)]
        [ValidateNotNullOrEmpty]
        public string Body { get; set; } = string.Empty;

        /// <summary>The id your workspace gave the company; binds from piped companies and CSV company_id columns.</summary>
        [Parameter(Mandatory = true, ValueFromPipelineByPropertyName = true)]
        [Alias("company_id")]
        [ValidateNotNullOrEmpty]
        public string CompanyId { get; set; } = string.Empty;

        /// <summary>The admin who writes the notes, instead of the session's (Connect-Intercom -AdminId, else the token's).</summary>
        [Parameter]
        [ValidateNotNullOrEmpty]
        public string? AdminId { get; set; }

        protected override void ProcessRecord()
        {
            if (Requests.Refuses(CompanyId) || !ShouldProcess($"Intercom company {CompanyId}", "Add a note")) return;
            var companyId = CompanyId;
            var companies = Client.As<ICompanies>();
            var find = _find ??= companies.NewCompanyFinder(); // made here, on the pipeline thread, so every note shares it
            Requests.Submit(companyId, token => AddAsync(companies, find, companyId, token), WriteObject);
        }

        private async Task<Note> AddAsync(ICompanies companies, CompanyFinder find, string companyId, CancellationToken token)
        {
            var company = await find(companyId, token).ConfigureAwait(false);
            var note = await companies.AddCompanyNoteAsync(company.Id!, Body, AdminId, token).ConfigureAwait(false);
            note.Company = company; // the whole company, as found, rather than the bare id the answer names it by
            return note;
        }
    }
}
