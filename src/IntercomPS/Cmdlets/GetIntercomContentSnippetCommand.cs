using System.Management.Automation;
using IntercomPS.Client;

namespace IntercomPS.Cmdlets
{
    /// <summary>
    /// Gets content snippets (REST API 2.16): by -Id (from the pipeline too), or every one of the workspace, streamed
    /// page by page, the most recently updated first, -Title keeping those it matches (wildcards, case ignored: the API
    /// has no search for snippets). -First, -Skip and -IncludeTotalCount count the snippets written
    /// (<see cref="PagedOutput"/>; the total is unknown with -Title, which filters the listing here).
    /// </summary>
    [Cmdlet(VerbsCommon.Get, "IntercomContentSnippet", DefaultParameterSetName = ListSet, SupportsPaging = true)]
    [OutputType(typeof(ContentSnippet))]
    public sealed class GetIntercomContentSnippetCommand : IntercomCmdlet
    {
        private const string ListSet = "List";
        private const string IdSet = "Id";

        private readonly ByIdOrListing<ContentSnippet> _lookup;

        public GetIntercomContentSnippetCommand() =>
            _lookup = new ByIdOrListing<ContentSnippet>(this, Composed, PipedKind.ContentSnippet, IdSet, "content snippet", "content snippets", snippet => snippet.Title);

        /// <summary>The id Intercom gave the content snippet.</summary>
        [Parameter(Mandatory = true, ParameterSetName = IdSet, ValueFromPipelineByPropertyName = true)]
        [Alias("content_snippet_id")]
        [AllowEmptyString]
        public string? Id { get; set; }

        /// <summary>Keeps the snippets with one of these titles (wildcards, case ignored).</summary>
        [Parameter(ParameterSetName = ListSet, Position = 0)]
        [ValidateNotNullOrEmpty]
        [SupportsWildcards]
        public string[]? Title { get; set; }

        protected override void ProcessRecord()
        {
            if (ParameterSetName == IdSet) _lookup.Get(Requests, Id, (id, token) => Client.As<IContentSnippets>().GetContentSnippetAsync(id, token), WriteObject);
        }

        protected override void EndProcessing()
        {
            base.EndProcessing();
            if (ParameterSetName != IdSet) _lookup.List(Requests, () => Client.As<IContentSnippets>().ListContentSnippets(Requests.StopToken), Title, WriteObject);
        }
    }
}
