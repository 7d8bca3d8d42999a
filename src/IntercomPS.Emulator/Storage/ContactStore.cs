using System;
using System.Collections.Generic;
using System.Linq;
using System.Text.Json;
using System.Threading.Tasks;
using IntercomPS.Emulator.Model;
using Microsoft.Data.Sqlite;

namespace IntercomPS.Emulator.Storage;

/// <summary>
/// One app's data as the 2.14 face sees it: the same users, tags and notes rows /v1 reads and writes, plus
/// contact_details for what only 2.14 has. Every query is scoped by the app; every write is one transaction.
/// </summary>
internal sealed partial class ContactStore(Database db, string app)
{
    public const int MaxPerPage = 150;

    /// <summary>The contact columns, over users u LEFT JOIN contact_details d; the order ReadContact reads.</summary>
    private const string Columns = """
        u.seq, COALESCE(d.role, 'user'), u.user_id, u.email, d.phone, u.name, COALESCE(u.created_at, 0),
        max(COALESCE(d.updated_at, 0), COALESCE(u.created_at, 0), COALESCE(u.last_impression_at, 0)),
        u.last_impression_at, u.custom_data, u.unsubscribed, COALESCE(d.archived, 0), u.last_seen_user_agent,
        (SELECT COUNT(*) FROM notes n WHERE n.user_seq = u.seq), u.intercom_id
        """;

    private const string From = "FROM users u LEFT JOIN contact_details d ON d.user_seq = u.seq";

    private static long Now => DateTimeOffset.UtcNow.ToUnixTimeSeconds();

    public Task<ContactRecord> GetAsync(string id) => Task.FromResult(db.Read(s => Find(s, id) ?? throw ContactNotFound()));

    public Task<ContactRecord> FindByExternalIdAsync(string externalId) => Task.FromResult(db.Read(s =>
        s.First($"SELECT {Columns} {From} WHERE u.app = $app AND u.user_id = $external_id", r => ReadContact(s, r),
            ("$app", app), ("$external_id", externalId)) ?? throw ContactNotFound()));

    /// <summary>Unarchived contacts in creation order: a search that matches them all.</summary>
    public Task<ContactPage> ListAsync(int perPage, string? startingAfter) => Task.FromResult(db.Read(s =>
        Page(s, ContactQuery.All, "list", perPage, startingAfter)));

    /// <summary>A search: the query already translated to SQL over u and d.</summary>
    public Task<ContactPage> SearchAsync(ContactQuery query, int perPage, string? startingAfter) => Task.FromResult(db.Read(s =>
        Page(s, query, "search", perPage, startingAfter)));

    /// <summary>
    /// One page by keyset: the page seeks past the cursor's (sort value, seq) on the order's index and stops after
    /// <paramref name="perPage"/> rows, so any depth costs what the first page does; the total is counted once per
    /// search until the next write (<see cref="Database.Counts"/>), and the page number comes from the rows the cursor says
    /// are before it.
    /// </summary>
    private ContactPage Page(DbSession s, ContactQuery query, string endpoint, int perPage, string? startingAfter)
    {
        var key = $"{endpoint}\n{app}\n{query.Key}";
        var fingerprint = SearchCursor.Fingerprint(key);
        var cursor = startingAfter is null ? null : SearchCursor.Decode(startingAfter, fingerprint);
        var args = new List<(string, object?)>(query.Arguments) { ("$app", app) };
        var total = db.Counts.Get(key, () => s.Scalar<long>(CountSql(query), [.. args]));
        var rows = s.Query(PageSql(query, cursor, perPage, args),
            r => (Contact: ReadContact(s, r), Sort: r.IsDBNull(15) ? null : r.GetValue(15)), [.. args]);
        var offset = cursor?.Offset ?? 0;
        var next = rows.Count == perPage && offset + rows.Count < total
            ? new SearchCursor(offset + rows.Count, rows[^1].Contact.Seq, rows[^1].Sort).Encode(fingerprint)
            : null;
        return new ContactPage([.. rows.Select(r => r.Contact)], total, (int)(offset / perPage) + 1, perPage, next);
    }

    /// <summary>What a search matches, over the query's arguments and $app.</summary>
    internal static string CountSql(ContactQuery query) => $"SELECT COUNT(*) {From} {Where(query)}";

    /// <summary>
    /// The page after <paramref name="cursor"/> (the first without one): the contact columns, then the sort key.
    /// Over the query's arguments and $app; the cursor's are added to <paramref name="args"/>.
    /// </summary>
    internal static string PageSql(ContactQuery query, SearchCursor? cursor, int perPage, List<(string, object?)> args)
    {
        var select = $"SELECT {Columns}, {query.SortKey} AS sort_key {From} {Where(query)}";
        return cursor is null
            ? $"{select} ORDER BY {query.OrderBy}, u.seq LIMIT {perPage}"
            : cursor.Page(select, query.SortKey, query.Descending, perPage, args);
    }

    private static string Where(ContactQuery query) => $"WHERE u.app = $app AND COALESCE(d.archived, 0) = 0 AND ({query.Where})";

    public Task<ContactRecord> CreateAsync(ContactInput input) => db.WriteAsync(s =>
    {
        var role = input.Role ?? "user";
        CheckConflict(s, input, role, exceptSeq: null);
        CheckCustomAttributes(s, input.CustomAttributes);
        var now = Now;
        var seq = s.Scalar<long>($$"""
            INSERT INTO users (app, intercom_id, user_id, email, name, created_at, last_impression_at, custom_data, unsubscribed)
            VALUES ($app, {{Schema.NewIntercomId}}, $external_id, $email, $name, COALESCE($signed_up_at, $now), $last_seen_at, $custom, COALESCE($unsubscribed, 0))
            RETURNING seq
            """,
            ("$app", app), ("$external_id", input.ExternalId), ("$email", input.Email), ("$name", input.Name),
            ("$signed_up_at", input.SignedUpAt), ("$now", now), ("$last_seen_at", input.LastSeenAt),
            ("$custom", CustomData.Merge(CustomData.Empty, input.CustomAttributes)), ("$unsubscribed", input.UnsubscribedFromEmails));
        s.Execute("INSERT INTO contact_details (user_seq, role, phone, updated_at) VALUES ($seq, $role, $phone, $now)",
            ("$seq", seq), ("$role", role), ("$phone", input.Phone), ("$now", now));
        return BySeq(s, seq)!;
    });

    public Task<ContactRecord> UpdateAsync(string id, ContactInput input) => db.WriteAsync(s =>
    {
        var contact = Find(s, id) ?? throw ContactNotFound();
        CheckConflict(s, input, input.Role ?? contact.Role, contact.Seq);
        CheckCustomAttributes(s, input.CustomAttributes);
        s.Execute("""
            UPDATE users SET name = COALESCE($name, name), last_impression_at = COALESCE($last_seen_at, last_impression_at),
                custom_data = $custom, unsubscribed = COALESCE($unsubscribed, unsubscribed)
            WHERE seq = $seq
            """,
            ("$name", input.Name), ("$last_seen_at", input.LastSeenAt), ("$custom", CustomData.Merge(contact.CustomAttributes, input.CustomAttributes)),
            ("$unsubscribed", input.UnsubscribedFromEmails), ("$seq", contact.Seq));

        // Indexed columns only when they change (SQLite rewrites the index entries of every column assigned); created_at
        // whenever it is sent, since the answer shows a stored NULL as 0 and cannot tell the two apart.
        if ((input.ExternalId is not null && input.ExternalId != contact.ExternalId) || (input.Email is not null && input.Email != contact.Email)
            || input.SignedUpAt is not null)
        {
            s.Execute("""
                UPDATE users SET user_id = COALESCE($external_id, user_id), email = COALESCE($email, email), created_at = COALESCE($signed_up_at, created_at)
                WHERE seq = $seq
                """,
                ("$external_id", input.ExternalId), ("$email", input.Email), ("$signed_up_at", input.SignedUpAt), ("$seq", contact.Seq));
        }
        UpsertDetails(s, contact.Seq, input.Role, input.Phone, archived: null);
        return BySeq(s, contact.Seq)!;
    });

    /// <summary>Deletes the contact and everything that hangs off it, as deleting the v1 user does.</summary>
    public Task<ContactRecord> DeleteAsync(string id) => db.WriteAsync(s =>
    {
        var contact = Find(s, id) ?? throw ContactNotFound();
        UserRows.Delete(s, contact.Seq);
        return contact;
    });

    public Task<ContactRecord> SetArchivedAsync(string id, bool archived) => db.WriteAsync(s =>
    {
        var contact = Find(s, id) ?? throw ContactNotFound();
        UpsertDetails(s, contact.Seq, role: null, phone: null, archived);
        return BySeq(s, contact.Seq)!;
    });

    private void UpsertDetails(DbSession s, long seq, string? role, string? phone, bool? archived) => s.Execute("""
        INSERT INTO contact_details (user_seq, role, phone, archived, updated_at) VALUES ($seq, COALESCE($role, 'user'), $phone, COALESCE($archived, 0), $now)
        ON CONFLICT (user_seq) DO UPDATE SET role = COALESCE($role, role), phone = COALESCE($phone, phone),
            archived = COALESCE($archived, archived), updated_at = $now
        """, ("$seq", seq), ("$role", role), ("$phone", phone), ("$archived", archived), ("$now", Now));

    /// <summary>
    /// The real API's 409: an external_id belongs to one contact, and so does a user's email (leads may share one).
    /// The message names the contact that has it, as Intercom's does.
    /// </summary>
    private void CheckConflict(DbSession s, ContactInput input, string role, long? exceptSeq)
    {
        string? holder = null;
        if (input.ExternalId is not null)
        {
            holder = s.Scalar<string?>("SELECT intercom_id FROM users WHERE app = $app AND user_id = $external_id AND seq IS NOT $except",
                ("$app", app), ("$external_id", input.ExternalId), ("$except", exceptSeq));
        }

        if (holder is null && input.Email is not null && role == "user")
        {
            holder = s.Scalar<string?>($"""
                SELECT u.intercom_id {From} WHERE u.app = $app AND u.email = $email AND COALESCE(d.role, 'user') = 'user' AND u.seq IS NOT $except
                ORDER BY u.seq LIMIT 1
                """, ("$app", app), ("$email", input.Email), ("$except", exceptSeq));
        }

        if (holder is not null)
        {
            throw new ApiError(409, "conflict", $"A contact matching those details already exists with id={holder}") { Code = "conflict" };
        }
    }

    /// <summary>A contact by its 2.14 id, which is the v1 user's intercom_id.</summary>
    private ContactRecord? Find(DbSession s, string id) =>
        s.First($"SELECT {Columns} {From} WHERE u.intercom_id = $id AND u.app = $app", r => ReadContact(s, r), ("$app", app), ("$id", id));

    private ContactRecord? BySeq(DbSession s, long seq) =>
        s.First($"SELECT {Columns} {From} WHERE u.seq = $seq", r => ReadContact(s, r), ("$seq", seq));

    private static ContactRecord ReadContact(DbSession s, SqliteDataReader r)
    {
        var seq = r.GetInt64(0);
        var tags = s.Query(
            "SELECT t.id, t.name, t.color, t.intercom_id FROM tags t JOIN user_tags ut ON ut.tag_id = t.id WHERE ut.user_seq = $seq ORDER BY t.id",
            t => new TagRecord(t.GetString(3), t.GetInt64(0), t.GetString(1), t.GetString(2), null), ("$seq", seq));
        return new ContactRecord(
            seq, r.GetString(14), r.GetString(1), Text(r, 2), Text(r, 3), Text(r, 4), Text(r, 5), r.GetInt64(6), r.GetInt64(7),
            r.IsDBNull(8) ? null : r.GetInt64(8), r.GetString(9), r.GetInt64(10) != 0, r.GetInt64(11) != 0, Text(r, 12), tags, r.GetInt64(13));
    }

    private static string? Text(SqliteDataReader r, int i) => r.IsDBNull(i) ? null : r.GetString(i);

    public static ApiError ContactNotFound() => new(404, "not_found", "User Not Found") { Code = "not_found" };
}

/// <summary>A search query translated to SQL over users u and contact_details d, with its parameters and sort key.</summary>
internal sealed record ContactQuery(string Where, string SortKey, bool Descending, IReadOnlyList<(string Name, object? Value)> Arguments)
{
    /// <summary>Every contact, in creation order: what GET /contacts lists.</summary>
    public static ContactQuery All { get; } = new("1", "u.seq", false, []);

    public string OrderBy => SortKey + (Descending ? " DESC" : " ASC");

    /// <summary>What the search is, values and their types included: two searches with one key answer alike.</summary>
    public string Key => $"{Where}\n{OrderBy}\n" + string.Join("\n", Arguments.Select(a => $"{a.Name}={a.Value?.GetType().Name}:{Convert.ToString(a.Value, System.Globalization.CultureInfo.InvariantCulture)}"));
}

/// <summary>
/// Opaque pagination cursors, as Intercom's are: base64url of what the next page starts after. A cursor this API
/// did not hand out is a 400, never a silently different page.
/// </summary>
internal static class Cursor
{
    public const string After = "after";
    public const string At = "at";

    public static string Encode(string kind, long value) => Wrap($"{kind}:{value.ToString(System.Globalization.CultureInfo.InvariantCulture)}");

    public static long Decode(string cursor, string kind)
    {
        var text = Unwrap(cursor);
        if (text is not null && text.StartsWith(kind + ":", StringComparison.Ordinal)
            && long.TryParse(text.AsSpan(kind.Length + 1), System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var value))
        {
            return value;
        }

        throw Invalid();
    }

    public static string Wrap(string text) => Convert.ToBase64String(System.Text.Encoding.UTF8.GetBytes(text))
        .TrimEnd('=').Replace('+', '-').Replace('/', '_');

    /// <summary>The text inside a cursor, or null when it is not base64url of UTF-8.</summary>
    public static string? Unwrap(string cursor)
    {
        try
        {
            var padded = cursor.Replace('-', '+').Replace('_', '/');
            padded += new string('=', (4 - (padded.Length % 4)) % 4);
            return new System.Text.UTF8Encoding(false, throwOnInvalidBytes: true).GetString(Convert.FromBase64String(padded));
        }
        catch (Exception e) when (e is FormatException or ArgumentException)
        {
            return null;
        }
    }

    public static ApiError Invalid() =>
        new(400, "bad_request", "starting_after is not a cursor this endpoint returned (use pages.next.starting_after)")
        {
            Code = "parameter_invalid",
            Field = "starting_after",
        };
}
