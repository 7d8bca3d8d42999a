using System;

namespace IntercomPS
{
    /// <summary>
    /// An admin's message as Intercom answered sending it (Send-IntercomMessage, REST API 2.x), with the user it went
    /// to. Intercom opens its conversation only once the user replies (unless -OpenConversation asked for it at once),
    /// so <see cref="ConversationId"/> is often null. The user is Email, UserId (from the request) and ContactId, which
    /// bind the user cmdlets' parameters by property name; the message's own id and time are MessageId and SentAt, as an
    /// Id or CreatedAt would bind there too (as a contact id, or as the user's signed-up date on Set-IntercomUser).
    /// </summary>
    public sealed class SentMessage
    {
        /// <summary>Intercom's id of the message (not of a conversation).</summary>
        public string? MessageId { get; set; }

        /// <summary>inapp or email, as Intercom names the channel (-MessageType InApp or Email).</summary>
        public string? MessageType { get; set; }

        /// <summary>An email's subject (Intercom names one only for an email); null when it names none.</summary>
        public string? Subject { get; set; }

        public string? Body { get; set; }

        /// <summary>When Intercom created the message (UTC).</summary>
        public DateTime? SentAt { get; set; }

        /// <summary>
        /// The conversation the message opened, which binds the thread cmdlets' -ThreadId; null while there is none
        /// (Intercom opens it when the user replies, or at once with -OpenConversation).
        /// </summary>
        public string? ConversationId { get; set; }

        /// <summary>The admin who sent it.</summary>
        public string? FromAdminId { get; set; }

        public string? Email { get; set; }
        public string? UserId { get; set; }

        /// <summary>The user's contact id on REST API 2.x, which binds the user cmdlets' -Id.</summary>
        public string? ContactId { get; set; }

        public override string ToString() => $"Message {MessageId} to {Email ?? UserId ?? ContactId}";
    }
}
