using System.Collections.Generic;
using System.Linq;
using System.Text.Json;
using System.Threading.Tasks;
using IntercomPS.Emulator.Model;

namespace IntercomPS.Emulator.Storage;

/// <summary>
/// Threads, which 2.14 shows as conversations (same id, same messages: the first is the source, the rest the parts),
/// plus what only 2.14 writes: a state row (open, closed, snoozed, and the admin and team assigned), admin parts that
/// are not messages to the user (notes, state changes, assignments) and tags. A reply on either face is a message of
/// the thread, and the rules about who has read what are here once: an admin's message is unseen (the thread unread)
/// until the user reads the thread, the user replying has read it, and the user replying reopens a closed
/// conversation; a note or a state change leaves the thread as read as it was.
/// </summary>
internal sealed partial class AppStore
{
    /// <summary>When a conversation last changed: its newest message, redaction or state change.</summary>
    public const string ConversationUpdatedAtSql =
        "max(t.created_at, COALESCE(cs.updated_at, 0), COALESCE((SELECT MAX(max(m.created_at, COALESCE(m.redacted_at, 0))) FROM messages m WHERE m.thread_id = t.id), 0))";

    /// <summary>When the contact began waiting for an answer (<see cref="ConversationRecord.WaitingSince"/>), folded over the messages in order.</summary>
    public const string ConversationWaitingSinceSql =
        "(SELECT waiting_since(m.from_admin, COALESCE(m.part_type, 'comment'), m.html, m.created_at ORDER BY m.id) FROM messages m WHERE m.thread_id = t.id)";

    private const string ConversationColumns =
        $"t.id, t.created_at, {ConversationUpdatedAtSql}, t.read, COALESCE(cs.state, 'open'), cs.snoozed_until, t.created_by_user, t.user_seq, cs.admin_assignee_id, cs.team_assignee_id, t.message_type, t.subject, cs.title, cs.custom_attributes";

    internal const string ConversationFrom = "FROM threads t JOIN users u ON u.seq = t.user_seq LEFT JOIN contact_details d ON d.user_seq = u.seq LEFT JOIN conversation_states cs ON cs.thread_id = t.id";

    /// <summary>A user's threads (one, when $id is given), oldest first.</summary>
    private const string ThreadsOfUser = "WHERE t.user_seq = $seq AND ($id IS NULL OR t.id = $id) ORDER BY t.id";

    public Task<IReadOnlyList<ConversationRecord>> ListThreadsAsync(UserKey key) => Task.FromResult<IReadOnlyList<ConversationRecord>>(db.Read(s =>
    {
        var user = FindUser(s, key) ?? throw ApiError.UserNotFound();
        return LoadConversations(s, ThreadsOfUser, ("$seq", user.Seq), ("$id", null));
    }));

    public Task<ConversationRecord> GetThreadAsync(UserKey key, long threadId) => Task.FromResult(db.Read(s => UsersThread(s, key, threadId)));

    public Task<ConversationRecord> CreateThreadAsync(UserKey key, string body, string? url) => db.WriteAsync(s =>
    {
        var user = FindUser(s, key) ?? throw ApiError.UserNotFound();
        return Conversation(s, StartThread(s, user.Seq, body, url))!;
    });

    /// <summary>A reply (from the user, or from an admin) and/or a read flag change on one of the user's threads.</summary>
    public Task<ConversationRecord> UpdateThreadAsync(UserKey key, long threadId, string? body, string? url, bool? read, bool fromAdmin) => db.WriteAsync(s =>
    {
        var thread = UsersThread(s, key, threadId);
        if (body is not null)
        {
            Reply(s, thread, Html.Paragraphs(body), url, fromAdmin, read);
        }
        else if (read is { } flag)
        {
            SetRead(s, threadId, flag);
        }

        return Conversation(s, threadId)!;
    });

    /// <summary>Every conversation of the app, oldest first: a search that matches them all.</summary>
    public Task<ConversationPage> ListConversationsAsync(int perPage, string? startingAfter) =>
        ConversationsAsync(ContactQuery.AllConversations, "list", perPage, startingAfter);

    public Task<ConversationPage> SearchConversationsAsync(ContactQuery query, int perPage, string? startingAfter) =>
        ConversationsAsync(query, "search", perPage, startingAfter);

    /// <summary>
    /// A page of conversations by the same keyset cursor as contacts (the sort key, then the id), never an offset: the
    /// page's ids and sort values are read by keyset, then the conversations themselves, in that order.
    /// </summary>
    private Task<ConversationPage> ConversationsAsync(ContactQuery query, string endpoint, int perPage, string? startingAfter) => Task.FromResult(db.Read(s =>
    {
        var (fingerprint, args) = Search(query, "conversations " + endpoint);
        var where = $"WHERE t.app = $app AND ({query.Where})";
        var total = db.Counts.Get(fingerprint, () => s.Scalar<long>($"SELECT COUNT(*) {ConversationFrom} {where}", [.. args]));
        var select = $"SELECT t.id AS tiebreak, {query.SortKey} AS sort_key {ConversationFrom} {where}";
        var (ids, page, next) = KeysetPage(fingerprint, startingAfter, perPage, (cursor, limit) =>
        {
            var sql = cursor is null ? $"{select} ORDER BY {query.OrderBy}, t.id LIMIT {limit}" : cursor.Rows(select, query.SortKey, "t.id", query.Descending, limit, args);
            return s.Query(sql, r => (r.GetInt64(0), r.GetInt64(0), r.IsDBNull(1) ? null : r.GetValue(1)), [.. args]);
        });
        var conversations = LoadConversations(s, "WHERE t.id IN (SELECT value FROM json_each($ids))", ("$ids", JsonSerializer.Serialize(ids)))
            .ToDictionary(c => c.Id);
        return new ConversationPage([.. ids.Select(id => conversations[id])], total, page, perPage, next);
    }));

    /// <summary>The id of the contact's newest conversation (the one it started last), for a reply to "last".</summary>
    public Task<long> LastConversationIdAsync(string contactId) => Task.FromResult(db.Read(s =>
    {
        var contact = Find(s, contactId) ?? throw ContactNotFound();
        return s.Scalar<long?>("SELECT MAX(id) FROM threads WHERE app = $app AND user_seq = $seq", ("$app", app), ("$seq", contact.User.Seq))
            ?? throw ConversationNotFound();
    }));

    public Task<ConversationRecord> GetConversationAsync(long id) => Task.FromResult(db.Read(s => Conversation(s, id) ?? throw ConversationNotFound()));

    /// <summary>A conversation started by a contact, answered with its first message.</summary>
    public Task<(ConversationRecord Conversation, MessageRecord Message)> CreateConversationAsync(string contactId, string body) => db.WriteAsync(s =>
    {
        var contact = Find(s, contactId) ?? throw ContactNotFound();
        var conversation = Conversation(s, StartThread(s, contact.User.Seq, body, url: null))!;
        return (conversation, conversation.Messages[0]);
    });

    /// <summary>
    /// An admin's message to a contact (POST /messages): a thread the admin starts, its first message the admin's and
    /// unseen, so the contact has it unread on both faces until they read it or reply.
    /// </summary>
    public Task<ConversationRecord> SendMessageAsync(string adminId, string contactId, string messageType, string? subject, string body, long? createdAt) => db.WriteAsync(s =>
    {
        _ = AdminById(s, adminId);
        var contact = Find(s, contactId) ?? throw ContactNotFound();
        var at = createdAt ?? Now;
        var id = s.Scalar<long>("""
            INSERT INTO threads (app, user_seq, created_at, read, created_by_user, message_type, subject)
            VALUES ($app, $seq, $at, 0, 0, $type, $subject) RETURNING id
            """, ("$app", app), ("$seq", contact.User.Seq), ("$at", at), ("$type", messageType), ("$subject", subject));
        AddMessage(s, id, Html.Markup(body), url: null, fromAdmin: true, adminId, at);
        return Conversation(s, id)!;
    });

    /// <summary>
    /// A reply as a contact taking part in the conversation (<paramref name="adminId"/> null: its own contact or one
    /// added to it, recorded as the part's author), or as an admin of the app: a comment, or with <paramref name="note"/>
    /// a note only admins see. A contact not taking part is the reply's documented 404 (<see cref="NotTakingPart"/>).
    /// </summary>
    public Task<ConversationRecord> ReplyAsync(long id, string body, string? contactId, string? adminId, bool note) => db.WriteAsync(s =>
    {
        var conversation = Conversation(s, id) ?? throw ConversationNotFound();
        long? author = null;
        if (adminId is null)
        {
            var contact = (contactId is null ? null : Find(s, contactId)) ?? throw ContactNotFound();
            if (!conversation.Contacts.Any(c => c.User.Seq == contact.User.Seq))
            {
                throw NotTakingPart(contact, id);
            }

            // Null for the thread's own contact, so its replies follow the thread through a merge as its source does.
            author = contact.User.Seq == conversation.Contact.User.Seq ? null : contact.User.Seq;
        }
        else
        {
            _ = AdminById(s, adminId);
        }

        var html = Html.Reply(body, byAdmin: adminId is not null);
        if (note)
        {
            AddPart(s, id, html, "note", adminId!, assignedTo: null);
        }
        else
        {
            Reply(s, conversation, html, url: null, fromAdmin: adminId is not null, read: null, adminId, author);
        }

        return Conversation(s, id)!;
    });

    public Task<ConversationRecord> UpdateConversationAsync(long id, ConversationChange change) => db.WriteAsync(s =>
    {
        var conversation = Conversation(s, id) ?? throw ConversationNotFound();
        if (change.Read is { } read)
        {
            SetRead(s, id, read);
        }

        if (change.Title is not null || change.CustomAttributes is not null)
        {
            EnsureState(s, id);
            s.Execute("""
                UPDATE conversation_states SET title = CASE WHEN $title IS NULL THEN title ELSE NULLIF($title, '') END,
                    custom_attributes = $custom, updated_at = $now WHERE thread_id = $id
                """, ("$id", id), ("$title", change.Title), ("$custom", CustomData.Merge(conversation.CustomAttributes, change.CustomAttributes)), ("$now", Now));
        }

        return Conversation(s, id)!;
    });

    /// <summary>
    /// An admin's close, open or snooze (until a time): one part of that type, with the admin's words as its body when
    /// given (a close with words is still a close, not a comment). It leaves the conversation as read as it was: a state
    /// change is not a reply the contact must read, as the description's examples and the official SDK's tests have it.
    /// </summary>
    public Task<ConversationRecord> ManageAsync(long id, string adminId, string state, long? snoozedUntil, string? body) => db.WriteAsync(s =>
    {
        _ = Conversation(s, id) ?? throw ConversationNotFound();
        _ = AdminById(s, adminId);
        AddPart(s, id, body is null ? "" : Html.Paragraphs(body), state switch { "closed" => "close", "open" => "open", _ => "snoozed" }, adminId, assignedTo: null);
        SetState(s, id, state, snoozedUntil);
        return Conversation(s, id)!;
    });

    /// <summary>
    /// Blocks a contact: 2.14 says its conversations "will also be archived", and a conversation has no archived state,
    /// so each one not closed yet (open or snoozed) is closed as an admin closes it, one close part by the app's first
    /// admin (whose token the request is), read as it was. A closed one is left as it is. Nothing on the contact shows
    /// the block: its schema has no field for it, and the emulator keeps none (the README's differences say so).
    /// </summary>
    public Task<ContactRecord> BlockContactAsync(string id) => db.WriteAsync(s =>
    {
        var contact = Find(s, id) ?? throw ContactNotFound();
        var open = s.Query("""
            SELECT t.id FROM threads t LEFT JOIN conversation_states cs ON cs.thread_id = t.id
            WHERE t.user_seq = $seq AND COALESCE(cs.state, 'open') != 'closed' ORDER BY t.id
            """, r => r.GetInt64(0), ("$seq", contact.User.Seq));
        foreach (var thread in open)
        {
            AddPart(s, thread, "", "close", Admin.Id, assignedTo: null);
            SetState(s, thread, "closed", snoozedUntil: null);
        }

        return contact;
    });

    /// <summary>
    /// Assigns the conversation to an admin (<paramref name="team"/> false) or a team of the app, or with assignee "0"
    /// unassigns that kind; an admin and a team can both be assigned. A closed or snoozed conversation is reopened
    /// (part assign_and_reopen, as in the description's example); an open one gets an assignment part.
    /// </summary>
    public Task<ConversationRecord> AssignAsync(long id, string adminId, bool team, string assignee, string? body) => db.WriteAsync(s =>
    {
        var conversation = Conversation(s, id) ?? throw ConversationNotFound();
        _ = AdminById(s, adminId);
        long? assigned = assignee == "0" ? null
            : team ? Teams(s).FirstOrDefault(t => t.Id.ToString(System.Globalization.CultureInfo.InvariantCulture) == assignee)?.Id ?? throw TeamNotFound()
            : long.Parse(AdminById(s, assignee).Id, System.Globalization.CultureInfo.InvariantCulture);
        var reopens = conversation.State != "open";
        AddPart(s, id, body is null ? "" : Html.Paragraphs(body), reopens ? "assign_and_reopen" : "assignment", adminId,
            assigned is { } to ? $"{(team ? "team" : "admin")}:{to}" : "nobody");
        EnsureState(s, id);
        s.Execute($"UPDATE conversation_states SET {(team ? "team_assignee_id" : "admin_assignee_id")} = $to, updated_at = $now WHERE thread_id = $id",
            ("$id", id), ("$to", assigned), ("$now", Now));
        if (reopens)
        {
            SetState(s, id, "open", null);
        }

        return Conversation(s, id)!;
    });

    /// <summary>Tags the conversation (a tag applied again keeps when and by whom it was first); the tag as applied.</summary>
    public Task<AppliedTag> TagConversationAsync(long id, long tagId, string adminId) => db.WriteAsync(s =>
    {
        _ = Conversation(s, id) ?? throw ConversationNotFound();
        _ = AdminById(s, adminId);
        var tag = TagToApply(s, tagId);
        s.Execute("INSERT OR IGNORE INTO conversation_tags (thread_id, tag_id, applied_at, admin_id) VALUES ($id, $tag, $now, $admin)",
            ("$id", id), ("$tag", tag.NumericId), ("$now", Now), ("$admin", adminId));
        return Conversation(s, id)!.Tags!.First(t => t.Tag.NumericId == tag.NumericId);
    });

    /// <summary>Takes the tag off the conversation; a tag it does not have is the 404 tag_not_found.</summary>
    public Task<AppliedTag> UntagConversationAsync(long id, long tagId, string adminId) => db.WriteAsync(s =>
    {
        var conversation = Conversation(s, id) ?? throw ConversationNotFound();
        _ = AdminById(s, adminId);
        var applied = conversation.Tags!.FirstOrDefault(t => t.Tag.NumericId == tagId) ?? throw ConversationTagNotFound();
        s.Execute("DELETE FROM conversation_tags WHERE thread_id = $id AND tag_id = $tag", ("$id", id), ("$tag", tagId));
        return applied;
    });

    /// <summary>
    /// Adds a contact to the conversation's contacts (POST /conversations/{id}/customers), by an admin of the app or on
    /// behalf of the contact <paramref name="onBehalfOf"/> names, one taking part in it. The contact is named by
    /// <paramref name="customer"/>: its id, its external id, or its email, where an email no contact has makes a lead
    /// with it (the description's warning), in the same write. A contact already taking part stays where it is: adding
    /// it again changes nothing, as tagging twice does. No part is written: the description lists no part type for it.
    /// </summary>
    public Task<ConversationRecord> AttachContactAsync(long id, TicketContactKey customer, string? adminId, TicketContactKey? onBehalfOf) => db.WriteAsync(s =>
    {
        var conversation = Conversation(s, id) ?? throw ConversationNotFound();
        if (adminId is not null)
        {
            _ = AdminById(s, adminId);
        }

        var acting = onBehalfOf is null ? null : Named(s, onBehalfOf) ?? throw ContactNotFound();
        if (acting is not null && !conversation.Contacts.Any(c => c.User.Seq == acting.User.Seq))
        {
            throw new ApiError(400, "bad_request", "customer.customer must name a contact taking part in the conversation: they add the new one")
            {
                Code = "parameter_invalid",
                Field = "customer.customer",
            };
        }

        var contact = Named(s, customer) ?? (customer.Email is { } email ? NewLead(s, email) : throw ContactNotFound());
        if (conversation.Contacts.Any(c => c.User.Seq == contact.User.Seq))
        {
            return conversation;
        }

        StartContactList(s, conversation);
        s.Execute("INSERT INTO conversation_contacts (thread_id, user_seq, added_at, admin_id) VALUES ($id, $seq, $now, $admin)",
            ("$id", id), ("$seq", contact.User.Seq), ("$now", Now), ("$admin", adminId));
        Touch(s, id);
        return Conversation(s, id)!;
    });

    /// <summary>
    /// Takes a contact off the conversation (DELETE /conversations/{id}/customers/{contact_id}), by an admin of the app.
    /// No such contact, or one not taking part, is the description's 404 "User Not Found"; the last one left is its 422.
    /// The conversation's own contact may go while another stays: it remains the source's author, and on v1 the thread
    /// is still that user's (v1 knows one user a thread).
    /// </summary>
    public Task<ConversationRecord> DetachContactAsync(long id, string contactId, string adminId) => db.WriteAsync(s =>
    {
        var conversation = Conversation(s, id) ?? throw ConversationNotFound();
        var contact = Find(s, contactId) ?? throw ContactNotFound();
        _ = AdminById(s, adminId);
        if (!conversation.Contacts.Any(c => c.User.Seq == contact.User.Seq))
        {
            throw ContactNotFound();
        }

        if (conversation.Contacts.Count == 1)
        {
            throw LastCustomer();
        }

        StartContactList(s, conversation);
        s.Execute("DELETE FROM conversation_contacts WHERE thread_id = $id AND user_seq = $seq", ("$id", id), ("$seq", contact.User.Seq));
        Touch(s, id);
        return Conversation(s, id)!;
    });

    /// <summary>The contact list's rows, made the first time it changes: until then the conversation's own contact is its one.</summary>
    private static void StartContactList(DbSession s, ConversationRecord conversation)
    {
        if (conversation.Participants is null)
        {
            s.Execute("INSERT INTO conversation_contacts (thread_id, user_seq) VALUES ($id, $seq)", ("$id", conversation.Id), ("$seq", conversation.Contact.User.Seq));
        }
    }

    /// <summary>A change with no part of its own still moves the conversation's updated_at (its state row's).</summary>
    private static void Touch(DbSession s, long id)
    {
        EnsureState(s, id);
        s.Execute("UPDATE conversation_states SET updated_at = $now WHERE thread_id = $id", ("$id", id), ("$now", Now));
    }

    /// <summary>The contact a key names, by id, external id or email (a user before a lead with it); null when none.</summary>
    private ContactRecord? Named(DbSession s, TicketContactKey key) =>
        key.Id is { } id ? Find(s, id)
        : key.ExternalId is { } externalId ? Contact(s, ContactByUserId, ("$app", app), ("$user_id", externalId))
        : Contact(s, ContactByEmail, ("$app", app), ("$email", key.Email));

    /// <summary>A lead with this email and nothing else, for a participant added by an email no contact has.</summary>
    private ContactRecord NewLead(DbSession s, string email)
    {
        var seq = InsertUser(s, Fields(new ContactInput("lead", null, email, null, null, null, null, null, null), CustomData.Empty));
        UpsertDetails(s, seq, "lead", phone: null, archived: null);
        return BySeq(s, seq)!;
    }

    /// <summary>
    /// Deletes the conversation and all it holds (its messages, state row and tags), as deleting its contact deletes
    /// them: gone from GET, lists, searches, the contact's v1 threads and unread count; its id is remembered, with
    /// when and whether its metrics were retained, for GET /conversations/deleted.
    /// </summary>
    public Task DeleteConversationAsync(long id, bool retainMetrics) => db.WriteAsync(s =>
    {
        _ = Conversation(s, id) ?? throw ConversationNotFound();
        return s.Execute("""
            INSERT OR IGNORE INTO deleted_conversations (id, app, deleted_at, metrics_retained) VALUES ($id, $app, $now, $retained);
            DELETE FROM messages WHERE thread_id = $id;
            DELETE FROM conversation_states WHERE thread_id = $id;
            DELETE FROM conversation_tags WHERE thread_id = $id;
            DELETE FROM conversation_contacts WHERE thread_id = $id;
            DELETE FROM threads WHERE id = $id;
            """, ("$id", id), ("$app", app), ("$now", Now), ("$retained", retainMetrics));
    });

    /// <summary>The app's deleted conversations (GET /conversations/deleted): the most recently deleted first, or with <paramref name="ascending"/> the first deleted first, in the order they were deleted.</summary>
    public Task<IReadOnlyList<DeletedConversation>> ListDeletedConversationsAsync(bool ascending) => Task.FromResult<IReadOnlyList<DeletedConversation>>(db.Read(s => s.Query(
        $"SELECT id, deleted_at, metrics_retained FROM deleted_conversations WHERE app = $app ORDER BY deleted_at {(ascending ? "ASC" : "DESC")}, seq {(ascending ? "ASC" : "DESC")}",
        r => new DeletedConversation(r.GetInt64(0), r.GetInt64(1), r.GetInt64(2) != 0), ("$app", app))));

    /// <summary>
    /// Merges <paramref name="secondary"/> into <paramref name="primary"/> as 2.16's description says: the secondary is
    /// closed (a close part, as an admin closes it) and linked to the primary (conversation_merges), which gets a
    /// merged_primary_conversation part and is answered. The description moves nothing else, so each keeps its own
    /// parts, contacts, tags and ticket. Both parts are by the app's first admin, whose token the request is (the
    /// description's example has a bot, which the emulator has none of). Its 422s in its words; a primary that was
    /// itself merged away is our 400, for the thread that survives is the one it went into.
    /// </summary>
    public Task<ConversationRecord> MergeConversationAsync(long secondary, long primary) => db.WriteAsync(s =>
    {
        _ = Conversation(s, secondary) ?? throw ConversationNotFound();
        if (secondary == primary)
        {
            throw MergeFailed("Cannot merge a conversation into itself");
        }

        _ = Conversation(s, primary) ?? throw MergeFailed("Primary conversation not found");
        if (MergedInto(s, secondary) is not null)
        {
            throw MergeFailed("Secondary conversation has already been merged");
        }

        if (MergedInto(s, primary) is { } onward)
        {
            throw new ApiError(400, "bad_request",
                $"Conversation {primary} has been merged into conversation {onward}; merge into {onward} instead")
            {
                Code = "parameter_invalid",
                Field = "merge_into_conversation_id",
            };
        }

        AddPart(s, secondary, "", "close", Admin.Id, assignedTo: null);
        SetState(s, secondary, "closed", snoozedUntil: null);
        s.Execute("INSERT INTO conversation_merges (thread_id, into_id, merged_at) VALUES ($from, $into, $now)",
            ("$from", secondary), ("$into", primary), ("$now", Now));
        AddPart(s, primary, "", "merged_primary_conversation", Admin.Id, assignedTo: null);
        return Conversation(s, primary)!;
    });

    private static long? MergedInto(DbSession s, long id) =>
        s.Scalar<long?>("SELECT into_id FROM conversation_merges WHERE thread_id = $id", ("$id", id));

    /// <summary>
    /// Redacts the conversation's source message or one of its parts: its words become <see cref="Html.Redacted"/> and
    /// it is marked redacted (when, so the part's and the conversation's updated_at move), the message itself staying.
    /// Ids that name no conversation, or no part (or not the source) of that conversation, are the documented 404; a
    /// part without words (a state change, an assignment) or a source an admin wrote is conversation_part_not_redactable.
    /// Redacting it again leaves it as it is and answers the conversation: there is nothing left to remove.
    /// </summary>
    public Task<ConversationRecord> RedactAsync(string conversationId, string messageId, bool source) => db.WriteAsync(s =>
    {
        var conversation = (ParseId(conversationId) is { } id ? Conversation(s, id) : null) ?? throw RedactNotFound();
        var message = Redactable(conversation, messageId, source);
        if (!message.Redacted)
        {
            s.Execute("UPDATE messages SET html = $html, redacted_at = $now WHERE id = $id", ("$id", message.Id), ("$html", Html.Redacted), ("$now", Now));
        }

        return Conversation(s, conversation.Id)!;
    });

    /// <summary>The message of <paramref name="conversation"/> a redaction names, if it may be redacted: the rules of POST /conversations/redact, once.</summary>
    internal static MessageRecord Redactable(ConversationRecord conversation, string messageId, bool source)
    {
        var key = ParseId(messageId);
        var message = (source ? conversation.Messages.Take(1) : conversation.Messages.Skip(1)).FirstOrDefault(m => m.Id == key) ?? throw RedactNotFound();
        return (source ? message.FromAdmin : message.Html.Length == 0) ? throw NotRedactable() : message;
    }

    internal static long? ParseId(string text) =>
        long.TryParse(text, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var id) ? id : null;

    /// <summary>A new thread the user starts with its first message (read: the user wrote it); its id.</summary>
    private long StartThread(DbSession s, long seq, string body, string? url)
    {
        var id = s.Scalar<long>("INSERT INTO threads (app, user_seq, created_at, read, created_by_user) VALUES ($app, $seq, $now, 1, 1) RETURNING id",
            ("$app", app), ("$seq", seq), ("$now", Now));
        AddMessage(s, id, Html.Paragraphs(body), url, fromAdmin: false);
        return id;
    }

    /// <summary>
    /// A message into the thread and what it means for reading: an admin's (<paramref name="adminId"/>; null with
    /// <paramref name="fromAdmin"/> is the app's first admin, as v1 writes them) leaves the thread unread for the user,
    /// the user's reads it (unless <paramref name="read"/> says otherwise) and reopens it if it was closed.
    /// </summary>
    private void Reply(DbSession s, ConversationRecord thread, string html, string? url, bool fromAdmin, bool? read, string? adminId = null, long? authorSeq = null)
    {
        AddMessage(s, thread.Id, html, url, fromAdmin, adminId, authorSeq: authorSeq);
        SetRead(s, thread.Id, read ?? !fromAdmin);
        if (!fromAdmin && thread.State == "closed")
        {
            SetState(s, thread.Id, "open", null);
        }
    }

    /// <summary>
    /// A message of the thread, its body already the HTML stored (<see cref="Html"/>: the caller knows whether it was
    /// text); <paramref name="authorSeq"/> is the contact who wrote it when not the thread's own.
    /// </summary>
    private static void AddMessage(DbSession s, long threadId, string html, string? url, bool fromAdmin, string? adminId = null, long? at = null, long? authorSeq = null) => s.Execute(
        "INSERT INTO messages (thread_id, created_at, url, html, from_admin, seen, admin_id, user_seq) VALUES ($thread, $now, $url, $html, $admin, $seen, $admin_id, $seq)",
        ("$thread", threadId), ("$now", at ?? Now), ("$url", url), ("$html", html), ("$admin", fromAdmin), ("$seen", !fromAdmin), ("$admin_id", adminId), ("$seq", authorSeq));

    /// <summary>
    /// An admin part that is no message for the user to read (a note, a state change, an assignment), so nothing
    /// becomes unseen: <paramref name="html"/> is the words written with it, or empty.
    /// </summary>
    private static void AddPart(DbSession s, long threadId, string html, string partType, string adminId, string? assignedTo) => s.Execute(
        "INSERT INTO messages (thread_id, created_at, html, from_admin, seen, part_type, admin_id, assigned_to) VALUES ($thread, $now, $html, 1, 1, $type, $admin_id, $assigned)",
        ("$thread", threadId), ("$now", Now), ("$html", html), ("$type", partType), ("$admin_id", adminId), ("$assigned", assignedTo));

    /// <summary>
    /// Read: every message seen. Unread: the newest admin message the user sees is unseen again (never a note or a state
    /// change without words, <see cref="MessageRecord.ToUser"/>), so the user's unread count is honest.
    /// </summary>
    private static void SetRead(DbSession s, long id, bool read) => s.Execute(read
        ? "UPDATE messages SET seen = 1 WHERE thread_id = $id; UPDATE threads SET read = 1 WHERE id = $id"
        : """
          UPDATE threads SET read = 0 WHERE id = $id;
          UPDATE messages SET seen = 0 WHERE id = (SELECT MAX(id) FROM messages WHERE thread_id = $id AND from_admin = 1 AND to_user(COALESCE(part_type, 'comment'), html))
          """,
        ("$id", id));

    private static void SetState(DbSession s, long id, string state, long? snoozedUntil) => s.Execute("""
        INSERT INTO conversation_states (thread_id, state, snoozed_until, updated_at) VALUES ($id, $state, $until, $now)
        ON CONFLICT (thread_id) DO UPDATE SET state = $state, snoozed_until = $until, updated_at = $now
        """, ("$id", id), ("$state", state), ("$until", snoozedUntil), ("$now", Now));

    /// <summary>The conversation's state row, made (open, unassigned) if a v1 thread has none yet.</summary>
    private static void EnsureState(DbSession s, long id) =>
        s.Execute("INSERT OR IGNORE INTO conversation_states (thread_id, state, updated_at) VALUES ($id, 'open', $now)", ("$id", id), ("$now", Now));

    /// <summary>The admin messages of a user's threads that the user has not seen: v1's unread_messages.</summary>
    private static int UnreadAdminMessages(DbSession s, long seq) => (int)s.Scalar<long>("""
        SELECT COUNT(*) FROM messages WHERE from_admin = 1 AND seen = 0
            AND thread_id IN (SELECT id FROM threads WHERE user_seq = $seq)
        """, ("$seq", seq));

    /// <summary>One of the user's threads; a thread of someone else is not found.</summary>
    private ConversationRecord UsersThread(DbSession s, UserKey key, long threadId)
    {
        var user = FindUser(s, key) ?? throw ApiError.UserNotFound();
        return LoadConversations(s, ThreadsOfUser, ("$seq", user.Seq), ("$id", threadId)).FirstOrDefault()
            ?? throw ApiError.NotFound("The Message Thread was not found");
    }

    private ConversationRecord? Conversation(DbSession s, long id) =>
        LoadConversations(s, "WHERE t.app = $app AND t.id = $id", ("$app", app), ("$id", id)).FirstOrDefault();

    /// <summary>
    /// The conversations <paramref name="tail"/> selects, with their messages, tags, contacts, links and ticket: seven statements
    /// however many conversations there are (the rows, every message, every conversation tag, every added contact, the
    /// contacts with their tags, the links, the tickets converted to).
    /// </summary>
    private List<ConversationRecord> LoadConversations(DbSession s, string tail, params (string, object?)[] args)
    {
        var rows = s.Query($"SELECT {ConversationColumns} {ConversationFrom} {tail}",
            r => (Id: r.GetInt64(0), Created: r.GetInt64(1), Updated: r.GetInt64(2), Read: r.GetInt64(3) != 0, State: r.GetString(4),
                Until: Number(r, 5), ByUser: r.GetInt64(6) != 0, Seq: r.GetInt64(7), Admin: Number(r, 8), Team: Number(r, 9),
                MessageType: Text(r, 10), Subject: Text(r, 11), Title: Text(r, 12), Custom: Text(r, 13)), args);
        if (rows.Count == 0)
        {
            return [];
        }

        var ids = ("$ids", (object?)JsonSerializer.Serialize(rows.Select(row => row.Id)));
        var messages = s.Query(
            "SELECT thread_id, id, created_at, url, html, from_admin, COALESCE(part_type, 'comment'), admin_id, assigned_to, redacted_at, user_seq FROM messages WHERE thread_id IN (SELECT value FROM json_each($ids)) ORDER BY id",
            r => (Thread: r.GetInt64(0), Author: Number(r, 10), Message: new MessageRecord(r.GetInt64(1), r.GetInt64(2), Text(r, 3), r.GetString(4), r.GetInt64(5) != 0, r.GetString(6), Text(r, 7), Text(r, 8), Number(r, 9))),
            ids);
        var tags = s.Query(
            $"SELECT ct.thread_id, ct.applied_at, ct.admin_id, {TagColumns} FROM conversation_tags ct JOIN tags t ON t.id = ct.tag_id WHERE ct.thread_id IN (SELECT value FROM json_each($ids)) ORDER BY ct.applied_at, t.id",
            r => (Thread: r.GetInt64(0), Tag: new AppliedTag(ReadTag(r, 3), r.GetInt64(1), r.GetString(2))), ids).ToLookup(t => t.Thread, t => t.Tag);
        var participants = s.Query(
            "SELECT thread_id, user_seq FROM conversation_contacts WHERE thread_id IN (SELECT value FROM json_each($ids)) ORDER BY id",
            r => (Thread: r.GetInt64(0), Seq: r.GetInt64(1)), ids).ToLookup(p => p.Thread, p => p.Seq);
        var contacts = ContactsBySeq(s, rows.Select(row => row.Seq).Concat(participants.SelectMany(p => p)).Concat(messages.Where(m => m.Author is not null).Select(m => m.Author!.Value)));
        var written = messages.ToLookup(m => m.Thread, m => m.Author is { } author ? m.Message with { Author = contacts[author] } : m.Message);
        // What a conversation is linked to: the tickets linking it (POST /tickets' conversation_to_link_id, 2.16's
        // linked_conversations), then the conversation a 2.16 merge closed it into (the secondary is linked to the primary).
        var links = s.Query("""
            SELECT l.thread_id, 'ticket', l.ticket_id, y.category FROM ticket_links l JOIN tickets k ON k.id = l.ticket_id JOIN ticket_types y ON y.id = k.ticket_type_id
            WHERE l.thread_id IN (SELECT value FROM json_each($ids))
            UNION ALL SELECT thread_id, 'conversation', into_id, NULL FROM conversation_merges WHERE thread_id IN (SELECT value FROM json_each($ids))
            ORDER BY 1, 2 DESC, 3
            """, r => (Thread: r.GetInt64(0), Link: new TicketLink(r.GetString(1), r.GetInt64(2), Text(r, 3))), ids).ToLookup(l => l.Thread, l => l.Link);
        // The ticket POST /conversations/{id}/convert made of it.
        var converted = s.Query("""
            SELECT c.thread_id, c.ticket_id, y.category FROM conversation_tickets c JOIN tickets k ON k.id = c.ticket_id JOIN ticket_types y ON y.id = k.ticket_type_id
            WHERE c.thread_id IN (SELECT value FROM json_each($ids))
            """, r => (Thread: r.GetInt64(0), Ticket: new TicketLink("ticket", r.GetInt64(1), Text(r, 2))), ids).ToDictionary(t => t.Thread, t => t.Ticket);
        return [.. rows.Select(row => new ConversationRecord(
            row.Id, row.Created, row.Updated, row.Read, row.State, row.Until, row.ByUser, [.. written[row.Id]], contacts[row.Seq],
            row.Admin?.ToString(System.Globalization.CultureInfo.InvariantCulture), row.Team, [.. tags[row.Id]], row.MessageType, row.Subject,
            row.Title, row.Custom ?? CustomData.Empty,
            participants.Contains(row.Id) ? [.. participants[row.Id].Select(seq => contacts[seq])] : null,
            [.. links[row.Id]], converted.GetValueOrDefault(row.Id)))];
    }

    /// <summary>
    /// A contact replying to a conversation it takes no part in: the reply's one documented client error is its 404
    /// "Resource Not Found" (no 400 is described), so that, with words saying why and what to do.
    /// </summary>
    public static ApiError NotTakingPart(ContactRecord contact, long id) => new(404, "not_found",
        $"Resource Not Found: contact {contact.User.IntercomId} is not taking part in conversation {id}; add it first (POST /conversations/{id}/customers)")
    {
        Code = "not_found",
    };

    /// <summary>2.14's 404, in its words and code (v1 words its own: ApiError.UserNotFound, TagNotFound).</summary>
    /// <summary>POST /conversations/{id}/merge's 422, in the description's words.</summary>
    public static ApiError MergeFailed(string message) => new(422, "unprocessable_entity", message) { Code = "merge_failed" };

    public static ApiError ConversationNotFound() => new(404, "not_found", "Resource Not Found") { Code = "not_found" };

    /// <summary>POST /conversations/redact's 404, in the description's words: no such conversation, or no such part or source of it.</summary>
    public static ApiError RedactNotFound() => new(404, "not_found", "Conversation part or message not found") { Code = "conversation_part_or_message_not_found" };

    /// <summary>
    /// A part without a body, or a source a contact did not write: the description names the code only; the words are
    /// those of Intercom's earlier (2.3) reference for the endpoint, and the status, which neither gives, a 400.
    /// </summary>
    public static ApiError NotRedactable() => new(400, "bad_request", "Part can't be redacted") { Code = "conversation_part_not_redactable" };

    /// <summary>DELETE /conversations/{id}/customers/{contact_id}'s 422, in the description's words: a conversation keeps one contact.</summary>
    public static ApiError LastCustomer() => new(422, "unprocessable_entity", "Removing the last customer is not allowed") { Code = "parameter_invalid" };

    /// <summary>The 404 for a tag the app or the conversation does not have, in the words of DELETE /conversations/{id}/tags/{tag_id}.</summary>
    public static ApiError ConversationTagNotFound() => new(404, "not_found", "Tag not found") { Code = "tag_not_found" };
}
