using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading.Tasks;
using IntercomPS.Emulator.Model;

namespace IntercomPS.Emulator.Storage;

/// <summary>
/// The user lists of both faces, each by keyset so a deep page costs what the first does: v1's numbered pages seek
/// past the page boundaries one walk of the list's index found (<see cref="Boundaries"/>), 2.14's cursor pages past the
/// last row's sort value and seq (<see cref="SearchCursor"/>).
/// </summary>
internal sealed partial class AppStore
{
    /// <summary>The whole list's seqs in order, walked on its index: what page boundaries are computed from.</summary>
    internal const string AllSeqs = "SELECT seq FROM users WHERE app = $app ORDER BY seq";

    internal const string TaggedSeqs = "SELECT user_seq FROM user_tags WHERE tag_id = $tag ORDER BY user_seq";

    /// <summary>One page by keyset: a seek to the first seq after the previous page, never an OFFSET.</summary>
    internal const string PageOfAll = $"SELECT {UserColumns} FROM users WHERE app = $app AND seq > $after ORDER BY seq LIMIT $limit";

    internal const string PageOfTagged = $"""
        SELECT {UserColumns} FROM user_tags t JOIN users ON users.seq = t.user_seq
        WHERE t.tag_id = $tag AND t.user_seq > $after ORDER BY t.user_seq LIMIT $limit
        """;

    /// <summary>A v1 page of the users (of one tag, when <paramref name="tagId"/>, its 24-hex id, or a name is given).</summary>
    public Task<UserPage> ListUsersAsync(int page, int perPage, string? tagId, string? tagName) => Task.FromResult(db.Read(s =>
    {
        long? tag = null;
        if (tagId is not null || tagName is not null)
        {
            // An unknown tag filters everything out: an empty page rather than an error, like any other filter.
            tag = s.Scalar<long?>(
                "SELECT id FROM tags WHERE app = $app AND (intercom_id = $id OR name = $name)", ("$app", app), ("$id", tagId), ("$name", tagName));
            if (tag is null)
            {
                return new UserPage([], 0, page, perPage);
            }
        }

        var pages = db.Pages.Get((app, tag, perPage), () => Boundaries.From(tag is null
            ? s.Query(AllSeqs, r => r.GetInt64(0), ("$app", app))
            : s.Query(TaggedSeqs, r => r.GetInt64(0), ("$tag", tag)), perPage));
        var users = pages.After(page) is not { } after ? []
            : tag is null ? s.Query(PageOfAll, ReadUser, ("$app", app), ("$after", after), ("$limit", perPage))
            : s.Query(PageOfTagged, ReadUser, ("$tag", tag), ("$after", after), ("$limit", perPage));
        return new UserPage(users, pages.Total, page, perPage);
    }));

    /// <summary>Unarchived contacts in creation order: a search that matches them all.</summary>
    public Task<ContactPage> ListContactsAsync(int perPage, string? startingAfter) => Task.FromResult(db.Read(s =>
        Page(s, ContactQuery.All, "list", perPage, startingAfter)));

    /// <summary>A search: the query already translated to SQL over u and d.</summary>
    public Task<ContactPage> SearchContactsAsync(ContactQuery query, int perPage, string? startingAfter) => Task.FromResult(db.Read(s =>
        Page(s, query, "search", perPage, startingAfter)));

    /// <summary>
    /// One page by keyset: the page seeks past the cursor's (sort value, seq) on the order's index and stops after
    /// <paramref name="perPage"/> rows, so any depth costs what the first page does; the total is counted once per
    /// search until the next write (<see cref="Database.Counts"/>). The page's contacts, with their tags, are one
    /// statement however many there are.
    /// </summary>
    internal ContactPage Page(DbSession s, ContactQuery query, string endpoint, int perPage, string? startingAfter)
    {
        var (fingerprint, args) = Search(query, endpoint);
        if (query.IndexedBy is { } indexedBy)
        {
            args.Add(("$indexed_by", indexedBy.ToString("x8", System.Globalization.CultureInfo.InvariantCulture)));
        }

        var total = db.Counts.Get(fingerprint + query.IndexedBy, () => s.Scalar<long>(CountSql(query), [.. args]));
        var (contacts, page, next) = KeysetPage(fingerprint, startingAfter, perPage, (cursor, limit) => s.Query(PageSql(query, cursor, limit, args),
            r => (ReadContact(r), r.GetInt64(r.FieldCount - 2), r.IsDBNull(r.FieldCount - 1) ? null : r.GetValue(r.FieldCount - 1)), [.. args]));
        return new ContactPage(contacts, total, page, perPage, next);
    }

    /// <summary>
    /// What a search of this app is to its cursors and caches: a fingerprint of the endpoint, the app and the query
    /// (a hash, so a search of 10,000 values is not kept as its text), and its arguments with $app.
    /// </summary>
    private (string Fingerprint, List<(string, object?)> Args) Search(ContactQuery query, string endpoint) =>
        (SearchCursor.Fingerprint($"{endpoint}\n{app}\n{query.Key}"), new List<(string, object?)>(query.Arguments) { ("$app", app) });

    /// <summary>
    /// The page after <paramref name="startingAfter"/> of any 2.x list or search, contacts or conversations:
    /// <paramref name="read"/> gives the rows past a cursor (null: from the start), each with its tiebreaker and sort
    /// value, up to a limit. One more row than a page is read, so whether a next page exists is what is there, never a
    /// count taken earlier, and the next cursor is the last row's place.
    /// </summary>
    private static (List<T> Rows, int Page, string? Next) KeysetPage<T>(
        string fingerprint, string? startingAfter, int perPage, Func<SearchCursor?, int, List<(T Row, long Tiebreak, object? Sort)>> read)
    {
        var cursor = startingAfter is null ? null : SearchCursor.Decode(startingAfter, fingerprint);
        var rows = read(cursor, perPage + 1);
        var next = rows.Count > perPage
            ? SearchCursor.After(cursor, rows[perPage - 1].Tiebreak, rows[perPage - 1].Sort).Encode(fingerprint)
            : null;
        return ([.. rows.Take(perPage).Select(r => r.Row)], cursor?.Page ?? 1, next);
    }

    /// <summary>What a search matches, over the query's arguments and $app.</summary>
    internal static string CountSql(ContactQuery query) => $"SELECT COUNT(*) {ContactFrom} {Where(query)}";

    /// <summary>
    /// The rows after <paramref name="cursor"/> (from the first without one): the contact columns, then the seq and the
    /// sort key, last. Over the query's arguments and $app; the cursor's are added to <paramref name="args"/>.
    /// </summary>
    internal static string PageSql(ContactQuery query, SearchCursor? cursor, int limit, List<(string, object?)> args)
    {
        if (cursor is null)
        {
            return $"SELECT {ContactColumns}, u.seq AS tiebreak, {query.SortKey} AS sort_key {ContactFrom} {Where(query)} ORDER BY {query.OrderBy}, u.seq LIMIT {limit}";
        }

        // The cursor's two seeks find the page's keys alone; its contacts' columns (tags and note count among them) are
        // then read for the rows kept, not for each seek's rows, which doubled a deep page's cost.
        var keys = cursor.Rows($"SELECT u.seq AS tiebreak, {query.SortKey} AS sort_key {ContactFrom} {Where(query)}", query.SortKey, "u.seq", query.Descending, limit, args);
        return $"SELECT {ContactColumns}, k.tiebreak, k.sort_key FROM ({keys}) k CROSS JOIN users u ON u.seq = k.tiebreak LEFT JOIN contact_details d ON d.user_seq = u.seq "
            + $"ORDER BY k.sort_key {(query.Descending ? "DESC" : "ASC")}, k.tiebreak";
    }

    private static string Where(ContactQuery query) =>
        $"WHERE u.app = $app AND COALESCE(d.archived, 0) = 0 AND ({query.Where})" + (query.IndexedBy is null ? "" : " AND substr(u.intercom_id, 1, 8) <= $indexed_by");
}

/// <summary>A search query translated to SQL over users u and contact_details d, with its parameters and sort key.</summary>
internal sealed record ContactQuery(string Where, string SortKey, bool Descending, IReadOnlyList<(string Name, object? Value)> Arguments)
{
    /// <summary>
    /// When the search indexing delay is on, the UNIX second a contact must have been created by to be searched (its
    /// id's first eight hex digits are its creation second). Not part of <see cref="Key"/>: it moves every second, and a
    /// walk's cursors must stay its own.
    /// </summary>
    public long? IndexedBy { get; init; }

    /// <summary>Every contact, in creation order: what GET /contacts lists.</summary>
    public static ContactQuery All { get; } = new("1", "u.seq", false, []);

    /// <summary>Every conversation, oldest first: what GET /conversations lists.</summary>
    public static ContactQuery AllConversations { get; } = new("1", "t.id", false, []);

    public string OrderBy => SortKey + (Descending ? " DESC" : " ASC");

    /// <summary>What the search is, values and their types included: two searches with one key answer alike.</summary>
    public string Key => $"{Where}\n{OrderBy}\n" + string.Join("\n", Arguments.Select(a => $"{a.Name}={a.Value?.GetType().Name}:{Convert.ToString(a.Value, System.Globalization.CultureInfo.InvariantCulture)}"));
}

