using System;

namespace IntercomPS
{
    /// <summary>A teammate of the workspace (REST API 2.x): whom conversations are assigned to, who writes replies and notes.</summary>
    public sealed class Admin
    {
        public string? Id { get; set; }
        public string? Name { get; set; }
        public string? Email { get; set; }
        public string? JobTitle { get; set; }

        /// <summary>Whether the admin is away (away_mode_enabled).</summary>
        public bool Away { get; set; }

        /// <summary>Whether new conversations are reassigned while the admin is away (away_mode_reassign).</summary>
        public bool AwayReassign { get; set; }

        /// <summary>Why the admin is away (away_status_reason_id, REST API 2.14 on): an AwayReason's Id, or null.</summary>
        public long? AwayReasonId { get; set; }

        public bool HasInboxSeat { get; set; }

        /// <summary>The ids of the teams the admin is in.</summary>
        public string[] TeamIds { get; set; } = Array.Empty<string>();

        public override string ToString() => Name ?? Email ?? Id ?? string.Empty;
    }
}
