using System;

namespace IntercomPS
{
    /// <summary>
    /// A macro (saved reply) of a REST API 2.16 workspace, as the token's admin may see it. Body is HTML with each
    /// placeholder as &lt;attribute key=".." default=".."/&gt;; BodyText is plain text with Intercom's {{key|fallback:".."}}.
    /// </summary>
    public sealed class Macro
    {
        public string? Id { get; set; }
        public string? Name { get; set; }
        public string? Body { get; set; }
        public string? BodyText { get; set; }
        public DateTime? CreatedAt { get; set; }
        public DateTime? UpdatedAt { get; set; }
        /// <summary>everyone or specific_teams.</summary>
        public string? VisibleTo { get; set; }
        public string[] VisibleToTeamIds { get; set; } = Array.Empty<string>();
        /// <summary>inbox and/or messenger.</summary>
        public string[] AvailableOn { get; set; } = Array.Empty<string>();

        public override string ToString() => Name ?? Id ?? string.Empty;
    }

    /// <summary>One option of a conversation list attribute: its UUID, label, and whether it is archived.</summary>
    public sealed class DataAttributeOption
    {
        public string? Id { get; set; }
        public string? Label { get; set; }
        public bool Archived { get; set; }

        public override string ToString() => Label ?? string.Empty;
    }
}
