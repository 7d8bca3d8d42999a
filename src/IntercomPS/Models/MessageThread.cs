using System;

namespace IntercomPS
{
    /// <summary>
    /// A conversation between a user and the app's admins. Carries its user's Email and UserId (from the request)
    /// so a thread piped on (to reply, or to mark it read) knows whose it is.
    /// </summary>
    public sealed class MessageThread
    {
        public string? Email { get; set; }
        public string? UserId { get; set; }

        /// <summary>The user's contact id on REST API 2.x (null on v1), so a piped thread needs no lookup of its user.</summary>
        public string? ContactId { get; set; }

        /// <summary>The thread's id: on REST API 2.x the conversation id (a numeric string there, the same number).</summary>
        public long ThreadId { get; set; }
        public DateTime? CreatedAt { get; set; }
        public DateTime? UpdatedAt { get; set; }
        public bool Read { get; set; }
        public bool CreatedByUser { get; set; }
        public string? MessageType { get; set; }
        public Message[] Messages { get; set; } = Array.Empty<Message>();

        /// <summary>open, closed or snoozed on REST API 2.x; null on v1, which has no conversation state.</summary>
        public string? State { get; set; }

        /// <summary>When a snoozed conversation wakes up (REST API 2.x; UTC), else null.</summary>
        public DateTime? SnoozedUntil { get; set; }

        public override string ToString() => $"Thread {ThreadId} ({Messages.Length} messages)";
    }

    /// <summary>One message in a thread.</summary>
    public sealed class Message
    {
        public DateTime? CreatedAt { get; set; }
        public string? Url { get; set; }
        public string? Html { get; set; }
        public MessageAuthor? From { get; set; }

        public override string ToString() => $"{From?.Name ?? From?.Email}: {Html}";
    }

    /// <summary>Who wrote a message: the user, or an admin of the app.</summary>
    public sealed class MessageAuthor
    {
        public string? Email { get; set; }
        public string? UserId { get; set; }
        public string? Name { get; set; }
        public bool IsAdmin { get; set; }

        public override string ToString() => Name ?? Email ?? UserId ?? string.Empty;
    }
}
