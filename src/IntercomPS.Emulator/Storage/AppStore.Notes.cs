using System.Collections.Generic;
using System.Threading.Tasks;
using IntercomPS.Emulator.Model;
using Microsoft.Data.Sqlite;

namespace IntercomPS.Emulator.Storage;

/// <summary>
/// Notes on a user: one list for both faces (v1 adds them, 2.14 adds and lists them), the body kept as HTML. 2.16's
/// notes on a company share the table and its ids (GET /notes/{id} finds either): company_seq names the company, and
/// user_seq is 0, which names no user (user seqs start at 1; the column is NOT NULL in every data file).
/// </summary>
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
        var found = s.Query("SELECT user_seq, company_seq FROM notes WHERE app = $app AND id = $id",
            r => (User: r.GetInt64(0), Company: r.IsDBNull(1) ? (long?)null : r.GetInt64(1)), ("$app", app), ("$id", id));
        var (seq, companySeq) = found.Count > 0 ? found[0] : throw NoteNotFound();
        var (user, company) = companySeq is { } about
            ? ((UserRecord?)null, CompanyWhere(s, "c.seq = $seq", ("$seq", about)))
            : (UserBySeq(s, seq), null);
        return s.First($"SELECT {NoteColumns} FROM notes WHERE id = $id", r => ReadNote(r, user, company), ("$id", id))!;
    }));

    /// <summary>A 2.16 note on the company by <paramref name="adminId"/>, an admin of the app (null: its first admin).</summary>
    public Task<NoteRecord> AddCompanyNoteAsync(string companyId, string body, string? adminId) => db.WriteAsync(s =>
    {
        var company = CompanyById(s, companyId) ?? throw CompanyNotFound();
        var author = adminId is null ? null : AdminById(s, adminId).Id;
        var html = Html.Paragraphs(body);
        var now = Now;
        var id = s.Scalar<long>("INSERT INTO notes (app, user_seq, company_seq, html, created_at, admin_id) VALUES ($app, 0, $company, $html, $now, $admin) RETURNING id",
            ("$app", app), ("$company", company.Seq), ("$html", html), ("$now", now), ("$admin", author));
        return new NoteRecord(id, now, html, null, author, company);
    });

    /// <summary>A company's notes, newest first as Intercom lists them.</summary>
    public Task<IReadOnlyList<NoteRecord>> ListCompanyNotesAsync(string companyId) => Task.FromResult<IReadOnlyList<NoteRecord>>(db.Read(s =>
    {
        var company = CompanyById(s, companyId) ?? throw CompanyNotFound();
        return s.Query($"SELECT {NoteColumns} FROM notes WHERE company_seq = $seq ORDER BY id DESC", r => ReadNote(r, null, company), ("$seq", company.Seq));
    }));

    private NoteRecord AddNote(DbSession s, UserRecord user, string body, string? adminId = null)
    {
        var html = Html.Paragraphs(body);
        var now = Now;
        var id = s.Scalar<long>("INSERT INTO notes (app, user_seq, html, created_at, admin_id) VALUES ($app, $seq, $html, $now, $admin) RETURNING id",
            ("$app", app), ("$seq", user.Seq), ("$html", html), ("$now", now), ("$admin", adminId));
        return new NoteRecord(id, now, html, user, adminId);
    }

    private static NoteRecord ReadNote(SqliteDataReader r, UserRecord? user, CompanyRecord? company = null) =>
        new(r.GetInt64(0), r.GetInt64(1), r.GetString(2), user, Text(r, 3), company);

    /// <summary>2.14's 404, in its words and code (v1 words its own: ApiError.UserNotFound, TagNotFound).</summary>
    public static ApiError NoteNotFound() => new(404, "not_found", "Note not found") { Code = "not_found" };
}
