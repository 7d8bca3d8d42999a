using System.Collections.Generic;
using System.Threading.Tasks;
using IntercomPS.Emulator.Model;

namespace IntercomPS.Emulator.Storage;

/// <summary>Notes on the 2.14 face: the same notes /v1 adds (html body), newest first as Intercom lists them.</summary>
internal sealed partial class ContactStore
{
    public Task<(IReadOnlyList<V2NoteRecord> Notes, ContactRecord Contact)> ListNotesAsync(string contactId) => Task.FromResult(db.Read(s =>
    {
        var contact = Find(s, contactId) ?? throw ContactNotFound();
        IReadOnlyList<V2NoteRecord> notes = s.Query(
            "SELECT id, created_at, html, user_seq FROM notes WHERE user_seq = $seq ORDER BY id DESC",
            r => new V2NoteRecord(r.GetInt64(0), r.GetInt64(1), r.GetString(2), r.GetInt64(3)), ("$seq", contact.Seq));
        return (notes, contact);
    }));

    public Task<(V2NoteRecord Note, ContactRecord Contact)> AddNoteAsync(string contactId, string body) => db.WriteAsync(s =>
    {
        var contact = Find(s, contactId) ?? throw ContactNotFound();
        var id = s.Scalar<long>("INSERT INTO notes (app, user_seq, html, created_at) VALUES ($app, $seq, $html, $now) RETURNING id",
            ("$app", app), ("$seq", contact.Seq), ("$html", Html.Paragraphs(body)), ("$now", Now));
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
}
