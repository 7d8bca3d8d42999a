using System;
using System.Collections;

namespace IntercomPS
{
    /// <summary>
    /// A conversation between a user and the app's admins. Carries its user's Email and UserId (from the request)
    /// so a thread piped on (to reply, or to mark it read) knows whose it is. On REST API 2.x that user is the one asked
    /// for, else the first of the conversation's contacts (who may not have written it, once its own user left): ContactId,
    /// UserId and Email all name that contact, Email only when one of its messages carries it.
    /// </summary>
    public sealed class MessageThread
    {
        public string? Email { get; set; }
        public string? UserId { get; set; }

        /// <summary>The user's contact id on REST API 2.x (null on v1), so a piped thread needs no lookup of its user.</summary>
        public string? ContactId { get; set; }

        /// <summary>
        /// The contact ids of every user taking part (REST API 2.x): the thread's own, and any added to it
        /// (Add-IntercomMessageThreadUser), in the order they joined. Empty on v1, whose threads have their one user.
        /// </summary>
        public string[] ContactIds { get; set; } = Array.Empty<string>();

        /// <summary>The thread's id: on REST API 2.x the conversation id (a numeric string there, the same number).</summary>
        public long ThreadId { get; set; }
        public DateTime? CreatedAt { get; set; }
        public DateTime? UpdatedAt { get; set; }
        public bool Read { get; set; }
        public bool CreatedByUser { get; set; }
        public string? MessageType { get; set; }

        /// <summary>An email's subject (REST API 2.x: an admin's email message); null for a Messenger conversation and on v1.</summary>
        public string? Subject { get; set; }

        /// <summary>The conversation's title (REST API 2.x), null when it has none and on v1.</summary>
        public string? Title { get; set; }

        /// <summary>
        /// The conversation's custom attributes (REST API 2.x; empty on v1): a <see cref="IntercomPS.CustomData"/>, whose
        /// text (what Export-Csv writes) is its JSON.
        /// </summary>
        public Hashtable CustomData
        {
            get => _customData ??= new CustomData();
            set => _customData = value;
        }

        private Hashtable? _customData;

        /// <summary>What the user sees: the first message and the replies (comments). Notes and state changes are in <see cref="Parts"/>.</summary>
        public Message[] Messages { get; set; } = Array.Empty<Message>();

        /// <summary>open, closed or snoozed on REST API 2.x; null on v1, which has no conversation state.</summary>
        public string? State { get; set; }

        /// <summary>When a snoozed conversation wakes up (REST API 2.x; UTC), else null.</summary>
        public DateTime? SnoozedUntil { get; set; }

        /// <summary>The admin the conversation is assigned to (REST API 2.x), null when none (v1 has no assignment).</summary>
        public string? AdminAssigneeId { get; set; }

        /// <summary>The team the conversation is assigned to (REST API 2.x), null when none.</summary>
        public string? TeamAssigneeId { get; set; }

        /// <summary>The conversation's own tags (REST API 2.x; a user's tags are the user's), empty on v1.</summary>
        public Tag[] Tags { get; set; } = Array.Empty<Tag>();

        /// <summary>
        /// Everything after the first message, in order (REST API 2.x): replies, notes, assignments, closes, snoozes...
        /// each with its type and author. Empty on v1, whose threads are their <see cref="Messages"/>.
        /// </summary>
        public ThreadPart[] Parts { get; set; } = Array.Empty<ThreadPart>();

        public override string ToString() => $"Thread {ThreadId} ({Messages.Length} messages)";
    }

    /// <summary>One message in a thread: what its user sees (on REST API 2.x, the first message and the comments).</summary>
    public sealed class Message
    {
        public DateTime? CreatedAt { get; set; }
        public string? Url { get; set; }

        /// <summary>The body as HTML; null when it was asked for as plain text (-PlainText, REST API 2.x).</summary>
        public string? Html { get; set; }

        /// <summary>The body as plain text when it was asked for so (-PlainText), else null.</summary>
        public string? Text { get; set; }

        public MessageAuthor? From { get; set; }

        /// <summary>Whether its words were redacted (REST API 2.x: Clear-IntercomMessagePart); false on v1.</summary>
        public bool Redacted { get; set; }

        public override string ToString() => $"{From?.Name ?? From?.Email}: {Html ?? Text}";
    }

    /// <summary>Who wrote a message: the user, or an admin of the app (on REST API 2.x also a bot, a lead...).</summary>
    public sealed class MessageAuthor
    {
        public string? Email { get; set; }
        public string? UserId { get; set; }
        public string? Name { get; set; }
        public bool IsAdmin { get; set; }

        /// <summary>REST API 2.x's author type: user, lead, admin, bot, team; null on v1 (IsAdmin says which).</summary>
        public string? Type { get; set; }

        /// <summary>REST API 2.x's author id: the admin's, or the contact's; null on v1.</summary>
        public string? Id { get; set; }

        public override string ToString() => Name ?? Email ?? UserId ?? string.Empty;
    }

    /// <summary>
    /// One part of a REST API 2.x conversation after its first message: a reply (comment), a note only teammates see,
    /// an assignment, a close, an open, a snooze... as Intercom types it (part_type), with its author.
    /// </summary>
    public sealed class ThreadPart
    {
        /// <summary>The thread (conversation) the part is of, so a piped part names it: Clear-IntercomMessagePart redacts it.</summary>
        public long ThreadId { get; set; }

        public string? Id { get; set; }

        /// <summary>Intercom's part_type: comment, note, assignment, assign_and_reopen, close, open, snoozed, ...</summary>
        public string? Type { get; set; }

        public DateTime? CreatedAt { get; set; }

        /// <summary>The part's words as HTML (null for a state change without words, or when asked for as plain text).</summary>
        public string? Html { get; set; }

        /// <summary>The part's words as plain text when asked for so (-PlainText), else null.</summary>
        public string? Text { get; set; }

        public MessageAuthor? From { get; set; }

        /// <summary>Whom an assignment assigned the conversation to: "admin 123" or "team 5"; null for other parts.</summary>
        public string? AssignedTo { get; set; }

        /// <summary>Whether its words were redacted (Clear-IntercomMessagePart): Intercom keeps the part, its body says it was deleted.</summary>
        public bool Redacted { get; set; }

        public override string ToString() => $"{Type} by {From}" + ((Html ?? Text) is { Length: > 0 } words ? $": {words}" : string.Empty);
    }
}
