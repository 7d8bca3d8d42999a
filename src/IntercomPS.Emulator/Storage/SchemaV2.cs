namespace IntercomPS.Emulator.Storage;

/// <summary>
/// What only the 2.14 face stores, beside the shared tables (users, tags, notes, threads) and never a copy of
/// them: a contact's role, phone and archived flag (keyed by the user's seq; a v1 user without a row is a
/// role "user" contact), and the contact data attributes an app defined.
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
        """;
}
