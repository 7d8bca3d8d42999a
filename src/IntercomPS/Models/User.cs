using System;
using System.Collections;
using System.Collections.Generic;
using System.Collections.ObjectModel;
using System.Linq;

namespace IntercomPS
{
    /// <summary>An Intercom user, whichever API it came from. Dates are UTC; CustomData is a case-insensitive hashtable.</summary>
    public sealed class User
    {
        /// <summary>Intercom's own id for the user: v1's intercom_id, which is the 2.x contact id.</summary>
        public string? Id { get; set; }
        public string? Email { get; set; }
        public string? UserId { get; set; }
        public string? Name { get; set; }
        public DateTime? CreatedAt { get; set; }
        public DateTime? LastImpressionAt { get; set; }
        /// <summary>A <see cref="IntercomPS.CustomData"/>, whose text (what Export-Csv writes) is its JSON.</summary>
        public Hashtable CustomData
        {
            // Made when first read, not with every User: each answer sets its own, and a listing makes many.
            get => _customData ??= new CustomData();
            set => _customData = value;
        }

        private Hashtable? _customData;
        /// <summary>A list whose text (what Export-Csv writes) names each profile, not a type name.</summary>
        public SocialProfiles SocialProfiles { get; set; } = SocialProfiles.None;
        public LocationData? LocationData { get; set; }
        public int SessionCount { get; set; }
        public string? LastSeenIp { get; set; }
        public string? LastSeenUserAgent { get; set; }
        public int? RelationshipScore { get; set; }
        public bool UnsubscribedFromEmails { get; set; }

        // What only REST API 2.x has: null on v1 (which has no such fields), so a script can tell "not known" from false.
        /// <summary>The contact's role on 2.x (always "user" for the users the cmdlets work with).</summary>
        public string? Role { get; set; }
        public string? Phone { get; set; }
        /// <summary>Whether the contact is archived (Remove-IntercomUser -Archive; Restore-IntercomUser brings it back).</summary>
        public bool? Archived { get; set; }
        public DateTime? UpdatedAt { get; set; }
        /// <summary>
        /// The user's tags with their names (REST API 2.x; null on v1, whose users do not list their tags). Its text (what
        /// Export-Csv writes) is the names, so an export keeps them.
        /// </summary>
        public UserTags? Tags { get; set; }

        public override string ToString() => Email ?? UserId ?? Id ?? string.Empty;

        /// <summary>
        /// True when <see cref="Tags"/> holds only what a 2.x contact lists (up to 10 references without names, and
        /// whether there are more), so the cmdlet writing the user must name them first.
        /// </summary>
        internal bool TagsUnnamed { get; set; }

        /// <summary>True when the contact has more tags than it lists (2.x lists at most 10): they are read from its own tag list.</summary>
        internal bool TagsHaveMore { get; set; }

        /// <summary>Values Intercom sent for this user that could not be shown (a time past the year 9999), for a warning.</summary>
        internal string[] Unreadable { get; set; } = Array.Empty<string>();
    }

    /// <summary>
    /// A user's social profiles: a read-only list (index, Count, foreach and the pipeline as an array's) whose text is
    /// "twitter: ben; facebook: ...", so an Export-Csv cell says what they are instead of "IntercomPS.SocialProfile[]".
    /// </summary>
    public sealed class SocialProfiles : ReadOnlyCollection<SocialProfile>
    {
        public static readonly SocialProfiles None = new SocialProfiles(Array.Empty<SocialProfile>());

        public SocialProfiles(IList<SocialProfile> profiles) : base(profiles)
        {
        }

        public override string ToString() => string.Join("; ", this);
    }

    /// <summary>A user's tags: a read-only list of <see cref="Tag"/>s whose text is their names, "trial; vip".</summary>
    public sealed class UserTags : ReadOnlyCollection<Tag>
    {
        /// <summary>No tags: one shared list, since a listing's users mostly have none and a list cannot be changed.</summary>
        public static readonly UserTags None = new UserTags(Array.Empty<Tag>());

        public UserTags(IList<Tag> tags) : base(tags)
        {
        }

        /// <summary>The tags' names, for a filter such as Where-Object { $_.Tags.Names -contains 'vip' }.</summary>
        public string[] Names => Items.Select(tag => tag.Name ?? tag.Id ?? string.Empty).ToArray();

        public override string ToString() => string.Join("; ", Names);
    }

    /// <summary>A social network profile Intercom found for a user.</summary>
    public sealed class SocialProfile
    {
        public string? Type { get; set; }
        public string? Url { get; set; }
        public string? Username { get; set; }
        public string? Id { get; set; }

        public override string ToString() => $"{Type}: {Username ?? Url}";
    }

    /// <summary>Where a user was last seen, from their IP address.</summary>
    public sealed class LocationData
    {
        public string? CityName { get; set; }
        public string? ContinentCode { get; set; }
        public string? CountryName { get; set; }
        public string? CountryCode { get; set; }
        public string? RegionName { get; set; }
        public string? PostalCode { get; set; }
        public string? Timezone { get; set; }
        public double? Latitude { get; set; }
        public double? Longitude { get; set; }

        public override string ToString() => string.Join(", ", new[] { CityName, CountryName }).Trim(',', ' ');
    }
}
