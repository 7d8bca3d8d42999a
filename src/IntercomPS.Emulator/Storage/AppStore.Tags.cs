using System.Collections.Generic;
using System.Linq;
using System.Text.Json;
using System.Threading.Tasks;
using IntercomPS.Emulator.Model;
using Microsoft.Data.Sqlite;

namespace IntercomPS.Emulator.Storage;

/// <summary>
/// Tags, linked to users through user_tags. One row carries both faces' ids: the 24-hex intercom_id v1 shows and the
/// numeric rowid 2.14 shows. Names are unique within an app; v1 names a tag exactly, 2.14 ignoring case, as its
/// description says. A tag's user count is a column the schema's triggers keep, so no answer counts its users.
/// </summary>
internal sealed partial class AppStore
{
    // The users a batch names, found through json_each($values) joined to the index on (app, user_id) or (app, email):
    // CROSS JOIN keeps the identifiers as the outer loop, so each is one index seek whatever the app's size.
    internal const string TagByUserId = $"INSERT OR IGNORE INTO user_tags (tag_id, user_seq) SELECT $tag, u.seq {NamedByUserId}";
    internal const string TagByEmail = $"INSERT OR IGNORE INTO user_tags (tag_id, user_seq) SELECT $tag, u.seq {NamedByEmail}";
    internal const string UntagByUserId = $"DELETE FROM user_tags WHERE tag_id = $tag AND user_seq IN (SELECT u.seq {NamedByUserId})";
    internal const string UntagByEmail = $"DELETE FROM user_tags WHERE tag_id = $tag AND user_seq IN (SELECT u.seq {NamedByEmail})";
    private const string NamedByUserId = "FROM json_each($values) AS j CROSS JOIN users AS u WHERE u.app = $app AND u.user_id = j.value";
    private const string NamedByEmail = "FROM json_each($values) AS j CROSS JOIN users AS u WHERE u.app = $app AND u.email = j.value";

    /// <summary>The seq of each contact id in $values, in order (NULL for an unknown one), by one seek each on its index.</summary>
    internal const string ContactSeqs = "SELECT u.seq FROM json_each($values) AS j LEFT JOIN users AS u ON u.intercom_id = j.value AND u.app = $app ORDER BY j.key";

    /// <summary>Links (or unlinks) the users whose seqs are in $values: what 2.14 tags contacts with, one or many.</summary>
    internal const string TagSeqs = "INSERT OR IGNORE INTO user_tags (tag_id, user_seq) SELECT $tag, j.value FROM json_each($values) AS j";
    internal const string UntagSeqs = "DELETE FROM user_tags WHERE tag_id = $tag AND user_seq IN (SELECT j.value FROM json_each($values) AS j)";

    /// <summary>A tag's columns over tags t, in the order <see cref="ReadTag"/> reads them.</summary>
    private const string TagColumns = "t.intercom_id, t.id, t.name, t.color, t.user_count";

    public Task<TagRecord> GetTagAsync(string name) => Task.FromResult(db.Read(s => TagNamed(s, name, ignoreCase: false) ?? throw ApiError.TagNotFound()));

    /// <summary>
    /// v1's POST (create when <paramref name="create"/>, else update) and PUT: sets the colour, then tags or untags the
    /// users named; identifiers that match no user are skipped, so the user count shows what was really tagged.
    /// </summary>
    public Task<(TagRecord Tag, bool Created)> SaveTagAsync(TagInput input, bool create) => db.WriteAsync(s =>
    {
        var tag = TagNamed(s, input.Name, ignoreCase: false);
        var created = tag is null;
        if (tag is null)
        {
            if (!create)
            {
                throw ApiError.TagNotFound();
            }

            if (input.TagOrUntag == "untag")
            {
                throw ApiError.BadRequest("tag_or_untag \"untag\" is not supported when creating a tag; create it first, then untag with PUT");
            }

            tag = CreateTag(s, input.Name, input.Color);
        }
        else if (input.Color is not null)
        {
            s.Execute("UPDATE tags SET color = $color WHERE id = $id", ("$color", input.Color), ("$id", tag.NumericId));
        }

        var untag = input.TagOrUntag == "untag";
        Link(s, tag.NumericId, (untag ? UntagByUserId : TagByUserId, input.UserIds), (untag ? UntagByEmail : TagByEmail, input.Emails));
        return (TagById(s, tag.NumericId)!, created);
    });

    public Task<IReadOnlyList<TagRecord>> ListTagsAsync() => Task.FromResult<IReadOnlyList<TagRecord>>(db.Read(s => s.Query(
        $"SELECT {TagColumns} FROM tags t WHERE t.app = $app ORDER BY t.id", r => ReadTag(r), ("$app", app))));

    public Task<TagRecord> GetTagAsync(long id) => Task.FromResult(db.Read(s => TagById(s, id) ?? throw TagNotFound()));

    /// <summary>POST /tags with a name (and maybe an id): creates the tag, returns the one of that name, or renames tag id.</summary>
    public Task<TagRecord> SaveTagAsync(string name, long? id) => db.WriteAsync(s =>
    {
        var named = TagNamed(s, name, ignoreCase: true);
        if (id is { } tagId)
        {
            var tag = TagById(s, tagId) ?? throw TagNotFound();
            if (named is not null && named.NumericId != tagId)
            {
                throw new ApiError(400, "bad_request", $"A tag named '{name}' already exists with id {named.NumericId}") { Code = "parameter_invalid", Field = "name" };
            }

            s.Execute("UPDATE tags SET name = $name WHERE id = $id", ("$name", name), ("$id", tag.NumericId));
            return TagById(s, tagId)!;
        }

        return named ?? CreateTag(s, name, color: null);
    });

    /// <summary>
    /// POST /tags with users: creates the tag if needed, then tags (or untags) each contact; every id must exist. The
    /// contacts are found in one statement and linked in one per direction; a contact named twice ends as its last
    /// entry says, as if the entries were applied in order.
    /// </summary>
    public Task<TagRecord> TagContactsAsync(string name, IReadOnlyList<(string ContactId, bool Untag)> contacts) => db.WriteAsync(s =>
    {
        var seqs = s.Query(ContactSeqs, r => r.IsDBNull(0) ? (long?)null : r.GetInt64(0), ("$app", app),
            ("$values", JsonSerializer.Serialize(contacts.Select(c => c.ContactId))));
        var untagBySeq = new Dictionary<long, bool>();
        for (var i = 0; i < contacts.Count; i++)
        {
            var seq = seqs[i] ?? throw new ApiError(404, "not_found", $"User Not Found: no contact has id '{contacts[i].ContactId}'") { Code = "not_found" };
            untagBySeq[seq] = contacts[i].Untag;
        }

        var tag = TagNamed(s, name, ignoreCase: true) ?? CreateTag(s, name, color: null);
        Link(s, tag.NumericId, (TagSeqs, Seqs(untagBySeq, untag: false)), (UntagSeqs, Seqs(untagBySeq, untag: true)));
        return tag;
    });

    public Task DeleteTagAsync(long id) => db.WriteAsync(s =>
    {
        var tag = TagById(s, id) ?? throw TagNotFound();
        return s.Execute("DELETE FROM user_tags WHERE tag_id = $id; DELETE FROM conversation_tags WHERE tag_id = $id; DELETE FROM tags WHERE id = $id", ("$id", tag.NumericId));
    });

    public Task<TagRecord> AddContactTagAsync(string contactId, long tagId) => LinkContactAsync(contactId, tagId, TagSeqs);

    public Task<TagRecord> RemoveContactTagAsync(string contactId, long tagId) => LinkContactAsync(contactId, tagId, UntagSeqs);

    private Task<TagRecord> LinkContactAsync(string contactId, long tagId, string sql) => db.WriteAsync(s =>
    {
        var contact = Find(s, contactId) ?? throw ContactNotFound();
        var tag = TagById(s, tagId) ?? throw TagNotFound();
        Link(s, tag.NumericId, (sql, new[] { contact.User.Seq }));
        return tag;
    });

    /// <summary>A new tag named <paramref name="name"/> (unless one of that exact name exists), green unless a colour is given.</summary>
    private TagRecord CreateTag(DbSession s, string name, string? color)
    {
        s.Execute($"INSERT OR IGNORE INTO tags (app, intercom_id, name, color) VALUES ($app, {Schema.NewIntercomId}, $name, COALESCE($color, 'green'))",
            ("$app", app), ("$name", name), ("$color", color), ("$now", Now));
        return TagNamed(s, name, ignoreCase: false)!;
    }

    /// <summary>Runs each link or unlink statement over its values (user ids, emails or seqs), one statement whatever the batch size.</summary>
    private void Link<T>(DbSession s, long tag, params (string Sql, IReadOnlyCollection<T> Values)[] batches)
    {
        foreach (var (sql, values) in batches)
        {
            if (values.Count > 0)
            {
                s.Execute(sql, ("$tag", tag), ("$app", app), ("$values", JsonSerializer.Serialize(values)));
            }
        }
    }

    private static List<long> Seqs(Dictionary<long, bool> untagBySeq, bool untag) => [.. untagBySeq.Where(c => c.Value == untag).Select(c => c.Key)];

    private TagRecord? TagById(DbSession s, long id) =>
        s.First($"SELECT {TagColumns} FROM tags t WHERE t.app = $app AND t.id = $id", r => ReadTag(r), ("$app", app), ("$id", id));

    /// <summary>The tag of that exact name (v1, on the unique index), or of that name in any case (2.14: the oldest).</summary>
    private TagRecord? TagNamed(DbSession s, string name, bool ignoreCase) => s.First(
        ignoreCase
            ? $"SELECT {TagColumns} FROM tags t WHERE t.app = $app AND t.name = $name COLLATE NOCASE ORDER BY t.id LIMIT 1"
            : $"SELECT {TagColumns} FROM tags t WHERE t.app = $app AND t.name = $name",
        r => ReadTag(r), ("$app", app), ("$name", name));

    /// <summary>The tag whose <see cref="TagColumns"/> start at column <paramref name="at"/> (after a statement's own columns).</summary>
    private static TagRecord ReadTag(SqliteDataReader r, int at = 0) =>
        new(r.GetString(at), r.GetInt64(at + 1), r.GetString(at + 2), r.GetString(at + 3), r.GetInt64(at + 4));

    /// <summary>Tag rows as <see cref="TagsOfUser"/> aggregates them: a JSON array of <see cref="TagColumns"/> arrays.</summary>
    private static IReadOnlyList<TagRecord> TagsFromJson(string json)
    {
        if (json == "[]")
        {
            return [];
        }

        using var rows = JsonDocument.Parse(json);
        return [.. rows.RootElement.EnumerateArray().Select(t => new TagRecord(t[0].GetString()!, t[1].GetInt64(), t[2].GetString()!, t[3].GetString()!, t[4].GetInt64()))];
    }

    /// <summary>
    /// 2.x's 404 for a tag that is not there: not_found "Resource Not Found", as every tag 404 the description
    /// documents (v1 words its own: ApiError.TagNotFound).
    /// </summary>
    public static ApiError TagNotFound() => new(404, "not_found", "Resource Not Found");
}
