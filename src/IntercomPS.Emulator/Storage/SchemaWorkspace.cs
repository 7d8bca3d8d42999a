namespace IntercomPS.Emulator.Storage;

/// <summary>
/// The workspace data only the 2.x face has, beside the contacts and never a copy of them: companies, which
/// contacts belong to them and which tags they have, segments and their members, subscription types and the contacts' choices about them, the help center's collections and articles, internal articles, content snippets, ticket types and their attributes, and data events' dedup and submitted summaries. Links hang
/// off users by seq and go when the user goes (a trigger, so every path that deletes a user keeps them exact).
/// </summary>
internal static class SchemaWorkspace
{
    public const string Create = """
        -- A company: company_id is the id the workspace gives it (unique, never changed), intercom_id the one Intercom gives.
        CREATE TABLE IF NOT EXISTS companies (
            seq INTEGER PRIMARY KEY AUTOINCREMENT,
            app TEXT NOT NULL,
            intercom_id TEXT NOT NULL,
            company_id TEXT NOT NULL,
            name TEXT,
            plan TEXT,
            size INTEGER,
            website TEXT,
            industry TEXT,
            monthly_spend INTEGER NOT NULL DEFAULT 0,
            remote_created_at INTEGER,
            custom_attributes TEXT NOT NULL DEFAULT '{}',
            created_at INTEGER NOT NULL,
            updated_at INTEGER NOT NULL,
            UNIQUE (app, company_id));
        CREATE UNIQUE INDEX IF NOT EXISTS ux_companies_intercom_id ON companies(intercom_id);
        CREATE INDEX IF NOT EXISTS ix_companies_name ON companies(app, name);

        CREATE TABLE IF NOT EXISTS company_contacts (
            company_seq INTEGER NOT NULL,
            user_seq INTEGER NOT NULL,
            PRIMARY KEY (company_seq, user_seq)) WITHOUT ROWID;
        CREATE INDEX IF NOT EXISTS ix_company_contacts_user ON company_contacts(user_seq);

        -- Tags on companies (contacts' tags are user_tags). The triggers drop a company's or a tag's rows with it, so
        -- every path that deletes either (DELETE /companies/{id}, DELETE /tags/{id}, resets) keeps them exact.
        CREATE TABLE IF NOT EXISTS company_tags (
            tag_id INTEGER NOT NULL,
            company_seq INTEGER NOT NULL,
            PRIMARY KEY (tag_id, company_seq)) WITHOUT ROWID;
        CREATE INDEX IF NOT EXISTS ix_company_tags_company ON company_tags(company_seq);
        CREATE TRIGGER IF NOT EXISTS tr_companies_tags AFTER DELETE ON companies BEGIN
            DELETE FROM company_tags WHERE company_seq = OLD.seq;
        END;
        CREATE TRIGGER IF NOT EXISTS tr_tags_companies AFTER DELETE ON tags BEGIN
            DELETE FROM company_tags WHERE tag_id = OLD.id;
        END;

        -- A segment is the list of its contacts as /admin seeded it (Intercom evaluates a rule; tests need exact members).
        CREATE TABLE IF NOT EXISTS segments (
            id INTEGER PRIMARY KEY AUTOINCREMENT,
            app TEXT NOT NULL,
            intercom_id TEXT NOT NULL UNIQUE,
            name TEXT NOT NULL,
            person_type TEXT NOT NULL,
            created_at INTEGER NOT NULL,
            updated_at INTEGER NOT NULL);

        CREATE TABLE IF NOT EXISTS segment_members (
            segment_id INTEGER NOT NULL,
            user_seq INTEGER NOT NULL,
            PRIMARY KEY (segment_id, user_seq)) WITHOUT ROWID;
        CREATE INDEX IF NOT EXISTS ix_segment_members_user ON segment_members(user_seq);

        -- Subscription types, as /admin defined them (the API only reads them), and the contacts that made their one
        -- explicit choice about each (opted out of an opt_out type, into an opt_in one). A contact's rows go with it
        -- (its own trigger, so a data file written before gets it too).
        CREATE TABLE IF NOT EXISTS subscription_types (
            id INTEGER PRIMARY KEY AUTOINCREMENT,
            app TEXT NOT NULL,
            name TEXT NOT NULL,
            description TEXT NOT NULL,
            locale TEXT NOT NULL,
            consent_type TEXT NOT NULL,
            content_types TEXT NOT NULL,
            state TEXT NOT NULL);
        CREATE INDEX IF NOT EXISTS ix_subscription_types_app ON subscription_types(app);

        CREATE TABLE IF NOT EXISTS contact_subscriptions (
            user_seq INTEGER NOT NULL,
            type_id INTEGER NOT NULL,
            PRIMARY KEY (user_seq, type_id)) WITHOUT ROWID;
        CREATE TRIGGER IF NOT EXISTS tr_users_subscriptions AFTER DELETE ON users BEGIN
            DELETE FROM contact_subscriptions WHERE user_seq = OLD.seq;
        END;

        -- The help center's content: collections (a section is a collection with a parent) and articles, each with
        -- its default locale's fields in columns and its other locales' content as a JSON object by locale.
        CREATE TABLE IF NOT EXISTS hc_collections (
            id INTEGER PRIMARY KEY AUTOINCREMENT,
            app TEXT NOT NULL,
            name TEXT NOT NULL,
            description TEXT,
            parent_id INTEGER,
            icon TEXT NOT NULL,
            sort_order INTEGER NOT NULL,
            created_at INTEGER NOT NULL,
            updated_at INTEGER NOT NULL,
            translations TEXT NOT NULL);
        CREATE INDEX IF NOT EXISTS ix_hc_collections_app ON hc_collections(app);

        CREATE TABLE IF NOT EXISTS hc_articles (
            id INTEGER PRIMARY KEY AUTOINCREMENT,
            app TEXT NOT NULL,
            title TEXT NOT NULL,
            description TEXT,
            body TEXT,
            author_id INTEGER NOT NULL,
            state TEXT NOT NULL,
            parent_id INTEGER,
            created_at INTEGER NOT NULL,
            updated_at INTEGER NOT NULL,
            translations TEXT NOT NULL,
            ai TEXT);
        CREATE INDEX IF NOT EXISTS ix_hc_articles_app ON hc_articles(app, updated_at);
        -- Ids of the size the real service gives (and never the small ones the description's examples name as missing).
        INSERT INTO sqlite_sequence (name, seq) SELECT 'hc_collections', 6870000 WHERE NOT EXISTS (SELECT 1 FROM sqlite_sequence WHERE name = 'hc_collections');
        INSERT INTO sqlite_sequence (name, seq) SELECT 'hc_articles', 6890000 WHERE NOT EXISTS (SELECT 1 FROM sqlite_sequence WHERE name = 'hc_articles');
        -- An article's staged draft (2.16): its default locale's versioned content, one per article, until published.
        CREATE TABLE IF NOT EXISTS hc_article_drafts (
            article_id INTEGER PRIMARY KEY,
            app TEXT NOT NULL,
            title TEXT NOT NULL,
            description TEXT,
            body TEXT,
            body_markdown TEXT,
            author_id INTEGER NOT NULL,
            updated_at INTEGER NOT NULL);
        -- An article's versions (2.16): its default locale's content each time a write changed it, the newest last.
        CREATE TABLE IF NOT EXISTS hc_article_versions (
            id INTEGER PRIMARY KEY AUTOINCREMENT,
            app TEXT NOT NULL,
            article_id INTEGER NOT NULL,
            title TEXT NOT NULL,
            description TEXT,
            body TEXT,
            body_markdown TEXT,
            author_id INTEGER NOT NULL,
            created_via TEXT NOT NULL,
            from_version_id INTEGER,
            created_at INTEGER NOT NULL);
        CREATE INDEX IF NOT EXISTS ix_hc_article_versions_article ON hc_article_versions(article_id, id);
        INSERT INTO sqlite_sequence (name, seq) SELECT 'hc_article_versions', 5010000 WHERE NOT EXISTS (SELECT 1 FROM sqlite_sequence WHERE name = 'hc_article_versions');
        -- Internal articles (the teammates' knowledge base): their HTML body, the markdown it was written in (2.16), owner and author, and AI flags.
        CREATE TABLE IF NOT EXISTS internal_articles (
            id INTEGER PRIMARY KEY AUTOINCREMENT,
            app TEXT NOT NULL,
            title TEXT NOT NULL,
            body TEXT,
            body_markdown TEXT,
            owner_id INTEGER NOT NULL,
            author_id INTEGER NOT NULL,
            created_at INTEGER NOT NULL,
            updated_at INTEGER NOT NULL,
            ai_chatbot INTEGER NOT NULL DEFAULT 0,
            ai_copilot INTEGER NOT NULL DEFAULT 0,
            ai_sales_agent INTEGER NOT NULL DEFAULT 0);
        CREATE INDEX IF NOT EXISTS ix_internal_articles_app ON internal_articles(app, updated_at);
        INSERT INTO sqlite_sequence (name, seq) SELECT 'internal_articles', 6860000 WHERE NOT EXISTS (SELECT 1 FROM sqlite_sequence WHERE name = 'internal_articles');
        -- Content snippets (2.16): the body as json_blocks (JSON text) and as markdown; their tags are article_tags' kind content_snippet.
        CREATE TABLE IF NOT EXISTS content_snippets (
            id INTEGER PRIMARY KEY AUTOINCREMENT,
            app TEXT NOT NULL,
            title TEXT NOT NULL,
            locale TEXT NOT NULL,
            json_blocks TEXT NOT NULL,
            body_markdown TEXT,
            ai_chatbot INTEGER NOT NULL DEFAULT 0,
            ai_copilot INTEGER NOT NULL DEFAULT 0,
            ai_sales_agent INTEGER NOT NULL DEFAULT 0,
            created_at INTEGER NOT NULL,
            updated_at INTEGER NOT NULL);
        CREATE INDEX IF NOT EXISTS ix_content_snippets_app ON content_snippets(app, updated_at);
        INSERT INTO sqlite_sequence (name, seq) SELECT 'content_snippets', 6840000 WHERE NOT EXISTS (SELECT 1 FROM sqlite_sequence WHERE name = 'content_snippets');
        -- Office hours schedules (2.16) and their exceptions, a date each; intervals as a JSON array of [start, end] minutes.
        CREATE TABLE IF NOT EXISTS office_hours_schedules (
            id INTEGER PRIMARY KEY AUTOINCREMENT,
            app TEXT NOT NULL,
            name TEXT NOT NULL,
            time_zone_name TEXT NOT NULL,
            time_intervals TEXT NOT NULL,
            created_at INTEGER NOT NULL,
            updated_at INTEGER NOT NULL);
        CREATE INDEX IF NOT EXISTS ix_office_hours_schedules_app ON office_hours_schedules(app);
        CREATE TABLE IF NOT EXISTS office_hours_exceptions (
            id INTEGER PRIMARY KEY AUTOINCREMENT,
            schedule_id INTEGER NOT NULL,
            exception_date TEXT NOT NULL,
            exception_type TEXT NOT NULL,
            name TEXT,
            time_intervals TEXT,
            recurring_annually INTEGER NOT NULL,
            created_at INTEGER NOT NULL,
            updated_at INTEGER NOT NULL,
            UNIQUE (schedule_id, exception_date));
        INSERT INTO sqlite_sequence (name, seq) SELECT 'office_hours_schedules', 7010000 WHERE NOT EXISTS (SELECT 1 FROM sqlite_sequence WHERE name = 'office_hours_schedules');
        INSERT INTO sqlite_sequence (name, seq) SELECT 'office_hours_exceptions', 7020000 WHERE NOT EXISTS (SELECT 1 FROM sqlite_sequence WHERE name = 'office_hours_exceptions');
        -- Ticket types and their attributes (each type made with its two default attributes), kept per app.
        CREATE TABLE IF NOT EXISTS ticket_types (
            id INTEGER PRIMARY KEY AUTOINCREMENT,
            app TEXT NOT NULL,
            name TEXT NOT NULL,
            description TEXT NOT NULL,
            icon TEXT NOT NULL,
            category TEXT NOT NULL,
            is_internal INTEGER NOT NULL,
            archived INTEGER NOT NULL,
            created_at INTEGER NOT NULL,
            updated_at INTEGER NOT NULL);
        CREATE INDEX IF NOT EXISTS ix_ticket_types_app ON ticket_types(app);

        CREATE TABLE IF NOT EXISTS ticket_type_attributes (
            id INTEGER PRIMARY KEY AUTOINCREMENT,
            ticket_type_id INTEGER NOT NULL,
            name TEXT NOT NULL,
            description TEXT NOT NULL,
            data_type TEXT NOT NULL,
            multiline INTEGER,
            list_items TEXT,
            allow_multiple_values INTEGER,
            ord INTEGER NOT NULL,
            required_to_create INTEGER NOT NULL,
            required_to_create_for_contacts INTEGER NOT NULL,
            visible_on_create INTEGER NOT NULL,
            visible_to_contacts INTEGER NOT NULL,
            is_default INTEGER NOT NULL,
            archived INTEGER NOT NULL,
            created_at INTEGER NOT NULL,
            updated_at INTEGER NOT NULL);
        CREATE INDEX IF NOT EXISTS ix_ticket_type_attributes_type ON ticket_type_attributes(ticket_type_id);

        -- Tickets: number is the ticket_id the Inbox shows, per app; attributes the values set, a JSON object by name.
        -- A ticket's one contact (ticket_contacts: the description allows one) goes when the contact goes, its tags
        -- when the tag goes (triggers, so a data file written before gets them too); its parts are its history.
        CREATE TABLE IF NOT EXISTS tickets (
            id INTEGER PRIMARY KEY AUTOINCREMENT,
            app TEXT NOT NULL,
            number INTEGER NOT NULL,
            ticket_type_id INTEGER NOT NULL,
            state_id INTEGER NOT NULL,
            attributes TEXT NOT NULL,
            company_id TEXT,
            admin_assignee_id TEXT NOT NULL,
            team_assignee_id TEXT NOT NULL,
            open INTEGER NOT NULL,
            snoozed_until INTEGER,
            is_shared INTEGER NOT NULL,
            created_at INTEGER NOT NULL,
            updated_at INTEGER NOT NULL);
        CREATE INDEX IF NOT EXISTS ix_tickets_app ON tickets(app);

        -- The last ticket number each app gave: a deleted ticket's number is never given again (until the app is reset).
        CREATE TABLE IF NOT EXISTS ticket_numbers (
            app TEXT PRIMARY KEY,
            last INTEGER NOT NULL) WITHOUT ROWID;

        CREATE TABLE IF NOT EXISTS ticket_contacts (
            ticket_id INTEGER NOT NULL,
            user_seq INTEGER NOT NULL,
            PRIMARY KEY (ticket_id, user_seq)) WITHOUT ROWID;
        CREATE INDEX IF NOT EXISTS ix_ticket_contacts_user ON ticket_contacts(user_seq);
        CREATE TRIGGER IF NOT EXISTS tr_users_tickets AFTER DELETE ON users BEGIN
            DELETE FROM ticket_contacts WHERE user_seq = OLD.seq;
        END;

        CREATE TABLE IF NOT EXISTS ticket_parts (
            id INTEGER PRIMARY KEY AUTOINCREMENT,
            ticket_id INTEGER NOT NULL,
            part_type TEXT NOT NULL,
            body TEXT,
            state TEXT,
            previous_state TEXT,
            assigned_type TEXT,
            assigned_id TEXT,
            attribute_id INTEGER,
            attribute_name TEXT,
            attribute_value TEXT,
            author_type TEXT NOT NULL,
            author_id TEXT NOT NULL,
            author_name TEXT,
            author_email TEXT,
            created_at INTEGER NOT NULL);
        CREATE INDEX IF NOT EXISTS ix_ticket_parts_ticket ON ticket_parts(ticket_id);

        -- A conversation converted to a ticket (POST /conversations/{id}/convert) names it, so it is converted once;
        -- the row goes with the ticket or the conversation.
        CREATE TABLE IF NOT EXISTS conversation_tickets (
            thread_id INTEGER PRIMARY KEY,
            ticket_id INTEGER NOT NULL);
        CREATE INDEX IF NOT EXISTS ix_conversation_tickets_ticket ON conversation_tickets(ticket_id);
        CREATE TRIGGER IF NOT EXISTS tr_threads_tickets AFTER DELETE ON threads BEGIN
            DELETE FROM conversation_tickets WHERE thread_id = OLD.id;
        END;

        -- A conversation linked to a tracker or back-office ticket (2.16's POST /tickets/{id}/linked_conversations, and
        -- POST /tickets' conversation_to_link_id); the row goes with the ticket or the conversation.
        CREATE TABLE IF NOT EXISTS ticket_links (
            thread_id INTEGER NOT NULL,
            ticket_id INTEGER NOT NULL,
            PRIMARY KEY (thread_id, ticket_id));
        CREATE INDEX IF NOT EXISTS ix_ticket_links_ticket ON ticket_links(ticket_id);
        CREATE TRIGGER IF NOT EXISTS tr_threads_ticket_links AFTER DELETE ON threads BEGIN
            DELETE FROM ticket_links WHERE thread_id = OLD.id;
        END;

        -- A ticket enqueued (POST /tickets/enqueue) is made at once; its job remembers which ticket it made.
        CREATE TABLE IF NOT EXISTS ticket_jobs (
            id INTEGER PRIMARY KEY AUTOINCREMENT,
            app TEXT NOT NULL,
            ticket_id INTEGER NOT NULL);

        CREATE TABLE IF NOT EXISTS ticket_tags (
            ticket_id INTEGER NOT NULL,
            tag_id INTEGER NOT NULL,
            applied_at INTEGER NOT NULL,
            admin_id TEXT NOT NULL,
            PRIMARY KEY (ticket_id, tag_id)) WITHOUT ROWID;
        CREATE TRIGGER IF NOT EXISTS tr_tags_tickets AFTER DELETE ON tags BEGIN
            DELETE FROM ticket_tags WHERE tag_id = OLD.id;
        END;

        -- Tags on articles (2.16): kind is article (help center), internal_article or content_snippet.
        CREATE TABLE IF NOT EXISTS article_tags (
            kind TEXT NOT NULL,
            article_id INTEGER NOT NULL,
            tag_id INTEGER NOT NULL,
            applied_at INTEGER NOT NULL,
            admin_id TEXT NOT NULL,
            PRIMARY KEY (kind, article_id, tag_id)) WITHOUT ROWID;
        CREATE TRIGGER IF NOT EXISTS tr_tags_articles AFTER DELETE ON tags BEGIN
            DELETE FROM article_tags WHERE tag_id = OLD.id;
        END;

        -- Summaries POST /events/summaries submitted, beside the events themselves.
        CREATE TABLE IF NOT EXISTS event_summaries (
            user_seq INTEGER NOT NULL,
            event_name TEXT NOT NULL,
            count INTEGER NOT NULL,
            first INTEGER NOT NULL,
            last INTEGER NOT NULL,
            PRIMARY KEY (user_seq, event_name)) WITHOUT ROWID;

        CREATE TRIGGER IF NOT EXISTS tr_users_workspace_links AFTER DELETE ON users BEGIN
            DELETE FROM company_contacts WHERE user_seq = OLD.seq;
            DELETE FROM segment_members WHERE user_seq = OLD.seq;
            DELETE FROM event_summaries WHERE user_seq = OLD.seq;
        END;

        -- Conversation attributes (2.16): options and reference as JSON, kept for every type, written for their own.
        CREATE TABLE IF NOT EXISTS conversation_attributes (
            id INTEGER PRIMARY KEY AUTOINCREMENT,
            app TEXT NOT NULL,
            name TEXT NOT NULL,
            description TEXT NOT NULL,
            data_type TEXT NOT NULL,
            required INTEGER NOT NULL,
            team_ids TEXT NOT NULL,
            archived INTEGER NOT NULL,
            created_at INTEGER NOT NULL,
            updated_at INTEGER NOT NULL,
            admin_id TEXT NOT NULL,
            multiline INTEGER NOT NULL,
            options TEXT NOT NULL,
            reference TEXT);
        CREATE INDEX IF NOT EXISTS ix_conversation_attributes_app ON conversation_attributes(app);

        -- Macros (2.16), which the API only reads: seeded through /admin.
        CREATE TABLE IF NOT EXISTS macros (
            id INTEGER PRIMARY KEY AUTOINCREMENT,
            app TEXT NOT NULL,
            name TEXT NOT NULL,
            body TEXT,
            visible_to TEXT NOT NULL,
            team_ids TEXT NOT NULL,
            available_on TEXT NOT NULL,
            created_at INTEGER NOT NULL,
            updated_at INTEGER NOT NULL);
        CREATE INDEX IF NOT EXISTS ix_macros_app ON macros(app, updated_at);

        -- An event is one per (contact, name, created_at), as the real service deduplicates: a data file written
        -- before keeps the first of each.
        DELETE FROM events WHERE id NOT IN (SELECT MIN(id) FROM events GROUP BY user_seq, event_name, created_at);
        CREATE UNIQUE INDEX IF NOT EXISTS ux_events_once ON events(user_seq, event_name, created_at);
        """;

    /// <summary>Creates these tables and brings an older data file's up to date: hc_articles.ai (2.16's fields, as JSON; null before any was set).</summary>
    public static void Apply(DbSession s)
    {
        s.Execute(Create);
        if (!Schema.HasColumn(s, "hc_articles", "ai"))
        {
            s.Execute("ALTER TABLE hc_articles ADD COLUMN ai TEXT");
        }
    }

    /// <summary>What resetting one app (or every app, without $app) removes of these tables.</summary>
    public const string ResetApp = """
        DELETE FROM company_contacts WHERE company_seq IN (SELECT seq FROM companies WHERE app = $app);
        DELETE FROM companies WHERE app = $app;
        DELETE FROM segment_members WHERE segment_id IN (SELECT id FROM segments WHERE app = $app);
        DELETE FROM segments WHERE app = $app;
        DELETE FROM contact_subscriptions WHERE type_id IN (SELECT id FROM subscription_types WHERE app = $app);
        DELETE FROM subscription_types WHERE app = $app;
        DELETE FROM article_tags WHERE kind = 'article' AND article_id IN (SELECT id FROM hc_articles WHERE app = $app);
        DELETE FROM article_tags WHERE kind = 'internal_article' AND article_id IN (SELECT id FROM internal_articles WHERE app = $app);
        DELETE FROM hc_article_drafts WHERE app = $app;
        DELETE FROM hc_article_versions WHERE app = $app;
        DELETE FROM hc_articles WHERE app = $app;
        DELETE FROM hc_collections WHERE app = $app;
        DELETE FROM internal_articles WHERE app = $app;
        DELETE FROM article_tags WHERE kind = 'content_snippet' AND article_id IN (SELECT id FROM content_snippets WHERE app = $app);
        DELETE FROM content_snippets WHERE app = $app;
        DELETE FROM ticket_contacts WHERE ticket_id IN (SELECT id FROM tickets WHERE app = $app);
        DELETE FROM ticket_parts WHERE ticket_id IN (SELECT id FROM tickets WHERE app = $app);
        DELETE FROM ticket_tags WHERE ticket_id IN (SELECT id FROM tickets WHERE app = $app);
        DELETE FROM conversation_tickets WHERE ticket_id IN (SELECT id FROM tickets WHERE app = $app);
        DELETE FROM ticket_links WHERE ticket_id IN (SELECT id FROM tickets WHERE app = $app);
        DELETE FROM tickets WHERE app = $app;
        DELETE FROM ticket_jobs WHERE app = $app;
        DELETE FROM ticket_numbers WHERE app = $app;
        DELETE FROM ticket_type_attributes WHERE ticket_type_id IN (SELECT id FROM ticket_types WHERE app = $app);
        DELETE FROM ticket_types WHERE app = $app;
        DELETE FROM conversation_attributes WHERE app = $app;
        DELETE FROM macros WHERE app = $app;
        DELETE FROM office_hours_exceptions WHERE schedule_id IN (SELECT id FROM office_hours_schedules WHERE app = $app);
        DELETE FROM office_hours_schedules WHERE app = $app;
        """;

    public const string ResetAll = "DELETE FROM company_contacts; DELETE FROM companies; DELETE FROM segment_members; DELETE FROM segments; DELETE FROM event_summaries; DELETE FROM contact_subscriptions; DELETE FROM subscription_types; DELETE FROM article_tags; DELETE FROM hc_article_drafts; DELETE FROM hc_article_versions; DELETE FROM hc_articles; DELETE FROM hc_collections; DELETE FROM internal_articles; DELETE FROM ticket_contacts; DELETE FROM ticket_parts; DELETE FROM ticket_tags; DELETE FROM conversation_tickets; DELETE FROM ticket_links; DELETE FROM tickets; DELETE FROM ticket_jobs; DELETE FROM ticket_numbers; DELETE FROM ticket_type_attributes; DELETE FROM ticket_types; DELETE FROM conversation_attributes; DELETE FROM macros; DELETE FROM office_hours_exceptions; DELETE FROM office_hours_schedules; DELETE FROM content_snippets;";
}
