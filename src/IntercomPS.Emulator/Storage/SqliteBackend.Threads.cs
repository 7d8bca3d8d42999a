using System.Collections.Generic;
using System.Linq;
using System.Threading.Tasks;
using IntercomPS.Emulator.Model;

namespace IntercomPS.Emulator.Storage;

/// <summary>Message threads. Admin messages stay unseen until the user reads the thread; that drives unread_messages.</summary>
internal sealed partial class SqliteBackend
{
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
