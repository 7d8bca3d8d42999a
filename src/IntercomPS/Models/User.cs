using System;
using System.Collections;
using System.Text.Json.Serialization;
using IntercomPS.Json;

namespace IntercomPS
{
    /// <summary>An Intercom user, as the API returns it. Dates are UTC; CustomData is a case-insensitive hashtable.</summary>
    public sealed class User : ICheckedAnswer, IJsonOnDeserialized
    {
        /// <summary>Intercom's own id for the user: v1's intercom_id, which is the 2.x contact id.</summary>
        [JsonPropertyName("intercom_id")] public string? Id { get; set; }
        [JsonPropertyName("email")] public string? Email { get; set; }
        [JsonPropertyName("user_id")] public string? UserId { get; set; }
        [JsonPropertyName("name")] public string? Name { get; set; }
        [JsonPropertyName("created_at"), JsonConverter(typeof(UnixTimeConverter))] public DateTime? CreatedAt { get; set; }
        [JsonPropertyName("last_impression_at"), JsonConverter(typeof(UnixTimeConverter))] public DateTime? LastImpressionAt { get; set; }
        /// <summary>A <see cref="IntercomPS.CustomData"/>, whose text (what Export-Csv writes) is its JSON.</summary>
        [JsonPropertyName("custom_data"), JsonConverter(typeof(CustomDataConverter))] public Hashtable CustomData { get; set; } = CustomDataConverter.NewTable();
        [JsonPropertyName("social_profiles")] public SocialProfile[] SocialProfiles { get; set; } = Array.Empty<SocialProfile>();
        [JsonPropertyName("location_data")] public LocationData? LocationData { get; set; }
        [JsonPropertyName("session_count")] public int SessionCount { get; set; }
        [JsonPropertyName("last_seen_ip")] public string? LastSeenIp { get; set; }
        [JsonPropertyName("last_seen_user_agent")] public string? LastSeenUserAgent { get; set; }
        [JsonPropertyName("relationship_score")] public int? RelationshipScore { get; set; }
        [JsonPropertyName("unsubscribed_from_emails")] public bool UnsubscribedFromEmails { get; set; }

        // What only REST API 2.x has: null on v1 (which never sends them), so a script can tell "not known" from false.
        /// <summary>The contact's role on 2.x (always "user" for the users the cmdlets work with).</summary>
        [JsonIgnore] public string? Role { get; set; }
        [JsonIgnore] public string? Phone { get; set; }
        /// <summary>Whether the contact is archived (Remove-IntercomUser -Archive; Restore-IntercomUser brings it back).</summary>
        [JsonIgnore] public bool? Archived { get; set; }
        [JsonIgnore] public DateTime? UpdatedAt { get; set; }

        public override string ToString() => Email ?? UserId ?? Id ?? string.Empty;

        string? ICheckedAnswer.Problem => Email is null && UserId is null ? "a user with neither user_id nor email" : null;

        /// <summary>Values Intercom sent for this user that could not be shown (a time past the year 9999), for a warning.</summary>
        internal string[] Unreadable { get; set; } = Array.Empty<string>();

        void IJsonOnDeserialized.OnDeserialized() => Unreadable = ReadProblems.Take();
    }

    /// <summary>A social network profile Intercom found for a user.</summary>
    public sealed class SocialProfile
    {
        [JsonPropertyName("type")] public string? Type { get; set; }
        [JsonPropertyName("url")] public string? Url { get; set; }
        [JsonPropertyName("username")] public string? Username { get; set; }
        [JsonPropertyName("id")] public string? Id { get; set; }

        public override string ToString() => $"{Type}: {Username ?? Url}";
    }

    /// <summary>Where a user was last seen, from their IP address.</summary>
    public sealed class LocationData
    {
        [JsonPropertyName("city_name")] public string? CityName { get; set; }
        [JsonPropertyName("continent_code")] public string? ContinentCode { get; set; }
        [JsonPropertyName("country_name")] public string? CountryName { get; set; }
        [JsonPropertyName("country_code")] public string? CountryCode { get; set; }
        [JsonPropertyName("region_name")] public string? RegionName { get; set; }
        [JsonPropertyName("postal_code")] public string? PostalCode { get; set; }
        [JsonPropertyName("timezone")] public string? Timezone { get; set; }
        [JsonPropertyName("latitude")] public double? Latitude { get; set; }
        [JsonPropertyName("longitude")] public double? Longitude { get; set; }

        public override string ToString() => string.Join(", ", new[] { CityName, CountryName }).Trim(',', ' ');
    }
}
