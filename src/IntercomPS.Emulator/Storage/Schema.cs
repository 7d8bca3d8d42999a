namespace IntercomPS.Emulator.Storage;

/// <summary>
/// The tables. Every row carries its app id, so apps are isolated by a WHERE clause and one app can be reset alone.
/// Users are ordered by seq (the rowid, i.e. creation order), which makes list paging stable.
/// </summary>
internal static class Schema
{
    public const string Create = """
        CREATE TABLE IF NOT EXISTS users (
            seq INTEGER PRIMARY KEY AUTOINCREMENT,
            app TEXT NOT NULL,
            user_id TEXT,
            email TEXT,
            name TEXT,
            created_at INTEGER,
            last_impression_at INTEGER,
            custom_data TEXT NOT NULL DEFAULT '{}',
            last_seen_ip TEXT,
            last_seen_user_agent TEXT,
            session_count INTEGER NOT NULL DEFAULT 0,
            unsubscribed INTEGER NOT NULL DEFAULT 0);
        CREATE UNIQUE INDEX IF NOT EXISTS ux_users_user_id ON users(app, user_id) WHERE user_id IS NOT NULL;
        CREATE INDEX IF NOT EXISTS ix_users_email ON users(app, email);
        CREATE INDEX IF NOT EXISTS ix_users_app ON users(app, seq);

        CREATE TABLE IF NOT EXISTS tags (
            id INTEGER PRIMARY KEY AUTOINCREMENT,
            app TEXT NOT NULL,
            name TEXT NOT NULL,
            color TEXT NOT NULL,
            UNIQUE (app, name));

        CREATE TABLE IF NOT EXISTS user_tags (
            tag_id INTEGER NOT NULL,
            user_seq INTEGER NOT NULL,
            PRIMARY KEY (tag_id, user_seq)) WITHOUT ROWID;
        CREATE INDEX IF NOT EXISTS ix_user_tags_user ON user_tags(user_seq);

        CREATE TABLE IF NOT EXISTS notes (
            id INTEGER PRIMARY KEY AUTOINCREMENT,
            app TEXT NOT NULL,
            user_seq INTEGER NOT NULL,
            html TEXT NOT NULL,
            created_at INTEGER NOT NULL);
        CREATE INDEX IF NOT EXISTS ix_notes_user ON notes(user_seq);

        CREATE TABLE IF NOT EXISTS threads (
            id INTEGER PRIMARY KEY AUTOINCREMENT,
            app TEXT NOT NULL,
            user_seq INTEGER NOT NULL,
            created_at INTEGER NOT NULL,
            read INTEGER NOT NULL,
            created_by_user INTEGER NOT NULL);
        CREATE INDEX IF NOT EXISTS ix_threads_user ON threads(user_seq);

        -- seen: whether the user has read an admin message; unread admin messages feed impressions' unread_messages.
        CREATE TABLE IF NOT EXISTS messages (
            id INTEGER PRIMARY KEY AUTOINCREMENT,
            thread_id INTEGER NOT NULL,
            created_at INTEGER NOT NULL,
            url TEXT,
            html TEXT NOT NULL,
            from_admin INTEGER NOT NULL,
            seen INTEGER NOT NULL);
        CREATE INDEX IF NOT EXISTS ix_messages_thread ON messages(thread_id);
        """;
}
