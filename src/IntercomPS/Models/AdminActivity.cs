using System;
using System.Collections;

namespace IntercomPS
{
    /// <summary>
    /// An entry of the workspace's admin activity log (REST API 2.x): what an admin did or had done to them (an
    /// ActivityType such as admin_away_mode_change or admin_login_success), when (UTC), and the details Intercom keeps
    /// for that type. AdminId and AdminEmail name the admin the activity is about.
    /// </summary>
    public sealed class AdminActivity
    {
        public string? Id { get; set; }
        public string? ActivityType { get; set; }
        public string? Description { get; set; }
        public DateTime? CreatedAt { get; set; }
        public string? AdminId { get; set; }
        public string? AdminEmail { get; set; }

        /// <summary>
        /// What Intercom keeps for the type (away_mode, sign_in_method, before/after...): a <see cref="CustomData"/>,
        /// a nested value as its JSON text.
        /// </summary>
        public Hashtable Metadata
        {
            get => _metadata ??= new CustomData();
            set => _metadata = value;
        }

        private Hashtable? _metadata;

        public override string ToString() => ActivityType ?? Id ?? string.Empty;
    }
}
