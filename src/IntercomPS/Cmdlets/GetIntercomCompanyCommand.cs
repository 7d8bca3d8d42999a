using System.Management.Automation;
using IntercomPS.Client;

namespace IntercomPS.Cmdlets
{
    /// <summary>
    /// Gets companies (REST API 2.x): by Intercom's -Id, by your -CompanyId or by -Name (from the pipeline too), or with
    /// none of them every company of the workspace, streamed page by page through its company scroll.
    /// </summary>
    [Cmdlet(VerbsCommon.Get, "IntercomCompany", DefaultParameterSetName = ListSet)]
    [OutputType(typeof(Company))]
    public sealed class GetIntercomCompanyCommand : IntercomCmdlet
    {
        private const string ListSet = "List";
        private const string FindSet = "Find";

        /// <summary>The id Intercom gave the company; it wins over -CompanyId and -Name when a piped object has several.</summary>
        [Parameter(ParameterSetName = FindSet, ValueFromPipelineByPropertyName = true)]
        public string? Id { get; set; }

        /// <summary>The id your workspace gave the company.</summary>
        [Parameter(ParameterSetName = FindSet, ValueFromPipelineByPropertyName = true)]
        [Alias("company_id")]
        public string? CompanyId { get; set; }

        /// <summary>The company's name: every company of that name. A blank value (a CSV cell) names nothing: that input's error says so.</summary>
        [Parameter(ParameterSetName = FindSet, ValueFromPipelineByPropertyName = true)]
        public string? Name { get; set; }

        /// <summary>The piped object itself, so the error of a row that names no company carries that row.</summary>
        [Parameter(ParameterSetName = FindSet, ValueFromPipeline = true, DontShow = true)]
        public PSObject? InputObject { get; set; }

        protected override void ProcessRecord()
        {
            if (ParameterSetName != FindSet) return;
            var (id, companyId, name) = (Blank(Id), Blank(CompanyId), Blank(Name));
            if (id is null && companyId is null && name is null)
            {
                Requests.WriteFailure(new PSArgumentException("Name a company by -Id, -CompanyId or -Name (a blank cell names none)."), InputObject);
                return;
            }
            var target = (object?)id ?? companyId ?? name;
            if (id is not null) Requests.Submit(target, token => Client.As<ICompanies>().GetCompanyAsync(id, token), WriteObject);
            else Requests.Submit(target, token => Client.As<ICompanies>().FindCompaniesAsync(companyId, name, token), found => WriteObject(found, enumerateCollection: true));
        }

        protected override void EndProcessing()
        {
            base.EndProcessing();
            if (ParameterSetName != ListSet || Requests.Refuses(null)) return;
            using var reader = Client.As<ICompanies>().ListCompanies(Requests.StopToken);
            try
            {
                foreach (var page in Requests.Stream(_ => reader.NextAsync())) WriteObject(page, enumerateCollection: true);
            }
            catch (IntercomApiException failure)
            {
                // A failed page ends the listing: what comes after it would be a silent gap.
                Requests.WriteFailure(failure, failure.RequestUri);
            }
        }

        private static string? Blank(string? text) => string.IsNullOrWhiteSpace(text) ? null : text;
    }
}
