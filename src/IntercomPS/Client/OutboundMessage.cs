using System;

namespace IntercomPS.Client
{
    /// <summary>
    /// An admin's message to a user (Send-IntercomMessage): in the Messenger (InApp) or an email, which needs a subject.
    /// Checked here, once, so a bad message is refused before anything is asked of Intercom.
    /// </summary>
    public sealed class OutboundMessage
    {
        public const string InApp = "InApp";
        public const string Email = "Email";

        /// <param name="adminId">The admin who sends it; null: the session's (Connect-Intercom -AdminId, else the token's own).</param>
        /// <param name="openConversation">Open its conversation in the inbox at once, not only when the user replies.</param>
        public OutboundMessage(string body, string messageType = InApp, string? subject = null, string? adminId = null, bool openConversation = false)
        {
            if (string.IsNullOrWhiteSpace(body)) throw new ArgumentException("A message needs a body.");
            IsEmail = string.Equals(messageType, Email, StringComparison.OrdinalIgnoreCase) ? true
                : string.Equals(messageType, InApp, StringComparison.OrdinalIgnoreCase) ? false
                : throw new ArgumentException($"'{messageType}' is not a message type: use {InApp} or {Email}.");
            Subject = string.IsNullOrWhiteSpace(subject) ? null : subject;
            // Intercom shows a subject only on an email: one given with an in-app message would be dropped without a word.
            if (IsEmail && Subject is null) throw new ArgumentException("An email needs a subject: give -Subject (or send it in-app with -MessageType InApp).");
            if (!IsEmail && Subject is not null) throw new ArgumentException("Only an email has a subject: send it with -MessageType Email, or leave -Subject out.");
            Body = body;
            AdminId = string.IsNullOrWhiteSpace(adminId) ? null : adminId;
            OpenConversation = openConversation;
        }

        public string Body { get; }

        public bool IsEmail { get; }

        public string? Subject { get; }

        public string? AdminId { get; }

        /// <summary>
        /// Whether Intercom opens the message's conversation in the inbox at once (create_conversation_without_contact_reply);
        /// otherwise there is none until the user replies.
        /// </summary>
        public bool OpenConversation { get; }

        /// <summary>What is sent, as -WhatIf and -Confirm name it.</summary>
        public override string ToString() =>
            (IsEmail ? $"Send the email '{Subject}'" : "Send an in-app message") + (AdminId is null ? string.Empty : $" from admin {AdminId}");
    }
}
