using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text;
using System.Text.Json;
using System.Threading.Tasks;
using IntercomPS.Emulator.Model;

namespace IntercomPS.Emulator.Storage;

/// <summary>
/// The admins' activity log (GET /admins/activity_logs): the emulator writes an admin_away_mode_change for every away
/// mode change PUT /admins/{id}/away makes, and /admin adds any other activity (a sign-in, a permission change) a test
/// needs, since nothing else the API does is an activity Intercom logs.
/// </summary>
internal sealed partial class AppStore
{
    /// <summary>The activities from <paramref name="after"/> (inclusive) to <paramref name="before"/> (exclusive), newest first.</summary>
    public Task<IReadOnlyList<ActivityLogRecord>> ListActivityLogsAsync(long after, long? before) => Task.FromResult<IReadOnlyList<ActivityLogRecord>>(db.Read(s =>
        s.Query("""
            SELECT id, admin_id, admin_email, activity_type, metadata, description, created_at FROM activity_logs
            WHERE app = $app AND created_at >= $after AND created_at < $before ORDER BY created_at DESC, seq DESC
            """,
            r => new ActivityLogRecord(r.GetString(0), r.GetString(1), r.GetString(2), r.GetString(3), r.GetString(4), r.GetString(5), r.GetInt64(6)),
            ("$app", app), ("$after", after), ("$before", before ?? long.MaxValue))));

    /// <summary>An activity of the admin of that id (/admin), or the 404 admin_not_found.</summary>
    public Task<ActivityLogRecord> AddActivityLogAsync(string adminId, string type, string metadata, string description, long createdAt) => db.WriteAsync(s =>
        AddActivityLog(s, AdminById(s, adminId), type, metadata, description, createdAt));

    private ActivityLogRecord AddActivityLog(DbSession s, AdminRecord about, string type, string metadata, string description, long createdAt)
    {
        var entry = new ActivityLogRecord(Guid.NewGuid().ToString(), about.Id, about.Email, type, metadata, description, createdAt);
        s.Execute("""
            INSERT INTO activity_logs (app, id, admin_id, admin_email, activity_type, metadata, description, created_at)
            VALUES ($app, $id, $admin, $email, $type, $metadata, $description, $at)
            """, ("$app", app), ("$id", entry.Id), ("$admin", entry.AdminId), ("$email", entry.AdminEmail), ("$type", type), ("$metadata", metadata),
            ("$description", description), ("$at", createdAt));
        return entry;
    }

    /// <summary>
    /// The admin_away_mode_change a change of <paramref name="before"/> to <paramref name="after"/> logs: about the
    /// admin whose mode it is, made by the token's admin (update_by), with the metadata 2.14 describes for it. A call
    /// that changes nothing logs nothing.
    /// </summary>
    private void LogAwayChange(DbSession s, AdminRecord before, AdminRecord after)
    {
        if (before.Away == after.Away && before.Reassign == after.Reassign && before.AwayReasonId == after.AwayReasonId)
        {
            return;
        }

        var reason = after.AwayReasonId is { } id ? AwayReasons.All.First(r => r.Id == id) : null;
        var metadata = JsonText(w =>
        {
            w.WriteBoolean("away_mode", after.Away);
            if (reason is null) w.WriteNull("away_status_reason");
            else w.WriteString("away_status_reason", $"{reason.Emoji} {reason.Label}");
            w.WriteBoolean("reassign_conversations", after.Reassign);
            w.WriteString("source", $"admin update from api - Admin id: {admin.Id}");
            w.WriteString("auto_changed", "false");
            w.WriteNumber("update_by", long.Parse(admin.Id, System.Globalization.CultureInfo.InvariantCulture));
            w.WriteString("update_by_name", admin.Name);
        });
        var description = after.Away
            ? $"{admin.Name} set {after.Name} away" + (reason is null ? "." : $" ({reason.Label}).")
            : $"{admin.Name} set {after.Name} back from away.";
        AddActivityLog(s, after, "admin_away_mode_change", metadata, description, Now);
    }

    private static string JsonText(Action<Utf8JsonWriter> properties)
    {
        using var buffer = new MemoryStream();
        using (var w = new Utf8JsonWriter(buffer))
        {
            w.WriteStartObject();
            properties(w);
            w.WriteEndObject();
        }

        return Encoding.UTF8.GetString(buffer.ToArray());
    }
}
