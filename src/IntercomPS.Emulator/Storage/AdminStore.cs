using System;
using System.Threading.Tasks;

namespace IntercomPS.Emulator.Storage;

/// <summary>Whole-database operations behind /admin: reset and bulk seeding.</summary>
internal sealed class AdminStore(Database db)
{
    /// <summary>Deletes every app's data, or one app's.</summary>
    public Task ResetAsync(string? app) => db.WriteAsync(s => s.Execute(app is null
        ? "DELETE FROM messages; DELETE FROM threads; DELETE FROM notes; DELETE FROM user_tags; DELETE FROM tags; DELETE FROM contact_details; DELETE FROM data_attributes; DELETE FROM conversation_states; DELETE FROM events; DELETE FROM users;"
        : """
          DELETE FROM messages WHERE thread_id IN (SELECT id FROM threads WHERE app = $app);
          DELETE FROM conversation_states WHERE thread_id IN (SELECT id FROM threads WHERE app = $app);
          DELETE FROM threads WHERE app = $app;
          DELETE FROM notes WHERE app = $app;
          DELETE FROM user_tags WHERE tag_id IN (SELECT id FROM tags WHERE app = $app);
          DELETE FROM user_tags WHERE user_seq IN (SELECT seq FROM users WHERE app = $app);
          DELETE FROM tags WHERE app = $app;
          DELETE FROM contact_details WHERE user_seq IN (SELECT seq FROM users WHERE app = $app);
          DELETE FROM data_attributes WHERE app = $app;
          DELETE FROM events WHERE app = $app;
          DELETE FROM users WHERE app = $app;
          """, ("$app", app)));

    /// <summary>
    /// Creates users {prefix}1..{prefix}{count} (email {prefix}{n}@example.com) in one transaction, skipping ids
    /// that exist, optionally tagged; returns how many were created.
    /// </summary>
    public Task<int> SeedAsync(string app, int count, string? tag, string prefix) => db.WriteAsync(s =>
    {
        var now = DateTimeOffset.UtcNow.ToUnixTimeSeconds();
        long? tagId = null;
        if (tag is not null)
        {
            s.Execute($"INSERT OR IGNORE INTO tags (app, intercom_id, name, color) VALUES ($app, {Schema.NewIntercomId}, $name, 'green')",
                ("$app", app), ("$name", tag), ("$now", now));
            tagId = s.Scalar<long>("SELECT id FROM tags WHERE app = $app AND name = $name", ("$app", app), ("$name", tag));
        }

        var created = 0;
        for (var n = 1; n <= count; n++)
        {
            var id = prefix + n.ToString(System.Globalization.CultureInfo.InvariantCulture);
            var inserted = s.Execute($$"""
                INSERT OR IGNORE INTO users (app, intercom_id, user_id, email, name, created_at, custom_data)
                VALUES ($app, {{Schema.NewIntercomId}}, $id, $email, $name, $now, '{}')
                """, ("$app", app), ("$id", id), ("$email", id + "@example.com"), ("$name", "User " + id), ("$now", now));
            created += inserted;
            if (tagId is not null)
            {
                s.Execute("INSERT OR IGNORE INTO user_tags (tag_id, user_seq) SELECT $tag, seq FROM users WHERE app = $app AND user_id = $id",
                    ("$tag", tagId), ("$app", app), ("$id", id));
            }
        }

        return created;
    });
}
