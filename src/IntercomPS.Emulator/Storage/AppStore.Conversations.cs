using System.Collections.Generic;
using System.Linq;
using System.Text.Json;
using System.Threading.Tasks;
using IntercomPS.Emulator.Model;

namespace IntercomPS.Emulator.Storage;

/// <summary>
/// Threads, which 2.14 shows as conversations (same id, same messages: the first is the source, the rest the parts),
/// plus a state row only 2.14 writes (open, closed, snoozed). A reply on either face is a message of the thread, and
/// the rules about who has read what are here once: an admin's message is unseen (the thread unread) until the user
/// reads the thread, the user replying has read it, and the user replying reopens a closed conversation.
/// </summary>
internal sealed partial class AppStore
{
    /// <summary>When a conversation last changed: its newest message or state change.</summary>
    public const string ConversationUpdatedAtSql =
        "max(t.created_at, COALESCE(cs.updated_at, 0), COALESCE((SELECT MAX(m.created_at) FROM messages m WHERE m.thread_id = t.id), 0))";

    private const string ConversationColumns = $"t.id, t.created_at, {ConversationUpdatedAtSql}, t.read, COALESCE(cs.state, 'open'), cs.snoozed_until, t.created_by_user, t.user_seq";

    private const string ConversationFrom = "FROM threads t JOIN users u ON u.seq = t.user_seq LEFT JOIN contact_details d ON d.user_seq = u.seq LEFT JOIN conversation_states cs ON cs.thread_id = t.id";

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
            Reply(s, thread, body, url, fromAdmin, read);
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

    /// <summary>A reply as the admin or as the conversation's contact: only its own contact can reply as the user.</summary>
    public Task<ConversationRecord> ReplyAsync(long id, string body, string? contactId, bool fromAdmin) => db.WriteAsync(s =>
    {
        var conversation = Conversation(s, id) ?? throw ConversationNotFound();
        if (!fromAdmin && contactId != conversation.Contact.User.IntercomId)
        {
            throw new ApiError(400, "bad_request", "Only the conversation's contact can reply as the user here: send its intercom_user_id, email or user_id")
            {
                Code = "parameter_invalid",
            };
        }

        Reply(s, conversation, body, url: null, fromAdmin, read: null);
        return Conversation(s, id)!;
    });

    public Task<ConversationRecord> MarkReadAsync(long id, bool read) => db.WriteAsync(s =>
    {
        _ = Conversation(s, id) ?? throw ConversationNotFound();
        SetRead(s, id, read);
        return Conversation(s, id)!;
    });

    /// <summary>
    /// close, open or snoozed (until a time); an optional admin message goes into the thread first. It leaves the
    /// conversation read as it was: a state change is not a reply the contact must read, as the description's examples
    /// and the official SDK's tests have it.
    /// </summary>
    public Task<ConversationRecord> ManageAsync(long id, string state, long? snoozedUntil, string? body) => db.WriteAsync(s =>
    {
        var conversation = Conversation(s, id) ?? throw ConversationNotFound();
        if (body is not null)
        {
            Reply(s, conversation, body, url: null, fromAdmin: true, read: conversation.Read);
        }

        SetState(s, id, state, snoozedUntil);
        return Conversation(s, id)!;
    });

    /// <summary>A new thread the user starts with its first message (read: the user wrote it); its id.</summary>
    private long StartThread(DbSession s, long seq, string body, string? url)
    {
        var id = s.Scalar<long>("INSERT INTO threads (app, user_seq, created_at, read, created_by_user) VALUES ($app, $seq, $now, 1, 1) RETURNING id",
            ("$app", app), ("$seq", seq), ("$now", Now));
        AddMessage(s, id, body, url, fromAdmin: false);
        return id;
    }

    /// <summary>
    /// A message into the thread and what it means for reading: an admin's leaves the thread unread for the user, the
    /// user's reads it (unless <paramref name="read"/> says otherwise) and reopens it if it was closed.
    /// </summary>
    private void Reply(DbSession s, ConversationRecord thread, string body, string? url, bool fromAdmin, bool? read)
    {
        AddMessage(s, thread.Id, body, url, fromAdmin);
        SetRead(s, thread.Id, read ?? !fromAdmin);
        if (!fromAdmin && thread.State == "closed")
        {
            SetState(s, thread.Id, "open", null);
        }
    }

    private static void AddMessage(DbSession s, long threadId, string body, string? url, bool fromAdmin) => s.Execute(
        "INSERT INTO messages (thread_id, created_at, url, html, from_admin, seen) VALUES ($thread, $now, $url, $html, $admin, $seen)",
        ("$thread", threadId), ("$now", Now), ("$url", url), ("$html", Html.Paragraphs(body)), ("$admin", fromAdmin), ("$seen", !fromAdmin));

    /// <summary>Read: every message seen. Unread: the newest admin message is unseen again, so the user's unread count is honest.</summary>
    private static void SetRead(DbSession s, long id, bool read) => s.Execute(read
        ? "UPDATE messages SET seen = 1 WHERE thread_id = $id; UPDATE threads SET read = 1 WHERE id = $id"
        : "UPDATE threads SET read = 0 WHERE id = $id; UPDATE messages SET seen = 0 WHERE id = (SELECT MAX(id) FROM messages WHERE thread_id = $id AND from_admin = 1)",
        ("$id", id));

    private static void SetState(DbSession s, long id, string state, long? snoozedUntil) => s.Execute("""
        INSERT INTO conversation_states (thread_id, state, snoozed_until, updated_at) VALUES ($id, $state, $until, $now)
        ON CONFLICT (thread_id) DO UPDATE SET state = $state, snoozed_until = $until, updated_at = $now
        """, ("$id", id), ("$state", state), ("$until", snoozedUntil), ("$now", Now));

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
    /// The conversations <paramref name="tail"/> selects, with their messages and contacts: three statements however
    /// many conversations there are (the rows, every message, the contacts with their tags).
    /// </summary>
    private List<ConversationRecord> LoadConversations(DbSession s, string tail, params (string, object?)[] args)
    {
        var rows = s.Query($"SELECT {ConversationColumns} {ConversationFrom} {tail}",
            r => (Id: r.GetInt64(0), Created: r.GetInt64(1), Updated: r.GetInt64(2), Read: r.GetInt64(3) != 0, State: r.GetString(4),
                Until: r.IsDBNull(5) ? (long?)null : r.GetInt64(5), ByUser: r.GetInt64(6) != 0, Seq: r.GetInt64(7)), args);
        if (rows.Count == 0)
        {
            return [];
        }

        var messages = s.Query(
            "SELECT thread_id, id, created_at, url, html, from_admin FROM messages WHERE thread_id IN (SELECT value FROM json_each($ids)) ORDER BY id",
            r => (Thread: r.GetInt64(0), Message: new MessageRecord(r.GetInt64(1), r.GetInt64(2), Text(r, 3), r.GetString(4), r.GetInt64(5) != 0)),
            ("$ids", JsonSerializer.Serialize(rows.Select(row => row.Id)))).ToLookup(m => m.Thread, m => m.Message);
        var contacts = ContactsBySeq(s, rows.Select(row => row.Seq));
        return [.. rows.Select(row => new ConversationRecord(
            row.Id, row.Created, row.Updated, row.Read, row.State, row.Until, row.ByUser, [.. messages[row.Id]], contacts[row.Seq]))];
    }

    /// <summary>2.14's 404, in its words and code (v1 words its own: ApiError.UserNotFound, TagNotFound).</summary>
    public static ApiError ConversationNotFound() => new(404, "not_found", "Resource Not Found") { Code = "not_found" };
}
