using System;
using System.Collections;
using System.Collections.Generic;
using System.Text.Json;
using IntercomPS.Json;

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

        internal void WriteTo(Utf8JsonWriter writer)
        {
            writer.WriteStartObject();
            Identity.WriteTo(writer);
            if (Name is not null) writer.WriteString("name", Name);
            if (CreatedAt is { } created) writer.WriteNumber("created_at", UnixTime.FromDateTime(created));
            if (LastRequestAt is { } seen) writer.WriteNumber("last_request_at", UnixTime.FromDateTime(seen));
            if (CustomData is not null)
            {
                writer.WritePropertyName("custom_data");
                FlatJson.WriteObject(writer, CustomData, "CustomData");
            }
            if (LastSeenIp is not null) writer.WriteString("last_seen_ip", LastSeenIp);
            if (LastSeenUserAgent is not null) writer.WriteString("last_seen_user_agent", LastSeenUserAgent);
            if (Companies is not null)
            {
                writer.WriteStartArray("companies");
                for (var i = 0; i < Companies.Count; i++) FlatJson.WriteObject(writer, Companies[i], $"Companies[{i}]");
                writer.WriteEndArray();
            }
            if (UnsubscribedFromEmails is { } unsubscribed) writer.WriteBoolean("unsubscribed_from_emails", unsubscribed);
            writer.WriteEndObject();
        }
    }
}
