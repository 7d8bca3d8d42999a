using System.Management.Automation;
using IntercomPS.Client;

namespace IntercomPS.Cmdlets
{
    /// <summary>
    /// Gets tags by name, or with no name every tag of the workspace (REST API 2.x only: v1 finds tags by name).
    /// On v1 tags carry their colour and tagged user count; on 2.x, whose tags have neither, those are null.
    /// </summary>
    [Cmdlet(VerbsCommon.Get, "IntercomTag")]
    [OutputType(typeof(Tag))]
    public sealed class GetIntercomTagCommand : IntercomCmdlet
    {
        [Parameter(Position = 0, ValueFromPipeline = true, ValueFromPipelineByPropertyName = true)]
        [ValidateNotNullOrEmpty]
        public string[]? Name { get; set; }

        protected override void ProcessRecord()
        {
            if (Name is null)
            {
                var tags = Requests.Invoke(null, token => Client.As<ITagListing>().ListTagsAsync(token));
                if (tags is not null) WriteObject(tags, enumerateCollection: true);
                return;
            }
            // One finder per batch of names: on 2.x they share one listing. Piped names come one per record, each with
            // its own finder, so a tag made upstream in the same pipeline is found.
            var find = Client.NewTagFinder();
            foreach (var name in Name)
            {
                var tag = Requests.Invoke(name, token => find(name, token));
                if (tag is not null) WriteObject(tag);
            }
        }
    }
}
