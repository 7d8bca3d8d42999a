using System.Management.Automation;
using IntercomPS.Client;

namespace IntercomPS.Cmdlets
{
    /// <summary>
    /// Gets help center articles (REST API 2.x): by -Id (from the pipeline too), those whose content holds a -Search
    /// phrase, or with neither every article of the workspace, streamed page by page, the most recently updated first.
    /// -State keeps the published or the draft ones. -First and -Skip count the articles written, and
    /// -IncludeTotalCount writes the total the listing's first page says (<see cref="PagedOutput"/>; unknown with
    /// -State alone, which filters the listing). -Draft (Intercom-Version 2.16 on) gets each article named by -Id as its
    /// staged draft has it instead of the live article: not_found for an article with no draft staged.
    /// </summary>
    [Cmdlet(VerbsCommon.Get, "IntercomArticle", DefaultParameterSetName = ListSet, SupportsPaging = true)]
    [OutputType(typeof(Article))]
    public sealed class GetIntercomArticleCommand : IntercomCmdlet
    {
        private const string ListSet = "List";
        private const string IdSet = "Id";
        private const string SearchSet = "Search";

        private readonly PagedOutput _paged;
        private readonly PipedObject _piped;

        public GetIntercomArticleCommand()
        {
            _paged = new PagedOutput(this, "articles");
            _piped = new PipedObject(Composed, PipedKind.Article, IdSet);
        }

        /// <summary>The id Intercom gave the article.</summary>
        [Parameter(Mandatory = true, ParameterSetName = IdSet, ValueFromPipelineByPropertyName = true)]
        [Alias("article_id")]
        [AllowEmptyString]
        public string? Id { get; set; }

        /// <summary>The article's staged draft instead of the live article (Intercom-Version 2.16 on).</summary>
        [Parameter(ParameterSetName = IdSet)]
        public SwitchParameter Draft { get; set; }

        /// <summary>Words the article's title, description or body holds (Intercom's article search).</summary>
        [Parameter(Mandatory = true, ParameterSetName = SearchSet, Position = 0)]
        [ValidateNotNullOrEmpty]
        public string? Search { get; set; }

        /// <summary>Only the published articles, or only the drafts.</summary>
        [Parameter(ParameterSetName = SearchSet)]
        [Parameter(ParameterSetName = ListSet)]
        [ValidateSet("published", "draft")]
        public string? State { get; set; }

        protected override void ProcessRecord()
        {
            if (ParameterSetName != IdSet) return;
            _paged.RefuseTotalCount("the articles of a listing or search", "-Id or piped articles", _piped.InputObject);
            if (_piped.Refuses(Requests)) return;
            if (string.IsNullOrWhiteSpace(Id))
            {
                Requests.Refuse(_piped.InputObject, new PSArgumentException("Name the article by -Id (a blank cell names none)."));
                return;
            }
            var id = Id!.Trim();
            var draft = Draft.IsPresent;
            Requests.Submit((object?)_piped.InputObject ?? id, token => draft ? Client.As<IArticles>().GetArticleDraftAsync(id, token) : Client.As<IArticles>().GetArticleAsync(id, token), article =>
            {
                if (_paged.Admit()) WriteObject(article);
            });
        }

        protected override void EndProcessing()
        {
            base.EndProcessing();
            if (ParameterSetName == IdSet || _paged.Done || Requests.Refuses(null)) return;
            var articles = Client.As<IArticles>();
            using var reader = ParameterSetName == SearchSet
                ? articles.SearchArticles(Search, State, Requests.StopToken)
                : State is null ? articles.ListArticles(Requests.StopToken) : new KeptPages<Article>(articles.ListArticles(Requests.StopToken), article => article.State == State);
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
