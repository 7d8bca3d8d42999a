using System.Management.Automation;
using IntercomPS.Client;

namespace IntercomPS.Cmdlets
{
    /// <summary>
    /// Gets tags by name, or with no name every tag of the workspace (REST API 2.x only: v1 finds tags by name).
    /// On v1 tags carry their colour and tagged user count; on 2.x, whose tags have no colour, each tag's users are
    /// counted with one contact search. -Skip and -First count the tags listed, or the names given, in order (a name
    /// skipped is not looked up), as <see cref="PagedOutput"/> does.
    /// </summary>
    [Cmdlet(VerbsCommon.Get, "IntercomTag", SupportsPaging = true)]
    [OutputType(typeof(Tag))]
    public sealed class GetIntercomTagCommand : IntercomCmdlet
    {
        private readonly PagedOutput _paged;

        private readonly PipedObject _piped;

        public GetIntercomTagCommand()
        {
            _paged = new PagedOutput(this, "tags");
            _piped = new PipedObject(Composed, PipedKind.Tag);
        }

        [Parameter(Position = 0, ValueFromPipeline = true, ValueFromPipelineByPropertyName = true)]
        [ValidateNotNullOrEmpty]
        public string[]? Name { get; set; }

        protected override void ProcessRecord()
        {
            if (_piped.Refuses(Requests)) return;
            if (Name is null)
            {
                var tags = Requests.Invoke(null, token => Client.As<ITagListing>().ListTagsAsync(token));
                if (tags is not null) _paged.Write(tags, tag => WriteCounted(tag, tag));
                return;
            }
            _paged.RefuseTotalCount("the tags of the listing", "-Name", Name);
            // One finder per batch of names: on 2.x they share one listing. Piped names come one per record, each with
            // its own finder, so a tag made upstream in the same pipeline is found.
            var find = Client.NewTagFinder();
            foreach (var name in Name)
            {
                if (_paged.Done) return;
                if (!_paged.Admit()) continue;
                var tag = Requests.Invoke(name, token => find(name, token));
                if (tag is not null) WriteCounted(tag, name);
            }
        }

        /// <summary>
        /// The tag with its tagged user count (v1 says it; on 2.x one contact search each, up to -ThrottleLimit's default
        /// side by side), written in order.
        /// </summary>
        private void WriteCounted(Tag tag, object target) => Requests.Submit(target, token => Client.CountTaggedUsersAsync(tag, token), WriteObject);
    }
}
