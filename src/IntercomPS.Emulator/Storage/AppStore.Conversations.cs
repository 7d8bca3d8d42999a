using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading.Tasks;
using IntercomPS.Emulator.Model;

namespace IntercomPS.Emulator.Storage;

/// <summary>
/// Conversations: v1's message threads read as 2.14 conversations (same id, same messages), plus a state row.
/// A reply on either face is a message of the thread, so the v1 thread of the same data reads the same.
/// </summary>
internal sealed partial class AppStore
{
    /// <summary>When a conversation last changed: its newest message or state change.</summary>
    public const string ConversationUpdatedAtSql =
        "max(t.created_at, COALESCE(cs.updated_at, 0), COALESCE((SELECT MAX(m.created_at) FROM messages m WHERE m.thread_id = t.id), 0))";

    private const string ConversationColumns = $"t.id, t.created_at, {ConversationUpdatedAtSql}, t.read, COALESCE(cs.state, 'open'), cs.snoozed_until, t.created_by_user, t.user_seq";

    private const string ConversationFrom = "FROM threads t JOIN users u ON u.seq = t.user_seq LEFT JOIN contact_details d ON d.user_seq = u.seq LEFT JOIN conversation_states cs ON cs.thread_id = t.id";

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
        var conversations = LoadConversations(s, "WHERE t.id IN (SELECT value FROM json_each($ids))", ("$ids", "[" + string.Join(",", ids) + "]"))
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

    /// <summary>A conversation started by a contact: a v1 thread created by the user, with its first message.</summary>
    public Task<(ConversationRecord Conversation, PartRecord Message)> CreateConversationAsync(string contactId, string body) => db.WriteAsync(s =>
    {
        var contact = Find(s, contactId) ?? throw ContactNotFound();
        var now = Now;
        var id = s.Scalar<long>("INSERT INTO threads (app, user_seq, created_at, read, created_by_user) VALUES ($app, $seq, $now, 1, 1) RETURNING id",
            ("$app", app), ("$seq", contact.User.Seq), ("$now", now));
        s.Execute("INSERT INTO messages (thread_id, created_at, url, html, from_admin, seen) VALUES ($id, $now, NULL, $html, 0, 1)",
            ("$id", id), ("$now", now), ("$html", Html.Paragraphs(body)));
        var conversation = Conversation(s, id)!;
        return (conversation, conversation.Parts[0]);
    });

    /// <summary>
    /// A reply, as v1's thread update writes one: an admin's is unseen (unread) until the contact reads the thread;
    /// the contact replying has evidently read it. Only the conversation's own contact can reply as a user.
    /// </summary>
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

        s.Execute("INSERT INTO messages (thread_id, created_at, url, html, from_admin, seen) VALUES ($id, $now, NULL, $html, $admin, $seen)",
            ("$id", id), ("$now", Now), ("$html", Html.Paragraphs(body)), ("$admin", fromAdmin), ("$seen", !fromAdmin));
        s.Execute(fromAdmin ? "UPDATE threads SET read = 0 WHERE id = $id" : "UPDATE messages SET seen = 1 WHERE thread_id = $id; UPDATE threads SET read = 1 WHERE id = $id",
            ("$id", id));
        if (!fromAdmin && conversation.State == "closed")
        {
            SetState(s, id, "open", null); // a contact's reply reopens a closed conversation, as in Intercom
        }

        return Conversation(s, id)!;
    });

    /// <summary>read: true marks every message seen (the v1 thread reads as read); false brings the newest admin message back.</summary>
    public Task<ConversationRecord> MarkReadAsync(long id, bool read) => db.WriteAsync(s =>
    {
        _ = Conversation(s, id) ?? throw ConversationNotFound();
        s.Execute(read
            ? "UPDATE messages SET seen = 1 WHERE thread_id = $id; UPDATE threads SET read = 1 WHERE id = $id"
            : "UPDATE threads SET read = 0 WHERE id = $id; UPDATE messages SET seen = 0 WHERE id = (SELECT MAX(id) FROM messages WHERE thread_id = $id AND from_admin = 1)",
            ("$id", id));
        return Conversation(s, id)!;
    });

    /// <summary>
    /// close, open or snoozed (until a time); an optional admin message goes into the thread first. It leaves the
    /// conversation read as it was (the message is seen when the thread is): a state change is not a reply the
    /// contact must read, as the description's examples and the official SDK's tests have it.
    /// </summary>
    public Task<ConversationRecord> ManageAsync(long id, string state, long? snoozedUntil, string? body) => db.WriteAsync(s =>
    {
        var conversation = Conversation(s, id) ?? throw ConversationNotFound();
        if (body is not null)
        {
            s.Execute("INSERT INTO messages (thread_id, created_at, url, html, from_admin, seen) VALUES ($id, $now, NULL, $html, 1, $seen)",
                ("$id", id), ("$now", Now), ("$html", Html.Paragraphs(body)), ("$seen", conversation.Read));
        }

        SetState(s, id, state, snoozedUntil);
        return Conversation(s, id)!;
    });

    private void SetState(DbSession s, long id, string state, long? snoozedUntil) => s.Execute("""
        INSERT INTO conversation_states (thread_id, state, snoozed_until, updated_at) VALUES ($id, $state, $until, $now)
        ON CONFLICT (thread_id) DO UPDATE SET state = $state, snoozed_until = $until, updated_at = $now
        """, ("$id", id), ("$state", state), ("$until", snoozedUntil), ("$now", Now));

    private ConversationRecord? Conversation(DbSession s, long id) =>
        LoadConversations(s, "WHERE t.app = $app AND t.id = $id", ("$app", app), ("$id", id)).FirstOrDefault();

    private List<ConversationRecord> LoadConversations(DbSession s, string tail, params (string, object?)[] args)
    {
        var rows = s.Query($"SELECT {ConversationColumns} {ConversationFrom} {tail}",
            r => (Id: r.GetInt64(0), Created: r.GetInt64(1), Updated: r.GetInt64(2), Read: r.GetInt64(3) != 0, State: r.GetString(4),
                Until: r.IsDBNull(5) ? (long?)null : r.GetInt64(5), ByUser: r.GetInt64(6) != 0, Seq: r.GetInt64(7)), args);
        var contacts = new Dictionary<long, ContactRecord>();
        return rows.Select(row =>
        {
            if (!contacts.TryGetValue(row.Seq, out var contact))
            {
                contacts[row.Seq] = contact = BySeq(s, row.Seq)!;
            }

            var parts = s.Query("SELECT id, created_at, html, url, from_admin FROM messages WHERE thread_id = $id ORDER BY id",
                r => new PartRecord(r.GetInt64(0), r.GetInt64(1), r.GetString(2), r.IsDBNull(3) ? null : r.GetString(3), r.GetInt64(4) != 0),
                ("$id", row.Id));
            return new ConversationRecord(row.Id, row.Created, row.Updated, row.Read, row.State, row.Until, row.ByUser, parts, contact);
        }).ToList();
    }

    /// <summary>The admin messages of a user's threads that the user has not seen: v1's unread_messages.</summary>
    private static int UnreadAdminMessages(DbSession s, long seq) => (int)s.Scalar<long>("""
        SELECT COUNT(*) FROM messages WHERE from_admin = 1 AND seen = 0
            AND thread_id IN (SELECT id FROM threads WHERE user_seq = $seq)
        """, ("$seq", seq));

    public static ApiError ConversationNotFound() => new(404, "not_found", "Resource Not Found") { Code = "not_found" };

    public Task<IReadOnlyList<ThreadRecord>> ListThreadsAsync(UserKey key) => Task.FromResult<IReadOnlyList<ThreadRecord>>(db.Read(s =>
    {
        var user = FindUser(s, key) ?? throw ApiError.UserNotFound();
        return LoadThreads(s, user, threadId: null);
    }));

    public Task<ThreadRecord> GetThreadAsync(UserKey key, long threadId) => Task.FromResult(db.Read(s =>
    {
        var user = FindUser(s, key) ?? throw ApiError.UserNotFound();
        return LoadThread(s, user, threadId);
    }));

    public Task<ThreadRecord> CreateThreadAsync(UserKey key, string body, string? url) => db.WriteAsync(s =>
    {
        var user = FindUser(s, key) ?? throw ApiError.UserNotFound();
        var threadId = s.Scalar<long>(
            "INSERT INTO threads (app, user_seq, created_at, read, created_by_user) VALUES ($app, $seq, $now, 1, 1) RETURNING id",
            ("$app", app), ("$seq", user.Seq), ("$now", Now));
        AddMessage(s, threadId, body, url, fromAdmin: false);
        return LoadThread(s, user, threadId);
    });

    public Task<ThreadRecord> UpdateThreadAsync(UserKey key, long threadId, string? body, string? url, bool? read, bool fromAdmin) => db.WriteAsync(s =>
    {
        var user = FindUser(s, key) ?? throw ApiError.UserNotFound();
        LoadThread(s, user, threadId); // 404 for someone else's thread
        if (body is not null)
        {
            AddMessage(s, threadId, body, url, fromAdmin);

            // An admin reply makes the thread unread for the user; the user replying has evidently read it.
            read ??= !fromAdmin;
        }

        if (read == true)
        {
            s.Execute("UPDATE messages SET seen = 1 WHERE thread_id = $id; UPDATE threads SET read = 1 WHERE id = $id", ("$id", threadId));
        }
        else if (read == false)
        {
            // Marking unread brings back the latest admin message as unread, so the count the user sees is honest.
            s.Execute("""
                UPDATE threads SET read = 0 WHERE id = $id;
                UPDATE messages SET seen = 0 WHERE id = (SELECT MAX(id) FROM messages WHERE thread_id = $id AND from_admin = 1);
                """, ("$id", threadId));
        }

        return LoadThread(s, user, threadId);
    });

    private static void AddMessage(DbSession s, long threadId, string body, string? url, bool fromAdmin) => s.Execute(
        "INSERT INTO messages (thread_id, created_at, url, html, from_admin, seen) VALUES ($thread, $now, $url, $html, $admin, $seen)",
        ("$thread", threadId), ("$now", Now), ("$url", url), ("$html", Html.Paragraphs(body)), ("$admin", fromAdmin), ("$seen", !fromAdmin));

    private static ThreadRecord LoadThread(DbSession s, UserRecord user, long threadId) =>
        LoadThreads(s, user, threadId).FirstOrDefault() ?? throw ApiError.NotFound("The Message Thread was not found");

    private static List<ThreadRecord> LoadThreads(DbSession s, UserRecord user, long? threadId)
    {
        var messages = s.Query(
            """
            SELECT m.thread_id, m.id, m.created_at, m.url, m.html, m.from_admin FROM messages m JOIN threads t ON t.id = m.thread_id
            WHERE t.user_seq = $seq AND ($id IS NULL OR t.id = $id) ORDER BY m.id
            """,
            r => (Thread: r.GetInt64(0), Message: new MessageRecord(r.GetInt64(1), r.GetInt64(2), r.IsDBNull(3) ? null : r.GetString(3), r.GetString(4), r.GetInt64(5) != 0)),
            ("$seq", user.Seq), ("$id", threadId)).ToLookup(m => m.Thread, m => m.Message);
        return s.Query(
            "SELECT id, created_at, read, created_by_user FROM threads WHERE user_seq = $seq AND ($id IS NULL OR id = $id) ORDER BY id",
            r =>
            {
                var list = messages[r.GetInt64(0)].ToList();
                long? updated = list.Count > 1 ? list[^1].CreatedAt : null;
                return new ThreadRecord(r.GetInt64(0), r.GetInt64(1), updated, r.GetInt64(2) != 0, r.GetInt64(3) != 0, list, user);
            },
            ("$seq", user.Seq), ("$id", threadId));
    }
}
