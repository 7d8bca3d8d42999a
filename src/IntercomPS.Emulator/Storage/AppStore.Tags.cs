using System.Collections.Generic;
using System.Linq;
using System.Text.Json;
using System.Threading.Tasks;
using IntercomPS.Emulator.Model;

namespace IntercomPS.Emulator.Storage;

/// <summary>Tags on the 2.14 face: the same tags and user_tags /v1 uses; the 2.14 tag id is the numeric row id.</summary>
internal sealed partial class AppStore
{
    /// <summary>The seq of each contact id in $values, in order (NULL for an unknown one), by one seek each on its index.</summary>
    internal const string ContactSeqs = "SELECT u.seq FROM json_each($values) AS j LEFT JOIN users AS u ON u.intercom_id = j.value AND u.app = $app ORDER BY j.key";

    internal const string TagSeqs = "INSERT OR IGNORE INTO user_tags (tag_id, user_seq) SELECT $tag, j.value FROM json_each($values) AS j";
    internal const string UntagSeqs = "DELETE FROM user_tags WHERE tag_id = $tag AND user_seq IN (SELECT j.value FROM json_each($values) AS j)";

    public Task<IReadOnlyList<TagRecord>> ListTagsAsync() => Task.FromResult<IReadOnlyList<TagRecord>>(db.Read(s => s.Query(
        "SELECT id, name, color, intercom_id FROM tags WHERE app = $app ORDER BY id", r => new TagRecord(r.GetString(3), r.GetInt64(0), r.GetString(1), r.GetString(2), null),
        ("$app", app))));

    public Task<TagRecord> GetTagAsync(long id) => Task.FromResult(db.Read(s => TagById(s, id) ?? throw TagNotFound()));

    /// <summary>POST /tags with a name (and maybe an id): creates the tag, returns the one of that name, or renames tag id.</summary>
    public Task<TagRecord> SaveTagAsync(string name, long? id) => db.WriteAsync(s =>
    {
        var named = TagByName(s, name);
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

        if (named is not null)
        {
            return named;
        }

        s.Execute($"INSERT INTO tags (app, intercom_id, name, color) VALUES ($app, {Schema.NewIntercomId}, $name, 'green')",
            ("$app", app), ("$name", name), ("$now", Now));
        return TagByName(s, name)!;
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

        var tag = TagByName(s, name);
        if (tag is null)
        {
            s.Execute($"INSERT INTO tags (app, intercom_id, name, color) VALUES ($app, {Schema.NewIntercomId}, $name, 'green')",
                ("$app", app), ("$name", name), ("$now", Now));
            tag = TagByName(s, name)!;
        }

        foreach (var (sql, untag) in new[] { (TagSeqs, false), (UntagSeqs, true) })
        {
            var chosen = untagBySeq.Where(c => c.Value == untag).Select(c => c.Key).ToList();
            if (chosen.Count > 0)
            {
                s.Execute(sql, ("$tag", tag.NumericId), ("$values", JsonSerializer.Serialize(chosen)));
            }
        }

        return tag;
    });

    public Task DeleteTagAsync(long id) => db.WriteAsync(s =>
    {
        var tag = TagById(s, id) ?? throw TagNotFound();
        return s.Execute("DELETE FROM user_tags WHERE tag_id = $id; DELETE FROM tags WHERE id = $id", ("$id", tag.NumericId));
    });

    public Task<TagRecord> AddContactTagAsync(string contactId, long tagId) => db.WriteAsync(s =>
    {
        var contact = Find(s, contactId) ?? throw ContactNotFound();
        var tag = TagById(s, tagId) ?? throw TagNotFound();
        s.Execute("INSERT OR IGNORE INTO user_tags (tag_id, user_seq) VALUES ($tag, $seq)", ("$tag", tag.NumericId), ("$seq", contact.User.Seq));
        return tag;
    });

    public Task<TagRecord> RemoveContactTagAsync(string contactId, long tagId) => db.WriteAsync(s =>
    {
        var contact = Find(s, contactId) ?? throw ContactNotFound();
        var tag = TagById(s, tagId) ?? throw TagNotFound();
        s.Execute("DELETE FROM user_tags WHERE tag_id = $tag AND user_seq = $seq", ("$tag", tag.NumericId), ("$seq", contact.User.Seq));
        return tag;
    });

    private TagRecord? TagById(DbSession s, long id) => s.First(
        "SELECT id, name, color, intercom_id FROM tags WHERE app = $app AND id = $id", r => new TagRecord(r.GetString(3), r.GetInt64(0), r.GetString(1), r.GetString(2), null),
        ("$app", app), ("$id", id));

    /// <summary>Names are case-insensitive on 2.14, as the description says.</summary>
    private TagRecord? TagByName(DbSession s, string name) => s.First(
        "SELECT id, name, color, intercom_id FROM tags WHERE app = $app AND name = $name COLLATE NOCASE ORDER BY id LIMIT 1",
        r => new TagRecord(r.GetString(3), r.GetInt64(0), r.GetString(1), r.GetString(2), null), ("$app", app), ("$name", name));

    /// <summary>A 2.x tag that is not there: not_found "Resource Not Found", as every tag 404 the description documents.</summary>
    public static ApiError TagNotFound() => new(404, "not_found", "Resource Not Found");

    // The users a batch names, found through json_each($values) joined to the index on (app, user_id) or (app, email):
    // CROSS JOIN keeps the identifiers as the outer loop, so each is one index seek whatever the app's size.
    internal const string TagByUserId = $"INSERT OR IGNORE INTO user_tags (tag_id, user_seq) SELECT $tag, u.seq {NamedByUserId}";
    internal const string TagByEmail = $"INSERT OR IGNORE INTO user_tags (tag_id, user_seq) SELECT $tag, u.seq {NamedByEmail}";
    internal const string UntagByUserId = $"DELETE FROM user_tags WHERE tag_id = $tag AND user_seq IN (SELECT u.seq {NamedByUserId})";
    internal const string UntagByEmail = $"DELETE FROM user_tags WHERE tag_id = $tag AND user_seq IN (SELECT u.seq {NamedByEmail})";
    private const string NamedByUserId = "FROM json_each($values) AS j CROSS JOIN users AS u WHERE u.app = $app AND u.user_id = j.value";
    private const string NamedByEmail = "FROM json_each($values) AS j CROSS JOIN users AS u WHERE u.app = $app AND u.email = j.value";

    public Task<TagRecord> GetTagAsync(string name) => Task.FromResult(db.Read(s => FindTag(s, name) ?? throw ApiError.TagNotFound()));

    public Task<(TagRecord Tag, bool Created)> SaveTagAsync(TagInput input, bool create) => db.WriteAsync(s =>
    {
        var tag = FindTag(s, input.Name);
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

        if (input.TagOrUntag == "untag")
        {
            UntagUsers(s, tag.NumericId, input.UserIds, input.Emails);
        }
        else
        {
            TagUsers(s, tag.NumericId, input.UserIds, input.Emails);
        }

        return (FindTag(s, input.Name)!, created);
    });

    /// <summary>A new tag named <paramref name="name"/> (unless one of that exact name exists), green unless a colour is given.</summary>
    private TagRecord CreateTag(DbSession s, string name, string? color)
    {
        s.Execute($"INSERT OR IGNORE INTO tags (app, intercom_id, name, color) VALUES ($app, {Schema.NewIntercomId}, $name, COALESCE($color, 'green'))",
            ("$app", app), ("$name", name), ("$color", color), ("$now", Now));
        return FindTag(s, name)!;
    }

    // One statement per kind of identifier, whatever the batch size; identifiers that match no user are skipped, so
    // tagged_user_count shows what was really tagged.
    private void TagUsers(DbSession s, long tag, IReadOnlyList<string> userIds, IReadOnlyList<string> emails) =>
        Link(s, tag, (TagByUserId, userIds), (TagByEmail, emails));

    private void UntagUsers(DbSession s, long tag, IReadOnlyList<string> userIds, IReadOnlyList<string> emails) =>
        Link(s, tag, (UntagByUserId, userIds), (UntagByEmail, emails));

    private void Link(DbSession s, long tag, params (string Sql, IReadOnlyList<string> Values)[] batches)
    {
        foreach (var (sql, values) in batches)
        {
            if (values.Count > 0)
            {
                s.Execute(sql, ("$tag", tag), ("$app", app), ("$values", JsonSerializer.Serialize(values)));
            }
        }
    }

    private TagRecord? FindTag(DbSession s, string name) => s.First(
        "SELECT intercom_id, id, name, color, user_count FROM tags WHERE app = $app AND name = $name",
        r => new TagRecord(r.GetString(0), r.GetInt64(1), r.GetString(2), r.GetString(3), r.GetInt64(4)),
        ("$app", app), ("$name", name));
}
