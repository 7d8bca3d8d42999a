using System.Management.Automation;
using IntercomPS.Client;

namespace IntercomPS.Cmdlets
{
    /// <summary>Gets the contacts of a segment (REST API 2.x), oldest first, streamed page by page.</summary>
    [Cmdlet(VerbsCommon.Get, "IntercomSegmentUser")]
    [OutputType(typeof(User))]
    public sealed class GetIntercomSegmentUserCommand : IntercomCmdlet
    {
        /// <summary>The segment's id; binds from piped segments (Id).</summary>
        [Parameter(Mandatory = true, Position = 0, ValueFromPipelineByPropertyName = true)]
        [Alias("Id", "segment_id")]
        [ValidateNotNullOrEmpty]
        public string SegmentId { get; set; } = string.Empty;

        protected override void ProcessRecord()
        {
            var id = SegmentId;
            if (Requests.Refuses(id)) return;
            using var reader = Client.As<ISegments>().ListSegmentUsers(id, Requests.StopToken);
            try
            {
                foreach (var page in Requests.Stream(_ => reader.NextAsync()))
                {
                    foreach (var user in page) WriteUser(user);
                }
            }
            catch (IntercomApiException failure)
            {
                // A failed page ends this segment's listing: what comes after it would be a silent gap.
                Requests.WriteFailure(failure, id);
            }
        }
    }
}
