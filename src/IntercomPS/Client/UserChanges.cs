using System;
using System.Collections;
using System.Collections.Generic;

namespace IntercomPS.Client
{
    /// <summary>
    /// The fields a create or update sends. Only fields that were set are sent, so an update never blanks what
    /// the caller did not mention.
    /// </summary>
    public sealed class UserChanges
    {
        public UserChanges(UserIdentity identity) => Identity = identity ?? throw new ArgumentNullException(nameof(identity));

        public UserIdentity Identity { get; }
        public string? Name { get; set; }
        public DateTime? CreatedAt { get; set; }
        public DateTime? LastRequestAt { get; set; }
        public IDictionary? CustomData { get; set; }
        public string? LastSeenIp { get; set; }
        public string? LastSeenUserAgent { get; set; }
        public IList<IDictionary>? Companies { get; set; }
        public bool? UnsubscribedFromEmails { get; set; }

        /// <summary>2.x only (a contact's phone); v1 users have no phone, so the v1 client refuses it.</summary>
        public string? Phone { get; set; }
    }
}
