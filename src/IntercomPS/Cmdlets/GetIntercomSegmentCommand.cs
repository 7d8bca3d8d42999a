using System.Management.Automation;
using IntercomPS.Client;

namespace IntercomPS.Cmdlets
{
    /// <summary>
    /// Gets segments (REST API 2.x): by -SegmentId, or every segment, with how many contacts each holds when -IncludeCount
    /// is given. -Skip and -First count the segments listed, or the ids given (<see cref="PagedOutput"/>).
    /// </summary>
    [Cmdlet(VerbsCommon.Get, "IntercomSegment", DefaultParameterSetName = ListSet, SupportsPaging = true)]
    [OutputType(typeof(Segment))]
    public sealed class GetIntercomSegmentCommand : IntercomCmdlet
    {
        private const string ListSet = "List";
        private const string IdSet = "Id";

        private readonly PagedOutput _paged;

        private readonly PipedObject _piped;

        public GetIntercomSegmentCommand()
        {
            _paged = new PagedOutput(this, "segments");
            _piped = new PipedObject(Composed, PipedKind.Segment, IdSet);
        }

        /// <summary>The segment's id; binds from piped segments (Id).</summary>
        [Parameter(ParameterSetName = IdSet, Mandatory = true, Position = 0, ValueFromPipelineByPropertyName = true)]
        [Alias("Id", "segment_id")]
        [ValidateNotNullOrEmpty]
        public string SegmentId { get; set; } = string.Empty;

        /// <summary>Each listed segment with how many contacts it holds (Count); a segment read by id always has it.</summary>
        [Parameter(ParameterSetName = ListSet)]
        public SwitchParameter IncludeCount { get; set; }

        protected override void ProcessRecord()
        {
            if (ParameterSetName != IdSet) return;
            if (_piped.Refuses(Requests)) return;
            var id = SegmentId;
            _paged.RefuseTotalCount("the segments of the listing", "-SegmentId or piped segments", id);
            if (_paged.Done || !_paged.Admit()) return;
            Requests.Submit(id, token => Client.As<ISegments>().GetSegmentAsync(id, token), WriteObject);
        }

        protected override void EndProcessing()
        {
            base.EndProcessing();
            if (ParameterSetName != ListSet) return;
            var segments = Requests.Invoke(null, token => Client.As<ISegments>().ListSegmentsAsync(IncludeCount, token));
            if (segments is not null) _paged.Write(segments, WriteObject);
        }
    }
}
