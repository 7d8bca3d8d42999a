using System;
using System.Linq;
using System.Text;
using System.Text.Json;
using IntercomPS.Json;

namespace IntercomPS.Client.V1
{
    /// <summary>How v1 requests name users and carry changes: its query strings and JSON bodies.</summary>
    internal static class V1Requests
    {
        /// <summary>The query string that finds a user: user_id when there is one, as the API prefers it.</summary>
        public static string Query(UserIdentity user) =>
            user.UserId is { } id ? "user_id=" + Uri.EscapeDataString(id) : "email=" + Uri.EscapeDataString(Email(user));

        /// <summary>Which page of which users to list.</summary>
        public static string Query(UserListQuery query)
        {
            var text = new StringBuilder($"page={query.Page}&per_page={query.PageSize}");
            if (!string.IsNullOrEmpty(query.TagId)) text.Append("&tag_id=").Append(Uri.EscapeDataString(query.TagId));
            if (!string.IsNullOrEmpty(query.TagName)) text.Append("&tag_name=").Append(Uri.EscapeDataString(query.TagName));
            return text.ToString();
        }

        /// <summary>The user's identifying fields inside a body: user_id (with the email alongside), else the email.</summary>
        public static void WriteIdentity(Utf8JsonWriter writer, UserIdentity user)
        {
            if (user.UserId is { } id) writer.WriteString("user_id", id);
            else writer.WriteString("email", Email(user));
            if (user.UserId is not null && user.Email is { } email) writer.WriteString("email", email);
        }

        /// <summary>A body naming only the user (DELETE /users).</summary>
        public static void WriteUser(Utf8JsonWriter writer, UserIdentity user)
        {
            writer.WriteStartObject();
            WriteIdentity(writer, user);
            writer.WriteEndObject();
        }

        /// <summary>
        /// POST or PUT /users: only the fields that were set, so an update never blanks what the caller did not
        /// mention. v1 users have no phone: the capability table refuses -Phone on v1 before a request is made.
        /// </summary>
        public static void WriteUser(Utf8JsonWriter writer, UserChanges changes)
        {
            writer.WriteStartObject();
            WriteIdentity(writer, changes.Identity);
            if (changes.Name is not null) writer.WriteString("name", changes.Name);
            if (changes.CreatedAt is { } created) writer.WriteNumber("created_at", UnixTime.FromDateTime(created));
            if (changes.LastRequestAt is { } seen) writer.WriteNumber("last_request_at", UnixTime.FromDateTime(seen));
            if (changes.CustomData is not null)
            {
                writer.WritePropertyName("custom_data");
                FlatJson.WriteObject(writer, changes.CustomData, "CustomData");
            }
            if (changes.LastSeenIp is not null) writer.WriteString("last_seen_ip", changes.LastSeenIp);
            if (changes.LastSeenUserAgent is not null) writer.WriteString("last_seen_user_agent", changes.LastSeenUserAgent);
            if (changes.Companies is { } companies)
            {
                writer.WriteStartArray("companies");
                for (var i = 0; i < companies.Count; i++) FlatJson.WriteObject(writer, companies[i], $"Companies[{i}]");
                writer.WriteEndArray();
            }
            if (changes.UnsubscribedFromEmails is { } unsubscribed) writer.WriteBoolean("unsubscribed_from_emails", unsubscribed);
            writer.WriteEndObject();
        }

        /// <summary>POST or PUT /tags: users go by user_id when they have one (as the API identifies them), else by email.</summary>
        public static void WriteTag(Utf8JsonWriter writer, TagChanges changes)
        {
            writer.WriteStartObject();
            writer.WriteString("name", changes.Name);
            if (changes.Color is not null) writer.WriteString("color", changes.Color);
            if (changes.Users.Count > 0)
            {
                writer.WriteStartArray("user_ids");
                foreach (var user in changes.Users.Where(user => user.UserId is not null)) writer.WriteStringValue(user.UserId);
                writer.WriteEndArray();
                writer.WriteStartArray("emails");
                foreach (var user in changes.Users.Where(user => user.UserId is null)) writer.WriteStringValue(user.Email);
                writer.WriteEndArray();
                writer.WriteString("tag_or_untag", changes.Untag ? "untag" : "tag");
            }
            writer.WriteEndObject();
        }

        private static string Email(UserIdentity user) =>
            user.Email ?? throw new ArgumentException($"The v1 API finds users by user id or email; contact id '{user.Id}' alone identifies a user only on REST API 2.x.");
    }
}
