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

        private readonly PagedOutput _paged;
        private readonly PipedObject _piped;

        public GetIntercomContentSnippetCommand()
        {
            _paged = new PagedOutput(this, "content snippets");
            _piped = new PipedObject(Composed, PipedKind.ContentSnippet, IdSet);
        }

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
            if (ParameterSetName != IdSet) return;
            _paged.RefuseTotalCount("the content snippets of the listing", "-Id or piped content snippets", _piped.InputObject);
            if (_piped.Refuses(Requests)) return;
            if (string.IsNullOrWhiteSpace(Id))
            {
                Requests.Refuse(_piped.InputObject, new PSArgumentException("Name the content snippet by -Id (a blank cell names none)."));
                return;
            }
            var id = Id!.Trim();
            Requests.Submit((object?)_piped.InputObject ?? id, token => Client.As<IContentSnippets>().GetContentSnippetAsync(id, token), snippet =>
            {
                if (_paged.Admit()) WriteObject(snippet);
            });
        }

        protected override void EndProcessing()
        {
            base.EndProcessing();
            if (ParameterSetName == IdSet || _paged.Done || Requests.Refuses(null)) return;
            var patterns = Title is null ? null : System.Array.ConvertAll(Title, title => new WildcardPattern(title, WildcardOptions.IgnoreCase));
            var all = Client.As<IContentSnippets>().ListContentSnippets(Requests.StopToken);
            using var reader = patterns is null ? all
                : new KeptPages<ContentSnippet>(all, snippet => System.Array.Exists(patterns, pattern => pattern.IsMatch(snippet.Title ?? string.Empty)));
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
