using System;

namespace IntercomPS
{
    /// <summary>
    /// A segment (REST API 2.x): a group of contacts Intercom keeps by rules set in its UI. PersonType is user, or
    /// contact for a segment of leads; Count is how many it holds, when asked for (-IncludeCount), else null.
    /// </summary>
    public sealed class Segment
    {
        public string? Id { get; set; }
        public string? Name { get; set; }
        public string? PersonType { get; set; }
        public long? Count { get; set; }
        public DateTime? CreatedAt { get; set; }
        public DateTime? UpdatedAt { get; set; }

        public override string ToString() => Name ?? Id ?? string.Empty;
    }
}
