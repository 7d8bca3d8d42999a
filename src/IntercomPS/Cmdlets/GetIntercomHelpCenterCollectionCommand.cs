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

        private readonly ByIdOrListing<HelpCenterCollection> _lookup;

        public GetIntercomHelpCenterCollectionCommand() =>
            _lookup = new ByIdOrListing<HelpCenterCollection>(this, Composed, PipedKind.HelpCenterCollection, IdSet, "collection", "collections", collection => collection.Name);

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
            if (ParameterSetName == IdSet) _lookup.Get(Requests, Id, (id, token) => Client.As<IArticles>().GetHelpCenterCollectionAsync(id, token), WriteObject);
        }

        protected override void EndProcessing()
        {
            base.EndProcessing();
            if (ParameterSetName != IdSet) _lookup.List(Requests, () => Client.As<IArticles>().ListHelpCenterCollections(Requests.StopToken), Name, WriteObject);
        }
    }
}
