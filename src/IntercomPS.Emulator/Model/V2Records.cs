using System.Collections.Generic;
using System.Linq;
using System.Text.Json;

namespace IntercomPS.Emulator.Model;

/// <summary>
/// A user as 2.14 shows it, a contact: the same users row (id = intercom_id, external_id = user_id, custom_attributes =
/// custom_data, last_seen_at = last_impression_at, signed_up_at = created_at, browser = last_seen_user_agent) plus what
/// only 2.14 has (role, phone, archived, when a 2.14 write last changed it), its tags and how many notes and companies it has.
/// </summary>
internal sealed record ContactRecord(
    UserRecord User, string Role, string? Phone, bool Archived, long UpdatedAt, IReadOnlyList<AppliedTag> Tags, long NoteCount, long CompanyCount = 0,
    IReadOnlyList<string>? FirstNoteIds = null, IReadOnlyList<string>? FirstCompanyIds = null)
{
    /// <summary>
    /// How many of its tags, notes and companies a contact answer shows as references (2.14: "Up to 10 will be
    /// displayed here. Use the url to get more."): FirstNoteIds (newest first) and FirstCompanyIds hold at most these.
    /// </summary>
    public const int InlinedReferences = 10;
}

/// <summary>A 2.14 create or update; null fields leave the stored value unchanged.</summary>
internal sealed record ContactInput(
    string? Role, string? ExternalId, string? Email, string? Phone, string? Name, long? SignedUpAt, long? LastSeenAt,
    bool? UnsubscribedFromEmails, IReadOnlyDictionary<string, JsonElement>? CustomAttributes);

internal sealed record ContactPage(IReadOnlyList<ContactRecord> Contacts, long TotalCount, int Page, int PerPage, string? Next);

/// <summary>
/// A data attribute of the contact or company model: a standard one (no id), or a custom one an app defined (or, for
/// contacts, wrote through /v1). Options are a list attribute's values; an archived one is left out of lists unless asked.
/// </summary>
internal sealed record DataAttributeRecord(long? Id, string Model, string Name, string DataType, string? Description, bool Custom, long? CreatedAt,
    long? UpdatedAt = null, IReadOnlyList<string>? Options = null, bool Archived = false);

/// <summary>A new custom attribute (POST /data_attributes).</summary>
internal sealed record DataAttributeInput(string Model, string Name, string DataType, string? Description, IReadOnlyList<string>? Options);

/// <summary>
/// A change to a conversation (PUT /conversations/{id}); null leaves a field as it is, an empty title removes it, and
/// custom attributes merge key by key.
/// </summary>
internal sealed record ConversationChange(bool? Read, string? Title, IReadOnlyDictionary<string, System.Text.Json.JsonElement>? CustomAttributes);

/// <summary>A change to a custom attribute (PUT /data_attributes/{id}); null leaves a field as it is.</summary>
internal sealed record DataAttributeChange(string? Description, IReadOnlyList<string>? Options, bool? Archived);

/// <summary>
/// A thread, which 2.14 shows as a conversation: its messages (oldest first), the contact it is with, and its 2.14
/// state, assignees and tags. UpdatedAt is when its newest message or state change was. MessageType and Subject are
/// an admin's message's (POST /messages: inapp or email, and an email's subject); null when the contact started it.
/// Title and CustomAttributes (a JSON object) are what PUT /conversations/{id} last set. Participants are its contacts
/// once one was added or removed (POST/DELETE /conversations/{id}/customers); null: its one Contact.
/// </summary>
internal sealed record ConversationRecord(
    long Id, long CreatedAt, long UpdatedAt, bool Read, string State, long? SnoozedUntil, bool CreatedByUser,
    IReadOnlyList<MessageRecord> Messages, ContactRecord Contact,
    string? AdminAssigneeId = null, long? TeamAssigneeId = null, IReadOnlyList<AppliedTag>? Tags = null,
    string? MessageType = null, string? Subject = null, string? Title = null, string CustomAttributes = "{}",
    IReadOnlyList<ContactRecord>? Participants = null, IReadOnlyList<TicketLink>? Links = null, TicketLink? Ticket = null)
{
    /// <summary>
    /// The contacts taking part, in the order they joined: the conversation's own contact (<see cref="Contact"/>, who
    /// wrote or was sent its source, and stays its author even once removed) and any added to it.
    /// </summary>
    public IReadOnlyList<ContactRecord> Contacts => Participants ?? [Contact];

    /// <summary>The contact who wrote a contact's message: the one who replied (<see cref="MessageRecord.Author"/>), else its own contact.</summary>
    public ContactRecord ContactOf(MessageRecord message) => message.Author ?? Contact;

    /// <summary>
    /// The contact's first message (2.14's first_contact_reply: "for a contact initiated message this will represent
    /// the users original message"); null until the contact writes.
    /// </summary>
    public MessageRecord? FirstContactReply => Messages.FirstOrDefault(m => !m.FromAdmin);

    /// <summary>
    /// When the contact began waiting for an answer: their first message to the user since an admin's last (2.14: "the
    /// time a customer started waiting for a response. Set to null if last reply is from an Admin"). Notes and state
    /// changes without words are no replies (<see cref="MessageRecord.ToUser"/>); null when the contact has not written.
    /// </summary>
    public long? WaitingSince => Messages.Aggregate((long?)null, (since, m) => WaitingAfter(since, m.FromAdmin, m.ToUser, m.CreatedAt));

    /// <summary>
    /// The rule, one message at a time in order: a message the user sees starts the wait (the contact's) or ends it (an
    /// admin's). The search's SQL folds the same function (<c>waiting_since</c>, registered by the database), so what a
    /// search matches is what the answers say.
    /// </summary>
    public static long? WaitingAfter(long? since, bool fromAdmin, bool toUser, long createdAt) =>
        !toUser ? since : fromAdmin ? null : since ?? createdAt;
}

/// <summary>
/// A tag on a contact or a conversation: when and by which admin it was applied. Null for a contact's tag a data file
/// from before the emulator recorded them holds, or for a tag the contact does not have.
/// </summary>
/// <summary>A deleted conversation as GET /conversations/deleted lists it: its id, when it was deleted, whether its metrics were retained.</summary>
/// <summary>A contact merged into a user (2.16's merge_history): its id and role then, and when.</summary>
internal sealed record MergeHistoryEntry(string SourceContactId, string SourceRole, long MergedAt);

/// <summary>A page of a user's merge history: its entries, and the entry id the next page starts after (null on the last).</summary>
internal sealed record MergeHistoryPage(IReadOnlyList<MergeHistoryEntry> Entries, long? NextAfter);

internal sealed record DeletedConversation(long Id, long DeletedAt, bool MetricsRetained);

internal sealed record AppliedTag(TagRecord Tag, long? AppliedAt, string? AdminId);

internal sealed record ConversationPage(IReadOnlyList<ConversationRecord> Conversations, long TotalCount, int Page, int PerPage, string? Next);

internal sealed record EventRecord(string EventName, long CreatedAt, string Metadata);

/// <summary>An event of an app with the contact it is of (its id, and its name, else email, external id or id): the inspector's event list.</summary>
internal sealed record AppEventRecord(long Id, EventRecord Event, string ContactId, string Contact);
