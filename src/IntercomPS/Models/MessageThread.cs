using System;
using System.Text.Json.Serialization;
using IntercomPS.Json;

namespace IntercomPS
{
    /// <summary>
    /// A conversation between a user and the app's admins. Carries its user's Email and UserId (from the request)
    /// so a thread piped on (to reply, or to mark it read) knows whose it is.
    /// </summary>
    public sealed class MessageThread
    {
        [JsonIgnore] public string? Email { get; set; }
        [JsonIgnore] public string? UserId { get; set; }

        /// <summary>The user's contact id on REST API 2.x (null on v1), so a piped thread needs no lookup of its user.</summary>
        [JsonIgnore] public string? ContactId { get; set; }

        /// <summary>The thread's id: on REST API 2.x the conversation id (a numeric string there, the same number).</summary>
        [JsonPropertyName("thread_id")] public long ThreadId { get; set; }
        [JsonPropertyName("created_at"), JsonConverter(typeof(UnixTimeConverter))] public DateTime? CreatedAt { get; set; }
        [JsonPropertyName("updated_at"), JsonConverter(typeof(UnixTimeConverter))] public DateTime? UpdatedAt { get; set; }
        [JsonPropertyName("read")] public bool Read { get; set; }
        [JsonPropertyName("created_by_user")] public bool CreatedByUser { get; set; }
        [JsonPropertyName("message_type")] public string? MessageType { get; set; }
        [JsonPropertyName("messages")] public Message[] Messages { get; set; } = Array.Empty<Message>();

        /// <summary>open, closed or snoozed on REST API 2.x; null on v1, which has no conversation state.</summary>
        [JsonIgnore] public string? State { get; set; }

        /// <summary>When a snoozed conversation wakes up (REST API 2.x; UTC), else null.</summary>
        [JsonIgnore] public DateTime? SnoozedUntil { get; set; }

        public override string ToString() => $"Thread {ThreadId} ({Messages.Length} messages)";
    }

    /// <summary>One message in a thread.</summary>
    public sealed class Message
    {
        [JsonPropertyName("created_at"), JsonConverter(typeof(UnixTimeConverter))] public DateTime? CreatedAt { get; set; }
        [JsonPropertyName("url")] public string? Url { get; set; }
        [JsonPropertyName("html")] public string? Html { get; set; }
        [JsonPropertyName("from")] public MessageAuthor? From { get; set; }

        public override string ToString() => $"{From?.Name ?? From?.Email}: {Html}";
    }

    /// <summary>Who wrote a message: the user, or an admin of the app.</summary>
    public sealed class MessageAuthor
    {
        [JsonPropertyName("email")] public string? Email { get; set; }
        [JsonPropertyName("user_id")] public string? UserId { get; set; }
        [JsonPropertyName("name")] public string? Name { get; set; }
        [JsonPropertyName("is_admin")] public bool IsAdmin { get; set; }

        public override string ToString() => Name ?? Email ?? UserId ?? string.Empty;
    }
}
