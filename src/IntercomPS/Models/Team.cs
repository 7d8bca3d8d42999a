using System;

namespace IntercomPS
{
    /// <summary>A team of admins (REST API 2.x), which conversations can be assigned to.</summary>
    public sealed class Team
    {
        public string? Id { get; set; }
        public string? Name { get; set; }

        /// <summary>The ids of the team's admins.</summary>
        public string[] AdminIds { get; set; } = Array.Empty<string>();

        public override string ToString() => Name ?? Id ?? string.Empty;
    }
}
