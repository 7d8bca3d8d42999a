using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading.Tasks;
using IntercomPS.Emulator.Model;
using Microsoft.Data.Sqlite;

namespace IntercomPS.Emulator.Storage;

/// <summary>One stored app's data. Every query is scoped by the app id; every write is one transaction.</summary>
internal sealed partial class SqliteBackend(Database db, string app) : IAppBackend
{
    private const string UserColumns =
        "users.seq, user_id, email, name, created_at, last_impression_at, custom_data, last_seen_ip, last_seen_user_agent, session_count, unsubscribed, users.intercom_id";

    private static long Now => DateTimeOffset.UtcNow.ToUnixTimeSeconds();

    /// <summary>The whole list's seqs in order, walked on its index: what page boundaries are computed from.</summary>
    internal const string AllSeqs = "SELECT seq FROM users WHERE app = $app ORDER BY seq";

    internal const string TaggedSeqs = "SELECT user_seq FROM user_tags WHERE tag_id = $tag ORDER BY user_seq";

    /// <summary>One page by keyset: a seek to the first seq after the previous page, never an OFFSET.</summary>
    internal const string PageOfAll = $"SELECT {UserColumns} FROM users WHERE app = $app AND seq > $after ORDER BY seq LIMIT $limit";

    internal const string PageOfTagged = $"""
        SELECT {UserColumns} FROM user_tags t JOIN users ON users.seq = t.user_seq
        WHERE t.tag_id = $tag AND t.user_seq > $after ORDER BY t.user_seq LIMIT $limit
        """;

    public Task<UserPage> ListUsersAsync(int page, int perPage, string? tagId, string? tagName) => Task.FromResult(db.Read(s =>
    {
        long? tag = null;
        if (tagId is not null || tagName is not null)
        {
            // An unknown tag filters everything out: an empty page rather than an error, like any other filter.
            tag = s.Scalar<long?>(
                "SELECT id FROM tags WHERE app = $app AND (intercom_id = $id OR name = $name)", ("$app", app), ("$id", tagId), ("$name", tagName));
            if (tag is null)
            {
                return new UserPage([], 0, page, perPage);
            }
        }

        var pages = db.Pages.Get((app, tag, perPage), () => Boundaries.From(tag is null
            ? s.Query(AllSeqs, r => r.GetInt64(0), ("$app", app))
            : s.Query(TaggedSeqs, r => r.GetInt64(0), ("$tag", tag)), perPage));
        var users = pages.After(page) is not { } after ? []
            : tag is null ? s.Query(PageOfAll, ReadUser, ("$app", app), ("$after", after), ("$limit", perPage))
            : s.Query(PageOfTagged, ReadUser, ("$tag", tag), ("$after", after), ("$limit", perPage));
        return new UserPage(users, pages.Total, page, perPage);
    }));

    public Task<UserRecord> GetUserAsync(UserKey key) => Task.FromResult(db.Read(s => FindUser(s, key) ?? throw ApiError.UserNotFound()));

    public Task<(UserRecord User, bool Created)> SaveUserAsync(UserInput input, bool create) => db.WriteAsync(s =>
    {
        var key = input.Key;
        var user = FindUser(s, key);

        // A user first known by email only gets the user_id it is later sent with, instead of a duplicate user.
        if (user is null && key.UserId is not null && key.Email is not null)
        {
            user = s.First($"SELECT {UserColumns} FROM users WHERE app = $app AND email = $email AND user_id IS NULL ORDER BY seq LIMIT 1",
                ReadUser, ("$app", app), ("$email", key.Email));
        }

        if (user is null && !create)
        {
            throw ApiError.UserNotFound();
        }

        var args = new (string, object?)[]
        {
            ("$app", app), ("$user_id", key.UserId), ("$email", key.Email), ("$name", input.Name), ("$created_at", input.CreatedAt),
            ("$last_impression_at", input.LastImpressionAt), ("$custom_data", CustomData.Merge(user?.CustomData ?? CustomData.Empty, input.CustomData, input.Increments)),
            ("$ip", input.LastSeenIp), ("$ua", input.LastSeenUserAgent), ("$unsubscribed", input.UnsubscribedFromEmails),
            ("$seq", user?.Seq), ("$now", Now),
        };
        if (user is null)
        {
            var seq = s.Scalar<long>($"""
                INSERT INTO users (app, intercom_id, user_id, email, name, created_at, last_impression_at, custom_data, last_seen_ip, last_seen_user_agent, unsubscribed)
                VALUES ($app, {Schema.NewIntercomId}, $user_id, $email, $name, COALESCE($created_at, $now), $last_impression_at, $custom_data, $ip, $ua, COALESCE($unsubscribed, 0))
                RETURNING seq
                """, args);
            return (UserBySeq(s, seq), true);
        }

        // Only a changed user_id, email or created_at is written: SQLite rewrites the index entries of every column an
        // UPDATE assigns, even to the same value, which tripled the pages each update wrote.
        if ((key.UserId is not null && key.UserId != user.UserId) || (key.Email is not null && key.Email != user.Email)
            || (input.CreatedAt is not null && input.CreatedAt != user.CreatedAt))
        {
            s.Execute("""
                UPDATE users SET user_id = COALESCE($user_id, user_id), email = COALESCE($email, email), created_at = COALESCE($created_at, created_at)
                WHERE seq = $seq
                """, args);
        }

        // RETURNING hands back the stored row, so the answer needs no second SELECT.
        var updated = s.First($"""
            UPDATE users SET name = COALESCE($name, name), last_impression_at = COALESCE($last_impression_at, last_impression_at),
                custom_data = $custom_data, last_seen_ip = COALESCE($ip, last_seen_ip), last_seen_user_agent = COALESCE($ua, last_seen_user_agent),
                unsubscribed = COALESCE($unsubscribed, unsubscribed)
            WHERE seq = $seq
            RETURNING {UserColumns}
            """, ReadUser, args);
        return (updated!, false);
    });

    public Task<UserRecord> DeleteUserAsync(UserKey key) => db.WriteAsync(s =>
    {
        var user = FindUser(s, key) ?? throw ApiError.UserNotFound();
        // The same rows as a 2.14 contact delete: a v1 delete must not leave the contact's details or events behind.
        UserRows.Delete(s, user.Seq);
        return user;
    });

    public Task<NoteRecord> AddNoteAsync(UserKey key, string body) => db.WriteAsync(s =>
    {
        var user = FindUser(s, key) ?? throw ApiError.UserNotFound();
        var html = Html.Paragraphs(body);
        var now = Now;
        s.Execute("INSERT INTO notes (app, user_seq, html, created_at) VALUES ($app, $seq, $html, $now)",
            ("$app", app), ("$seq", user.Seq), ("$html", html), ("$now", now));
        return new NoteRecord(html, now, user);
    });

    public Task<int> RecordImpressionAsync(UserKey key, string? userIp, string? userAgent) => db.WriteAsync(s =>
    {
        var user = FindUser(s, key) ?? throw ApiError.UserNotFound();
        s.Execute("""
            UPDATE users SET last_impression_at = $now, session_count = session_count + 1,
                last_seen_ip = COALESCE($ip, last_seen_ip), last_seen_user_agent = COALESCE($ua, last_seen_user_agent)
            WHERE seq = $seq
            """, ("$now", Now), ("$ip", userIp), ("$ua", userAgent), ("$seq", user.Seq));
        return (int)s.Scalar<long>("""
            SELECT COUNT(*) FROM messages WHERE from_admin = 1 AND seen = 0
                AND thread_id IN (SELECT id FROM threads WHERE user_seq = $seq)
            """, ("$seq", user.Seq));
    });

    private UserRecord? FindUser(DbSession s, UserKey key) => key.UserId is not null
        ? s.First($"SELECT {UserColumns} FROM users WHERE app = $app AND user_id = $user_id", ReadUser, ("$app", app), ("$user_id", key.UserId))
        : s.First($"SELECT {UserColumns} FROM users WHERE app = $app AND email = $email ORDER BY seq LIMIT 1", ReadUser, ("$app", app), ("$email", key.Email));

    private static UserRecord UserBySeq(DbSession s, long seq) =>
        s.First($"SELECT {UserColumns} FROM users WHERE seq = $seq", ReadUser, ("$seq", seq))!;

    private static UserRecord ReadUser(SqliteDataReader r) => new(
        r.GetInt64(0), NullableString(r, 1), NullableString(r, 2), NullableString(r, 3), NullableLong(r, 4), NullableLong(r, 5),
        r.GetString(6), NullableString(r, 7), NullableString(r, 8), r.GetInt64(9), r.GetInt64(10) != 0, r.GetString(11));

    private static string? NullableString(SqliteDataReader r, int i) => r.IsDBNull(i) ? null : r.GetString(i);

    private static long? NullableLong(SqliteDataReader r, int i) => r.IsDBNull(i) ? null : r.GetInt64(i);
}
