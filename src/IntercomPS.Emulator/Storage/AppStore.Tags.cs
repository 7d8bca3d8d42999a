using System;
using System.Collections.Generic;
using System.Linq;
using System.Text.Json;
using System.Threading.Tasks;
using IntercomPS.Emulator.Model;
using Microsoft.Data.Sqlite;

namespace IntercomPS.Emulator.Storage;

/// <summary>
/// Tags, linked to users through user_tags and to companies through company_tags. One row carries both faces' ids: the 24-hex intercom_id v1 shows and the
/// numeric rowid 2.14 shows. Names are unique within an app; v1 names a tag exactly, 2.14 ignoring case, as its
/// description says. A tag's user count is a column the schema's triggers keep, so no answer counts its users.
/// </summary>
internal sealed partial class AppStore
{
    // The users a batch names, found through json_each($values) joined to the index on (app, user_id) or (app, email):
    // CROSS JOIN keeps the identifiers as the outer loop, so each is one index seek whatever the app's size.
    internal const string TagByUserId = $"INSERT OR IGNORE INTO user_tags {Applied} SELECT $tag, u.seq, $now, $admin {NamedByUserId}";
    internal const string TagByEmail = $"INSERT OR IGNORE INTO user_tags {Applied} SELECT $tag, u.seq, $now, $admin {NamedByEmail}";
    internal const string UntagByUserId = $"DELETE FROM user_tags WHERE tag_id = $tag AND user_seq IN (SELECT u.seq {NamedByUserId})";
    internal const string UntagByEmail = $"DELETE FROM user_tags WHERE tag_id = $tag AND user_seq IN (SELECT u.seq {NamedByEmail})";

    /// <summary>
    /// A link's columns: a user is tagged at $now by $admin, the admin whose token the request came with (on either face
    /// the app's key, its first admin's); a tag applied again keeps when and by whom it was first, as a conversation's.
    /// </summary>
    private const string Applied = "(tag_id, user_seq, applied_at, admin_id)";
    private const string NamedByUserId = "FROM json_each($values) AS j CROSS JOIN users AS u WHERE u.app = $app AND u.user_id = j.value";
    private const string NamedByEmail = "FROM json_each($values) AS j CROSS JOIN users AS u WHERE u.app = $app AND u.email = j.value";

    /// <summary>The seq of each contact id in $values, in order (NULL for an unknown one), by one seek each on its index.</summary>
    internal const string ContactSeqs = "SELECT u.seq FROM json_each($values) AS j LEFT JOIN users AS u ON u.intercom_id = j.value AND u.app = $app ORDER BY j.key";

    /// <summary>Links (or unlinks) the users whose seqs are in $values: what 2.14 tags contacts with, one or many.</summary>
    internal const string TagSeqs = $"INSERT OR IGNORE INTO user_tags {Applied} SELECT $tag, j.value, $now, $admin FROM json_each($values) AS j";
    internal const string UntagSeqs = "DELETE FROM user_tags WHERE tag_id = $tag AND user_seq IN (SELECT j.value FROM json_each($values) AS j)";

    /// <summary>
    /// The seq of each company in $values ([id, company_id] pairs), in order (NULL for an unknown one): by Intercom's id
    /// when given (then its company_id, if given too, must match), else by company_id; one seek each on its index.
    /// </summary>
    internal const string CompanySeqs = """
        SELECT CASE WHEN json_extract(j.value, '$[0]') IS NOT NULL
            THEN (SELECT c.seq FROM companies c WHERE c.intercom_id = json_extract(j.value, '$[0]') AND c.app = $app
                  AND c.company_id = COALESCE(json_extract(j.value, '$[1]'), c.company_id))
            ELSE (SELECT c.seq FROM companies c WHERE c.app = $app AND c.company_id = json_extract(j.value, '$[1]')) END
        FROM json_each($values) AS j ORDER BY j.key
        """;

    /// <summary>Links (or unlinks) the companies whose seqs are in $values.</summary>
    internal const string TagCompanySeqs = "INSERT OR IGNORE INTO company_tags (tag_id, company_seq) SELECT $tag, j.value FROM json_each($values) AS j";
    internal const string UntagCompanySeqs = "DELETE FROM company_tags WHERE tag_id = $tag AND company_seq IN (SELECT j.value FROM json_each($values) AS j)";

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
        var seqs = s.Query(ContactSeqs, ReadSeq, ("$app", app), ("$values", JsonSerializer.Serialize(contacts.Select(c => c.ContactId))));
        var untagBySeq = UntagBySeq(seqs, contacts.Select(c => c.Untag), i =>
            new ApiError(404, "not_found", $"User Not Found: no contact has id '{contacts[i].ContactId}'") { Code = "not_found" });
        return TagOrUntag(s, name, untagBySeq, TagSeqs, UntagSeqs);
    });

    /// <summary>
    /// POST /tags with companies: as <see cref="TagContactsAsync"/>, for companies named by id or company_id. Every
    /// company must exist: one that does not is 2.14's company_not_found, and nothing is tagged or created.
    /// </summary>
    public Task<TagRecord> TagCompaniesAsync(string name, IReadOnlyList<CompanyTagging> companies) => db.WriteAsync(s =>
    {
        var seqs = s.Query(CompanySeqs, ReadSeq, ("$app", app), ("$values", JsonSerializer.Serialize(companies.Select(c => new[] { c.Id, c.CompanyId }))));
        var untagBySeq = UntagBySeq(seqs, companies.Select(c => c.Untag), i =>
            new ApiError(404, "not_found", $"Company Not Found: no company has {Named(companies[i])}") { Code = "company_not_found" });
        return TagOrUntag(s, name, untagBySeq, TagCompanySeqs, UntagCompanySeqs);
    });

    /// <summary>Deletes the tag and untags its contacts and conversations (its companies' rows go by a trigger).</summary>
    public Task DeleteTagAsync(long id) => db.WriteAsync(s =>
    {
        var tag = TagById(s, id) ?? throw TagNotFound();
        return s.Execute("DELETE FROM user_tags WHERE tag_id = $id; DELETE FROM conversation_tags WHERE tag_id = $id; DELETE FROM tags WHERE id = $id", ("$id", tag.NumericId));
    });

    /// <summary>Tags the contact; the tag as applied (when first, and by whom).</summary>
    public Task<AppliedTag> AddContactTagAsync(string contactId, long tagId) => db.WriteAsync(s =>
    {
        var contact = Find(s, contactId) ?? throw ContactNotFound();
        var tag = TagById(s, tagId) ?? throw TagNotFound();
        Link(s, tag.NumericId, (TagSeqs, new[] { contact.User.Seq }));
        return s.First("SELECT applied_at, admin_id FROM user_tags WHERE tag_id = $tag AND user_seq = $seq",
            r => new AppliedTag(tag, Number(r, 0), Text(r, 1)), ("$tag", tag.NumericId), ("$seq", contact.User.Seq))!;
    });

    /// <summary>Untags the contact; the tag as it was applied (nothing applied, for a tag the contact does not have).</summary>
    public Task<AppliedTag> RemoveContactTagAsync(string contactId, long tagId) => db.WriteAsync(s =>
    {
        var contact = Find(s, contactId) ?? throw ContactNotFound();
        var tag = TagById(s, tagId) ?? throw TagNotFound();
        Link(s, tag.NumericId, (UntagSeqs, new[] { contact.User.Seq }));
        return contact.Tags.FirstOrDefault(t => t.Tag.NumericId == tag.NumericId) ?? new AppliedTag(tag, null, null);
    });

    /// <summary>A new tag named <paramref name="name"/> (unless one of that exact name exists), green unless a colour is given.</summary>
    private TagRecord CreateTag(DbSession s, string name, string? color)
    {
        s.Execute($"INSERT OR IGNORE INTO tags (app, intercom_id, name, color) VALUES ($app, {Schema.NewIntercomId}, $name, COALESCE($color, 'green'))",
            ("$app", app), ("$name", name), ("$color", color), ("$now", Now));
        return TagNamed(s, name, ignoreCase: false)!;
    }

    /// <summary>
    /// Runs each link or unlink statement over its values (user ids, emails or seqs), one statement whatever the batch
    /// size; a link is applied now by the app's admin (<see cref="Applied"/>).
    /// </summary>
    private void Link<T>(DbSession s, long tag, params (string Sql, IReadOnlyCollection<T> Values)[] batches)
    {
        foreach (var (sql, values) in batches)
        {
            if (values.Count > 0)
            {
                s.Execute(sql, ("$tag", tag), ("$app", app), ("$values", JsonSerializer.Serialize(values)), ("$now", Now), ("$admin", admin.Id));
            }
        }
    }

    /// <summary>
    /// Each found seq with whether to untag it; the first not found (a NULL seq) is <paramref name="notFound"/>'s error,
    /// before anything is written. A seq named twice ends as its last entry says, as if the entries were applied in order.
    /// </summary>
    private static Dictionary<long, bool> UntagBySeq(List<long?> seqs, IEnumerable<bool> untags, Func<int, ApiError> notFound)
    {
        var untagBySeq = new Dictionary<long, bool>();
        foreach (var (untag, i) in untags.Select((untag, i) => (untag, i)))
        {
            untagBySeq[seqs[i] ?? throw notFound(i)] = untag;
        }

        return untagBySeq;
    }

    /// <summary>Finds (ignoring case) or creates the tag, then links and unlinks the seqs: one statement per direction.</summary>
    private TagRecord TagOrUntag(DbSession s, string name, Dictionary<long, bool> untagBySeq, string tagSql, string untagSql)
    {
        var tag = TagNamed(s, name, ignoreCase: true) ?? CreateTag(s, name, color: null);
        Link(s, tag.NumericId, (tagSql, Seqs(untagBySeq, untag: false)), (untagSql, Seqs(untagBySeq, untag: true)));
        return tag;
    }

    private static List<long> Seqs(Dictionary<long, bool> untagBySeq, bool untag) => [.. untagBySeq.Where(c => c.Value == untag).Select(c => c.Key)];

    private static long? ReadSeq(SqliteDataReader r) => r.IsDBNull(0) ? null : r.GetInt64(0);

    private static string Named(CompanyTagging company) => (company.Id, company.CompanyId) switch
    {
        ({ } id, { } companyId) => $"id '{id}' and company_id '{companyId}'",
        ({ } id, null) => $"id '{id}'",
        (null, var companyId) => $"company_id '{companyId}'",
    };

    /// <summary>
    /// The tag a conversation, ticket or article is to be tagged with: the workspace's tag of that id, else the 404
    /// tag_not_found these operations answer (not GET /tags/{id}'s not_found). The one place that rule lives.
    /// </summary>
    private TagRecord TagToApply(DbSession s, long tagId) => TagById(s, tagId) ?? throw ConversationTagNotFound();

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

    /// <summary>Tag rows as a company's are aggregated: a JSON array of <see cref="TagColumns"/> arrays.</summary>
    private static IReadOnlyList<TagRecord> TagsFromJson(string json) => FromJsonRows(json, TagFromJson);

    /// <summary>Tag rows as <see cref="TagsOfUser"/> aggregates them: <see cref="TagColumns"/>, then applied_at and admin_id.</summary>
    private static IReadOnlyList<AppliedTag> AppliedTagsFromJson(string json) => FromJsonRows(json, t => new AppliedTag(
        TagFromJson(t), t[5].ValueKind == JsonValueKind.Null ? null : t[5].GetInt64(), t[6].ValueKind == JsonValueKind.Null ? null : t[6].GetString()));

    private static TagRecord TagFromJson(JsonElement t) => new(t[0].GetString()!, t[1].GetInt64(), t[2].GetString()!, t[3].GetString()!, t[4].GetInt64());

    private static List<T> FromJsonRows<T>(string json, Func<JsonElement, T> read)
    {
        if (json == "[]")
        {
            return [];
        }

        using var rows = JsonDocument.Parse(json);
        return [.. rows.RootElement.EnumerateArray().Select(read)];
    }

    /// <summary>
    /// 2.x's 404 for a tag that is not there: not_found "Resource Not Found", as every tag 404 the description
    /// documents (v1 words its own: ApiError.TagNotFound).
    /// </summary>
    public static ApiError TagNotFound() => new(404, "not_found", "Resource Not Found");
}
