using System.Management.Automation;
using IntercomPS.Client;

namespace IntercomPS.Cmdlets
{
    /// <summary>
    /// Gets internal articles (REST API 2.x): by -Id (from the pipeline too), or every one of the workspace, streamed
    /// page by page, the most recently updated first, -Title keeping those it matches (wildcards, case ignored: the API
    /// searches internal articles by folder only). -First, -Skip and -IncludeTotalCount count the articles written
    /// (<see cref="PagedOutput"/>; the total is unknown with -Title, which filters the listing here).
    /// </summary>
    [Cmdlet(VerbsCommon.Get, "IntercomInternalArticle", DefaultParameterSetName = ListSet, SupportsPaging = true)]
    [OutputType(typeof(InternalArticle))]
    public sealed class GetIntercomInternalArticleCommand : IntercomCmdlet
    {
        private const string ListSet = "List";
        private const string IdSet = "Id";

        private readonly ByIdOrListing<InternalArticle> _lookup;

        public GetIntercomInternalArticleCommand() =>
            _lookup = new ByIdOrListing<InternalArticle>(this, Composed, PipedKind.InternalArticle, IdSet, "internal article", "internal articles", article => article.Title);

        /// <summary>The id Intercom gave the internal article.</summary>
        [Parameter(Mandatory = true, ParameterSetName = IdSet, ValueFromPipelineByPropertyName = true)]
        [Alias("internal_article_id")]
        [AllowEmptyString]
        public string? Id { get; set; }

        /// <summary>Keeps the articles with one of these titles (wildcards, case ignored).</summary>
        [Parameter(ParameterSetName = ListSet, Position = 0)]
        [ValidateNotNullOrEmpty]
        [SupportsWildcards]
        public string[]? Title { get; set; }

        protected override void ProcessRecord()
        {
            if (ParameterSetName == IdSet) _lookup.Get(Requests, Id, (id, token) => Client.As<IArticles>().GetInternalArticleAsync(id, token), WriteObject);
        }

        protected override void EndProcessing()
        {
            base.EndProcessing();
            if (ParameterSetName != IdSet) _lookup.List(Requests, () => Client.As<IArticles>().ListInternalArticles(Requests.StopToken), Title, WriteObject);
        }
    }
}
