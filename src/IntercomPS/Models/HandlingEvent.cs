using System;

namespace IntercomPS
{
    /// <summary>
    /// A teammate pausing or resuming their handling of a thread (conversation), as REST API 2.16's GET
    /// /conversations/{id}/handling_events lists it. Teammate* name who: an admin, a team or a bot.
    /// </summary>
    public sealed class HandlingEvent
    {
        /// <summary>The thread the event is of, so events of several piped threads stay told apart.</summary>
        public long ThreadId { get; set; }

        /// <summary>paused or resumed.</summary>
        public string? Type { get; set; }

        public DateTime? Timestamp { get; set; }

        /// <summary>Why, when Intercom says (e.g. Paused, Away); null otherwise.</summary>
        public string? Reason { get; set; }

        /// <summary>admin, team or bot.</summary>
        public string? TeammateType { get; set; }
        public string? TeammateId { get; set; }
        public string? TeammateName { get; set; }
        public string? TeammateEmail { get; set; }

        public override string ToString() => $"{Type} by {TeammateName ?? TeammateId}";
    }
}
