using System;
using System.Collections;

namespace IntercomPS
{
    /// <summary>
    /// Something a user did, recorded as a data event (REST API 2.x): its name, when it happened (UTC, to the second),
    /// and flat metadata. One event per user, name and second: the same three again are the same event.
    /// </summary>
    public sealed class DataEvent
    {
        public string? EventName { get; set; }
        public DateTime? CreatedAt { get; set; }
        /// <summary>A <see cref="IntercomPS.CustomData"/>: flat key/value data, whose text is its JSON.</summary>
        public Hashtable Metadata
        {
            get => _metadata ??= new CustomData();
            set => _metadata = value;
        }

        private Hashtable? _metadata;
        /// <summary>The contact id of the user the event is about.</summary>
        public string? ContactId { get; set; }
        public string? UserId { get; set; }
        public string? Email { get; set; }

        public override string ToString() => EventName ?? string.Empty;
    }

    /// <summary>How often a user did one event: how many times, and when first and last (UTC).</summary>
    public sealed class EventSummary
    {
        public string? Name { get; set; }
        public long Count { get; set; }
        public DateTime? First { get; set; }
        public DateTime? Last { get; set; }
        public string? Description { get; set; }
        /// <summary>The contact id of the user the summary is about.</summary>
        public string? ContactId { get; set; }
        public string? UserId { get; set; }
        public string? Email { get; set; }

        public override string ToString() => Name ?? string.Empty;
    }
}
