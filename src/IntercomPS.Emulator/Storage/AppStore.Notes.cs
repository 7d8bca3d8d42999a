using System.Collections.Generic;
using System.Threading.Tasks;
using IntercomPS.Emulator.Model;

namespace IntercomPS.Emulator.Storage;

/// <summary>Notes on the 2.14 face: the same notes /v1 adds (html body), newest first as Intercom lists them.</summary>
internal sealed partial class AppStore
{
    public Task<(IReadOnlyList<V2NoteRecord> Notes, ContactRecord Contact)> ListNotesAsync(string contactId) => Task.FromResult(db.Read(s =>
    {
        var contact = Find(s, contactId) ?? throw ContactNotFound();
        IReadOnlyList<V2NoteRecord> notes = s.Query(
            "SELECT id, created_at, html, user_seq FROM notes WHERE user_seq = $seq ORDER BY id DESC",
            r => new V2NoteRecord(r.GetInt64(0), r.GetInt64(1), r.GetString(2), r.GetInt64(3)), ("$seq", contact.User.Seq));
        return (notes, contact);
    }));

    public Task<(V2NoteRecord Note, ContactRecord Contact)> AddNoteAsync(string contactId, string body) => db.WriteAsync(s =>
    {
        var contact = Find(s, contactId) ?? throw ContactNotFound();
        var id = s.Scalar<long>("INSERT INTO notes (app, user_seq, html, created_at) VALUES ($app, $seq, $html, $now) RETURNING id",
            ("$app", app), ("$seq", contact.User.Seq), ("$html", Html.Paragraphs(body)), ("$now", Now));
        return (NoteById(s, id)!, contact);
    });

    public Task<(V2NoteRecord Note, ContactRecord? Contact)> GetNoteAsync(long id) => Task.FromResult(db.Read(s =>
    {
        var note = NoteById(s, id) ?? throw new ApiError(404, "not_found", "Note not found") { Code = "not_found" };
        return (note, BySeq(s, note.ContactSeq));
    }));

    private V2NoteRecord? NoteById(DbSession s, long id) => s.First(
        "SELECT id, created_at, html, user_seq FROM notes WHERE app = $app AND id = $id",
        r => new V2NoteRecord(r.GetInt64(0), r.GetInt64(1), r.GetString(2), r.GetInt64(3)), ("$app", app), ("$id", id));

    public Task<NoteRecord> AddNoteAsync(UserKey key, string body) => db.WriteAsync(s =>
    {
        var user = FindUser(s, key) ?? throw ApiError.UserNotFound();
        var html = Html.Paragraphs(body);
        var now = Now;
        s.Execute("INSERT INTO notes (app, user_seq, html, created_at) VALUES ($app, $seq, $html, $now)",
            ("$app", app), ("$seq", user.Seq), ("$html", html), ("$now", now));
        return new NoteRecord(html, now, user);
    });
}
