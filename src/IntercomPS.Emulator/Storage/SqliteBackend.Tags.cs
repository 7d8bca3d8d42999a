using System.Text.Json;
using System.Threading.Tasks;
using IntercomPS.Emulator.Model;

namespace IntercomPS.Emulator.Storage;

/// <summary>Tags: unique by name within an app, linked to users through user_tags.</summary>
internal sealed partial class SqliteBackend
{
    // The users a batch names, found through json_each($values) joined to the index on (app, user_id) or (app, email):
    // CROSS JOIN keeps the identifiers as the outer loop, so each is one index seek whatever the app's size.
    internal const string TagByUserId = $"INSERT OR IGNORE INTO user_tags (tag_id, user_seq) SELECT $tag, u.seq {NamedByUserId}";
    internal const string TagByEmail = $"INSERT OR IGNORE INTO user_tags (tag_id, user_seq) SELECT $tag, u.seq {NamedByEmail}";
    internal const string UntagByUserId = $"DELETE FROM user_tags WHERE tag_id = $tag AND user_seq IN (SELECT u.seq {NamedByUserId})";
    internal const string UntagByEmail = $"DELETE FROM user_tags WHERE tag_id = $tag AND user_seq IN (SELECT u.seq {NamedByEmail})";
    private const string NamedByUserId = "FROM json_each($values) AS j CROSS JOIN users AS u WHERE u.app = $app AND u.user_id = j.value";
    private const string NamedByEmail = "FROM json_each($values) AS j CROSS JOIN users AS u WHERE u.app = $app AND u.email = j.value";

    public Task<TagRecord> GetTagAsync(string name) => Task.FromResult(db.Read(s => FindTag(s, name) ?? throw TagNotFound()));

    public Task<(TagRecord Tag, bool Created)> SaveTagAsync(TagInput input, bool create) => db.WriteAsync(s =>
    {
        var tag = FindTag(s, input.Name);
        var created = tag is null;
        if (tag is null)
        {
            if (!create)
            {
                throw TagNotFound();
            }

            if (input.TagOrUntag == "untag")
            {
                throw ApiError.BadRequest("tag_or_untag \"untag\" is not supported when creating a tag; create it first, then untag with PUT");
            }

            s.Execute($"INSERT INTO tags (app, intercom_id, name, color) VALUES ($app, {Schema.NewIntercomId}, $name, $color)",
                ("$app", app), ("$name", input.Name), ("$color", input.Color ?? "green"), ("$now", Now));
        }
        else if (input.Color is not null)
        {
            s.Execute("UPDATE tags SET color = $color WHERE id = $id", ("$color", input.Color), ("$id", tag.NumericId));
        }

        var tagId = s.Scalar<long>("SELECT id FROM tags WHERE app = $app AND name = $name", ("$app", app), ("$name", input.Name));

        // One statement per kind of identifier, whatever the batch size; identifiers that match no user are skipped,
        // so tagged_user_count shows what was really tagged.
        var untag = input.TagOrUntag == "untag";
        foreach (var (sql, values) in new[] { (untag ? UntagByUserId : TagByUserId, input.UserIds), (untag ? UntagByEmail : TagByEmail, input.Emails) })
        {
            if (values.Count > 0)
            {
                s.Execute(sql, ("$tag", tagId), ("$app", app), ("$values", JsonSerializer.Serialize(values)));
            }
        }

        return (FindTag(s, input.Name)!, created);
    });

    private TagRecord? FindTag(DbSession s, string name) => s.First(
        "SELECT intercom_id, id, name, color, user_count FROM tags WHERE app = $app AND name = $name",
        r => new TagRecord(r.GetString(0), r.GetInt64(1), r.GetString(2), r.GetString(3), r.GetInt64(4)),
        ("$app", app), ("$name", name));

    private static ApiError TagNotFound() => ApiError.NotFound("The Tag was not found");
}
