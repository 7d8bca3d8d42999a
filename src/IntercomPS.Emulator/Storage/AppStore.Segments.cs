using System.Collections.Generic;
using System.Linq;
using System.Text.Json;
using System.Threading.Tasks;
using IntercomPS.Emulator.Model;
using Microsoft.Data.Sqlite;

namespace IntercomPS.Emulator.Storage;

/// <summary>
/// Segments. Intercom computes a segment from rules set in its UI, and the API only reads them; here a segment is the
/// list of contacts /admin seeded into it, so a test knows its members exactly. Its person type says which contacts
/// it holds (user, or contact: 2.14's word for leads); a contact search's segment_id filter reads the same members.
/// </summary>
internal sealed partial class AppStore
{
    private const string SegmentColumns = "sg.intercom_id, sg.name, sg.person_type, sg.created_at, sg.updated_at, (SELECT COUNT(*) FROM segment_members m WHERE m.segment_id = sg.id)";

    public Task<IReadOnlyList<SegmentRecord>> ListSegmentsAsync() => Task.FromResult<IReadOnlyList<SegmentRecord>>(db.Read(s =>
        s.Query($"SELECT {SegmentColumns} FROM segments sg WHERE sg.app = $app ORDER BY sg.id", ReadSegment, ("$app", app))));

    public Task<SegmentRecord> GetSegmentAsync(string id) => Task.FromResult(db.Read(s =>
        s.First($"SELECT {SegmentColumns} FROM segments sg WHERE sg.app = $app AND sg.intercom_id = $id", ReadSegment, ("$app", app), ("$id", id))
        ?? throw SegmentNotFound()));

    /// <summary>The segments a contact is a member of.</summary>
    public Task<IReadOnlyList<SegmentRecord>> ListContactSegmentsAsync(string contactId) => Task.FromResult<IReadOnlyList<SegmentRecord>>(db.Read(s =>
    {
        var contact = Find(s, contactId) ?? throw ContactNotFound();
        return s.Query($"SELECT {SegmentColumns} FROM segment_members l JOIN segments sg ON sg.id = l.segment_id WHERE l.user_seq = $user ORDER BY sg.id",
            ReadSegment, ("$user", contact.User.Seq));
    }));

    /// <summary>/admin's seed: a new segment of these contacts (each must exist and be of the person type), in one transaction.</summary>
    public Task<SegmentRecord> SeedSegmentAsync(string name, string personType, IReadOnlyList<string> contactIds) => db.WriteAsync(s =>
    {
        var seqs = s.Query(ContactSeqs, r => r.IsDBNull(0) ? (long?)null : r.GetInt64(0), ("$app", app), ("$values", JsonSerializer.Serialize(contactIds)));
        var members = new List<long>();
        for (var i = 0; i < contactIds.Count; i++)
        {
            var contact = (seqs[i] is { } seq ? BySeq(s, seq) : null) ?? throw ApiError.NotFound($"No contact has id '{contactIds[i]}'");
            if ((contact.Role == "user" ? "user" : "contact") != personType)
            {
                throw ApiError.BadRequest($"Contact {contactIds[i]} is a {contact.Role}, and a segment of person_type {personType} holds only {(personType == "user" ? "users" : "leads")}");
            }

            members.Add(contact.User.Seq);
        }

        var id = s.Scalar<long>($"""
            INSERT INTO segments (app, intercom_id, name, person_type, created_at, updated_at) VALUES ($app, {Schema.NewIntercomId}, $name, $type, $now, $now) RETURNING id
            """, ("$app", app), ("$name", name), ("$type", personType), ("$now", Now));
        s.Execute("INSERT OR IGNORE INTO segment_members (segment_id, user_seq) SELECT $segment, j.value FROM json_each($values) AS j",
            ("$segment", id), ("$values", JsonSerializer.Serialize(members)));
        return s.First($"SELECT {SegmentColumns} FROM segments sg WHERE sg.id = $id", ReadSegment, ("$id", id))!;
    });

    private static SegmentRecord ReadSegment(SqliteDataReader r) => new(r.GetString(0), r.GetString(1), r.GetString(2), r.GetInt64(3), r.GetInt64(4), r.GetInt64(5));

    /// <summary>2.14's 404 for a segment: not_found "Resource Not Found", as the description documents it.</summary>
    public static ApiError SegmentNotFound() => new(404, "not_found", "Resource Not Found") { Code = "not_found" };
}
