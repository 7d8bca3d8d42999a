namespace IntercomPS.Emulator.Storage;

/// <summary>
/// What only the 2.14 face stores, beside the shared tables (users, tags, notes, threads) and never a copy of
/// them: a contact's role, phone and archived flag (keyed by the user's seq; a v1 user without a row is a
/// role "user" contact), the contact data attributes an app defined, data events, and a conversation's state (open, closed,
/// snoozed; a v1 thread without a row is open).
/// </summary>
internal static class SchemaV2
{
    public const string Create = """
        CREATE TABLE IF NOT EXISTS contact_details (
            user_seq INTEGER PRIMARY KEY,
            role TEXT NOT NULL DEFAULT 'user',
            phone TEXT,
            archived INTEGER NOT NULL DEFAULT 0,
            updated_at INTEGER);

        CREATE TABLE IF NOT EXISTS data_attributes (
            id INTEGER PRIMARY KEY AUTOINCREMENT,
            app TEXT NOT NULL,
            name TEXT NOT NULL,
            data_type TEXT NOT NULL,
            description TEXT,
            created_at INTEGER NOT NULL,
            UNIQUE (app, name));

        -- A conversation is a v1 thread (same id); only its 2.14 state lives here. No row: open.
        CREATE TABLE IF NOT EXISTS conversation_states (
            thread_id INTEGER PRIMARY KEY,
            state TEXT NOT NULL DEFAULT 'open',
            snoozed_until INTEGER,
            updated_at INTEGER);

        -- Data events a contact did (POST /events); metadata is a flat JSON object.
        CREATE TABLE IF NOT EXISTS events (
            id INTEGER PRIMARY KEY AUTOINCREMENT,
            app TEXT NOT NULL,
            user_seq INTEGER NOT NULL,
            event_name TEXT NOT NULL,
            created_at INTEGER NOT NULL,
            metadata TEXT NOT NULL DEFAULT '{}');
        CREATE INDEX IF NOT EXISTS ix_events_user ON events(user_seq, created_at);

        -- Searches sorted by created_at (oldest first, as clients list) seek on it: the expression is the sort key's.
        CREATE INDEX IF NOT EXISTS ix_users_created ON users(app, COALESCE(created_at, 0), seq);

        -- A listing's partition (the id's last hex digit, `$` on id, as ContactSearch writes it) sorted by created_at
        -- seeks on it too, instead of scanning every contact of the app for each page of each of the 16 partitions.
        CREATE INDEX IF NOT EXISTS ix_users_id_digit ON users(app, substr(intercom_id, -1), COALESCE(created_at, 0), seq);
        """;
}
