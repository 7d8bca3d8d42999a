namespace IntercomPS.Emulator.Storage;

/// <summary>
/// The tables. Every row carries its app id, so apps are isolated by a WHERE clause and one app can be reset alone.
/// Users are ordered by seq (the rowid, i.e. creation order), which makes list paging stable. Users and tags also
/// carry the real service's public ids: intercom_id, 24 hex digits like a MongoDB ObjectId (the creation time in
/// seconds, then 16 random hex digits), stored so it never changes. A tag's numeric id is its rowid; its user_count
/// is kept by triggers on user_tags, so every path that links or unlinks a user (v1, 2.14, deletes, resets) keeps
/// it exact and reading it never walks the tag's users.
/// </summary>
internal static class Schema
{
    /// <summary>The schema this code writes, kept in PRAGMA user_version; older data files are upgraded on open.</summary>
    public const int Version = 3;

    /// <summary>A new intercom_id for a row created at UNIX time <c>$now</c>.</summary>
    public const string NewIntercomId = "printf('%08x', $now & 4294967295) || lower(hex(randomblob(8)))";

    public const string Create = """
        CREATE TABLE IF NOT EXISTS users (
            seq INTEGER PRIMARY KEY AUTOINCREMENT,
            app TEXT NOT NULL,
            intercom_id TEXT,
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
            intercom_id TEXT,
            name TEXT NOT NULL,
            color TEXT NOT NULL,
            user_count INTEGER NOT NULL DEFAULT 0,
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

    /// <summary>Indexes and triggers on columns an older data file gets only from <see cref="Upgrade"/>, so they come after it.</summary>
    private const string CreateLate = """
        CREATE UNIQUE INDEX IF NOT EXISTS ux_users_intercom_id ON users(intercom_id);
        CREATE UNIQUE INDEX IF NOT EXISTS ux_tags_intercom_id ON tags(intercom_id);
        CREATE TRIGGER IF NOT EXISTS tr_user_tags_count_up AFTER INSERT ON user_tags
            BEGIN UPDATE tags SET user_count = user_count + 1 WHERE id = NEW.tag_id; END;
        CREATE TRIGGER IF NOT EXISTS tr_user_tags_count_down AFTER DELETE ON user_tags
            BEGIN UPDATE tags SET user_count = user_count - 1 WHERE id = OLD.tag_id; END;
        """;

    /// <summary>Creates the tables, or brings a data file written by an older emulator up to <see cref="Version"/>.</summary>
    public static void Apply(DbSession s)
    {
        s.Execute(Create);
        Upgrade(s);
        s.Execute(CreateLate);
        s.Execute($"PRAGMA user_version = {Version}");
    }

    /// <summary>
    /// Version 1 files lack intercom_id; existing rows get one (dated by their created_at, the best known). Files before
    /// version 3 lack tags.user_count; it is counted once here, and the triggers keep it from then on.
    /// </summary>
    private static void Upgrade(DbSession s)
    {
        if (!HasColumn(s, "tags", "user_count"))
        {
            s.Execute("ALTER TABLE tags ADD COLUMN user_count INTEGER NOT NULL DEFAULT 0");
            s.Execute("UPDATE tags SET user_count = (SELECT COUNT(*) FROM user_tags WHERE tag_id = tags.id)");
        }

        foreach (var (table, created) in new[] { ("users", "created_at"), ("tags", "0") })
        {
            if (!HasColumn(s, table, "intercom_id"))
            {
                s.Execute($"ALTER TABLE {table} ADD COLUMN intercom_id TEXT");
            }

            s.Execute($"UPDATE {table} SET intercom_id = {NewIntercomId.Replace("$now", $"COALESCE({created}, 0)", System.StringComparison.Ordinal)} WHERE intercom_id IS NULL");
        }
    }

    internal static bool HasColumn(DbSession s, string table, string column) =>
        s.Scalar<long>($"SELECT COUNT(*) FROM pragma_table_info('{table}') WHERE name = '{column}'") > 0;
}
