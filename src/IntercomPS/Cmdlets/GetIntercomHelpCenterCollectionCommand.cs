using System.Management.Automation;
using IntercomPS.Client;

namespace IntercomPS.Cmdlets
{
    /// <summary>
    /// Gets the help center's collections and sections (REST API 2.x): by -Id (from the pipeline too), or every one of
    /// the workspace, streamed page by page, the most recently updated first, -Name keeping those it matches (wildcards,
    /// case ignored). -First, -Skip and -IncludeTotalCount count the collections written (<see cref="PagedOutput"/>;
    /// the total is unknown with -Name, which filters the listing here).
    /// </summary>
    [Cmdlet(VerbsCommon.Get, "IntercomHelpCenterCollection", DefaultParameterSetName = ListSet, SupportsPaging = true)]
    [OutputType(typeof(HelpCenterCollection))]
    public sealed class GetIntercomHelpCenterCollectionCommand : IntercomCmdlet
    {
        private const string ListSet = "List";
        private const string IdSet = "Id";

        private readonly PagedOutput _paged;
        private readonly PipedObject _piped;

        public GetIntercomHelpCenterCollectionCommand()
        {
            _paged = new PagedOutput(this, "collections");
            _piped = new PipedObject(Composed, PipedKind.HelpCenterCollection, IdSet);
        }

        /// <summary>The id Intercom gave the collection (an article's ParentId).</summary>
        [Parameter(Mandatory = true, ParameterSetName = IdSet, ValueFromPipelineByPropertyName = true)]
        [Alias("collection_id")]
        [AllowEmptyString]
        public string? Id { get; set; }

        /// <summary>Keeps the collections with one of these names (wildcards, case ignored).</summary>
        [Parameter(ParameterSetName = ListSet, Position = 0)]
        [ValidateNotNullOrEmpty]
        [SupportsWildcards]
        public string[]? Name { get; set; }

        protected override void ProcessRecord()
        {
            if (ParameterSetName != IdSet) return;
            _paged.RefuseTotalCount("the collections of the listing", "-Id or piped collections", _piped.InputObject);
            if (_piped.Refuses(Requests)) return;
            if (string.IsNullOrWhiteSpace(Id))
            {
                Requests.Refuse(_piped.InputObject, new PSArgumentException("Name the collection by -Id (a blank cell names none)."));
                return;
            }
            var id = Id!.Trim();
            Requests.Submit((object?)_piped.InputObject ?? id, token => Client.As<IArticles>().GetHelpCenterCollectionAsync(id, token), collection =>
            {
                if (_paged.Admit()) WriteObject(collection);
            });
        }

        protected override void EndProcessing()
        {
            base.EndProcessing();
            if (ParameterSetName == IdSet || _paged.Done || Requests.Refuses(null)) return;
            var patterns = Name is null ? null : System.Array.ConvertAll(Name, name => new WildcardPattern(name, WildcardOptions.IgnoreCase));
            var all = Client.As<IArticles>().ListHelpCenterCollections(Requests.StopToken);
            using var reader = patterns is null ? all
                : new KeptPages<HelpCenterCollection>(all, collection => System.Array.Exists(patterns, pattern => pattern.IsMatch(collection.Name ?? string.Empty)));
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
