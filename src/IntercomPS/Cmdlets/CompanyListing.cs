using System;
using System.Threading;
using IntercomPS.Client;

namespace IntercomPS.Cmdlets
{
    /// <summary>
    /// What Get-IntercomCompanyUser and Get-IntercomCompanyNote share, held by each: the company -CompanyId names, found
    /// once per command however many inputs name it, and one of its lists streamed page by page through the command's
    /// <see cref="PagedOutput"/>; a failed page ends that company's listing with its error rather than a silent gap.
    /// </summary>
    internal sealed class CompanyListing
    {
        private readonly PagedOutput _paged;
        private CompanyFinder? _find;

        public CompanyListing(PagedOutput paged) => _paged = paged;

        /// <summary>
        /// Streams what <paramref name="list"/> reads of the company <paramref name="companyId"/> names (given the company
        /// and the page size), handing each item with its company to <paramref name="write"/>; a company not found is
        /// that input's error.
        /// </summary>
        public void Write<T>(RequestRunner requests, ICompanies companies, string companyId,
            Func<Company, int, CancellationToken, IPageReader<T>> list, Action<T, Company> write) where T : class
        {
            var company = requests.Invoke(companyId, token => (_find ??= companies.NewCompanyFinder())(companyId, token));
            if (company is null) return;
            using var reader = list(company, _paged.PageSize(int.MaxValue), requests.StopToken);
            try
            {
                _paged.Write(reader, requests, item => write(item, company));
            }
            catch (IntercomApiException failure)
            {
                requests.WriteFailure(failure, companyId);
            }
        }
    }
}
