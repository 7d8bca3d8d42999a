using System.Collections.Generic;
using System.Threading.Tasks;
using IntercomPS.Emulator.Model;
using Microsoft.Data.Sqlite;

namespace IntercomPS.Emulator.Storage;

/// <summary>Notes on a user: one list for both faces (v1 adds them, 2.14 adds and lists them), the body kept as HTML.</summary>
internal sealed partial class AppStore
{
    private const string NoteColumns = "id, created_at, html, admin_id";

    public Task<NoteRecord> AddNoteAsync(UserKey key, string body) => db.WriteAsync(s =>
        AddNote(s, FindUser(s, key) ?? throw ApiError.UserNotFound(), body));

    /// <summary>A 2.14 note by <paramref name="adminId"/>, an admin of the app (null: its first admin).</summary>
    public Task<NoteRecord> AddNoteAsync(string contactId, string body, string? adminId) => db.WriteAsync(s =>
    {
        var user = (Find(s, contactId) ?? throw ContactNotFound()).User;
        return AddNote(s, user, body, adminId is null ? null : AdminById(s, adminId).Id);
    });

    /// <summary>A contact's notes, newest first as Intercom lists them.</summary>
    public Task<IReadOnlyList<NoteRecord>> ListNotesAsync(string contactId) => Task.FromResult<IReadOnlyList<NoteRecord>>(db.Read(s =>
    {
        var user = (Find(s, contactId) ?? throw ContactNotFound()).User;
        return s.Query($"SELECT {NoteColumns} FROM notes WHERE user_seq = $seq ORDER BY id DESC", r => ReadNote(r, user), ("$seq", user.Seq));
    }));

    public Task<NoteRecord> GetNoteAsync(long id) => Task.FromResult(db.Read(s =>
    {
        var seq = s.Scalar<long?>("SELECT user_seq FROM notes WHERE app = $app AND id = $id", ("$app", app), ("$id", id)) ?? throw NoteNotFound();
        var user = UserBySeq(s, seq);
        return s.First($"SELECT {NoteColumns} FROM notes WHERE id = $id", r => ReadNote(r, user), ("$id", id))!;
    }));

    private NoteRecord AddNote(DbSession s, UserRecord user, string body, string? adminId = null)
    {
        var html = Html.Paragraphs(body);
        var now = Now;
        var id = s.Scalar<long>("INSERT INTO notes (app, user_seq, html, created_at, admin_id) VALUES ($app, $seq, $html, $now, $admin) RETURNING id",
            ("$app", app), ("$seq", user.Seq), ("$html", html), ("$now", now), ("$admin", adminId));
        return new NoteRecord(id, now, html, user, adminId);
    }

    private static NoteRecord ReadNote(SqliteDataReader r, UserRecord user) => new(r.GetInt64(0), r.GetInt64(1), r.GetString(2), user, Text(r, 3));

    /// <summary>2.14's 404, in its words and code (v1 words its own: ApiError.UserNotFound, TagNotFound).</summary>
    public static ApiError NoteNotFound() => new(404, "not_found", "Note not found") { Code = "not_found" };
}
