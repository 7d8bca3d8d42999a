using System.Threading.Tasks;

namespace IntercomPS.Emulator.Storage;

/// <summary>Whole-database operations behind /admin: reset (seeding is an app's, <see cref="AppStore.SeedAsync"/>).</summary>
internal sealed class AdminStore(Database db)
{
    /// <summary>Deletes every app's data, or one app's, and its open company scroll.</summary>
    public async Task ResetAsync(string? app)
    {
        await db.WriteAsync(s => s.Execute(app is null ? SchemaWorkspace.ResetAll : SchemaWorkspace.ResetApp, ("$app", app)) + Reset(s, app));
        db.Scrolls.Reset(app);
    }

    private static int Reset(DbSession s, string? app) => s.Execute(app is null
        ? "DELETE FROM messages; DELETE FROM threads; DELETE FROM notes; DELETE FROM user_tags; DELETE FROM tags; DELETE FROM contact_details; DELETE FROM data_attributes; DELETE FROM conversation_states; DELETE FROM events; DELETE FROM users; DELETE FROM conversation_tags; DELETE FROM conversation_contacts; DELETE FROM conversation_merges; DELETE FROM deleted_conversations; DELETE FROM team_admins; DELETE FROM teams; DELETE FROM admins; DELETE FROM admin_away; DELETE FROM activity_logs;"
        : """
          DELETE FROM messages WHERE thread_id IN (SELECT id FROM threads WHERE app = $app);
          DELETE FROM conversation_states WHERE thread_id IN (SELECT id FROM threads WHERE app = $app);
          DELETE FROM conversation_tags WHERE thread_id IN (SELECT id FROM threads WHERE app = $app);
          DELETE FROM conversation_contacts WHERE thread_id IN (SELECT id FROM threads WHERE app = $app);
          DELETE FROM conversation_merges WHERE thread_id IN (SELECT id FROM threads WHERE app = $app);
          DELETE FROM threads WHERE app = $app;
          DELETE FROM deleted_conversations WHERE app = $app;
          DELETE FROM notes WHERE app = $app;
          DELETE FROM user_tags WHERE tag_id IN (SELECT id FROM tags WHERE app = $app);
          DELETE FROM user_tags WHERE user_seq IN (SELECT seq FROM users WHERE app = $app);
          DELETE FROM tags WHERE app = $app;
          DELETE FROM contact_details WHERE user_seq IN (SELECT seq FROM users WHERE app = $app);
          DELETE FROM data_attributes WHERE app = $app;
          DELETE FROM events WHERE app = $app;
          DELETE FROM users WHERE app = $app;
          DELETE FROM team_admins WHERE team_id IN (SELECT id FROM teams WHERE app = $app);
          DELETE FROM teams WHERE app = $app;
          DELETE FROM admins WHERE app = $app;
          DELETE FROM admin_away WHERE app = $app;
          DELETE FROM activity_logs WHERE app = $app;
          """, ("$app", app));
}
