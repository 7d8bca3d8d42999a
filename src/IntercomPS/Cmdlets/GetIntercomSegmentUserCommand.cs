using System.Management.Automation;
using IntercomPS.Client;

namespace IntercomPS.Cmdlets
{
    /// <summary>
    /// Gets the contacts of a segment (REST API 2.x), oldest first, streamed page by page; -First and -Skip count them
    /// across every segment piped in, -IncludeTotalCount writes each segment's total (<see cref="PagedOutput"/>).
    /// </summary>
    [Cmdlet(VerbsCommon.Get, "IntercomSegmentUser", SupportsPaging = true)]
    [OutputType(typeof(User))]
    public sealed class GetIntercomSegmentUserCommand : IntercomCmdlet
    {
        private readonly PagedOutput _paged;

        private readonly PipedObject _piped;

        public GetIntercomSegmentUserCommand()
        {
            _paged = new PagedOutput(this, "users");
            _piped = new PipedObject(Composed, PipedKind.Segment);
        }

        /// <summary>The segment's id; binds from piped segments (Id).</summary>
        [Parameter(Mandatory = true, Position = 0, ValueFromPipelineByPropertyName = true)]
        [Alias("Id", "segment_id")]
        [ValidateNotNullOrEmpty]
        public string SegmentId { get; set; } = string.Empty;

        protected override void ProcessRecord()
        {
            if (_piped.Refuses(Requests)) return;
            var id = SegmentId;
            if (_paged.Done || Requests.Refuses(id)) return;
            using var reader = Client.As<ISegments>().ListSegmentUsers(id, _paged.PageSize(int.MaxValue), Requests.StopToken);
            try
            {
                _paged.Write(reader, Requests, WriteUser);
            }
            catch (IntercomApiException failure)
            {
                // A failed page ends this segment's listing: what comes after it would be a silent gap.
                Requests.WriteFailure(failure, id);
            }
        }
    }
}
