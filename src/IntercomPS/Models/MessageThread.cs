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

        [JsonPropertyName("thread_id")] public long ThreadId { get; set; }
        [JsonPropertyName("created_at"), JsonConverter(typeof(UnixTimeConverter))] public DateTime? CreatedAt { get; set; }
        [JsonPropertyName("updated_at"), JsonConverter(typeof(UnixTimeConverter))] public DateTime? UpdatedAt { get; set; }
        [JsonPropertyName("read")] public bool Read { get; set; }
        [JsonPropertyName("created_by_user")] public bool CreatedByUser { get; set; }
        [JsonPropertyName("message_type")] public string? MessageType { get; set; }
        [JsonPropertyName("messages")] public Message[] Messages { get; set; } = Array.Empty<Message>();

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
