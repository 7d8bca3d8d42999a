using System.Management.Automation;
using System.Threading;
using System.Threading.Tasks;
using IntercomPS.Client;

namespace IntercomPS.Cmdlets
{
    /// <summary>
    /// Deletes companies (REST API 2.x): their users are detached, not deleted. By Intercom's -Id, else your
    /// -CompanyId (found first); asks first unless -Force or -Confirm:$false.
    /// </summary>
    [Cmdlet(VerbsCommon.Remove, "IntercomCompany", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.High)]
    [OutputType(typeof(Company))]
    public sealed class RemoveIntercomCompanyCommand : IntercomCmdlet
    {
        private CompanyFinder? _find;

        private readonly PipedObject _piped;

        public RemoveIntercomCompanyCommand()
        {
            ThrottleLimit.Declare(Composed);
            _piped = new PipedObject(Composed, PipedKind.Company);
        }

        /// <summary>The id Intercom gave the company; wins over -CompanyId when a piped object has both.</summary>
        [Parameter(ValueFromPipelineByPropertyName = true)]
        public string? Id { get; set; }

        /// <summary>The id your workspace gave the company.</summary>
        [Parameter(ValueFromPipelineByPropertyName = true)]
        [Alias("company_id")]
        public string? CompanyId { get; set; }

        /// <summary>Delete without asking (-WhatIf still only describes).</summary>
        [Parameter]
        public SwitchParameter Force { get; set; }

        /// <summary>Return each deleted company as it was.</summary>
        [Parameter]
        public SwitchParameter PassThru { get; set; }

        protected override void ProcessRecord()
        {
            if (_piped.Refuses(Requests)) return;
            var (id, companyId) = (string.IsNullOrWhiteSpace(Id) ? null : Id, string.IsNullOrWhiteSpace(CompanyId) ? null : CompanyId);
            if (id is null && companyId is null)
            {
                Requests.Refuse(InputObject, new PSArgumentException("Name the company to delete by -Id or -CompanyId (a blank cell names none)."));
                return;
            }
            var named = id ?? companyId!;
            // A piped company has both: its company id is what a person recognises in a prompt, Intercom's id alone is not.
            var described = id is not null && companyId is not null ? $"{companyId} ({id})" : named;
            if (!ShouldProcessUnlessForced(Force, described, "Remove Intercom company (its users are detached, not deleted)")) return;
            Requests.Submit(named, token => DeleteAsync(id, companyId, token), removed => { if (PassThru) WriteObject(removed); });
        }

        /// <summary>The piped object itself, so the error of a row that names no company carries that row.</summary>
        private PSObject? InputObject => _piped.InputObject;

        /// <summary>By Intercom's id (and then the company id must be that company's too), else found by its company id.</summary>
        private async Task<Company> DeleteAsync(string? id, string? companyId, CancellationToken token)
        {
            var companies = Client.As<ICompanies>();
            if (id is not null) return await companies.DeleteCompanyAsync(id, companyId, token).ConfigureAwait(false);
            var found = await (_find ??= companies.NewCompanyFinder())(companyId!, token).ConfigureAwait(false);
            return await companies.DeleteCompanyAsync(found.Id!, cancellationToken: token).ConfigureAwait(false);
        }
    }
}
