using System;
using System.Management.Automation;
using IntercomPS.Client;

namespace IntercomPS.Cmdlets
{
    /// <summary>
    /// Gets companies (REST API 2.x): by Intercom's -Id, by your -CompanyId or by -Name (from the pipeline too), or with
    /// none of them every company of the workspace, streamed page by page through its company scroll. -First and -Skip
    /// count the companies written (the scroll is not read past -First; its page size is Intercom's), and
    /// -IncludeTotalCount writes an unknown total, as a scroll page says none (<see cref="PagedOutput"/>).
    /// </summary>
    [Cmdlet(VerbsCommon.Get, "IntercomCompany", DefaultParameterSetName = ListSet, SupportsPaging = true)]
    [OutputType(typeof(Company))]
    public sealed class GetIntercomCompanyCommand : IntercomCmdlet
    {
        private const string ListSet = "List";
        private const string FindSet = "Find";

        private readonly PagedOutput _paged;
        private readonly PipedObject _piped;

        public GetIntercomCompanyCommand()
        {
            _paged = new PagedOutput(this, "companies");
            _piped = new PipedObject(Composed, PipedKind.Company, FindSet);
        }

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
        private PSObject? InputObject => _piped.InputObject;

        protected override void ProcessRecord()
        {
            if (ParameterSetName != FindSet) return;
            _paged.RefuseTotalCount("the companies of the listing", "-Id, -CompanyId, -Name or piped companies", InputObject);
            if (_piped.Refuses(Requests)) return;
            var (id, companyId, name) = (Blank(Id), Blank(CompanyId), Blank(Name));
            if (id is null && companyId is null && name is null)
            {
                Requests.WriteFailure(new PSArgumentException("Name a company by -Id, -CompanyId or -Name (a blank cell names none)."), InputObject);
                return;
            }
            var target = (object?)id ?? companyId ?? name;
            if (id is not null) Requests.Submit(target, token => Client.As<ICompanies>().GetCompanyAsync(id, token), WriteFound);
            else Requests.Submit(target, token => Client.As<ICompanies>().FindCompaniesAsync(companyId, name, token), found => { foreach (var company in found) WriteFound(company); });
        }

        protected override void EndProcessing()
        {
            base.EndProcessing();
            if (ParameterSetName != ListSet || _paged.Done || Requests.Refuses(null)) return;
            var companies = Client.As<ICompanies>();
            // Said before the wait, not after it: the wait (up to a minute) is otherwise silent.
            if (companies.CompanyScrollLeftOpenAt(DateTime.UtcNow) is not null)
                WriteWarning(ScrollLeftOpenWarning);
            using var reader = companies.ListCompanies(Requests.StopToken);
            try
            {
                _paged.Write(reader, Requests, WriteObject);
            }
            catch (IntercomApiException failure)
            {
                // A failed page ends the listing: what comes after it would be a silent gap.
                Requests.WriteFailure(failure, failure.RequestUri);
            }
        }

        internal const string ScrollLeftOpenWarning =
            "An earlier company listing in this session stopped before its end (-First), and the company scroll it read stays open until it expires, " +
            "a minute after its last page: Intercom allows one scroll per workspace and has no way to close one, so this listing waits for it (up to a minute).";

        /// <summary>-Skip and -First count the companies found, in order, across the whole pipeline (a -Name may find several).</summary>
        private void WriteFound(Company company)
        {
            if (_paged.Admit()) WriteObject(company);
        }

        private static string? Blank(string? text) => string.IsNullOrWhiteSpace(text) ? null : text;
    }
}
