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

        private readonly PagedOutput _paged;
        private readonly PipedObject _piped;

        public GetIntercomInternalArticleCommand()
        {
            _paged = new PagedOutput(this, "internal articles");
            _piped = new PipedObject(Composed, PipedKind.InternalArticle, IdSet);
        }

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
            if (ParameterSetName != IdSet) return;
            _paged.RefuseTotalCount("the internal articles of the listing", "-Id or piped internal articles", _piped.InputObject);
            if (_piped.Refuses(Requests)) return;
            if (string.IsNullOrWhiteSpace(Id))
            {
                Requests.Refuse(_piped.InputObject, new PSArgumentException("Name the internal article by -Id (a blank cell names none)."));
                return;
            }
            var id = Id!.Trim();
            Requests.Submit((object?)_piped.InputObject ?? id, token => Client.As<IArticles>().GetInternalArticleAsync(id, token), article =>
            {
                if (_paged.Admit()) WriteObject(article);
            });
        }

        protected override void EndProcessing()
        {
            base.EndProcessing();
            if (ParameterSetName == IdSet || _paged.Done || Requests.Refuses(null)) return;
            var patterns = Title is null ? null : System.Array.ConvertAll(Title, title => new WildcardPattern(title, WildcardOptions.IgnoreCase));
            var all = Client.As<IArticles>().ListInternalArticles(Requests.StopToken);
            using var reader = patterns is null ? all
                : new KeptPages<InternalArticle>(all, article => System.Array.Exists(patterns, pattern => pattern.IsMatch(article.Title ?? string.Empty)));
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
    }
}
