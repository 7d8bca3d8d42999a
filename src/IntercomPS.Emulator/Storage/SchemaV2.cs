namespace IntercomPS.Emulator.Storage;

/// <summary>
/// What only the 2.14 face stores, beside the shared tables (users, tags, notes, threads) and never a copy of
/// them: a contact's role, phone and archived flag (keyed by the user's seq; a v1 user without a row is a
/// role "user" contact), the data attributes an app defined (contact and company), data events, a conversation's state
/// (open, closed, snoozed; a v1 thread without a row is open) and assignees, its tags, the contacts added to it, and the admins and teams an app
/// has beyond its first admin. A message's 2.14 part type, author admin and assignee are columns of the shared
/// messages table (a v1 message is a comment by the user or the app's first admin), and when and by which admin a
/// contact was tagged columns of user_tags (null in rows from before they were recorded).
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
            model TEXT NOT NULL DEFAULT 'contact',
            options TEXT,
            archived INTEGER NOT NULL DEFAULT 0,
            updated_at INTEGER,
            UNIQUE (app, name));

        -- A conversation is a v1 thread (same id); only its 2.14 state, assignees, title and custom attributes (a JSON
        -- object) live here. No row: open, unassigned, untitled, no attributes.
        CREATE TABLE IF NOT EXISTS conversation_states (
            thread_id INTEGER PRIMARY KEY,
            state TEXT NOT NULL DEFAULT 'open',
            snoozed_until INTEGER,
            updated_at INTEGER,
            admin_assignee_id INTEGER,
            team_assignee_id INTEGER,
            title TEXT,
            custom_attributes TEXT);

        -- Tags on conversations (contacts' tags are user_tags): when and by which admin each was applied.
        CREATE TABLE IF NOT EXISTS conversation_tags (
            thread_id INTEGER NOT NULL,
            tag_id INTEGER NOT NULL,
            applied_at INTEGER NOT NULL,
            admin_id TEXT NOT NULL,
            PRIMARY KEY (thread_id, tag_id)) WITHOUT ROWID;
        CREATE INDEX IF NOT EXISTS ix_conversation_tags_tag ON conversation_tags(tag_id);

        -- A conversation's contacts once one was added or removed (POST/DELETE /conversations/{id}/customers), the
        -- whole list in the order they joined, its own contact (threads.user_seq) included while it takes part. No
        -- rows: its one contact, as every conversation before. added_at and admin_id say when and by whom (null for
        -- its own contact and for a contact added on behalf of another contact).
        CREATE TABLE IF NOT EXISTS conversation_contacts (
            id INTEGER PRIMARY KEY AUTOINCREMENT,
            thread_id INTEGER NOT NULL,
            user_seq INTEGER NOT NULL,
            added_at INTEGER,
            admin_id TEXT,
            UNIQUE (thread_id, user_seq));
        CREATE INDEX IF NOT EXISTS ix_conversation_contacts_user ON conversation_contacts(user_seq);

        -- A deleted conversation's id (GET /conversations/deleted, 2.16): when, and whether its metrics were retained;
        -- seq orders deletions within one second.
        CREATE TABLE IF NOT EXISTS deleted_conversations (
            seq INTEGER PRIMARY KEY AUTOINCREMENT,
            id INTEGER NOT NULL UNIQUE,
            app TEXT NOT NULL,
            deleted_at INTEGER NOT NULL,
            metrics_retained INTEGER NOT NULL);

        -- A lead merged into a user (POST /contacts/merge): the user's merge history (2.16's GET
        -- /contacts/{id}/merge_history). The lead is gone, so its id and role are kept here; the user deleted takes its rows.
        CREATE TABLE IF NOT EXISTS contact_merges (
            id INTEGER PRIMARY KEY AUTOINCREMENT,
            into_seq INTEGER NOT NULL,
            source_id TEXT NOT NULL,
            source_role TEXT NOT NULL,
            merged_at INTEGER NOT NULL);
        CREATE INDEX IF NOT EXISTS ix_contact_merges_into ON contact_merges(into_seq);

        -- A conversation merged into another (POST /conversations/{id}/merge, 2.16): closed, and linked to the one it
        -- went into, so it merges once. Either conversation deleted takes the row (a trigger, as every way deletes threads).
        CREATE TABLE IF NOT EXISTS conversation_merges (
            thread_id INTEGER PRIMARY KEY,
            into_id INTEGER NOT NULL,
            merged_at INTEGER NOT NULL);
        CREATE INDEX IF NOT EXISTS ix_conversation_merges_into ON conversation_merges(into_id);
        CREATE TRIGGER IF NOT EXISTS tr_threads_merges AFTER DELETE ON threads BEGIN
            DELETE FROM conversation_merges WHERE thread_id = OLD.id OR into_id = OLD.id;
        END;

        -- The admins an app has beyond its first (which comes from the emulator's options), and its teams.
        CREATE TABLE IF NOT EXISTS admins (
            seq INTEGER PRIMARY KEY AUTOINCREMENT,
            app TEXT NOT NULL,
            id TEXT NOT NULL,
            name TEXT NOT NULL,
            email TEXT NOT NULL,
            away INTEGER NOT NULL DEFAULT 0,
            reassign INTEGER NOT NULL DEFAULT 0,
            UNIQUE (app, id),
            UNIQUE (app, email));

        -- An admin's away status as PUT /admins/{id}/away last set it, for the first admin too (which is not in
        -- admins): it replaces the away and reassign /admin/admins seeded. reason_id only while away.
        CREATE TABLE IF NOT EXISTS admin_away (
            app TEXT NOT NULL,
            admin_id TEXT NOT NULL,
            away INTEGER NOT NULL,
            reassign INTEGER NOT NULL,
            reason_id INTEGER,
            PRIMARY KEY (app, admin_id)) WITHOUT ROWID;

        -- The admins' activity log (GET /admins/activity_logs): the away mode changes PUT /admins/{id}/away made, and
        -- what /admin added. admin_email is the admin's as it was; metadata a JSON object's text.
        CREATE TABLE IF NOT EXISTS activity_logs (
            seq INTEGER PRIMARY KEY AUTOINCREMENT,
            app TEXT NOT NULL,
            id TEXT NOT NULL,
            admin_id TEXT NOT NULL,
            admin_email TEXT NOT NULL,
            activity_type TEXT NOT NULL,
            metadata TEXT NOT NULL,
            description TEXT NOT NULL,
            created_at INTEGER NOT NULL);
        CREATE INDEX IF NOT EXISTS ix_activity_logs_time ON activity_logs(app, created_at);

        CREATE TABLE IF NOT EXISTS teams (
            id INTEGER PRIMARY KEY AUTOINCREMENT,
            app TEXT NOT NULL,
            name TEXT NOT NULL,
            UNIQUE (app, name));

        CREATE TABLE IF NOT EXISTS team_admins (
            team_id INTEGER NOT NULL,
            admin_id TEXT NOT NULL,
            PRIMARY KEY (team_id, admin_id)) WITHOUT ROWID;

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

    /// <summary>The columns an older data file's shared or 2.14 tables lack, added on open (older rows: comments, unassigned; contact attributes, not archived; tags applied at an unknown time by an unknown admin).</summary>
    private static readonly (string Table, string Column, string Type)[] LaterColumns =
    [
        ("messages", "part_type", "TEXT"),
        ("messages", "admin_id", "TEXT"),
        ("messages", "assigned_to", "TEXT"),
        ("notes", "admin_id", "TEXT"),
        ("user_tags", "applied_at", "INTEGER"),
        ("user_tags", "admin_id", "TEXT"),
        ("conversation_states", "admin_assignee_id", "INTEGER"),
        ("conversation_states", "team_assignee_id", "INTEGER"),
        ("data_attributes", "model", "TEXT NOT NULL DEFAULT 'contact'"),
        ("data_attributes", "options", "TEXT"),
        ("data_attributes", "archived", "INTEGER NOT NULL DEFAULT 0"),
        ("data_attributes", "updated_at", "INTEGER"),
        // An admin's message (POST /messages) starts a thread: its channel (inapp or email) and an email's subject.
        ("threads", "message_type", "TEXT"),
        ("threads", "subject", "TEXT"),
        ("conversation_states", "title", "TEXT"),
        ("conversation_states", "custom_attributes", "TEXT"),
        // When a message was redacted (POST /conversations/redact): its words are then gone, replaced by Html.Redacted.
        ("messages", "redacted_at", "INTEGER"),
        // 2.16's notes on a company (POST /companies/{id}/notes): the company; such a note's user_seq is 0.
        ("notes", "company_seq", "INTEGER"),
        // Which contact wrote a contact's message when it is not the thread's own (one added to the conversation); null: its own.
        ("messages", "user_seq", "INTEGER"),
    ];

    /// <summary>Creates the 2.14 tables and brings an older data file's tables up to date.</summary>
    public static void Apply(DbSession s)
    {
        s.Execute(Create);
        foreach (var (table, column, type) in LaterColumns)
        {
            if (!Schema.HasColumn(s, table, column))
            {
                s.Execute($"ALTER TABLE {table} ADD COLUMN {column} {type}");
            }
        }

        // After the columns: indexes on columns an older data file gains above.
        s.Execute("CREATE INDEX IF NOT EXISTS ix_notes_company ON notes(company_seq) WHERE company_seq IS NOT NULL");
        // Deleting or merging a contact finds the replies it wrote in others' conversations by it.
        s.Execute("CREATE INDEX IF NOT EXISTS ix_messages_user ON messages(user_seq) WHERE user_seq IS NOT NULL");
    }
}
